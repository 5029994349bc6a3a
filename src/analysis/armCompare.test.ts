import { describe, expect, it } from 'vitest';
import { difference } from './compare.ts';
import { armMethod, compareArms, welchDf, welchDifference } from './armCompare.ts';

describe('armMethod', () => {
  it('pairs only the very same seeds in the same order', () => {
    expect(armMethod({ seeds: [1, 2, 3] }, { seeds: [1, 2, 3] })).toBe('paired');
    expect(armMethod({ seeds: [1, 2, 3] }, { seeds: [1, 2, 4] })).toBe('welch');
    expect(armMethod({ seeds: [1, 2, 3] }, { seeds: [3, 2, 1] })).toBe('welch');
    expect(armMethod({ seeds: [1, 2, 3] }, { seeds: [1, 2] })).toBe('welch');
    expect(armMethod({ seeds: [] }, { seeds: [] })).toBe('welch');
  });
});

describe('welchDifference', () => {
  it("gives Welch's interval (checked against a hand computation)", () => {
    // x: mean 2, var 1 (n 3); y: mean 6, var 4 (n 3) → se² = 1/3 + 4/3 = 5/3
    const d = welchDifference([1, 2, 3], [4, 6, 8]);
    expect(d.diff.mean).toBe(4);
    const df = welchDf(1, 3, 4, 3); // (5/3)² / ((1/3)²/2 + (4/3)²/2) = 25/9 / (17/18) = 2.941…
    expect(df).toBeCloseTo(50 / 17, 12);
    // t(0.975, 50/17) = 3.2187586 (scipy.stats.t.ppf(0.975, 50/17))
    const half = d.diff.ci95![1] - 4;
    expect(half / Math.sqrt(5 / 3)).toBeCloseTo(3.2187586, 6);
    expect(d.significant).toBe(false); // 4 ± 4.16 includes 0
    expect(d.diff.ci95![0]).toBeCloseTo(4 - half, 12);
  });

  it('is wider than the paired interval when the arms share their noise (what CRN buys)', () => {
    const x = [10, 20, 30, 40, 50];
    const y = x.map((v, i) => v + 1 + (i % 2) * 0.2);
    const paired = difference(x, y);
    const welch = welchDifference(x, y);
    expect(paired.diff.mean).toBeCloseTo(welch.diff.mean!, 12);
    const w = (e: typeof paired) => e.diff.ci95![1] - e.diff.ci95![0];
    expect(w(welch)).toBeGreaterThan(10 * w(paired));
    expect(paired.significant).toBe(true);
    expect(welch.significant).toBe(false);
  });

  it('has no interval below two values a side, and a point without spread', () => {
    expect(welchDifference([1], [2, 3]).diff).toEqual({ mean: 1.5, ci95: null, n: 1 });
    expect(welchDifference([null], [2, 3]).diff.mean).toBeNull();
    expect(welchDifference([1, 1, null], [2, 2]).diff).toEqual({ mean: 1, ci95: [1, 1], n: 2 });
  });
});

describe('compareArms', () => {
  const x = { seeds: [1, 2, 3, 4], kpis: { coverageIndex: [0.8, 0.7, 0.9, 0.85], staffHours: [100, 100, 100, 100] } };
  it('same seeds: the paired difference of compare.ts', () => {
    const y = { seeds: [1, 2, 3, 4], kpis: { coverageIndex: [0.82, 0.73, 0.91, 0.88] } };
    const c = compareArms(x, y);
    expect(c.method).toBe('paired');
    expect(c.kpis.coverageIndex).toEqual(difference(x.kpis.coverageIndex, y.kpis.coverageIndex));
    expect(c.kpis.staffHours).toBeUndefined(); // only KPIs both arms carry
  });
  it('other seeds: Welch, and a forced pairing is refused', () => {
    const y = { seeds: [11, 12, 13], kpis: { coverageIndex: [0.82, 0.73, 0.91] } };
    const c = compareArms(x, y);
    expect(c.method).toBe('welch');
    expect(c.kpis.coverageIndex).toEqual(welchDifference(x.kpis.coverageIndex, y.kpis.coverageIndex));
    expect(() => compareArms(x, y, 'paired')).toThrow(RangeError);
    expect(compareArms(x, { ...x }, 'welch').method).toBe('welch');
  });
});
