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
 * This file is the browser's side only: a worker is a module Web Worker
 * (`webWorkerSlot`) and progress is rxjs (`results$`, `load$`,
 * `replications$`). The scheduling itself (queue, batches, seed order,
 * failure, cancellation, worker death) is the analysis layer's `Scheduler`
 * (src/analysis/scheduler.ts), the same one the CLI's `NodePool` uses.
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
import { Scheduler, type PoolLoad, type ReplicationEvent } from '../analysis/scheduler.ts';

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

export type { ReplicationEvent, PoolLoad } from '../analysis/scheduler.ts';

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

export class PoolCancelledError extends Error {
  override name = 'AbortError';
  constructor(message = '已取消 / cancelled') {
    super(message);
  }
}

export interface BrowserPoolOptions {
  /** Most workers at once; default `defaultPoolSize()`. */
  size?: number;
  /** How a worker is made; default a Web Worker on workers/sim.worker.ts (tests pass an in-process fake). */
  slotFactory?: SlotFactory;
}

export function createBrowserPool(opts: BrowserPoolOptions = {}): BrowserPool {
  const factory = opts.slotFactory ?? webWorkerSlot;
  const results$ = new Subject<ReplicationEvent>();
  const load$ = new BehaviorSubject<PoolLoad>({ running: 0, queued: 0, workers: 0 });
  const disposedError = () => new Error('pool disposed / 线程池已关闭');
  const scheduler = new Scheduler({
    size: opts.size ?? defaultPoolSize(),
    start: (died) => {
      const sim = factory();
      sim.died.catch(died); // one reaction per worker, not one per replication
      return sim;
    },
    onWorkerDeath: 'replace',
    onCancelRunning: 'terminate',
    closedError: disposedError,
    cancelledError: () => new PoolCancelledError(),
    onResult: (e) => results$.next(e),
    onLoad: (load) => load$.next(load),
  });

  const replications$ = (
    scenarioText: string,
    seeds: readonly number[],
    ro: Omit<RunnerOptions, 'onResult' | 'signal'> = {},
  ) =>
    new Observable<ReplicationEvent>((sub) => {
      const ac = new AbortController();
      let done = 0;
      let batch = 0;
      const submitted = scheduler.submit(scenarioText, seeds, {
        ...ro,
        signal: ac.signal,
        onResult: (index, result) => {
          done++;
          sub.next({ batch, index, seed: seeds[index], result, done, total: seeds.length });
        },
      });
      batch = submitted.id;
      submitted.results.then(
        () => sub.complete(),
        (err: unknown) => {
          if (!ac.signal.aborted) sub.error(err);
        },
      );
      return () => {
        if (done < seeds.length) ac.abort(new PoolCancelledError());
      };
    });

  let disposed = false;
  return {
    size: scheduler.size,
    run: scheduler.run,
    results$: results$.asObservable(),
    load$,
    replications$,
    cancelAll: (reason?: unknown) => scheduler.cancelAll(reason),
    dispose() {
      if (disposed) return;
      disposed = true;
      void scheduler.close(disposedError());
      results$.complete();
    },
  };
}
