import { describe, it, expect } from 'vitest';
import { StreamSet, compileDist, sample } from './rng.ts';

describe('ziggurat exponential', () => {
  const s = new StreamSet(77).get(3);
  const n = 1_000_000;
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = s.stdExp();

  it('has mean 1 and variance 1 within sampling error', () => {
    let sum = 0,
      sq = 0;
    for (const x of xs) {
      sum += x;
      sq += x * x;
    }
    const mean = sum / n,
      variance = sq / n - mean * mean;
    expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(n)); // sd of the mean is 1/sqrt(n)
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(8 / n)); // var of the sample variance ~ (mu4 - 1)/n = 8/n
  });

  it('has the exponential tail, including beyond the base layer (x > 7.7)', () => {
    for (const x of [0.1, 1, 2, 5, 8, 10]) {
      const p = Math.exp(-x);
      let k = 0;
      for (const v of xs) if (v > x) k++;
      expect(Math.abs(k / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1 / n);
    }
  });

  it('is reproducible', () => {
    const a = new StreamSet(5).get(1),
      b = new StreamSet(5).get(1);
    for (let i = 0; i < 1000; i++) expect(a.stdExp()).toBe(b.stdExp());
  });
});

describe('gamma handling times (Marsaglia–Tsang, boosted below shape 1)', () => {
  const n = 200_000;
  for (const shape of [0.4, 1, 1.7, 6]) {
    it(`shape ${shape}: sample mean and variance within 3 SE of mean and mean²/shape`, () => {
      const meanMin = 30;
      const d = compileDist({ dist: 'gamma', mean: meanMin, shape });
      expect(d.meanS).toBe(1800);
      const s = new StreamSet(11).get(4);
      let sum = 0,
        sq = 0,
        neg = 0;
      for (let i = 0; i < n; i++) {
        const x = sample(d, s);
        if (!(x >= 0)) neg++;
        sum += x;
        sq += x * x;
      }
      expect(neg).toBe(0);
      const m = sum / n,
        v = sq / n - m * m;
      const theta = 1800 / shape;
      const varTrue = shape * theta * theta;
      // SE of the mean sqrt(k θ² / n); of the sample variance sqrt((μ4 − σ⁴) / n) with μ4 − σ⁴ = (2k² + 6k) θ⁴
      expect(Math.abs(m - 1800)).toBeLessThan(3 * Math.sqrt(varTrue / n));
      expect(Math.abs(v - varTrue)).toBeLessThan(3 * Math.sqrt(((2 * shape * shape + 6 * shape) * theta ** 4) / n));
    });
  }

  it('is reproducible draw for draw', () => {
    const d = compileDist({ dist: 'gamma', mean: 12, shape: 0.7 });
    const a = new StreamSet(5).get(2),
      b = new StreamSet(5).get(2);
    for (let i = 0; i < 1000; i++) expect(sample(d, a)).toBe(sample(d, b));
  });
});
