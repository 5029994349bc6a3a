/**
 * Sweeps and the cost frontier.
 *
 * A sweep varies one or two scenario fields (override paths, see
 * overrides.ts) over lists of values — say night staff 2..20 × grid size
 * 3..9 — and runs R replications at every combination (the cartesian
 * product, first parameter outermost). Every point uses the same seeds, so
 * points differ by their settings, not by their luck (common random numbers),
 * and a curve over the points is smooth rather than jagged.
 *
 * Each point reports its coverage index, SLA attainment, staff-hours and
 * cost (mean and 95 % CI). A combination the scenario cannot take (a grid
 * size that does not divide the city) is kept as a point with an `error`
 * and no estimates; a sweep where no combination is valid throws.
 *
 * Each point also carries its rostered `headcount` (staff on duty by hour,
 * peak, staff-hours a day; headcount.ts), read from its variant, not from
 * the runs: a grid-size sweep with per-grid teams changes the headcount at
 * every point, and the table must show that beside the coverage it buys.
 * `holdHeadcount: true` among `baseOverrides` keeps it at the base's.
 *
 * `frontier` picks the points worth paying for: those no other point beats
 * on both coverage and cost. Plotting coverage index against staff-hours,
 * the frontier is the upper-left edge — for each budget, the best coverage
 * on offer.
 */
import type { Kpis, RunResult } from '../sim/result.ts';
import { aggregate, type Estimate } from './aggregate.ts';
import { headcountOf, type Headcount } from './headcount.ts';
import { applyOverridesParsed, describeOverrides, OverrideError, scenarioRaw, type Overrides } from './overrides.ts';
import { consecutiveSeeds, type Runner } from './runner.ts';

export interface SweepParam {
  /** Override path (or named convenience). */
  path: string;
  values: unknown[];
}

export interface SweepOptions {
  seed: number;
  /** Replications per point. */
  replications: number;
  days?: number;
  /** Applied at every point before the swept values. */
  baseOverrides?: Overrides;
  /** Called as each point finishes (in completion order). */
  onPoint?: (point: SweepPoint, done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface SweepPoint {
  /** Position in the cartesian product (first parameter outermost). */
  index: number;
  /** The swept values only, by path. */
  values: Overrides;
  /** Everything applied at this point: base overrides, then the swept values. */
  overrides: Overrides;
  /** Why this combination could not run (bilingual), when it could not. */
  error?: string;
  coverageIndex: Estimate | null;
  slaAttainment: Estimate | null;
  staffHours: Estimate | null;
  costCny: Estimate | null;
  /** Rostered headcount of this point's variant; null when it could not be built. */
  headcount: Headcount | null;
  /** On the coverage/staff-hours frontier. */
  onFrontier: boolean;
  /** Every replication's seed and KPIs at this point, in replication order (absent when it could not run): the per-replication rows of the downloads. */
  replications?: { seed: number; kpis: Kpis }[];
}

export interface SweepResult {
  params: SweepParam[];
  seeds: number[];
  /** Rostered headcount of the scenario as given (before any override). */
  baseHeadcount: Headcount;
  points: SweepPoint[];
  /** Indices of the frontier points, cheapest first. */
  frontier: number[];
}

/** The cartesian product of the parameters' values, first parameter outermost. */
export function sweepGrid(params: readonly SweepParam[]): Overrides[] {
  let combos: Overrides[] = [{}];
  for (const p of params) {
    if (p.values.length === 0) throw new RangeError(`sweep: no values for ${p.path}`);
    combos = combos.flatMap((c) => p.values.map((v) => ({ ...c, [p.path]: v })));
  }
  return combos;
}

/** Pareto dominance on (coverage up, staff-hours down): p is at least as good on both and better on one. */
function dominates(p: SweepPoint, q: SweepPoint): boolean {
  const pc = p.coverageIndex!.mean!,
    qc = q.coverageIndex!.mean!;
  const ps = p.staffHours!.mean!,
    qs = q.staffHours!.mean!;
  return pc >= qc && ps <= qs && (pc > qc || ps < qs);
}

/**
 * The Pareto set of points with a coverage index and staff-hours: those that
 * no other point dominates (at least as high coverage and at most as many
 * staff-hours, strictly better on one). Points equal on both are all kept.
 * Sorted by staff-hours, then coverage.
 */
export function frontier<P extends SweepPoint>(points: readonly P[]): P[] {
  const ok = points.filter((p) => p.coverageIndex?.mean != null && p.staffHours?.mean != null);
  return ok
    .filter((p) => !ok.some((q) => q !== p && dominates(q, p)))
    .sort(
      (p, q) =>
        p.staffHours!.mean! - q.staffHours!.mean! ||
        q.coverageIndex!.mean! - p.coverageIndex!.mean! ||
        p.index - q.index,
    );
}

export async function sweep(
  runner: Runner,
  base: string | object,
  params: readonly SweepParam[],
  opts: SweepOptions,
): Promise<SweepResult> {
  if (params.length < 1 || params.length > 2) throw new RangeError('sweep: give one or two parameters');
  if (!Number.isInteger(opts.replications) || opts.replications < 1)
    throw new RangeError(`replications must be a positive integer, got ${opts.replications}`);
  const raw = scenarioRaw(base);
  const seeds = consecutiveSeeds(opts.seed, opts.replications);
  const combos = sweepGrid(params);
  const empty = {
    coverageIndex: null,
    slaAttainment: null,
    staffHours: null,
    costCny: null,
    headcount: null,
    onFrontier: false,
  };
  const baseHeadcount = headcountOf(applyOverridesParsed(raw, {}).scenario); // throws on an invalid base

  // Build every variant first: bad paths fail before anything runs.
  const prepared = combos.map((values, index) => {
    const overrides = { ...(opts.baseOverrides ?? {}), ...values };
    try {
      const v = applyOverridesParsed(raw, overrides);
      return { index, values, overrides, text: JSON.stringify(v.raw), headcount: headcountOf(v.scenario) };
    } catch (err) {
      if (
        err instanceof OverrideError &&
        err.errors.some((e) => e.code === 'override_path' || e.code === 'override_syntax' || e.code === 'forbidden_key')
      )
        throw err;
      if (err instanceof OverrideError) return { index, values, overrides, error: err.message };
      throw err;
    }
  });
  if (prepared.every((p) => 'error' in p)) {
    throw new OverrideError(describeOverrides(combos[0]), [
      {
        path: '$',
        code: 'sweep_all_invalid',
        zh: `所有 ${combos.length} 个组合都无效，例如：${(prepared[0] as { error: string }).error}`,
        en: `all ${combos.length} combinations are invalid, e.g.: ${(prepared[0] as { error: string }).error}`,
      },
    ]);
  }

  let done = 0;
  const points = await Promise.all(
    prepared.map(async (p): Promise<SweepPoint> => {
      let point: SweepPoint;
      if ('error' in p) {
        point = { index: p.index, values: p.values, overrides: p.overrides, error: p.error, ...empty };
      } else {
        const results: RunResult[] = await runner(p.text!, seeds, { days: opts.days, signal: opts.signal });
        const s = aggregate(results).summary;
        point = {
          index: p.index,
          values: p.values,
          overrides: p.overrides,
          coverageIndex: s.coverageIndex,
          slaAttainment: s.slaAttainment,
          staffHours: s.staffHours,
          costCny: s.costCny,
          headcount: p.headcount!,
          onFrontier: false,
          replications: results.map((r) => ({ seed: r.seed, kpis: r.kpis })),
        };
      }
      opts.onPoint?.(point, ++done, prepared.length);
      return point;
    }),
  );
  const front = frontier(points);
  for (const p of front) p.onFrontier = true;
  return {
    params: params.map((p) => ({ path: p.path, values: p.values.slice() })),
    seeds,
    baseHeadcount,
    points,
    frontier: front.map((p) => p.index),
  };
}
