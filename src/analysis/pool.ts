/**
 * Running replications in parallel (Node only: worker_threads, os).
 *
 * Replications are independent, so they spread over a pool of
 * `worker_threads` workers, each exposing the simulation service with
 * comlink's Node adapter (the same service the browser worker exposes).
 * This file is only the Node side of it: how a worker is started, called and
 * stopped. The scheduling (queue, batches, results in the order of the seeds
 * asked for, progress, failure, cancellation, worker death) is the
 * `Scheduler` in scheduler.ts, the same one the browser pool uses.
 *
 * `NodePool` starts its workers at once and keeps them between calls (an
 * experiment such as a staffing search runs many small batches; starting a
 * worker costs far more than a small replication) and hands out a `Runner`
 * (runner.ts). Several batches may be in flight at once; they share the
 * workers first come first served. A batch with a failing replication
 * rejects with that error and drops its replications not yet started (those
 * running finish, their results unused). A worker that dies (fails to load,
 * runs out of memory, exits) breaks the pool: everything in flight or queued
 * rejects, and so does every later call. Always `close()` it.
 *
 * `runReplications` is the one-shot form: a pool for one batch of
 * consecutive seeds (seed + r), torn down afterwards, also on error.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap, releaseProxy } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { RunResult } from '../sim/result.ts';
import type { SimService } from './service.ts';
import { consecutiveSeeds, type Runner } from './runner.ts';
import { Scheduler, type WorkerSlot } from './scheduler.ts';

export interface NodePoolOptions {
  /** Number of workers; default os.availableParallelism(). */
  workers?: number;
  /** The worker entry script (default workers/sim.node-worker.mjs). */
  workerUrl?: URL;
  /** Passed to the worker as workerData (the default entry reads `service`, a module URL to load instead). */
  workerData?: unknown;
}

const DEFAULT_WORKER = new URL('../../workers/sim.node-worker.mjs', import.meta.url);

/** A `worker_threads` worker running the simulation service, as the scheduler sees it. */
function nodeWorkerSlot(url: URL, workerData: unknown, died: (err: Error) => void): WorkerSlot {
  const worker = new Worker(url, { workerData });
  const remote = wrap<SimService>(nodeEndpoint(worker));
  let stopped = false;
  // A worker that dies never answers comlink: the scheduler hears it here and settles its replication.
  const onDeath = (err: Error) => {
    if (!stopped) died(err);
  };
  worker.on('error', onDeath);
  worker.once('exit', (code) => onDeath(new Error(`simulation worker exited unexpectedly (code ${code})`)));
  return {
    runReplication: (text, seed, opts) => remote.runReplication(text, seed, opts) as Promise<RunResult>,
    terminate() {
      if (stopped) return;
      stopped = true;
      remote[releaseProxy]();
      return worker.terminate();
    },
  };
}

/** A persistent pool of simulation workers. */
export class NodePool {
  readonly size: number;
  /** The pool as a Runner (bound; safe to pass around). */
  readonly run: Runner;
  private readonly scheduler: Scheduler;

  constructor(opts: NodePoolOptions = {}) {
    const url = opts.workerUrl ?? DEFAULT_WORKER;
    this.scheduler = new Scheduler({
      size: Math.max(1, Math.floor(opts.workers ?? os.availableParallelism())),
      start: (died) => nodeWorkerSlot(url, opts.workerData, died),
      onWorkerDeath: 'break',
      // a new worker_threads worker costs far more than letting a replication finish
      onCancelRunning: 'finish',
      closedError: () => new Error('NodePool is closed'),
      cancelledError: () => new Error('aborted'),
    });
    this.size = this.scheduler.size;
    this.run = this.scheduler.run;
    try {
      this.scheduler.warm();
    } catch (err) {
      void this.scheduler.close(err); // the workers already started
      throw err;
    }
  }

  /** Terminates the workers. Batches still running reject. */
  close(): Promise<void> {
    return this.scheduler.close(new Error('NodePool closed'));
  }
}

export interface PoolOptions extends NodePoolOptions {
  /** Seed of replication 0; replication r uses seed + r. */
  seed: number;
  replications: number;
  /** Overrides the scenario's run.days. */
  days?: number;
  /** Keep the per-case log. */
  log?: boolean;
  /** Number of workers; default min(replications, os.availableParallelism()). */
  workers?: number;
  /** Called after each finished replication. */
  onProgress?: (done: number, total: number) => void;
}

/** Runs `replications` replications on a fresh worker pool; results in replication order. */
export async function runReplications(scenarioText: string, opts: PoolOptions): Promise<RunResult[]> {
  const total = opts.replications;
  if (!Number.isInteger(total) || total < 1)
    throw new RangeError(`replications must be a positive integer, got ${total}`);
  const pool = new NodePool({
    workers: Math.max(1, Math.min(total, opts.workers ?? os.availableParallelism())),
    workerUrl: opts.workerUrl,
    workerData: opts.workerData,
  });
  let done = 0;
  try {
    return await pool.run(scenarioText, consecutiveSeeds(opts.seed, total), {
      days: opts.days,
      log: opts.log,
      onResult: () => opts.onProgress?.(++done, total),
    });
  } finally {
    await pool.close();
  }
}
