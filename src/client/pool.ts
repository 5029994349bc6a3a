/**
 * A pool of simulation Web Workers on the main thread's side.
 *
 * Replications are independent, so they spread over several workers
 * (`workers/sim.worker.ts`, each exposing the simulation service with
 * comlink). The pool implements the analysis layer's `Runner`
 * (src/analysis/runner.ts): given a scenario and a list of seeds it resolves
 * to the results *in the order of the seeds*, whichever worker ran them and
 * whenever they finished, so an experiment's answer does not depend on the
 * number of cores.
 *
 *     const pool = createBrowserPool();               // navigator.hardwareConcurrency workers, at most 8
 *     const rs = await pool.run(text, [1, 2, 3, 4], { onResult: (i, r) => … });
 *     pool.results$.subscribe((e) => …);              // every replication as it finishes
 *     pool.replications$(text, seeds).subscribe(…);    // one batch; unsubscribing cancels it
 *     pool.dispose();                                 // terminates the workers
 *
 * Workers start lazily (the first batch starts as many as it can use) and
 * stay for later batches; starting a worker costs more than a small
 * replication. Several batches may be in flight; they share the workers
 * first come first served.
 *
 * Cancelling (an AbortSignal, unsubscribing, `cancelAll`) drops the batch's
 * queued replications and *terminates* the workers busy with it (a
 * replication is one synchronous loop inside its worker and cannot be
 * interrupted otherwise); a fresh worker takes the slot when next needed.
 * A replication that throws (an invalid scenario) rejects its batch; a worker
 * that dies rejects the batch it was running and is replaced.
 */
import { wrap, releaseProxy } from 'comlink';
import { BehaviorSubject, Observable, Subject } from 'rxjs';
import type { RunResult } from '../sim/result.ts';
import type { ReplicationOptions, SimService } from '../analysis/service.ts';
import type { Runner, RunnerOptions } from '../analysis/runner.ts';

/** One simulation worker as the pool sees it. */
export interface SimSlot {
  runReplication(scenarioText: string, seed: number, opts: ReplicationOptions): Promise<RunResult>;
  /** Rejects when the worker dies (fails to load, crashes). Never resolves. */
  died: Promise<never>;
  terminate(): void;
}

export type SlotFactory = () => SimSlot;

/** A slot backed by a module Web Worker running workers/sim.worker.ts. */
export function webWorkerSlot(): SimSlot {
  const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module' });
  const remote = wrap<SimService>(worker);
  let kill: (e: Error) => void = () => undefined;
  const died = new Promise<never>((_, reject) => {
    kill = reject;
    worker.addEventListener('error', (e) =>
      reject(new Error(`simulation worker failed / 仿真线程出错: ${e.message || 'error'}`)),
    );
  });
  died.catch(() => undefined);
  return {
    runReplication: (text, seed, opts) => remote.runReplication(text, seed, opts) as Promise<RunResult>,
    died,
    terminate() {
      worker.terminate();
      remote[releaseProxy]();
      kill(new Error('worker terminated / 线程已停止')); // an unanswered call settles instead of hanging
    },
  };
}

/** Workers to start: one per core the browser reports, at least 1, at most `cap` (default 8). */
export function defaultPoolSize(cap = 8): number {
  const hc = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
  return Math.max(1, Math.min(cap, Number.isFinite(hc) && hc > 0 ? Math.floor(hc) : 2));
}

/** A finished replication, as `results$` and `replications$` emit it. */
export interface ReplicationEvent {
  /** Id of the batch (one `run` call), increasing from 1. */
  batch: number;
  /** Index into the batch's seeds. */
  index: number;
  seed: number;
  result: RunResult;
  /** Replications of this batch finished so far (this one included), and in all. */
  done: number;
  total: number;
}

export interface PoolLoad {
  /** Replications running now, and waiting for a worker. */
  running: number;
  queued: number;
  /** Workers alive. */
  workers: number;
}

export interface BrowserPool {
  /** Most workers the pool runs at once. */
  readonly size: number;
  /** The pool as a Runner (bound; pass it to compare/sweep/replicateUntil). */
  readonly run: Runner;
  /** Every replication of every batch, as it finishes (completion order). */
  readonly results$: Observable<ReplicationEvent>;
  /** Running and queued replications, updated on every change. */
  readonly load$: BehaviorSubject<PoolLoad>;
  /** One batch as a cold Observable: subscribing starts it, each result is emitted as it finishes, unsubscribing cancels it. */
  replications$(
    scenarioText: string,
    seeds: readonly number[],
    opts?: Omit<RunnerOptions, 'onResult' | 'signal'>,
  ): Observable<ReplicationEvent>;
  /** Cancels every batch (queued and running). */
  cancelAll(reason?: unknown): void;
  /** Cancels everything and terminates the workers; later calls reject. */
  dispose(): void;
}

interface Batch {
  id: number;
  seeds: readonly number[];
  results: RunResult[];
  remaining: number;
  settled: boolean;
  resolve: (r: RunResult[]) => void;
  reject: (e: unknown) => void;
  onResult?: (index: number, result: RunResult) => void;
}

interface Task {
  text: string;
  seed: number;
  opts: ReplicationOptions;
  batch: Batch;
  index: number;
}

interface Slot {
  sim: SimSlot | null;
  task: Task | null;
}

export class PoolCancelledError extends Error {
  override name = 'AbortError';
  constructor(message = '已取消 / cancelled') {
    super(message);
  }
}

class WorkerDiedError extends Error {
  constructor(readonly error: unknown) {
    super('worker died');
  }
}

export interface BrowserPoolOptions {
  /** Most workers at once; default `defaultPoolSize()`. */
  size?: number;
  /** How a worker is made; default a Web Worker on workers/sim.worker.ts (tests pass an in-process fake). */
  slotFactory?: SlotFactory;
}

export function createBrowserPool(opts: BrowserPoolOptions = {}): BrowserPool {
  const size = Math.max(1, Math.floor(opts.size ?? defaultPoolSize()));
  const factory = opts.slotFactory ?? webWorkerSlot;
  const slots: Slot[] = Array.from({ length: size }, () => ({ sim: null, task: null }));
  const queue: Task[] = [];
  const results$ = new Subject<ReplicationEvent>();
  const load$ = new BehaviorSubject<PoolLoad>({ running: 0, queued: 0, workers: 0 });
  let nextBatch = 1;
  let disposed = false;

  const publishLoad = () => {
    let running = 0,
      workers = 0;
    for (const s of slots) {
      if (s.task) running++;
      if (s.sim) workers++;
    }
    const prev = load$.getValue();
    if (prev.running !== running || prev.queued !== queue.length || prev.workers !== workers) {
      load$.next({ running, queued: queue.length, workers });
    }
  };

  const kill = (slot: Slot) => {
    slot.sim?.terminate();
    slot.sim = null;
    slot.task = null;
  };

  const failBatch = (batch: Batch, err: unknown) => {
    if (batch.settled) return;
    batch.settled = true;
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].batch === batch) queue.splice(i, 1);
    // a running replication cannot be interrupted: stop its worker, a new one takes the slot later
    for (const s of slots) if (s.task?.batch === batch) kill(s);
    batch.reject(err);
    publishLoad();
    pump();
  };

  const runOn = async (slot: Slot, task: Task) => {
    slot.task = task;
    if (!slot.sim) slot.sim = factory();
    const sim = slot.sim;
    const { batch } = task;
    try {
      const died = sim.died.catch((error: unknown) => {
        throw new WorkerDiedError(error);
      });
      const result = await Promise.race([sim.runReplication(task.text, task.seed, task.opts), died]);
      if (slot.sim !== sim || batch.settled) return; // cancelled while running
      slot.task = null;
      batch.results[task.index] = result;
      batch.remaining--;
      const done = batch.seeds.length - batch.remaining;
      batch.onResult?.(task.index, result);
      results$.next({ batch: batch.id, index: task.index, seed: task.seed, result, done, total: batch.seeds.length });
      if (batch.remaining === 0) {
        batch.settled = true;
        batch.resolve(batch.results);
      }
    } catch (err) {
      if (slot.sim !== sim) return; // this worker was already stopped on purpose
      // a dead worker is replaced; a replication that threw leaves its worker usable
      if (err instanceof WorkerDiedError) kill(slot);
      else slot.task = null;
      failBatch(batch, err instanceof WorkerDiedError ? err.error : err);
    } finally {
      if (slot.task === task) slot.task = null;
      publishLoad();
      pump();
    }
  };

  function pump(): void {
    if (disposed) return;
    for (const slot of slots) {
      if (slot.task) continue;
      const task = queue.shift();
      if (!task) break;
      void runOn(slot, task);
    }
    publishLoad();
  }

  const run: Runner = (scenarioText, seeds, ro: RunnerOptions = {}) => {
    if (disposed) return Promise.reject(new Error('pool disposed / 线程池已关闭'));
    if (seeds.length === 0) return Promise.resolve([]);
    return new Promise<RunResult[]>((resolve, reject) => {
      const batch: Batch = {
        id: nextBatch++,
        seeds: seeds.slice(),
        results: new Array(seeds.length),
        remaining: seeds.length,
        settled: false,
        resolve,
        reject,
        onResult: ro.onResult,
      };
      const signal = ro.signal;
      if (signal) {
        if (signal.aborted) {
          batch.settled = true;
          reject(signal.reason ?? new PoolCancelledError());
          return;
        }
        signal.addEventListener('abort', () => failBatch(batch, signal.reason ?? new PoolCancelledError()), {
          once: true,
        });
      }
      const o: ReplicationOptions = {};
      if (ro.days !== undefined) o.days = ro.days;
      if (ro.log) o.log = true;
      for (let index = 0; index < seeds.length; index++)
        queue.push({ text: scenarioText, seed: seeds[index], opts: o, batch, index });
      pump();
    });
  };

  const replications$ = (
    scenarioText: string,
    seeds: readonly number[],
    ro: Omit<RunnerOptions, 'onResult' | 'signal'> = {},
  ) =>
    new Observable<ReplicationEvent>((sub) => {
      const ac = new AbortController();
      let done = 0;
      let batchId = 0;
      run(scenarioText, seeds, {
        ...ro,
        signal: ac.signal,
        onResult: (index, result) => {
          done++;
          sub.next({ batch: batchId, index, seed: seeds[index], result, done, total: seeds.length });
        },
      }).then(
        () => sub.complete(),
        (err) => {
          if (!ac.signal.aborted) sub.error(err);
        },
      );
      batchId = nextBatch - 1;
      return () => {
        if (done < seeds.length) ac.abort(new PoolCancelledError());
      };
    });

  const cancelAll = (reason: unknown = new PoolCancelledError()) => {
    const batches = new Set<Batch>(queue.map((t) => t.batch));
    for (const s of slots) if (s.task) batches.add(s.task.batch);
    for (const b of batches) failBatch(b, reason);
  };

  return {
    size,
    run,
    results$: results$.asObservable(),
    load$,
    replications$,
    cancelAll,
    dispose() {
      if (disposed) return;
      cancelAll(new Error('pool disposed / 线程池已关闭'));
      disposed = true;
      for (const s of slots) kill(s);
      publishLoad();
      results$.complete();
    },
  };
}
