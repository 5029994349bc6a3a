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
 *   (readableCsv.ts), for reading and reports;
 * - sweep: sweep.csv (one row per point) and sweep.json (the manifest of the
 *   base scenario, the parameters and every point).
 *
 * Files are named `allweather-<scenario>-<kind>-<file>`. Building is pure
 * (apart from the manifest's `createdAt`); the panel turns a file into a
 * Blob download.
 */
import { describeOverrides } from '../analysis/overrides.ts';
import { verdictReport } from '../analysis/verdict.ts';
import { exportBundle } from '../export/bundle.ts';
import { casesToArrow } from '../export/arrow.ts';
import { createManifest, manifestHeader, manifestJson, runId, type ExportManifest } from '../export/manifest.ts';
import { comparisonSummaryCsv, sweepCsv } from '../export/summary.ts';
import { tidyCsv } from '../export/tidy.ts';
import type { LastRuns } from './experiments.ts';
import { comparisonTableCsv, replicationsTableCsv } from './readableCsv.ts';
import type { Lang } from './store.ts';
import { APP_VERSION } from './version.ts';

export type ExportKind = 'manifest' | 'summary' | 'tidy' | 'json' | 'arrow' | 'table';

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
  table: 'text/csv;charset=utf-8',
};

const KIND_OF: Record<string, ExportKind> = {
  'manifest.json': 'manifest',
  'summary.csv': 'summary',
  'tidy.csv': 'tidy',
  'result.json': 'json',
  'cases.arrow': 'arrow',
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
  const bundle = exportBundle(manifest, run.results, { formats: hasLog ? ['csv', 'json', 'arrow'] : ['csv', 'json'] });
  const prefix = `allweather-${slug(manifest.scenario)}-replications`;
  const order = ['tidy.csv', 'summary.csv', 'result.json', 'cases.arrow', 'manifest.json'];
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
  const headcount = run.headcount ?? null;
  const report = {
    a: { label: mA.scenario, headcount: headcount?.a ?? null, manifest: manifestHeader(mA) },
    b: {
      label: `${mB.scenario} + ${describeOverrides(run.overrides)}`,
      headcount: headcount?.b ?? null,
      manifest: manifestHeader(mB),
    },
    comparison: run.comparison,
    verdict: verdictReport(run.comparison, headcount),
  };
  const prefix = `allweather-${slug(mA.scenario)}-compare`;
  const out: ExportFile[] = [
    file(
      prefix,
      'tidy.csv',
      'tidy',
      tidyCsv([
        { run: runId(mA), variant: 'A', results: run.a },
        { run: runId(mB), variant: 'B', results: run.b },
      ]),
    ),
    file(prefix, 'summary.csv', 'summary', comparisonSummaryCsv(run.comparison)),
    file(prefix, 'table.csv', 'table', comparisonTableCsv(run.comparison, lang)),
    file(prefix, 'comparison.json', 'json', JSON.stringify(report, null, 2) + '\n'),
  ];
  if (run.a.every((r) => r.log !== undefined) && run.b.every((r) => r.log !== undefined)) {
    out.push(file(prefix, 'cases-a.arrow', 'arrow', casesToArrow(run.a), 'A'));
    out.push(file(prefix, 'cases-b.arrow', 'arrow', casesToArrow(run.b), 'B'));
  }
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
  });
  const prefix = `allweather-${slug(manifest.scenario)}-sweep`;
  const doc = {
    manifest: JSON.parse(manifestJson(manifest)) as unknown,
    params: run.result.params,
    seeds: run.result.seeds,
    baseHeadcount: run.result.baseHeadcount,
    points: run.result.points,
    frontier: run.result.frontier,
  };
  return [
    file(prefix, 'sweep.csv', 'summary', sweepCsv(run.result)),
    file(prefix, 'sweep.json', 'json', JSON.stringify(doc, null, 2) + '\n'),
  ];
}

/** Bytes of a file as the download will have them (UTF-8 for text). */
export function fileBytes(f: ExportFile): Uint8Array {
  return typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data;
}
