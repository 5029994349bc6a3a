/**
 * The 3D view's unit cells as ONE merged mesh: every cell's block written
 * out in a single vertex buffer (CellsMesh.tsx draws it in one call).
 *
 * Why not an InstancedMesh of one box (what CellsMesh drew before): under
 * a software GPU (SwiftShader: headless Chromium, CI, and office PCs or
 * virtual desktops without GPU acceleration) each instance costs a fixed
 * setup, so 14,535 instanced boxes (lianhu-grids) took ~0.5 s a frame
 * whatever their size; the same triangles in one plain mesh drew 3.4 ×
 * faster, and without hidden faces 7 × (measured, issue 12). A GPU in
 * hardware draws either form at once.
 *
 * Hidden faces are not written. No block has a bottom. Where cells touch
 * (`metrics.cellGap` 0: large cities), a wall is only the part of a side
 * that rises above the neighbour on that side (none where the neighbour is
 * as tall or taller), since the rest is inside the neighbour. Where cells
 * stand apart (small cities, with a gap between them), walls are whole:
 * they show through the gaps. Above `WALLS_MAX_CELLS` cells there are no
 * walls at all (a plan of tops in perspective), so that the buffers stay
 * linear and small in the largest imported districts.
 *
 * Each vertex carries the grey level of its face (shading.ts, the same
 * fixed sun as before); the mesh's colour per vertex is that grey times its
 * cell's colour (CellsMesh writes it for the cells whose colour changed;
 * `cellVertStart` says where each cell's vertices are). `faceCell` maps a
 * triangle (a ray hit's `faceIndex`) to its cell, for picking.
 *
 * Cells outside an imported district (grid -1) get no block, except water,
 * which lies flat (`OUTSIDE_WATER_H`) so a river along the edge still reads.
 * Pure: no WebGL, cheap to test.
 */
import { BoxGeometry } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import { LAND_USES } from '../scenario/schema.ts';
import type { SceneMetrics } from './cityGeometry.ts';
import { bakeShading } from './shading.ts';

const WATER = LAND_USES.indexOf('water');
/** Height of a water cell outside the district (a river along its edge): flat, below the district's own water. */
export const OUTSIDE_WATER_H = 0.01;
/** Above this many cells the blocks have tops only (memory: ~12 vertices a cell with walls, 4 without). */
export const WALLS_MAX_CELLS = 250_000;
/** A wall lower than this is not written. */
const EPS = 1e-6;

export interface CellBlocks {
  /** Vertex positions, x y z. */
  position: Float32Array;
  /** Grey level of each vertex's face: 1 on tops. */
  shade: Float32Array;
  /** Triangles, three vertex indices each. */
  index: Uint32Array;
  /** Cell i's vertices are cellVertStart[i] … cellVertStart[i + 1] − 1 (none for a cell without a block). */
  cellVertStart: Uint32Array;
  /** The cell of each triangle. */
  faceCell: Int32Array;
}

/** The faces of a unit box (base at y = 0): 4 vertices, 6 indices (into those 4) and the shade of each face. */
interface FaceTemplate {
  /** Corner positions, x y z per vertex, of the unit box centred on x = z = 0. */
  pos: Float32Array;
  shade: Float32Array;
  tri: number[];
  /** Neighbour offset (dx, dz) the face looks towards; (0, 0) for the top. */
  dx: number;
  dz: number;
}

let templates: FaceTemplate[] | null = null;
/** three's BoxGeometry face order: +x, −x, +y, −y, +z, −z; the bottom (−y) is never seen. */
function faceTemplates(): FaceTemplate[] {
  if (templates) return templates;
  const g = bakeShading(new BoxGeometry(1, 1, 1).translate(0, 0.5, 0));
  const p = g.getAttribute('position');
  const c = g.getAttribute('color');
  const idx = g.getIndex()!;
  const dirs: [number, number][] = [
    [1, 0],
    [-1, 0],
    [0, 0],
    [0, 0],
    [0, 1],
    [0, -1],
  ];
  const out: FaceTemplate[] = [];
  for (let f = 0; f < 6; f++) {
    if (f === 3) continue;
    const pos = new Float32Array(12),
      shade = new Float32Array(4);
    for (let v = 0; v < 4; v++) {
      pos[v * 3] = p.getX(f * 4 + v);
      pos[v * 3 + 1] = p.getY(f * 4 + v);
      pos[v * 3 + 2] = p.getZ(f * 4 + v);
      shade[v] = c.getX(f * 4 + v);
    }
    const tri: number[] = [];
    for (let k = 0; k < 6; k++) tri.push(idx.getX(f * 6 + k) - f * 4);
    out.push({ pos, shade, tri, dx: dirs[f][0], dz: dirs[f][1] });
  }
  g.dispose();
  return (templates = out);
}

/**
 * The merged blocks of a layout. `heights`: each cell's block height (cityGeometry.cellHeights). Cells are laid out as
 * in the rest of the scene: cell (x, y) centred at (x + 0.5 − halfX, y + 0.5 − halfZ), (1 − cellGap) wide.
 */
export function cellBlocks(
  layout: Pick<CityLayout, 'cols' | 'rows' | 'cellGrid' | 'landUse'>,
  metrics: Pick<SceneMetrics, 'halfX' | 'halfZ' | 'cellGap'>,
  heights: ArrayLike<number>,
  opts: { wallsMaxCells?: number } = {},
): CellBlocks {
  const { cols, rows } = layout;
  const n = cols * rows;
  const faces = faceTemplates();
  const walls = n <= (opts.wallsMaxCells ?? WALLS_MAX_CELLS);
  const apart = metrics.cellGap > 0;
  // each cell's drawn height, 0 for none
  const h = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const out = layout.cellGrid[i] < 0;
    h[i] = out ? (layout.landUse[i] === WATER ? OUTSIDE_WATER_H : 0) : heights[i];
  }
  /** Where a face of cell (x, y) starts, and whether it is written. */
  const bottomOf = (x: number, y: number, f: FaceTemplate): number => {
    if (f.dx === 0 && f.dz === 0) return -1; // the top: always
    if (!walls) return NaN;
    if (apart) return 0;
    const nx = x + f.dx,
      ny = y + f.dz;
    const nh = nx < 0 || ny < 0 || nx >= cols || ny >= rows ? 0 : h[ny * cols + nx];
    return h[y * cols + x] - nh > EPS ? nh : NaN;
  };
  // pass 1: count
  const cellVertStart = new Uint32Array(n + 1);
  let nv = 0;
  for (let i = 0; i < n; i++) {
    cellVertStart[i] = nv;
    if (h[i] <= 0) continue;
    const x = i % cols,
      y = (i / cols) | 0;
    for (const f of faces) if (!Number.isNaN(bottomOf(x, y, f))) nv += 4;
  }
  cellVertStart[n] = nv;
  // pass 2: write
  const position = new Float32Array(nv * 3);
  const shade = new Float32Array(nv);
  const index = new Uint32Array((nv / 4) * 6);
  const faceCell = new Int32Array((nv / 4) * 2);
  const w = 1 - metrics.cellGap;
  let v = 0,
    t = 0;
  for (let i = 0; i < n; i++) {
    if (h[i] <= 0) continue;
    const x = i % cols,
      y = (i / cols) | 0;
    const cx = x + 0.5 - metrics.halfX,
      cz = y + 0.5 - metrics.halfZ;
    const top = h[i];
    for (const f of faces) {
      const lo = bottomOf(x, y, f);
      if (Number.isNaN(lo)) continue;
      for (let k = 0; k < 4; k++) {
        const o = (v + k) * 3;
        position[o] = cx + f.pos[k * 3] * w;
        // a top's corners at the block's height; a wall's from `lo` up to it
        position[o + 1] = lo < 0 ? top : lo + f.pos[k * 3 + 1] * (top - lo);
        position[o + 2] = cz + f.pos[k * 3 + 2] * w;
        shade[v + k] = f.shade[k];
      }
      for (let k = 0; k < 6; k++) index[t * 3 + k] = v + f.tri[k];
      faceCell[t] = i;
      faceCell[t + 1] = i;
      v += 4;
      t += 2;
    }
  }
  return { position, shade, index, cellVertStart, faceCell };
}

/**
 * Vertex colours of cells lo…hi (inclusive): each vertex's shade times its cell's linear RGB in `cellRgb` (3 floats a
 * cell). Returns the vertex range written, [first, end).
 */
export function shadeCells(
  blocks: Pick<CellBlocks, 'shade' | 'cellVertStart'>,
  cellRgb: Float32Array,
  dst: Float32Array,
  lo: number,
  hi: number,
): [number, number] {
  const { shade, cellVertStart: start } = blocks;
  for (let i = lo; i <= hi; i++) {
    const r = cellRgb[i * 3],
      g = cellRgb[i * 3 + 1],
      b = cellRgb[i * 3 + 2];
    for (let v = start[i], e = start[i + 1]; v < e; v++) {
      const s = shade[v];
      dst[v * 3] = r * s;
      dst[v * 3 + 1] = g * s;
      dst[v * 3 + 2] = b * s;
    }
  }
  return [start[lo], start[hi + 1]];
}
