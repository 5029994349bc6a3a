/**
 * A hand-built world for the policy and driver tests: a 12 x 4 city cut into
 * three 4 x 4 responsibility grids in a row (G0: x 0-3, G1: x 4-7, G2:
 * x 8-11), grid workers with skill `a` (two per grid), a pooled squad with
 * skill `a`, grid workers with skill `b` only, and event types needing one,
 * two or three members of skill `a` at priorities 1, 3 and 4. Nothing
 * arrives by itself (rates are zero) and every case is reported by a
 * citizen after an hour, so a test creates its cases where it wants them and
 * asks the policy before the engine dispatches anything.
 *
 * Helpers put members where the test says, take them off duty, and list the
 * members of a team in a grid.
 */
import { Scenario, type ScenarioInput } from '../../scenario/schema.ts';
import { Simulation } from '../simulation.ts';
import { SS } from '../core/codes.ts';

export interface WorldOptions {
  policy?: 'gridBound' | 'nearest' | 'gridFirst';
  order?: 'fifo' | 'priority' | 'easyFirst';
  preemption?: boolean;
  pooled?: number;
  neighbourWaitMin?: number;
}

export function worldInput(o: WorldOptions = {}): ScenarioInput {
  const type = (id: string, crew: number, priority: number, handlingMin = 30) => ({
    id,
    name: { zh: id, en: id },
    ratePerDay: 0,
    priority,
    crew,
    skill: 'a',
    discovery: { patrol: 0, citizen: 1, sensor: 0, citizenDelayMin: { dist: 'fixed' as const, value: 60 } },
    handlingMin: { dist: 'fixed' as const, value: handlingMin },
    responseDeadlineMin: 30,
    resolutionDeadlineMin: 120,
  });
  return {
    schemaVersion: 2,
    id: 'world',
    name: { zh: '测试', en: 'world' },
    run: { days: 1, warmupHours: 0, seed: 1 },
    city: { cols: 12, rows: 4, gridSize: 4 },
    eventTypes: [type('one', 1, 3), type('two', 2, 3), type('three', 3, 3), type('urgent', 1, 1), type('low', 1, 4, 5)],
    teams: [
      {
        id: 'grid',
        name: { zh: '网格员', en: 'grid' },
        skills: ['a'],
        placement: 'perGrid',
        patrol: false,
        shifts: [{ start: '00:00', end: '24:00', staff: 2 }],
      },
      {
        id: 'pool',
        name: { zh: '机动', en: 'pool' },
        skills: ['a'],
        placement: 'pooled',
        patrol: false,
        shifts: [{ start: '00:00', end: '24:00', staff: o.pooled ?? 0 }],
      },
      {
        id: 'bees',
        name: { zh: '其他', en: 'bees' },
        skills: ['b'],
        placement: 'perGrid',
        patrol: false,
        shifts: [{ start: '00:00', end: '24:00', staff: 1 }],
      },
    ],
    dispatch: {
      policy: o.policy ?? 'nearest',
      order: o.order ?? 'fifo',
      preemption: o.preemption ?? false,
      neighbourWaitMin: o.neighbourWaitMin ?? 10,
    },
    travel: { enabled: true },
  };
}

/** The world at 00:00 with every shift on duty and nobody dispatched. */
export function world(o: WorldOptions = {}): Simulation {
  const sim = new Simulation(Scenario.parse(worldInput(o)), 1);
  sim.runUntil(0);
  return sim;
}

export const cell = (sim: Simulation, x: number, y: number): number => y * sim.city.cols + x;

/** Members of team `teamId` whose home is grid index `grid` (any grid when -1), by id. */
export function members(sim: Simulation, teamId: string, grid = -1): number[] {
  const team = sim.sc.teams.findIndex((t) => t.id === teamId);
  const out: number[] = [];
  for (let s = 0; s < sim.nStaff; s++) if (sim.sTeam[s] === team && (grid < 0 || sim.sHome[s] === grid)) out.push(s);
  return out;
}

/** Put member s at cell `at`, standing still. */
export function place(sim: Simulation, s: number, at: number): void {
  sim.sFrom[s] = at;
  sim.sTo[s] = at;
  sim.sDepart[s] = sim.now;
  sim.sArrive[s] = sim.now;
  // dispatch files free members by where they are (policies/freeLists.ts)
  sim.freeLists.moved(s);
}

/** Take free member s off duty (as the end of its shift would). */
export function takeOff(sim: Simulation, s: number): void {
  if (!sim.isFree(s)) throw new Error(`member ${s} is not free`);
  sim.sOnDuty[s] = 0;
  sim.sState[s] = SS.OFF;
  sim.sToken[s]++;
  sim.freeCount--;
}

/** Take every free member of team `teamId` off duty except `keep`. */
export function onlyOnDuty(sim: Simulation, keep: number[]): void {
  for (let s = 0; s < sim.nStaff; s++) if (!keep.includes(s) && sim.isFree(s)) takeOff(sim, s);
}

/** A case of type `typeId` at `at`, reported later (latent): nothing is dispatched yet. */
export function newCase(sim: Simulation, typeId: string, at: number): number {
  return sim.createCase(
    sim.types.findIndex((t) => t.id === typeId),
    at,
  );
}

/** What the policy picks for case c now. */
export function picks(sim: Simulation, c: number): number[] {
  const out: number[] = [];
  sim.pick(c, out);
  return out;
}
