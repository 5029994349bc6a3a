/**
 * Replicate until precise enough.
 *
 * How many replications are enough depends on how noisy a KPI is, which is
 * unknown before running. So run them in batches and stop once every chosen
 * KPI's 95 % confidence interval is narrow enough:
 *
 *     replicateUntil(runner, text, { seed: 1, targets: { meanWaitS: 30, coverageIndex: { relative: 0.02 } } })
 *
 * runs batches of replications (seeds seed, seed + 1, ...) until the
 * half-width of meanWaitS is at most 30 s and that of coverageIndex at most
 * 2 % of its mean, or `maxReplications` is reached. After every batch the
 * progress callback gets the current estimates, so the app can show the
 * intervals narrowing live.
 *
 * A caveat worth knowing: stopping when the interval first looks narrow
 * enough makes the final interval's coverage slightly below the nominal 95 %
 * (the rule favours samples whose spread happened to be small). A minimum of
 * a few replications (`minReplications`, default 5) and whole batches keep
 * the effect small; for a publication-grade interval, fix R in advance.
 *
 * The result depends only on the inputs: batches are deterministic (the same
 * seeds, aggregated in replication order), whatever runner ran them.
 */
import type { RunResult } from '../sim/result.ts';
import { aggregate, type Aggregate, type Estimate, type KpiName } from './aggregate.ts';
import { consecutiveSeeds, type Runner } from './runner.ts';

/** A half-width target: absolute (in the KPI's stored unit: seconds, share, count, hours, CNY) or relative to |mean|. */
export type HalfWidthTarget = number | { relative: number };

export interface ReplicateOptions {
  /** Seed of replication 0. */
  seed: number;
  /** KPIs to watch and their half-width targets. */
  targets: Partial<Record<KpiName, HalfWidthTarget>>;
  /** Replications per batch (default 4; use the pool size or a multiple). */
  batchSize?: number;
  /** Never stop before this many (default 5, at least 2). */
  minReplications?: number;
  /** Stop here even if a target is not met (default 100). */
  maxReplications?: number;
  /** Overrides the scenario's run.days. */
  days?: number;
  onProgress?: (p: ReplicateProgress) => void;
  signal?: AbortSignal;
}

export interface TargetStatus {
  kpi: KpiName;
  /** The target half-width in the KPI's unit (a relative target resolved against the current mean); null while unknown. */
  target: number | null;
  halfWidth: number | null;
  met: boolean;
}

export interface ReplicateProgress {
  replications: number;
  summary: Record<KpiName, Estimate>;
  targets: TargetStatus[];
  /** Whether this is the last report. */
  done: boolean;
}

export interface ReplicateResult {
  results: RunResult[];
  aggregate: Aggregate;
  replications: number;
  targets: TargetStatus[];
  /** Every target met (else the maximum was reached). */
  converged: boolean;
}

/** Half-width of a 95 % interval, or null without one. */
export function halfWidth(e: Estimate): number | null {
  return e.ci95 === null ? null : (e.ci95[1] - e.ci95[0]) / 2;
}

/** Status of each target against the current summary. */
export function targetStatus(
  summary: Record<KpiName, Estimate>,
  targets: Partial<Record<KpiName, HalfWidthTarget>>,
): TargetStatus[] {
  return (Object.keys(targets) as KpiName[]).map((kpi) => {
    const e = summary[kpi];
    const t = targets[kpi]!;
    const target = typeof t === 'number' ? t : e.mean === null ? null : t.relative * Math.abs(e.mean);
    const hw = halfWidth(e);
    return { kpi, target, halfWidth: hw, met: hw !== null && target !== null && hw <= target };
  });
}

export async function replicateUntil(
  runner: Runner,
  scenarioText: string,
  opts: ReplicateOptions,
): Promise<ReplicateResult> {
  const batch = Math.max(1, Math.floor(opts.batchSize ?? 4));
  const min = Math.max(2, Math.floor(opts.minReplications ?? 5));
  const max = Math.max(min, Math.floor(opts.maxReplications ?? 100));
  if (Object.keys(opts.targets).length === 0) throw new RangeError('replicateUntil: give at least one KPI target');
  for (const [k, t] of Object.entries(opts.targets)) {
    const v = typeof t === 'number' ? t : t?.relative;
    if (typeof v !== 'number' || !(v > 0)) throw new RangeError(`replicateUntil: the target for ${k} must be positive`);
  }
  const results: RunResult[] = [];
  for (;;) {
    const want = results.length === 0 ? Math.max(min, batch) : batch;
    const n = Math.min(want, max - results.length);
    const seeds = consecutiveSeeds(opts.seed + results.length, n);
    results.push(...(await runner(scenarioText, seeds, { days: opts.days, signal: opts.signal })));
    const agg = aggregate(results);
    const status = targetStatus(agg.summary, opts.targets);
    const converged = status.every((s) => s.met);
    const done = converged || results.length >= max;
    opts.onProgress?.({ replications: results.length, summary: agg.summary, targets: status, done });
    if (done) return { results, aggregate: agg, replications: results.length, targets: status, converged };
  }
}
