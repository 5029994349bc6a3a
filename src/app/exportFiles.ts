/**
 * The files the Downloads panel offers, built from the last finished
 * experiments with the writers of src/export (the same as the CLI's):
 *
 * - replications: manifest.json, summary.csv, tidy.csv, result.json (with
 *   its manifest; `allweather replay result.json` re-runs it) and, when the
 *   per-case logs were kept, cases.arrow;
 * - comparison: comparison.json (labels, each variant's rostered headcount,
 *   manifest headers, every difference, the verdict in words: the same
 *   shape as `allweather compare --json`), summary.csv (A, B, B-A), tidy.csv (variants A and B),
 *   manifest-a.json, manifest-b.json and cases-a/b.arrow;
 * - for both, table.csv: the panel's KPI table in the UI language
 *   (src/i18n/readableCsv.ts), for reading and reports;
 * - sweep: sweep.csv (one row per point), sweep-replications.csv (one row
 *   per point, replication and KPI) and sweep.json (the manifest of the
 *   base scenario, the parameters and every point);
 * - the cheapest plan (optimise): optimise.json (the request and the whole
 *   result: plan, verification, history), optimise-plan.csv (a row per
 *   searched shift), optimise-evaluations.csv (every plan simulated) and
 *   manifest.json of the scenario it searched;
 * - the staffing search: staffing.json and staffing.csv (a row per staff
 *   level tried).
 * Replications also give tidy.parquet and, with the logs, cases.parquet; a
 * comparison cases-a/b.parquet beside its Arrow files.
 *
 * Files are named `allweather-<scenario>-<kind>-<file>`. Each experiment
 * is also one zip (`experimentZip`, `allweather-<scenario>-<kind>.zip`)
 * holding its files under their own names, its manifest listing every one
 * with its SHA-256 (src/export/zip.ts), so `allweather replay <zip>`
 * checks every byte however the browser named the download. Building is
 * pure (apart from the manifest's `createdAt`); the panel turns a file into
 * a Blob download.
 */
import { exportBundle } from '../export/bundle.ts';
import { createManifest, manifestJson, runId, type ExportManifest } from '../export/manifest.ts';
import { tidyToParquet } from '../export/parquet.ts';
import {
  diagnoseExperimentFiles,
  optimiseExperimentFiles,
  rowsCsv,
  staffingExperimentFiles,
  staffingSpec,
  sweepExperimentFiles,
  diagnoseCommand,
  optimiseCommand,
  optimiseSpec,
} from '../export/experiment.ts';
import { experimentZip as experimentZip0 } from '../export/zip.ts';
import { comparisonExportFiles } from '../export/comparisonFiles.ts';
import type { DiagnoseJob, OptimiseJob } from './decisions.ts';
import type { LastRuns, StaffingJob } from './experiments.ts';
import { comparisonTableCsv, replicationsTableCsv } from '../i18n/readableCsv.ts';
import type { Lang } from './store.ts';
import { APP_VERSION } from './version.ts';

export type ExportKind = 'manifest' | 'summary' | 'tidy' | 'json' | 'arrow' | 'parquet' | 'table' | 'zip';

export interface ExportFile {
  /** Download file name. */
  name: string;
  /** The file's own part of the name (tidy.csv, cases-a.arrow). */
  short: string;
  mime: string;
  data: string | Uint8Array;
  kind: ExportKind;
  /** Comparison files that belong to one variant. */
  variant?: 'A' | 'B';
}

const MIME: Record<ExportKind, string> = {
  manifest: 'application/json',
  json: 'application/json',
  summary: 'text/csv;charset=utf-8',
  tidy: 'text/csv;charset=utf-8',
  arrow: 'application/vnd.apache.arrow.file',
  parquet: 'application/vnd.apache.parquet',
  table: 'text/csv;charset=utf-8',
  zip: 'application/zip',
};

const KIND_OF: Record<string, ExportKind> = {
  'manifest.json': 'manifest',
  'summary.csv': 'summary',
  'tidy.csv': 'tidy',
  'result.json': 'json',
  'cases.arrow': 'arrow',
  'tidy.parquet': 'parquet',
  'cases.parquet': 'parquet',
};

/** A file name part from a scenario id (ids are already [a-z0-9-]). */
const slug = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');

function file(
  prefix: string,
  name: string,
  kind: ExportKind,
  data: string | Uint8Array,
  variant?: 'A' | 'B',
): ExportFile {
  return { name: `${prefix}-${name}`, short: name, mime: MIME[kind], data, kind, ...(variant ? { variant } : {}) };
}

export function replicationFiles(run: NonNullable<LastRuns['replications']>, lang: Lang = 'zh-CN'): ExportFile[] {
  const manifest = createManifest({
    version: APP_VERSION,
    scenario: run.scenarioText,
    seed: run.seed,
    replications: run.results.length,
    command: run.command,
  });
  const hasLog = run.results.every((r) => r.log !== undefined);
  const bundle = exportBundle(manifest, run.results, {
    formats: hasLog ? ['csv', 'json', 'arrow', 'parquet'] : ['csv', 'json'],
  });
  if (!hasLog) bundle['tidy.parquet'] = tidyToParquet(runId(manifest), manifest.scenario, run.results);
  const prefix = `allweather-${slug(manifest.scenario)}-replications`;
  const order = [
    'tidy.csv',
    'summary.csv',
    'result.json',
    'cases.arrow',
    'tidy.parquet',
    'cases.parquet',
    'manifest.json',
  ];
  const files = order.filter((n) => n in bundle).map((n) => file(prefix, n, KIND_OF[n], bundle[n]));
  files.splice(2, 0, file(prefix, 'table.csv', 'table', replicationsTableCsv(run.aggregate.summary, lang)));
  return files;
}

export function comparisonFiles(run: NonNullable<LastRuns['comparison']>, lang: Lang = 'zh-CN'): ExportFile[] {
  const reps = run.a.length;
  const mA = createManifest({
    version: APP_VERSION,
    scenario: run.aText,
    seed: run.seed,
    replications: reps,
    command: run.command,
  });
  const mB0 = createManifest({
    version: APP_VERSION,
    scenario: run.aText,
    overrides: run.overrides,
    seed: run.seed,
    replications: reps,
    command: run.command,
  });
  const mB: ExportManifest = { ...mB0, seed: run.seedsB[0] };
  const prefix = `allweather-${slug(mA.scenario)}-compare`;
  // the writer `allweather replay` uses (src/export/comparisonFiles.ts): the same bytes
  const made = comparisonExportFiles(
    { a: mA, b: mB, resultsA: run.a, resultsB: run.b, comparison: run.comparison, headcount: run.headcount ?? null },
    lang,
    comparisonTableCsv,
  );
  const KIND: Record<string, [ExportKind, ('A' | 'B')?]> = {
    'tidy.csv': ['tidy'],
    'summary.csv': ['summary'],
    'table.csv': ['table'],
    'comparison.json': ['json'],
    'cases-a.arrow': ['arrow', 'A'],
    'cases-b.arrow': ['arrow', 'B'],
    'cases-a.parquet': ['parquet', 'A'],
    'cases-b.parquet': ['parquet', 'B'],
  };
  const out: ExportFile[] = Object.entries(made).map(([name, data]) =>
    file(prefix, name, KIND[name][0], data, KIND[name][1]),
  );
  out.push(file(prefix, 'manifest-a.json', 'manifest', manifestJson(mA), 'A'));
  out.push(file(prefix, 'manifest-b.json', 'manifest', manifestJson(mB), 'B'));
  return out;
}

export function sweepFiles(run: NonNullable<LastRuns['sweep']>): ExportFile[] {
  const manifest = createManifest({
    version: APP_VERSION,
    scenario: run.scenarioText,
    seed: run.seed,
    replications: run.result.seeds.length,
    command: run.command,
    experiment: { kind: 'sweep', params: run.result.params, baseOverrides: run.baseOverrides ?? {} },
  });
  const prefix = `allweather-${slug(manifest.scenario)}-sweep`;
  // the same writer as `allweather replay` (src/export/experiment.ts): the same bytes
  const f = sweepExperimentFiles(manifest, run.result);
  return [
    file(prefix, 'sweep.csv', 'summary', f['sweep.csv']),
    file(prefix, 'sweep-replications.csv', 'tidy', f['sweep-replications.csv']),
    file(prefix, 'sweep.json', 'json', f['sweep.json']),
    file(prefix, 'manifest.json', 'manifest', manifestJson(manifest)),
  ];
}

/**
 * The cheapest plan's files (a finished optimise job with a result), from
 * the writer `allweather replay` uses: optimise-plan.csv, optimise-evaluations.csv,
 * optimise.json and manifest.json with the search's parameters.
 */
export function optimiseFiles(job: OptimiseJob): ExportFile[] | null {
  const r = job.result;
  if (job.status !== 'done' || !r || job.scenarioText === '' || !job.request) return null;
  const manifest = createManifest({
    version: APP_VERSION,
    scenario: job.scenarioText,
    seed: job.request.seed,
    replications: job.request.replications,
    days: job.request.days,
    command: optimiseCommand(job.request, job.scenarioId),
    experiment: optimiseSpec(job.request),
  });
  const prefix = `allweather-${slug(manifest.scenario)}-optimise`;
  const f = optimiseExperimentFiles(manifest, r);
  return [
    file(prefix, 'optimise-plan.csv', 'summary', f['optimise-plan.csv']),
    file(prefix, 'optimise-evaluations.csv', 'tidy', f['optimise-evaluations.csv']),
    file(prefix, 'optimise.json', 'json', f['optimise.json']),
    file(prefix, 'manifest.json', 'manifest', manifestJson(manifest)),
  ];
}

/** A finished diagnosis's files: diagnosis.json (diagnosis and each replication's KPIs) and manifest.json. */
export function diagnosisFiles(job: DiagnoseJob): ExportFile[] | null {
  if (job.status !== 'done' || !job.diagnosis || !job.runKpis || job.scenarioText === '') return null;
  const manifest = createManifest({
    version: APP_VERSION,
    scenario: job.scenarioText,
    seed: job.seed,
    replications: job.done,
    days: job.days ?? undefined,
    command: diagnoseCommand(job),
    experiment: { kind: 'diagnose' },
  });
  const prefix = `allweather-${slug(manifest.scenario)}-diagnosis`;
  const f = diagnoseExperimentFiles(manifest, job.diagnosis, job.runKpis);
  return [
    file(prefix, 'diagnosis.json', 'json', f['diagnosis.json']),
    file(prefix, 'manifest.json', 'manifest', manifestJson(manifest)),
  ];
}

/**
 * The staffing search's files (a finished job): staffing.csv (a row per
 * staff count tried), staffing.json (manifest and plan) and manifest.json
 * with the search's parameters, from the writer `allweather replay` uses.
 */
export function staffingFiles(job: StaffingJob, last?: LastRuns['staffing']): ExportFile[] | null {
  if (job.status !== 'done' || !job.plan) return null;
  const prefix = `allweather-${slug(job.scenarioId)}-staffing`;
  if (!last?.scenarioText || !last.request || !last.plan) {
    // a search whose scenario is not kept: its results, no manifest (not replayable)
    const doc = { scenario: job.scenarioId, seed: job.seed, plan: job.plan };
    return [
      file(prefix, 'staffing.csv', 'summary', rowsCsv(job.evaluations as unknown as Record<string, unknown>[])),
      file(prefix, 'staffing.json', 'json', JSON.stringify(doc, null, 2) + '\n'),
    ];
  }
  const { seed, replications, ...experiment } = staffingSpec(last.request);
  const manifest = createManifest({
    version: APP_VERSION,
    scenario: last.scenarioText,
    seed,
    replications,
    command: last.command ?? '',
    experiment,
  });
  const f = staffingExperimentFiles(manifest, last.plan);
  return [
    file(prefix, 'staffing.csv', 'summary', f['staffing.csv']),
    file(prefix, 'staffing.json', 'json', f['staffing.json']),
    file(prefix, 'manifest.json', 'manifest', manifestJson(manifest)),
  ];
}

export { rowsCsv };

const MANIFEST_NAME = /^manifest(-[ab])?\.json$/;

/**
 * One zip of an experiment's files under their own names (`short`), its
 * manifest(s) listing every other file with its size and SHA-256
 * (src/export/zip.ts): `allweather replay <zip>` checks every byte.
 */
export function experimentZip(files: readonly ExportFile[]): ExportFile {
  const first = files[0];
  const prefix = first.name.slice(0, first.name.length - first.short.length - 1);
  const manifests: Record<string, ExportManifest> = {};
  const data: Record<string, string | Uint8Array> = {};
  for (const f of files) {
    if (MANIFEST_NAME.test(f.short)) manifests[f.short] = JSON.parse(f.data as string) as ExportManifest;
    else data[f.short] = f.data;
  }
  return { name: `${prefix}.zip`, short: 'zip', mime: MIME.zip, data: experimentZip0(manifests, data), kind: 'zip' };
}

/** Bytes of a file as the download will have them (UTF-8 for text). */
export function fileBytes(f: ExportFile): Uint8Array {
  return typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data;
}
