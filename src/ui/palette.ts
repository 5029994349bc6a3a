/**
 * Colours of the DOM panels. The 3D view's palettes live in
 * src/scene/palette.ts; the legend and the coverage matrix use those very
 * colours (as CSS), so a grid-hour looks the same in the matrix and in the
 * city. Charts use Okabe-Ito hues, distinct for all common colour-vision
 * types; the matrix never relies on colour alone (misses are hatched and
 * marked ×).
 */
import { ATTAINMENT_HIGH, ATTAINMENT_LOW, attainmentT } from '../scene/palette.ts';

/** Warning level 0..4 (none, blue, yellow, orange, red): badge background and a readable text colour. */
export const WARNING_COLORS: readonly { bg: string; fg: string }[] = [
  { bg: '#2b3340', fg: '#d5dbe3' },
  { bg: '#1f6fd1', fg: '#ffffff' },
  { bg: '#f2c80f', fg: '#14171c' },
  { bg: '#ff8c1a', fg: '#14171c' },
  { bg: '#d7191c', fg: '#ffffff' },
];

/** Chart series colours (Okabe-Ito sky blue and orange). */
export const SERIES_COLORS = { backlog: '#56B4E9', sla: '#E69F00' } as const;

function hexRgb(h: string): [number, number, number] {
  const n = parseInt(h.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Interpolate sRGB hex stops evenly at t in [0, 1]. */
export function lerpStops(stops: readonly string[], t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = hexRgb(stops[i]),
    b = hexRgb(stops[i + 1]);
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number];
}

const css = (c: [number, number, number]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/** Relative luminance (WCAG) of an sRGB triple. */
function luminance([r, g, b]: [number, number, number]): number {
  const l = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * l(r) + 0.7152 * l(g) + 0.0722 * l(b);
}

/** Near-black or white, whichever contrasts more with the background. */
function textOn(c: [number, number, number]): string {
  const L = luminance(c);
  return (L + 0.05) / 0.05 > 1.05 / (L + 0.05) ? '#111418' : '#ffffff';
}

/** The 3D view's attainment colour (orange up to the target, blue above) as CSS, with a readable text colour. */
export function attainmentCss(v: number, target: number): { bg: string; fg: string } {
  const t = attainmentT(v, target);
  const c = t < 0.5 ? lerpStops(ATTAINMENT_LOW, t / 0.499) : lerpStops(ATTAINMENT_HIGH, (t - 0.5) / 0.5);
  return { bg: css(c), fg: textOn(c) };
}

/** A CSS left-to-right gradient through hex stops. */
export function gradientCss(stops: readonly string[]): string {
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** The attainment scale as one CSS gradient: orange half, then blue half. */
export function attainmentGradientCss(): string {
  return `linear-gradient(to right, ${ATTAINMENT_LOW[0]} 0%, ${ATTAINMENT_LOW[1]} 49.9%, ${ATTAINMENT_HIGH[0]} 50%, ${ATTAINMENT_HIGH[1]} 100%)`;
}
