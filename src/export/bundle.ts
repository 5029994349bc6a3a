/**
 * An export bundle: every file of one run, by name, ready to download (app)
 * or write (CLI).
 *
 * | file | format | what |
 * |---|---|---|
 * | manifest.json | always | the manifest with the scenario embedded (manifest.ts): re-runs standalone |
 * | summary.csv | csv | variant,kpi,mean,ci_low,ci_high,n (summary.ts) |
 * | tidy.csv | csv | run,replication,seed,variant,measure,value,unit (tidy.ts) |
 * | result.json | json | { manifest, summary, byType, coverage, replications: [{ replication, seed, kpis }] } |
 * | cases.arrow | arrow | the per-case log (arrow.ts) |
 *
 * Every file is a function of the manifest and the replications' results
 * only — no clock, no wall time — so re-running a manifest (`allweather
 * replay`) writes byte-identical files. Pure.
 */
import { aggregate, type Aggregate } from '../analysis/aggregate.ts';
import type { Kpis, RunResult } from '../sim/result.ts';
import { casesToArrow } from './arrow.ts';
import { manifestJson, runId, type ExportManifest } from './manifest.ts';
import { summaryCsv } from './summary.ts';
import { tidyCsv } from './tidy.ts';

export type ExportFormat = 'csv' | 'json' | 'arrow';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'arrow'];

export interface ResultDocument {
  manifest: ExportManifest;
  summary: Aggregate['summary'];
  byType: Aggregate['byType'];
  coverage: Aggregate['coverage'];
  replications: { replication: number; seed: number; kpis: Kpis }[];
}

/** result.json's object. */
export function resultDocument(manifest: ExportManifest, results: readonly RunResult[], agg: Aggregate = aggregate(results)): ResultDocument {
  return {
    manifest,
    summary: agg.summary,
    byType: agg.byType,
    coverage: agg.coverage,
    replications: results.map((r, i) => ({ replication: i, seed: r.seed, kpis: r.kpis })),
  };
}

/** result.json's text: key order fixed, 2-space indented, newline-terminated. */
export function resultJson(manifest: ExportManifest, results: readonly RunResult[], agg?: Aggregate): string {
  const doc = resultDocument(manifest, results, agg);
  // The manifest through manifestJson's key order, so a re-read manifest serialises identically.
  return JSON.stringify({ ...doc, manifest: JSON.parse(manifestJson(manifest)) }, null, 2) + '\n';
}

export interface BundleOptions {
  formats?: readonly ExportFormat[];
  /** Case rows in tidy.csv too (needs the logs). */
  cases?: boolean;
}

/** The variant label in summary.csv and tidy.csv: the scenario id. */
export const variantLabel = (m: ExportManifest) => m.scenario;

/** summary.csv of a run. */
export function runSummaryCsv(manifest: ExportManifest, results: readonly RunResult[], agg: Aggregate = aggregate(results)): string {
  return summaryCsv([{ variant: variantLabel(manifest), summary: agg.summary }]);
}

/** Every file of the bundle, by file name. `arrow` needs the results' logs. */
export function exportBundle(manifest: ExportManifest, results: readonly RunResult[], opts: BundleOptions = {}): Record<string, string | Uint8Array> {
  const formats = new Set(opts.formats ?? EXPORT_FORMATS);
  const agg = aggregate(results);
  const files: Record<string, string | Uint8Array> = { 'manifest.json': manifestJson(manifest) };
  if (formats.has('csv')) {
    files['summary.csv'] = runSummaryCsv(manifest, results, agg);
    files['tidy.csv'] = tidyCsv([{ run: runId(manifest), variant: variantLabel(manifest), results }], { cases: opts.cases });
  }
  if (formats.has('json')) files['result.json'] = resultJson(manifest, results, agg);
  if (formats.has('arrow')) files['cases.arrow'] = casesToArrow(results);
  return files;
}
