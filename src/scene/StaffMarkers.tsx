/**
 * Staff as ONE InstancedMesh of map pins (cones pointing down), one
 * instance per staff member in roster order, so the instance index is the
 * staff index.
 *
 * Each new frame rewrites the translation part of the instance matrices
 * straight into the typed array (no Object3D, no allocation) and the
 * colours of members whose state changed. Off-duty members get a zero
 * scale: they are not drawn and cannot be clicked.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { ConeGeometry, InstancedBufferAttribute, InstancedMesh, MeshBasicMaterial } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import { setScaleTranslate, type SceneMetrics } from './cityGeometry.ts';
import type { FrameStore } from './frameStore.ts';
import { STAFF_STATE_COLORS } from './palette.ts';
import { paletteArray } from './paletteGl.ts';
import { instancePick } from './pick.ts';

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
  const geometry = useMemo(() => {
    const g = new ConeGeometry(PIN_R, PIN_H, 10, 1);
    g.rotateX(Math.PI); // apex down
    g.translate(0, PIN_H / 2, 0); // apex at y = 0
    return g;
  }, []);
  const material = useMemo(() => new MeshBasicMaterial(), []);
  const palette = useMemo(() => paletteArray(STAFF_STATE_COLORS), []);

  const mesh = useMemo(() => {
    const m = new InstancedMesh(geometry, material, Math.max(1, n));
    (m.instanceMatrix.array as Float32Array).fill(0); // all hidden until the first frame
    m.instanceColor = new InstancedBufferAttribute(new Float32Array(Math.max(1, n) * 3), 3);
    m.count = n;
    m.frustumCulled = false; // positions move every frame; the bounding sphere is recomputed lazily for picking
    m.visible = n > 0;
    m.name = 'staff';
    return m;
  }, [geometry, material, n]);

  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );
  useEffect(
    () => () => {
      mesh.dispose();
    },
    [mesh],
  );

  // The mesh as mounted (useFrame writes its buffers through this ref, the R3F way to mutate per frame).
  const meshRef = useRef<InstancedMesh>(null);
  // What was drawn last: frame version, mesh, and each member's state (255: none yet).
  const applied = useRef({ version: -1, mesh: null as InstancedMesh | null, lastState: new Uint8Array(0) });

  useFrame(() => {
    const f = store.frame;
    const mesh = meshRef.current;
    const a = applied.current;
    if (!mesh || !f || f.staffState.length !== n || (store.version === a.version && a.mesh === mesh)) return;
    if (a.mesh !== mesh) {
      if (a.lastState.length !== Math.max(1, n)) a.lastState = new Uint8Array(Math.max(1, n));
      a.lastState.fill(255);
    }
    const lastState = a.lastState;
    a.version = store.version;
    a.mesh = mesh;
    const mat = mesh.instanceMatrix.array as Float32Array;
    const col = mesh.instanceColor!.array as Float32Array;
    const xy = f.staffXY,
      st = f.staffState;
    const s = metrics.markerScale,
      y = metrics.overlayY;
    let colorsChanged = false;
    for (let i = 0; i < n; i++) {
      const state = st[i];
      const k = state === 0 ? 0 : s;
      setScaleTranslate(mat, i, k, k, k, xy[2 * i] - metrics.halfX, y, xy[2 * i + 1] - metrics.halfZ);
      if (state !== lastState[i]) {
        lastState[i] = state;
        const p = Math.min(state, 5) * 3;
        col[i * 3] = palette[p];
        col[i * 3 + 1] = palette[p + 1];
        col[i * 3 + 2] = palette[p + 2];
        colorsChanged = true;
      }
    }
    mesh.instanceMatrix.needsUpdate = true;
    if (colorsChanged) mesh.instanceColor!.needsUpdate = true;
    mesh.boundingSphere = null; // stale: recomputed on the next raycast
  });

  const onClick = instancePick(onPick);

  return <primitive ref={meshRef} object={mesh} onClick={onClick} />;
}
