/**
 * A stand-in for the engine, for tests of the layers above it.
 *
 * `fakeRun(seed)` returns a plausible, fully populated `RunResult` whose
 * numbers depend only on the seed (a tiny integer hash, no clock, no
 * Math.random), so tests can check ordering, aggregation and plumbing
 * without running a simulation.
 */
import type { Kpis, RunResult } from '../sim/result.ts';
import type { RunDiagnosis } from '../sim/stages.ts';

/** A deterministic number in [0, 1) from an integer (splitmix-style mixing). */
function unit(seed: number, salt: number): number {
  let x = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(salt, 0xc2b2ae35)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

export function fakeKpis(seed: number, overrides: Partial<Kpis> = {}): Kpis {
  const u = (s: number) => unit(seed, s);
  return {
    casesArrived: 1000 + Math.floor(100 * u(1)),
    casesClosed: 950 + Math.floor(50 * u(2)),
    meanWaitS: 300 * u(3),
    p50WaitS: 200 * u(3),
    p90WaitS: 600 * u(3),
    p95WaitS: 800 * u(3),
    meanQueueWaitS: 250 * u(3),
    p90QueueWaitS: 500 * u(3),
    meanResponseS: 600 + 300 * u(4),
    p50ResponseS: 500 + 300 * u(5),
    p90ResponseS: 1200 + 600 * u(6),
    p95ResponseS: 1800 + 600 * u(7),
    meanResolutionS: 3600 + 600 * u(8),
    p50ResolutionS: 3000 + 600 * u(9),
    p90ResolutionS: 7200 + 600 * u(9),
    p95ResolutionS: 8000 + 600 * u(9),
    slaAttainment: 0.8 + 0.1 * u(10),
    coverageIndex: 0.7 + 0.2 * u(11),
    staffHours: 480,
    utilisation: 0.5 + 0.3 * u(12),
    overtimeHours: 10 * u(13),
    meanBacklog: 20 * u(14),
    costCny: 28800,
    casesOpenAfterDrain: 0,
    ...overrides,
  };
}

export function fakeRun(seed: number, opts: { days?: number; log?: boolean; kpis?: Partial<Kpis> } = {}): RunResult {
  const u = (s: number) => unit(seed, s);
  const grids = ['g0', 'g1'];
  const attainment = grids.map((_, g) =>
    Array.from({ length: 24 }, (_, h) => (h < 6 && g === 1 ? null : u(100 + g * 24 + h))),
  );
  const cases = attainment.map((row, g) =>
    row.map((a, h) => (a === null ? 0 : 1 + Math.floor(10 * u(200 + g * 24 + h)))),
  );
  const result: RunResult = {
    seed,
    kpis: fakeKpis(seed, opts.kpis),
    byType: [
      {
        id: 'litter',
        arrived: 600,
        closed: 590,
        slaMet: 500,
        slaDecided: 590,
        meanWaitS: 100 * u(20),
        meanResponseS: 500,
        p90ResponseS: 900,
        meanResolutionS: 3000,
      },
      {
        id: 'parking',
        arrived: 400,
        closed: 380,
        slaMet: 300,
        slaDecided: 380,
        meanWaitS: u(21) < 0.5 ? null : 50,
        meanResponseS: 400,
        p90ResponseS: 800,
        meanResolutionS: 2500,
      },
    ],
    byTeam: [
      {
        id: 'team',
        onDutyByHour: Array(24).fill(10),
        utilisationByHour: Array(24).fill(0.5),
        staffHours: 240,
        overtimeHours: 1,
      },
    ],
    coverage: { grids, hours: 24, attainment, cases, target: 0.8 },
    backlogByHour: Array(24).fill(3),
    stations: [],
    weather: null,
    diagnosis: fakeDiagnosis(),
    perf: { events: 10_000 + Math.floor(1000 * u(30)) * (opts.days ?? 1), wallS: 0 },
  };
  if (opts.log) {
    result.log = [
      {
        id: 0,
        type: 'litter',
        cell: 0,
        grid: 0,
        gridCode: 'g0',
        priority: 3,
        channel: 'citizen',
        occurredS: 10,
        discoveredS: 20,
        filedS: 30,
        dispatchedS: 40,
        onSceneS: 50,
        handlingStartS: 50,
        handledS: 60,
        verifiedS: 70,
        closedS: 80,
        slaMet: true,
        discoveryS: 10,
        centreS: 40,
        queueS: 0,
        travelS: 10,
        handlingS: 10,
        responseCentreS: 10,
        responseQueueS: 0,
        responseTravelS: 10,
      },
    ];
  }
  return result;
}

/** A diagnosis with no late cases (fake runs carry no case-level detail). */
export function fakeDiagnosis(): RunDiagnosis {
  const st = { meanS: null, meanResponseS: null, lateCases: 0 };
  return {
    decided: 0,
    late: 0,
    stages: { discovery: st, centre: st, queue: st, travel: st, handling: st },
    onTimeShareS: {},
    groups: [],
  };
}
