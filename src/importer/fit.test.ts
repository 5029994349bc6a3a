/**
 * The special functions against known values, and the fits on data of each family.
 */
import { describe, expect, it } from 'vitest';
import { chiSquareSf, fitHandling, gammaP, gammaQuantile, lgamma, normalCdf, normalQuantile } from './fit.ts';
import { rng } from './testLog.ts';

describe('special functions', () => {
  it('match known values', () => {
    expect(lgamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(gammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(gammaP(3, 2.5)).toBeCloseTo(0.4561868841, 9);
    expect(chiSquareSf(3.841458820694124, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareSf(200, 144)).toBeCloseTo(0.00137, 4);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 6);
    for (const a of [0.3, 1, 2.5, 40])
      for (const p of [0.01, 0.5, 0.99]) expect(gammaP(a, gammaQuantile(p, a))).toBeCloseTo(p, 9);
  });
});

describe('handling fits', () => {
  it('gamma data (shape 3) is fitted as gamma with its shape and mean', () => {
    const u = rng(5);
    // sum of three exponentials: gamma(3, 10)
    const xs = Array.from({ length: 3000 }, () => -10 * (Math.log(1 - u()) + Math.log(1 - u()) + Math.log(1 - u())));
    const f = fitHandling(xs);
    expect(f.chosen).toBe('gamma');
    const g = f.fits.find((x) => x.family === 'gamma')!;
    expect(Math.abs(g.params.shape - 3)).toBeLessThan(0.25);
    expect(Math.abs(f.mean - 30) / 30).toBeLessThan(0.05);
    expect(g.ks).toBeLessThan(0.03);
    // the Q-Q points of the chosen family lie near the observed quantiles in the middle
    const mid = f.qq[49];
    expect(Math.abs(mid.fitted.gamma - mid.observed) / mid.observed).toBeLessThan(0.05);
  });
});
