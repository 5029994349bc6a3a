/**
 * The unit cells of the 3D view: ONE mesh of low blocks (one draw call for
 * the whole lattice, 40,000+ cells in the largest city), merged into one
 * vertex buffer by cellBlocks.ts (not instanced: a software GPU pays per
 * instance; hidden faces are left out; why, and the figures, there).
 *
 * Heights come from day population and are set once per layout. Colours
 * are per cell and depend on `colorBy`, painted by cellColors.ts (the
 * same colours as the 2D map): land use (low-lying cells tinted; the
 * outline in GridLines marks them in every mode), backlog, coverage this
 * hour, attainment so far, or a per-grid `delta` (frames do not change
 * it; a new `delta` object repaints). Each vertex's colour is its cell's
 * times the grey of its face. Cells outside an imported district (grid -1)
 * are not drawn (the dark ground shows through), except water, which lies
 * flat so a river along the district's edge still reads. For the measures,
 * the value of each cell is remembered and only cells whose value changed
 * are rewritten; the upload to the GPU covers just the changed range, and
 * nothing is uploaded when nothing changed. A click (not a drag) on a
 * block picks its cell.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, Mesh, MeshBasicMaterial } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import { cellHeights, type SceneMetrics } from './cityGeometry.ts';
import { cellBlocks, shadeCells } from './cellBlocks.ts';
import { createCellPainter, type ColorBy, type GridDelta } from './cellColors.ts';
import type { FrameStore } from './frameStore.ts';
import { facePick } from './pick.ts';

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

export function CellsMesh({ layout, metrics, store, colorBy, onPick, delta = null }: CellsMeshProps) {
  const invalidate = useThree((s) => s.invalidate);
  const n = layout.cols * layout.rows;

  const blocks = useMemo(() => cellBlocks(layout, metrics, cellHeights(layout)), [layout, metrics]);
  const material = useMemo(() => new MeshBasicMaterial({ vertexColors: true }), []);
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(blocks.position, 3));
    g.setAttribute('color', new BufferAttribute(new Float32Array(blocks.shade.length * 3), 3));
    g.setIndex(new BufferAttribute(blocks.index, 1));
    g.computeBoundingSphere();
    g.computeBoundingBox();
    return g;
  }, [blocks]);
  const mesh = useMemo(() => {
    const m = new Mesh(geometry, material);
    m.name = 'cells';
    return m;
  }, [geometry, material]);
  /** Each cell's colour as painted (linear RGB): what the vertex colours are made from. */
  const cellRgb = useMemo(() => new Float32Array(n * 3), [n]);

  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);

  const painter = useMemo(() => createCellPainter(layout), [layout]);
  useEffect(() => {
    invalidate();
  }, [colorBy, delta, invalidate]);
  // The mesh as mounted (useFrame paints through this ref, the R3F way to mutate per frame).
  const meshRef = useRef<Mesh>(null);

  useFrame(() => {
    const m = meshRef.current;
    if (!m) return;
    const r = painter.paint(cellRgb, m, colorBy, delta, store.frame, store.version);
    if (r.hi < r.lo) return;
    const colors = m.geometry.getAttribute('color') as BufferAttribute;
    const [v0, v1] = shadeCells(blocks, cellRgb, colors.array as Float32Array, r.lo, r.hi);
    if (v1 <= v0) return; // only cells without a block changed
    colors.clearUpdateRanges();
    if (v0 > 0 || v1 < colors.count) colors.addUpdateRange(v0 * 3, (v1 - v0) * 3);
    colors.needsUpdate = true;
  });

  const onClick = facePick((f) => (f < blocks.faceCell.length ? blocks.faceCell[f] : -1), onPick);

  return <primitive ref={meshRef} object={mesh} onClick={onClick} />;
}
