/**
 * Aggregating replications.
 *
 * One replication is one sample path of the city: a single number from it
 * (say the mean wait) is one draw of a random variable. Running R independent
 * replications (seeds s, s+1, ..., s+R-1) gives R draws; their mean estimates
 * the expected value and the Student-t interval
 *
 *     mean ± t(0.975, R-1) · sd / √R
 *
 * says how sure we are (95 %). With one replication there is no spread to
 * measure, so the interval is `null`, never a made-up number.
 *
 * A KPI can be `null` in a replication (no case was decided, nobody was on
 * duty). Such a replication has no observation of that KPI: the mean is over
 * the replications that have one, and `n` says how many that is.
 *
 * The output depends only on the inputs and their order (replication index),
 * so the same runs serialise to byte-identical JSON.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean as ssMean, sampleStandardDeviation } from 'simple-statistics';
import type { Kpis, RunResult, TypeStats } from '../sim/result.ts';

/** Mean and 95 % confidence interval of one figure over replications. */
export interface Estimate {
  /** Mean over the replications that observed the figure; null when none did. */
  mean: number | null;
  /** Student-t 95 % interval for the mean; null when fewer than 2 replications observed it. */
  ci95: [number, number] | null;
  /** How many replications observed the figure. */
  n: number;
}

export type KpiName = keyof Kpis;

/** Every KPI, in the order the summary lists them (the order of `Kpis`). */
const KPI_ORDER: Record<KpiName, true> = {
  casesArrived: true,
  casesClosed: true,
  meanWaitS: true,
  p50WaitS: true,
  p90WaitS: true,
  p95WaitS: true,
  meanQueueWaitS: true,
  p90QueueWaitS: true,
  meanResponseS: true,
  p50ResponseS: true,
  p90ResponseS: true,
  p95ResponseS: true,
  meanResolutionS: true,
  p50ResolutionS: true,
  p90ResolutionS: true,
  p95ResolutionS: true,
  slaAttainment: true,
  coverageIndex: true,
  staffHours: true,
  utilisation: true,
  overtimeHours: true,
  meanBacklog: true,
  costCny: true,
  casesOpenAfterDrain: true,
};
export const KPI_NAMES = Object.keys(KPI_ORDER) as KpiName[];

/** Per event type: the mean of each field over replications (null fields averaged over non-null ones). */
export type TypeSummary = { [K in Exclude<keyof TypeStats, 'id'>]: number | null };

export interface CoverageSummary {
  grids: string[];
  hours: 24;
  /** attainment[g][h]: mean over replications where grid g had decided cases in hour h; null when none did. */
  attainment: (number | null)[][];
  /** cases[g][h]: mean number of decided cases per replication. */
  cases: number[][];
  /** A grid-hour is covered when its attainment is at least this. */
  target: number;
}

export interface Aggregate {
  summary: Record<KpiName, Estimate>;
  byType: Record<string, TypeSummary>;
  coverage: CoverageSummary;
  perf: { events: number; wallS: number };
}

/** Two-sided 95 % Student-t half-width factor for n observations (n >= 2). */
export function tFactor95(n: number): number {
  return tQuantile(0.975, n - 1);
}

/** Mean and 95 % CI of the non-null values. */
export function estimate(values: readonly (number | null | undefined)[]): Estimate {
  const xs: number[] = [];
  for (const v of values) if (v !== null && v !== undefined && Number.isFinite(v)) xs.push(v);
  const n = xs.length;
  if (n === 0) return { mean: null, ci95: null, n: 0 };
  const m = ssMean(xs);
  if (n < 2) return { mean: m, ci95: null, n };
  const half = (tFactor95(n) * sampleStandardDeviation(xs)) / Math.sqrt(n);
  return { mean: m, ci95: [m - half, m + half], n };
}

/** Mean of the non-null values, or null when there are none. */
function meanOrNull(values: readonly (number | null | undefined)[]): number | null {
  const xs: number[] = [];
  for (const v of values) if (v !== null && v !== undefined && Number.isFinite(v)) xs.push(v);
  return xs.length === 0 ? null : ssMean(xs);
}

function aggregateByType(results: readonly RunResult[]): Record<string, TypeSummary> {
  // Type ids in order of first appearance (replication 0 first), so the key order is stable.
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const r of results)
    for (const t of r.byType)
      if (!seen.has(t.id)) {
        seen.add(t.id);
        ids.push(t.id);
      }
  const out: Record<string, TypeSummary> = {};
  for (const id of ids) {
    const rows = results.map((r) => r.byType.find((t) => t.id === id));
    const fields = Object.keys(rows.find((x) => x !== undefined)!).filter((k) => k !== 'id') as (keyof TypeSummary)[];
    const summary = {} as TypeSummary;
    for (const f of fields) {
      // A type missing from a replication saw no cases there: counts are 0, means unobserved.
      const values = rows.map((row) => (row === undefined ? (isCount(f) ? 0 : null) : (row[f] as number | null)));
      summary[f] = meanOrNull(values);
    }
    out[id] = summary;
  }
  return out;
}

function isCount(f: keyof TypeSummary): boolean {
  return f === 'arrived' || f === 'closed' || f === 'slaMet' || f === 'slaDecided';
}

function aggregateCoverage(results: readonly RunResult[]): CoverageSummary {
  const first = results[0].coverage;
  const grids = first.grids.slice();
  const attainment: (number | null)[][] = [];
  const cases: number[][] = [];
  for (let g = 0; g < grids.length; g++) {
    const aRow: (number | null)[] = [];
    const cRow: number[] = [];
    for (let h = 0; h < 24; h++) {
      aRow.push(meanOrNull(results.map((r) => r.coverage.attainment[g]?.[h] ?? null)));
      cRow.push(ssMean(results.map((r) => r.coverage.cases[g]?.[h] ?? 0)));
    }
    attainment.push(aRow);
    cases.push(cRow);
  }
  return { grids, hours: 24, attainment, cases, target: first.target };
}

/**
 * Aggregates replications, given in replication order.
 * `perf.events` is the total over replications; `perf.wallS` the sum of their
 * wall times (a caller running them in parallel replaces it with the elapsed time).
 */
export function aggregate(results: readonly RunResult[]): Aggregate {
  if (results.length === 0) throw new Error('aggregate: no replications');
  const summary = {} as Record<KpiName, Estimate>;
  for (const k of KPI_NAMES) summary[k] = estimate(results.map((r) => r.kpis[k]));
  let events = 0;
  let wallS = 0;
  for (const r of results) {
    events += r.perf.events;
    wallS += r.perf.wallS;
  }
  return {
    summary,
    byType: aggregateByType(results),
    coverage: aggregateCoverage(results),
    perf: { events, wallS },
  };
}
