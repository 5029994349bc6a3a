import { describe, it, expect } from 'vitest';
import { quantileSorted } from 'simple-statistics';
import { Tally, HourlyLevel } from './stats.ts';
import { StreamSet } from './rng.ts';

describe('Tally', () => {
  it('quantiles from the bounded histogram are within 2.5% of the exact ones', () => {
    const s = new StreamSet(8).get(0);
    const t = new Tally();
    const xs: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const x = i % 10 === 0 ? 0 : s.exp(600);
      xs.push(x);
      t.add(x);
    }
    xs.sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.95]) {
      const exact = quantileSorted(xs, q);
      expect(Math.abs(t.quantile(q)! - exact) / exact).toBeLessThan(0.025);
    }
    expect(t.quantile(0.05)).toBe(0);
    expect(t.mean()).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 6);
  });
  it('has no verdict without observations', () => {
    expect(new Tally().mean()).toBeNull();
    expect(new Tally().quantile(0.9)).toBeNull();
  });
});

describe('HourlyLevel', () => {
  it('integrates a level across hour boundaries and ignores time before the warm-up', () => {
    const l = new HourlyLevel(3600);
    l.add(0, 2); // level 2 from t=0, but counting starts at 01:00
    l.add(5400, 1); // 3 from 01:30
    l.advance(3 * 3600);
    expect(l.byHour[0]).toBe(0);
    expect(l.byHour[1]).toBe(2 * 1800 + 3 * 1800);
    expect(l.byHour[2]).toBe(3 * 3600);
    expect(l.total()).toBe(2 * 1800 + 3 * 5400);
  });

  it('totalAt(t) is the total the level will have reached at t (from the count start, up to its end), changing nothing', () => {
    const l = new HourlyLevel(3600, 4 * 3600);
    l.add(0, 2);
    expect(l.totalAt(1800)).toBe(0); // before the count starts
    expect(l.totalAt(3 * 3600)).toBe(2 * 2 * 3600); // 2 from 01:00 with no change since
    l.add(5400, 1);
    expect(l.totalAt(2 * 3600)).toBe(2 * 1800 + 3 * 1800);
    expect(l.totalAt(10 * 3600)).toBe(2 * 1800 + 3 * 3 * 3600 - 3 * 1800); // stops at the end (04:00)
    expect(l.total()).toBe(2 * 1800); // nothing moved: only what add() counted
    l.advance(4 * 3600);
    expect(l.total()).toBe(l.totalAt(4 * 3600));
  });
});
