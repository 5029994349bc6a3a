import { describe, expect, it } from 'vitest';
import type { Kpis } from '../sim/result.ts';
import { KPI_NAMES } from './aggregate.ts';
import { compareResults, difference } from './compare.ts';
import { fakeRun } from './fakeRun.ts';
import { headcountOf } from './headcount.ts';
import { comparisonVerdict, KPI_DIRECTION, kpiVerdict } from './verdict.ts';
import { applyOverridesParsed } from './overrides.ts';
import { readFileSync } from 'node:fs';

const seeds = [1, 2, 3, 4, 5, 6];
/** A and B over six paired replications; B's KPIs = A's + `delta` (with a little per-pair jitter, so CIs are not zero-width). */
function pair(delta: Partial<Record<keyof Kpis, number>>) {
  const a = seeds.map((s) => fakeRun(s));
  const b = seeds.map((s, i) => {
    const kpis: Partial<Kpis> = {};
    for (const [k, d] of Object.entries(delta))
      kpis[k as keyof Kpis] = (a[i].kpis[k as keyof Kpis] as number) + d! * (1 + 0.05 * ((i % 3) - 1));
    return fakeRun(s, { kpis });
  });
  return compareResults(a, b);
}

/** The words that sell a change as an improvement. */
const PRAISE = /\b(better|improved|improvement)\b|改善|更好/;

describe('kpiVerdict', () => {
  it('every KPI has a direction entry', () => {
    expect(Object.keys(KPI_DIRECTION).sort()).toEqual([...KPI_NAMES].sort());
  });

  it('calls fewer staff-hours or less cost cheaper, never better (the A/B table once said "significant · better")', () => {
    const d = difference([480, 480, 480, 480], [400, 401, 399, 400]);
    expect(d.significant).toBe(true);
    expect(kpiVerdict('staffHours', d)).toBe('cheaper');
    expect(kpiVerdict('costCny', d)).toBe('cheaper');
    expect(kpiVerdict('staffHours', difference([400, 401, 399, 400], [480, 480, 480, 480]))).toBe('costlier');
  });

  it('judges outcomes by their direction, and says nothing when not significant', () => {
    const up = difference([0.8, 0.8, 0.8, 0.8], [0.85, 0.86, 0.84, 0.85]);
    expect(kpiVerdict('slaAttainment', up)).toBe('better');
    expect(kpiVerdict('meanWaitS', up)).toBe('worse');
    expect(kpiVerdict('utilisation', up)).toBeNull();
    expect(kpiVerdict('slaAttainment', difference([0.8, 0.9, 0.7], [0.81, 0.88, 0.72]))).toBeNull();
  });
});

describe('comparisonVerdict', () => {
  it('coverage falls and staff-hours fall: "coverage worsened", B cheaper, not better — no praise anywhere', () => {
    const c = pair({ coverageIndex: -0.27, slaAttainment: -0.2, staffHours: -123, costCny: -5000 });
    const v = comparisonVerdict(c);
    expect(v.coverage).toBe('worsened');
    expect(v.cost).toBe('cheaper');
    expect(v.kpis.staffHours).toBe('cheaper');
    expect(v.kpis.coverageIndex).toBe('worse');
    expect(v.lines[0].zh).toMatch(/^覆盖变差/);
    expect(v.lines[0].en).toMatch(/^Coverage worsened/);
    expect(v.lines[1].en).toContain('cheaper, not better');
    expect(v.lines[1].zh).toContain('B 更省，但不是更好');
    for (const l of v.lines) {
      expect(l.en.replace('not better', '')).not.toMatch(PRAISE);
      expect(l.zh.replace('不是更好', '')).not.toMatch(PRAISE);
    }
    expect(Object.values(v.kpis)).not.toContain('better');
  });

  it('either coverage measure falling significantly is enough', () => {
    expect(comparisonVerdict(pair({ slaAttainment: -0.1, staffHours: -50 })).coverage).toBe('worsened');
    expect(comparisonVerdict(pair({ coverageIndex: 0.1, slaAttainment: -0.1 })).coverage).toBe('mixed');
  });

  it('coverage up at more staff-hours: improved, and the cost named as its cost', () => {
    const v = comparisonVerdict(pair({ coverageIndex: 0.1, staffHours: 100, costCny: 4000 }));
    expect(v.coverage).toBe('improved');
    expect(v.cost).toBe('costlier');
    expect(v.lines[1].en).toContain('the cost of the improvement');
  });

  it('no change in coverage, fewer staff-hours: cheaper at no significant loss', () => {
    const v = comparisonVerdict(pair({ staffHours: -100, costCny: -4000 }));
    expect(v.coverage).toBe('unchanged');
    expect(v.cost).toBe('cheaper');
    expect(v.lines[0].en).toMatch(/^No significant change in coverage/);
    expect(v.lines[1].en).toMatch(/: B is cheaper\.$/);
  });

  it('says when A and B roster different headcounts', () => {
    const text = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
    const a = headcountOf(applyOverridesParsed(JSON.parse(text), {}).scenario);
    const b = headcountOf(applyOverridesParsed(JSON.parse(text), { 'city.gridSize': 10 }).scenario);
    const held = headcountOf(
      applyOverridesParsed(JSON.parse(text), { 'city.gridSize': 10, holdHeadcount: true }).scenario,
    );
    const c = pair({ coverageIndex: -0.27, staffHours: -500 });
    const v = comparisonVerdict(c, { a, b });
    expect(v.headcount).not.toBeNull();
    expect(v.lines.at(-1)!.zh).toMatch(/^B 改变了在岗人数：峰值 122 → 86 人，排班人·时\/日 2,009 → 1,433/);
    expect(v.lines.at(-1)!.en).toMatch(
      /^B changes headcount: peak on duty 122 → 86, rostered staff-hours a day 2,009 → 1,433 \(Grid workers peak 48 → 12\)/,
    );
    expect(comparisonVerdict(c, { a, b: held }).headcount).toBeNull();
  });
});

describe('comparisonVerdict: different grids', () => {
  it('warns that the coverage index is counted in grid-hours of different sizes', () => {
    const a = seeds.map((s) => fakeRun(s));
    const b = seeds.map((s) => {
      const r = fakeRun(s);
      return {
        ...r,
        coverage: {
          ...r.coverage,
          grids: ['g0'],
          attainment: [r.coverage.attainment[0]],
          cases: [r.coverage.cases[0]],
        },
      };
    });
    const v = comparisonVerdict(compareResults(a, b));
    expect(v.lines.at(-1)!.en).toMatch(
      /^Note: A and B have different responsibility grids \(2 vs 1\)\. The coverage index counts grid-hours/,
    );
    expect(v.lines.at(-1)!.zh).toMatch(/^注意：A、B 的责任网格不同/);
    expect(comparisonVerdict(compareResults(a, a)).lines.some((l) => l.en.startsWith('Note:'))).toBe(false);
  });
});
