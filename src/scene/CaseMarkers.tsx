/**
 * Open cases: ONE mesh of octahedra coloured by event type and sized by
 * priority (priority 1, the most urgent, is the largest), plus ONE mesh of
 * flat red rings around the cases that are past a deadline. Cases not yet
 * discovered (latent) are drawn dimmed: they are out there, but nobody
 * knows yet. Each mesh holds copies of its shape in one vertex buffer
 * (mergedMarkers.ts), not instances: a software GPU pays per instance.
 *
 * Capacity is preallocated and doubles when a frame carries more cases
 * than fit (the old meshes are disposed); each frame draws as many copies
 * as there are open (and late) cases, and an empty mesh is not drawn at
 * all.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import {
  DoubleSide,
  Group,
  Mesh,
  MeshBasicMaterial,
  OctahedronGeometry,
  RingGeometry,
  type BufferGeometry,
  type Material,
} from 'three';
import type { SceneMetrics } from './cityGeometry.ts';
import { MergedMarkers } from './mergedMarkers.ts';
import type { FrameStore } from './frameStore.ts';
import { BACKGROUND, CASE_TYPE_COLORS, LATE_COLOR } from './palette.ts';
import { linear, paletteArray } from './paletteGl.ts';

export interface CaseMarkersProps {
  metrics: SceneMetrics;
  store: FrameStore;
  /** Initial capacity (instances); doubles as needed. Default 256. */
  initialCapacity?: number;
}

const FLOATS_PER_CASE = 6;
/** Marker half-size by priority 1..4, cells (times the city's marker scale). */
const SIZE_BY_PRIORITY = [0.3, 0.3, 0.24, 0.19, 0.15];
/** Latent (undiscovered) cases keep this share of their colour. */
const LATENT_DIM = 0.45;

/** A mesh of `capacity` copies of `shape`, none drawn yet. */
interface Markers {
  mesh: Mesh;
  copies: MergedMarkers;
}
function makeMesh(
  shape: BufferGeometry,
  material: Material,
  capacity: number,
  name: string,
  colored: boolean,
): Markers {
  const copies = new MergedMarkers(shape, capacity, colored);
  copies.commit(0);
  const mesh = new Mesh(copies.geometry, material);
  mesh.visible = false;
  mesh.frustumCulled = false;
  mesh.name = name;
  return { mesh, copies };
}

export function CaseMarkers({ metrics, store, initialCapacity = 256 }: CaseMarkersProps) {
  const res = useMemo(() => {
    const ring = new RingGeometry(0.78, 1, 20, 1);
    ring.rotateX(-Math.PI / 2); // flat, facing up
    return {
      caseGeo: new OctahedronGeometry(1, 0),
      caseMat: new MeshBasicMaterial({ vertexColors: true }),
      ringGeo: ring,
      ringMat: new MeshBasicMaterial({ color: LATE_COLOR, side: DoubleSide }),
      palette: paletteArray(CASE_TYPE_COLORS),
      bg: linear(BACKGROUND),
    };
  }, []);
  const group = useMemo(() => new Group(), []);
  const meshes = useRef<{ cases: Markers; rings: Markers; capacity: number } | null>(null);
  const applied = useRef(-1);

  // a layout effect: the meshes are in the scene when Prewarm (mounted after this) compiles every shader; built in a
  // passive effect, they came after it, and the late rings' program was compiled and linked at the first late case,
  // mid-run (a main-thread task of 37–500 ms under SwiftShader on baseline-weekday)
  useLayoutEffect(() => {
    const cap = Math.max(1, initialCapacity);
    const cases = makeMesh(res.caseGeo, res.caseMat, cap, 'cases', true);
    const rings = makeMesh(res.ringGeo, res.ringMat, cap, 'late-rings', false);
    group.add(cases.mesh, rings.mesh);
    meshes.current = { cases, rings, capacity: cap };
    applied.current = -1;
    return () => {
      const m = meshes.current;
      if (m) {
        group.remove(m.cases.mesh, m.rings.mesh);
        m.cases.copies.geometry.dispose();
        m.rings.copies.geometry.dispose();
      }
      meshes.current = null;
    };
  }, [group, res, initialCapacity]);

  useEffect(
    () => () => {
      res.caseGeo.dispose();
      res.caseMat.dispose();
      res.ringGeo.dispose();
      res.ringMat.dispose();
    },
    [res],
  );

  useFrame(() => {
    const f = store.frame;
    const m = meshes.current;
    if (!f || !m || store.version === applied.current) return;
    applied.current = store.version;
    const n = f.nCases;
    if (n > m.capacity) {
      let cap = m.capacity;
      while (cap < n) cap *= 2;
      group.remove(m.cases.mesh, m.rings.mesh);
      m.cases.copies.geometry.dispose();
      m.rings.copies.geometry.dispose();
      m.cases = makeMesh(res.caseGeo, res.caseMat, cap, 'cases', true);
      m.rings = makeMesh(res.ringGeo, res.ringMat, cap, 'late-rings', false);
      m.capacity = cap;
      group.add(m.cases.mesh, m.rings.mesh);
    }
    const cases = m.cases.copies,
      rings = m.rings.copies;
    const pal = res.palette,
      nPal = pal.length / 3,
      bg = res.bg;
    const c = f.cases,
      ms = metrics.markerScale;
    const y = metrics.overlayY + 0.32 * ms;
    let late = 0;
    for (let i = 0; i < n; i++) {
      const b = i * FLOATS_PER_CASE;
      const x = c[b] - metrics.halfX,
        z = c[b + 1] - metrics.halfZ;
      const type = c[b + 2] | 0,
        prio = Math.min(4, Math.max(1, c[b + 3] | 0));
      const r = SIZE_BY_PRIORITY[prio] * ms;
      cases.place(i, r, x, y, z);
      const p = (type % nPal) * 3;
      const k = c[b + 5] === 1 ? LATENT_DIM : 1;
      cases.paint(i, bg[0] + (pal[p] - bg[0]) * k, bg[1] + (pal[p + 1] - bg[1]) * k, bg[2] + (pal[p + 2] - bg[2]) * k);
      if (c[b + 4] === 1) {
        rings.place(late, r * 1.45, x, y, z);
        late++;
      }
    }
    cases.commit(n);
    rings.commit(late);
    m.cases.mesh.visible = n > 0;
    m.rings.mesh.visible = late > 0;
  });

  return <primitive object={group} />;
}
