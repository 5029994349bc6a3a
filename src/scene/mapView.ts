/**
 * The 2D map's geometry, as pure functions (no three objects), shared by
 * its camera, markers, labels and picking, and cheap to test.
 *
 * The map is the scene's plan seen from straight above with an
 * orthographic camera whose frustum is in CSS pixels, so the camera's
 * `zoom` is pixels per cell. North (row 0) is up. A screen point (px from
 * the canvas's top left) and a plan point (cells, the city's top-left
 * corner at 0, 0) convert with the view's centre (in plan cells) and zoom.
 */
import type { CityLayout } from '../sim/frame.ts';

/** Share of the canvas the whole city fills when framed. */
export const MAP_FILL = 0.94;

/** Above either size a city opens in the 2D map (a large district stays fluid and readable). */
export const MAP_2D_MIN_CELLS = 5000;
export const MAP_2D_MIN_GRIDS = 400;

/** The view the scene opens in for a city of this size: '2d' above MAP_2D_MIN_CELLS cells or MAP_2D_MIN_GRIDS grids. */
export function defaultMapMode(layout: Pick<CityLayout, 'cols' | 'rows' | 'gridIds'>): '2d' | '3d' {
  return layout.cols * layout.rows > MAP_2D_MIN_CELLS || layout.gridIds.length > MAP_2D_MIN_GRIDS ? '2d' : '3d';
}

/** Pixels per cell at which the whole city fits `MAP_FILL` of a `width` × `height` canvas. */
export function frameZoom(cols: number, rows: number, width: number, height: number): number {
  const w = Math.max(1, width),
    h = Math.max(1, height);
  const hFree = h > 4 * MAP_MARGIN_Y ? h - 2 * MAP_MARGIN_Y : h;
  return MAP_FILL * Math.min(w / Math.max(1, cols), hFree / Math.max(1, rows)) || 1;
}

export interface MapView {
  /** Plan point (cells) at the canvas's centre. */
  cx: number;
  cy: number;
  /** Pixels per cell. */
  zoom: number;
  /** Canvas size, CSS px. */
  width: number;
  height: number;
}

/** Pixels kept free above and below the framed city (the scenario's title sits over the canvas's top left). */
export const MAP_MARGIN_Y = 44;

/** Screen x of plan x. */
export function screenX(v: MapView, x: number): number {
  return (x - v.cx) * v.zoom + v.width / 2;
}
/** Screen y of plan y. */
export function screenY(v: MapView, y: number): number {
  return (y - v.cy) * v.zoom + v.height / 2;
}

/**
 * Marker sizes by zoom (level of detail): a marker of relative size 1 is this many pixels across. Zoomed out, markers
 * are small dots (thousands of staff and cases would otherwise cover the map); zoomed in, they grow up to a cell.
 */
export function markerPx(zoom: number): number {
  return Math.min(14, Math.max(3, zoom * 0.55));
}

/**
 * Which labels a zoom shows: street names zoomed out, grid codes once a typical grid is at least `GRID_LABEL_PX`
 * across and as wide as its code (`codePx`, the code's width on screen).
 */
export const GRID_LABEL_PX = 56;
export function labelLevel(zoom: number, cellsPerGrid: number, codePx = 0): 'street' | 'grid' {
  return zoom * Math.sqrt(Math.max(1, cellsPerGrid)) >= Math.max(GRID_LABEL_PX, codePx) ? 'grid' : 'street';
}

/** Width of a grid code label, px (11 px digits and Latin letters are about 6.5 px wide). */
export function codeWidthPx(code: string): number {
  return code.length * 6.5 + 6;
}

/**
 * Where each street's name goes: the centre cell of the street's grid nearest to the mean of its grids' centres (a
 * street may be any shape; its label then still sits on one of its own grids). Cells, plan coordinates of the cell's
 * centre; NaN for a street without grids.
 */
export function streetAnchors(layout: Pick<CityLayout, 'cols' | 'gridCentre' | 'hierarchy'>): {
  x: Float32Array;
  y: Float32Array;
} {
  const nS = layout.hierarchy.streets.length;
  const gs = layout.hierarchy.gridStreet;
  const sx = new Float64Array(nS),
    sy = new Float64Array(nS),
    sn = new Float64Array(nS);
  const cx = (g: number) => (layout.gridCentre[g] % layout.cols) + 0.5;
  const cy = (g: number) => Math.floor(layout.gridCentre[g] / layout.cols) + 0.5;
  for (let g = 0; g < layout.gridCentre.length; g++) {
    const s = gs[g];
    if (s < 0 || s >= nS) continue;
    sx[s] += cx(g);
    sy[s] += cy(g);
    sn[s]++;
  }
  const x = new Float32Array(nS).fill(NaN),
    y = new Float32Array(nS).fill(NaN),
    best = new Float64Array(nS).fill(Infinity);
  for (let g = 0; g < layout.gridCentre.length; g++) {
    const s = gs[g];
    if (s < 0 || s >= nS || sn[s] === 0) continue;
    const d = (cx(g) - sx[s] / sn[s]) ** 2 + (cy(g) - sy[s] / sn[s]) ** 2;
    if (d < best[s]) {
      best[s] = d;
      x[s] = cx(g);
      y[s] = cy(g);
    }
  }
  return { x, y };
}

/** Cells inside the district per grid (all cells of the lattice for a k × k city). */
export function cellsPerGrid(layout: Pick<CityLayout, 'cellGrid' | 'gridIds'>): number {
  let inside = 0;
  for (let i = 0; i < layout.cellGrid.length; i++) if (layout.cellGrid[i] >= 0) inside++;
  return inside / Math.max(1, layout.gridIds.length);
}
