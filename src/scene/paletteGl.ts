/**
 * The palettes of palette.ts in three's linear working space: lookup tables
 * of floats for the scene's hot paths. Apart from palette.ts so that the
 * page's legends, which need only the hex colours, do not load three (the
 * scene's chunk loads on its own, after the page has drawn).
 */
import { Color, NoColorSpace, SRGBColorSpace } from 'three';
import { ATTAINMENT_HIGH, ATTAINMENT_LOW } from './palette.ts';

const tmp = new Color();

/** One sRGB hex colour as linear floats. */
export function linear(hex: string): [number, number, number] {
  tmp.set(hex);
  return [tmp.r, tmp.g, tmp.b];
}

/**
 * One CSS colour as its own sRGB components (0..1), for a material that writes its colour as it is
 * (asIsMaterials.ts). Read as written: a round trip through the linear working space is not exact.
 */
export function srgbOf(css: string): [number, number, number] {
  const c = new Color().setStyle(css, NoColorSpace);
  return [c.r, c.g, c.b];
}

/**
 * A lookup table of `size` linear RGB triples interpolating the sRGB stops
 * evenly (interpolation in sRGB, as colour scales are designed).
 */
export function makeLut(stops: readonly string[], size = 256): Float32Array {
  const rgb = stops.map((h) => {
    tmp.set(h);
    tmp.convertLinearToSRGB();
    return [tmp.r, tmp.g, tmp.b];
  });
  const out = new Float32Array(size * 3);
  for (let i = 0; i < size; i++) {
    const t = (i / (size - 1)) * (stops.length - 1);
    const a = Math.min(Math.floor(t), stops.length - 2);
    const f = t - a;
    const p = rgb[a],
      q = rgb[a + 1];
    tmp.setRGB(p[0] + (q[0] - p[0]) * f, p[1] + (q[1] - p[1]) * f, p[2] + (q[2] - p[2]) * f, SRGBColorSpace);
    out[i * 3] = tmp.r;
    out[i * 3 + 1] = tmp.g;
    out[i * 3 + 2] = tmp.b;
  }
  return out;
}

/** Hex palette as a flat Float32Array of linear triples. */
export function paletteArray(hexes: readonly string[]): Float32Array {
  const out = new Float32Array(hexes.length * 3);
  hexes.forEach((h, i) => out.set(linear(h), i * 3));
  return out;
}

/** Linear LUT for the attainment scale (256 entries; index with attainmentT). */
export function makeAttainmentLut(): Float32Array {
  const lo = makeLut(ATTAINMENT_LOW, 128);
  const hi = makeLut(ATTAINMENT_HIGH, 128);
  const out = new Float32Array(256 * 3);
  out.set(lo, 0);
  out.set(hi, 128 * 3);
  return out;
}
