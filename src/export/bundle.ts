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
 * | tidy.parquet, cases.parquet | parquet | tidy.csv's rows and the per-case log as Parquet (parquet.ts) |
 *
 * Every file is a function of the manifest and the replications' results
 * only — no clock, no wall time — so re-running a manifest (`allweather
 * replay`) writes byte-identical files. Pure.
 *
 * Two ways to build it, same bytes: `exportBundle` from every result at
 * once (the app's downloads), and `bundleWriter`, which takes the
 * replications one at a time in order and hands the files' bytes to an
 * output as they are made (the CLI streams them to disk, so a case log of
 * any size never sits in memory whole). The manifest is the writer's
 * caller's to write, last, with the file list (manifest.ts `files`).
 */
import { aggregate, type Aggregate } from '../analysis/aggregate.ts';
import type { Kpis, RunResult } from '../sim/result.ts';
import { arrowCaseWriter, type ArrowCaseWriter } from './arrow.ts';
import { parquetCaseWriter, parquetTidyWriter, type ParquetStreamWriter } from './parquet.ts';
import { manifestJson, runId, withoutFiles, type ExportManifest } from './manifest.ts';
import { summaryCsv } from './summary.ts';
import { tidyHeader, tidyReplicationChunks } from './tidy.ts';

export type ExportFormat = 'csv' | 'json' | 'arrow' | 'parquet';
/** Every format `--format` takes. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'arrow', 'parquet'];
/** What `export` writes without `--format` (Parquet is asked for). */
export const DEFAULT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'arrow'];

export interface ResultDocument {
  manifest: ExportManifest;
  summary: Aggregate['summary'];
  byType: Aggregate['byType'];
  coverage: Aggregate['coverage'];
  replications: { replication: number; seed: number; kpis: Kpis }[];
}

/** result.json's object. */
export function resultDocument(
  manifest: ExportManifest,
  results: readonly RunResult[],
  agg: Aggregate = aggregate(results),
): ResultDocument {
  return {
    manifest: withoutFiles(manifest),
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
  return JSON.stringify({ ...doc, manifest: JSON.parse(manifestJson(doc.manifest)) }, null, 2) + '\n';
}

export interface BundleOptions {
  formats?: readonly ExportFormat[];
  /** Case rows in tidy.csv too (needs the logs). */
  cases?: boolean;
}

/** The variant label in summary.csv and tidy.csv: the scenario id. */
export const variantLabel = (m: ExportManifest) => m.scenario;

/** summary.csv of a run. */
export function runSummaryCsv(
  manifest: ExportManifest,
  results: readonly RunResult[],
  agg: Aggregate = aggregate(results),
): string {
  return summaryCsv([{ variant: variantLabel(manifest), summary: agg.summary }]);
}

/** Where a `bundleWriter` puts its bytes. */
export interface BundleOutput {
  /** Appends to the file `name` (created by the first write). */
  write(name: string, chunk: string | Uint8Array): void;
  /** The file `name` is complete. */
  end(name: string): void;
}

/** The bundle's files besides manifest.json, in bundle order, for these formats. */
export function bundleFileNames(formats: readonly ExportFormat[] = DEFAULT_FORMATS): string[] {
  const f = new Set(formats);
  return [
    ...(f.has('csv') ? ['summary.csv', 'tidy.csv'] : []),
    ...(f.has('json') ? ['result.json'] : []),
    ...(f.has('arrow') ? ['cases.arrow'] : []),
    ...(f.has('parquet') ? ['tidy.parquet', 'cases.parquet'] : []),
  ];
}

export interface BundleWriter {
  /** Replication `rep`'s result (call for 0, 1, 2, ... in order). Its log is not kept. */
  add(rep: number, result: RunResult): void;
  /** Writes the files that need every replication (summary.csv, result.json) and ends them all; returns their names in bundle order. */
  finish(results: readonly RunResult[], agg?: Aggregate): string[];
}

/**
 * Builds the bundle's files (all but manifest.json) a replication at a time:
 * tidy.csv rows and a cases.arrow record batch per replication as it is
 * added, summary.csv and result.json at the end from the results (which
 * need no logs). Memory: one replication's log, whatever the count.
 */
export function bundleWriter(manifest: ExportManifest, opts: BundleOptions, out: BundleOutput): BundleWriter {
  const formats = new Set(opts.formats ?? DEFAULT_FORMATS);
  const run = runId(manifest),
    variant = variantLabel(manifest);
  let arrow: ArrowCaseWriter | null = null;
  let parquet: { tidy: ParquetStreamWriter; cases: ParquetStreamWriter } | null = null;
  if (formats.has('csv')) out.write('tidy.csv', tidyHeader({ cases: opts.cases }));
  if (formats.has('arrow')) arrow = arrowCaseWriter((chunk) => out.write('cases.arrow', chunk));
  if (formats.has('parquet'))
    parquet = {
      tidy: parquetTidyWriter(run, variant, (chunk) => out.write('tidy.parquet', chunk), { cases: opts.cases }),
      cases: parquetCaseWriter((chunk) => out.write('cases.parquet', chunk)),
    };
  let next = 0;
  return {
    add(rep, result) {
      if (rep !== next) throw new RangeError(`bundleWriter: replication ${rep} added out of order (expected ${next})`);
      next++;
      if (formats.has('csv'))
        for (const chunk of tidyReplicationChunks(run, variant, rep, result, { cases: opts.cases }))
          out.write('tidy.csv', chunk);
      arrow?.add(rep, result);
      parquet?.tidy.add(rep, result);
      parquet?.cases.add(rep, result);
    },
    finish(results, agg = aggregate(results)) {
      if (next !== results.length)
        throw new RangeError(`bundleWriter: ${next} replication(s) added, ${results.length} results`);
      if (formats.has('csv')) {
        out.write('summary.csv', runSummaryCsv(manifest, results, agg));
        out.end('summary.csv');
        out.end('tidy.csv');
      }
      if (formats.has('json')) {
        out.write('result.json', resultJson(manifest, results, agg));
        out.end('result.json');
      }
      if (arrow) {
        arrow.finish();
        out.end('cases.arrow');
      }
      if (parquet) {
        parquet.tidy.finish();
        out.end('tidy.parquet');
        parquet.cases.finish();
        out.end('cases.parquet');
      }
      return bundleFileNames([...formats]);
    },
  };
}

/** Every file of the bundle, by file name, in memory. `arrow` and `parquet` need the results' logs. Same bytes as `bundleWriter`. */
export function exportBundle(
  manifest: ExportManifest,
  results: readonly RunResult[],
  opts: BundleOptions = {},
): Record<string, string | Uint8Array> {
  const parts = new Map<string, (string | Uint8Array)[]>();
  const w = bundleWriter(manifest, opts, {
    write: (name, chunk) => {
      const list = parts.get(name);
      if (list) list.push(chunk);
      else parts.set(name, [chunk]);
    },
    end: () => {},
  });
  results.forEach((r, i) => w.add(i, r));
  const names = w.finish(results);
  const files: Record<string, string | Uint8Array> = { 'manifest.json': manifestJson(manifest) };
  for (const name of names) {
    const list = parts.get(name) ?? [];
    if (list.every((c) => typeof c === 'string')) {
      files[name] = (list as string[]).join('');
    } else {
      const bytes = list as Uint8Array[];
      const out = new Uint8Array(bytes.reduce((s, c) => s + c.byteLength, 0));
      let at = 0;
      for (const c of bytes) {
        out.set(c, at);
        at += c.byteLength;
      }
      files[name] = out;
    }
  }
  return files;
}
