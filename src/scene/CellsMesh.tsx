/**
 * The unit cells: one InstancedMesh of low boxes (one draw call for the
 * whole lattice, 40,000+ cells in the largest city).
 *
 * Heights come from day population and are set once per layout. Colours
 * are per instance and depend on `colorBy`, painted by cellColors.ts (the
 * same colours as the 2D map): land use (low-lying cells tinted; the
 * outline in GridLines marks them in every mode), backlog, coverage this
 * hour, attainment so far, or a per-grid `delta` (frames do not change
 * it; a new `delta` object repaints). Cells outside an imported district (grid -1) are not
 * drawn (zero-size instances; the dark ground shows through), except water,
 * which lies flat so a river along the district's edge still reads. For the measures, the value of each cell is remembered and only cells
 * whose value changed are rewritten; the upload to the GPU covers just the
 * changed range, and nothing is uploaded when nothing changed.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { BoxGeometry, BufferAttribute, InstancedBufferAttribute, InstancedMesh, MeshBasicMaterial } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import { LAND_USES } from '../scenario/schema.ts';
import { cellHeights, setScaleTranslate, type SceneMetrics } from './cityGeometry.ts';
import { createCellPainter, type ColorBy, type GridDelta } from './cellColors.ts';
import { bakeShading } from './shading.ts';
import type { FrameStore } from './frameStore.ts';
import { instancePick } from './pick.ts';

export type { ColorBy, GridDelta } from './cellColors.ts';

export interface CellsMeshProps {
  layout: CityLayout;
  metrics: SceneMetrics;
  store: FrameStore;
  /** What the cell colour shows. */
  colorBy: ColorBy;
  /** Called with the cell index when a cell is clicked (not dragged). */
  onPick?: (cell: number) => void;
  /** Per-grid values for colorBy 'delta'; without them 'delta' paints every cell as no data. */
  delta?: GridDelta | null;
}

const WATER = LAND_USES.indexOf('water');
/** Height of a water cell outside the district (a river along its edge): flat, below the district's own water. */
const OUTSIDE_WATER_H = 0.01;

/** A box without its bottom face (never seen): 10 triangles instead of 12, base at y = 0, shading baked in. */
function cellBox(): BoxGeometry {
  const g = new BoxGeometry(1, 1, 1);
  g.translate(0, 0.5, 0);
  const idx = g.getIndex()!;
  const src = idx.array as ArrayLike<number>;
  const keep: number[] = [];
  // BoxGeometry groups: +x, -x, +y, -y, +z, -z (6 indices each); drop -y
  for (let i = 0; i < src.length; i++) if (i < 18 || i >= 24) keep.push(src[i]);
  g.setIndex(new BufferAttribute(Uint16Array.from(keep), 1));
  g.clearGroups();
  return bakeShading(g);
}

export function CellsMesh({ layout, metrics, store, colorBy, onPick, delta = null }: CellsMeshProps) {
  const invalidate = useThree((s) => s.invalidate);
  const n = layout.cols * layout.rows;

  const geometry = useMemo(() => cellBox(), []);
  const material = useMemo(() => new MeshBasicMaterial({ vertexColors: true }), []);

  const mesh = useMemo(() => {
    const m = new InstancedMesh(geometry, material, n);
    const heights = cellHeights(layout);
    const mat = m.instanceMatrix.array as Float32Array;
    const w = 1 - metrics.cellGap;
    for (let i = 0; i < n; i++) {
      const x = (i % layout.cols) + 0.5 - metrics.halfX;
      // outside an imported district: no block (the ground shows), except water, drawn flat so a river reads
      const out = layout.cellGrid[i] < 0;
      const s = out && layout.landUse[i] !== WATER ? 0 : w;
      setScaleTranslate(
        mat,
        i,
        s,
        out ? OUTSIDE_WATER_H : heights[i],
        s,
        x,
        0,
        ((i / layout.cols) | 0) + 0.5 - metrics.halfZ,
      );
    }
    m.instanceMatrix.needsUpdate = true;
    m.instanceColor = new InstancedBufferAttribute(new Float32Array(n * 3), 3);
    m.computeBoundingSphere();
    m.computeBoundingBox();
    m.name = 'cells';
    return m;
  }, [geometry, material, layout, metrics, n]);

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

  const painter = useMemo(() => createCellPainter(layout), [layout]);
  useEffect(() => {
    invalidate();
  }, [colorBy, delta, invalidate]);
  // The mesh as mounted (useFrame paints through this ref, the R3F way to mutate per frame).
  const meshRef = useRef<InstancedMesh>(null);

  useFrame(() => {
    const mesh = meshRef.current;
    if (!mesh) return;
    const colors = mesh.instanceColor!;
    const r = painter.paint(colors.array as Float32Array, mesh, colorBy, delta, store.frame, store.version);
    if (r.hi < r.lo) return;
    colors.clearUpdateRanges();
    if (r.lo > 0 || r.hi < n - 1) colors.addUpdateRange(r.lo * 3, (r.hi - r.lo + 1) * 3);
    colors.needsUpdate = true;
  });

  const onClick = instancePick(onPick);

  return <primitive ref={meshRef} object={mesh} onClick={onClick} />;
}
