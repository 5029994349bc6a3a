/**
 * The 2D map's camera: orthographic, straight above the plan, north up,
 * its frustum in CSS pixels (so `zoom` is pixels per cell), made the
 * scene's camera while mounted (the 3D camera comes back on unmount).
 * MapControls without rotation: drag pans, wheel / pinch zooms toward the
 * cursor; every change requests a render and damping glides on demand.
 * Framed on mount, on a change of `reframeKey`, and on resizes within
 * 1.5 s of either (the page's layout is still settling then).
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { OrthographicCamera } from 'three';
import { MapControls } from 'three/examples/jsm/controls/MapControls.js';
import type { SceneMetrics } from './cityGeometry.ts';
import { frameZoom } from './mapView.ts';

export interface MapCameraProps {
  metrics: SceneMetrics;
  /** Changing it frames the city again (see CameraRig). */
  reframeKey?: unknown;
}

const SETTLE_MS = 1500;
/** Height of the camera above the plan, cells (anything above the markers; the projection is orthographic). */
const CAMERA_Y = 50;

/** The frustum in CSS pixels (so zoom is pixels per cell). */
function setFrustum(camera: OrthographicCamera, width: number, height: number): void {
  camera.left = -width / 2;
  camera.right = width / 2;
  camera.top = height / 2;
  camera.bottom = -height / 2;
  camera.updateProjectionMatrix();
}

/** Centre the city and zoom so that it fills MAP_FILL of a `width` × `height` canvas; the zoom limits follow. */
function frameMap(
  camera: OrthographicCamera,
  c: MapControls | null,
  metrics: SceneMetrics,
  width: number,
  height: number,
  invalidate: () => void,
): void {
  const z = frameZoom(metrics.cols, metrics.rows, width, height);
  camera.zoom = z;
  camera.position.set(0, CAMERA_Y, 0);
  setFrustum(camera, width, height);
  if (c) {
    c.target.set(0, 0, 0);
    c.minZoom = z * 0.5;
    c.maxZoom = Math.max(z * 60, 80);
    c.update();
  }
  invalidate();
}

export function MapCamera({ metrics, reframeKey }: MapCameraProps): null {
  const set = useThree((s) => s.set);
  const get = useThree((s) => s.get);
  const gl = useThree((s) => s.gl);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const controls = useRef<MapControls | null>(null);
  const settleUntil = useRef(0);

  const camera = useMemo(() => {
    const c = new OrthographicCamera(-1, 1, 1, -1, 1, CAMERA_Y * 4);
    c.up.set(0, 0, -1); // north (row 0, at -z) up on screen
    c.position.set(0, CAMERA_Y, 0);
    c.lookAt(0, 0, 0);
    c.name = 'map-camera';
    return c;
  }, []);

  const frame = (width: number, height: number) =>
    frameMap(camera, controls.current, metrics, width, height, invalidate);

  // the scene's camera while mounted
  useLayoutEffect(() => {
    const prev = get().camera;
    const { width, height } = get().size;
    setFrustum(camera, width, height);
    set({ camera });
    return () => set({ camera: prev });
  }, [camera, get, set]);

  useEffect(() => {
    const c = new MapControls(camera, gl.domElement);
    c.enableRotate = false;
    c.screenSpacePanning = true;
    c.enableDamping = true;
    c.dampingFactor = 0.2;
    c.zoomToCursor = true;
    const onChange = () => invalidate();
    c.addEventListener('change', onChange);
    controls.current = c;
    frame(get().size.width, get().size.height);
    settleUntil.current = performance.now() + SETTLE_MS;
    return () => {
      c.removeEventListener('change', onChange);
      c.dispose();
      controls.current = null;
    };
    // frame reads the size once per mount; resizes are handled below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [camera, gl, invalidate, metrics]);

  const lastKey = useRef(reframeKey);
  useEffect(() => {
    if (lastKey.current !== reframeKey) {
      lastKey.current = reframeKey;
      settleUntil.current = performance.now() + SETTLE_MS;
      frame(size.width, size.height);
    } else if (performance.now() < settleUntil.current) {
      frame(size.width, size.height);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reframeKey, size.width, size.height]);

  useFrame(() => {
    controls.current?.update();
  });
  return null;
}
