import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sweepGrid } from '../../analysis/sweep.ts';
import { encodeRuns } from '../../scenario/runs.ts';
import { choicesOfText } from './choices.ts';
import { defaultParam, paramKindsFor, paramOf } from './sweepParams.ts';

const baselineText = readFileSync(new URL('../../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const c = choicesOfText(baselineText)!;

/** The baseline's 40 x 30 cells as an imported district of 12 own grids (10 x 10 cells each). */
function districtText(): string {
  const raw = JSON.parse(baselineText);
  const cells = Array.from({ length: 40 * 30 }, (_, i) => ((i / 40 / 10) | 0) * 4 + (((i % 40) / 10) | 0));
  raw.city.gridSize = 1;
  raw.city.layout = { grids: Array.from({ length: 12 }, (_, g) => ({ code: `D${g}` })), grid: encodeRuns(cells) };
  return JSON.stringify(raw);
}

describe('sweep parameters from the form', () => {
  it('staff of a shift over a range, times the grid sizes that divide the city', () => {
    const staff = { ...defaultParam('staff', c), team: 'night-patrol', shift: 0, from: '10', to: '16', step: '2' };
    const grid = defaultParam('gridSize', c);
    const p1 = paramOf(staff).param!,
      p2 = paramOf(grid).param!;
    expect(p1).toEqual({ path: 'teams.night-patrol.shifts.0.staff', values: [10, 12, 14, 16] });
    expect(p2).toEqual({ path: 'city.gridSize', values: [2, 5, 10] });
    expect(sweepGrid([p1, p2]).length).toBe(12);
  });

  it('says what is wrong with a bad range, list or empty pick', () => {
    expect(paramOf({ ...defaultParam('staff', c), from: '5', to: '1' }).error).toBe('sweep.err.range');
    expect(paramOf({ ...defaultParam('staffScale', c), list: '1, x' }).error).toBe('sweep.err.list');
    expect(paramOf({ ...defaultParam('policy', c), picks: [] }).error).toBe('sweep.err.pick');
    expect(paramOf(defaultParam('none', c))).toEqual({ param: null, error: null });
    expect(paramOf({ ...defaultParam('staffScale', c), list: '0.8，1 1.2' }).param!.values).toEqual([0.8, 1, 1.2]);
  });
});

describe('merging an imported district to a grid count', () => {
  it('is offered for an imported district only', () => {
    expect(paramKindsFor(c)).not.toContain('mergeToGrids');
    const d = choicesOfText(districtText())!;
    expect(d.ownGrids).toBe(12);
    expect(paramKindsFor(d)).toContain('mergeToGrids');
  });

  it('sweeps city.mergeToGrids from a quarter of the own grids up to all of them; a count below 1 is refused', () => {
    const d = choicesOfText(districtText())!;
    expect(paramOf(defaultParam('mergeToGrids', d)).param).toEqual({
      path: 'city.mergeToGrids',
      values: [3, 6, 9, 12],
    });
    expect(paramOf({ ...defaultParam('mergeToGrids', d), from: '0' }).error).toBe('sweep.err.range');
  });
});

describe('the cheapest plan meeting a target', () => {
  const pt = (index: number, cov: number, lo: number, sh: number, error?: string) => ({
    index,
    error,
    coverageIndex: { mean: cov, ci95: [lo, cov + (cov - lo)] as [number, number] },
    staffHours: { mean: sh },
  });
  const points = [pt(0, 0.7, 0.6, 100), pt(1, 0.82, 0.75, 140), pt(2, 0.9, 0.85, 180), pt(3, 0.95, 0.9, 120, 'bad')];
  it('takes the fewest staff-hours among points at or above the target', async () => {
    const { cheapestPoint } = await import('./sweepParams.ts');
    expect(cheapestPoint(points, 0.8)?.index).toBe(1);
    expect(cheapestPoint(points, 0.8, true)?.index).toBe(2);
    expect(cheapestPoint(points, 0.99)).toBeNull();
  });
});
