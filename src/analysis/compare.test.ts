import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../sim/result.ts';
import { estimate } from './aggregate.ts';
import {
  attainmentByGrid,
  attainmentByHour,
  compareResults,
  difference,
  INDEPENDENT_SEED_OFFSET,
  runComparison,
  seedsFor,
} from './compare.ts';
import { fakeRun } from './fakeRun.ts';
import { applyOverridesToText } from './overrides.ts';
import { createInlineRunner } from './runner.ts';

describe('difference', () => {
  it('pairs by replication and takes the Student-t CI of B − A', () => {
    const d = difference([1, 2, 3, null], [2, 4, 6, 8]);
    expect(d.a).toEqual(estimate([1, 2, 3, null]));
    expect(d.b).toEqual(estimate([2, 4, 6, 8]));
    expect(d.diff).toEqual(estimate([1, 2, 3])); // the 4th pair has no A
    expect(d.significant).toBe(false); // 2 ± 2.48 includes 0
  });

  it('is significant only when the interval excludes 0', () => {
    expect(difference([0, 0, 0], [1, 2, 3]).significant).toBe(false); // 2 ± 2.48
    expect(difference([0, 0, 0, 0], [1, 1.1, 0.9, 1]).significant).toBe(true);
    expect(difference([0, 0, 0, 0], [-1, -1.1, -0.9, -1]).significant).toBe(true);
    expect(difference([5], [6]).significant).toBeNull();
  });
});

describe('compareResults', () => {
  const a = [1, 2, 3, 4].map((s) => fakeRun(s));
  const b = [1, 2, 3, 4].map((s) => fakeRun(s, { kpis: { meanWaitS: 100 + s } }));

  it('gives every KPI with A, B and the paired difference', () => {
    const c = compareResults(a, b);
    expect(c.replications).toBe(4);
    expect(c.seedsA).toEqual([1, 2, 3, 4]);
    const w = c.kpis.meanWaitS;
    expect(w.diff.mean).toBeCloseTo(b.reduce((s, r, i) => s + r.kpis.meanWaitS! - a[i].kpis.meanWaitS!, 0) / 4, 9);
    expect(c.kpis.staffHours.diff).toEqual({ mean: 0, ci95: [0, 0], n: 4 });
    expect(c.kpis.staffHours.significant).toBe(false);
  });

  it('gives 24 hours of backlog and attainment differences, and per-grid differences', () => {
    const c = compareResults(a, a);
    expect(c.byHour.backlog).toHaveLength(24);
    expect(c.byHour.attainment).toHaveLength(24);
    expect(c.byHour.attainment[7].diff.mean).toBe(0);
    expect(c.byGrid.sameGrids).toBe(true);
    if (c.byGrid.sameGrids) {
      expect(c.byGrid.grids).toEqual(['g0', 'g1']);
      expect(c.byGrid.attainment[0].diff).toEqual({ mean: 0, ci95: [0, 0], n: 4 });
    }
  });

  it('aggregates attainment over grids weighted by decided cases', () => {
    const r = fakeRun(1);
    const h = 7;
    let met = 0,
      n = 0;
    for (let g = 0; g < 2; g++) {
      met += r.coverage.attainment[g][h]! * r.coverage.cases[g][h];
      n += r.coverage.cases[g][h];
    }
    expect(attainmentByHour(r)[h]).toBeCloseTo(met / n, 12);
    expect(attainmentByHour(r)[0]).toBeCloseTo(r.coverage.attainment[0][0]!, 12); // grid 1 has no cases before 06:00
    const g0 = attainmentByGrid(r)[0]!;
    expect(g0).toBeGreaterThan(0);
    expect(g0).toBeLessThan(1);
  });

  it('reports when the variants have different grids', () => {
    const other = b.map((r): RunResult => ({
      ...r,
      coverage: { ...r.coverage, grids: ['x'], attainment: [r.coverage.attainment[0]], cases: [r.coverage.cases[0]] },
    }));
    const c = compareResults(a, other);
    expect(c.byGrid.sameGrids).toBe(false);
    if (!c.byGrid.sameGrids) {
      expect(c.byGrid).toMatchObject({ gridsA: 2, gridsB: 1 });
      expect(c.byGrid.reason.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(c.byHour.attainment[7].diff.n).toBe(4); // hours still compare
  });

  it('needs the same positive number of replications', () => {
    expect(() => compareResults([], [])).toThrow(RangeError);
    expect(() => compareResults(a, b.slice(1))).toThrow(RangeError);
  });

  it('uses the same seeds in CRN mode and far-off seeds in independent mode', () => {
    expect(seedsFor('crn', 5, 3)).toEqual({ a: [5, 6, 7], b: [5, 6, 7] });
    expect(seedsFor('independent', 5, 2)).toEqual({
      a: [5, 6],
      b: [5 + INDEPENDENT_SEED_OFFSET, 6 + INDEPENDENT_SEED_OFFSET],
    });
  });
});

describe('common random numbers (baseline-weekday, one more sanitation worker 13:00–21:00)', () => {
  // The same budget (5 + 5 replications) with and without CRN. With CRN both
  // variants see the very same cases, so B − A is the extra worker's effect
  // with little noise left; with independent seeds each side's day-to-day
  // variation stays in the difference.
  const text = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
  const plusOne = applyOverridesToText(text, { 'teams.sanitation.shifts.1.staff': 15 });

  it('gives a narrower CI on each difference than independent seeds', async () => {
    const run = createInlineRunner();
    const opts = { seed: 1, replications: 5 };
    const crn = (await runComparison(run, text, plusOne, { ...opts, mode: 'crn' })).comparison;
    const ind = (await runComparison(run, text, plusOne, { ...opts, mode: 'independent' })).comparison;
    expect(crn.mode).toBe('crn');
    expect(ind.seedsB[0]).toBe(1 + INDEPENDENT_SEED_OFFSET);
    const half = (e: { ci95: [number, number] | null }) => (e.ci95![1] - e.ci95![0]) / 2;
    for (const k of ['meanWaitS', 'meanResolutionS', 'slaAttainment', 'coverageIndex'] as const) {
      expect(half(crn.kpis[k].diff), k).toBeLessThan(half(ind.kpis[k].diff));
    }
    // Same arrivals under CRN: the case count does not differ at all.
    expect(crn.kpis.casesArrived.diff).toEqual({ mean: 0, ci95: [0, 0], n: 5 });
    // An extra worker raises SLA attainment, and CRN is sharp enough to tell with 5 replications.
    expect(crn.kpis.slaAttainment.diff.mean).toBeGreaterThan(0);
    expect(crn.kpis.slaAttainment.significant).toBe(true);
    // 8 paid hours more per replication (plus or minus overtime).
    expect(crn.kpis.staffHours.diff.mean).toBeGreaterThan(6);
    expect(crn.kpis.staffHours.diff.mean).toBeLessThan(10);
  });
});
