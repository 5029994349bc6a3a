/**
 * Colours of the 3D city, in one place so the DOM legends can show the very
 * same ones.
 *
 * Every palette is written as sRGB hex (what a designer and a legend see)
 * and turned into three's linear working space once, into small lookup
 * tables of floats (paletteGl.ts); the hot paths then copy three floats per
 * instance and never allocate a `Color`. This module holds no three: the
 * page's legends import it without loading the 3D engine.
 *
 * - Land use: muted, distinct hues that sit quietly on a dark background.
 * - Backlog (open cases per cell): viridis, perceptually ordered and
 *   colour-blind safe; an empty cell is a neutral slate.
 * - Attainment (share of decided cases that met their SLA): oranges at or
 *   below the coverage target, blues above it (an orange/blue diverging pair
 *   stays distinct for all common colour-vision deficiencies); no decided
 *   cases (NaN) is a neutral grey.
 * - Staff state: the Okabe-Ito palette.
 * - Case type: Paul Tol's "light" qualitative scheme, which reads well on
 *   dark ground and does not collide with the staff colours' meaning.
 */
import { LAND_USES } from '../scenario/schema.ts';

/** Page and scene background. */
export const BACKGROUND = '#0e131a';
/** Ground under the cells (shows through the gaps between them). */
export const GROUND = '#161c24';

/** Land-use colours, indexed like LAND_USES. */
export const LAND_USE_COLORS: Record<(typeof LAND_USES)[number], string> = {
  residential: '#b09b78',
  commercial: '#c27a83',
  industrial: '#8a80a9',
  transport: '#8b939c',
  green: '#5f9467',
  water: '#2f5b82',
  mixed: '#cfa556',
};

/** Staff state colours (Okabe-Ito), indexed by state 0..5; off-duty staff are not drawn. */
export const STAFF_STATE_COLORS = [
  '#000000', // 0 off (hidden)
  '#bbbbbb', // 1 idle: grey
  '#56b4e9', // 2 patrol: sky blue
  '#e69f00', // 3 travelling: orange
  '#d55e00', // 4 on scene: vermillion
  '#cc79a7', // 5 security lane: reddish purple
] as const;

/** Case type colours (Paul Tol "light"), by type index modulo the length. */
export const CASE_TYPE_COLORS = [
  '#77aadd',
  '#ee8866',
  '#eedd88',
  '#ffaabb',
  '#99ddff',
  '#44bb99',
  '#bbcc33',
  '#aaaa00',
  '#dddddd',
] as const;

/** Ring around a case that is past a deadline. */
export const LATE_COLOR = '#ff3355';
/** Cells with no value (no decided cases yet). */
export const NO_DATA_COLOR = '#3b424c';
/** A cell with no open case in backlog view. */
export const EMPTY_BACKLOG_COLOR = '#262d36';
/** Water cells in the measure views. */
export const WATER_DIM_COLOR = '#1c3047';
/** Responsibility-grid boundaries. */
export const GRID_LINE_COLOR = '#a9b8c9';
/** Street (街道) boundaries and the district's outline: drawn stronger than the grid boundaries. */
export const STREET_LINE_COLOR = '#f3f6fa';
/** The selected responsibility grid's outline and centre pin. */
export const SELECTED_GRID_COLOR = '#ffe14d';
/** Outline of low-lying (waterlogging-prone) areas. */
export const LOW_LYING_COLOR = '#4ea1ff';
/** Rain streaks. */
export const RAIN_COLOR = '#b9d4f0';

/** Viridis stops (sRGB). */
export const VIRIDIS = [
  '#440154',
  '#482878',
  '#3e4a89',
  '#31688e',
  '#26828e',
  '#1f9e89',
  '#35b779',
  '#6ece58',
  '#b5de2b',
  '#fde725',
] as const;
/** Backlog at or above which a cell takes the top of the scale. */
export const BACKLOG_MAX = 8;

/** Attainment: at or below target (deep to light orange), above target (light to deep blue). */
export const ATTAINMENT_LOW = ['#983a0e', '#d99a62'] as const;
export const ATTAINMENT_HIGH = ['#86a9cf', '#1f5895'] as const;

/**
 * A difference B − A (colorBy 'delta'): oranges where B is worse, a neutral
 * grey at no change, blues where B is better; the same orange/blue pair as
 * attainment, so "orange = bad" holds in every view.
 */
export const DELTA_STOPS = ['#b3470f', '#e0a070', '#6b7280', '#8fb3da', '#1f6fc0'] as const;
/** How far a cell whose difference is not significant fades toward NO_DATA_COLOR (0..1). */
export const DELTA_FADE = 0.6;

/** Position (0..1) of a difference on the delta scale whose ends are ±maxAbs. */
export function deltaT(v: number, maxAbs: number): number {
  const m = maxAbs > 0 ? maxAbs : 1;
  return 0.5 + 0.5 * Math.max(-1, Math.min(1, v / m));
}

/**
 * Late cases per grid (a diagnosis' limit, colorBy 'delta' with a
 * sequential overlay): warm from a muted sand to deep vermillion as late
 * cases grow ("orange = bad" again); a grid with none is a cool slate.
 */
export const LATE_STOPS = ['#9a8a74', '#e0a070', '#e07020', '#b8300c'] as const;
export const NO_LATE_COLOR = '#3e4c5e';

/** Position (0..1) of a count on the late-cases scale whose top is `max`; −1 for none. Any late case is clearly off the bottom. */
export function lateT(v: number, max: number): number {
  if (!(v > 0)) return -1;
  return 0.12 + 0.88 * Math.min(1, v / (max > 0 ? max : 1));
}

/** Station crowd (queue / threshold): calm bluish green, yellow at half, vermillion at and above 100 %. */
export const CROWD_STOPS = ['#009e73', '#f0e442', '#d55e00'] as const;

/** Position on the backlog scale (0..1) of a count; -1 for an empty cell. */
export function backlogT(n: number): number {
  if (n <= 0) return -1;
  return 0.2 + 0.8 * Math.min(1, Math.log2(n + 1) / Math.log2(BACKLOG_MAX + 1));
}

/**
 * Position of an attainment on the diverging scale, from 0 (far below
 * target) to 1 (100 %), with the break just above the target: values at or
 * below the target fall in [0, 0.5), values above it in [0.5, 1].
 */
export function attainmentT(v: number, target: number): number {
  if (v <= target) {
    const lo = Math.max(0, target - 0.4);
    return 0.499 * Math.min(1, Math.max(0, (v - lo) / (target - lo || 1)));
  }
  return 0.5 + 0.5 * Math.min(1, (v - target) / (1 - target || 1));
}

/** Copy entry `t` (0..1) of a 256-entry LUT into `dst` at `o`. */
export function lutInto(lut: Float32Array, t: number, dst: Float32Array, o: number): void {
  const i = Math.min(255, Math.max(0, Math.round(t * 255))) * 3;
  dst[o] = lut[i];
  dst[o + 1] = lut[i + 1];
  dst[o + 2] = lut[i + 2];
}
