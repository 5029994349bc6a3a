/**
 * Behaviour: patrols discover latent cases where they pass.
 *
 * A member of a patrolling team with nothing to do walks its route (the
 * lawn-mower walk of its grid, water left out) one cell at a time, always
 * towards the next cell of the route (column first, then row); a step takes
 * cellSizeM / (speed x patrolSpeedFactor) seconds times the travel factor of
 * the hour the step starts in. A case only a patrol can find (channel
 * `patrol`) lies latent in its cell and is discovered exactly when a
 * patrolling member arrives at that cell. A member dispatched to a case stops
 * patrolling (it discovers nothing on its way or while busy) and resumes from
 * where it was released, towards the route cell it was heading for.
 *
 * The hand-built city: 8 x 4 cells of 100 m, two 4 x 4 grids (G0: x 0-3,
 * G1: x 4-7), one walker per grid at 1 m/s with patrolSpeedFactor 0.5, so a
 * step takes 200 s when dry. The walk below (`walk`) states the rule; the
 * engine must agree with it to the last bit of every time.
 */
import { describe, it, expect } from 'vitest';
import { Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { Simulation } from './simulation.ts';
import { buildResult } from './report.ts';
import { frameOf } from './snapshot.ts';
import type { CaseRecord } from './result.ts';

const COLS = 8;

function input(): ScenarioInput {
  const type = (id: string, discovery: object, handlingMin: number) => ({
    id,
    name: { zh: id, en: id },
    ratePerDay: 0,
    skill: 'x',
    discovery,
    handlingMin: { dist: 'fixed' as const, value: handlingMin },
    responseDeadlineMin: 60,
    resolutionDeadlineMin: 600,
  });
  return {
    schemaVersion: 2,
    id: 'patrol-world',
    name: { zh: '巡查', en: 'patrol world' },
    run: { days: 1, warmupHours: 0, seed: 1 },
    city: { cols: COLS, rows: 4, gridSize: 4, cellSizeM: 100 },
    eventTypes: [
      // found only by a patrol (the fallback report comes far too late to matter)
      type('litter', { patrol: 1, citizen: 0, sensor: 0, patrolFallbackMin: { dist: 'fixed', value: 6000 } }, 5),
      // known at once: a job that takes the grid's walker away for 30 min
      type('call', { patrol: 0, citizen: 0, sensor: 1 }, 30),
    ],
    teams: [
      {
        id: 'walkers',
        name: { zh: '网格员', en: 'walkers' },
        skills: ['x'],
        speedKmh: 3.6,
        placement: 'perGrid',
        patrol: true,
        shifts: [{ start: '00:00', end: '24:00', staff: 1 }],
      },
    ],
    dispatch: { policy: 'gridBound', order: 'fifo', preemption: false },
    travel: { enabled: true, detourFactor: 1, intraCellM: 50, patrolSpeedFactor: 0.5 },
  };
}

const STEP_S = 200;

/** The walker of grid g (its id), at time 0 with its first step begun. */
function start(): Simulation {
  const sim = new Simulation(Scenario.parse(input()), 7, { log: true });
  sim.runUntil(0);
  return sim;
}

interface Step {
  from: number;
  to: number;
  depart: number;
  arrive: number;
  /** Index of the route cell the member heads for during this step. */
  target: number;
}

/**
 * The rule: from cell `cur` at time t heading for route index `idx`, step
 * after step until `until`. `stepS(t)` is the duration of a step starting at t.
 */
function walk(
  route: Int32Array,
  cur: number,
  idx: number,
  t: number,
  until: number,
  stepS = (_t: number) => STEP_S,
): Step[] {
  const out: Step[] = [];
  while (t <= until) {
    if (cur === route[idx]) idx = (idx + 1) % route.length;
    const target = route[idx];
    const cx = cur % COLS,
      cy = Math.floor(cur / COLS),
      tx = target % COLS,
      ty = Math.floor(target / COLS);
    const next = cx !== tx ? cur + Math.sign(tx - cx) : cy !== ty ? cur + Math.sign(ty - cy) * COLS : cur;
    const arrive = t + stepS(t);
    out.push({ from: cur, to: next, depart: t, arrive, target: idx });
    cur = next;
    t = arrive;
  }
  return out;
}

/** The walk of member s from its state now (the step it is on), as the rule continues it. */
function walkFromNow(sim: Simulation, s: number, until: number, stepS?: (t: number) => number): Step[] {
  const first: Step = {
    from: sim.sFrom[s],
    to: sim.sTo[s],
    depart: sim.sDepart[s],
    arrive: sim.sArrive[s],
    target: sim.sRoute[s],
  };
  return [first, ...walk(sim.sRouteCells[s], first.to, first.target, first.arrive, until, stepS)];
}

const typeIndex = (sim: Simulation, id: string) => sim.types.findIndex((t) => t.id === id);

/** Create a case of `type` at `cell` at time t (the clock is run to t first). */
function caseAt(sim: Simulation, type: string, cell: number, t: number): number {
  sim.runUntil(t);
  const c = sim.createCase(typeIndex(sim, type), cell);
  return sim.cId[c];
}

function records(sim: Simulation, until: number): Map<number, CaseRecord> {
  sim.runUntil(until);
  const r = buildResult(sim, 7);
  return new Map(r.log!.map((rec) => [rec.id, rec]));
}

/** The walker of grid g. */
const walker = (sim: Simulation, g: number) => [...Array(sim.nStaff).keys()].find((s) => sim.sHome[s] === g)!;

describe('a patrolling member discovers a latent case exactly when it passes the cell', () => {
  const creations = [1000.5, 3333.25, 7777.75, 20_000.125];
  for (const t0 of creations) {
    it(`cases created at ${t0} s in every cell of grid G0`, () => {
      for (let y = 0; y < 4; y++) {
        for (let x = 0; x < 4; x++) {
          const sim = start();
          const s = walker(sim, 0);
          const steps = walk(sim.sRouteCells[s], sim.sTo[s], sim.sRoute[s], sim.sArrive[s], t0 + 4 * 3600);
          const cell = y * COLS + x;
          const id = caseAt(sim, 'litter', cell, t0);
          const pass = [{ to: sim.sTo[s], arrive: sim.sArrive[s] }, ...steps].find(
            (st) => st.to === cell && st.arrive >= t0,
          );
          const rec = records(sim, t0 + 6 * 3600).get(id)!;
          expect(rec.channel).toBe('patrol');
          expect(rec.discoveredS).toBe(pass!.arrive);
        }
      }
    });
  }

  it('two cases in cells of the same leg, created at different times, are each found as the walker gets there', () => {
    const sim = start();
    const s = walker(sim, 0);
    const steps = walk(sim.sRouteCells[s], sim.sTo[s], sim.sRoute[s], sim.sArrive[s], 6 * 3600);
    // the cells of the next three steps after 5,000 s, the later one created first
    const ahead = steps.filter((st) => st.depart >= 5000).slice(0, 3);
    const a = caseAt(sim, 'litter', ahead[2].to, 5000.5);
    const b = caseAt(sim, 'litter', ahead[0].to, 5001.5);
    const recs = records(sim, 8 * 3600);
    expect(recs.get(b)!.discoveredS).toBe(ahead[0].arrive);
    // b's crew is the walker: it left its route, so a waits for its return (or is found then)
    expect(recs.get(a)!.discoveredS).toBeGreaterThan(ahead[0].arrive);
  });

  it('where the member is between events is where the rule puts it (dispatch and frames see the same)', () => {
    const sim = start();
    const s = walker(sim, 1);
    const steps = walkFromNow(sim, s, 3 * 3600);
    for (const t of [0.5, 199.5, 200, 200.5, 1234.5, 5000, 9999.9]) {
      sim.runUntil(t);
      const st = steps.find((x) => x.depart <= t && t < x.arrive)!;
      const nearer = t - st.depart < (st.arrive - st.depart) / 2 ? st.from : st.to;
      expect(sim.staffCell(s)).toBe(nearer);
      const f = frameOf(sim);
      const frac = (t - st.depart) / (st.arrive - st.depart);
      const fx = st.from % COLS,
        tx = st.to % COLS;
      expect(f.staffXY[2 * s]).toBeCloseTo(fx + (tx - fx) * frac + 0.5, 5);
    }
  });
});

describe('a member dispatched away stops discovering, and resumes after', () => {
  it('a case latent on its route while it is busy is found on its first pass after release, not before', () => {
    const sim = start();
    const s = walker(sim, 0);
    const callCell = 3 * COLS + 3;
    const call = caseAt(sim, 'call', callCell, 600.5);
    expect(sim.sCase[s]).toBeGreaterThanOrEqual(0);
    const target = sim.sRoute[s];
    // the next route cell it was heading for, and a cell it would have passed soon had it not left
    const before = walk(sim.sRouteCells[s], sim.staffCell(s), target, 600.5, 3600);
    const soon = before.find((st) => st.to !== callCell)!.to;
    const litter = caseAt(sim, 'litter', soon, 700.5);
    const recs = records(sim, 6 * 3600);
    const released = recs.get(call)!.handledS;
    // released at the call's cell, it walks on towards the same route cell
    const after = walk(sim.sRouteCells[s], callCell, target, released, released + 3 * 3600);
    const pass = after.find((st) => st.to === soon)!;
    expect(recs.get(litter)!.discoveredS).toBeGreaterThan(released);
    expect(recs.get(litter)!.discoveredS).toBe(pass.arrive);
  });

  it('the walker of the other grid never passes G0, so a case there waits for G0’s own walker', () => {
    const sim = start();
    // G0's walker is busy for 30 min from 600.5 s; G1's walker, patrolling all the while, does not find it
    const call = caseAt(sim, 'call', 0, 600.5);
    const id = caseAt(sim, 'litter', 2 * COLS + 2, 650.5);
    const recs = records(sim, 6 * 3600);
    expect(recs.get(id)!.discoveredS).toBeGreaterThan(recs.get(call)!.handledS);
  });
});

describe('a step takes the travel factor of the hour it starts in, rain changed mid-run too', () => {
  it('after a storm is set at 01:00 for hours 2-3, passes follow the slower steps', () => {
    const sim = start();
    const s = walker(sim, 0);
    sim.runUntil(3600.5);
    sim.drivers.rain.setRain(2, [40, 40], sim.drivers.arrivals);
    const factor = (t: number) => sim.travelFactor[Math.min(Math.floor(t / 3600), sim.travelFactor.length - 1)];
    expect(factor(2.5 * 3600)).toBeGreaterThan(1);
    const steps = walkFromNow(sim, s, 6 * 3600, (t) => STEP_S * factor(t));
    for (const t0 of [4000.5, 7300.25, 9000.75, 12_000.5]) {
      const probe = start();
      probe.runUntil(3600.5);
      probe.drivers.rain.setRain(2, [40, 40], probe.drivers.arrivals);
      const cell = steps.find((st) => st.depart >= t0)!.to;
      const id = caseAt(probe, 'litter', cell, t0);
      const pass = steps.find((st) => st.to === cell && st.arrive >= t0)!;
      expect(records(probe, 8 * 3600).get(id)!.discoveredS).toBe(pass.arrive);
    }
  });
});

describe('walks along the route take each step at the factor of its own hour (stretches that cross an hour)', () => {
  it('with the factor changing every hour, every pass over 7 hours is where and when the rule puts it', () => {
    const rain = [0, 30, 5, 60, 0, 45, 10, 0];
    const sim = start();
    sim.drivers.rain.setRain(0, rain, sim.drivers.arrivals);
    const factor = (t: number) => sim.travelFactor[Math.min(Math.floor(t / 3600), sim.travelFactor.length - 1)];
    expect(new Set(rain.map((_, h) => factor(h * 3600 + 1))).size).toBeGreaterThan(3);
    const s = walker(sim, 0);
    const steps = walkFromNow(sim, s, 8 * 3600, (t) => STEP_S * factor(t));
    for (let t0 = 1500.5; t0 < 7 * 3600; t0 += 1733) {
      const probe = start();
      probe.drivers.rain.setRain(0, rain, probe.drivers.arrivals);
      // a cell 3 to 9 steps ahead: most of the walk to it is one stretch along the route
      const ahead = steps.filter((st) => st.depart >= t0);
      const cell = ahead[3 + (Math.floor(t0) % 7)].to;
      const id = caseAt(probe, 'litter', cell, t0);
      const pass = steps.find((st) => st.to === cell && st.arrive >= t0)!;
      expect(records(probe, 9 * 3600).get(id)!.discoveredS).toBe(pass.arrive);
    }
  });
});
