import { describe, it, expect } from 'vitest';
import { StreamSet } from './rng.ts';

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
