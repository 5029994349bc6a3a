import { describe, it, expect } from 'vitest';
import { dlog, dexp } from './detmath.ts';

/** Distance in units in the last place between two doubles. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const f = new Float64Array([a, b]);
  const i = new BigInt64Array(f.buffer);
  const d = i[0] - i[1];
  return Number(d < 0n ? -d : d);
}

describe('deterministic log and exp', () => {
  const xs: number[] = [];
  for (let i = 1; i < 100_000; i++) xs.push(i * 0.000731 + 1e-7 * i * i, 1 / i, i * 1234.5678, 1 - 1 / (i + 1));
  xs.push(Number.MIN_VALUE, 2.2250738585072014e-308, 1, 2, Math.E, 1e300, 0.5);

  it('dlog is within 1 ulp of the platform log everywhere we looked', () => {
    let exact = 0,
      worst = 0;
    for (const x of xs) {
      const u = ulps(dlog(x), Math.log(x));
      worst = Math.max(worst, u);
      if (u === 0) exact++;
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(exact / xs.length).toBeGreaterThan(0.9);
  });

  it('dexp is within 1 ulp of the platform exp', () => {
    let worst = 0;
    for (const x of xs) {
      for (const y of [x % 700, -(x % 700), x % 1, -(x % 1)]) worst = Math.max(worst, ulps(dexp(y), Math.exp(y)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('handles the edges like Math', () => {
    expect(dlog(0)).toBe(-Infinity);
    expect(dlog(-1)).toBeNaN();
    expect(dlog(Infinity)).toBe(Infinity);
    expect(dlog(1)).toBe(0);
    expect(dexp(0)).toBe(1);
    expect(dexp(-Infinity)).toBe(0);
    expect(dexp(Infinity)).toBe(Infinity);
    expect(dexp(800)).toBe(Infinity);
    expect(dexp(-800)).toBe(0);
    expect(dexp(-740)).toBeGreaterThan(0); // subnormal range
    expect(ulps(dexp(-740), Math.exp(-740))).toBeLessThanOrEqual(1);
  });
});
