/**
 * The colour of every unit cell for a `colorBy` mode, shared by the 3D
 * cells (CellsMesh: instance colours) and the 2D map (CellsTexture: one
 * texel per cell), so both views show the same thing.
 *
 * `createCellPainter(layout)` returns a painter that writes linear RGB
 * floats (3 per cell, cell order) into the caller's array and remembers
 * what it painted: land use and `delta` are painted once per mode (or per
 * `delta` object); for the measures (backlog, coverage this hour,
 * attainment so far) the value of each cell is remembered and only cells
 * whose value changed are rewritten. `paint` returns the range of cells
 * it rewrote (`lo`..`hi` inclusive; `hi < lo` when nothing changed), so
 * the caller uploads just that range to the GPU. No allocation per call.
 *
 * - `landUse`: the land-use palette; low-lying cells are tinted slightly blue;
 * - `backlog`: open cases in the cell on the viridis scale;
 * - `coverageHour`: the cell's grid attainment for the current hour of day;
 * - `attainment`: the grid's attainment over all hours so far, weighted by
 *   decided cases;
 * - `delta`: a per-grid difference (an A/B comparison's B − A) on a
 *   diverging scale, non-significant grids faded toward no-data grey; with
 *   `scale: 'sequential'`, counts (late cases per grid) on a warm scale.
 * In the measure views water cells are a dim, constant blue.
 */
import type { CityLayout, Frame } from '../sim/frame.ts';
import { LAND_USES } from '../scenario/schema.ts';
import {
  DELTA_FADE,
  DELTA_STOPS,
  EMPTY_BACKLOG_COLOR,
  LAND_USE_COLORS,
  LATE_STOPS,
  NO_LATE_COLOR,
  WATER_DIM_COLOR,
  LOW_LYING_COLOR,
  NO_DATA_COLOR,
  VIRIDIS,
  attainmentT,
  backlogT,
  deltaT,
  lateT,
  lutInto,
} from './palette.ts';
import { linear, makeAttainmentLut, makeLut, paletteArray } from './paletteGl.ts';

export type ColorBy = 'landUse' | 'backlog' | 'coverageHour' | 'attainment' | 'delta';

/** Per-grid values for colorBy 'delta' (see CitySceneProps.delta). */
export interface GridDelta {
  /** One value per responsibility grid, in the layout's grid order; NaN for none. */
  values: Float32Array;
  /** 1 where the difference is significant; others are drawn faded. */
  significant: Uint8Array;
  /** The scale's ends are ±maxAbs (the top, for a sequential scale). */
  maxAbs: number;
  /** 'diverging' (default): B − A around 0; 'sequential': counts from 0 (late cases), never faded. */
  scale?: 'diverging' | 'sequential';
}

/** The cells a paint rewrote: `lo`..`hi` inclusive, `hi < lo` when none. */
export interface PaintedRange {
  lo: number;
  hi: number;
}

export interface CellPainter {
  /**
   * Paint the cells for `colorBy` into `dst` (linear RGB, 3 floats a cell). `target` identifies the buffer:
   * a new one is painted whole. `frame`/`version`: the latest simulation frame and its version number. The range
   * returned is reused by the next call.
   */
  paint(
    dst: Float32Array,
    target: object,
    colorBy: ColorBy,
    delta: GridDelta | null,
    frame: Frame | null,
    version: number,
  ): PaintedRange;
}

/** Strength of the low-lying tint in land-use view. */
const LOW_LYING_TINT = 0.28;
/** Value remembered for a cell with no data (NaN does not compare equal to itself). */
const NONE = -1;
/** Value that never matches: forces a full repaint. */
const STALE = -2;
/** Water cells in the measure views: not managed ground, drawn as dim water. */
const WATER_V = -3;
const WATER = LAND_USES.indexOf('water');

let sharedLuts: ReturnType<typeof makeLuts> | null = null;
function makeLuts() {
  return {
    landUse: paletteArray(LAND_USES.map((u) => LAND_USE_COLORS[u])),
    lowLying: linear(LOW_LYING_COLOR),
    viridis: makeLut(VIRIDIS),
    attainment: makeAttainmentLut(),
    none: linear(NO_DATA_COLOR),
    empty: linear(EMPTY_BACKLOG_COLOR),
    water: linear(WATER_DIM_COLOR),
    delta: makeLut(DELTA_STOPS),
    late: makeLut(LATE_STOPS),
    noLate: linear(NO_LATE_COLOR),
  };
}

export function createCellPainter(
  layout: Pick<CityLayout, 'cols' | 'rows' | 'cellGrid' | 'gridIds' | 'landUse' | 'lowLying' | 'coverageTarget'>,
): CellPainter {
  const n = layout.cols * layout.rows;
  const nGrids = layout.gridIds.length;
  const grids = layout.cellGrid;
  const luts = (sharedLuts ??= makeLuts());
  const last = new Float32Array(n).fill(STALE);
  const gridVal = new Float32Array(Math.max(1, nGrids));
  const a = { version: -1, colorBy: '', target: null as object | null, delta: null as GridDelta | null };
  // returned ranges are reused (no allocation per paint): read them before the next call
  const none: PaintedRange = { lo: 0, hi: -1 };
  const all: PaintedRange = { lo: 0, hi: n - 1 };
  const changed: PaintedRange = { lo: 0, hi: -1 };
  const set3 = (dst: Float32Array, o: number, c: ArrayLike<number>) => {
    dst[o] = c[0];
    dst[o + 1] = c[1];
    dst[o + 2] = c[2];
  };

  return {
    paint(dst, target, colorBy, delta, f, version) {
      const modeChanged = a.colorBy !== colorBy || a.target !== target;
      if (modeChanged) last.fill(STALE);

      if (colorBy === 'landUse') {
        if (!modeChanged) return none;
        const pal = luts.landUse,
          ll = luts.lowLying;
        for (let i = 0; i < n; i++) {
          const p = layout.landUse[i] * 3,
            o = i * 3;
          const t = layout.lowLying[i] ? LOW_LYING_TINT : 0;
          dst[o] = pal[p] + (ll[0] - pal[p]) * t;
          dst[o + 1] = pal[p + 1] + (ll[1] - pal[p + 1]) * t;
          dst[o + 2] = pal[p + 2] + (ll[2] - pal[p + 2]) * t;
        }
        a.colorBy = colorBy;
        a.target = target;
        a.version = -1;
        return all;
      }

      if (colorBy === 'delta') {
        if (!modeChanged && a.delta === delta) return none;
        a.colorBy = colorBy;
        a.target = target;
        a.version = -1;
        a.delta = delta;
        const sequential = delta?.scale === 'sequential';
        for (let i = 0; i < n; i++) {
          const o = i * 3;
          const g = grids[i];
          const v = delta && g >= 0 && g < delta.values.length ? delta.values[g] : NaN;
          if (layout.landUse[i] === WATER) set3(dst, o, luts.water);
          else if (Number.isNaN(v)) set3(dst, o, luts.none);
          else if (sequential) {
            const t = lateT(v, delta!.maxAbs);
            if (t < 0) set3(dst, o, luts.noLate);
            else lutInto(luts.late, t, dst, o);
          } else {
            lutInto(luts.delta, deltaT(v, delta!.maxAbs), dst, o);
            if (!delta!.significant[g]) {
              const nd = luts.none;
              dst[o] += (nd[0] - dst[o]) * DELTA_FADE;
              dst[o + 1] += (nd[1] - dst[o + 1]) * DELTA_FADE;
              dst[o + 2] += (nd[2] - dst[o + 2]) * DELTA_FADE;
            }
          }
        }
        last.fill(STALE);
        return all;
      }

      const usable = f !== null && f.cellBacklog.length === n && f.coverage.length >= nGrids * 24;
      if (!modeChanged && (!usable || version === a.version)) return none;
      a.colorBy = colorBy;
      a.target = target;
      a.version = version;

      // scalar per grid for the coverage modes
      if (usable && colorBy !== 'backlog') {
        const cov = f.coverage,
          cases = f.coverageCases;
        if (colorBy === 'coverageHour') {
          const h = Math.floor(f.tS / 3600) % 24;
          for (let g = 0; g < nGrids; g++) {
            const v = cov[g * 24 + h];
            gridVal[g] = Number.isNaN(v) ? NONE : v;
          }
        } else {
          for (let g = 0; g < nGrids; g++) {
            let met = 0,
              dec = 0;
            for (let h = 0; h < 24; h++) {
              const c = cases[g * 24 + h];
              if (c > 0) {
                dec += c;
                met += cov[g * 24 + h] * c;
              }
            }
            gridVal[g] = dec > 0 ? met / dec : NONE;
          }
        }
      }

      const target2 = layout.coverageTarget;
      let lo = n,
        hi = -1;
      for (let i = 0; i < n; i++) {
        const water = layout.landUse[i] === WATER;
        const v = water
          ? WATER_V
          : !usable
            ? NONE
            : colorBy === 'backlog'
              ? f.cellBacklog[i]
              : grids[i] < 0
                ? NONE
                : gridVal[grids[i]];
        if (v === last[i]) continue;
        last[i] = v;
        const o = i * 3;
        if (water) set3(dst, o, luts.water);
        else if (colorBy === 'backlog') {
          const t = usable ? backlogT(v) : -1;
          if (t < 0) set3(dst, o, luts.empty);
          else lutInto(luts.viridis, t, dst, o);
        } else if (v === NONE) set3(dst, o, luts.none);
        else lutInto(luts.attainment, attainmentT(v, target2), dst, o);
        if (i < lo) lo = i;
        hi = i;
      }
      changed.lo = lo;
      changed.hi = hi;
      return changed;
    },
  };
}
