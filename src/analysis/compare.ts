/**
 * A/B comparison of two variants with common random numbers.
 *
 * The question is "what changes if we do B instead of A". Both variants run
 * replication r with the same seed (seed + r). The engine draws every source
 * of randomness from its own substream (src/sim/rng.ts), so A's and B's
 * replication r see the very same cases at the very same places and times:
 * their difference d_r = B_r − A_r is the policy's effect plus far less noise
 * than two independent runs would have. The estimate of the effect is the
 * mean of the d_r, and its 95 % confidence interval is the paired Student-t
 * interval over replications,
 *
 *     mean(d) ± t(0.975, R−1) · sd(d) / √R,
 *
 * valid because the pairs (A_r, B_r) are independent of each other. The
 * effect is *significant* when that interval excludes 0. With `independent`
 * mode B uses seeds shifted by a large constant instead: the same formula
 * then applies to independent pairs, and the interval is wider — by how much
 * is exactly what common random numbers buy (see the test).
 *
 * Beside the KPIs the comparison gives, per hour of day, the difference in
 * mean backlog and in SLA attainment over all grids, and per responsibility
 * grid the difference in its attainment over the day (only when A and B
 * have the same grids; a different grid size gives other grids, and then
 * there is nothing to pair). A replication contributes to a figure only when
 * both variants observed it (a grid-hour with no decided case has no
 * attainment), and `n` says how many did.
 *
 * Headcount. The runs say what each variant achieved; the scenarios say how
 * many staff it rostered to get there. A grid-size change alters the
 * headcount of every team placed per grid (their `staff` is per grid), so a
 * comparison also carries A's and B's rostered headcount — staff on duty by
 * hour, its peak and the staff-hours a day, read from the scenarios
 * (headcount.ts) — and verdict.ts says in words when they differ. Use the
 * `holdHeadcount` override to compare grid sizes at the same headcount.
 *
 * `compareResults` is pure (the app can call it as results stream in);
 * `runComparison` runs both variants on any Runner.
 */
import type { RunResult } from '../sim/result.ts';
import { estimate, KPI_NAMES, type Estimate, type KpiName } from './aggregate.ts';
import { headcountOfText, type Headcount } from './headcount.ts';
import { consecutiveSeeds, type Runner } from './runner.ts';

export type CompareMode = 'crn' | 'independent';

/** B's seeds in independent mode: seed + r + this. */
export const INDEPENDENT_SEED_OFFSET = 0x10000000;

export interface Difference {
  /** Estimate of A alone and of B alone, over the replications that observed each. */
  a: Estimate;
  b: Estimate;
  /** Mean and 95 % CI of B − A over the replications where both observed the figure. */
  diff: Estimate;
  /** The CI excludes 0; null without a CI (fewer than 2 pairs). */
  significant: boolean | null;
}

export interface GridComparison {
  /** A and B have the same responsibility grids (same ids, same order). */
  sameGrids: true;
  grids: string[];
  /** Per grid (order of `grids`): attainment over the day, A, B and B − A. */
  attainment: Difference[];
}

export interface GridMismatch {
  sameGrids: false;
  gridsA: number;
  gridsB: number;
  reason: { zh: string; en: string };
}

export interface Comparison {
  mode: CompareMode;
  replications: number;
  seedsA: number[];
  seedsB: number[];
  kpis: Record<KpiName, Difference>;
  byHour: {
    /** 24 entries, hour 0 = 00:00–00:59: time-averaged open cases. */
    backlog: Difference[];
    /** 24 entries: share of decided cases (all grids) that met their SLA, by hour of occurrence. */
    attainment: Difference[];
  };
  byGrid: GridComparison | GridMismatch;
}

/** A, B and the paired difference of one figure, from per-replication values. */
export function difference(a: readonly (number | null)[], b: readonly (number | null)[]): Difference {
  const d: (number | null)[] = [];
  for (let r = 0; r < Math.min(a.length, b.length); r++) {
    const x = a[r],
      y = b[r];
    d.push(x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y) ? null : y - x);
  }
  const diff = estimate(d);
  return {
    a: estimate(a),
    b: estimate(b),
    diff,
    significant: diff.ci95 === null ? null : diff.ci95[0] > 0 || diff.ci95[1] < 0,
  };
}

/** Per replication, attainment of all grids together in each hour: Σ met / Σ decided (null where none). */
export function attainmentByHour(r: RunResult): (number | null)[] {
  const out: (number | null)[] = [];
  for (let h = 0; h < 24; h++) {
    let met = 0,
      n = 0;
    for (let g = 0; g < r.coverage.grids.length; g++) {
      const c = r.coverage.cases[g][h];
      const a = r.coverage.attainment[g][h];
      if (c > 0 && a !== null) {
        met += a * c;
        n += c;
      }
    }
    out.push(n > 0 ? met / n : null);
  }
  return out;
}

/** Per replication, each grid's attainment over the day: Σ met / Σ decided over its hours (null where none). */
export function attainmentByGrid(r: RunResult): (number | null)[] {
  return r.coverage.grids.map((_, g) => {
    let met = 0,
      n = 0;
    for (let h = 0; h < 24; h++) {
      const c = r.coverage.cases[g][h];
      const a = r.coverage.attainment[g][h];
      if (c > 0 && a !== null) {
        met += a * c;
        n += c;
      }
    }
    return n > 0 ? met / n : null;
  });
}

function sameGrids(a: readonly RunResult[], b: readonly RunResult[]): boolean {
  const ga = a[0].coverage.grids,
    gb = b[0].coverage.grids;
  return ga.length === gb.length && ga.every((id, i) => id === gb[i]);
}

/**
 * Compares replications of A and B, paired by position: a[r] and b[r] must
 * be replication r of each (same seed in CRN mode). `mode` is recorded only.
 */
export function compareResults(
  a: readonly RunResult[],
  b: readonly RunResult[],
  mode: CompareMode = 'crn',
): Comparison {
  if (a.length === 0 || a.length !== b.length) {
    throw new RangeError(
      `compareResults: A and B need the same positive number of replications (got ${a.length} and ${b.length})`,
    );
  }
  const kpis = {} as Record<KpiName, Difference>;
  for (const k of KPI_NAMES)
    kpis[k] = difference(
      a.map((r) => r.kpis[k]),
      b.map((r) => r.kpis[k]),
    );

  const hourA = a.map(attainmentByHour),
    hourB = b.map(attainmentByHour);
  const backlog: Difference[] = [];
  const attainment: Difference[] = [];
  for (let h = 0; h < 24; h++) {
    backlog.push(
      difference(
        a.map((r) => r.backlogByHour[h] ?? null),
        b.map((r) => r.backlogByHour[h] ?? null),
      ),
    );
    attainment.push(
      difference(
        hourA.map((x) => x[h]),
        hourB.map((x) => x[h]),
      ),
    );
  }

  let byGrid: Comparison['byGrid'];
  if (sameGrids(a, b)) {
    const gA = a.map(attainmentByGrid),
      gB = b.map(attainmentByGrid);
    byGrid = {
      sameGrids: true,
      grids: a[0].coverage.grids.slice(),
      attainment: a[0].coverage.grids.map((_, g) =>
        difference(
          gA.map((x) => x[g]),
          gB.map((x) => x[g]),
        ),
      ),
    };
  } else {
    const nA = a[0].coverage.grids.length,
      nB = b[0].coverage.grids.length;
    byGrid = {
      sameGrids: false,
      gridsA: nA,
      gridsB: nB,
      reason: {
        zh: `A 与 B 的责任网格不同（${nA} 个对 ${nB} 个），无法逐网格比较`,
        en: `A and B have different responsibility grids (${nA} vs ${nB}): no per-grid comparison`,
      },
    };
  }
  return {
    mode,
    replications: a.length,
    seedsA: a.map((r) => r.seed),
    seedsB: b.map((r) => r.seed),
    kpis,
    byHour: { backlog, attainment },
    byGrid,
  };
}

export interface CompareOptions {
  /** Seed of replication 0: replication r uses seed + r (B: + INDEPENDENT_SEED_OFFSET in independent mode). */
  seed: number;
  replications: number;
  /** Overrides run.days of both variants. */
  days?: number;
  /** 'crn' (default): common random numbers. 'independent': B on other seeds. */
  mode?: CompareMode;
  /** Keep the per-case logs. */
  log?: boolean;
  /** Called after each finished replication of either variant. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** B's seeds for a mode. */
export function seedsFor(mode: CompareMode, seed: number, replications: number): { a: number[]; b: number[] } {
  const a = consecutiveSeeds(seed, replications);
  return { a, b: mode === 'crn' ? a.slice() : a.map((s) => s + INDEPENDENT_SEED_OFFSET) };
}

/** A's and B's rostered headcount (from the scenario texts); null when either does not parse. */
export function headcountsOf(aText: string, bText: string): { a: Headcount; b: Headcount } | null {
  const a = headcountOfText(aText),
    b = headcountOfText(bText);
  return a && b ? { a, b } : null;
}

/**
 * Runs A and B (scenario texts) on the runner and compares them. Both
 * variants' batches are queued at once. `headcount` is each variant's
 * rostered headcount.
 */
export async function runComparison(
  runner: Runner,
  aText: string,
  bText: string,
  opts: CompareOptions,
): Promise<{
  comparison: Comparison;
  a: RunResult[];
  b: RunResult[];
  headcount: { a: Headcount; b: Headcount } | null;
}> {
  const mode = opts.mode ?? 'crn';
  if (!Number.isInteger(opts.replications) || opts.replications < 1)
    throw new RangeError(`replications must be a positive integer, got ${opts.replications}`);
  const seeds = seedsFor(mode, opts.seed, opts.replications);
  const total = 2 * opts.replications;
  let done = 0;
  const onResult = () => opts.onProgress?.(++done, total);
  const common = { days: opts.days, log: opts.log, onResult, signal: opts.signal };
  const [a, b] = await Promise.all([runner(aText, seeds.a, common), runner(bText, seeds.b, common)]);
  return { comparison: compareResults(a, b, mode), a, b, headcount: headcountsOf(aText, bText) };
}
