/**
 * Staff as ONE mesh of map pins (cones pointing down), one pin per staff
 * member in roster order, so the pin index is the staff index. The pins
 * are copies of one cone in a single vertex buffer (mergedMarkers.ts), not
 * instances: a software GPU pays per instance.
 *
 * Each new frame rewrites, straight in the typed arrays (no Object3D, no
 * allocation), the vertices of members who moved or came on or off duty and
 * the colours of members whose state changed; the GPU is sent only the range
 * of pins that changed. Off-duty members are collapsed to a point: they are
 * not drawn and cannot be clicked.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { ConeGeometry, Mesh, MeshBasicMaterial } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import type { SceneMetrics } from './cityGeometry.ts';
import type { FrameStore } from './frameStore.ts';
import { STAFF_STATE_COLORS } from './palette.ts';
import { paletteArray } from './paletteGl.ts';
import { facePick } from './pick.ts';
import { MergedMarkers } from './mergedMarkers.ts';

export interface StaffMarkersProps {
  layout: CityLayout;
  metrics: SceneMetrics;
  store: FrameStore;
  /** Called with the staff index when a marker is clicked. */
  onPick?: (staff: number) => void;
}

/** Pin size, cells (times the city's marker scale). */
const PIN_H = 0.62;
const PIN_R = 0.2;

export function StaffMarkers({ layout, metrics, store, onPick }: StaffMarkersProps) {
  const n = layout.nStaff;
  const pins = useMemo(() => {
    const g = new ConeGeometry(PIN_R, PIN_H, 10, 1);
    g.rotateX(Math.PI); // apex down
    g.translate(0, PIN_H / 2, 0); // apex at y = 0
    const m = new MergedMarkers(g, n);
    g.dispose();
    return m;
  }, [n]);
  const material = useMemo(() => new MeshBasicMaterial({ vertexColors: true }), []);
  const palette = useMemo(() => paletteArray(STAFF_STATE_COLORS), []);

  const mesh = useMemo(() => {
    const m = new Mesh(pins.geometry, material);
    pins.commit(n); // all collapsed (hidden) until the first frame
    m.frustumCulled = false; // pins move every frame; the bounding sphere is recomputed lazily for picking
    m.visible = n > 0;
    m.name = 'staff';
    return m;
  }, [pins, material, n]);

  useEffect(() => () => pins.geometry.dispose(), [pins]);
  useEffect(() => () => material.dispose(), [material]);

  // The mesh as mounted (useFrame writes its buffers through this ref, the R3F way to mutate per frame).
  const meshRef = useRef<Mesh>(null);
  // What was drawn last: frame version, mesh, each member's state (255: none yet) and position.
  const applied = useRef({
    version: -1,
    mesh: null as Mesh | null,
    metrics: null as SceneMetrics | null,
    lastState: new Uint8Array(0),
    lastXY: new Float32Array(0),
  });

  useFrame(() => {
    const f = store.frame;
    const mesh = meshRef.current;
    const a = applied.current;
    if (
      !mesh ||
      !f ||
      f.staffState.length !== n ||
      (store.version === a.version && a.mesh === mesh && a.metrics === metrics)
    )
      return;
    if (a.mesh !== mesh || a.metrics !== metrics) {
      // a new mesh, or the same one in a city of other measures: every pin is placed and painted again
      if (a.lastState.length !== Math.max(1, n)) {
        a.lastState = new Uint8Array(Math.max(1, n));
        a.lastXY = new Float32Array(Math.max(2, 2 * n));
      }
      a.lastState.fill(255);
    }
    const lastState = a.lastState,
      lastXY = a.lastXY;
    a.version = store.version;
    a.mesh = mesh;
    a.metrics = metrics;
    const xy = f.staffXY,
      st = f.staffState;
    const s = metrics.markerScale,
      y = metrics.overlayY;
    for (let i = 0; i < n; i++) {
      const state = st[i],
        was = lastState[i];
      const x = xy[2 * i],
        z = xy[2 * i + 1];
      // a pin moves when its member did, or came on or off duty (off duty: collapsed); 255: never placed yet
      if (x !== lastXY[2 * i] || z !== lastXY[2 * i + 1] || was === 255 || (state === 0) !== (was === 0)) {
        lastXY[2 * i] = x;
        lastXY[2 * i + 1] = z;
        pins.place(i, state === 0 ? 0 : s, x - metrics.halfX, y, z - metrics.halfZ);
      }
      if (state !== was) {
        lastState[i] = state;
        const p = Math.min(state, 5) * 3;
        pins.paint(i, palette[p], palette[p + 1], palette[p + 2]);
      }
    }
    pins.commit(n);
  });

  const onClick = facePick((f) => pins.markerOf(f), onPick);

  return <primitive ref={meshRef} object={mesh} onClick={onClick} />;
}
