/**
 * Camera framing and map controls.
 *
 * On mount (the scene remounts for each new layout) the camera is placed
 * south of the city looking obliquely down at its centre, far enough for
 * the whole plan to fit the viewport whatever its size or aspect. Three's
 * MapControls then give pan (left drag / one finger), rotate (right drag /
 * two fingers) and zoom (wheel / pinch); the camera cannot dip below the
 * ground. Every change requests a render, and damping keeps requesting
 * renders until the motion settles, so on-demand rendering still glides.
 * Resizes within 1.5 s of a new city or of a reframe request frame the
 * city again (the page's layout is still settling then).
 */
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { PerspectiveCamera, Vector3 } from 'three';
import { MapControls } from 'three/examples/jsm/controls/MapControls.js';
import type { SceneMetrics } from './cityGeometry.ts';

export interface CameraRigProps {
  /** Size of the city being shown. */
  metrics: SceneMetrics;
  /**
   * Changing it frames the city again at the canvas's size (the user's
   * camera moves are dropped), and again on resizes in the next 1.5 s while
   * the page's layout settles: for an app that gives the canvas another
   * shape. Default undefined (framed once per layout).
   */
  reframeKey?: unknown;
}

/** After a reframe request, resizes within this long frame the city again (the layout is still settling). */
const SETTLE_MS = 1500;

/** Camera elevation above the horizon, radians: oblique for compact cities, steeper for long thin ones (which would otherwise be a sliver). */
const ELEVATION_MIN = 0.95;
const ELEVATION_MAX = 1.25;

function elevationFor(m: SceneMetrics, aspect: number): number {
  const ratio = m.cols / Math.max(1, m.rows) / aspect; // > 1: the city is wider than the screen
  return Math.min(
    ELEVATION_MAX,
    Math.max(ELEVATION_MIN, ELEVATION_MIN + ((ELEVATION_MAX - ELEVATION_MIN) * (ratio - 1)) / 1.5),
  );
}
/** Share of the viewport (in normalised device coordinates) the city may fill. */
const FILL = 0.9;

/**
 * Place the camera south of the city, looking down at `target`, at
 * the distance where the city's footprint just fills FILL of the viewport,
 * and shift the target along the view so the plan is centred on screen
 * (perspective makes the near edge larger than the far one). Returns the
 * distance. Runs once per layout; allocations here are fine.
 */
function frameCity(cam: PerspectiveCamera, target: Vector3, m: SceneMetrics, viewAspect: number): number {
  const probe = cam.clone();
  const aspect = Number.isFinite(viewAspect) && viewAspect > 0 ? viewAspect : 16 / 9;
  probe.aspect = aspect;
  const elevation = elevationFor(m, aspect);
  const corners = [-1, 1].flatMap((sx) =>
    [-1, 1].flatMap((sz) => [0, m.overlayY].map((y) => new Vector3(sx * m.halfX, y, sz * m.halfZ))),
  );
  const dir = new Vector3(0, Math.sin(elevation), Math.cos(elevation));
  const v = new Vector3();
  const place = (d: number, tz: number) => {
    probe.position
      .copy(dir)
      .multiplyScalar(d)
      .add(v.set(0, 0, tz));
    probe.near = d / 200;
    probe.far = d * 12;
    probe.lookAt(0, 0, tz);
    probe.updateProjectionMatrix();
    probe.updateMatrixWorld(true);
    let maxX = 0,
      minY = Infinity,
      maxY = -Infinity;
    for (const c of corners) {
      v.copy(c).project(probe);
      maxX = Math.max(maxX, Math.abs(v.x));
      minY = Math.min(minY, v.y);
      maxY = Math.max(maxY, v.y);
    }
    return { maxX, minY, maxY };
  };
  let tz = 0,
    d = m.span * 2;
  for (let iter = 0; iter < 4; iter++) {
    // bisect the distance at which the footprint fills FILL of the viewport
    let lo = 1,
      hi = m.span * 20;
    for (let k = 0; k < 40; k++) {
      d = (lo + hi) / 2;
      const r = place(d, tz);
      if (Math.max(r.maxX, r.maxY - (r.minY + r.maxY) / 2) > FILL) lo = d;
      else hi = d;
    }
    d = hi;
    const r = place(d, tz);
    const mid = (r.minY + r.maxY) / 2;
    // world length per unit of NDC height at the target, along the ground
    const perNdc = (d * Math.tan((probe.fov * Math.PI) / 360)) / Math.sin(elevation);
    tz -= mid * perNdc;
  }
  cam.position
    .copy(dir)
    .multiplyScalar(d)
    .add(v.set(0, 0, tz));
  cam.near = Math.max(0.05, d / 200);
  cam.far = d * 12;
  cam.lookAt(0, 0, tz);
  cam.updateProjectionMatrix();
  target.set(0, 0, tz);
  return d;
}

export function CameraRig({ metrics, reframeKey }: CameraRigProps): null {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const size = useThree((s) => s.size);
  const controls = useRef<MapControls | null>(null);
  const settleUntil = useRef(0);

  useEffect(() => {
    const c = new MapControls(camera, gl.domElement);
    c.enableDamping = true;
    c.dampingFactor = 0.18;
    c.screenSpacePanning = false;
    c.maxPolarAngle = 1.35;
    c.zoomToCursor = true;
    const onChange = () => invalidate();
    c.addEventListener('change', onChange);
    controls.current = c;

    const dist = frameCity(camera as PerspectiveCamera, c.target, metrics, size.width / Math.max(1, size.height));
    // a new city often arrives with a change of the page's layout (an import opens its report beside the canvas):
    // resizes in the next moments frame it again, as after a reframe request
    settleUntil.current = performance.now() + SETTLE_MS;
    c.minDistance = 2;
    c.maxDistance = dist * 4;
    c.update();
    invalidate();
    return () => {
      c.removeEventListener('change', onChange);
      c.dispose();
      controls.current = null;
    };
    // size is read once for the initial framing; resizes keep the user's view
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [camera, gl, invalidate, metrics]);

  const lastKey = useRef(reframeKey);
  useEffect(() => {
    const reframe = () => {
      const c = controls.current;
      if (!c) return;
      c.maxDistance =
        frameCity(camera as PerspectiveCamera, c.target, metrics, size.width / Math.max(1, size.height)) * 4;
      c.update();
      invalidate();
    };
    if (lastKey.current !== reframeKey) {
      lastKey.current = reframeKey;
      settleUntil.current = performance.now() + SETTLE_MS;
      reframe();
    } else if (performance.now() < settleUntil.current) {
      reframe();
    }
  }, [reframeKey, size.width, size.height, camera, metrics, invalidate]);

  useFrame(() => {
    controls.current?.update();
  });
  return null;
}
