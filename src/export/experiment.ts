/**
 * What experiment a manifest describes, beyond its replication set, and the
 * files each kind writes: one writer per file, used by the app's downloads
 * (src/app/exportFiles.ts) and by `allweather replay` (src/cli/exportCmd.ts),
 * so the same experiment gives the same bytes in the browser and in Node.
 *
 * A manifest's `experiment` (manifest.ts) says which kind it is and the
 * parameters of its search:
 *
 * | kind | parameters | files (besides manifest.json) |
 * |---|---|---|
 * | sweep | params, baseOverrides | sweep.csv, sweep-replications.csv, sweep.json |
 * | staffing | shifts, target, confidence, criterion, minStaff?, maxStaff?, baseOverrides | staffing.csv, staffing.json |
 *
 * Every file is a function of the manifest (without its file list) and the
 * experiment's result only, so a replay that re-runs the experiment from the
 * manifest writes the same bytes. `experimentCommand` gives the `allweather`
 * command line that runs the same experiment (the "equivalent command").
 * Pure.
 */
import type { Overrides } from '../analysis/overrides.ts';
import type { ShiftRef, StaffingCriterion, StaffingPlan } from '../analysis/staffing.ts';
import type { SweepParam, SweepResult } from '../analysis/sweep.ts';
import { toCsv } from './csv.ts';
import { manifestJson, withoutFiles, type ExportManifest } from './manifest.ts';
import { sweepCsv, sweepReplicationsCsv } from './summary.ts';

export interface SweepExperiment {
  kind: 'sweep';
  params: SweepParam[];
  /** Applied at every point before the swept values (e.g. holdHeadcount). */
  baseOverrides: Overrides;
}

export interface StaffingExperiment {
  kind: 'staffing';
  /** `team.index`, as `--shift` takes them. */
  shifts: string[];
  target: number;
  confidence: number;
  criterion: StaffingCriterion;
  minStaff?: number;
  maxStaff?: number;
  baseOverrides: Overrides;
}

export interface OptimiseExperiment {
  kind: 'optimise';
  criterion: 'coverage' | 'hourly' | 'types';
  target: number;
  confidence: number;
  /** Teams whose shifts are searched. */
  teams: string[];
  /** Per-shift bounds, by override path. */
  minStaff: Record<string, number>;
  maxStaff: Record<string, number>;
  budgetEvaluations: number;
  /** Replications of the verification (absent: the search's). */
  verifyReplications?: number;
  /** Applied before every plan (`allweather optimise --set`; absent from the app's, whose edits are in its scenario). */
  baseOverrides?: Overrides;
}

export interface DiagnoseExperiment {
  kind: 'diagnose';
}

export type Experiment = SweepExperiment | StaffingExperiment | OptimiseExperiment | DiagnoseExperiment;

/** The manifest as the experiment's JSON files embed it (no file list). */
const embedded = (m: ExportManifest): unknown => JSON.parse(manifestJson(withoutFiles(m)));

/** A staffing search as the manifest's experiment (and `allweather staffing`'s flags). */
export function staffingSpec(req: {
  seed: number;
  replications: number;
  shift: ShiftRef;
  target: number;
  confidence: number;
  criterion: StaffingCriterion;
}): StaffingExperiment & { seed: number; replications: number } {
  return {
    kind: 'staffing',
    shifts: [`${req.shift.team}.${req.shift.shift}`],
    target: req.target,
    confidence: req.confidence,
    criterion: req.criterion,
    baseOverrides: {},
    seed: req.seed,
    replications: req.replications,
  };
}

/** An optimise request (the app's form) as the manifest's experiment (and `allweather optimise`'s flags). */
export function optimiseSpec(req: Omit<OptimiseExperiment, 'kind'>): OptimiseExperiment {
  return {
    kind: 'optimise',
    criterion: req.criterion,
    target: req.target,
    confidence: req.confidence,
    teams: [...req.teams],
    minStaff: { ...req.minStaff },
    maxStaff: { ...req.maxStaff },
    budgetEvaluations: req.budgetEvaluations,
    ...(req.verifyReplications !== undefined ? { verifyReplications: req.verifyReplications } : {}),
  };
}

/** The `allweather optimise` command line of an optimise request. */
export function optimiseCommand(
  req: Omit<OptimiseExperiment, 'kind'> & { seed: number; replications: number; days?: number },
  scenarioId: string,
): string {
  return experimentCommand(
    { ...optimiseSpec(req), seed: req.seed, replications: req.replications, days: req.days },
    scenarioFileName(scenarioId),
  );
}

/** The `allweather diagnose` command line of a diagnosis (its replications done, its days when set). */
export function diagnoseCommand(job: { seed: number; done: number; days: number | null; scenarioId: string }): string {
  return experimentCommand(
    { kind: 'diagnose', seed: job.seed, replications: job.done, days: job.days ?? undefined },
    scenarioFileName(job.scenarioId),
  );
}

/** A sweep's files (sweep.json: the manifest, the parameters and every point). */
export function sweepExperimentFiles(manifest: ExportManifest, result: SweepResult): Record<string, string> {
  const doc = {
    manifest: embedded(manifest),
    params: result.params,
    seeds: result.seeds,
    baseHeadcount: result.baseHeadcount,
    points: result.points,
    frontier: result.frontier,
  };
  return {
    'sweep.csv': sweepCsv(result),
    'sweep-replications.csv': sweepReplicationsCsv(result),
    'sweep.json': JSON.stringify(doc, null, 2) + '\n',
  };
}

/** A staffing search's files: staffing.csv (a row per staff count tried, shift by shift), staffing.json (manifest and plan). */
export function staffingExperimentFiles(manifest: ExportManifest, plan: StaffingPlan): Record<string, string> {
  const rows = plan.shifts.flatMap((s) => s.evaluations) as unknown as Record<string, unknown>[];
  return {
    'staffing.csv': rowsCsv(rows),
    'staffing.json': JSON.stringify({ manifest: embedded(manifest), plan }, null, 2) + '\n',
  };
}

/** The cheapest plan's files: optimise-plan.csv (a row per searched shift), optimise-evaluations.csv (every plan simulated), optimise.json (manifest, request, result). */
export function optimiseExperimentFiles(
  manifest: ExportManifest,
  result: { shifts: readonly object[]; history: readonly object[] },
): Record<string, string> {
  if (manifest.experiment?.kind !== 'optimise') throw new Error('optimiseExperimentFiles: not an optimise manifest');
  // the request as the manifest holds it (its own key order, whatever the form's)
  const { kind: _kind, ...search } = manifest.experiment;
  const request = { seed: manifest.seed, replications: manifest.replications, days: manifest.days, ...search };
  return {
    'optimise-plan.csv': rowsCsv(result.shifts as unknown as Record<string, unknown>[]),
    'optimise-evaluations.csv': rowsCsv(result.history as unknown as Record<string, unknown>[]),
    'optimise.json': JSON.stringify({ manifest: embedded(manifest), request, result }, null, 2) + '\n',
  };
}

/** A diagnosis's files: diagnosis.json (manifest, diagnosis, each replication's seed and KPIs). */
export function diagnoseExperimentFiles(
  manifest: ExportManifest,
  diagnosis: unknown,
  runs: readonly { seed: number; kpis: unknown }[],
): Record<string, string> {
  return {
    'diagnosis.json':
      JSON.stringify(
        { manifest: embedded(manifest), diagnosis, replications: runs.map((r) => ({ seed: r.seed, kpis: r.kpis })) },
        null,
        2,
      ) + '\n',
  };
}

/**
 * Objects as CSV rows: a column per key (first seen order), nested objects
 * flattened with dots (`criterion.mean`), arrays as JSON.
 */
export function rowsCsv(rows: readonly Record<string, unknown>[]): string {
  const flat = rows.map((r) => flatten(r));
  const header = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  return toCsv(
    header,
    flat.map((r) => header.map((h) => r[h])),
  );
}

function flatten(o: Record<string, unknown>, prefix = '', out: Record<string, string | number | boolean | null> = {}) {
  for (const [k, v] of Object.entries(o)) {
    const key = prefix + k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, `${key}.`, out);
    else if (Array.isArray(v)) out[key] = JSON.stringify(v);
    else if (v === undefined) out[key] = null;
    else out[key] = v as string | number | boolean | null;
  }
  return out;
}

/** An argument as a POSIX shell reads it back (quoted when needed). */
export function shellArg(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

/** An override value as `--set`/`--param` parse it back (parseOverrideValue: JSON when it reads as JSON, else the text). */
function valueText(v: unknown): string {
  if (typeof v !== 'string' || v.trim() !== v || v === '') return JSON.stringify(v);
  try {
    JSON.parse(v);
    return JSON.stringify(v); // "6" the text, not 6 the number
  } catch {
    return v;
  }
}

const setArgs = (o: Overrides): string[] => Object.entries(o).flatMap(([p, v]) => ['--set', `${p}=${valueText(v)}`]);

/** What the equivalent command runs. */
export type CommandSpec =
  | { kind: 'replications'; seed: number; replications: number; days?: number }
  | { kind: 'compare'; seed: number; replications: number; days?: number; overrides: Overrides; independent: boolean }
  | ({ seed: number; replications: number; days?: number } & Experiment);

/**
 * The `allweather` command line that runs the same experiment on `file`
 * (the scenario saved as a file: `<scenario-id>.json` by default), its
 * arguments in the CLI's own flag names, quoted for a POSIX shell.
 */
export function experimentCommand(spec: CommandSpec, file: string): string {
  const common = ['--replications', String(spec.replications), '--seed', String(spec.seed)];
  if (spec.days !== undefined) common.push('--days', String(spec.days));
  let args: string[];
  switch (spec.kind) {
    case 'replications':
      args = ['export', file, ...common];
      break;
    case 'compare':
      args = ['compare', file, ...setArgs(spec.overrides), ...(spec.independent ? ['--independent'] : []), ...common];
      break;
    case 'sweep':
      args = [
        'sweep',
        file,
        ...spec.params.flatMap((p) => ['--param', `${p.path}=${p.values.map(valueText).join(',')}`]),
        ...setArgs(spec.baseOverrides),
        ...common,
      ];
      break;
    case 'staffing':
      args = [
        'staffing',
        file,
        ...spec.shifts.flatMap((s) => ['--shift', s]),
        '--target',
        String(spec.target),
        '--confidence',
        String(spec.confidence),
        '--criterion',
        spec.criterion,
        ...(spec.minStaff !== undefined ? ['--min-staff', String(spec.minStaff)] : []),
        ...(spec.maxStaff !== undefined ? ['--max-staff', String(spec.maxStaff)] : []),
        ...setArgs(spec.baseOverrides),
        ...common,
      ];
      break;
    case 'optimise':
      args = [
        'optimise',
        file,
        '--criterion',
        spec.criterion,
        '--target',
        String(spec.target),
        '--confidence',
        String(spec.confidence),
        ...(spec.teams.length > 0 ? ['--teams', spec.teams.join(',')] : []),
        ...Object.entries(spec.minStaff).flatMap(([p, n]) => ['--min-staff', `${p}=${n}`]),
        ...Object.entries(spec.maxStaff).flatMap(([p, n]) => ['--max-staff', `${p}=${n}`]),
        '--budget-evaluations',
        String(spec.budgetEvaluations),
        ...(spec.verifyReplications !== undefined ? ['--verify-replications', String(spec.verifyReplications)] : []),
        ...setArgs(spec.baseOverrides ?? {}),
        ...common,
      ];
      break;
    case 'diagnose':
      args = ['diagnose', file, ...common];
      break;
  }
  return ['allweather', ...args.map(shellArg)].join(' ');
}

/** The scenario file name the equivalent command names. */
export const scenarioFileName = (scenarioId: string) => `${scenarioId.replace(/[^A-Za-z0-9._-]+/g, '-')}.json`;
