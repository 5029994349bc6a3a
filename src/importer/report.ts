/**
 * The calibration report: what `calibrate` found in a case log and what it wrote into the scenario, as plain
 * JSON (the CLI writes it with its CSVs and an HTML page, src/cli/calibrationReportFiles.ts; the app shows it).
 *
 * Per event type: observed vs fitted counts by hour of day and by weekday, the profile test and its choice,
 * the spatial weights' summary, each handling-time family's fit (parameters, log-likelihood, AIC, KS distance)
 * with Q-Q points, and warnings. Then the rows that could not be used, by reason (bilingual) with the first
 * rows listed, the event types the log brought that the base scenario did not have (with the defaults chosen
 * for them, for the planner to set), and how the calibration decides (`methods`).
 *
 * Pure: types and messages only.
 */
import type { Dist } from '../scenario/schema.ts';
import type { Family, FamilyFit, QqPoint } from './fit.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

/** Why a row (or one of its fields) could not be used. */
export type BadRowReason =
  | 'missing_type'
  | 'bad_time'
  | 'no_offset'
  | 'bad_coordinates'
  | 'outside_lattice'
  | 'outside_district'
  | 'duplicate_id'
  | 'log_too_long'
  | 'bad_handling_time'
  | 'zero_handling_time'
  | 'grid_code_mismatch';

/**
 * Each reason in both languages, and whether the row is dropped (`true`) or kept for arrivals with the field
 * left out of the handling fit / ignored (`false`).
 */
export const BAD_ROW_REASONS: Record<BadRowReason, Bilingual & { dropped: boolean }> = {
  missing_type: { dropped: true, zh: '缺少事件类型 (type)', en: 'no event type (type)' },
  bad_time: {
    dropped: true,
    zh: '上报时间 (reportedAt) 无法解析（应为 ISO 8601，如 2024-08-01T08:15:00+08:00）',
    en: 'reportedAt cannot be read (ISO 8601 expected, e.g. 2024-08-01T08:15:00+08:00)',
  },
  no_offset: {
    dropped: true,
    zh: '上报时间 (reportedAt) 缺少时区偏移（如 +08:00），无法确定当地日期',
    en: 'reportedAt has no UTC offset (e.g. +08:00), so its local day is unknown',
  },
  bad_coordinates: {
    dropped: true,
    zh: '经纬度 (lon, lat) 不是有效数字',
    en: 'lon/lat are not valid numbers',
  },
  outside_lattice: {
    dropped: true,
    zh: '位置在场景的单元网格范围之外',
    en: 'the point lies outside the scenario’s cell lattice',
  },
  outside_district: {
    dropped: true,
    zh: '位置在辖区之外（该单元网格不属于任何责任网格）',
    en: 'the point lies outside the district (its cell belongs to no responsibility grid)',
  },
  duplicate_id: {
    dropped: true,
    zh: '案件编号 (id) 重复，已计入先出现的一行',
    en: 'duplicate id: the first row with it counts',
  },
  log_too_long: {
    dropped: true,
    zh: '超出 366 天（一次运行的上限），请分段导入',
    en: 'beyond 366 days (the longest run): import the log in parts',
  },
  bad_handling_time: {
    dropped: false,
    zh: '到场 (onSceneAt) 或处置完成 (handledAt) 时间无法解析、缺少时区、只有其一或处置早于到场：该行计入到达，不计入处置时长拟合',
    en: 'onSceneAt or handledAt cannot be read, has no offset, is given alone, or handling ends before it starts: the row counts for arrivals, not for the handling fit',
  },
  zero_handling_time: {
    dropped: false,
    zh: '处置时长为 0（时间精度不足）：该行计入到达，不计入处置时长拟合',
    en: 'handling time is 0 (timestamp resolution): the row counts for arrivals, not for the handling fit',
  },
  grid_code_mismatch: {
    dropped: false,
    zh: '网格编码 (gridCode) 与经纬度所在网格不符：以经纬度为准',
    en: 'gridCode differs from the grid the point lies in: the point is used',
  },
};

export interface BadRow extends Bilingual {
  /** Row number in the file (the header is row 1). */
  row: number;
  reason: BadRowReason;
  dropped: boolean;
  /** The offending value, when there is one. */
  value?: string;
}

export interface HourCount {
  hour: number;
  observed: number;
  fitted: number;
}

export interface WeekdayCount {
  /** 0 = Monday. */
  weekday: number;
  /** Days of this weekday in the log. */
  days: number;
  observed: number;
  fitted: number;
}

export interface ProfileTest {
  /** Likelihood-ratio (G) statistic of the 168-hour counts against the 24-hour profile × weekday exposure. */
  g: number;
  df: number;
  pValue: number;
  alpha: number;
  minDays: number;
}

export interface TypeReport {
  id: string;
  /** Index in the calibrated scenario's eventTypes (the trace's type index). */
  index: number;
  isNew: boolean;
  cases: number;
  ratePerDay: number;
  /** Standard error of the rate (Poisson: √cases / days). */
  rateSe: number;
  profile: {
    /** 'base': too few cases to fit, the base scenario's (or a flat) profile kept. */
    chosen: 24 | 168 | 'base';
    test: ProfileTest | null;
    /** Bins with fewer than SPARSE_BIN cases, smoothed with their neighbours. */
    smoothedBins: number;
    hourly: HourCount[];
    weekday: WeekdayCount[];
    /** Pearson X² of observed vs fitted counts by hour of day (23 df before fitting). */
    hourX2: number;
  };
  spatial: {
    cellsWithCases: number;
    /** Cells with exactly one case (Good–Turing's N₁). */
    singletons: number;
    floor: number;
    /** Share of the location weight on cells without a case (the floor's total). */
    unseenShare: number;
    /** The ten cells with the most cases: [cell, cases]. */
    topCells: [number, number][];
  } | null;
  handling: {
    /** Usable durations (onSceneAt → handledAt, positive). */
    n: number;
    source: 'fitted' | 'base' | 'default';
    dist: Dist;
    mean?: number;
    median?: number;
    sd?: number;
    fits?: FamilyFit[];
    chosen?: Family;
    qq?: QqPoint[];
  };
  warnings: Bilingual[];
}

export interface NewTypeDefaults {
  id: string;
  cases: number;
  skill: string;
  /** The team whose skill it is (the base's largest field team by staff-hours). */
  team: string;
  crew: number;
  priority: number;
  responseDeadlineMin: number;
  resolutionDeadlineMin: number;
  discovery: string;
}

export interface CalibrationReport {
  version: 1;
  source: {
    /** Data rows read (blank lines not counted). */
    rows: number;
    usable: number;
    days: number;
    /** Local date of time 0 (YYYY-MM-DD). */
    startDate: string;
    utcOffsetMin: number;
    /** 0 = Monday. */
    startDayOfWeek: number;
    columns: string[];
  };
  settings: {
    minCasesPerType: number;
    minHandlingRows: number;
    profileAlpha: number;
    profileMinDays: number;
    sparseBin: number;
    addK: number;
    aicTolerance: number;
  };
  /** How each figure is decided, in both languages. */
  methods: Bilingual[];
  types: TypeReport[];
  badRows: {
    total: number;
    byReason: (Bilingual & { reason: BadRowReason; dropped: boolean; count: number })[];
    /** The first rows (up to `listedMax`), in file order. */
    rows: BadRow[];
    listedMax: number;
  };
  newTypes: NewTypeDefaults[];
  /** Base event types with no case in the log: kept as they were. */
  notInLog: string[];
  warnings: Bilingual[];
}

/**
 * The rows with a problem, split: `dropped` ones did not count at all, `kept` ones counted as cases (arrivals) with
 * the faulty field left out. `dropped` is the report's `rows - usable`; headings say both, so that "rows, usable,
 * rows with a problem" add up.
 */
export function badRowSplit(b: CalibrationReport['badRows']): { dropped: number; kept: number } {
  let dropped = 0;
  for (const r of b.byReason) if (r.dropped) dropped += r.count;
  return { dropped, kept: b.total - dropped };
}

export const WEEKDAYS: Bilingual[] = [
  { zh: '周一', en: 'Mon' },
  { zh: '周二', en: 'Tue' },
  { zh: '周三', en: 'Wed' },
  { zh: '周四', en: 'Thu' },
  { zh: '周五', en: 'Fri' },
  { zh: '周六', en: 'Sat' },
  { zh: '周日', en: 'Sun' },
];
