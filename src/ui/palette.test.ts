import { describe, expect, it } from 'vitest';
import { ATTAINMENT_HIGH, ATTAINMENT_LOW } from '../scene/palette.ts';
import { attainmentCss, lerpStops } from './palette.ts';

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

describe('panel palette', () => {
  it('interpolates hex stops', () => {
    expect(lerpStops(['#000000', '#ffffff'], 0)).toEqual([0, 0, 0]);
    expect(lerpStops(['#000000', '#ffffff'], 1)).toEqual([255, 255, 255]);
    expect(lerpStops(['#000000', '#ffffff'], 0.5)).toEqual([128, 128, 128]);
  });
  it("attainment uses the 3D view's scale: its deepest low colour far below target, its deepest high colour at 100 %", () => {
    expect(attainmentCss(0, 0.8).bg).toBe(rgb(ATTAINMENT_LOW[0]));
    expect(attainmentCss(1, 0.8).bg).toBe(rgb(ATTAINMENT_HIGH[ATTAINMENT_HIGH.length - 1]));
  });
  it('text on a swatch is near-black or white, whichever contrasts more (AA, 4.5:1)', () => {
    for (const v of [0, 0.3, 0.6, 0.79, 0.8, 0.85, 0.95, 1]) {
      const { bg, fg } = attainmentCss(v, 0.8);
      const [r, g, b] = bg.match(/\d+/g)!.map(Number);
      const lum = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      const L = 0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b);
      const contrast = fg === '#ffffff' ? 1.05 / (L + 0.05) : (L + 0.05) / 0.0565;
      expect(contrast, `${v} ${bg} ${fg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
