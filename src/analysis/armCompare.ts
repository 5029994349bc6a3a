/**
 * Comparing two sets of replications run at different times: two saved
 * experiments, or one arm of each (A of one comparison, a sweep point of
 * another).
 *
 * Which interval is right depends on the seeds, not on the numbers:
 *
 * - **Same seeds, in the same order** (replication r of X and of Y both ran
 *   seed s_r): the engine drew every source of randomness from the seed, so
 *   X_r and Y_r saw the same cases at the same places and times (common
 *   random numbers). Their difference d_r = Y_r − X_r is paired, and the
 *   paired Student-t interval over replications applies — the one of
 *   compare.ts (`difference`), reused here, not written twice.
 * - **Otherwise** (other seeds, other counts, a different order): X and Y are
 *   independent samples, and the difference of their means gets Welch's
 *   interval, which does not assume equal variances:
 *
 *       (ȳ − x̄) ± t(0.975, ν) · √(s²x/nx + s²y/ny),
 *       ν = (s²x/nx + s²y/ny)² / ((s²x/nx)²/(nx−1) + (s²y/ny)²/(ny−1))
 *
 *   (Welch–Satterthwaite degrees of freedom). With two equal variances and
 *   equal n it is close to the pooled two-sample interval; with CRN pairs it
 *   would be far wider than the paired one, which is why the choice is
 *   made, and said, for the user.
 *
 * A replication with no value of a figure (null) is left out of that figure,
 * and in paired mode so is its partner. Pure.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { estimate, KPI_NAMES, type Estimate, type KpiName } from './aggregate.ts';
import { difference, type Difference } from './compare.ts';

export type ArmMethod = 'paired' | 'welch';

/** One set of replications: the seeds it ran and each KPI's value per replication (order of `seeds`). */
export interface Arm {
  seeds: number[];
  kpis: Partial<Record<KpiName, (number | null)[]>>;
}

export interface ArmComparison {
  method: ArmMethod;
  /** Replications of X and of Y; in paired mode the pairs. */
  nX: number;
  nY: number;
  /** Y − X for each KPI both arms carry, with X, Y and the interval of the method. */
  kpis: Partial<Record<KpiName, Difference>>;
}

/** Paired when both arms ran exactly the same seeds in the same order. */
export function armMethod(x: Pick<Arm, 'seeds'>, y: Pick<Arm, 'seeds'>): ArmMethod {
  return x.seeds.length > 0 && x.seeds.length === y.seeds.length && x.seeds.every((s, i) => s === y.seeds[i])
    ? 'paired'
    : 'welch';
}

/** The sample standard deviation behind a 95 % Student-t interval: s = half-width · √n / t(0.975, n − 1). */
function sdOf(e: Estimate): number | null {
  if (!e.ci95 || e.n < 2) return null;
  return (((e.ci95[1] - e.ci95[0]) / 2) * Math.sqrt(e.n)) / tQuantile(0.975, e.n - 1);
}

/**
 * Y − X with Welch's 95 % interval from each side's estimate (mean, 95 % CI,
 * n): the standard deviation comes back exactly from the interval's
 * half-width, so an experiment that kept only its means and intervals can
 * still be compared. No interval with fewer than two values on either side;
 * with no spread at all (both variances 0) the interval is the single point.
 */
export function welchFromEstimates(a: Estimate, b: Estimate): Difference {
  if (a.mean === null || b.mean === null) return { a, b, diff: { mean: null, ci95: null, n: 0 }, significant: null };
  const mean = b.mean - a.mean;
  const n = Math.min(a.n, b.n);
  const sa = sdOf(a),
    sb = sdOf(b);
  if (sa === null || sb === null) return { a, b, diff: { mean, ci95: null, n }, significant: null };
  const se2 = (sa * sa) / a.n + (sb * sb) / b.n;
  let ci95: [number, number];
  if (se2 === 0) ci95 = [mean, mean];
  else {
    const half = tQuantile(0.975, welchDf(sa * sa, a.n, sb * sb, b.n)) * Math.sqrt(se2);
    ci95 = [mean - half, mean + half];
  }
  return { a, b, diff: { mean, ci95, n }, significant: ci95[0] > 0 || ci95[1] < 0 };
}

/** Y − X of two independent samples with Welch's 95 % interval (nulls left out). */
export function welchDifference(x: readonly (number | null)[], y: readonly (number | null)[]): Difference {
  return welchFromEstimates(estimate(x), estimate(y));
}

/** Welch–Satterthwaite degrees of freedom of two samples' variances and sizes (exported for tests). */
export function welchDf(varX: number, nX: number, varY: number, nY: number): number {
  const vx = varX / nX,
    vy = varY / nY;
  return ((vx + vy) * (vx + vy)) / ((vx * vx) / (nX - 1) + (vy * vy) / (nY - 1));
}

/** Y − X of one figure's per-replication values: paired (same seeds; nulls drop their partner) or Welch. */
export function compareValues(
  x: readonly (number | null)[],
  y: readonly (number | null)[],
  method: ArmMethod,
): Difference {
  return method === 'paired' ? difference(x, y) : welchDifference(x, y);
}

/** Y − X for every KPI both arms carry, paired or Welch by the seeds (`method` forces one; paired needs equal seeds). */
export function compareArms(x: Arm, y: Arm, method: ArmMethod = armMethod(x, y)): ArmComparison {
  if (method === 'paired' && armMethod(x, y) !== 'paired')
    throw new RangeError('compareArms: a paired comparison needs the same seeds in the same order');
  const kpis: Partial<Record<KpiName, Difference>> = {};
  for (const k of KPI_NAMES) {
    const xv = x.kpis[k],
      yv = y.kpis[k];
    if (!xv || !yv) continue;
    kpis[k] = compareValues(xv, yv, method);
  }
  return { method, nX: x.seeds.length, nY: y.seeds.length, kpis };
}
