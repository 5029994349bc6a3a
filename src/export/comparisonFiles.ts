/**
 * An A/B comparison's files, one writer for the app's download
 * (src/app/exportFiles.ts comparisonFiles) and `allweather replay` of its
 * zip or folder (src/cli/exportCmd.ts), so both make the same bytes:
 *
 * - tidy.csv (variants A and B), summary.csv (A, B, B-A);
 * - table.csv: the KPI table in the UI language (src/i18n/readableCsv.ts, passed in by the caller);
 * - comparison.json: labels, each variant's rostered headcount, manifest
 *   headers, every difference and the verdict in words (the shape of
 *   `allweather compare --json`);
 * - with the per-case logs, cases-a/b.arrow and cases-a/b.parquet.
 *
 * A function of the two manifests, the results and the language only. Pure.
 */
import { describeOverrides } from '../analysis/overrides.ts';
import type { Comparison } from '../analysis/compare.ts';
import type { Headcount } from '../analysis/headcount.ts';
import { verdictReport } from '../analysis/verdict.ts';
import type { RunResult } from '../sim/result.ts';
import { casesToArrow } from './arrow.ts';
import { manifestHeader, runId, type ExportManifest } from './manifest.ts';
import { casesToParquet } from './parquet.ts';
import { comparisonSummaryCsv } from './summary.ts';
import { tidyCsv } from './tidy.ts';

export interface ComparisonInput {
  a: ExportManifest;
  b: ExportManifest;
  resultsA: readonly RunResult[];
  resultsB: readonly RunResult[];
  comparison: Comparison;
  /** A's and B's rostered headcount (null: not known). */
  headcount: { a: Headcount; b: Headcount } | null;
}

/** The readable table of a comparison in a language (src/i18n/readableCsv.ts `comparisonTableCsv`: it translates, so
 * it lives above this floor and the caller passes it in). */
export type ComparisonTableCsv<L> = (comparison: ComparisonInput['comparison'], lang: L) => string;

/** The comparison's files besides its manifests, by name, in download order (the case logs when every result has its log). */
export function comparisonExportFiles<L>(
  c: ComparisonInput,
  lang: L,
  comparisonTableCsv: ComparisonTableCsv<L>,
): Record<string, string | Uint8Array> {
  const report = {
    a: { label: c.a.scenario, headcount: c.headcount?.a ?? null, manifest: manifestHeader(c.a) },
    b: {
      label: `${c.b.scenario} + ${describeOverrides(c.b.overrides)}`,
      headcount: c.headcount?.b ?? null,
      manifest: manifestHeader(c.b),
    },
    comparison: c.comparison,
    verdict: verdictReport(c.comparison, c.headcount),
  };
  const files: Record<string, string | Uint8Array> = {
    'tidy.csv': tidyCsv([
      { run: runId(c.a), variant: 'A', results: c.resultsA },
      { run: runId(c.b), variant: 'B', results: c.resultsB },
    ]),
    'summary.csv': comparisonSummaryCsv(c.comparison),
    'table.csv': comparisonTableCsv(c.comparison, lang),
    'comparison.json': JSON.stringify(report, null, 2) + '\n',
  };
  if (c.resultsA.every((r) => r.log !== undefined) && c.resultsB.every((r) => r.log !== undefined)) {
    files['cases-a.arrow'] = casesToArrow(c.resultsA);
    files['cases-b.arrow'] = casesToArrow(c.resultsB);
    files['cases-a.parquet'] = casesToParquet(c.resultsA);
    files['cases-b.parquet'] = casesToParquet(c.resultsB);
  }
  return files;
}
