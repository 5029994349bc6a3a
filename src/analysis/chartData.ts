/**
 * The data of every experiment chart, computed here and only drawn by the
 * components (src/ui/experiments/charts/*).
 *
 * Each chart shows an interval, and each interval is the one the tables
 * use: the Student-t 95 % CI over replications (aggregate.ts `estimate`),
 *
 *     mean ± t(0.975, n−1) · sd / √n,
 *
 * so a bar on a chart and a bracket in a table never disagree.
 * - **Sweep error bars**: each point's coverage index (y) against its
 *   staff-hours (x), both with their CIs; the frontier's points in order of
 *   cost. A share's interval is clipped to 0..100 % (a t interval knows no
 *   bounds; with 2 replications it can pass 100 %), and `clipped` says so.
 * - **Bands by hour**: A, B and B − A per hour of day from a comparison
 *   (its paired CIs), and coverage by hour across replications: each
 *   replication's share of decided cases (all grids) that met their SLA in
 *   that hour, its mean and CI over the replications that saw a case then.
 * - **Distributions**: the empirical distribution function (ECDF) of the
 *   response time (filed → on scene) and of the wait (filed → handling
 *   start) of every logged case of a type, pooled over replications, with
 *   the type's response deadline and the share of cases within it (pooled,
 *   and its CI over replications). An ECDF is a step function: F(x) = share
 *   of observations ≤ x, one step per distinct value.
 *
 * Pure: plain data in, plain data out.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { CaseRecord, RunResult } from '../sim/result.ts';
import { estimate } from './aggregate.ts';
import { attainmentByHour, type Comparison, type Difference } from './compare.ts';
import type { SweepPoint } from './sweep.ts';

/** A mean and its 95 % interval; lo/hi null without one (fewer than 2 observations). */
export interface Interval {
  mean: number | null;
  lo: number | null;
  hi: number | null;
  n: number;
}

function intervalOf(e: { mean: number | null; ci95: [number, number] | null; n: number } | null | undefined): Interval {
  if (!e) return { mean: null, lo: null, hi: null, n: 0 };
  return { mean: e.mean, lo: e.ci95?.[0] ?? null, hi: e.ci95?.[1] ?? null, n: e.n };
}

/** The t-based 95 % interval of some per-replication values (nulls skipped). */
export function tInterval(values: readonly (number | null)[]): Interval {
  return intervalOf(estimate(values));
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

// ---------------------------------------------------------------- sweep

export interface ErrorBarPoint {
  /** The sweep point's index. */
  index: number;
  /** Mean staff-hours and its CI. */
  x: number;
  xLo: number | null;
  xHi: number | null;
  /** Mean coverage index (share 0..1) and its CI, clipped to 0..1. */
  y: number;
  yLo: number | null;
  yHi: number | null;
  /** The CI reached past 0 or 1 and was clipped there. */
  clipped: boolean;
  onFrontier: boolean;
}

export interface SweepChartData {
  /** Points with a coverage index and staff-hours, cheapest first. */
  points: ErrorBarPoint[];
  /** The frontier's points, cheapest first (the line through them). */
  frontier: ErrorBarPoint[];
}

export function sweepChartData(points: readonly SweepPoint[], frontier: readonly number[]): SweepChartData {
  const front = new Set(frontier);
  const out: ErrorBarPoint[] = [];
  for (const p of points) {
    const c = p.coverageIndex,
      s = p.staffHours;
    if (c?.mean == null || s?.mean == null) continue;
    const yLo = c.ci95 ? clamp01(c.ci95[0]) : null;
    const yHi = c.ci95 ? clamp01(c.ci95[1]) : null;
    out.push({
      index: p.index,
      x: s.mean,
      xLo: s.ci95?.[0] ?? null,
      xHi: s.ci95?.[1] ?? null,
      y: c.mean,
      yLo,
      yHi,
      clipped: c.ci95 !== null && (c.ci95[0] < 0 || c.ci95[1] > 1),
      onFrontier: front.has(p.index),
    });
  }
  out.sort((a, b) => a.x - b.x || b.y - a.y || a.index - b.index);
  return { points: out, frontier: out.filter((p) => p.onFrontier) };
}

// ---------------------------------------------------------------- by hour

/** One hour's interval. */
export interface HourBand extends Interval {
  hour: number;
}

export interface HourBands {
  a: HourBand[];
  b: HourBand[];
  diff: HourBand[];
}

const toBands = (ds: readonly Difference[], pick: (d: Difference) => Interval): HourBand[] =>
  ds.map((d, hour) => ({ hour, ...pick(d) }));

/** An interval of a share with its ends clipped to 0..1. */
const clipShare = (iv: Interval): Interval => ({
  ...iv,
  lo: iv.lo === null ? null : clamp01(iv.lo),
  hi: iv.hi === null ? null : clamp01(iv.hi),
});

/**
 * A's, B's and B − A's mean and 95 % CI per hour of day, from a comparison
 * (paired CIs for B − A). Attainment is a share: A's and B's intervals are
 * clipped to 0..1 (B − A's, a difference, is not).
 */
export function hourBands(c: Comparison, what: 'attainment' | 'backlog'): HourBands {
  const ds = c.byHour[what];
  const own = what === 'attainment' ? clipShare : (iv: Interval) => iv;
  return {
    a: toBands(ds, (d) => own(intervalOf(d.a))),
    b: toBands(ds, (d) => own(intervalOf(d.b))),
    diff: toBands(ds, (d) => intervalOf(d.diff)),
  };
}

/**
 * Coverage by hour across replications: `perReplication[r][h]` is
 * replication r's attainment of all grids in hour h (compare.ts
 * `attainmentByHour`); per hour the mean and t CI over the replications
 * that saw a decided case then, clipped to 0..1.
 */
export function coverageHourBands(perReplication: readonly (readonly (number | null)[])[]): HourBand[] {
  const out: HourBand[] = [];
  for (let h = 0; h < 24; h++) {
    const iv = tInterval(perReplication.map((r) => r[h] ?? null));
    out.push({
      hour: h,
      mean: iv.mean,
      lo: iv.lo === null ? null : clamp01(iv.lo),
      hi: iv.hi === null ? null : clamp01(iv.hi),
      n: iv.n,
    });
  }
  return out;
}

/** Per replication, the 24 hourly attainments (for coverageHourBands). */
export function hourlyAttainment(results: readonly RunResult[]): (number | null)[][] {
  return results.map(attainmentByHour);
}

/**
 * One replication's coverage by hour: of the grids with a decided case in
 * hour h, the share whose attainment is at or above the target (the
 * coverage matrix's bottom row); null in an hour without cases.
 */
export function coverageShareByHour(r: RunResult): (number | null)[] {
  const { attainment, cases, target } = r.coverage;
  const out: (number | null)[] = [];
  for (let h = 0; h < 24; h++) {
    let met = 0,
      n = 0;
    for (let g = 0; g < attainment.length; g++) {
      const a = attainment[g][h];
      if (a === null || !(cases[g][h] > 0)) continue;
      n++;
      if (a >= target) met++;
    }
    out.push(n > 0 ? met / n : null);
  }
  return out;
}

// ---------------------------------------------------------------- distributions

/** An empirical distribution function: F(x[i]) = p[i] (share of observations ≤ x[i]); x ascending, distinct. */
export interface Ecdf {
  x: number[];
  p: number[];
  n: number;
}

/** The ECDF of some values (non-finite ones dropped): one step per distinct value. */
export function ecdf(values: readonly number[]): Ecdf {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = xs.length;
  const x: number[] = [],
    p: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i + 1 < n && xs[i + 1] === xs[i]) continue; // the step is at the last of equal values
    x.push(xs[i]);
    p.push((i + 1) / n);
  }
  return { x, p, n };
}

/** F(v): the share of observations ≤ v (0 below the first). */
export function ecdfAt(e: Ecdf, v: number): number {
  let lo = 0,
    hi = e.x.length; // first index with x > v
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (e.x[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : e.p[lo - 1];
}

/**
 * At most `max` steps of an ECDF for drawing: the steps kept are those where
 * F first reaches each 1/max of the way up, plus the last; every kept step is
 * an exact point of the ECDF (a drawn curve never shows a value it does not take).
 */
export function thinEcdf(e: Ecdf, max = 200): Ecdf {
  if (e.x.length <= max) return e;
  const x: number[] = [],
    p: number[] = [];
  let next = 0;
  for (let i = 0; i < e.x.length; i++) {
    const last = i === e.x.length - 1;
    if (e.p[i] >= next || last) {
      x.push(e.x[i]);
      p.push(e.p[i]);
      next = Math.floor(e.p[i] * max + 1) / max;
    }
  }
  return { x, p, n: e.n };
}

/** What the distribution chart needs to know of an event type. */
export interface TypeInfo {
  id: string;
  name: { zh: string; en: string };
  responseDeadlineS: number;
}

/** The event types of a scenario as the distribution chart needs them. */
export function typeInfos(sc: Scenario): TypeInfo[] {
  return sc.eventTypes.map((t) => ({ id: t.id, name: t.name, responseDeadlineS: t.responseDeadlineMin * 60 }));
}

export interface TypeDistribution {
  id: string;
  name: { zh: string; en: string };
  /** Response (filed → on scene), seconds, pooled over replications; thinned for drawing. */
  response: Ecdf;
  /** Wait (filed → handling start), seconds. */
  wait: Ecdf;
  responseDeadlineS: number;
  /** Pooled share of responses within the deadline (the ECDF at the deadline). */
  withinDeadline: number | null;
  /** Per-replication share within the deadline: mean and t CI over replications. */
  withinDeadlineCi: Interval;
}

const responseOf = (c: CaseRecord) => (c.filedS >= 0 && c.onSceneS >= 0 ? c.onSceneS - c.filedS : NaN);
const waitOf = (c: CaseRecord) => (c.filedS >= 0 && c.handlingStartS >= 0 ? c.handlingStartS - c.filedS : NaN);

/**
 * Per event type (in the order of `types`; types without a logged response
 * left out), the response and wait ECDFs pooled over the replications' case
 * logs, and the share of responses within the type's deadline.
 */
export function typeDistributions(
  logs: readonly (readonly CaseRecord[])[],
  types: readonly TypeInfo[],
  maxSteps = 200,
): TypeDistribution[] {
  const out: TypeDistribution[] = [];
  for (const t of types) {
    const resp: number[] = [],
      wait: number[] = [];
    const shares: (number | null)[] = [];
    for (const log of logs) {
      let within = 0,
        n = 0;
      for (const c of log) {
        if (c.type !== t.id) continue;
        const r = responseOf(c);
        if (Number.isFinite(r)) {
          resp.push(r);
          n++;
          if (r <= t.responseDeadlineS) within++;
        }
        const w = waitOf(c);
        if (Number.isFinite(w)) wait.push(w);
      }
      shares.push(n > 0 ? within / n : null);
    }
    if (resp.length === 0) continue;
    const full = ecdf(resp);
    out.push({
      id: t.id,
      name: t.name,
      response: thinEcdf(full, maxSteps),
      wait: thinEcdf(ecdf(wait), maxSteps),
      responseDeadlineS: t.responseDeadlineS,
      withinDeadline: ecdfAt(full, t.responseDeadlineS),
      withinDeadlineCi: tInterval(shares),
    });
  }
  return out;
}

// ---------------------------------------------------------------- axes

/** "Nice" ticks (1, 2, 2.5, 5 × 10^k) covering [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}
