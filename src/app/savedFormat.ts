/**
 * The saved-experiment format: what IndexedDB holds for every finished
 * replication set, A/B comparison, sweep, staffing search, cheapest plan and
 * diagnosis, and what an exported `.allweather-experiments.json` file holds.
 *
 * A record is the experiment as it ran: the scenario (its id, its text, the
 * content hash of manifests and a checksum of the text), the seed and
 * replications, the overrides, the result the panels showed (so reopening
 * shows it as it was, without re-running) and its *arms*: the sets of
 * replications in it (A and B of a comparison, each sweep point, …) with
 * their seeds and, where the run kept them, each KPI's value per
 * replication, so any two saved arms can be compared later (armCompare.ts:
 * paired on the same seeds, Welch otherwise).
 *
 * Versioned like scenario files (src/scenario/migrate.ts): every record
 * carries `version`; `MIGRATIONS` lifts a record by one version at a time on
 * the raw JSON; a record from a newer AllWeather is refused with a message
 * in both languages; whatever is read back (IndexedDB is outside input, a
 * file even more so) is validated with zod before anything uses it, and a
 * record whose scenario text does not match its checksum is refused as
 * damaged. Checking never throws.
 *
 * Version history
 * - 1: first development format: `savedAt` (ISO date text), `scenarioId`
 *   and `scenarioText` at the top, no name, per-replication KPIs as a flat
 *   list `runs: [{ arm, seed, kpis }]`.
 * - 2: `createdAt` (ms), `name` (the planner's, may be empty) beside an
 *   automatic bilingual `title`, `scenario: { id, text, hash, sum }`, and
 *   `arms: [{ key, label, seeds, values?, summary }]`.
 *   Later additions, optional, so no new version: a diagnosis's
 *   `result.replications` (each replication's figures) and its `main` arm
 *   with per-replication KPI values; sweep points' and staffing counts'
 *   arms with `values` (so two of them compare paired on the same seeds).
 */
import { z } from 'zod';
import { KPI_NAMES, type Estimate, type KpiName } from '../analysis/aggregate.ts';
import type { Comparison } from '../analysis/compare.ts';
import type { Diagnosis } from '../analysis/diagnose.ts';
import type { DiagnosisReplications } from '../analysis/diagnosisCompare.ts';
import type { Headcount } from '../analysis/headcount.ts';
import type { OptimiseResult } from '../analysis/optimise.ts';
import type { Overrides } from '../analysis/overrides.ts';
import type { Bilingual } from '../analysis/paramLabels.ts';
import type { TargetStatus } from '../analysis/replicate.ts';
import type { ShiftRef, StaffingCriterion, StaffingEvaluation, StaffingPlan } from '../analysis/staffing.ts';
import type { SweepParam, SweepPoint } from '../analysis/sweep.ts';
import { fnv1a64 } from '../scenario/load.ts';

export const SAVED_VERSION = 2;
/** The `format` of an exported file. */
export const EXPORT_FORMAT = 'allweather-experiments';

export type SavedKind = 'replications' | 'comparison' | 'sweep' | 'staffing' | 'optimise' | 'diagnose';
export const SAVED_KINDS: readonly SavedKind[] = [
  'replications',
  'comparison',
  'sweep',
  'staffing',
  'optimise',
  'diagnose',
];

/** One set of replications in a saved experiment. */
export interface SavedArm {
  /** Stable within its record: 'main', 'A', 'B', 'point-3', 'staff-5', 'plan', … */
  key: string;
  label: Bilingual;
  /** The overrides this arm ran with (on the saved scenario). */
  overrides: Overrides;
  /** The seeds of its replications, in order. */
  seeds: number[];
  /** Mean and 95 % CI of the KPIs it has (always). */
  summary: Partial<Record<KpiName, Estimate>>;
  /** Each KPI's value per replication (order of `seeds`), when the run kept them. */
  values?: Partial<Record<KpiName, (number | null)[]>>;
}

export type SavedResult =
  | {
      kind: 'replications';
      mode: 'fixed' | 'until';
      summary: Record<KpiName, Estimate>;
      history: Record<KpiName, Estimate>[];
      targets: TargetStatus[] | null;
      converged: boolean | null;
      /** Per replication, SLA attainment and coverage by hour (24 values each): the bands of the hourly chart. */
      hourly?: { attainment: (number | null)[][]; coverage: (number | null)[][] };
    }
  | { kind: 'comparison'; comparison: Comparison; headcount: { a: Headcount; b: Headcount } | null }
  | {
      kind: 'sweep';
      params: SweepParam[];
      baseOverrides: Overrides;
      labels: Record<string, Bilingual>;
      baseHeadcount: Headcount | null;
      points: SweepPoint[];
      frontier: number[];
    }
  | {
      kind: 'staffing';
      shift: ShiftRef;
      target: number;
      confidence: number;
      criterion: StaffingCriterion;
      evaluations: StaffingEvaluation[];
      plan: StaffingPlan | null;
    }
  | { kind: 'optimise'; result: OptimiseResult }
  | {
      kind: 'diagnose';
      days: number | null;
      diagnosis: Diagnosis;
      /** Each replication's own figures (kept since they are): comparisons of two diagnoses get intervals. */
      replications?: DiagnosisReplications;
    };

export interface SavedExperiment {
  version: typeof SAVED_VERSION;
  id: string;
  kind: SavedKind;
  /** The planner's name for it; '' until renamed (then `title` is shown). */
  name: string;
  /** What it is, in both languages, made when it was saved. */
  title: Bilingual;
  /** ms since epoch. */
  createdAt: number;
  appVersion: string;
  scenario: {
    id: string;
    text: string;
    /** Content hash of the scenario (as in export manifests); null when it does not parse. */
    hash: string | null;
    /** fnv1a64 of `text`: a damaged text is refused. */
    sum: string;
  };
  seed: number;
  /** Replications per arm (the most, for until-mode). */
  replications: number;
  /** What the experiment changes on the scenario (B's, the sweep's base, the plan's changes). */
  overrides: Overrides;
  /** How the CLI would say it. */
  command: string;
  arms: SavedArm[];
  result: SavedResult;
}

/** A short line of the list (and the search's haystack). */
export type SavedMeta = Pick<
  SavedExperiment,
  'id' | 'kind' | 'name' | 'title' | 'createdAt' | 'seed' | 'replications'
> & {
  scenarioId: string;
  /** The scenario's name from its text (absent when the text has none): what the list shows, the id only as a tooltip. */
  scenarioName?: Bilingual;
  arms: number;
};

/** A scenario text's own name ({zh, en}), without validating the rest; undefined when it has none. */
export function scenarioNameOf(text: string): Bilingual | undefined {
  try {
    const n = (JSON.parse(text.replace(/^\uFEFF/, '')) as { name?: { zh?: unknown; en?: unknown } } | null)?.name;
    const zh = typeof n?.zh === 'string' && n.zh.trim() ? n.zh : null;
    const en = typeof n?.en === 'string' && n.en.trim() ? n.en : null;
    return zh || en ? { zh: zh ?? en!, en: en ?? zh! } : undefined;
  } catch {
    return undefined;
  }
}

export const metaOf = (r: SavedExperiment): SavedMeta => {
  const scenarioName = scenarioNameOf(r.scenario.text);
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    title: r.title,
    createdAt: r.createdAt,
    seed: r.seed,
    replications: r.replications,
    scenarioId: r.scenario.id,
    ...(scenarioName ? { scenarioName } : {}),
    arms: r.arms.length,
  };
};

// ---------------------------------------------------------------------------
// Validation (zod). Objects are loose: a later minor addition survives a round
// trip through an older reader; what the views show is checked.

const num = z.number();
const nnum = num.nullable();
const int = z.number().int();
const str = z.string();
const bool = z.boolean();
const bilingual = z.looseObject({ zh: str, en: str });
const kpiName = z.enum(KPI_NAMES as [KpiName, ...KpiName[]]);
const overrides = z.record(str, z.json());
const estimateS = z.looseObject({ mean: nnum, ci95: z.tuple([num, num]).nullable(), n: int.nonnegative() });
const kpiEstimates = z.record(kpiName, estimateS);
const partialEstimates = z.partialRecord(kpiName, estimateS);
const differenceS = z.looseObject({ a: estimateS, b: estimateS, diff: estimateS, significant: bool.nullable() });
const hours24 = (s: z.ZodType) => z.array(s).length(24);
const comparisonS = z.looseObject({
  mode: z.enum(['crn', 'independent']),
  replications: int,
  seedsA: z.array(int),
  seedsB: z.array(int),
  kpis: z.record(kpiName, differenceS),
  byHour: z.looseObject({ backlog: hours24(differenceS), attainment: hours24(differenceS) }),
  byGrid: z.union([
    z.looseObject({ sameGrids: z.literal(true), grids: z.array(str), attainment: z.array(differenceS) }),
    z.looseObject({ sameGrids: z.literal(false), gridsA: int, gridsB: int, reason: bilingual }),
  ]),
});
const headcountS = z.looseObject({
  grids: num,
  peakOnDuty: num,
  staffHoursPerDay: num,
  byHour: z.array(num),
  byTeam: z.array(z.looseObject({ id: str, name: bilingual, peakOnDuty: num, staffHoursPerDay: num })),
});
const sweepPointS = z.looseObject({
  index: int,
  values: overrides,
  overrides,
  error: str.optional(),
  coverageIndex: estimateS.nullable(),
  slaAttainment: estimateS.nullable(),
  staffHours: estimateS.nullable(),
  costCny: estimateS.nullable(),
  headcount: headcountS.nullable(),
  onFrontier: bool,
});
const shiftRefS = z.looseObject({ team: str, shift: int });
const criterionValueS = z.looseObject({ mean: nnum, lower: nnum, n: int, worstHour: int.optional() });
const staffingEvalS = z.looseObject({
  shift: shiftRefS,
  staff: num,
  feasible: bool,
  criterion: criterionValueS,
  coverageIndex: estimateS.nullable(),
  staffHours: estimateS.nullable(),
  costCny: estimateS.nullable(),
  error: str.optional(),
});
const erlangHourS = z.looseObject({
  hour: int,
  arrivalsPerHour: num,
  meanHandlingMin: nnum,
  offeredLoad: num,
  deadlineMin: nnum,
  erlangStaff: num,
  simStaff: num,
  difference: num,
});
const staffingPlanS = z.looseObject({
  criterion: z.enum(['coverage', 'hourly']),
  target: num,
  confidence: num,
  standard: num,
  erlangLevel: num,
  replications: int,
  seeds: z.array(int),
  shifts: z.array(
    z.looseObject({
      shift: shiftRefS,
      label: str,
      path: str,
      hours: z.array(int),
      perGrid: bool,
      original: num,
      staff: nnum,
      feasible: bool,
      evaluations: z.array(staffingEvalS),
      erlang: z.array(erlangHourS),
    }),
  ),
  overrides,
});
const criterionEstimateS = z.looseObject({
  mean: nnum,
  lowerBound: nnum,
  n: int,
  worst: str.optional(),
  unjudged: z.array(str).optional(),
});
const stageName = z.enum(['discovery', 'centre', 'queue', 'travel', 'handling']);
const diagnosisS = z.looseObject({
  replications: int,
  decided: num,
  late: num,
  stages: z.record(stageName, z.looseObject({ meanS: nnum, meanResponseS: nnum, lateCases: num, share: num })),
  limits: z.array(
    z.looseObject({
      stage: stageName,
      eventType: str,
      team: str.nullable(),
      hours: z.array(int),
      grids: z.array(str),
      lateCases: num,
      share: num,
      peakHours: z.array(int),
      byHour: z.array(num),
      gridCases: z.array(num),
      lever: z.looseObject({ zh: str, en: str, fields: z.array(str) }),
    }),
  ),
});
const stageLists = <T extends z.ZodType>(s: T) => z.record(stageName, z.array(s));
const diagnosisRepsS = z.looseObject({
  seeds: z.array(int),
  decided: z.array(num),
  late: z.array(num),
  stageLate: stageLists(num),
  stageMeanS: stageLists(nnum),
  lateByHour: hours24(z.array(num)),
  attainmentByHour: hours24(z.array(nnum)),
  limits: z.record(str, z.array(num)),
});
const optimiseResultS = z.looseObject({
  criterion: z.enum(['coverage', 'hourly', 'types']),
  target: num,
  confidence: num,
  replications: int,
  seeds: z.array(int),
  budgetEvaluations: int,
  plan: z.looseObject({ overrides }),
  costCny: num,
  staffHours: num,
  feasible: bool,
  evaluations: int,
  search: criterionEstimateS,
  current: z.looseObject({ costCny: num, staffHours: num, criterion: criterionEstimateS, feasible: bool }),
  shifts: z.array(
    z.looseObject({
      path: str,
      team: str,
      shift: int,
      label: bilingual,
      perGrid: bool,
      current: num,
      erlangStart: num,
      plan: num,
      costChangeCny: num,
      min: num,
      max: num,
      atMax: bool,
    }),
  ),
  history: z.array(
    z.looseObject({
      index: int,
      phase: str,
      move: str,
      staff: z.record(str, num),
      costCny: num,
      staffHours: num,
      criterion: criterionEstimateS,
      feasible: bool,
      coverageIndex: estimateS.nullable(),
      slaAttainment: estimateS.nullable(),
      error: str.optional(),
    }),
  ),
  verification: z.looseObject({
    seeds: z.array(int),
    criterion: criterionEstimateS,
    meets: bool,
    coverageIndex: estimateS.nullable(),
    slaAttainment: estimateS.nullable(),
  }),
  diagnosis: diagnosisS,
  headcount: z.looseObject({
    current: z.looseObject({ peakOnDuty: num, staffHoursPerDay: num }),
    plan: z.looseObject({ peakOnDuty: num, staffHoursPerDay: num }),
  }),
});
const targetStatusS = z.looseObject({ kpi: kpiName, halfWidth: nnum, met: bool });

const resultS = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('replications'),
    mode: z.enum(['fixed', 'until']),
    summary: kpiEstimates,
    history: z.array(kpiEstimates),
    targets: z.array(targetStatusS).nullable(),
    converged: bool.nullable(),
    hourly: z.looseObject({ attainment: z.array(z.array(nnum)), coverage: z.array(z.array(nnum)) }).optional(),
  }),
  z.looseObject({
    kind: z.literal('comparison'),
    comparison: comparisonS,
    headcount: z.looseObject({ a: headcountS, b: headcountS }).nullable(),
  }),
  z.looseObject({
    kind: z.literal('sweep'),
    params: z.array(z.looseObject({ path: str, values: z.array(z.json()) })),
    baseOverrides: overrides,
    labels: z.record(str, bilingual),
    baseHeadcount: headcountS.nullable(),
    points: z.array(sweepPointS),
    frontier: z.array(int),
  }),
  z.looseObject({
    kind: z.literal('staffing'),
    shift: shiftRefS,
    target: num,
    confidence: num,
    criterion: z.enum(['coverage', 'hourly']),
    evaluations: z.array(staffingEvalS),
    plan: staffingPlanS.nullable(),
  }),
  z.looseObject({ kind: z.literal('optimise'), result: optimiseResultS }),
  z.looseObject({
    kind: z.literal('diagnose'),
    days: nnum,
    diagnosis: diagnosisS,
    replications: diagnosisRepsS.optional(),
  }),
]);

const armS = z.looseObject({
  key: str,
  label: bilingual,
  seeds: z.array(int),
  overrides,
  summary: partialEstimates,
  values: z.partialRecord(kpiName, z.array(nnum)).optional(),
});

export const savedExperimentSchema = z.looseObject({
  version: z.literal(SAVED_VERSION),
  id: str.min(1).max(200),
  kind: z.enum(SAVED_KINDS as [SavedKind, ...SavedKind[]]),
  name: str.max(500),
  title: bilingual,
  createdAt: num,
  appVersion: str,
  scenario: z.looseObject({ id: str, text: str, hash: str.nullable(), sum: str }),
  seed: int,
  replications: int.nonnegative(),
  overrides,
  command: str,
  arms: z.array(armS),
  result: resultS,
});

// ---------------------------------------------------------------------------
// Migrations

type Doc = Record<string, unknown>;

export interface SavedMigration {
  from: number;
  summary: Bilingual;
  up: (doc: Doc) => Doc;
}

const isObj = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Ordered by `from`; one for every version below SAVED_VERSION. Old migrations are never edited. */
export const SAVED_MIGRATIONS: readonly SavedMigration[] = [
  {
    from: 1,
    summary: {
      zh: 'savedAt（日期文本）改为 createdAt（毫秒）；场景移入 scenario {id, text, hash, sum}；增加名称与标题；runs 按组归入 arms',
      en: 'savedAt (date text) becomes createdAt (ms); the scenario moves into scenario {id, text, hash, sum}; a name and a title; runs grouped into arms',
    },
    up: (doc) => {
      const { savedAt, scenarioId, scenarioText, runs, ...rest } = doc;
      const text = typeof scenarioText === 'string' ? scenarioText : '';
      const id = typeof scenarioId === 'string' ? scenarioId : '';
      const kind = typeof doc.kind === 'string' ? doc.kind : '';
      const arms: Doc[] = [];
      if (Array.isArray(runs)) {
        const byArm = new Map<string, Doc>();
        for (const run of runs) {
          if (!isObj(run) || !isObj(run.kpis)) continue;
          const key = typeof run.arm === 'string' ? run.arm : 'main';
          let arm = byArm.get(key);
          if (!arm) {
            arm = { key, label: { zh: key, en: key }, seeds: [], overrides: {}, values: {} };
            byArm.set(key, arm);
            arms.push(arm);
          }
          (arm.seeds as unknown[]).push(run.seed);
          const values = arm.values as Record<string, unknown[]>;
          const at = (arm.seeds as unknown[]).length - 1;
          for (const [k, v] of Object.entries(run.kpis)) {
            (values[k] ??= [])[at] = v;
          }
        }
        for (const arm of arms) {
          // every KPI list as long as the seeds (a run without the KPI: null)
          const n = (arm.seeds as unknown[]).length;
          const values = arm.values as Record<string, unknown[]>;
          for (const k of Object.keys(values))
            values[k] = Array.from({ length: n }, (_, i) => (values[k][i] === undefined ? null : values[k][i]));
          arm.summary = {};
        }
      }
      const createdAt = typeof savedAt === 'string' ? Date.parse(savedAt) : NaN;
      return {
        ...rest,
        name: '',
        title: { zh: `${kind} · ${id}`, en: `${kind} · ${id}` },
        createdAt: Number.isFinite(createdAt) ? createdAt : 0,
        scenario: { id, text, hash: null, sum: fnv1a64(text) },
        arms,
      };
    },
  },
];

export type SavedRead =
  { ok: true; record: SavedExperiment; fromVersion: number } | { ok: false; zh: string; en: string };

const refuse = (zh: string, en: string): SavedRead => ({ ok: false, zh, en });

/** Migrate and validate a record read from IndexedDB or a file. Never throws. */
export function readSaved(raw: unknown): SavedRead {
  try {
    return readSavedUnsafe(raw);
  } catch (e) {
    return refuse(`记录无法读取：${String(e)}`, `the record cannot be read: ${String(e)}`);
  }
}

function readSavedUnsafe(raw: unknown): SavedRead {
  if (!isObj(raw)) return refuse('不是实验记录（顶层应为对象）', 'not an experiment record (an object is expected)');
  const v = raw.version;
  if (v === undefined) return refuse('缺少 version 字段', 'the version field is missing');
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    return refuse(
      `version 应为正整数，实际为 ${JSON.stringify(v)}`,
      `version must be a positive integer, got ${JSON.stringify(v)}`,
    );
  if (v > SAVED_VERSION)
    return refuse(
      `此实验记录由更新版本的 AllWeather 保存（version ${v}），本程序只支持到 ${SAVED_VERSION}，请升级`,
      `this experiment was saved by a newer AllWeather (version ${v}); this program reads up to ${SAVED_VERSION}, please upgrade`,
    );
  let doc: Doc = raw;
  for (let version = v; version < SAVED_VERSION; version++) {
    const step = SAVED_MIGRATIONS.find((m) => m.from === version);
    if (!step)
      return refuse(
        `无法从 version ${version} 迁移（缺少迁移步骤）`,
        `cannot migrate from version ${version} (no migration step)`,
      );
    doc = { ...step.up(doc), version: version + 1 };
  }
  const parsed = savedExperimentSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = `$${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
    return refuse(
      `实验记录格式不对：${path}（${issue.message}）`,
      `the experiment record is malformed at ${path}: ${issue.message}`,
    );
  }
  const rec = parsed.data as unknown as SavedExperiment;
  if (rec.result.kind !== rec.kind)
    return refuse(
      '实验记录的类型与结果不符',
      `the record's kind (${rec.kind}) does not match its result (${rec.result.kind})`,
    );
  if (fnv1a64(rec.scenario.text) !== rec.scenario.sum)
    return refuse(
      '实验记录已损坏：场景文本与校验和不符',
      'the experiment record is damaged: its scenario text does not match its checksum',
    );
  return { ok: true, record: rec, fromVersion: v };
}

// ---------------------------------------------------------------------------
// Export files

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  /** The version of the records written (each record also carries its own). */
  version: number;
  appVersion: string;
  exportedAt: string;
  experiments: SavedExperiment[];
}

export function exportText(records: readonly SavedExperiment[], appVersion: string, now: Date): string {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: SAVED_VERSION,
    appVersion,
    exportedAt: now.toISOString(),
    experiments: [...records],
  };
  return JSON.stringify(file, null, 1) + '\n';
}

/** A file name for an export: `实验-<name>.allweather-experiments.json`, safe on every system. */
export function exportFileName(records: readonly SavedExperiment[], lang: 'zh-CN' | 'en'): string {
  const base =
    records.length === 1
      ? records[0].name || records[0].title[lang === 'en' ? 'en' : 'zh']
      : lang === 'en'
        ? `experiments-${records.length}`
        : `实验-${records.length}项`;
  const safe = base.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80);
  return `${safe}.${EXPORT_FORMAT}.json`;
}

/** Told by its `format` on the first 4 KB, without parsing the whole text. */
export function looksLikeExport(text: string): boolean {
  return /^\uFEFF?\s*\{[\s\S]*?"format"\s*:\s*"allweather-experiments"/.test(text.slice(0, 4096));
}

export interface ImportRead {
  records: SavedExperiment[];
  /** Records refused, by position in the file, with why. */
  refused: { index: number; zh: string; en: string }[];
  /** The file itself is unreadable (then nothing is imported). */
  error: { zh: string; en: string } | null;
}

/** Read an exported file: every good record, and each bad one refused on its own. Never throws. */
export function readExport(text: string): ImportRead {
  let j: unknown;
  try {
    j = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return {
      records: [],
      refused: [],
      error: { zh: `不是有效的 JSON：${String(e)}`, en: `not valid JSON: ${String(e)}` },
    };
  }
  if (!isObj(j) || j.format !== EXPORT_FORMAT || !Array.isArray(j.experiments))
    return {
      records: [],
      refused: [],
      error: { zh: '不是 AllWeather 实验导出文件', en: 'not an AllWeather experiments export' },
    };
  const records: SavedExperiment[] = [];
  const refused: ImportRead['refused'] = [];
  j.experiments.forEach((raw, index) => {
    const r = readSaved(raw);
    if (r.ok) records.push(r.record);
    else refused.push({ index, zh: r.zh, en: r.en });
  });
  return { records, refused, error: null };
}
