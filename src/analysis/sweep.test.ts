import { describe, expect, it } from 'vitest';
import { toyDistrict } from '../sim/fixtures.ts';
import { estimate } from './aggregate.ts';
import { OverrideError } from './overrides.ts';
import { createInlineRunner, type Runner } from './runner.ts';
import { frontier, sweep, sweepGrid, type SweepPoint } from './sweep.ts';

function point(index: number, coverage: number | null, staffHours: number | null): SweepPoint {
  const e = (m: number | null) => (m === null ? null : { mean: m, ci95: null, n: 1 });
  return {
    index,
    values: {},
    overrides: {},
    coverageIndex: e(coverage),
    slaAttainment: null,
    staffHours: e(staffHours),
    costCny: null,
    headcount: null,
    onFrontier: false,
  };
}

describe('sweepGrid', () => {
  it('is the cartesian product, first parameter outermost', () => {
    expect(
      sweepGrid([
        { path: 'a', values: [1, 2] },
        { path: 'b', values: ['x', 'y', 'z'] },
      ]),
    ).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 1, b: 'z' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      { a: 2, b: 'z' },
    ]);
    expect(sweepGrid([{ path: 'a', values: [3] }])).toEqual([{ a: 3 }]);
    expect(() => sweepGrid([{ path: 'a', values: [] }])).toThrow(RangeError);
  });
});

describe('frontier', () => {
  it('keeps the points no other beats on both coverage and staff-hours, cheapest first', () => {
    const pts = [
      point(0, 0.6, 100), // frontier (cheapest)
      point(1, 0.7, 150), // frontier
      point(2, 0.65, 160), // dominated by 1
      point(3, 0.9, 300), // frontier
      point(4, 0.7, 200), // dominated by 1 (same coverage, more staff)
      point(5, 0.5, 100), // dominated by 0 (same staff, less coverage)
      point(6, null, 50), // no coverage: not a candidate
      point(7, 0.9, 300), // equal to 3: kept too
    ];
    expect(frontier(pts).map((p) => p.index)).toEqual([0, 1, 3, 7]);
  });

  it('is empty without usable points', () => {
    expect(frontier([point(0, null, null)])).toEqual([]);
  });
});

describe('sweep (toy district, inline runner)', () => {
  const base = toyDistrict();
  const seedsSeen: number[][] = [];
  const inline = createInlineRunner();
  const run: Runner = (text, seeds, opts) => {
    seedsSeen.push(seeds.slice());
    return inline(text, seeds, opts);
  };

  it('runs every valid combination on the same seeds and marks invalid ones', async () => {
    const done: number[] = [];
    const r = await sweep(
      run,
      base,
      [
        { path: 'teams.grid.shifts.0.staff', values: [0, 3] },
        { path: 'city.gridSize', values: [3, 4] }, // 3 does not divide the 8 rows
      ],
      { seed: 11, replications: 2, days: 1, onPoint: (_p, d) => done.push(d) },
    );
    expect(r.points).toHaveLength(4);
    expect(done.sort()).toEqual([1, 2, 3, 4]);
    expect(r.seeds).toEqual([11, 12]);
    expect(seedsSeen).toEqual([
      [11, 12],
      [11, 12],
    ]); // two valid points, common seeds
    const [p0, p1, p2, p3] = r.points;
    expect(p0.values).toEqual({ 'teams.grid.shifts.0.staff': 0, 'city.gridSize': 3 });
    expect(p0.error).toMatch(/city\.gridSize/);
    expect(p0.coverageIndex).toBeNull();
    expect(p2.error).toMatch(/city\.gridSize/);
    expect(p1.error).toBeUndefined();
    expect(p1.coverageIndex!.n).toBe(2);
    // More day staff: more staff-hours, and (same arrivals) better SLA attainment.
    expect(p3.staffHours!.mean!).toBeGreaterThan(p1.staffHours!.mean!);
    expect(p3.slaAttainment!.mean!).toBeGreaterThan(p1.slaAttainment!.mean!);
    expect(r.frontier.length).toBeGreaterThan(0);
    for (const i of r.frontier) expect(r.points[i].onFrontier).toBe(true);
  });

  it('gives the same estimates as running the point directly', async () => {
    const r = await sweep(
      createInlineRunner(),
      JSON.stringify(base),
      [{ path: 'dispatch.policy', values: ['nearest'] }],
      { seed: 5, replications: 2, days: 1 },
    );
    const direct = await createInlineRunner()(
      JSON.stringify({ ...base, dispatch: { ...base.dispatch, policy: 'nearest' } }),
      [5, 6],
      { days: 1 },
    );
    expect(r.points[0].coverageIndex).toEqual(estimate(direct.map((x) => x.kpis.coverageIndex)));
  });

  it('throws before running anything on a bad path, or when every combination is invalid', async () => {
    let calls = 0;
    const counting: Runner = async () => {
      calls++;
      return [];
    };
    await expect(
      sweep(counting, base, [{ path: 'teams.nobody.shifts.0.staff', values: [1, 2] }], { seed: 1, replications: 1 }),
    ).rejects.toThrow(OverrideError);
    await expect(
      sweep(counting, base, [{ path: 'city.gridSize', values: [3, 5] }], { seed: 1, replications: 1 }),
    ).rejects.toThrow(/all 2 combinations/);
    expect(calls).toBe(0);
  });
});
