import { describe, expect, it } from 'vitest';
import { aggregate, estimate, KPI_NAMES } from './aggregate.ts';
import { fakeRun } from './fakeRun.ts';

/** t(0.975, 2) in closed form: for 2 degrees of freedom t_p = (2p-1) * sqrt(2 / (4p(1-p))). */
const T975_DF2 = (2 * 0.975 - 1) * Math.sqrt(2 / (4 * 0.975 * 0.025));

describe('estimate', () => {
  it('gives mean and Student-t 95% CI for [1, 2, 3]', () => {
    const e = estimate([1, 2, 3]);
    expect(e.n).toBe(3);
    expect(e.mean).toBe(2);
    // sample sd of [1,2,3] is exactly 1
    const half = (T975_DF2 * 1) / Math.sqrt(3);
    expect(half).toBeCloseTo(2.4841377, 6); // textbook: 4.3027 / 1.7321
    expect(e.ci95![0]).toBeCloseTo(2 - half, 9);
    expect(e.ci95![1]).toBeCloseTo(2 + half, 9);
  });

  it('uses t(0.975, 1) = 12.7062 for two values', () => {
    // [0, 2]: mean 1, sd sqrt(2); half = 12.7062047 * sqrt(2) / sqrt(2)
    const e = estimate([0, 2]);
    expect(e.mean).toBe(1);
    expect(e.ci95![1] - 1).toBeCloseTo(12.706204736, 6);
  });

  it('averages over non-null values and counts them in n', () => {
    const e = estimate([null, 4, null, 6]);
    expect(e.n).toBe(2);
    expect(e.mean).toBe(5);
    expect(e.ci95).not.toBeNull();
  });

  it('has no interval below two observations and no mean without any', () => {
    expect(estimate([7])).toEqual({ mean: 7, ci95: null, n: 1 });
    expect(estimate([null, null])).toEqual({ mean: null, ci95: null, n: 0 });
    expect(estimate([])).toEqual({ mean: null, ci95: null, n: 0 });
  });

  it('gives a zero-width interval for constant values', () => {
    expect(estimate([3, 3, 3])).toEqual({ mean: 3, ci95: [3, 3], n: 3 });
  });
});

describe('aggregate', () => {
  const runs = [fakeRun(1), fakeRun(2), fakeRun(3)];

  it('summarises every KPI', () => {
    const a = aggregate(runs);
    expect(Object.keys(a.summary)).toEqual(KPI_NAMES);
    for (const k of KPI_NAMES) {
      const xs = runs.map((r) => r.kpis[k] as number);
      const m = (xs[0] + xs[1] + xs[2]) / 3;
      expect(a.summary[k].n).toBe(3);
      expect(a.summary[k].mean).toBeCloseTo(m, 9);
    }
  });

  it('handles KPIs null in some replications', () => {
    const a = aggregate([
      fakeRun(1, { kpis: { meanWaitS: null } }),
      fakeRun(2, { kpis: { meanWaitS: 10 } }),
      fakeRun(3, { kpis: { meanWaitS: 20 } }),
    ]);
    expect(a.summary.meanWaitS).toMatchObject({ mean: 15, n: 2 });
  });

  it('averages byType fields and coverage cells over replications', () => {
    const a = aggregate(runs);
    expect(Object.keys(a.byType)).toEqual(['litter', 'parking']);
    expect(a.byType.litter.arrived).toBe(600);
    const waits = runs.map((r) => r.byType[0].meanWaitS as number);
    expect(a.byType.litter.meanWaitS).toBeCloseTo((waits[0] + waits[1] + waits[2]) / 3, 9);
    const pw = runs.map((r) => r.byType[1].meanWaitS).filter((x): x is number => x !== null);
    if (pw.length === 0) expect(a.byType.parking.meanWaitS).toBeNull();
    else expect(a.byType.parking.meanWaitS).toBeCloseTo(pw.reduce((s, x) => s + x, 0) / pw.length, 9);

    expect(a.coverage.grids).toEqual(['g0', 'g1']);
    expect(a.coverage.hours).toBe(24);
    expect(a.coverage.target).toBe(0.8);
    const cell = runs.map((r) => r.coverage.attainment[0][7] as number);
    expect(a.coverage.attainment[0][7]).toBeCloseTo((cell[0] + cell[1] + cell[2]) / 3, 9);
    expect(a.coverage.attainment[1][0]).toBeNull(); // no cases in any replication
    expect(a.coverage.cases[1][0]).toBe(0);
  });

  it('totals events', () => {
    const a = aggregate(runs);
    expect(a.perf.events).toBe(runs[0].perf.events + runs[1].perf.events + runs[2].perf.events);
  });

  it('is deterministic to the byte', () => {
    const again = [fakeRun(1), fakeRun(2), fakeRun(3)];
    expect(JSON.stringify(aggregate(again))).toBe(JSON.stringify(aggregate(runs)));
  });

  it('rejects an empty list', () => {
    expect(() => aggregate([])).toThrow();
  });
});
