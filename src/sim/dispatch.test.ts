import { describe, it, expect } from 'vitest';
import { runScenario } from './run.ts';
import { Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { toyDistrict } from './fixtures.ts';
import type { CaseRecord } from './result.ts';

/** One cell, two case types sharing 2 servers at rho ~ 0.87: urgent-and-slow vs routine-and-quick. */
function twoTypes(order: 'fifo' | 'priority' | 'easyFirst', preemption = false): Scenario {
  const input: ScenarioInput = {
    schemaVersion: 2,
    id: 'two',
    name: { zh: '两类', en: 'two' },
    run: { days: 30, warmupHours: 24 },
    city: { cols: 1, rows: 1, gridSize: 1 },
    eventTypes: [
      {
        id: 'urgent',
        name: { zh: '紧急', en: 'urgent' },
        ratePerDay: 48,
        priority: 1,
        skill: 'x',
        handlingMin: { dist: 'exponential', mean: 40 },
        responseDeadlineMin: 15,
        resolutionDeadlineMin: 120,
      },
      {
        id: 'quick',
        name: { zh: '简单', en: 'quick' },
        ratePerDay: 144,
        priority: 4,
        skill: 'x',
        handlingMin: { dist: 'exponential', mean: 4 },
        responseDeadlineMin: 60,
        resolutionDeadlineMin: 240,
      },
    ],
    teams: [
      {
        id: 't',
        name: { zh: '队', en: 't' },
        skills: ['x'],
        placement: 'pooled',
        patrol: false,
        shifts: [{ start: '00:00', end: '24:00', staff: 2 }],
      },
    ],
    dispatch: { policy: 'nearest', order, preemption },
    travel: { enabled: false },
  };
  return Scenario.parse(input);
}
const waitOf = (sc: Scenario, id: string, seed = 9) =>
  runScenario(sc, { seed }).byType.find((t) => t.id === id)!.meanWaitS!;

/** Cases of type `started` whose handling began while a case of type `waiting` was filed and not yet started. */
function jumps(log: CaseRecord[], started: string, waiting: string): number {
  const w = log.filter((c) => c.type === waiting);
  return log.filter(
    (c) => c.type === started && w.some((x) => x.filedS < c.handlingStartS && x.handlingStartS > c.handlingStartS),
  ).length;
}
const logOf = (sc: Scenario) => runScenario({ ...sc, run: { ...sc.run, days: 6 } }, { seed: 9, log: true }).log!;

describe('dispatch order', () => {
  it('priority order makes urgent cases wait less than under FIFO', () => {
    expect(waitOf(twoTypes('priority'), 'urgent')).toBeLessThan(waitOf(twoTypes('fifo'), 'urgent'));
  });
  it('easy-first (score gaming) serves quick cases first and makes urgent ones wait longer', () => {
    expect(waitOf(twoTypes('easyFirst'), 'quick')).toBeLessThan(waitOf(twoTypes('fifo'), 'quick'));
    expect(waitOf(twoTypes('easyFirst'), 'urgent')).toBeGreaterThan(waitOf(twoTypes('fifo'), 'urgent'));
  });
  it('preemption cuts the urgent wait further, at the cost of the routine one', () => {
    expect(waitOf(twoTypes('priority', true), 'urgent')).toBeLessThan(waitOf(twoTypes('priority'), 'urgent'));
    expect(waitOf(twoTypes('priority', true), 'quick')).toBeGreaterThan(waitOf(twoTypes('priority'), 'quick'));
  });
  // exact, case by case (two servers, no travel: a free server always takes the queue's first case);
  // hand-built single cases: order.behaviour.test.ts
  it('FIFO: handling starts in filing order, whatever the type', () => {
    const log = logOf(twoTypes('fifo')).sort((a, b) => a.filedS - b.filedS);
    for (let i = 1; i < log.length; i++)
      expect(log[i].handlingStartS).toBeGreaterThanOrEqual(log[i - 1].handlingStartS);
    expect(jumps(log, 'quick', 'urgent')).toBeGreaterThan(0); // so the checks below mean something
  });
  it('priority: no quick case starts while an urgent one waits (under FIFO many do)', () => {
    const log = logOf(twoTypes('priority'));
    expect(jumps(log, 'quick', 'urgent')).toBe(0);
    expect(jumps(log, 'urgent', 'quick')).toBeGreaterThan(0);
  });
  it('easy-first: no urgent (40 min) case starts while a quick (4 min) one waits', () => {
    const log = logOf(twoTypes('easyFirst'));
    expect(jumps(log, 'urgent', 'quick')).toBe(0);
    expect(jumps(log, 'quick', 'urgent')).toBeGreaterThan(0);
  });
  it('every case is served once: arrivals = closed + still open', () => {
    for (const sc of [twoTypes('fifo'), twoTypes('priority', true), twoTypes('easyFirst')]) {
      const r = runScenario(sc, { seed: 4, log: true });
      expect(r.log!.length).toBe(r.kpis.casesArrived);
      expect(new Set(r.log!.map((c) => c.id)).size).toBe(r.log!.length);
    }
  });
});

describe('dispatch scope', () => {
  it('grid-bound dispatch responds slower than pooled nearest-available on the same cases', () => {
    const gb = runScenario(Scenario.parse(toyDistrict({ policy: 'gridBound' })), { seed: 8 });
    const nn = runScenario(Scenario.parse(toyDistrict({ policy: 'nearest' })), { seed: 8 });
    expect(gb.kpis.casesArrived).toBe(nn.kpis.casesArrived);
    expect(gb.kpis.meanWaitS!).toBeGreaterThan(nn.kpis.meanWaitS!);
  });
});

describe('patrol', () => {
  it('patrols discover latent cases long before the citizen fallback would', () => {
    const withPatrol = runScenario(Scenario.parse(toyDistrict()), { seed: 2, log: true });
    const input = toyDistrict();
    input.teams[0].patrol = false;
    const without = runScenario(Scenario.parse(input), { seed: 2, log: true });
    const delay = (r: typeof without) => {
      const v = r.log!.filter((c) => c.type === 'vending' && c.discoveredS >= 0);
      return v.reduce((s, c) => s + c.discoveredS - c.occurredS, 0) / v.length / 60;
    };
    // fallback: exponential, mean 240 min
    expect(delay(without)).toBeGreaterThan(120);
    expect(delay(withPatrol)).toBeLessThan(0.5 * delay(without));
  });
});

describe('spread placement', () => {
  it('fewer grid staff than grids still answer for every grid under grid-bound dispatch', () => {
    const input = toyDistrict({ policy: 'gridBound' });
    input.teams[0].placement = 'spread';
    input.teams[0].shifts = [{ start: '00:00', end: '24:00', staff: 4 }]; // 4 members for 6 grids
    const r = runScenario(Scenario.parse(input), { seed: 12, log: true });
    const garbage = r.log!.filter((c) => c.type === 'garbage');
    const grids = new Set(garbage.map((c) => c.grid));
    expect(grids.size).toBe(6);
    // every grid's cases get served: none is stranded without a responsible member
    for (const g of grids) expect(garbage.some((c) => c.grid === g && c.onSceneS >= 0)).toBe(true);
    // and the members whose runs of grids include a grid are the ones who serve it: no grid waits for ever
    for (const g of grids) expect(garbage.some((c) => c.grid === g && c.closedS >= 0)).toBe(true);
  });
});

describe('command-centre delays per event type', () => {
  it('a type may override the scenario workflow (here: filed the moment it is known)', () => {
    const input = toyDistrict();
    input.eventTypes[1].centre = { fileMin: { dist: 'fixed', value: 0 } }; // manhole covers: filed at once
    const r = runScenario(Scenario.parse(input), { seed: 4, log: true });
    const filedDelay = (type: string) =>
      r.log!.filter((c) => c.type === type && c.filedS >= 0).map((c) => c.filedS - c.discoveredS);
    expect(filedDelay('manhole').length).toBeGreaterThan(5);
    expect(filedDelay('manhole').every((d) => d === 0)).toBe(true);
    // the others keep the scenario's 1-4 minute filing
    expect(filedDelay('garbage').every((d) => d >= 60 && d <= 240)).toBe(true);
  });
});
