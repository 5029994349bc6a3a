/**
 * Calibration of a scenario from a case log (allweather import --cases, and the app's import page).
 *
 * Given a base scenario placed on the earth (`city.geo`, usually with an imported `city.layout`) and a case log
 * (caseLog.ts), write a scenario whose event types arrive, where and when, and take as long to handle, as the
 * log's cases did:
 *
 * - time 0 is local midnight (at the UTC offset of the log's first usable row, written to
 *   `city.geo.utcOffsetMin`) of the day of the earliest case (`city.geo.startDate`); `run.days` = the calendar
 *   days from that day to the last case's, inclusive; `run.startDayOfWeek` that first day's weekday;
 *   `run.warmupHours` 0 (a warm-up would hide the log's first day). A case's `reportedAt` is taken as the time
 *   it occurred: the log does not know when a case happened before someone reported it;
 * - per event type (matched by id, else by Chinese or English name): `ratePerDay` = cases / days; the profile
 *   (profile.ts: 24 or 168 hours by a G test, sparse hours smoothed); location weights per cell
 *   (spatial.ts: counts with a Good–Turing floor); the handling time (fit.ts: exponential, lognormal or gamma
 *   by AIC) from at least 30 positive onSceneAt → handledAt durations, else the base's distribution is kept;
 * - a type with fewer than `minCasesPerType` cases (default 20) gets its rate only: its profile and location
 *   weights stay the base's (a new type: flat profile, counts with the floor);
 * - types the base does not have become event types with defaults the report lists for the planner to set,
 *   chosen so that the scenario runs as it is: the skill of the base's largest field team (by staff-hours a
 *   day), crew 1, priority 3, the base types' median deadlines, reported at once (sensor channel), the handling
 *   time of the base's most frequent type when the log has too few durations;
 * - base types with no case in the log are kept as they were (and listed), as are crowd-incident types' rates
 *   (the metro driver raises those).
 *
 * The log's own cases come back too (`trace`: `[type index, occurred s, cell]`); `opts.trace` 'carry' writes
 * them into the scenario, 'replay' also sets `run.arrivals: "trace"` (drivers/trace.ts replays them).
 *
 * Pure: no I/O, no clock; the result is checked with the scenario's own parser before it is returned.
 */
import type { Dist, EventType, Scenario, ScenarioInput } from '../scenario/schema.ts';
import { LIMITS } from '../scenario/limits.ts';
import { decodeRuns } from '../scenario/runs.ts';
import { cityGridCount as gridCount } from '../scenario/gridShape.ts';
import { parseScenarioObject } from '../scenario/load.ts';
import { cellOf } from './project.ts';
import { parseCoordinate, parseIsoTime, readCaseLog } from './caseLog.ts';
import { AIC_TOLERANCE, fitHandling } from './fit.ts';
import { ADD_K, PROFILE_ALPHA, PROFILE_MIN_DAYS, SPARSE_BIN, fitProfile, observedVsFitted } from './profile.ts';
import { fitSpatial } from './spatial.ts';
import {
  BAD_ROW_REASONS,
  type BadRow,
  type BadRowReason,
  type Bilingual,
  type CalibrationReport,
  type NewTypeDefaults,
  type TypeReport,
} from './report.ts';
import { METHODS } from './methods.ts';

export interface CalibrationError {
  path: string;
  code: string;
  zh: string;
  en: string;
}

export interface CalibrateOptions {
  /** Below this many cases a type's profile and location weights are not fitted (default 20). */
  minCasesPerType?: number;
  /** 'carry': the scenario carries the log's cases as `trace`; 'replay': and replays them (run.arrivals). */
  trace?: 'off' | 'carry' | 'replay';
}

export type TraceCase = [number, number, number];

export type CalibrateResult =
  | { ok: true; scenario: ScenarioInput; report: CalibrationReport; trace: TraceCase[] }
  | { ok: false; errors: CalibrationError[] };

export const MIN_HANDLING_ROWS = 30;
export const DEFAULT_MIN_CASES = 20;
/** Bad rows listed one by one in the report (all are counted). */
export const LISTED_BAD_ROWS = 200;

interface Case {
  row: number;
  type: string;
  ms: number;
  cell: number;
  t: number;
  handlingMin: number | null;
}

const DAY_MS = 86_400_000;
const sig = (x: number) => Number(x.toPrecision(6));

/** Days a calibrated (Poisson) scenario plays by default: one week, every weekday of a 168-hour profile once. */
const POISSON_DAYS = 7;

/**
 * A readable name for an event type first seen in the log: its own text when it is a label (Chinese, or words
 * with spaces), else the id's words ("illegal-parking" → "Illegal parking") marked as new in Chinese.
 */
export function newTypeName(id: string): { zh: string; en: string } {
  if (/[\u3400-\u9fff]/.test(id)) return { zh: id, en: id };
  const words = id.replace(/[-_]+/g, ' ').trim();
  const en = words.charAt(0).toUpperCase() + words.slice(1);
  return { zh: `新事件类型：${en}`, en };
}

export function calibrate(base: Scenario, csvText: string, opts: CalibrateOptions = {}): CalibrateResult {
  const minCases = opts.minCasesPerType ?? DEFAULT_MIN_CASES;
  const geo = base.city.geo;
  if (!geo) {
    return fail(
      '$.city.geo',
      'no_geo',
      '基础场景没有 city.geo（经纬度原点）：无法把案件位置对应到单元网格；请先导入辖区 GeoJSON',
      'the base scenario has no city.geo (where its cells are on the earth): case positions cannot be placed; import the district GeoJSON first',
    );
  }
  const read = readCaseLog(csvText);
  if (!read.ok) return read;
  const { cols, rows: nRows, cellSizeM } = base.city;
  const n = cols * nRows;
  const layout = base.city.layout;
  const cellGrid = layout ? decodeRuns(layout.grid, n, -1) : null;
  const insideCells = cellGrid ? cellGrid.reduce((a, g) => a + (g >= 0 ? 1 : 0), 0) : n;

  const bad: BadRow[] = [];
  const badRow = (row: number, reason: BadRowReason, value?: string) => {
    const r = BAD_ROW_REASONS[reason];
    bad.push({ row, reason, dropped: r.dropped, zh: r.zh, en: r.en, ...(value === undefined ? {} : { value }) });
  };
  const cases: Case[] = [];
  const ids = new Set<string>();
  let offsetMin: number | null = null;
  const offsets = new Set<number>();
  for (const raw of read.rows) {
    const type = raw.get('type') ?? '';
    if (type === '') {
      badRow(raw.row, 'missing_type');
      continue;
    }
    const rep = parseIsoTime(raw.get('reportedAt') ?? '');
    if (!rep.ok) {
      badRow(raw.row, rep.reason, raw.get('reportedAt'));
      continue;
    }
    const lon = parseCoordinate(raw.get('lon')),
      lat = parseCoordinate(raw.get('lat'));
    if (lon === null || lat === null || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      badRow(raw.row, 'bad_coordinates', `${raw.get('lon')}, ${raw.get('lat')}`);
      continue;
    }
    const cell = cellOf(geo, cols, nRows, cellSizeM, lon, lat);
    if (cell < 0) {
      badRow(raw.row, 'outside_lattice', `${lon}, ${lat}`);
      continue;
    }
    if (cellGrid && cellGrid[cell] < 0) {
      badRow(raw.row, 'outside_district', `${lon}, ${lat}`);
      continue;
    }
    const id = raw.get('id');
    if (id !== undefined && id !== '') {
      if (ids.has(id)) {
        badRow(raw.row, 'duplicate_id', id);
        continue;
      }
      ids.add(id);
    }
    offsetMin ??= rep.offsetMin;
    offsets.add(rep.offsetMin);
    const code = raw.get('gridCode');
    if (layout && cellGrid && code !== undefined && code !== '' && layout.grids[cellGrid[cell]].code !== code)
      badRow(raw.row, 'grid_code_mismatch', `${code} ≠ ${layout.grids[cellGrid[cell]].code}`);
    cases.push({ row: raw.row, type, ms: rep.ms, cell, t: 0, handlingMin: handlingOf(raw.row, raw.get, badRow) });
  }
  if (cases.length === 0 || offsetMin === null) {
    const counts = countReasons(bad)
      .map((r) => `${r.reason} × ${r.count}`)
      .join(', ');
    return fail(
      'csv',
      'no_usable_rows',
      `案件记录中没有可用的行（共 ${read.rows.length} 行数据${counts ? `；${counts}` : ''}）`,
      `the case log has no usable row (${read.rows.length} data rows${counts ? `; ${counts}` : ''})`,
    );
  }

  // time 0: local midnight of the earliest case's day, at the first usable row's offset
  const offMs = offsetMin * 60_000;
  const day0 = Math.floor((Math.min(...cases.map((c) => c.ms)) + offMs) / DAY_MS);
  const t0 = day0 * DAY_MS - offMs;
  for (const c of cases) c.t = (c.ms - t0) / 1000;
  const maxDays = LIMITS.days;
  const kept = cases.filter((c) => {
    if (c.t < maxDays * 86400) return true;
    badRow(c.row, 'log_too_long');
    return false;
  });
  const days = Math.floor(Math.max(...kept.map((c) => c.t)) / 86400) + 1;
  const startDate = new Date(day0 * DAY_MS).toISOString().slice(0, 10);
  const startDow = (new Date(day0 * DAY_MS).getUTCDay() + 6) % 7;

  // event types: the base's (by id, else name), then new ones by number of cases
  const byType = new Map<string, Case[]>();
  for (const c of kept) {
    const key = matchType(base.eventTypes, c.type) ?? c.type;
    let list = byType.get(key);
    if (!list) byType.set(key, (list = []));
    list.push(c);
  }
  const baseIds = new Set(base.eventTypes.map((et) => et.id));
  const newIds = [...byType.keys()]
    .filter((k) => !baseIds.has(k))
    .sort((a, b) => byType.get(b)!.length - byType.get(a)!.length || (a < b ? -1 : 1));
  const defaults = newTypeDefaults(base);
  const types: EventType[] = [];
  const typeReports: TypeReport[] = [];
  const newTypes: NewTypeDefaults[] = [];
  const notInLog: string[] = [];
  const ctx = { days, startDow, minCases, insideCells };
  base.eventTypes.forEach((et) => {
    const list = byType.get(et.id);
    if (!list) {
      notInLog.push(et.id);
      types.push(et);
      return;
    }
    const { type, report } = calibrateType(et, list, types.length, false, ctx);
    types.push(type);
    typeReports.push(report);
  });
  for (const id of newIds) {
    const list = byType.get(id)!;
    const et: EventType = {
      id,
      name: newTypeName(id),
      ratePerDay: 0,
      weights: { population: 'none', only: 'any' },
      priority: 3,
      discovery: { ...base.eventTypes[0].discovery, patrol: 0, citizen: 0, sensor: 1 },
      skill: defaults.skill,
      crew: 1,
      handlingMin: defaults.handlingMin,
      responseDeadlineMin: defaults.responseDeadlineMin,
      resolutionDeadlineMin: defaults.resolutionDeadlineMin,
      crowdIncident: false,
    };
    const { type, report } = calibrateType(et, list, types.length, true, ctx);
    types.push(type);
    typeReports.push(report);
    newTypes.push({
      id,
      cases: list.length,
      skill: defaults.skill,
      team: defaults.team,
      crew: 1,
      priority: 3,
      responseDeadlineMin: defaults.responseDeadlineMin,
      resolutionDeadlineMin: defaults.resolutionDeadlineMin,
      discovery: 'sensor',
    });
  }

  const index = new Map(types.map((et, i) => [et.id, i]));
  const trace: TraceCase[] = kept
    .map((c): TraceCase => [index.get(matchType(base.eventTypes, c.type) ?? c.type)!, c.t, c.cell])
    .sort((a, b) => a[1] - b[1]);

  const warnings: Bilingual[] = [];
  if (offsets.size > 1)
    warnings.push({
      zh: `记录含多个时区偏移；以第一行可用记录的偏移 ${fmtOffset(offsetMin)} 定义当地时间`,
      en: `the log has several UTC offsets; local time is the first usable row's, ${fmtOffset(offsetMin)}`,
    });
  const replay = opts.trace === 'replay';
  // a replay runs the log's own days from its first midnight; a Poisson run plays a week after the base's warm-up
  const runDays = replay ? days : Math.min(days, POISSON_DAYS);
  if (!replay && runDays < days)
    warnings.push({
      zh: `运行天数设为 ${runDays} 天（记录共 ${days} 天；到达按校准的速率和时段分布生成，可在场景中改 run.days）`,
      en: `run length set to ${runDays} days (the log covers ${days}; arrivals follow the calibrated rates and profile; change run.days in the scenario)`,
    });
  if (replay && base.run.warmupHours > 0)
    warnings.push({
      zh: `预热由 ${base.run.warmupHours} 小时改为 0：时间 0 是记录第一天的零点`,
      en: `warm-up set from ${base.run.warmupHours} h to 0: time 0 is midnight of the log's first day`,
    });
  if (notInLog.length > 0)
    warnings.push({
      zh: `记录中没有这些事件类型的案件，保留基础场景的设置：${notInLog.join('、')}`,
      en: `no case of these event types in the log; kept as in the base scenario: ${notInLog.join(', ')}`,
    });

  const scenario: ScenarioInput = {
    ...base,
    notes: [
      ...base.notes,
      `Calibrated from a case log: ${kept.length} usable cases of ${read.rows.length} rows over ${days} days from ${startDate} (UTC${fmtOffset(offsetMin)}); see the calibration report. / 由案件记录校准：${read.rows.length} 行中 ${kept.length} 件可用，自 ${startDate} 起 ${days} 天。`,
    ].slice(-LIMITS.notes),
    run: {
      ...base.run,
      days: runDays,
      warmupHours: replay ? 0 : base.run.warmupHours,
      startDayOfWeek: startDow,
      ...(replay ? { arrivals: 'trace' as const } : {}),
    },
    city: { ...base.city, geo: { ...geo, utcOffsetMin: offsetMin, startDate } },
    eventTypes: types,
    ...(opts.trace === 'carry' || opts.trace === 'replay' ? { trace: { cases: trace } } : {}),
  };
  const check = parseScenarioObject(scenario);
  if (!check.ok) return { ok: false, errors: check.errors };

  const report: CalibrationReport = {
    version: 1,
    source: {
      rows: read.rows.length,
      usable: kept.length,
      days,
      startDate,
      utcOffsetMin: offsetMin,
      startDayOfWeek: startDow,
      columns: read.columns,
    },
    settings: {
      minCasesPerType: minCases,
      minHandlingRows: MIN_HANDLING_ROWS,
      profileAlpha: PROFILE_ALPHA,
      profileMinDays: PROFILE_MIN_DAYS,
      sparseBin: SPARSE_BIN,
      addK: ADD_K,
      aicTolerance: AIC_TOLERANCE,
    },
    methods: METHODS,
    types: typeReports,
    badRows: {
      total: bad.length,
      byReason: countReasons(bad),
      rows: [...bad].sort((a, b) => a.row - b.row).slice(0, LISTED_BAD_ROWS),
      listedMax: LISTED_BAD_ROWS,
    },
    newTypes,
    notInLog,
    warnings,
  };
  return { ok: true, scenario, report, trace };
}

function fail(path: string, code: string, zh: string, en: string): CalibrateResult {
  return { ok: false, errors: [{ path, code, zh, en }] };
}

function fmtOffset(min: number): string {
  const a = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

function countReasons(bad: readonly BadRow[]): CalibrationReport['badRows']['byReason'] {
  const m = new Map<BadRowReason, number>();
  for (const b of bad) m.set(b.reason, (m.get(b.reason) ?? 0) + 1);
  return (Object.keys(BAD_ROW_REASONS) as BadRowReason[])
    .filter((r) => m.has(r))
    .map((r) => ({ reason: r, count: m.get(r)!, ...BAD_ROW_REASONS[r] }));
}

/** The base type a log's type names: by id, else by its Chinese or English name. */
function matchType(types: readonly EventType[], name: string): string | undefined {
  return (types.find((et) => et.id === name) ?? types.find((et) => et.name.zh === name || et.name.en === name))?.id;
}

/** Minutes onSceneAt → handledAt, or null (noted as a bad field when given but unusable). */
function handlingOf(
  row: number,
  get: (col: 'onSceneAt' | 'handledAt') => string | undefined,
  badRow: (row: number, reason: BadRowReason, value?: string) => void,
): number | null {
  const a = get('onSceneAt') ?? '',
    b = get('handledAt') ?? '';
  if (a === '' && b === '') return null;
  const on = parseIsoTime(a),
    done = parseIsoTime(b);
  if (!on.ok || !done.ok || done.ms < on.ms) {
    badRow(row, 'bad_handling_time', `${a} → ${b}`);
    return null;
  }
  if (done.ms === on.ms) {
    badRow(row, 'zero_handling_time', `${a} → ${b}`);
    return null;
  }
  return (done.ms - on.ms) / 60_000;
}

/** "HH:MM" or "HH:MM+1" in minutes. */
function minutesOf(s: string): number {
  const [hh, mm] = s.replace('+1', '').split(':').map(Number);
  return hh * 60 + mm + (s.endsWith('+1') ? 1440 : 0);
}

/** Defaults of a type the base does not have: so that the scenario runs without edits. */
function newTypeDefaults(base: Scenario): {
  skill: string;
  team: string;
  handlingMin: Dist;
  responseDeadlineMin: number;
  resolutionDeadlineMin: number;
} {
  const grids = gridCount(base.city);
  let best = base.teams.find((t) => t.role === 'field') ?? base.teams[0],
    bestHours = -1;
  for (const t of base.teams) {
    if (t.role !== 'field') continue;
    const hours = t.shifts.reduce(
      (a, sh) =>
        a + (sh.staff * (t.placement === 'perGrid' ? grids : 1) * (minutesOf(sh.end) - minutesOf(sh.start))) / 60,
      0,
    );
    if (hours > bestHours) {
      best = t;
      bestHours = hours;
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const ets = base.eventTypes.filter((et) => !et.crowdIncident);
  const pool = ets.length > 0 ? ets : base.eventTypes;
  const frequent = [...pool].sort((a, b) => b.ratePerDay - a.ratePerDay)[0];
  return {
    skill: best.skills[0],
    team: best.id,
    handlingMin: frequent.handlingMin,
    responseDeadlineMin: median(pool.map((et) => et.responseDeadlineMin)),
    resolutionDeadlineMin: median(pool.map((et) => et.resolutionDeadlineMin)),
  };
}

interface Ctx {
  days: number;
  startDow: number;
  minCases: number;
  insideCells: number;
}

/** One event type from its cases. */
function calibrateType(
  et: EventType,
  list: readonly Case[],
  index: number,
  isNew: boolean,
  ctx: Ctx,
): { type: EventType; report: TypeReport } {
  const { days, startDow, minCases } = ctx;
  const warnings: Bilingual[] = [];
  const nCases = list.length;
  const times = list.map((c) => c.t);
  const out: EventType = { ...et };
  if (et.crowdIncident) {
    warnings.push({
      zh: '大客流事件由地铁驱动生成：保留基础场景的日均量',
      en: 'crowd incidents are raised by the metro driver: the base rate is kept',
    });
  } else out.ratePerDay = sig(nCases / days);

  const fitted = nCases >= minCases;
  let test = null;
  let smoothedBins = 0;
  let chosen: 24 | 168 | 'base' = 'base';
  let spatial: TypeReport['spatial'] = null;
  if (fitted || isNew) {
    const sp = fitSpatial(
      list.map((c) => c.cell),
      ctx.insideCells,
    );
    out.weights = { population: 'none', only: 'any', cells: { weights: sp.weights, floor: sp.floor } };
    spatial = {
      cellsWithCases: sp.weights.length,
      singletons: sp.singletons,
      floor: sp.floor,
      unseenShare: sp.unseenShare,
      topCells: [...sp.weights].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10),
    };
  }
  if (fitted) {
    const p = fitProfile(times, days, startDow);
    out.profile = p.profile;
    test = p.test;
    smoothedBins = p.smoothedBins;
    chosen = p.bins;
  } else {
    if (isNew) delete out.profile;
    warnings.push({
      zh: `仅 ${nCases} 件（少于 ${minCases}）：只校准日均量，到达曲线${isNew ? '取平坦曲线' : '与位置权重沿用基础场景'}`,
      en: `only ${nCases} cases (fewer than ${minCases}): the rate is calibrated, the profile ${isNew ? 'is flat' : 'and location weights are the base’s'}`,
    });
  }
  const ovf = observedVsFitted(times, out.profile, out.ratePerDay, days, startDow);

  const durations = list.map((c) => c.handlingMin).filter((x): x is number => x !== null);
  let handling: TypeReport['handling'];
  if (durations.length >= MIN_HANDLING_ROWS && new Set(durations).size > 1) {
    const f = fitHandling(durations);
    const fit = f.fits.find((x) => x.family === f.chosen)!;
    out.handlingMin = fit.dist;
    handling = {
      n: f.n,
      source: 'fitted',
      dist: fit.dist,
      mean: f.mean,
      median: f.median,
      sd: f.sd,
      fits: f.fits,
      chosen: f.chosen,
      qq: f.qq,
    };
  } else {
    handling = { n: durations.length, source: isNew ? 'default' : 'base', dist: out.handlingMin };
    warnings.push({
      zh: `可用处置时长仅 ${durations.length} 条（少于 ${MIN_HANDLING_ROWS}）：沿用${isNew ? '基础场景最常见事件类型' : '基础场景'}的处置时长分布`,
      en: `only ${durations.length} usable handling times (fewer than ${MIN_HANDLING_ROWS}): the ${isNew ? 'base’s most frequent type’s' : 'base’s'} handling distribution is kept`,
    });
  }
  if (isNew)
    warnings.push({
      zh: '新事件类型：技能、班组人数、优先级、时限为默认值，请核定',
      en: 'new event type: skill, crew, priority and deadlines are defaults for the planner to set',
    });
  return {
    type: out,
    report: {
      id: et.id,
      index,
      isNew,
      cases: nCases,
      ratePerDay: out.ratePerDay,
      rateSe: Math.sqrt(nCases) / days,
      profile: { chosen, test, smoothedBins, ...ovf },
      spatial,
      handling,
      warnings,
    },
  };
}
