/**
 * Open cases: ONE InstancedMesh of octahedra coloured by event type and
 * sized by priority (priority 1, the most urgent, is the largest), plus ONE
 * InstancedMesh of flat red rings around the cases that are past a
 * deadline. Cases not yet discovered (latent) are drawn dimmed: they are
 * out there, but nobody knows yet.
 *
 * Capacity is preallocated and doubles when a frame carries more cases
 * than fit (the old meshes are disposed); `count` is set to the number of
 * open (and of late) cases each frame, and an empty mesh is not drawn at
 * all.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import {
  DoubleSide,
  Group,
  InstancedBufferAttribute,
  InstancedMesh,
  MeshBasicMaterial,
  OctahedronGeometry,
  RingGeometry,
  type BufferGeometry,
  type Material,
} from 'three';
import { setScaleTranslate, type SceneMetrics } from './cityGeometry.ts';
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

function makeMesh(
  geometry: BufferGeometry,
  material: Material,
  capacity: number,
  name: string,
  withColor: boolean,
): InstancedMesh {
  const m = new InstancedMesh(geometry, material, capacity);
  if (withColor) m.instanceColor = new InstancedBufferAttribute(new Float32Array(capacity * 3), 3);
  m.count = 0;
  m.visible = false;
  m.frustumCulled = false;
  m.name = name;
  return m;
}

export function CaseMarkers({ metrics, store, initialCapacity = 256 }: CaseMarkersProps) {
  const res = useMemo(() => {
    const ring = new RingGeometry(0.78, 1, 20, 1);
    ring.rotateX(-Math.PI / 2); // flat, facing up
    return {
      caseGeo: new OctahedronGeometry(1, 0),
      caseMat: new MeshBasicMaterial(),
      ringGeo: ring,
      ringMat: new MeshBasicMaterial({ color: LATE_COLOR, side: DoubleSide }),
      palette: paletteArray(CASE_TYPE_COLORS),
      bg: linear(BACKGROUND),
    };
  }, []);
  const group = useMemo(() => new Group(), []);
  const meshes = useRef<{ cases: InstancedMesh; rings: InstancedMesh; capacity: number } | null>(null);
  const applied = useRef(-1);

  useEffect(() => {
    const cap = Math.max(1, initialCapacity);
    const cases = makeMesh(res.caseGeo, res.caseMat, cap, 'cases', true);
    const rings = makeMesh(res.ringGeo, res.ringMat, cap, 'late-rings', false);
    group.add(cases, rings);
    meshes.current = { cases, rings, capacity: cap };
    applied.current = -1;
    return () => {
      const m = meshes.current;
      if (m) {
        group.remove(m.cases, m.rings);
        m.cases.dispose();
        m.rings.dispose();
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
      group.remove(m.cases, m.rings);
      m.cases.dispose();
      m.rings.dispose();
      m.cases = makeMesh(res.caseGeo, res.caseMat, cap, 'cases', true);
      m.rings = makeMesh(res.ringGeo, res.ringMat, cap, 'late-rings', false);
      m.capacity = cap;
      group.add(m.cases, m.rings);
    }
    const cm = m.cases.instanceMatrix.array as Float32Array;
    const cc = m.cases.instanceColor!.array as Float32Array;
    const rm = m.rings.instanceMatrix.array as Float32Array;
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
      setScaleTranslate(cm, i, r, r, r, x, y, z);
      const p = (type % nPal) * 3;
      const k = c[b + 5] === 1 ? LATENT_DIM : 1;
      cc[i * 3] = bg[0] + (pal[p] - bg[0]) * k;
      cc[i * 3 + 1] = bg[1] + (pal[p + 1] - bg[1]) * k;
      cc[i * 3 + 2] = bg[2] + (pal[p + 2] - bg[2]) * k;
      if (c[b + 4] === 1) {
        const rr = r * 1.45;
        setScaleTranslate(rm, late, rr, rr, rr, x, y, z);
        late++;
      }
    }
    m.cases.count = n;
    m.cases.visible = n > 0;
    m.rings.count = late;
    m.rings.visible = late > 0;
    if (n > 0) {
      m.cases.instanceMatrix.clearUpdateRanges();
      m.cases.instanceMatrix.addUpdateRange(0, n * 16);
      m.cases.instanceMatrix.needsUpdate = true;
      m.cases.instanceColor!.clearUpdateRanges();
      m.cases.instanceColor!.addUpdateRange(0, n * 3);
      m.cases.instanceColor!.needsUpdate = true;
    }
    if (late > 0) {
      m.rings.instanceMatrix.clearUpdateRanges();
      m.rings.instanceMatrix.addUpdateRange(0, late * 16);
      m.rings.instanceMatrix.needsUpdate = true;
    }
  });

  return <primitive object={group} />;
}
