/**
 * From numbers to decisions in the Experiments workspace: the diagnosis over
 * replications ("诊断 / Diagnose") and the cheapest plan ("最省排班 /
 * Cheapest plan"), both on the experiments' worker pool.
 *
 * - `runDiagnose` runs R replications of the live scenario and sums their
 *   diagnoses (src/analysis/diagnose.ts) after each one that finishes, so
 *   the limits settle on screen as the pool works (and so does the city's
 *   colouring by one of them, when it is on).
 * - `runOptimise` searches the cheapest roster meeting a criterion
 *   (src/analysis/optimise.ts), reporting each evaluation (its phase, cost
 *   and whether it met the criterion) as it is made.
 * - `applyPlan` loads the live run with the plan's staff (the same path as
 *   the editor's "apply": the scenario text with the overrides, reloaded;
 *   a clean editor draft follows it), and `comparePlan` runs the A/B
 *   comparison with B = the plan while the live scenario is still the one
 *   the plan was searched on.
 *
 * Starting a job cancels the previous job of the same kind; each kind keeps
 * the scenario text it ran on, so applying or comparing a plan never mixes
 * it with a scenario loaded later.
 */
import { diagnose, type Diagnosis } from '../analysis/diagnose.ts';
import { diagnosisReplications, type DiagnosisReplications } from '../analysis/diagnosisCompare.ts';
import { applyOverridesToText, type Overrides } from '../analysis/overrides.ts';
import { optimise, type OptimiseCriterion, type OptimiseProgress, type OptimiseResult } from '../analysis/optimise.ts';
import { consecutiveSeeds } from '../analysis/runner.ts';
import { parseScenario } from '../scenario/load.ts';
import type { RunResult } from '../sim/result.ts';
import type { Controller } from './controller.ts';
import { jobError, type ExperimentsController, type JobError, type JobStatus } from './experiments.ts';
import { lateOverlay } from './lateOverlay.ts';
import { createStore, type LateColouring, type Store } from './store.ts';

interface DecisionJobBase {
  status: JobStatus;
  error: JobError | null;
  scenarioId: string;
  /** The scenario text the job runs on. */
  scenarioText: string;
  seed: number;
  elapsedS: number;
}

export interface DiagnoseJob extends DecisionJobBase {
  /** Replications finished and planned. */
  done: number;
  total: number;
  days: number | null;
  /** Over the replications finished so far (in replication order). */
  diagnosis: Diagnosis | null;
  /** When done: each replication's own figures and KPIs (what a saved diagnosis keeps for comparisons with intervals). */
  replications: DiagnosisReplications | null;
  runKpis: Pick<RunResult, 'seed' | 'kpis'>[] | null;
}

export interface OptimiseRequest {
  seed: number;
  replications: number;
  /** Simulated days per replication (default: the scenario's). */
  days?: number;
  criterion: OptimiseCriterion;
  target: number;
  confidence: number;
  /** Teams whose shifts are searched. */
  teams: string[];
  minStaff: Record<string, number>;
  maxStaff: Record<string, number>;
  budgetEvaluations: number;
}

/** One evaluation as the progress reports it. */
export type OptimiseStep = OptimiseProgress;

export interface OptimiseJob extends DecisionJobBase {
  request: OptimiseRequest | null;
  /** The latest progress (evaluation i of budget, phase, cost, met or not). */
  progress: OptimiseProgress | null;
  /** Every evaluation reported, in order. */
  steps: OptimiseStep[];
  result: OptimiseResult | null;
  /** The plan was loaded into the live run. */
  applied: boolean;
}

export interface DecisionsState {
  diagnose: DiagnoseJob;
  optimise: OptimiseJob;
  /** Teams the cheapest-plan form should start from (a queue limit's "optimise this team"), for that scenario text. */
  optimiseDraft: { teams: string[]; scenarioText: string } | null;
}

export interface DiagnoseRequest {
  seed: number;
  replications: number;
  days?: number;
}

export interface DecisionsController {
  store: Store<DecisionsState>;
  runDiagnose(r: DiagnoseRequest): Promise<void>;
  runOptimise(r: OptimiseRequest): Promise<void>;
  /** Open the cheapest-plan form with these teams checked (the lever of a queue limit). */
  draftOptimise(teams: string[]): void;
  /** The draft for the live scenario, taken once by the form. */
  takeDraft(): string[] | null;
  cancel(kind: JobKind): void;
  /** Colour the city by the diagnosis job's late cases of a limit (key, or ALL_LATE); null turns it off. */
  colour(key: string | null, label?: LateColouring['label']): void;
  /** The plan's staff that differ from the scenario's (the overrides to apply or compare). */
  planChanges(): Overrides;
  /** Load the live run with the plan. Resolves true when it loaded. */
  applyPlan(): Promise<boolean>;
  /** The live scenario is still the one the plan was searched on (so A/B compares the plan with it). */
  canCompare(): boolean;
  /** Open the A/B comparison with B = the plan, and run it. */
  comparePlan(replications?: number): boolean;
  dispose(): void;
}

type JobKind = 'diagnose' | 'optimise';

const base = (): DecisionJobBase => ({
  status: 'idle',
  error: null,
  scenarioId: '',
  scenarioText: '',
  seed: 1,
  elapsedS: 0,
});

export function initialDecisionsState(): DecisionsState {
  return {
    diagnose: { ...base(), done: 0, total: 0, days: null, diagnosis: null, replications: null, runKpis: null },
    optimise: { ...base(), request: null, progress: null, steps: [], result: null, applied: false },
    optimiseDraft: null,
  };
}

const isAbort = (err: unknown) => err instanceof Error && err.name === 'AbortError';

/** Only what the plan changes: staff paths whose value differs from the scenario's. */
export function changedOverrides(result: Pick<OptimiseResult, 'shifts' | 'plan'>): Overrides {
  const out: Overrides = {};
  const byPath = new Map(result.shifts.map((s) => [s.path, s]));
  for (const [path, v] of Object.entries(result.plan.overrides)) {
    const s = byPath.get(path);
    if (!s || s.current !== v) out[path] = v;
  }
  return out;
}

export function createDecisions(ctl: Controller, exp: ExperimentsController): DecisionsController {
  const store = createStore<DecisionsState>(initialDecisionsState());
  const aborts: Partial<Record<JobKind, AbortController>> = {};

  const start = (kind: JobKind) => {
    aborts[kind]?.abort();
    const ac = new AbortController();
    aborts[kind] = ac;
    const t0 = performance.now();
    return { signal: ac.signal, current: () => aborts[kind] === ac, elapsed: () => (performance.now() - t0) / 1000 };
  };
  const patch = <K extends JobKind>(kind: K, p: Partial<DecisionsState[K]>) =>
    store.setState((s) => ({ [kind]: { ...s[kind], ...p } }) as Partial<DecisionsState>);
  const fail = (kind: JobKind, err: unknown, elapsedS: number) =>
    patch(kind, isAbort(err) ? { status: 'cancelled', elapsedS } : { status: 'error', error: jobError(err), elapsedS });
  const live = () => {
    const s = ctl.store.getState();
    return { text: s.scenarioText, id: s.scenarioId };
  };
  /** Keep the city's colouring by the diagnosis job's late cases in step with it while it is on screen. */
  const recolour = (d: Diagnosis) => {
    const s = ctl.store.getState();
    const late = s.delta?.late;
    if (late?.source !== 'experiments' || !s.layout) return;
    ctl.setDelta(lateOverlay(d, s.layout.gridIds, late.key, { source: 'experiments', label: late.label }));
  };

  const dec: DecisionsController = {
    store,

    async runDiagnose(req) {
      const { text, id } = live();
      const job = start('diagnose');
      patch('diagnose', {
        status: 'running',
        error: null,
        scenarioId: id,
        scenarioText: text,
        seed: req.seed,
        done: 0,
        total: req.replications,
        days: req.days ?? null,
        diagnosis: null,
        replications: null,
        runKpis: null,
        elapsedS: 0,
      });
      const parsed = parseScenario(text);
      if (!parsed.ok) {
        patch('diagnose', {
          status: 'error',
          error: { zh: '场景无效', en: 'the scenario is invalid', errors: parsed.errors },
        });
        return;
      }
      const sc = parsed.scenario;
      const results: (RunResult | undefined)[] = new Array(req.replications);
      try {
        const all = await exp.pool.run(text, consecutiveSeeds(req.seed, req.replications), {
          days: req.days,
          signal: job.signal,
          onResult: (i, r) => {
            if (!job.current()) return;
            results[i] = r;
            const done = results.filter((x): x is RunResult => x !== undefined);
            const diagnosis = diagnose(sc, done);
            patch('diagnose', { done: done.length, diagnosis, elapsedS: job.elapsed() });
            recolour(diagnosis);
          },
        });
        if (!job.current()) return;
        const diagnosis = diagnose(sc, all);
        patch('diagnose', {
          status: 'done',
          done: all.length,
          diagnosis,
          replications: diagnosisReplications(all),
          runKpis: all.map((r) => ({ seed: r.seed, kpis: r.kpis })),
          elapsedS: job.elapsed(),
        });
        recolour(diagnosis);
      } catch (err) {
        if (job.current()) fail('diagnose', err, job.elapsed());
      }
    },

    async runOptimise(req) {
      const { text, id } = live();
      const job = start('optimise');
      const steps: OptimiseStep[] = [];
      patch('optimise', {
        status: 'running',
        error: null,
        scenarioId: id,
        scenarioText: text,
        seed: req.seed,
        request: req,
        progress: null,
        steps: [],
        result: null,
        applied: false,
        elapsedS: 0,
      });
      try {
        const result = await optimise(exp.pool.run, text, {
          seed: req.seed,
          replications: req.replications,
          days: req.days,
          criterion: req.criterion,
          target: req.target,
          confidence: req.confidence,
          teams: req.teams,
          minStaff: req.minStaff,
          maxStaff: req.maxStaff,
          budgetEvaluations: req.budgetEvaluations,
          signal: job.signal,
          onProgress: (p) => {
            if (!job.current()) return;
            if (p.phase !== 'verify' && p.phase !== 'done') steps.push(p);
            patch('optimise', { progress: p, steps: steps.slice(), elapsedS: job.elapsed() });
          },
        });
        if (!job.current()) return;
        patch('optimise', { status: 'done', result, elapsedS: job.elapsed() });
      } catch (err) {
        if (job.current()) fail('optimise', err, job.elapsed());
      }
    },

    draftOptimise(teams) {
      store.setState({ optimiseDraft: { teams: [...teams], scenarioText: ctl.store.getState().scenarioText } });
      exp.setTab('optimise');
      ctl.setView('experiments');
    },

    takeDraft() {
      const d = store.getState().optimiseDraft;
      if (!d) return null;
      store.setState({ optimiseDraft: null });
      return d.scenarioText === ctl.store.getState().scenarioText ? d.teams : null;
    },

    cancel(kind) {
      const ac = aborts[kind];
      if (!ac) return;
      ac.abort();
      delete aborts[kind];
      store.setState((s) =>
        s[kind].status === 'running'
          ? ({ [kind]: { ...s[kind], status: 'cancelled' } } as Partial<DecisionsState>)
          : {},
      );
    },

    colour(key, label) {
      const s = ctl.store.getState();
      if (key === null) {
        if (s.delta?.late?.source === 'experiments') ctl.setDelta(null);
        return;
      }
      const d = store.getState().diagnose.diagnosis;
      if (!d || !s.layout) return;
      ctl.setDelta(
        lateOverlay(d, s.layout.gridIds, key, { source: 'experiments', label: label ?? { zh: key, en: key } }),
      );
      ctl.setColorBy('delta');
    },

    planChanges() {
      const r = store.getState().optimise.result;
      return r ? changedOverrides(r) : {};
    },

    async applyPlan() {
      const job = store.getState().optimise;
      if (!job.result) return false;
      let text: string;
      try {
        text = applyOverridesToText(job.scenarioText, dec.planChanges());
      } catch (err) {
        patch('optimise', { error: jobError(err) });
        return false;
      }
      const ok = await ctl.loadText(text, 'edited', job.scenarioId, ctl.store.getState().seed);
      if (ok) patch('optimise', { applied: true });
      return ok;
    },

    canCompare() {
      const job = store.getState().optimise;
      return (
        job.result !== null &&
        job.scenarioText === ctl.store.getState().scenarioText &&
        Object.keys(dec.planChanges()).length > 0
      );
    },

    comparePlan(replications) {
      const job = store.getState().optimise;
      if (!dec.canCompare() || !job.request) return false;
      exp.setTab('compare');
      void exp.runComparison({
        seed: job.seed,
        replications: Math.max(2, replications ?? job.request.replications),
        overrides: dec.planChanges(),
        mode: 'crn',
        log: false,
      });
      return true;
    },

    dispose() {
      for (const ac of Object.values(aborts)) ac?.abort();
    },
  };
  return dec;
}
