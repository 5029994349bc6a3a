/**
 * Behaviour: the compact tables the engine builds for city-scale runs give
 * exactly what the plain ones gave.
 * - A type's location sampler keeps one running total per 16 cells; the
 *   cell it draws is the one a per-cell cumulative table gives for the same
 *   uniform (ties, zero-weight cells and a last block shorter than 16 too).
 * - Cell distances are Manhattan distances between the cells' columns and rows.
 * - Staff lists by skill and by grid x skill hold every qualified member
 *   once per grid it answers for, in id order; a member answering for several
 *   grids patrols their routes one after another.
 * - A crew is the `need` members with the smallest (tier, distance, id),
 *   whatever the number of free candidates (the partial selection agrees with
 *   sorting them all).
 * - A city-wide list is read through its set of free members, filed by
 *   tiles of grids and searched in rings outward: whatever the order in which
 *   members became busy, free or went off duty, and wherever their patrols
 *   took them, the pick is the nearest free member of the whole list, ties to
 *   the lowest id (and a crew the `need` nearest).
 */
import { describe, it, expect } from 'vitest';
import { Scenario, LAND_USES, type ScenarioInput } from '../scenario/schema.ts';
import { City } from './city.ts';
import { LocationSampler } from './arrivals.ts';
import { StreamSet, type Stream } from './rng.ts';
import { Simulation } from './simulation.ts';
import { toyDistrict } from './fixtures.ts';
import { world, worldInput, cell, place, newCase, takeOff } from './policies/testWorld.ts';
import { pickCrew, pickOne } from './policies/select.ts';

/** A city of cols x rows with zones of every land use, some low-lying, two stations. */
function cityInput(cols: number, rows: number): ScenarioInput {
  const input = toyDistrict();
  input.city = {
    ...input.city,
    cols,
    rows,
    gridSize: 3,
    zones: [
      { x: 0, y: 0, w: 5, h: 3, landUse: 'commercial', popFactor: 1.7 },
      { x: 3, y: 2, w: 4, h: 4, landUse: 'water' },
      { x: 6, y: 0, w: 3, h: 7, landUse: 'industrial', lowLying: true },
      { x: 1, y: 5, w: 8, h: 2, landUse: 'green', popFactor: 0.3, lowLying: true },
    ],
    stations: [
      { id: 's1', name: { zh: '一', en: 'one' }, x: 2, y: 1 },
      { id: 's2', name: { zh: '二', en: 'two' }, x: 10, y: 6 },
    ],
  } as ScenarioInput['city'];
  return input;
}

/** The per-cell inverse CDF the sampler replaces: smallest i with cum[i] > u, else the last cell. */
function reference(cum: Float64Array, u01: number): number {
  const u = u01 * cum[cum.length - 1];
  let lo = 0,
    hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulative(city: City, luW: number[], pop: 'none' | 'day' | 'night', only?: 'lowLying' | 'station') {
  const cum = new Float64Array(city.nCells);
  let acc = 0;
  for (let i = 0; i < city.nCells; i++) {
    let x = luW[city.landUse[i]];
    if (pop === 'day') x *= city.dayPop[i];
    else if (pop === 'night') x *= city.nightPop[i];
    if (only === 'lowLying' && !city.lowLying[i]) x = 0;
    if (only === 'station' && city.station[i] < 0) x = 0;
    acc += x;
    cum[i] = acc;
  }
  return cum;
}

/** A stream that replays the given uniforms. */
const replay = (us: number[]): Stream => {
  let i = 0;
  return { uniform: () => us[i++] } as unknown as Stream;
};

describe('location tables with one running total per 16 cells', () => {
  const sc = Scenario.parse(cityInput(13, 7)); // 91 cells: five full blocks and one of 11
  const city = new City(sc);
  const us = [0, 1 - 2 ** -53, 0.5];
  const gen = new StreamSet(5).get(0);
  for (let i = 0; i < 4000; i++) us.push(gen.uniform());
  const cases: {
    name: string;
    weights: object;
    pop: 'none' | 'day' | 'night' | 'byHour';
    only?: 'lowLying' | 'station';
  }[] = [
    { name: 'uniform', weights: { population: 'none' }, pop: 'none' },
    {
      name: 'by day population and land use',
      weights: { population: 'day', landUse: { commercial: 3, water: 0 } },
      pop: 'day',
    },
    { name: 'by hour', weights: { population: 'byHour', landUse: { green: 0 } }, pop: 'byHour' },
    { name: 'low-lying only', weights: { population: 'night', only: 'lowLying' }, pop: 'night', only: 'lowLying' },
    { name: 'stations only', weights: { population: 'none', only: 'station' }, pop: 'none', only: 'station' },
  ];
  for (const k of cases) {
    it(`draws the cell a per-cell table gives: ${k.name}`, () => {
      const et = { ...sc.eventTypes[0], weights: { ...k.weights } } as (typeof sc.eventTypes)[number];
      const luW = LAND_USES.map((lu) => (et.weights.landUse as Record<string, number> | undefined)?.[lu] ?? 1);
      const sampler = new LocationSampler(city, et);
      for (const [t, pop] of [
        [12 * 3600, k.pop === 'byHour' ? 'day' : k.pop],
        [2 * 3600, k.pop === 'byHour' ? 'night' : k.pop],
      ] as const) {
        const cum = cumulative(city, luW, pop, k.only);
        const got = us.map((u) => sampler.sample(t, replay([u])));
        expect(got).toEqual(us.map((u) => reference(cum, u)));
      }
    });
  }
});

describe('cell distance', () => {
  it('the lattice distance is |dx| + |dy| between the cells’ columns and rows; travel is never shorter', () => {
    const city = new City(Scenario.parse(cityInput(13, 7)));
    for (let a = 0; a < city.nCells; a++) {
      for (let b = 0; b < city.nCells; b += 5) {
        const d = Math.abs(city.cellX(a) - city.cellX(b)) + Math.abs(city.cellY(a) - city.cellY(b));
        expect(city.latticeDistance(a, b)).toBe(d);
        expect(city.cellDistance(a, b)).toBeGreaterThanOrEqual(d);
      }
    }
  });
});

describe('staff lists', () => {
  // the toy district with its grid team spread thin (fewer members than grids on the night shift)
  // and water in two grids (their routes leave it out, so routes differ in length)
  const input = toyDistrict();
  input.teams[0] = { ...input.teams[0], placement: 'spread' };
  input.city.zones = [...(input.city.zones ?? []), { x: 4, y: 0, w: 2, h: 3, landUse: 'water' }];
  const sim = new Simulation(Scenario.parse(input), 1);
  const nk = sim.skills.length;
  const qualified = (s: number, k: number) => sim.sLane[s] < 0 && (sim.sSkills[s] & (1 << k)) !== 0;

  it('by skill: every qualified member (pooled: the pooled ones), in id order', () => {
    for (let k = 0; k < nk; k++) {
      const all = [...Array(sim.nStaff).keys()].filter((s) => qualified(s, k));
      expect([...sim.skillStaff[k]]).toEqual(all);
      expect([...sim.pooledSkillStaff[k]]).toEqual(all.filter((s) => sim.sPooled[s] === 1));
    }
  });

  it('by grid x skill: each member of the grids it answers for, in id order', () => {
    for (let g = 0; g < sim.city.nGrids; g++) {
      for (let k = 0; k < nk; k++) {
        const want: number[] = [];
        for (let s = 0; s < sim.nStaff; s++) {
          if (!(sim.sSkills[s] & (1 << k))) continue;
          for (const h of sim.sGrids[s]) if (h === g) want.push(s);
        }
        expect([...sim.gridSkillStaff[g * nk + k]]).toEqual(want);
      }
    }
    // pooled members answer for no grid (the whole city)
    for (let s = 0; s < sim.nStaff; s++) if (sim.sPooled[s]) expect(sim.sGrids[s].length).toBe(0);
  });

  it('a member answering for several grids patrols their routes one after another (water left out); others their home grid', () => {
    let spread = 0;
    for (let s = 0; s < sim.nStaff; s++) {
      const gs = [...sim.sGrids[s]];
      const want =
        gs.length > 1 ? gs.flatMap((g) => [...sim.city.patrolRoute(g)]) : [...sim.city.patrolRoute(sim.sHome[s])];
      expect([...sim.sRouteCells[s]]).toEqual(want);
      if (gs.length > 1) spread++;
      // never a cell of a grid it does not answer for (a route written at fixed offsets had gaps: cell 0)
      for (const c of sim.sRouteCells[s]) expect(gs.length > 1 ? gs : [sim.sHome[s]]).toContain(sim.city.cellGrid[c]);
    }
    expect(spread).toBeGreaterThan(0);
  });

  it('neighbouring grids: the 8-neighbourhood', () => {
    for (let g = 0; g < sim.city.nGrids; g++) expect([...sim.gridNeighbours[g]]).toEqual(sim.city.neighbourGrids(g));
  });
});

describe('a crew is the need members with the smallest (tier, distance, id)', () => {
  it('agrees with sorting every free candidate, ties included', () => {
    const sim = world({ pooled: 9 });
    const gen = new StreamSet(3).get(1);
    const pool = [...Array(sim.nStaff).keys()].filter((s) => sim.isFree(s) && sim.sSkills[s] & 1);
    for (let round = 0; round < 200; round++) {
      // members scattered over few cells, so equal distances are common
      for (const s of pool) place(sim, s, cell(sim, gen.int(12), gen.int(2)));
      const at = cell(sim, gen.int(12), gen.int(4));
      const c = newCase(sim, 'one', at);
      const tiers = sim.scope.tiers(sim, c, 0);
      const cand: { s: number; key: number }[] = [];
      tiers.forEach((list, i) => {
        for (const s of list)
          if (sim.isFree(s)) cand.push({ s, key: Math.min(i, 2) * 1e6 + sim.city.cellDistance(sim.staffCell(s), at) });
      });
      cand.sort((a, b) => a.key - b.key || a.s - b.s);
      for (const need of [1, 2, 3, 5]) {
        const out: number[] = [];
        expect(pickCrew(sim, tiers, at, need, out)).toBe(cand.length >= need);
        expect(out).toEqual(cand.length >= need ? cand.slice(0, need).map((x) => x.s) : []);
      }
    }
  });
});

describe('free members of a city-wide list', () => {
  it('the pick is the nearest free member of the whole list (ties: lowest id), after any history of busy and free', () => {
    const sim = world({ pooled: 14 });
    const gen = new StreamSet(9).get(2);
    const list = sim.pooledSkillStaff[0];
    expect(list.length).toBe(14);
    const busy: number[] = [];
    for (let round = 0; round < 400; round++) {
      // someone becomes busy, free again, or goes off duty
      const s = list[gen.int(list.length)];
      const r = gen.uniform();
      if (sim.isFree(s) && r < 0.5) {
        sim.assign(s, newCase(sim, 'one', cell(sim, gen.int(12), gen.int(4))));
        busy.push(s);
      } else if (busy.length > 0 && r < 0.9) {
        sim.release(busy.splice(gen.int(busy.length), 1)[0]);
      } else if (sim.isFree(s) && r > 0.97) {
        takeOff(sim, s);
      }
      for (const m of list) if (sim.isFree(m)) place(sim, m, cell(sim, gen.int(12), gen.int(2)));
      const at = cell(sim, gen.int(12), gen.int(4));
      let want = -1,
        wantD = Infinity;
      for (const m of list) {
        if (!sim.isFree(m)) continue;
        const d = sim.city.cellDistance(sim.staffCell(m), at);
        if (d < wantD) {
          wantD = d;
          want = m;
        }
      }
      expect(pickOne(sim, [list], at)).toBe(want);
      const free = [...list].filter((m) => sim.isFree(m));
      const byKey = free
        .map((m) => ({ m, d: sim.city.cellDistance(sim.staffCell(m), at) }))
        .sort((a, b) => a.d - b.d || a.m - b.m);
      const out: number[] = [];
      expect(pickCrew(sim, [list], at, 3, out)).toBe(free.length >= 3);
      if (free.length >= 3) expect(out).toEqual(byKey.slice(0, 3).map((x) => x.m));
    }
  });
});

describe('free members filed by tile, searched in rings', () => {
  /** A 40 x 40 city of 2 x 2 grids (400 grids, many tiles), 30 pooled members who patrol, 5 who stand still. */
  function bigCity(): Simulation {
    const input = worldInput({ pooled: 30 });
    input.city = { cols: 41, rows: 39, gridSize: 2 }; // a column and a row past the last whole grid
    input.teams = [
      { ...input.teams[1], patrol: true },
      { ...input.teams[1], id: 'still', patrol: false, shifts: [{ start: '00:00', end: '24:00', staff: 5 }] },
    ];
    input.eventTypes = input.eventTypes.map((t) => ({ ...t, handlingMin: { dist: 'fixed' as const, value: 7 } }));
    const sim = new Simulation(Scenario.parse(input), 3);
    sim.runUntil(0);
    return sim;
  }

  it('the pick is the nearest free member of the whole list, ties to the lowest id, as members patrol, work and move', () => {
    const sim = bigCity();
    const gen = new StreamSet(4).get(3);
    const list = sim.skillStaff[0];
    expect(list.length).toBe(35);
    const set = sim.freeLists.of(list)!;
    expect(set.tilesX * set.tilesY).toBeGreaterThan(9);
    for (let round = 0; round < 300; round++) {
      sim.runUntil(sim.now + 37.5 + gen.int(400));
      // a case takes someone now and then (they come back free where the case was)
      if (gen.uniform() < 0.5) {
        const at = gen.int(sim.city.nCells);
        const s = pickOne(sim, [list], at);
        if (s >= 0) sim.assign(s, newCase(sim, 'one', at));
      }
      // and a member standing still is put somewhere else
      const still = list[30 + gen.int(5)];
      if (sim.isFree(still)) place(sim, still, gen.int(sim.city.nCells));
      for (let probe = 0; probe < 5; probe++) {
        const at = gen.int(sim.city.nCells);
        const free = [...list].filter((m) => sim.isFree(m));
        const byKey = free
          .map((m) => ({ m, d: sim.city.cellDistance(sim.staffCell(m), at) }))
          .sort((a, b) => a.d - b.d || a.m - b.m);
        expect(pickOne(sim, [list], at)).toBe(byKey.length > 0 ? byKey[0].m : -1);
        const out: number[] = [];
        expect(pickCrew(sim, [list], at, 2, out)).toBe(free.length >= 2);
        if (free.length >= 2) expect(out).toEqual(byKey.slice(0, 2).map((x) => x.m));
      }
    }
  });
});
