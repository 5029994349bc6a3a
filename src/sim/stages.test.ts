/**
 * Stages of a case's time, and the limiting stage of late cases
 * (stages.ts): the stages add up to each case's times, and the diagnosis
 * names the stage (and team) that a hand-built situation makes the limit.
 */
import { describe, expect, it } from 'vitest';
import { Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { toyDistrict } from './fixtures.ts';
import { runScenario } from './run.ts';
import { StageBook, diagnoseBook, STAGE_NAMES, LATE_CHUNK } from './stages.ts';
import { diagnose } from '../analysis/diagnose.ts';
import type { CaseRecord } from './result.ts';

const EPS = 1e-6; // seconds: sums of differences of times up to ~1e5 s

function checkStages(log: readonly CaseRecord[]): { closed: number; preempted: number } {
  let closed = 0,
    preempted = 0;
  for (const c of log) {
    const stages = [c.discoveryS, c.centreS, c.queueS, c.travelS, c.handlingS];
    for (const s of stages) expect(s).toBeGreaterThanOrEqual(-EPS);
    if (c.closedS >= 0) {
      closed++;
      expect(
        Math.abs(stages.reduce((a, b) => a + b, 0) - (c.closedS - c.occurredS)),
        `case ${c.id} resolution`,
      ).toBeLessThan(EPS);
      // discovery ends when the case is discovered
      expect(Math.abs(c.discoveryS - (c.discoveredS - c.occurredS))).toBeLessThan(EPS);
    }
    if (c.onSceneS >= 0) {
      expect(
        Math.abs(c.responseCentreS + c.responseQueueS + c.responseTravelS - (c.onSceneS - c.filedS)),
        `case ${c.id} response`,
      ).toBeLessThan(EPS);
      // the response's parts are parts of the whole case's stages
      expect(c.responseQueueS).toBeLessThanOrEqual(c.queueS + EPS);
      expect(c.responseTravelS).toBeLessThanOrEqual(c.travelS + EPS);
    }
    if (c.handlingStartS >= 0 && c.handledS >= 0 && c.queueS === c.responseQueueS) {
      // never put back: handling is one stretch, handling start → handled
      expect(Math.abs(c.handlingS - (c.handledS - c.handlingStartS))).toBeLessThan(EPS);
    }
    if (c.queueS > c.responseQueueS + EPS) preempted++;
  }
  return { closed, preempted };
}

describe('stage times', () => {
  it('add up to response and resolution for every case, with preemption and handovers', () => {
    const input = toyDistrict({ nightStaff: 1 });
    input.dispatch = { ...input.dispatch, preemption: true };
    // a thin repair crew handing over at shift end, so cases go back to the queue
    input.teams[1].shifts = [
      { start: '07:00', end: '19:00', staff: 1 },
      { start: '19:00', end: '07:00+1', staff: 1 },
    ];
    input.eventTypes[1].ratePerDay = 30;
    input.eventTypes[1].crew = 1;
    input.eventTypes.push({
      id: 'lamp',
      name: { zh: '路灯', en: 'Lamp' },
      ratePerDay: 40,
      priority: 3,
      discovery: { patrol: 0, citizen: 1, sensor: 0 },
      skill: 'repair',
      handlingMin: { dist: 'exponential', mean: 60 },
      responseDeadlineMin: 120,
      resolutionDeadlineMin: 480,
    });
    const r = runScenario(Scenario.parse(input), { seed: 3, log: true });
    const { closed, preempted } = checkStages(r.log!);
    expect(closed).toBeGreaterThan(200);
    // the preemption / handover path was exercised: some cases waited again after their response
    expect(preempted).toBeGreaterThan(0);
  });

  it('cover the response of a case nobody reached, to its verdict', () => {
    const input = toyDistrict();
    input.teams[1].shifts = [{ start: '07:00', end: '08:00', staff: 1 }];
    const r = runScenario(Scenario.parse(input), { seed: 1, log: true });
    const open = r.log!.filter((c) => c.closedS < 0 && c.filedS >= 0 && c.onSceneS < 0);
    expect(open.length).toBeGreaterThan(0);
    expect(r.kpis.casesOpenAfterDrain).toBeGreaterThan(0);
    for (const c of open) expect(c.responseQueueS).toBeGreaterThan(0);
  });
});

/** Two teams; `thin` serves the priority cases with too few staff, `ample` the rest. */
function understaffed(): ScenarioInput {
  return {
    schemaVersion: 2,
    id: 'thin',
    name: { zh: '人手不足', en: 'Understaffed' },
    run: { days: 1, warmupHours: 0, seed: 1 },
    city: { cols: 6, rows: 6, gridSize: 3 },
    eventTypes: [
      {
        id: 'leak',
        name: { zh: '漏水', en: 'Leak' },
        ratePerDay: 96,
        priority: 2,
        discovery: { patrol: 0, citizen: 0, sensor: 1 },
        skill: 'pipes',
        handlingMin: { dist: 'exponential', mean: 30 },
        responseDeadlineMin: 30,
        resolutionDeadlineMin: 120,
      },
      {
        id: 'litter',
        name: { zh: '垃圾', en: 'Litter' },
        ratePerDay: 96,
        priority: 3,
        discovery: { patrol: 0, citizen: 0, sensor: 1 },
        skill: 'clean',
        handlingMin: { dist: 'exponential', mean: 20 },
        responseDeadlineMin: 30,
        resolutionDeadlineMin: 120,
      },
    ],
    teams: [
      {
        id: 'plumbers',
        name: { zh: '管道', en: 'Plumbers' },
        skills: ['pipes'],
        placement: 'pooled',
        patrol: false,
        mode: 'vehicle',
        shifts: [{ start: '00:00', end: '24:00', staff: 1 }],
      },
      {
        id: 'cleaners',
        name: { zh: '保洁', en: 'Cleaners' },
        skills: ['clean'],
        placement: 'pooled',
        patrol: false,
        mode: 'vehicle',
        shifts: [{ start: '00:00', end: '24:00', staff: 10 }],
      },
    ],
    dispatch: { policy: 'nearest', order: 'fifo' },
  };
}

describe('the limiting stage', () => {
  it('names the badly understaffed team and the queue stage first', () => {
    const sc = Scenario.parse(understaffed());
    const results = [1, 2, 3].map((seed) => runScenario(sc, { seed }));
    const d = diagnose(sc, results);
    expect(d.limits[0]).toMatchObject({ stage: 'queue', eventType: 'leak', team: 'plumbers' });
    expect(d.limits[0].share).toBeGreaterThan(0.8);
    expect(d.stages.queue.share).toBeGreaterThan(0.8);
    // rows sorted by late cases, shares add up to 1
    for (let i = 1; i < d.limits.length; i++)
      expect(d.limits[i].lateCases).toBeLessThanOrEqual(d.limits[i - 1].lateCases);
    expect(d.limits.reduce((s, l) => s + l.share, 0)).toBeCloseTo(1, 12);
    expect(STAGE_NAMES.reduce((s, n) => s + d.stages[n].share, 0)).toBeCloseTo(1, 12);
    expect(d.limits[0].lever.en).toContain('plumbers');
  });

  it('names travel first when staff are ample but walks are long and deadlines tight', () => {
    const input = understaffed();
    input.city = { cols: 60, rows: 60, gridSize: 12 };
    input.teams = [
      {
        id: 'walkers',
        name: { zh: '步巡', en: 'Walkers' },
        skills: ['pipes', 'clean'],
        placement: 'pooled',
        patrol: false,
        mode: 'walk',
        shifts: [{ start: '00:00', end: '24:00', staff: 12 }],
      },
    ];
    for (const et of input.eventTypes) {
      et.responseDeadlineMin = 8;
      et.handlingMin = { dist: 'fixed', value: 5 };
    }
    const sc = Scenario.parse(input);
    const results = [1, 2].map((seed) => runScenario(sc, { seed }));
    const d = diagnose(sc, results);
    expect(d.late).toBeGreaterThan(10);
    expect(d.limits[0].stage).toBe('travel');
    expect(d.limits[0].team).toBeNull();
    expect(d.stages.travel.share).toBeGreaterThan(0.9);
    // the lever says it in words; the scenario fields it means are listed apart (no raw field names in the sentence)
    expect(d.limits[0].lever.fields).toEqual(
      expect.arrayContaining(['city.gridSize', 'dispatch.policy', 'teams.walkers.mode']),
    );
    for (const text of [d.limits[0].lever.en, d.limits[0].lever.zh])
      expect(text).not.toMatch(/gridSize|dispatch\.policy|placement\)|mode\)/);
  });
});

describe('diagnoseBook (the rule on hand-made cases)', () => {
  const ctx = { typeIds: ['t'], teamIds: ['a', 'b'], responseS: [600], resolutionS: [3600] };
  // stages: discovery, centre, queue, travel, handling; response: centre, queue, travel
  const add = (b: StageBook, met: boolean, st: number[], rp: number[], team = 0) => {
    const resp = rp.reduce((x, y) => x + y, 0),
      resol = st.reduce((x, y) => x + y, 0);
    b.add(0, met, Float64Array.from(st), 0, Float64Array.from(rp), 0, team, 0, 5, resp, resol);
  };
  it('shrinks each stage to its on-time share and names the one that would have made the case on time', () => {
    const b = new StageBook(1);
    add(b, true, [60, 120, 60, 240, 900], [60, 60, 240]); // on-time shares
    add(b, false, [60, 120, 900, 240, 900], [60, 900, 240], 1); // response 1200 > 600: only the queue fixes it
    add(b, false, [60, 120, 60, 900, 900], [60, 60, 900]); // response 1020 > 600: only travel fixes it
    add(b, false, [3000, 120, 60, 240, 900], [60, 60, 240]); // resolution 4320 > 3600: discovery
    const d = diagnoseBook(b, ctx);
    const by = Object.fromEntries(d.groups.map((g) => [g.stage, g]));
    expect(d.late).toBe(3);
    expect(by.queue).toMatchObject({ team: 'b', n: 1 });
    expect(by.travel).toMatchObject({ team: null, n: 1 });
    expect(by.discovery).toMatchObject({ n: 1 });
    expect(d.onTimeShareS.t.handling).toBe(900);
  });
  it('prefers a stage that suffices over a larger one that does not; else the largest excess', () => {
    const b = new StageBook(1);
    add(b, true, [0, 0, 0, 0, 600], [0, 0, 0]);
    // resolution deadline 3600 s; on-time shares: handling 600, every other stage 0
    add(b, false, [4000, 0, 0, 0, 700], [0, 0, 0]); // 4700: discovery fixes (→ 700), handling (excess 100) does not → discovery
    add(b, false, [300, 0, 0, 0, 3500], [0, 0, 0]); // 3800: both fix; handling's excess 2900 > discovery's 300 → handling
    add(b, false, [3500, 0, 0, 0, 3700], [0, 0, 0]); // 7200: neither fixes alone → the largest excess: discovery 3500 > handling 3100
    const d = diagnoseBook(b, ctx);
    const n = Object.fromEntries(STAGE_NAMES.map((s) => [s, d.stages[s].lateCases]));
    expect(n).toEqual({ discovery: 2, centre: 0, queue: 0, travel: 0, handling: 1 });
  });
  it("keeps every late record across the store's chunks, and a released store serves the next book afresh", () => {
    // queue-limited cases (team b, grid g) and travel-limited ones (team a, grid 2g), more than two chunks
    const late = 2 * LATE_CHUNK + 7;
    const fill = (b: StageBook, shift: number) => {
      add(b, true, [0, 0, 60, 60, 600], [0, 60, 60]);
      for (let i = 0; i < late; i++) {
        const queue = i % 3 === 0;
        const st = queue ? [0, 0, 900, 60, 600] : [0, 0, 60, 900, 600];
        const rp = queue ? [0, 900, 60] : [0, 60, 900];
        const resp = rp[0] + rp[1] + rp[2];
        b.add(
          0,
          false,
          Float64Array.from(st),
          0,
          Float64Array.from(rp),
          0,
          queue ? 1 : 0,
          (i % 5) + shift,
          i % 24,
          resp,
          1560,
        );
      }
    };
    const count = (d: ReturnType<typeof diagnoseBook>, stage: string) =>
      d.groups.filter((g) => g.stage === stage).reduce((n, g) => n + g.n, 0);
    const first = new StageBook(1);
    fill(first, 0);
    const d1 = diagnoseBook(first, ctx);
    expect(d1.late).toBe(late);
    const nQueue = Math.ceil(late / 3);
    expect(count(d1, 'queue')).toBe(nQueue);
    expect(count(d1, 'travel')).toBe(late - nQueue);
    expect(d1.groups.filter((g) => g.stage === 'queue').every((g) => g.team === 'b')).toBe(true);
    // 5 grids x 24 hours, each record in exactly one group: the last chunk's records are there too
    expect(new Set(d1.groups.map((g) => g.grid))).toEqual(new Set([0, 1, 2, 3, 4]));
    first.release();
    // the next book reuses the chunks: its own grids (10..14), none of the first book's
    const second = new StageBook(1);
    fill(second, 10);
    const d2 = diagnoseBook(second, ctx);
    expect(d2.late).toBe(late);
    expect(new Set(d2.groups.map((g) => g.grid))).toEqual(new Set([10, 11, 12, 13, 14]));
    expect(count(d2, 'queue')).toBe(nQueue);
  });
});
