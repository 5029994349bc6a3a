/**
 * Running replications in parallel (Node).
 *
 * Replications are independent, so they spread over a pool of
 * `worker_threads` workers, each exposing the simulation service with
 * comlink's Node adapter (the same service the browser worker exposes).
 * Replication r uses seed + r, whichever worker runs it and whenever it
 * finishes, and the results come back in replication order: the answer does
 * not depend on the number of workers or on scheduling.
 *
 * The pool is created per call and always torn down, also on error.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap, releaseProxy, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { RunResult } from '../sim/result.ts';
import type { SimService } from './service.ts';

export interface PoolOptions {
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
  /** The worker entry script (default workers/sim.node-worker.mjs). */
  workerUrl?: URL;
  /** Passed to the worker as workerData (the default entry reads `service`, a module URL to load instead). */
  workerData?: unknown;
}

const DEFAULT_WORKER = new URL('../../workers/sim.node-worker.mjs', import.meta.url);

/** Runs `replications` replications on a worker pool; results in replication order. */
export async function runReplications(scenarioText: string, opts: PoolOptions): Promise<RunResult[]> {
  const total = opts.replications;
  if (!Number.isInteger(total) || total < 1) throw new RangeError(`replications must be a positive integer, got ${total}`);
  const size = Math.max(1, Math.min(total, opts.workers ?? os.availableParallelism()));
  const results: RunResult[] = new Array(total);
  const workers: Worker[] = [];
  const remotes: Remote<SimService>[] = [];
  let next = 0;
  let done = 0;
  let failed = false;

  try {
    for (let i = 0; i < size; i++) {
      workers.push(new Worker(opts.workerUrl ?? DEFAULT_WORKER, { workerData: opts.workerData }));
    }
    const loops = workers.map(async (worker) => {
      // A worker that dies (fails to load, runs out of memory) never answers comlink: turn that into a rejection.
      const died = new Promise<never>((_, reject) => {
        worker.on('error', reject);
        worker.once('exit', (code) => reject(new Error(`simulation worker exited unexpectedly (code ${code})`)));
      });
      died.catch(() => {}); // handled through Promise.race below
      const remote = wrap<SimService>(nodeEndpoint(worker));
      remotes.push(remote);
      while (!failed && next < total) {
        const r = next++;
        const result = (await Promise.race([remote.runReplication(scenarioText, opts.seed + r, { days: opts.days, log: opts.log }), died])) as RunResult;
        results[r] = result;
        done++;
        opts.onProgress?.(done, total);
      }
    });
    await Promise.all(loops.map((p) => p.catch((err) => { failed = true; throw err; })));
    return results;
  } finally {
    for (const remote of remotes) remote[releaseProxy]();
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
