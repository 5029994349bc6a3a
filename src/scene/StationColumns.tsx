/**
 * Metro stations: ONE InstancedMesh of columns whose height and colour show
 * the passengers waiting at the security check relative to the crowd
 * threshold (bluish green when calm, yellow at half of it, vermillion at and
 * above the threshold), and ONE InstancedMesh of translucent glass tubes as
 * tall as the threshold around them, so each station reads as a gauge: a
 * column that fills its tube is at the threshold, one poking out of the top
 * is over it. The instance index is the station index.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { CylinderGeometry, DoubleSide, InstancedBufferAttribute, InstancedMesh, MeshBasicMaterial } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import type { SceneMetrics } from './cityGeometry.ts';
import type { FrameStore } from './frameStore.ts';
import { CROWD_STOPS, lutInto } from './palette.ts';
import { makeLut } from './paletteGl.ts';
import { bakeShading } from './shading.ts';
import { instancePick } from './pick.ts';

export interface StationColumnsProps {
  layout: CityLayout;
  metrics: SceneMetrics;
  store: FrameStore;
  /** Passengers waiting at which a station counts as crowded (the scenario's crowd threshold). */
  threshold: number;
  /** Called with the station index when a column is clicked. */
  onPick?: (station: number) => void;
}

/** Column height at the threshold and at most (twice the threshold), cells, times the marker scale. */
const H_AT_THRESHOLD = 3;
const H_MIN = 0.25;
const RADIUS = 0.3;

export function StationColumns({ layout, metrics, store, threshold, onPick }: StationColumnsProps) {
  const n = layout.stations.length;
  const res = useMemo(() => {
    const col = new CylinderGeometry(RADIUS, RADIUS, 1, 16, 1);
    col.translate(0, 0.5, 0);
    const tube = new CylinderGeometry(RADIUS * 1.45, RADIUS * 1.45, 1, 20, 1, true);
    tube.translate(0, 0.5, 0);
    return {
      colGeo: bakeShading(col),
      colMat: new MeshBasicMaterial({ vertexColors: true }),
      tubeGeo: tube,
      tubeMat: new MeshBasicMaterial({
        color: '#dfe8f2',
        transparent: true,
        opacity: 0.16,
        depthWrite: false,
        side: DoubleSide,
        forceSinglePass: true,
      }),
      lut: makeLut(CROWD_STOPS),
    };
  }, []);

  const meshes = useMemo(() => {
    const cap = Math.max(1, n);
    const columns = new InstancedMesh(res.colGeo, res.colMat, cap);
    columns.instanceColor = new InstancedBufferAttribute(new Float32Array(cap * 3), 3);
    const tubes = new InstancedMesh(res.tubeGeo, res.tubeMat, cap);
    const ms = metrics.markerScale,
      base = metrics.overlayY - 0.05;
    const cm = columns.instanceMatrix.array as Float32Array,
      rm = tubes.instanceMatrix.array as Float32Array;
    layout.stations.forEach((s, i) => {
      const x = (s.cell % layout.cols) + 0.5 - metrics.halfX,
        z = ((s.cell / layout.cols) | 0) + 0.5 - metrics.halfZ;
      const o = i * 16;
      cm.set([ms, 0, 0, 0, 0, H_MIN * ms, 0, 0, 0, 0, ms, 0, x, base, z, 1], o);
      rm.set([ms, 0, 0, 0, 0, H_AT_THRESHOLD * ms, 0, 0, 0, 0, ms, 0, x, base, z, 1], o);
      lutInto(res.lut, 0, columns.instanceColor!.array as Float32Array, i * 3);
    });
    for (const m of [columns, tubes]) {
      m.count = n;
      m.visible = n > 0;
      m.computeBoundingSphere();
    }
    columns.frustumCulled = false; // heights change with the queue
    columns.name = 'stations';
    tubes.name = 'station-gauges';
    tubes.renderOrder = 2;
    return { columns, tubes };
  }, [res, layout, metrics, n]);

  useEffect(
    () => () => {
      meshes.columns.dispose();
      meshes.tubes.dispose();
    },
    [meshes],
  );
  useEffect(
    () => () => {
      res.colGeo.dispose();
      res.colMat.dispose();
      res.tubeGeo.dispose();
      res.tubeMat.dispose();
    },
    [res],
  );

  // The columns as mounted (useFrame writes their buffers through this ref, the R3F way to mutate per frame).
  const columnsRef = useRef<InstancedMesh>(null);
  const applied = useRef({ version: -1, columns: null as InstancedMesh | null, threshold: 0 });
  useFrame(() => {
    const f = store.frame;
    const columns = columnsRef.current;
    const a = applied.current;
    if (!columns || !f || f.stationQueue.length !== n || n === 0) return;
    if (a.version === store.version && a.columns === columns && a.threshold === threshold) return;
    a.version = store.version;
    a.columns = columns;
    a.threshold = threshold;
    const cm = columns.instanceMatrix.array as Float32Array;
    const cc = columns.instanceColor!.array as Float32Array;
    const ms = metrics.markerScale;
    for (let i = 0; i < n; i++) {
      const r = Math.max(0, f.stationQueue[i]) / Math.max(1, threshold);
      cm[i * 16 + 5] = Math.max(H_MIN, Math.min(2, r) * H_AT_THRESHOLD) * ms;
      lutInto(res.lut, Math.min(1, r), cc, i * 3);
    }
    columns.instanceMatrix.needsUpdate = true;
    columns.instanceColor!.needsUpdate = true;
    columns.boundingSphere = null;
  });

  const onClick = instancePick(onPick);

  return (
    <group>
      <primitive ref={columnsRef} object={meshes.columns} onClick={onClick} />
      <primitive object={meshes.tubes} />
    </group>
  );
}
