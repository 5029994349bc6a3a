/**
 * Layout of the SVG charts: the palette (Okabe–Ito, safe for the common
 * colour-vision deficiencies; every series also has its own marker or dash,
 * so colour is never the only cue), text widths and the legend laid out in
 * rows that wrap: a legend entry is never cut off.
 */

/** Okabe & Ito (2008), on a dark background. */
export const OKABE_ITO = {
  skyBlue: '#56B4E9',
  orange: '#E69F00',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#aab4c3',
} as const;

export const CHART_BG = '#141a23';
export const CHART_TEXT = '#cfd8e3';
export const CHART_MUTED = '#a3afbf';
export const CHART_GRID = 'rgba(170,180,195,0.16)';
export const CHART_FONT = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

export type Marker = 'circle' | 'square' | 'diamond' | 'triangle' | 'none';

/** Approximate width of a text in px: CJK and full-width characters take a full em, others about 0.58 em. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 || (c >= 0xff00 && c <= 0xffef) ? size : c === 32 ? 0.3 * size : 0.58 * size;
  }
  return w;
}

export interface LegendSlot {
  index: number;
  x: number;
  row: number;
}

/**
 * Legend entries placed left to right, wrapping to a new row when the next
 * would pass `width`; each entry is a swatch (`swatchW` px), a gap and its
 * full label. Returns the slots and the number of rows.
 */
export function legendLayout(
  labels: readonly string[],
  width: number,
  size: number,
  swatchW = 22,
  gap = 14,
): { slots: LegendSlot[]; rows: number } {
  const slots: LegendSlot[] = [];
  let x = 0,
    row = 0;
  labels.forEach((label, index) => {
    const w = swatchW + 4 + textWidth(label, size);
    if (x > 0 && x + w > width) {
      row++;
      x = 0;
    }
    slots.push({ index, x, row });
    x += w + gap;
  });
  return { slots, rows: labels.length === 0 ? 0 : row + 1 };
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}
