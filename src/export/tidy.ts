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
 * UTF-8 with BOM, CRLF, formula-escaped text (see csv.ts). Pure.
 */
import { KPI_NAMES } from '../analysis/aggregate.ts';
import type { RunResult } from '../sim/result.ts';
import { toCsv, type Cell } from './csv.ts';
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

/** The tidy rows (without header) of some runs. */
export function* tidyRows(runs: readonly TidyRun[], opts: { cases?: boolean } = {}): Generator<Cell[]> {
  for (const { run, variant, results } of runs) {
    for (let r = 0; r < results.length; r++) {
      const res = results[r];
      const tail = opts.cases ? [''] : [];
      for (const k of KPI_NAMES) yield [run, r, res.seed, variant, k, res.kpis[k], KPI_UNITS[k], ...tail];
      if (!opts.cases) continue;
      for (const c of res.log ?? []) {
        for (const [field, unit] of CASE_FIELD_UNITS) {
          let v: Cell = c[field];
          if (unit === 's' && v === -1) v = null;
          yield [run, r, res.seed, variant, `case.${field}`, v, unit, c.id];
        }
      }
    }
  }
}

/** The whole tidy CSV document. With `cases`, replications need their logs (run with log: true). */
export function tidyCsv(runs: readonly TidyRun[], opts: { cases?: boolean } = {}): string {
  const header = opts.cases ? [...TIDY_COLUMNS, 'case_id'] : [...TIDY_COLUMNS];
  return toCsv(header, tidyRows(runs, opts));
}
