/**
 * An imported district's own grids (city.layout): grids of any shape, cells outside the district that are not
 * part of the city, the hierarchy's streets as districts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Scenario } from '../scenario/schema.ts';
import { validateScenario } from '../scenario/validate.ts';
import { City } from './city.ts';
import { runScenario } from './run.ts';
import { layoutOf } from './snapshot.ts';
import { Simulation } from './simulation.ts';
import { TOY_DISTRICT_MAP, toyDistrict, toyImportedDistrict } from './fixtures.ts';

// 6 x 4 cells; '.' is outside the district, letters are grids A, B, C (an L, a bar, a block with a hole)
//   . A A B B B
//   . A C C . B
//   A A C C . B
//   . . C C . .
const MAP = TOY_DISTRICT_MAP;
const GRID = { '.': -1, A: 0, B: 1, C: 2 } as Record<string, number>;
const cells = MAP.join('')
  .split('')
  .map((ch) => GRID[ch]);

function imported(): Scenario {
  return Scenario.parse(toyImportedDistrict());
}

describe('an imported district (city.layout)', () => {
  it('validates, and names the field when a grid has no cell or a code repeats', () => {
    const sc = imported();
    expect(validateScenario(sc)).toEqual([]);
    const bad = structuredClone(sc);
    bad.city.layout!.grids.push({ code: '310101001001' });
    const errs = validateScenario(bad);
    expect(errs.map((e) => [e.path, e.code])).toEqual([
      ['$.city.layout.grids[3]', 'grid_without_cells'],
      ['$.city.layout.grids[3].code', 'duplicate_grid_code'],
    ]);
    expect(errs[1].zh).toContain('重复');
    const short = structuredClone(sc);
    short.city.layout!.grid = [[0, 5]];
    expect(validateScenario(short).map((e) => e.code)).toEqual(['layout_length']);
  });

  it('each cell is in its own grid, outside cells in none; centres, neighbours and patrol routes follow the shapes', () => {
    const city = new City(imported());
    expect(city.nGrids).toBe(3);
    expect([...city.cellGrid]).toEqual(cells);
    expect(city.gridIds).toEqual(['310101001001', '310101001002', '310101002001']);
    // A: cells 1, 2, 7, 12, 13 (centroid x 1.2, y 0.8): cell 7 (1, 1)
    expect(city.gridCentreCell(0)).toBe(7);
    // C: the 2 x 3 block at x 2-3, y 1-3 (centroid 2.5, 2): cells 14 and 15 are equally near, the lower id wins
    expect(city.gridCentreCell(2)).toBe(14);
    expect(city.neighbourGrids(0)).toEqual([1, 2]);
    expect(city.neighbourGrids(1)).toEqual([0, 2]);
    // lawn-mower: B's rows are (3,4,5), (11), (17): the second row walked right to left (one cell), the third left to right
    expect([...city.gridCells(1)]).toEqual([3, 4, 5, 11, 17]);
    expect([...city.gridCells(2)]).toEqual([8, 9, 15, 14, 20, 21]);
    // streets from the communities
    expect(city.districtIds).toEqual(['city', 's1', 's2']);
    expect([...city.gridDistrict]).toEqual([1, 1, 2]);
  });

  it('no case occurs outside the district; the case log carries grid codes; the same seed gives the same run', () => {
    const sc = imported();
    const a = runScenario(sc, { seed: 3, log: true });
    const b = runScenario(sc, { seed: 3, log: true });
    expect(a.log!.length).toBeGreaterThan(100);
    for (const c of a.log!) {
      expect(cells[c.cell]).toBeGreaterThanOrEqual(0);
      expect(c.gridCode).toBe(['310101001001', '310101001002', '310101002001'][cells[c.cell]]);
    }
    const same = (r: typeof a) => JSON.stringify({ ...r, perf: { events: r.perf.events } });
    expect(same(b)).toBe(same(a));
    expect(a.coverage.grids).toEqual(['310101001001', '310101001002', '310101002001']);
  });

  it('the page gets the grid of every cell, the centres and the hierarchy', () => {
    const sim = new Simulation(imported(), 1);
    const l = layoutOf(sim, 1);
    expect(l.irregular).toBe(true);
    expect([...l.cellGrid]).toEqual(cells);
    expect([...l.gridCentre]).toEqual([7, sim.city.gridCentreCell(1), 14]);
    expect(l.hierarchy.district).toEqual({ code: '310101', name: '黄浦区' });
    expect(l.hierarchy.gridNames).toEqual(['甲网格', '', '']);
    expect([...l.hierarchy.gridCommunity]).toEqual([0, 0, 1]);
    expect([...l.hierarchy.gridStreet]).toEqual([0, 0, 1]);
    expect(l.hierarchy.communities.map((c) => c.street)).toEqual([0, 1]);
  });

  it('gridSize k > 1 regroups the district into k x k blocks (a grid-size study): outside cells stay outside', () => {
    const sc = imported();
    sc.city.gridSize = 2;
    expect(validateScenario(sc)).toEqual([]);
    const city = new City(sc);
    expect(city.gridIds).toEqual(['G01-01', 'G01-02', 'G01-03', 'G02-01', 'G02-02', 'G02-03']);
    //   . 0 1 1 2 2
    //   . 0 1 1 . 2
    //   3 3 4 4 . 5
    //   . . 4 4 . .
    expect([...city.cellGrid]).toEqual([
      -1, 0, 1, 1, 2, 2, -1, 0, 1, 1, -1, 2, 3, 3, 4, 4, -1, 5, -1, -1, 4, 4, -1, -1,
    ]);
    // each block in the street most of its cells' grids are in (G01-02: two cells of each street, the first wins)
    expect([...city.gridDistrict]).toEqual([1, 1, 1, 1, 2, 1]);
    expect(city.gridNames).toEqual(['', '', '', '', '', '']);
    const r = runScenario(sc, { seed: 3, log: true });
    expect(r.coverage.grids).toEqual(city.gridIds);
    for (const c of r.log!) expect(city.cellGrid[c.cell]).toBeGreaterThanOrEqual(0);
  });

  it('a k x k city gets a hierarchy too: the scenario as district, its districts as streets', () => {
    const sim = new Simulation(Scenario.parse(toyDistrict()), 1);
    const l = layoutOf(sim, 1);
    expect(l.irregular).toBe(false);
    expect(l.hierarchy.district.code).toBe('toy');
    expect(l.gridCentre.length).toBe(6);
    expect(l.gridCentre[0]).toBe(1 * 12 + 1);
  });

  it('the built-in streets carry their English names beside the Chinese ones (the page shows them in English)', () => {
    const sc = Scenario.parse(
      JSON.parse(readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8')),
    );
    const l = layoutOf(new Simulation(sc, 1), 1);
    expect(l.hierarchy.streets[0]).toEqual({
      code: 'nanjing-east',
      name: '南京东路街道',
      nameEn: 'Nanjing East Road Street',
    });
    expect(l.hierarchy.streets.every((s) => s.name !== '' && s.nameEn !== undefined && s.nameEn !== '')).toBe(true);
    expect(l.hierarchy.district).toEqual({ code: sc.id, name: sc.name.zh, nameEn: sc.name.en });
  });
});
