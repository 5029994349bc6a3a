/**
 * Tidy CSV: one observation per row.
 *
 *     run,replication,seed,variant,measure,value,unit
 *     9f1c…,0,1,baseline-weekday,meanWaitS,564.16,s
 *
 * Every KPI of every replication is a row (`measure` is the KPI name, the
 * value is in the stored unit named in `unit`: s, share, cases, h, CNY; an
 * unobserved KPI has an empty value). With `cases: true` every field of every
 * logged case is a row too, `measure` = `case.<field>`, and a last column
 * `case_id` says which case (the id is per replication); times are seconds
 * from the run start, with an empty value where a step did not happen.
 * Pivot it in pandas with `df.pivot_table(index=[...], columns='measure', values='value')`.
 *
 * UTF-8 with BOM, CRLF, formula-escaped text (see csv.ts). `tidyHeader` and
 * `tidyReplicationChunks` give the same text a replication at a time, for
 * writers that stream. Pure.
 */
import { KPI_NAMES } from '../analysis/aggregate.ts';
import type { RunResult } from '../sim/result.ts';
import { csvCell, toCsv, type Cell } from './csv.ts';
import { CASE_FIELD_UNITS, KPI_UNITS } from './units.ts';

export interface TidyRun {
  /** The `run` column: a run id (manifest.ts runId) or any label. */
  run: string;
  /** The `variant` column: scenario id, "A"/"B", a sweep point's label. */
  variant: string;
  /** Replications in order: replication r is results[r]. */
  results: readonly RunResult[];
}

export const TIDY_COLUMNS = ['run', 'replication', 'seed', 'variant', 'measure', 'value', 'unit'] as const;

/** The header row of `tidyCsv`, with the BOM and line end: the first chunk of a streamed file. */
export function tidyHeader(opts: { cases?: boolean } = {}): string {
  return toCsv(opts.cases ? [...TIDY_COLUMNS, 'case_id'] : [...TIDY_COLUMNS], []);
}

/** The rows of one replication `r` of a run (KPIs, then with `cases` its case fields). */
export function* tidyReplicationRows(
  run: string,
  variant: string,
  r: number,
  res: RunResult,
  opts: { cases?: boolean } = {},
): Generator<Cell[]> {
  const tail = opts.cases ? [''] : [];
  for (const k of KPI_NAMES) yield [run, r, res.seed, variant, k, res.kpis[k], KPI_UNITS[k], ...tail];
  if (!opts.cases) return;
  for (const c of res.log ?? []) {
    for (const [field, unit] of CASE_FIELD_UNITS) {
      let v: Cell = c[field];
      if (unit === 's' && v === -1) v = null;
      yield [run, r, res.seed, variant, `case.${field}`, v, unit, c.id];
    }
  }
}

/**
 * One replication's rows as CSV text in pieces of at most `rowsPerChunk`
 * rows (default 8192), each ending with a line end: appended after
 * `tidyHeader` in replication order they give `tidyCsv` byte for byte. A
 * replication's case rows can run to hundreds of megabytes; pieces keep any
 * one string small.
 */
export function* tidyReplicationChunks(
  run: string,
  variant: string,
  r: number,
  res: RunResult,
  opts: { cases?: boolean; rowsPerChunk?: number } = {},
): Generator<string> {
  const size = Math.max(1, opts.rowsPerChunk ?? 8192);
  let lines: string[] = [];
  for (const row of tidyReplicationRows(run, variant, r, res, opts)) {
    lines.push(row.map(csvCell).join(','));
    if (lines.length >= size) {
      yield lines.join('\r\n') + '\r\n';
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('\r\n') + '\r\n';
}

/** The tidy rows (without header) of some runs. */
export function* tidyRows(runs: readonly TidyRun[], opts: { cases?: boolean } = {}): Generator<Cell[]> {
  for (const { run, variant, results } of runs) {
    for (let r = 0; r < results.length; r++) yield* tidyReplicationRows(run, variant, r, results[r], opts);
  }
}

/** The whole tidy CSV document. With `cases`, replications need their logs (run with log: true). */
export function tidyCsv(runs: readonly TidyRun[], opts: { cases?: boolean } = {}): string {
  const header = opts.cases ? [...TIDY_COLUMNS, 'case_id'] : [...TIDY_COLUMNS];
  return toCsv(header, tidyRows(runs, opts));
}
