/**
 * The generated Shanghai-scale scenario: it parses, it is the size the scale
 * benchmark (bench/scale.ts) needs, its figures are the ones its comment
 * cites, and the generator is deterministic. The full-size day is not run
 * here (tens of seconds: that is the benchmark's job); a 1 % city is.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioObject } from '../load.ts';
import type { Scenario } from '../schema.ts';
import { rosteredStaff } from '../validate.ts';
import { hourlyRates } from '../../sim/arrivals.ts';
import { City } from '../../sim/city.ts';
import { runScenario } from '../../sim/run.ts';
import { CLI_RUN_LIMITS, checkRunSize, estimateRunSize } from '../../sim/runSize.ts';
import { GRID_STAFF_PER_GRID, SHANGHAI_RESIDENTS, shanghaiScale } from './shanghaiScale.ts';

function parse(raw: unknown): Scenario {
  const r = parseScenarioObject(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 1));
  return r.scenario;
}

const staffOf = (sc: Scenario, grids: number) => sc.teams.reduce((n, t) => n + rosteredStaff(t, grids), 0);
const casesOf = (sc: Scenario) => sc.eventTypes.reduce((n, e) => n + e.ratePerDay, 0);

describe('shanghaiScale generator', () => {
  const full = parse(shanghaiScale());
  const city = new City(full);

  it('parses and has the target sizes: ≥ 500,000 cells, ≥ 20,000 staff, ≥ 50,000 cases a day', () => {
    expect(full.id).toBe('shanghai-scale');
    expect(city.nCells).toBe(796 * 796);
    expect(city.nCells).toBeGreaterThanOrEqual(500_000);
    expect(city.nGrids).toBe(199 * 199);
    expect(staffOf(full, city.nGrids)).toBeGreaterThanOrEqual(20_000);
    expect(casesOf(full)).toBeGreaterThanOrEqual(50_000);
  });

  it('uses the cited figures: 24.197 M residents, grid staff per grid as in Xi’an Lianhu, 16 districts, Jinshan ≈ 613 km²', () => {
    let night = 0;
    for (let i = 0; i < city.nCells; i++) night += city.nightPop[i];
    expect(Math.abs(night / SHANGHAI_RESIDENTS - 1)).toBeLessThan(0.1);
    const grid = full.teams.find((t) => t.id === 'grid-staff')!;
    const gridStaff = grid.shifts.reduce((n, s) => n + s.staff, 0);
    expect(Math.abs(gridStaff - city.nGrids * GRID_STAFF_PER_GRID)).toBeLessThanOrEqual(2);
    expect(full.city.districts).toHaveLength(16);
    const jinshan = full.city.districts.find((d) => d.id === 'jinshan')!;
    expect(Math.abs(jinshan.w * jinshan.h - 61_300)).toBeLessThan(1_000); // 1 ha cells
    const ps = full.city.stations.find((s) => s.id === 'peoples-square')!;
    expect(ps.dailyRidership).toBe(220_000);
    expect(full.city.stations.find((s) => s.id === 'huaxia-middle-road')!.dailyRidership).toBe(733);
    // every grid is in one of the 16 districts (none left in the catch-all)
    expect(Array.from(city.gridDistrict).every((d) => d > 0)).toBe(true);
  });

  it('is deterministic: the same options give the same object', () => {
    expect(shanghaiScale()).toEqual(shanghaiScale());
    expect(JSON.stringify(shanghaiScale({ scale: 0.5 }))).toBe(JSON.stringify(shanghaiScale({ scale: 0.5 })));
  });

  it('scales area, grids, staff and cases together (what the memory-linearity bench relies on)', () => {
    const half = parse(shanghaiScale({ scale: 0.5 }));
    const hCity = new City(half);
    const ratio = (a: number, b: number) => a / b;
    expect(ratio(hCity.nCells, city.nCells)).toBeCloseTo(0.5, 1);
    expect(ratio(staffOf(half, hCity.nGrids), staffOf(full, city.nGrids))).toBeCloseTo(0.5, 1);
    expect(ratio(casesOf(half), casesOf(full))).toBeCloseTo(0.5, 1);
  });

  it('the command line runs it without --force (within the run-size limits)', () => {
    const est = estimateRunSize(full);
    expect(est.cells).toBe(city.nCells);
    expect(est.overloaded).toBe(false);
    expect(checkRunSize(est, { limits: CLI_RUN_LIMITS }).ok).toBe(true);
  });

  it('refuses a scale outside (0, 1.5]', () => {
    expect(() => shanghaiScale({ scale: 0 })).toThrow(/scale/);
    expect(() => shanghaiScale({ scale: 2 })).toThrow(/scale/);
  });

  it('a 1 % city plays its first six hours (before the metro opens): cases arrive at the generated rates', () => {
    const small = parse(shanghaiScale({ scale: 0.01 }));
    const r = runScenario(small, { seed: 1, days: 0.25 });
    // the hourly rates of hours 0-5 (no rain: no driver applies)
    const expected = small.eventTypes.reduce(
      (n, et) => n + hourlyRates(et, 6, small.run.startDayOfWeek).reduce((a, b) => a + b, 0),
      0,
    );
    expect(expected).toBeGreaterThan(50);
    expect(r.kpis.casesArrived).toBeGreaterThan(expected * 0.75);
    expect(r.kpis.casesArrived).toBeLessThan(expected * 1.25);
    expect(r.kpis.casesClosed).toBeGreaterThan(0);
    expect(r.coverage.grids).toHaveLength(new City(small).nGrids);
  });
});
