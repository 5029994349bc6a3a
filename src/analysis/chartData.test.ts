import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../sim/result.ts';
import {
  coverageHourBands,
  coverageShareByHour,
  ecdf,
  ecdfAt,
  hourBands,
  niceTicks,
  sweepChartData,
  thinEcdf,
  tInterval,
  typeDistributions,
} from './chartData.ts';
import { compareResults } from './compare.ts';
import { fakeRun } from './fakeRun.ts';
import type { SweepPoint } from './sweep.ts';

/** t(0.975, df) from a printed table (Student, 1908; any statistics textbook). */
const T975 = { 1: 12.706204736, 2: 4.30265273, 3: 3.182446305, 4: 2.776445105 } as const;

describe('tInterval', () => {
  it('is mean ± t(0.975, n−1)·sd/√n, by hand', () => {
    // 0.6, 0.7, 0.8: mean 0.7, sd 0.1, half = 4.30265273 · 0.1 / √3 = 0.248413…
    const iv = tInterval([0.6, 0.7, 0.8]);
    const half = (T975[2] * 0.1) / Math.sqrt(3);
    expect(iv.mean).toBeCloseTo(0.7, 12);
    expect(iv.lo).toBeCloseTo(0.7 - half, 7);
    expect(iv.hi).toBeCloseTo(0.7 + half, 7);
    expect(half).toBeCloseTo(0.2484138, 6);
    expect(iv.n).toBe(3);
  });
  it('skips nulls, and has no interval under two observations', () => {
    // 10 and 14: mean 12, sd √8, half = 12.7062 · √8 / √2 = 25.4124
    const iv = tInterval([10, null, 14]);
    expect(iv.n).toBe(2);
    expect(iv.hi! - iv.mean!).toBeCloseTo(T975[1] * 2, 6);
    expect(tInterval([5, null])).toEqual({ mean: 5, lo: null, hi: null, n: 1 });
    expect(tInterval([])).toEqual({ mean: null, lo: null, hi: null, n: 0 });
  });
});

const est = (mean: number, lo: number, hi: number) => ({ mean, ci95: [lo, hi] as [number, number], n: 2 });
function point(index: number, cov: [number, number, number], sh: [number, number, number]): SweepPoint {
  return {
    index,
    values: {},
    overrides: {},
    coverageIndex: est(...cov),
    slaAttainment: null,
    staffHours: est(...sh),
    costCny: null,
    headcount: null,
    onFrontier: false,
  };
}

describe('sweepChartData', () => {
  it('gives each point its error bars in both directions, cheapest first, and the frontier in cost order', () => {
    const pts = [
      point(0, [0.7, 0.387, 1.041], [3024, 3000, 3050]),
      point(1, [0.5, 0.43, 0.57], [1774, 1770, 1778]),
      point(2, [0.45, 0.4, 0.5], [2000, 1990, 2010]), // dominated by point 1
      { ...point(3, [0, 0, 0], [0, 0, 0]), coverageIndex: null, error: 'bad' },
    ];
    const d = sweepChartData(pts, [1, 0]);
    expect(d.points.map((p) => p.index)).toEqual([1, 2, 0]);
    expect(d.frontier.map((p) => p.index)).toEqual([1, 0]);
    const top = d.points[2];
    expect(top).toMatchObject({ x: 3024, xLo: 3000, xHi: 3050, y: 0.7, yLo: 0.387, yHi: 1, clipped: true });
    expect(d.points[0]).toMatchObject({ yLo: 0.43, yHi: 0.57, clipped: false, onFrontier: true });
    expect(d.points[1].onFrontier).toBe(false);
  });
});

describe('hourBands', () => {
  it('takes A, B and the paired B − A interval of each hour from the comparison', () => {
    const a = [fakeRun(1), fakeRun(2), fakeRun(3)];
    const b = a.map((r) => ({ ...r, backlogByHour: r.backlogByHour.map((v, h) => v + (h === 5 ? 2 + r.seed : 1)) }));
    const c = compareResults(a, b);
    const bands = hourBands(c, 'backlog');
    expect(bands.diff).toHaveLength(24);
    // hour 5: differences 3, 4, 5 → mean 4, sd 1, half = t(0.975, 2)/√3
    const h5 = bands.diff[5];
    expect(h5.hour).toBe(5);
    expect(h5.mean).toBeCloseTo(4, 12);
    expect(h5.hi! - 4).toBeCloseTo(T975[2] / Math.sqrt(3), 7);
    expect(4 - h5.lo!).toBeCloseTo(T975[2] / Math.sqrt(3), 7);
    // elsewhere B = A + 1 exactly: a zero-width band
    expect(bands.diff[0]).toMatchObject({ mean: 1, lo: 1, hi: 1, n: 3 });
    expect(bands.a[5].mean).toBeCloseTo(c.byHour.backlog[5].a.mean!, 12);
    expect(bands.b[5].lo).toBe(c.byHour.backlog[5].b.ci95![0]);
  });
  it("clips A's and B's attainment intervals to 0..1, not the difference's", () => {
    const a = [fakeRun(1), fakeRun(2)];
    const c = compareResults(a, a);
    const raw = c.byHour.attainment.map((d) => d.a.ci95);
    const bands = hourBands(c, 'attainment');
    bands.a.forEach((b, h) => {
      if (raw[h] === null) return;
      expect(b.lo).toBe(Math.max(0, raw[h]![0]));
      expect(b.hi).toBe(Math.min(1, raw[h]![1]));
    });
    expect(bands.diff.every((b) => b.mean === 0 || b.mean === null)).toBe(true);
  });
});

describe('coverageHourBands', () => {
  it('is the t interval across replications per hour, clipped to 0..1, over the replications that saw cases', () => {
    const rep = (v: number | null, h0: number | null) => Array.from({ length: 24 }, (_, h) => (h === 0 ? h0 : v));
    const bands = coverageHourBands([rep(0.5, 1), rep(0.4, null), rep(0.3, 0.98)]);
    expect(bands).toHaveLength(24);
    const half = (T975[2] * 0.1) / Math.sqrt(3);
    expect(bands[3]).toMatchObject({ hour: 3, n: 3 });
    expect(bands[3].mean).toBeCloseTo(0.4, 12);
    expect(bands[3].lo).toBeCloseTo(0.4 - half, 7);
    expect(bands[3].hi).toBeCloseTo(0.4 + half, 7);
    // hour 0: two replications (1 and 0.98), mean 0.99, t interval reaches past 1 → clipped
    expect(bands[0].n).toBe(2);
    expect(bands[0].mean).toBeCloseTo(0.99, 12);
    expect(bands[0].hi).toBe(1);
    expect(bands[0].lo).toBeCloseTo(0.99 - (T975[1] * (Math.SQRT2 * 0.01)) / Math.SQRT2, 7);
  });
});

describe('coverageShareByHour', () => {
  it('is the share of grids with cases in the hour whose attainment meets the target', () => {
    const r = fakeRun(1);
    const nulls = () => Array.from({ length: 24 }, () => null as number | null);
    const att = [nulls(), nulls(), nulls()];
    const cases = [0, 1, 2].map(() => Array.from({ length: 24 }, () => 0));
    att[0][7] = 0.9; // meets 0.8
    att[1][7] = 0.5; // misses
    att[2][7] = 0.8; // meets (at the target)
    cases[0][7] = cases[1][7] = cases[2][7] = 3;
    att[2][8] = 1; // no cases: does not count
    const out = coverageShareByHour({
      ...r,
      coverage: { grids: ['a', 'b', 'c'], hours: 24, attainment: att, cases, target: 0.8 },
    });
    expect(out[7]).toBeCloseTo(2 / 3, 12);
    expect(out[8]).toBeNull();
    expect(out).toHaveLength(24);
  });
});

describe('ecdf', () => {
  it('steps at each distinct value to the share of observations at or below it', () => {
    const e = ecdf([3, 1, 2, 2, NaN, 5]);
    expect(e).toEqual({ x: [1, 2, 3, 5], p: [0.2, 0.6, 0.8, 1], n: 5 });
    expect(ecdfAt(e, 0.5)).toBe(0);
    expect(ecdfAt(e, 1)).toBe(0.2);
    expect(ecdfAt(e, 2.5)).toBe(0.6);
    expect(ecdfAt(e, 5)).toBe(1);
    expect(ecdfAt(e, 99)).toBe(1);
    expect(ecdf([])).toEqual({ x: [], p: [], n: 0 });
  });
  it('thins to at most max+1 exact steps, keeping the last', () => {
    const e = ecdf(Array.from({ length: 1000 }, (_, i) => i));
    const th = thinEcdf(e, 10);
    expect(th.x.length).toBeLessThanOrEqual(11);
    expect(th.p[th.p.length - 1]).toBe(1);
    th.x.forEach((x, i) => expect(th.p[i]).toBe(ecdfAt(e, x)));
    expect(thinEcdf(ecdf([1, 2]), 10).x).toEqual([1, 2]);
  });
});

function rec(type: string, filedS: number, onSceneS: number, handlingStartS: number): CaseRecord {
  return { type, filedS, onSceneS, handlingStartS } as CaseRecord;
}

describe('typeDistributions', () => {
  it('pools response and wait times of each type over replications, with the share within the deadline and its CI', () => {
    const logs = [
      [rec('a', 0, 60, 120), rec('a', 100, 400, 400), rec('b', 0, -1, -1)],
      [rec('a', 0, 120, 130), rec('a', 0, 900, 1000)],
    ];
    const types = [
      { id: 'a', name: { zh: '甲', en: 'A' }, responseDeadlineS: 300 },
      { id: 'b', name: { zh: '乙', en: 'B' }, responseDeadlineS: 300 },
    ];
    const [d, ...rest] = typeDistributions(logs, types);
    expect(rest).toEqual([]); // b had no response
    expect(d.response).toEqual({ x: [60, 120, 300, 900], p: [0.25, 0.5, 0.75, 1], n: 4 });
    expect(d.wait).toEqual({ x: [120, 130, 300, 1000], p: [0.25, 0.5, 0.75, 1], n: 4 });
    expect(d.withinDeadline).toBe(0.75);
    // replication shares 1 and 0.5: mean 0.75, sd √0.125, half = 12.7062 · 0.353553 / √2
    expect(d.withinDeadlineCi.mean).toBe(0.75);
    expect(d.withinDeadlineCi.hi! - 0.75).toBeCloseTo((T975[1] * Math.sqrt(0.125)) / Math.SQRT2, 6);
  });
});

describe('niceTicks', () => {
  it('gives round steps covering the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1774, 3024, 5)).toEqual([2000, 2250, 2500, 2750, 3000]);
    expect(niceTicks(-3, 7, 4)).toEqual([-2.5, 0, 2.5, 5]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });
});
