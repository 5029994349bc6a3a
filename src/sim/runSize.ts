/**
 * How big a run is, before it runs.
 *
 * A scenario within every bound of the format (src/scenario/limits.ts) can
 * still be far too big to play: ten event types at a million cases a day, a
 * year of a station with five million passengers a day, a hundred thousand
 * staff patrolling 1-metre cells. Building the simulation is cheap; running
 * it would take hours or more memory than the machine has, and in the
 * browser it would freeze the page. `estimateRunSize` reads the scenario —
 * not the engine — and says what one replication will cost:
 *
 *     const est = estimateRunSize(scenario, { days: 7 });
 *     const verdict = checkRunSize(est, { runs: 10, limits: CLI_RUN_LIMITS });
 *     if (!verdict.ok) refuse(runSizeMessage(est, verdict, 'cli'));
 *
 * - **cases**: each event type's hourly rates over the horizon (profile,
 *   weekday offset) with the rain driver applied exactly as the engine does
 *   (rate per mm and waterlogging above the drainage capacity), plus at most
 *   one crowd incident per station per cooldown;
 * - **passengers**: every station's daily ridership over the hourly curve,
 *   plus the surges;
 * - **events** (the work: the engine does roughly two million a second on
 *   one core): per case its arrival, discovery, centre steps, each crew
 *   member's arrival and the end of handling; two per passenger; one per
 *   patrol leg of an idle member (up to PATROL_LEG cells in one grid:
 *   dispatch.ts) and one per case a patrol finds; the shift changes;
 * - **memory**: per cell, grid, staff member and hour of the horizon, plus
 *   the cases open at once — a day's cases when the roster can keep up, the
 *   growing backlog when the offered work exceeds the rostered staff-hours
 *   (then cases pile up until the horizon) — and the case log when kept.
 *
 * The figures are estimates (tests hold them within a small factor of the
 * engine on the built-in scenarios), meant to tell "seconds" from "hours"
 * and "megabytes" from "gigabytes". `checkRunSize` compares them with
 * limits (CLI and app differ) and `runSizeMessage` says, in Chinese and
 * English, what was estimated and how to proceed.
 *
 * Pure: no I/O, no clock, no randomness.
 */
import { METRO_DEFAULTS, WEATHER_DEFAULTS, type Scenario } from '../scenario/schema.ts';
import { formatBytes } from '../scenario/limits.ts';
import { cityGridCount } from '../scenario/gridShape.ts';
import { hourlyRates } from './arrivals.ts';
import { applyRain } from './drivers/rain.ts';
import { stationRates } from './metro.ts';
import { compileDist } from './rng.ts';
import { PATROL_LEG } from './patrol.ts';
import { rainSeries } from './weather.ts';

export interface RunSize {
  /** Simulated days (after --days), the warm-up before them, and hours in all. */
  days: number;
  warmupHours: number;
  hours: number;
  cells: number;
  grids: number;
  /** Rostered staff members (the engine's entities; a perGrid shift once per grid). */
  staff: number;
  /** Expected cases a day (mean over the horizon, drivers applied) and in one run (warm-up included). */
  casesPerDay: number;
  cases: number;
  /** Expected metro passengers a day and in one run. */
  passengersPerDay: number;
  passengers: number;
  /** Expected engine events a day and in one run. */
  eventsPerDay: number;
  events: number;
  /** The offered work exceeds the rostered staff-hours of the teams that can do it: cases pile up. */
  overloaded: boolean;
  /** Cases open at once at the worst moment (estimated). */
  peakOpenCases: number;
  /** Peak memory of one replication, bytes (estimated). */
  memoryBytes: number;
  /** The part of it that grows with the horizon (hourly series, a piling backlog, the case log), per day of the horizon. */
  memoryPerDayBytes: number;
}

export interface RunLimits {
  /** Engine events in one replication (about 2 million a second on one core). */
  eventsPerRun: number;
  /** Memory of one replication, bytes. */
  memoryBytesPerRun: number;
  /** Engine events over every replication of the command. */
  eventsTotal: number;
}

/** The command line's limits: a replication of up to ~2 minutes and 1.5 GB, a command of up to ~15 minutes of one core. */
export const CLI_RUN_LIMITS: RunLimits = { eventsPerRun: 250e6, memoryBytesPerRun: 1.5e9, eventsTotal: 2e9 };

/** The app's limits for the live run: it plays in a browser tab beside the 3D view. */
export const APP_RUN_LIMITS: RunLimits = { eventsPerRun: 60e6, memoryBytesPerRun: 600e6, eventsTotal: 60e6 };

/** Engine events per second on one core, for the time in messages (measured on the built-ins: 1.9–2.9 M/s). */
export const EVENTS_PER_SECOND = 2e6;

const DAY_S = 86_400;

// Memory model, bytes (measured with process.memoryUsage() on synthetic cities; see runSize.test.ts).
const BYTES_FIXED = 8e6;
const BYTES_PER_CELL = 64;
const BYTES_PER_CELL_TABLE = 8; // one cumulative location table per event type (two for byHour)
const BYTES_PER_GRID = 1500;
const BYTES_PER_GRID_SKILL = 160;
const BYTES_PER_STAFF = 800;
const BYTES_PER_HOUR_SERIES = 8;
const BYTES_PER_OPEN_CASE = 450; // SoA slots, stage times, queue and heap entries (slots double as they grow)
const BYTES_PER_LOGGED_CASE = 600;
const BYTES_PER_QUEUED_PASSENGER = 16;

const shiftHours = (start: string, end: string): number => {
  const p = (t: string) => {
    const m = /^(\d\d):(\d\d)(\+1)?$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) + (m[3] ? 1440 : 0) : 0;
  };
  return Math.max(0, p(end) - p(start)) / 60;
};

/** The estimate for one replication of `sc` (`days` overrides run.days; `log` keeps the case log). */
export function estimateRunSize(sc: Scenario, opts: { days?: number; log?: boolean } = {}): RunSize {
  const days = opts.days ?? sc.run.days;
  const horizonS = sc.run.warmupHours * 3600 + days * DAY_S;
  const hours = Math.ceil(horizonS / 3600);
  const horizonDays = horizonS / DAY_S;
  const { cols, rows } = sc.city;
  const cells = cols * rows;
  const grids = cityGridCount(sc.city);

  // --- cases, by event type: the engine's own hourly rates, rain applied
  const rain = rainSeries(sc, hours + 1);
  const drainage = (sc.weather ?? WEATHER_DEFAULTS).drainageMmPerH;
  const partHour = horizonS / 3600 - Math.floor(horizonS / 3600);
  const casesByType = sc.eventTypes.map((et) => {
    const base = hourlyRates(et, hours, sc.run.startDayOfWeek);
    const rates = base.slice();
    applyRain(rates, base, et.rain, rain, drainage, 0);
    let n = 0;
    for (let h = 0; h < hours; h++) n += rates[h] * (h === hours - 1 && partHour > 0 ? partHour : 1);
    return n;
  });
  const crowdType = sc.eventTypes.findIndex((et) => et.crowdIncident);
  if (crowdType >= 0 && sc.metro) {
    // at most one incident per station per cooldown
    casesByType[crowdType] += sc.city.stations.length * Math.floor(horizonS / 60 / sc.metro.incidentCooldownMin);
  }
  const cases = casesByType.reduce((a, b) => a + b, 0);

  // --- passengers
  const pax = stationRates(sc, hours).map((r) => r.reduce((a, b) => a + b, 0));
  const passengers = pax.reduce((a, b) => a + b, 0);

  // --- staff: members, duty hours, patrol steps, capacity per skill
  let staff = 0;
  // patrol events: one per leg (PATROL_LEG cells, fewer when a route runs through grid after grid)
  let patrolLegs = 0;
  let shiftEvents = 0;
  const capacityBySkill = new Map<string, number>(); // staff-hours a day
  const lanesAt = new Map<string, number>(); // station id -> lane staff-hours a day
  for (const t of sc.teams) {
    const perGrid = t.placement === 'perGrid' && t.station === undefined;
    const speedMps = ((t.speedKmh ?? sc.travel.speedKmh[t.mode]) * 1000) / 3600;
    const stepsPerHour = (3600 * speedMps * sc.travel.patrolSpeedFactor) / sc.city.cellSizeM;
    for (const sh of t.shifts) {
      const members = sh.staff * (perGrid ? grids : 1);
      const dutyHoursPerDay = members * shiftHours(sh.start, sh.end);
      staff += members;
      shiftEvents += 2 * (horizonDays + 2);
      if (t.role === 'securityLanes') {
        if (t.station) lanesAt.set(t.station, (lanesAt.get(t.station) ?? 0) + dutyHoursPerDay);
        continue;
      }
      const legSteps =
        t.placement === 'spread'
          ? Math.min(PATROL_LEG, Math.max(1, Math.round(cells / Math.max(1, grids))))
          : PATROL_LEG;
      if (t.patrol) patrolLegs += (dutyHoursPerDay * horizonDays * stepsPerHour) / legSteps;
      for (const skill of t.skills) capacityBySkill.set(skill, (capacityBySkill.get(skill) ?? 0) + dutyHoursPerDay);
    }
  }

  // --- events per case: arrival, end of handling, each timed centre step, a delayed discovery, each crew member's arrival, an escalation
  const timed = (d: Parameters<typeof compileDist>[0] | undefined) =>
    d && !(d.dist === 'fixed' && d.value === 0) ? 1 : 0;
  let caseEvents = 0;
  const workBySkill = new Map<string, number>(); // staff-hours a day the cases need
  sc.eventTypes.forEach((et, i) => {
    const wf = sc.workflow;
    const c = et.centre;
    const centreSteps =
      timed(c?.fileMin ?? wf.fileMin) +
      timed(c?.dispatchMin ?? wf.dispatchMin) +
      timed(c?.verifyMin ?? wf.verifyMin) +
      timed(c?.closeMin ?? wf.closeMin);
    const d = et.discovery;
    const delayed = d.patrol + d.citizen > 0 ? 1 : 0;
    // a case a patrol finds: the walker's event at its cell
    const patrolShare = d.patrol + d.citizen + d.sensor > 0 ? d.patrol / (d.patrol + d.citizen + d.sensor) : 0;
    const perCase =
      2 +
      centreSteps +
      delayed +
      patrolShare +
      (sc.travel.enabled ? et.crew : 0) +
      (sc.dispatch.policy === 'gridFirst' ? 1 : 0);
    caseEvents += casesByType[i] * perCase;
    const handlingH = compileDist(et.handlingMin).meanS / 3600;
    const travelH = sc.travel.enabled ? 0.1 : 0;
    // crowd incidents are counted at their upper bound (one per cooldown): too pessimistic to judge the roster by
    const perDay = horizonDays > 0 && !et.crowdIncident ? casesByType[i] / horizonDays : 0;
    workBySkill.set(et.skill, (workBySkill.get(et.skill) ?? 0) + perDay * et.crew * (handlingH + travelH));
  });

  // --- cases open at once: a day's worth when the roster keeps up; the unserved share of every case when it cannot
  let backlogShare = 0;
  for (const [skill, work] of workBySkill) {
    const cap = capacityBySkill.get(skill) ?? 0;
    if (work > cap) backlogShare = Math.max(backlogShare, work > 0 ? 1 - cap / work : 0);
  }
  const casesPerDay = horizonDays > 0 ? cases / horizonDays : 0;
  const overloaded = backlogShare > 0.05;
  const peakOpenCases = Math.min(cases, casesPerDay + (overloaded ? backlogShare * cases : 0));

  // --- passengers waiting: all of them at a station without security lanes, else a surge's worth
  let queuedPax = 0; // at once, whatever the days
  let pilingPax = 0; // piling up over the run
  const serviceS = (sc.metro ?? METRO_DEFAULTS).securityServiceS;
  sc.city.stations.forEach((st, i) => {
    const laneHours = lanesAt.get(st.id) ?? 0;
    const perDay = horizonDays > 0 ? pax[i] / horizonDays : 0;
    const served = (laneHours * 3600) / serviceS;
    if (served >= perDay) queuedPax += perDay / 24;
    else pilingPax += pax[i] * (1 - served / Math.max(perDay, 1));
  });

  // --- memory
  const tables = sc.eventTypes.reduce((n, et) => n + (et.weights.population === 'byHour' ? 2 : 1), 0);
  const skills = new Set([...sc.eventTypes.map((e) => e.skill), ...sc.teams.flatMap((t) => t.skills)]).size;
  const spreadCells = sc.teams.reduce((n, t) => n + (t.placement === 'spread' ? t.shifts.length * cells : 0), 0);
  const openNow = Math.min(cases, casesPerDay); // open at once whatever the days
  const memoryStatic =
    BYTES_FIXED +
    cells * (BYTES_PER_CELL + BYTES_PER_CELL_TABLE * tables) +
    spreadCells * 4 +
    grids * (BYTES_PER_GRID + BYTES_PER_GRID_SKILL * skills) +
    staff * BYTES_PER_STAFF +
    openNow * BYTES_PER_OPEN_CASE +
    queuedPax * BYTES_PER_QUEUED_PASSENGER;
  const memoryGrowing =
    hours * BYTES_PER_HOUR_SERIES * (3 + 2 * sc.eventTypes.length + sc.city.stations.length) +
    (peakOpenCases - openNow) * BYTES_PER_OPEN_CASE +
    pilingPax * BYTES_PER_QUEUED_PASSENGER +
    (opts.log ? cases * BYTES_PER_LOGGED_CASE : 0);
  const memoryBytes = memoryStatic + memoryGrowing;

  const events = caseEvents + 2 * passengers + patrolLegs + shiftEvents;
  return {
    days,
    warmupHours: sc.run.warmupHours,
    hours,
    cells,
    grids,
    staff,
    casesPerDay,
    cases,
    passengersPerDay: horizonDays > 0 ? passengers / horizonDays : 0,
    passengers,
    eventsPerDay: horizonDays > 0 ? events / horizonDays : 0,
    events,
    overloaded,
    peakOpenCases,
    memoryBytes,
    memoryPerDayBytes: horizonDays > 0 ? memoryGrowing / horizonDays : 0,
  };
}

export type RunSizeProblem =
  | { kind: 'eventsPerRun'; value: number; limit: number }
  | { kind: 'memoryBytesPerRun'; value: number; limit: number }
  | { kind: 'eventsTotal'; value: number; limit: number };

export interface RunSizeVerdict {
  ok: boolean;
  /** Replications (runs) the command would do. */
  runs: number;
  problems: RunSizeProblem[];
  /** The most days per run that fit every limit (0 when even a short run does not), or null when days are not the problem. */
  maxDays: number | null;
}

/** Whether `runs` replications of the estimated run fit `limits`. */
export function checkRunSize(est: RunSize, opts: { runs?: number; limits: RunLimits }): RunSizeVerdict {
  const runs = Math.max(1, opts.runs ?? 1);
  const L = opts.limits;
  const problems: RunSizeProblem[] = [];
  if (!(est.events <= L.eventsPerRun))
    problems.push({ kind: 'eventsPerRun', value: est.events, limit: L.eventsPerRun });
  if (!(est.memoryBytes <= L.memoryBytesPerRun))
    problems.push({ kind: 'memoryBytesPerRun', value: est.memoryBytes, limit: L.memoryBytesPerRun });
  if (!(est.events * runs <= L.eventsTotal) && problems.every((p) => p.kind !== 'eventsPerRun')) {
    problems.push({ kind: 'eventsTotal', value: est.events * runs, limit: L.eventsTotal });
  }
  let maxDays: number | null = null;
  if (problems.length > 0 && est.days > 0) {
    // events grow with the days (the warm-up comes first, whatever the days); so does memory beyond the fixed part, roughly
    const eventBudget = Math.min(L.eventsPerRun, L.eventsTotal / runs);
    const horizonDays = est.days + est.warmupHours / 24;
    const byEvents = est.eventsPerDay > 0 ? eventBudget / est.eventsPerDay - est.warmupHours / 24 : Infinity;
    const fixed = est.memoryBytes - est.memoryPerDayBytes * horizonDays;
    const byMemory =
      est.memoryBytes <= L.memoryBytesPerRun
        ? Infinity
        : est.memoryPerDayBytes > 0
          ? (L.memoryBytesPerRun - fixed) / est.memoryPerDayBytes - est.warmupHours / 24
          : 0;
    const d = roundDown(Math.min(byEvents, byMemory));
    maxDays = d >= est.days ? null : Math.max(0, d);
  }
  return { ok: problems.length === 0, runs, problems, maxDays };
}

/** Down to two significant figures: 0.0437 → 0.043, 17.8 → 17, 1234 → 1200. */
function roundDown(x: number): number {
  if (!(x > 0)) return 0;
  if (!Number.isFinite(x)) return x;
  // the power of ten one below x's leading digit, by steps (no platform-dependent logarithms on floor 0)
  let p = 1;
  while (x / p >= 100) p *= 10;
  while (x / p < 10) p /= 10;
  return Number((Math.floor(x / p) * p).toPrecision(2));
}

const count = (x: number): string => {
  if (x >= 1e9) return `${(x / 1e9).toFixed(1)}×10⁹`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)}×10⁶`;
  return Math.round(x).toLocaleString('en-US');
};

/** `40 s`, `12 min`, `3.5 h` from a number of engine events. */
export function formatDuration(events: number): string {
  const s = events / EVENTS_PER_SECOND;
  if (s < 90) return `${Math.max(1, Math.round(s))} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}

/** The estimate in one line each language: cases and passengers a day, entities, events, time and memory. */
export function describeRunSize(est: RunSize): { zh: string; en: string } {
  const pax = est.passengersPerDay > 0;
  return {
    zh:
      `预计每天 ${count(est.casesPerDay)} 件案件${pax ? `、${count(est.passengersPerDay)} 名地铁乘客` : ''}，共 ${est.days} 天；` +
      `${count(est.staff)} 名人员、${count(est.cells)} 个单元网格、${count(est.grids)} 个责任网格；` +
      `每次重复约 ${count(est.events)} 个事件（单核约 ${formatDuration(est.events)}）、内存约 ${formatBytes(est.memoryBytes)}` +
      `${est.overloaded ? '（人员不足以处置，案件会持续积压）' : ''}`,
    en:
      `expected ${count(est.casesPerDay)} cases a day${pax ? ` and ${count(est.passengersPerDay)} metro passengers` : ''} over ${est.days} day(s); ` +
      `${count(est.staff)} staff, ${count(est.cells)} cells, ${count(est.grids)} grids; ` +
      `about ${count(est.events)} events per replication (~${formatDuration(est.events)} on one core) and ${formatBytes(est.memoryBytes)} of memory` +
      `${est.overloaded ? ' (more work than the roster can handle: cases pile up)' : ''}`,
  };
}

/** What exceeds which limit, in both languages. */
function problemText(p: RunSizeProblem, runs: number): { zh: string; en: string } {
  switch (p.kind) {
    case 'eventsPerRun':
      return {
        zh: `每次重复约 ${count(p.value)} 个事件，超过上限 ${count(p.limit)}`,
        en: `about ${count(p.value)} events per replication, over the limit of ${count(p.limit)}`,
      };
    case 'memoryBytesPerRun':
      return {
        zh: `每次重复约需内存 ${formatBytes(p.value)}，超过上限 ${formatBytes(p.limit)}`,
        en: `about ${formatBytes(p.value)} of memory per replication, over the limit of ${formatBytes(p.limit)}`,
      };
    case 'eventsTotal':
      return {
        zh: `${runs} 次重复共约 ${count(p.value)} 个事件（单核约 ${formatDuration(p.value)}），超过上限 ${count(p.limit)}`,
        en: `${runs} replications make about ${count(p.value)} events (~${formatDuration(p.value)} on one core), over the limit of ${count(p.limit)}`,
      };
  }
}

/** Every limit the run exceeds, in one line per language. */
export function runSizeProblems(verdict: RunSizeVerdict): { zh: string; en: string } {
  const ps = verdict.problems.map((p) => problemText(p, verdict.runs));
  return { zh: ps.map((p) => p.zh).join('；'), en: ps.map((p) => p.en).join('; ') };
}

/**
 * The refusal (or the confirmation question, in the app): the estimate,
 * what exceeds which limit and how to proceed. `where` picks the advice:
 * the CLI's `--force` / `--days`, or the app's confirm button.
 */
export function runSizeMessage(
  est: RunSize,
  verdict: RunSizeVerdict,
  where: 'cli' | 'app',
): { zh: string; en: string } {
  const d = describeRunSize(est);
  const problems = runSizeProblems(verdict);
  const over = { zh: problems.zh, en: problems.en.charAt(0).toUpperCase() + problems.en.slice(1) }; // it starts a sentence
  const days = verdict.maxDays;
  if (where === 'cli') {
    const fewer = verdict.problems.some((p) => p.kind === 'eventsTotal');
    return {
      zh: `运行规模过大 — ${d.zh}。${over.zh}。如确需运行，请加 --force${days !== null && days > 0 ? `；或用更短的 --days（至多约 ${days} 天）` : ''}${fewer ? '；或减少 --replications' : ''}。`,
      en: `run too large — ${d.en}. ${over.en}. To run it anyway add --force${days !== null && days > 0 ? `; or use a smaller --days (at most about ${days})` : ''}${fewer ? '; or fewer --replications' : ''}.`,
    };
  }
  return {
    zh: `这个场景运行规模很大 — ${d.zh}。${over.zh}。播放可能让页面长时间无响应。${days !== null && days > 0 ? `（把 run.days 改为至多约 ${days} 天可在限度内。）` : ''}`,
    en: `This scenario is very large to run — ${d.en}. ${over.en}. Playing it may leave the page unresponsive for a long time.${days !== null && days > 0 ? ` (run.days of at most about ${days} would fit.)` : ''}`,
  };
}
