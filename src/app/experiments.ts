/**
 * The experiments controller: replications, A/B comparisons, sweeps and the
 * staffing search, run on the browser worker pool (src/client/pool.ts) with
 * the analysis layer's pure functions (src/analysis/*), their state in a
 * small store the Experiments panels read.
 *
 * Every job runs the scenario that is loaded in the live twin (its text),
 * so an edit applied from the editor is what the next experiment runs.
 * Results stream in: after each finished replication the job's estimates are
 * recomputed over the replications finished so far (in replication order),
 * so confidence intervals narrow on screen as the pool works. A comparison
 * queues A and B replication by replication (A0, B0, A1, B1, …) so complete
 * pairs, and with them the paired differences, arrive early.
 *
 * A comparison and a sweep also carry the rostered headcount of each
 * variant (analysis/headcount.ts), read from the scenario texts when the
 * job starts, so the panels can say at once when B (or a sweep point) puts
 * a different number of staff on duty; a sweep keeps its parameters' names
 * in words (analysis/paramLabels.ts) as they were when it started.
 *
 * Starting a job cancels the previous job of the same kind (the pool stops
 * its workers); jobs of different kinds share the pool. The full results
 * of the last finished job of each kind stay here (not in the store) for the
 * downloads (exportFiles.ts).
 */
import { aggregate, estimate, KPI_NAMES, type Aggregate, type Estimate, type KpiName } from '../analysis/aggregate.ts';
import { compareResults, headcountsOf, seedsFor, type CompareMode, type Comparison } from '../analysis/compare.ts';
import { headcountOfText, type Headcount } from '../analysis/headcount.ts';
import { paramLabel, type Bilingual } from '../analysis/paramLabels.ts';
import { parseScenario } from '../scenario/load.ts';
import {
  coverageShareByHour,
  typeDistributions,
  typeInfos,
  type TypeDistribution,
  type TypeInfo,
} from '../analysis/chartData.ts';
import { attainmentByHour } from '../analysis/compare.ts';
import {
  applyOverridesToText,
  InvalidBaseScenarioError,
  OverrideError,
  type Overrides,
} from '../analysis/overrides.ts';
import { replicateUntil, targetStatus, type HalfWidthTarget, type TargetStatus } from '../analysis/replicate.ts';
import { consecutiveSeeds, type Runner } from '../analysis/runner.ts';
import {
  findStaffing,
  type ShiftRef,
  type StaffingCriterion,
  type StaffingEvaluation,
  type StaffingPlan,
} from '../analysis/staffing.ts';
import { frontier, sweep, type SweepParam, type SweepPoint, type SweepResult } from '../analysis/sweep.ts';
import type { ScenarioError } from '../scenario/messages.ts';
import { experimentCommand, scenarioFileName, staffingSpec } from '../export/experiment.ts';
import type { RunResult } from '../sim/result.ts';
import { createBrowserPool, type BrowserPool, type PoolLoad } from '../client/pool.ts';
import type { Controller } from './controller.ts';
import { createStore, type DeltaOverlay, type Store } from './store.ts';

export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';
export type ExperimentsTab =
  | 'replications'
  | 'compare'
  | 'sweep'
  | 'diagnose'
  | 'optimise'
  | 'downloads'
  /** Saved experiments (savedExperiments.ts). */
  | 'history';

/** A failed job's reason, in both languages, with the scenario errors when an override or the scenario was invalid. */
export interface JobError {
  zh: string;
  en: string;
  errors?: ScenarioError[];
}

interface JobBase {
  status: JobStatus;
  error: JobError | null;
  scenarioId: string;
  seed: number;
  /** Replications finished and planned (for until-mode: the maximum). */
  done: number;
  total: number;
  /** Wall-clock seconds since the job started (updated as results arrive). */
  elapsedS: number;
}

export interface ReplicationsJob extends JobBase {
  mode: 'fixed' | 'until';
  /** Estimates over the replications finished so far. */
  summary: Record<KpiName, Estimate> | null;
  /** Until-mode: each watched KPI's half-width against its target. */
  targets: TargetStatus[] | null;
  converged: boolean | null;
  /** Estimates after each finished replication (n = index + 1): the intervals narrowing. */
  history: Record<KpiName, Estimate>[];
  log: boolean;
  /** Per finished replication (replication order), SLA attainment and coverage by hour: the charts' bands. */
  hourly: HourlySeries;
  /** Per event type, response and wait distributions over the case logs (when kept), once done. */
  distributions: TypeDistribution[] | null;
}

/** Per replication, 24 values each. */
export interface HourlySeries {
  attainment: (number | null)[][];
  coverage: (number | null)[][];
}

export interface ComparisonJob extends JobBase {
  overrides: Overrides;
  mode: CompareMode;
  /** Complete A/B pairs the comparison is over. */
  pairs: number;
  comparison: Comparison | null;
  /** A's and B's rostered headcount, known as soon as B is built. */
  headcount: { a: Headcount; b: Headcount } | null;
  log: boolean;
  /** A's and B's response and wait distributions per event type (when the logs were kept), once done. */
  distributions: { a: TypeDistribution[]; b: TypeDistribution[] } | null;
}

export interface SweepJob extends JobBase {
  params: SweepParam[];
  /** Every override at every point before the swept values (e.g. holdHeadcount). */
  baseOverrides: Overrides;
  /** Each parameter's name in words, by path (and of the base overrides). */
  labels: Record<string, Bilingual>;
  /** Rostered headcount of the scenario as it was when the sweep started. */
  baseHeadcount: Headcount | null;
  replications: number;
  /** Points finished so far (by index); the frontier among them. */
  points: SweepPoint[];
  frontier: number[];
}

export interface StaffingJob extends JobBase {
  shift: ShiftRef | null;
  target: number;
  confidence: number;
  criterion: StaffingCriterion;
  evaluations: StaffingEvaluation[];
  plan: StaffingPlan | null;
}

export interface ExperimentsState {
  tab: ExperimentsTab;
  poolSize: number;
  load: PoolLoad;
  replications: ReplicationsJob;
  comparison: ComparisonJob;
  sweep: SweepJob;
  staffing: StaffingJob;
}

/** The full results of the last finished jobs (for downloads). */
export interface LastRuns {
  replications: {
    scenarioText: string;
    seed: number;
    results: RunResult[];
    aggregate: Aggregate;
    command: string;
  } | null;
  comparison: {
    aText: string;
    overrides: Overrides;
    seed: number;
    mode: CompareMode;
    seedsB: number[];
    a: RunResult[];
    b: RunResult[];
    comparison: Comparison;
    command: string;
    /** A's and B's rostered headcount (absent: not known). */
    headcount?: { a: Headcount; b: Headcount } | null;
  } | null;
  sweep: {
    scenarioText: string;
    seed: number;
    result: SweepResult;
    command: string;
    /** Applied at every point first (absent in older records: none). */
    baseOverrides?: Overrides;
  } | null;
  /** Each staff count's replications (seed and KPIs) of the last staffing search: what makes its counts comparable, paired. */
  staffing: {
    byStaff: Record<number, Pick<RunResult, 'seed' | 'kpis'>[]>;
    /** The scenario searched, the request and the plan (for the download's manifest and files). */
    scenarioText?: string;
    request?: StaffingRequest;
    plan?: StaffingPlan;
    command?: string;
  } | null;
}

export interface ReplicationsRequest {
  seed: number;
  replications: number;
  /** Keep the per-case logs (for the Arrow download). */
  log: boolean;
}

export interface UntilRequest {
  seed: number;
  targets: Partial<Record<KpiName, HalfWidthTarget>>;
  minReplications: number;
  maxReplications: number;
  log: boolean;
}

export interface ComparisonRequest {
  seed: number;
  replications: number;
  overrides: Overrides;
  mode: CompareMode;
  log: boolean;
}

export interface SweepRequest {
  seed: number;
  replications: number;
  params: SweepParam[];
  /** Applied at every point first, e.g. `{ holdHeadcount: true }`. */
  baseOverrides?: Overrides;
}

export interface StaffingRequest {
  seed: number;
  replications: number;
  shift: ShiftRef;
  target: number;
  confidence: number;
  criterion: StaffingCriterion;
}

type JobKind = 'replications' | 'comparison' | 'sweep' | 'staffing';

export interface ExperimentsController {
  store: Store<ExperimentsState>;
  pool: BrowserPool;
  /** Full results of the last finished jobs. */
  last: LastRuns;
  setTab(tab: ExperimentsTab): void;
  runReplications(r: ReplicationsRequest): Promise<void>;
  runUntil(r: UntilRequest): Promise<void>;
  runComparison(r: ComparisonRequest): Promise<void>;
  runSweep(r: SweepRequest): Promise<void>;
  runStaffing(r: StaffingRequest): Promise<void>;
  cancel(kind: JobKind): void;
  /** Colour the 3D view by the last comparison's per-grid B − A attainment. Returns false when there is nothing to show (different grids, no comparison). */
  showDelta(): boolean;
  dispose(): void;
}

function idleBase(): JobBase {
  return { status: 'idle', error: null, scenarioId: '', seed: 1, done: 0, total: 0, elapsedS: 0 };
}

export function initialExperimentsState(poolSize: number): ExperimentsState {
  return {
    tab: 'replications',
    poolSize,
    load: { running: 0, queued: 0, workers: 0 },
    replications: {
      ...idleBase(),
      mode: 'fixed',
      summary: null,
      targets: null,
      converged: null,
      history: [],
      log: true,
      hourly: { attainment: [], coverage: [] },
      distributions: null,
    },
    comparison: {
      ...idleBase(),
      overrides: {},
      mode: 'crn',
      pairs: 0,
      comparison: null,
      headcount: null,
      log: true,
      distributions: null,
    },
    sweep: {
      ...idleBase(),
      params: [],
      baseOverrides: {},
      labels: {},
      baseHeadcount: null,
      replications: 0,
      points: [],
      frontier: [],
    },
    staffing: {
      ...idleBase(),
      shift: null,
      target: 0.8,
      confidence: 0.95,
      criterion: 'coverage',
      evaluations: [],
      plan: null,
    },
  };
}

/** A thrown value as a bilingual job error. */
export function jobError(err: unknown): JobError {
  if (err instanceof OverrideError || err instanceof InvalidBaseScenarioError) {
    return { zh: '场景或覆盖项无效', en: 'the scenario or an override is invalid', errors: err.errors };
  }
  const msg = err instanceof Error ? err.message : String(err);
  return { zh: `运行失败：${msg}`, en: `Run failed: ${msg}` };
}

const isAbort = (err: unknown) => err instanceof Error && err.name === 'AbortError';

/** Each path's name in words, teams and shifts named as in the scenario text. */
export function labelsOf(text: string, paths: readonly string[]): Record<string, Bilingual> {
  const parsed = parseScenario(text);
  const sc = parsed.ok ? parsed.scenario : null;
  return Object.fromEntries(paths.map((p) => [p, paramLabel(p, sc)]));
}

/** Attainment and coverage by hour of each replication. */
export function hourlyOf(results: readonly RunResult[]): HourlySeries {
  return { attainment: results.map(attainmentByHour), coverage: results.map(coverageShareByHour) };
}

/** The event types of a scenario text (none when it does not parse). */
function typesOf(text: string): TypeInfo[] {
  const parsed = parseScenario(text);
  return parsed.ok ? typeInfos(parsed.scenario) : [];
}

/** Per-type distributions of the runs' case logs; null without logs. */
export function distributionsOf(text: string, results: readonly RunResult[]): TypeDistribution[] | null {
  if (results.length === 0 || results.some((r) => !r.log)) return null;
  return typeDistributions(
    results.map((r) => r.log!),
    typesOf(text),
  );
}

/** Estimates of every KPI over some replications. */
function summaryOf(results: readonly RunResult[]): Record<KpiName, Estimate> {
  const out = {} as Record<KpiName, Estimate>;
  for (const k of KPI_NAMES) out[k] = estimate(results.map((r) => r.kpis[k]));
  return out;
}

/** The finished entries of a sparse array, in index order. */
function finished<T>(xs: readonly (T | undefined)[]): T[] {
  const out: T[] = [];
  for (const x of xs) if (x !== undefined) out.push(x);
  return out;
}

/**
 * The per-grid difference of a comparison mapped onto a layout's grids (by
 * id); null when the comparison has no per-grid figures (different grids)
 * or none of its grids is in the layout.
 */
export function deltaOverlay(c: Comparison, layoutGridIds: readonly string[]): DeltaOverlay | null {
  if (!c.byGrid.sameGrids) return null;
  const byId = new Map(c.byGrid.grids.map((id, i) => [id, c.byGrid.sameGrids ? c.byGrid.attainment[i] : null]));
  const values = new Float32Array(layoutGridIds.length).fill(NaN);
  const significant = new Uint8Array(layoutGridIds.length);
  const mags: number[] = [];
  layoutGridIds.forEach((id, g) => {
    const d = byId.get(id);
    const m = d?.diff.mean;
    if (m === null || m === undefined || !Number.isFinite(m)) return;
    values[g] = m;
    significant[g] = d!.significant ? 1 : 0;
    mags.push(Math.abs(m));
  });
  if (mags.length === 0) return null;
  return { values, significant, maxAbs: deltaScale(mags) };
}

/**
 * Half-range of the delta colour scale: the 90th percentile of |B − A| over
 * the grids (at least 1 percentage point), so one noisy grid with few cases
 * does not wash every other grid out to grey; larger differences take the
 * ends of the scale.
 */
export function deltaScale(magnitudes: readonly number[]): number {
  const xs = magnitudes.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return 0.01;
  const q = xs[Math.min(xs.length - 1, Math.floor(0.9 * (xs.length - 1) + 0.5))];
  return Math.max(0.01, q);
}

export function createExperiments(ctl: Controller, pool: BrowserPool = createBrowserPool()): ExperimentsController {
  const store = createStore<ExperimentsState>(initialExperimentsState(pool.size));
  const loadSub = pool.load$.subscribe((load) => store.setState({ load }));
  const aborts: Partial<Record<JobKind, AbortController>> = {};
  const last: LastRuns = { replications: null, comparison: null, sweep: null, staffing: null };

  const scenario = () => {
    const s = ctl.store.getState();
    return { text: s.scenarioText, id: s.scenarioId };
  };

  /** Starts a job of a kind: cancels the previous one, returns its signal and a patcher that ignores a superseded job. */
  const start = (kind: JobKind) => {
    aborts[kind]?.abort();
    const ac = new AbortController();
    aborts[kind] = ac;
    const t0 = performance.now();
    const current = () => aborts[kind] === ac;
    const elapsed = () => (performance.now() - t0) / 1000;
    return { signal: ac.signal, current, elapsed };
  };

  const patch = <K extends JobKind>(kind: K, p: Partial<ExperimentsState[K]>) =>
    store.setState((s) => ({ [kind]: { ...s[kind], ...p } }) as Partial<ExperimentsState>);

  const fail = (kind: JobKind, err: unknown, elapsedS: number) => {
    patch(kind, isAbort(err) ? { status: 'cancelled', elapsedS } : { status: 'error', error: jobError(err), elapsedS });
  };

  type Job = ReturnType<typeof start>;

  /** Starts a job of a kind (start) and shows it running with `fields` (status, error and elapsed time reset). */
  const begin = <K extends JobKind>(kind: K, fields: Partial<ExperimentsState[K]>): Job => {
    const job = start(kind);
    patch(kind, { status: 'running', error: null, elapsedS: 0, ...fields } as Partial<ExperimentsState[K]>);
    return job;
  };

  /**
   * Runs a job's work to its end: `done` turns the result into the job's last figures (and may keep what exports
   * need) and the job shows done; a failure shows as an error, a cancellation as cancelled. A job superseded
   * meanwhile (a newer one of its kind, or cancel) changes nothing. True when the job finished as done.
   */
  const settle = async <K extends JobKind, R>(
    kind: K,
    job: Job,
    work: () => Promise<R>,
    done: (r: R) => Partial<ExperimentsState[K]>,
  ): Promise<boolean> => {
    try {
      const r = await work();
      if (!job.current()) return false;
      patch(kind, { ...done(r), status: 'done', elapsedS: job.elapsed() } as Partial<ExperimentsState[K]>);
      return true;
    } catch (err) {
      if (job.current()) fail(kind, err, job.elapsed());
      return false;
    }
  };

  /** The pool's runner, adding logs when asked and reporting each replication. */
  const runnerWith =
    (log: boolean, onResult?: (seed: number, text: string, r: RunResult) => void): Runner =>
    (text, seeds, o = {}) =>
      pool.run(text, seeds, {
        ...o,
        log: log || o.log,
        onResult: (i, r) => {
          o.onResult?.(i, r);
          onResult?.(seeds[i], text, r);
        },
      });

  const exp: ExperimentsController = {
    store,
    pool,
    last,
    setTab(tab) {
      store.setState({ tab });
    },

    async runReplications(req) {
      const { text, id } = scenario();
      const seeds = consecutiveSeeds(req.seed, req.replications);
      const results: (RunResult | undefined)[] = new Array(seeds.length);
      const history: Record<KpiName, Estimate>[] = [];
      const job = begin('replications', {
        scenarioId: id,
        seed: req.seed,
        mode: 'fixed',
        done: 0,
        total: req.replications,
        summary: null,
        targets: null,
        converged: null,
        history,
        log: req.log,
        hourly: { attainment: [], coverage: [] },
        distributions: null,
      });
      const run = () =>
        pool.run(text, seeds, {
          log: req.log,
          signal: job.signal,
          onResult: (i, r) => {
            if (!job.current()) return;
            results[i] = r;
            const done = finished(results);
            const summary = summaryOf(done);
            history.push(summary);
            patch('replications', {
              done: done.length,
              summary,
              history: history.slice(),
              hourly: hourlyOf(done),
              elapsedS: job.elapsed(),
            });
          },
        });
      await settle('replications', job, run, (all) => {
        const agg = aggregate(all);
        last.replications = {
          scenarioText: text,
          seed: req.seed,
          results: all,
          aggregate: agg,
          command: experimentCommand(
            { kind: 'replications', seed: req.seed, replications: req.replications },
            scenarioFileName(id),
          ),
        };
        return { summary: agg.summary, hourly: hourlyOf(all), distributions: distributionsOf(text, all) };
      });
    },

    async runUntil(req) {
      const { text, id } = scenario();
      const bySeed = new Map<number, RunResult>();
      const history: Record<KpiName, Estimate>[] = [];
      const job = begin('replications', {
        scenarioId: id,
        seed: req.seed,
        mode: 'until',
        done: 0,
        total: req.maxReplications,
        summary: null,
        targets: null,
        converged: null,
        history,
        log: req.log,
        hourly: { attainment: [], coverage: [] },
        distributions: null,
      });
      const runner = runnerWith(req.log, (seed, _t, r) => {
        if (!job.current()) return;
        bySeed.set(seed, r);
        const done = [...bySeed.keys()].sort((a, b) => a - b).map((s) => bySeed.get(s)!);
        const summary = summaryOf(done);
        history.push(summary);
        patch('replications', {
          done: done.length,
          summary,
          history: history.slice(),
          hourly: hourlyOf(done),
          targets: targetStatus(summary, req.targets),
          elapsedS: job.elapsed(),
        });
      });
      const run = () =>
        replicateUntil(runner, text, {
          seed: req.seed,
          targets: req.targets,
          batchSize: pool.size,
          minReplications: req.minReplications,
          maxReplications: req.maxReplications,
          signal: job.signal,
        });
      await settle('replications', job, run, (res) => {
        last.replications = {
          scenarioText: text,
          seed: req.seed,
          results: res.results,
          aggregate: res.aggregate,
          command: experimentCommand(
            { kind: 'replications', seed: req.seed, replications: res.replications },
            scenarioFileName(id),
          ),
        };
        return {
          summary: res.aggregate.summary,
          targets: res.targets,
          converged: res.converged,
          hourly: hourlyOf(res.results),
          distributions: distributionsOf(text, res.results),
          done: res.replications,
          total: res.replications,
        };
      });
    },

    async runComparison(req) {
      const { text: aText, id } = scenario();
      const job = begin('comparison', {
        scenarioId: id,
        seed: req.seed,
        overrides: req.overrides,
        mode: req.mode,
        done: 0,
        total: 2 * req.replications,
        pairs: 0,
        comparison: null,
        headcount: null,
        log: req.log,
        distributions: null,
      });
      let bText: string;
      try {
        bText = applyOverridesToText(aText, req.overrides);
      } catch (err) {
        fail('comparison', err, 0);
        return;
      }
      const headcount = headcountsOf(aText, bText);
      patch('comparison', { headcount });
      const seeds = seedsFor(req.mode, req.seed, req.replications);
      const a: (RunResult | undefined)[] = new Array(req.replications);
      const b: (RunResult | undefined)[] = new Array(req.replications);
      let done = 0;
      const update = () => {
        if (!job.current()) return;
        done++;
        const pa: RunResult[] = [],
          pb: RunResult[] = [];
        for (let r = 0; r < req.replications; r++)
          if (a[r] && b[r]) {
            pa.push(a[r]!);
            pb.push(b[r]!);
          }
        patch('comparison', {
          done,
          pairs: pa.length,
          elapsedS: job.elapsed(),
          ...(pa.length > 0 ? { comparison: compareResults(pa, pb, req.mode) } : {}),
        });
      };
      const opts = { log: req.log, signal: job.signal };
      const run = () => {
        // A0, B0, A1, B1, …: pairs complete early, so the differences show while the rest run
        const runs: Promise<RunResult[]>[] = [];
        for (let r = 0; r < req.replications; r++) {
          runs.push(
            pool.run(aText, [seeds.a[r]], {
              ...opts,
              onResult: (_i, res) => {
                a[r] = res;
                update();
              },
            }),
          );
          runs.push(
            pool.run(bText, [seeds.b[r]], {
              ...opts,
              onResult: (_i, res) => {
                b[r] = res;
                update();
              },
            }),
          );
        }
        return Promise.all(runs);
      };
      const compared = await settle('comparison', job, run, () => {
        const ra = a as RunResult[],
          rb = b as RunResult[];
        const comparison = compareResults(ra, rb, req.mode);
        last.comparison = {
          aText,
          overrides: req.overrides,
          seed: req.seed,
          mode: req.mode,
          seedsB: seeds.b,
          a: ra,
          b: rb,
          comparison,
          headcount,
          command: experimentCommand(
            {
              kind: 'compare',
              seed: req.seed,
              replications: req.replications,
              overrides: req.overrides,
              independent: req.mode !== 'crn',
            },
            scenarioFileName(id),
          ),
        };
        const da = distributionsOf(aText, ra),
          db = distributionsOf(bText, rb);
        return { comparison, pairs: req.replications, distributions: da && db ? { a: da, b: db } : null };
      });
      // keep a delta colouring that is on screen in step with the new comparison
      if (compared && ctl.store.getState().colorBy === 'delta') exp.showDelta();
    },

    async runSweep(req) {
      const { text, id } = scenario();
      const points: SweepPoint[] = [];
      const baseOverrides = req.baseOverrides ?? {};
      const job = begin('sweep', {
        scenarioId: id,
        seed: req.seed,
        params: req.params,
        baseOverrides,
        labels: labelsOf(text, [...req.params.map((p) => p.path), ...Object.keys(baseOverrides)]),
        baseHeadcount: headcountOfText(text),
        replications: req.replications,
        done: 0,
        total: 0,
        points: [],
        frontier: [],
      });
      const run = () =>
        sweep((t, s, o) => pool.run(t, s, o), text, req.params, {
          seed: req.seed,
          replications: req.replications,
          baseOverrides,
          signal: job.signal,
          onPoint: (p, done, total) => {
            if (!job.current()) return;
            points.push(p);
            points.sort((x, y) => x.index - y.index);
            const front = frontier(points).map((q) => q.index);
            patch('sweep', { points: points.slice(), frontier: front, done, total, elapsedS: job.elapsed() });
          },
        });
      await settle('sweep', job, run, (result) => {
        last.sweep = {
          scenarioText: text,
          seed: req.seed,
          result,
          baseOverrides,
          command: experimentCommand(
            { kind: 'sweep', params: req.params, baseOverrides, seed: req.seed, replications: req.replications },
            scenarioFileName(id),
          ),
        };
        return { points: result.points, frontier: result.frontier, baseHeadcount: result.baseHeadcount };
      });
    },

    async runStaffing(req) {
      const { text, id } = scenario();
      const evaluations: StaffingEvaluation[] = [];
      const byStaff: Record<number, Pick<RunResult, 'seed' | 'kpis'>[]> = {};
      const job = begin('staffing', {
        scenarioId: id,
        seed: req.seed,
        shift: req.shift,
        target: req.target,
        confidence: req.confidence,
        criterion: req.criterion,
        evaluations: [],
        plan: null,
        done: 0,
        total: 0,
      });
      const run = () =>
        findStaffing((t, s, o) => pool.run(t, s, o), text, [req.shift], {
          seed: req.seed,
          replications: req.replications,
          target: req.target,
          confidence: req.confidence,
          criterion: req.criterion,
          signal: job.signal,
          onEvaluation: (e, results) => {
            if (!job.current()) return;
            if (results) byStaff[e.staff] = results.map((r) => ({ seed: r.seed, kpis: r.kpis }));
            evaluations.push(e);
            patch('staffing', {
              evaluations: evaluations.slice().sort((x, y) => x.staff - y.staff),
              done: evaluations.length,
              elapsedS: job.elapsed(),
            });
          },
        });
      await settle('staffing', job, run, (plan) => {
        last.staffing = {
          byStaff,
          scenarioText: text,
          request: req,
          plan,
          command: experimentCommand(staffingSpec(req), scenarioFileName(id)),
        };
        return { plan };
      });
    },

    cancel(kind) {
      const ac = aborts[kind];
      if (!ac) return;
      ac.abort();
      delete aborts[kind];
      store.setState((s) =>
        s[kind].status === 'running'
          ? ({ [kind]: { ...s[kind], status: 'cancelled' } } as Partial<ExperimentsState>)
          : {},
      );
    },

    showDelta() {
      const c = last.comparison?.comparison ?? store.getState().comparison.comparison;
      const layout = ctl.store.getState().layout;
      if (!c || !layout) return false;
      const overlay = deltaOverlay(c, layout.gridIds);
      if (!overlay) return false;
      ctl.setDelta(overlay);
      ctl.setColorBy('delta');
      return true;
    },

    dispose() {
      for (const ac of Object.values(aborts)) ac?.abort();
      loadSub.unsubscribe();
      pool.dispose();
    },
  };
  return exp;
}
