/**
 * The one scheduler behind both worker pools: replications of batches spread
 * over a fixed number of worker slots.
 *
 * The CLI's pool (`NodePool`, pool.ts: `worker_threads`) and the app's pool
 * (src/client/pool.ts: Web Workers) differ only in how a worker is started,
 * called and stopped. Everything else lives here, once, in pure TypeScript
 * (no Node built-ins, no DOM), so both floors use the same rules:
 *
 * - **Order.** A batch is a scenario and a list of seeds; it resolves to the
 *   results *in the order of the seeds*, whichever worker ran them and
 *   whenever they finished. An answer never depends on the number of workers.
 * - **Batching.** Every replication is a task in one first-come-first-served
 *   queue; several batches may be in flight and share the workers. A slot
 *   runs one replication at a time; at most `size` run at once. Idle live
 *   workers are used before a new one is started, and a worker starts only
 *   when a task needs it (or all at once with `warm()`), then stays for
 *   later batches: starting one costs more than a small replication.
 * - **Progress.** The batch's `onResult(index, result)` as each replication
 *   finishes (completion order), the pool-wide `onResult` event (with the
 *   batch id and done/total), and `onLoad` whenever the running / queued /
 *   live-worker counts change.
 * - **Failure.** A replication that throws (an invalid scenario) rejects its
 *   batch and drops the batch's queued replications; its worker stays usable.
 *   So does an exception thrown by the batch's `onResult`.
 * - **Cancellation.** An aborted `signal`, `cancelAll` or `close` settles the
 *   batch the same way with the reason. Replications of a failed or cancelled
 *   batch that are running either `finish` (their results are dropped) or
 *   have their workers `terminate`d (a replication is one synchronous loop
 *   inside its worker and cannot be interrupted otherwise); a fresh worker
 *   takes such a slot when next needed.
 * - **Worker death** (fails to load, crashes, exits), reported by the slot
 *   through the `died` callback it was started with: under `replace`, the
 *   batch it was running rejects with the worker's error and a fresh worker
 *   takes the slot when next needed; under `break`, everything in flight or
 *   queued rejects and so does every later call (the CLI: a worker that runs
 *   out of memory would do so again).
 *
 * Memory: nothing that lives as long as a worker or a signal holds a
 * replication's result. A running replication is not raced against a
 * long-lived "died" promise (each race would leave a reaction on it holding
 * that result, log and all, until the worker ended); a death is a callback
 * into the slot's record instead. An abort listener is removed as soon as its
 * batch settles.
 */
import type { RunResult } from '../sim/result.ts';
import type { Runner, RunnerOptions } from './runner.ts';
import type { ReplicationOptions } from './service.ts';

/** One started worker as the scheduler sees it. */
export interface WorkerSlot {
  runReplication(scenarioText: string, seed: number, opts: ReplicationOptions): Promise<RunResult>;
  /** Stops the worker. A call in flight need not settle afterwards; the scheduler no longer waits for it. */
  terminate(): void | Promise<unknown>;
}

/**
 * Starts a worker. The slot calls `died` (any number of times; later calls are
 * ignored) when the worker dies on its own; a death after `terminate()` is ignored too.
 */
export type StartWorker = (died: (error: unknown) => void) => WorkerSlot;

/** A finished replication, as the pool-wide `onResult` reports it. */
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

export interface SchedulerOptions {
  /** Most workers at once (rounded down; at least 1). */
  size: number;
  start: StartWorker;
  /** What a worker's death does: fail its batch and start a fresh worker later, or fail everything for good. */
  onWorkerDeath: 'replace' | 'break';
  /** What happens to the running replications of a batch that failed or was cancelled. */
  onCancelRunning: 'finish' | 'terminate';
  /** The rejection of calls after `close()`. */
  closedError: () => Error;
  /** The rejection when a signal aborts without a reason. */
  cancelledError: () => unknown;
  /** Every replication of every batch as it finishes (completion order). */
  onResult?: (event: ReplicationEvent) => void;
  /** The load, whenever it changes. */
  onLoad?: (load: PoolLoad) => void;
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
  /** Removes the abort listener (set while one is registered). */
  unlisten: (() => void) | null;
}

interface Task {
  text: string;
  opts: ReplicationOptions;
  batch: Batch;
  index: number;
}

interface Slot {
  worker: WorkerSlot | null;
  task: Task | null;
}

/** A batch handed to the scheduler: its id (as in `ReplicationEvent.batch`; 0 if none was made) and its results. */
export interface Submitted {
  id: number;
  results: Promise<RunResult[]>;
}

export class Scheduler {
  readonly size: number;
  private readonly opts: SchedulerOptions;
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private nextBatch = 1;
  private broken: { error: unknown } | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;
  private lastLoad: PoolLoad = { running: 0, queued: 0, workers: 0 };

  constructor(opts: SchedulerOptions) {
    this.opts = opts;
    this.size = Number.isFinite(opts.size) ? Math.max(1, Math.floor(opts.size)) : 1;
    this.slots = Array.from({ length: this.size }, () => ({ worker: null, task: null }));
  }

  /** The scheduler as a Runner (bound; safe to pass around). */
  readonly run: Runner = (scenarioText, seeds, opts) => this.submit(scenarioText, seeds, opts).results;

  /** Running and queued replications, and live workers, now. */
  get load(): PoolLoad {
    return this.lastLoad;
  }

  /** Queues one replication per seed; see `Runner`. */
  submit(scenarioText: string, seeds: readonly number[], ro: RunnerOptions = {}): Submitted {
    if (this.closed) return { id: 0, results: Promise.reject(this.opts.closedError()) };
    if (this.broken) return { id: 0, results: Promise.reject(this.broken.error) };
    if (seeds.length === 0) return { id: 0, results: Promise.resolve([]) };
    const id = this.nextBatch++;
    const results = new Promise<RunResult[]>((resolve, reject) => {
      const batch: Batch = {
        id,
        seeds: seeds.slice(),
        results: new Array<RunResult>(seeds.length),
        remaining: seeds.length,
        settled: false,
        resolve,
        reject,
        onResult: ro.onResult,
        unlisten: null,
      };
      const signal = ro.signal;
      if (signal) {
        const onAbort = () => this.failBatch(batch, signal.reason ?? this.opts.cancelledError());
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        batch.unlisten = () => signal.removeEventListener('abort', onAbort);
      }
      const opts: ReplicationOptions = {};
      if (ro.days !== undefined) opts.days = ro.days;
      if (ro.log) opts.log = true;
      for (let index = 0; index < seeds.length; index++) this.queue.push({ text: scenarioText, opts, batch, index });
      this.pump();
    });
    return { id, results };
  }

  /** Starts every worker not yet started (a pool that should pay its start-up at once). Throws if one cannot start. */
  warm(): void {
    if (this.closed || this.broken) return;
    for (const slot of this.slots) if (!slot.worker) this.startOn(slot);
    this.pump();
  }

  /** Cancels every batch, queued and running, with `reason`. */
  cancelAll(reason: unknown = this.opts.cancelledError()): void {
    for (const b of this.batches()) this.failBatch(b, reason);
  }

  /**
   * Rejects every batch with `reason`, stops every worker and refuses later
   * calls (with `closedError()`). Resolves when the workers have stopped.
   */
  close(reason: unknown): Promise<void> {
    if (this.closed) return this.closing ?? Promise.resolve();
    this.closed = true;
    for (const b of this.batches()) this.failBatch(b, reason);
    const stopping = this.slots.map((s) => this.stop(s));
    this.publishLoad();
    this.closing = Promise.all(stopping).then(() => undefined);
    return this.closing;
  }

  /** Batches with a replication queued or running, in queue order. */
  private batches(): Set<Batch> {
    const batches = new Set<Batch>(this.queue.map((t) => t.batch));
    for (const s of this.slots) if (s.task && !s.task.batch.settled) batches.add(s.task.batch);
    return batches;
  }

  /** Stops the slot's worker (if any) and frees the slot; resolves when the worker has stopped. */
  private stop(slot: Slot): Promise<unknown> {
    const worker = slot.worker;
    slot.worker = null;
    slot.task = null;
    if (!worker) return Promise.resolve();
    try {
      return Promise.resolve(worker.terminate()).catch(() => undefined);
    } catch {
      return Promise.resolve();
    }
  }

  private startOn(slot: Slot): WorkerSlot {
    let worker: WorkerSlot | undefined = undefined;
    worker = this.opts.start((error) => this.died(slot, worker, error));
    slot.worker = worker;
    return worker;
  }

  private died(slot: Slot, worker: WorkerSlot | undefined, error: unknown): void {
    // stopped on purpose (closed, cancelled, replaced), or already handled
    if (this.closed || worker === undefined || slot.worker !== worker) return;
    const batch = slot.task?.batch;
    void this.stop(slot);
    this.lost(batch, error);
    this.pump();
  }

  /** A worker died (or could not start) while running a replication of `batch`, if any. */
  private lost(batch: Batch | undefined, error: unknown): void {
    if (this.opts.onWorkerDeath === 'break') {
      if (!this.broken) this.broken = { error };
      if (batch) this.failBatch(batch, error);
      for (const b of this.batches()) this.failBatch(b, error);
    } else if (batch) {
      this.failBatch(batch, error);
    }
  }

  private failBatch(batch: Batch, err: unknown): void {
    if (batch.settled) return;
    this.settle(batch);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].batch === batch) this.queue.splice(i, 1);
    if (this.opts.onCancelRunning === 'terminate')
      for (const s of this.slots) if (s.task?.batch === batch) void this.stop(s);
    batch.reject(err);
    this.pump();
  }

  private settle(batch: Batch): void {
    batch.settled = true;
    batch.unlisten?.();
    batch.unlisten = null;
  }

  /** Starts queued replications on free slots, then publishes the load. */
  private pump(): void {
    while (!this.closed && !this.broken && this.queue.length > 0) {
      // an idle live worker first; else start one in a free slot
      const slot = this.slots.find((s) => s.worker && !s.task) ?? this.slots.find((s) => !s.worker && !s.task);
      if (!slot) break;
      const task = this.queue.shift()!;
      let worker = slot.worker;
      if (!worker) {
        try {
          worker = this.startOn(slot);
        } catch (err) {
          // a worker that cannot even start counts as one that died running this task
          slot.worker = null;
          this.lost(task.batch, err);
          if (this.broken) break;
          continue;
        }
      }
      slot.task = task;
      this.runOn(slot, worker, task);
    }
    this.publishLoad();
  }

  private runOn(slot: Slot, worker: WorkerSlot, task: Task): void {
    const { batch } = task;
    const current = () => slot.worker === worker && slot.task === task;
    let call: Promise<RunResult>;
    try {
      call = worker.runReplication(task.text, batch.seeds[task.index], task.opts);
    } catch (err) {
      call = Promise.reject(err);
    }
    call.then(
      (result) => {
        if (!current()) return; // its worker was stopped or died meanwhile
        slot.task = null;
        if (!batch.settled) this.deliver(batch, task.index, result);
        this.pump();
      },
      (err: unknown) => {
        if (!current()) return;
        slot.task = null; // a replication that threw leaves its worker usable
        this.failBatch(batch, err);
        this.pump();
      },
    );
  }

  private deliver(batch: Batch, index: number, result: RunResult): void {
    batch.results[index] = result;
    batch.remaining--;
    const total = batch.seeds.length;
    try {
      batch.onResult?.(index, result);
    } catch (err) {
      this.failBatch(batch, err);
      return;
    }
    this.opts.onResult?.({
      batch: batch.id,
      index,
      seed: batch.seeds[index],
      result,
      done: total - batch.remaining,
      total,
    });
    if (batch.remaining === 0 && !batch.settled) {
      this.settle(batch);
      batch.resolve(batch.results);
    }
  }

  private publishLoad(): void {
    let running = 0,
      workers = 0;
    for (const s of this.slots) {
      if (s.task) running++;
      if (s.worker) workers++;
    }
    const prev = this.lastLoad;
    if (prev.running === running && prev.queued === this.queue.length && prev.workers === workers) return;
    this.lastLoad = { running, queued: this.queue.length, workers };
    this.opts.onLoad?.(this.lastLoad);
  }
}
