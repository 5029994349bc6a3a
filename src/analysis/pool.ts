/**
 * Running replications in parallel (Node only: worker_threads, os).
 *
 * Replications are independent, so they spread over a pool of
 * `worker_threads` workers, each exposing the simulation service with
 * comlink's Node adapter (the same service the browser worker exposes).
 * Results come back in the order of the seeds asked for, whichever worker
 * ran them and whenever they finished: the answer does not depend on the
 * number of workers or on scheduling.
 *
 * `NodePool` keeps its workers between calls (an experiment such as a
 * staffing search runs many small batches; starting a worker costs far more
 * than a small replication) and hands out a `Runner` (runner.ts). Several
 * batches may be in flight at once; they share the workers first come first
 * served. A batch with a failing replication rejects with that error and
 * drops its replications not yet started. A worker that dies (fails to load,
 * runs out of memory, exits) breaks the pool: everything in flight or queued
 * rejects, and so does every later call. Always `close()` it.
 *
 * `runReplications` is the one-shot form: a pool for one batch of
 * consecutive seeds (seed + r), torn down afterwards, also on error.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap, releaseProxy, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { RunResult } from '../sim/result.ts';
import type { SimService } from './service.ts';
import { consecutiveSeeds, type Runner, type RunnerOptions } from './runner.ts';

export interface NodePoolOptions {
  /** Number of workers; default os.availableParallelism(). */
  workers?: number;
  /** The worker entry script (default workers/sim.node-worker.mjs). */
  workerUrl?: URL;
  /** Passed to the worker as workerData (the default entry reads `service`, a module URL to load instead). */
  workerData?: unknown;
}

const DEFAULT_WORKER = new URL('../../workers/sim.node-worker.mjs', import.meta.url);

interface Task {
  text: string;
  seed: number;
  opts: { days?: number; log?: boolean };
  batch: Batch;
  index: number;
}

interface Batch {
  results: RunResult[];
  remaining: number;
  settled: boolean;
  resolve: (r: RunResult[]) => void;
  reject: (e: unknown) => void;
  onResult?: (index: number, result: RunResult) => void;
}

interface Slot {
  worker: Worker;
  remote: Remote<SimService>;
  busy: boolean;
  /** Rejects the replication running on this worker (set while one runs). */
  fail: ((err: Error) => void) | null;
}

/** A persistent pool of simulation workers. */
export class NodePool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  /** Batches with a replication running on some worker. */
  private readonly inFlight = new Set<Batch>();
  private broken: Error | null = null;
  private closed = false;

  constructor(opts: NodePoolOptions = {}) {
    this.size = Math.max(1, Math.floor(opts.workers ?? os.availableParallelism()));
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(opts.workerUrl ?? DEFAULT_WORKER, { workerData: opts.workerData });
      const slot: Slot = { worker, remote: wrap<SimService>(nodeEndpoint(worker)), busy: false, fail: null };
      // A worker that dies never answers comlink: turn that into a rejection and break the pool.
      // (Not a Promise.race against a promise that lives as long as the pool: each race would
      // leave a reaction on it holding that replication's result, log and all, for good.)
      const died = (err: Error) => {
        slot.fail?.(err);
        this.breakPool(err);
      };
      worker.on('error', died);
      worker.once('exit', (code) => died(new Error(`simulation worker exited unexpectedly (code ${code})`)));
      this.slots.push(slot);
    }
  }

  /** The pool as a Runner (bound; safe to pass around). */
  readonly run: Runner = (scenarioText, seeds, opts: RunnerOptions = {}) => {
    if (this.closed) return Promise.reject(new Error('NodePool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    if (seeds.length === 0) return Promise.resolve([]);
    return new Promise<RunResult[]>((resolve, reject) => {
      const batch: Batch = {
        results: new Array(seeds.length),
        remaining: seeds.length,
        settled: false,
        resolve,
        reject,
        onResult: opts.onResult,
      };
      const tasks = seeds.map((seed, index): Task => ({
        text: scenarioText,
        seed,
        opts: { days: opts.days, log: opts.log },
        batch,
        index,
      }));
      if (opts.signal) {
        const onAbort = () => this.failBatch(batch, opts.signal!.reason ?? new Error('aborted'));
        if (opts.signal.aborted) return onAbort();
        opts.signal.addEventListener('abort', onAbort, { once: true });
      }
      this.queue.push(...tasks);
      this.pump();
    });
  };

  /** Terminates the workers. Batches still running reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.breakPool(new Error('NodePool closed'));
    for (const s of this.slots) {
      s.remote[releaseProxy]();
      s.worker.removeAllListeners('exit');
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private breakPool(err: Error): void {
    if (!this.broken) this.broken = err;
    const batches = new Set(this.queue.map((t) => t.batch));
    this.queue.length = 0;
    for (const b of batches) this.failBatch(b, err);
    this.inFlight.forEach((b) => this.failBatch(b, err));
  }

  private failBatch(batch: Batch, err: unknown): void {
    if (batch.settled) return;
    batch.settled = true;
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].batch === batch) this.queue.splice(i, 1);
    this.inFlight.delete(batch);
    batch.reject(err);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.broken) continue;
      const task = this.queue.shift();
      if (!task) return;
      void this.runOn(slot, task);
    }
  }

  private async runOn(slot: Slot, task: Task): Promise<void> {
    slot.busy = true;
    const { batch } = task;
    this.inFlight.add(batch);
    try {
      const result = await new Promise<RunResult>((resolve, reject) => {
        slot.fail = reject;
        (slot.remote.runReplication(task.text, task.seed, task.opts) as Promise<RunResult>).then(resolve, reject);
      });
      if (!batch.settled) {
        batch.results[task.index] = result;
        batch.remaining--;
        batch.onResult?.(task.index, result);
        if (batch.remaining === 0) {
          batch.settled = true;
          this.inFlight.delete(batch);
          batch.resolve(batch.results);
        }
      }
    } catch (err) {
      this.failBatch(batch, err);
    } finally {
      slot.busy = false;
      slot.fail = null;
    }
    if (!this.broken) this.pump();
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
