/**
 * Wide summary CSV: one row per variant and KPI with its mean and 95 %
 * confidence interval over replications.
 *
 *     variant,kpi,mean,ci_low,ci_high,n,unit
 *     baseline-weekday,meanWaitS,564.16,530.2,598.1,10,s
 *
 * For a comparison the rows of A and B are followed by the paired difference
 * B − A (variant `B-A`, common random numbers; see analysis/compare.ts). Values
 * are in the stored units, named in the last column `unit` (KPI_UNITS in
 * units.ts: s, share, cases, h, CNY; a difference is in its KPI's unit);
 * null is an empty cell.
 * Numbers are written in full (shortest round-trip form), so equal runs give
 * byte-identical files. Pure.
 */
import { KPI_NAMES, type Estimate, type KpiName } from '../analysis/aggregate.ts';
import type { Comparison } from '../analysis/compare.ts';
import type { SweepResult } from '../analysis/sweep.ts';
import { toCsv, type Cell } from './csv.ts';
import { KPI_UNITS } from './units.ts';

export const SUMMARY_COLUMNS = ['variant', 'kpi', 'mean', 'ci_low', 'ci_high', 'n', 'unit'] as const;

export interface SummaryVariant {
  variant: string;
  summary: Record<KpiName, Estimate>;
}

function row(variant: string, kpi: KpiName, e: Estimate): Cell[] {
  return [variant, kpi, e.mean, e.ci95?.[0], e.ci95?.[1], e.n, KPI_UNITS[kpi]];
}

/** Rows per variant, KPIs in the standard order. */
export function summaryCsv(variants: readonly SummaryVariant[]): string {
  const rows: Cell[][] = [];
  for (const v of variants) for (const k of KPI_NAMES) rows.push(row(v.variant, k, v.summary[k]));
  return toCsv(SUMMARY_COLUMNS, rows);
}

/** A, B and B − A of a comparison. */
export function comparisonSummaryCsv(
  c: Comparison,
  labels: { a: string; b: string; diff?: string } = { a: 'A', b: 'B' },
): string {
  const rows: Cell[][] = [];
  for (const k of KPI_NAMES) rows.push(row(labels.a, k, c.kpis[k].a));
  for (const k of KPI_NAMES) rows.push(row(labels.b, k, c.kpis[k].b));
  for (const k of KPI_NAMES) rows.push(row(labels.diff ?? `${labels.b}-${labels.a}`, k, c.kpis[k].diff));
  return toCsv(SUMMARY_COLUMNS, rows);
}

/**
 * A sweep as CSV, one row per point: the swept values (one column per
 * parameter path), then mean, ci_low, ci_high of coverage index, SLA
 * attainment, staff-hours and cost, the point's rostered headcount (peak on
 * duty and staff-hours a day, from its scenario: analysis/headcount.ts), the
 * replications run at the point (n), whether the point is on the cost
 * frontier, and why it could not run (empty when it ran).
 */
export function sweepCsv(result: SweepResult): string {
  const measures = ['coverageIndex', 'slaAttainment', 'staffHours', 'costCny'] as const;
  const header = [
    ...result.params.map((p) => p.path),
    ...measures.flatMap((m) => [`${m}_mean`, `${m}_ci_low`, `${m}_ci_high`]),
    'peak_on_duty',
    'rostered_staff_hours_per_day',
    'n',
    'on_frontier',
    'error',
  ];
  const rows = result.points.map((p): Cell[] => [
    ...result.params.map((q) => {
      const v = p.values[q.path];
      return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : JSON.stringify(v);
    }),
    ...measures.flatMap((m): Cell[] => {
      const e = p[m];
      return [e?.mean, e?.ci95?.[0], e?.ci95?.[1]];
    }),
    p.headcount?.peakOnDuty,
    p.headcount?.staffHoursPerDay,
    p.error === undefined ? result.seeds.length : 0,
    p.onFrontier,
    p.error,
  ]);
  return toCsv(header, rows);
}

/**
 * A sweep's per-replication rows, tidy: one row per point, replication and
 * KPI — `point` (the point's index), the swept values (one column per
 * parameter path), `replication`, `seed`, `measure` (the KPI), `value`,
 * `unit`. Points that could not run, or swept before points kept their
 * replications, have no rows.
 */
export function sweepReplicationsCsv(result: SweepResult): string {
  const header = ['point', ...result.params.map((p) => p.path), 'replication', 'seed', 'measure', 'value', 'unit'];
  const rows: Cell[][] = [];
  for (const p of result.points) {
    const values = result.params.map((q): Cell => {
      const v = p.values[q.path];
      return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : JSON.stringify(v);
    });
    (p.replications ?? []).forEach((r, i) => {
      for (const k of KPI_NAMES) rows.push([p.index, ...values, i, r.seed, k, r.kpis[k], KPI_UNITS[k]]);
    });
  }
  return toCsv(header, rows);
}
