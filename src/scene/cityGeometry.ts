/**
 * The geometry of a city layout as the 3D scene sees it.
 *
 * World units are cells: cell (x, y) spans [x, x+1] x [y, y+1] in the plan,
 * the plan lies in three's x/z plane centred on the origin (x east, z
 * south, so row 0 is at the back of the default view) and y is up. Cells
 * are low boxes whose height grows with day population; everything drawn
 * on top of the city (grid lines, staff, cases) floats just above the
 * tallest cell, at `overlayY`, so it is never hidden inside a block.
 *
 * Pure functions of the layout: no three objects, so they are cheap to test.
 */
import type { CityLayout } from '../sim/frame.ts';
import { LAND_USES } from '../scenario/schema.ts';

const WATER = LAND_USES.indexOf('water');

/** Lowest and highest cell box, in cells. */
export const MIN_CELL_H = 0.06;
export const MAX_CELL_H = 0.42;

export interface SceneMetrics {
  cols: number;
  rows: number;
  /** Longest side, cells. */
  span: number;
  /** Half extents, to centre the plan. */
  halfX: number;
  halfZ: number;
  /** Height of lines and markers above the cells. */
  overlayY: number;
  /** Marker size multiplier: markers grow a little in big cities so they stay visible. */
  markerScale: number;
  /** Gap between cells (fraction of a cell); none in large cities, where a sub-pixel gap would only shimmer (moiré). */
  cellGap: number;
}

export function sceneMetrics(layout: Pick<CityLayout, 'cols' | 'rows'>): SceneMetrics {
  const span = Math.max(layout.cols, layout.rows, 1);
  return {
    cols: layout.cols,
    rows: layout.rows,
    span,
    halfX: layout.cols / 2,
    halfZ: layout.rows / 2,
    overlayY: MAX_CELL_H + 0.03,
    markerScale: Math.min(1.6, Math.max(1, span / 100)),
    cellGap: span > 120 ? 0 : 0.1,
  };
}

/** Grid index of every cell (trailing cells that do not fill a grid belong to the last one, as in the engine). */
export function cellGrids(
  layout: Pick<CityLayout, 'cols' | 'rows' | 'gridSize' | 'gridCols' | 'gridRows'>,
): Int32Array {
  const { cols, rows, gridSize: k, gridCols, gridRows } = layout;
  const out = new Int32Array(cols * rows);
  for (let i = 0; i < out.length; i++) {
    const x = i % cols,
      y = (i / cols) | 0;
    const gx = Math.min((x / k) | 0, Math.max(0, gridCols - 1));
    const gy = Math.min((y / k) | 0, Math.max(0, gridRows - 1));
    out[i] = gy * gridCols + gx;
  }
  return out;
}

/** Box height of every cell: square root of day population, scaled to the busiest cell; water is flat. */
export function cellHeights(layout: Pick<CityLayout, 'cols' | 'rows' | 'dayPop' | 'landUse'>): Float32Array {
  const n = layout.cols * layout.rows;
  let max = 0;
  for (let i = 0; i < n; i++) if (layout.dayPop[i] > max) max = layout.dayPop[i];
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] =
      layout.landUse[i] === WATER
        ? 0.02
        : MIN_CELL_H + (MAX_CELL_H - MIN_CELL_H) * (max > 0 ? Math.sqrt(layout.dayPop[i] / max) : 0);
  }
  return out;
}

/**
 * Boundaries of regions on the lattice as line segments in plan
 * coordinates (x0, y0, x1, y1 per segment, cell units): every cell edge
 * where `region` differs between the two sides (or on the city's border,
 * if the cell is `inside`), with collinear runs merged into one segment.
 */
export function regionEdges(
  cols: number,
  rows: number,
  region: (i: number) => number,
  inside: (i: number) => boolean,
): Float32Array {
  const segs: number[] = [];
  const edge = (a: number, b: number): boolean => {
    // a, b: cell indices or -1 outside; an edge is drawn between an inside cell and a different region
    const ia = a >= 0 && inside(a),
      ib = b >= 0 && inside(b);
    if (!ia && !ib) return false;
    if (ia !== ib) return true;
    return region(a) !== region(b);
  };
  // vertical edges at x = 0..cols, runs along y
  for (let x = 0; x <= cols; x++) {
    let start = -1;
    for (let y = 0; y <= rows; y++) {
      const on = y < rows && edge(x > 0 ? y * cols + x - 1 : -1, x < cols ? y * cols + x : -1);
      if (on && start < 0) start = y;
      if (!on && start >= 0) {
        segs.push(x, start, x, y);
        start = -1;
      }
    }
  }
  // horizontal edges at y = 0..rows, runs along x
  for (let y = 0; y <= rows; y++) {
    let start = -1;
    for (let x = 0; x <= cols; x++) {
      const on = x < cols && edge(y > 0 ? (y - 1) * cols + x : -1, y < rows ? y * cols + x : -1);
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        segs.push(start, y, x, y);
        start = -1;
      }
    }
  }
  return Float32Array.from(segs);
}
