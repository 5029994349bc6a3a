/**
 * Runners: the one thing every experiment needs from its host.
 *
 * An experiment (compare, replicate, sweep, staffing) decides *which*
 * replications to run — a scenario and a list of seeds — and a `Runner`
 * decides *where*: inline on this thread (tests, fallback), on a Node
 * `worker_threads` pool (the CLI: `NodePool` in pool.ts) or on a pool of Web
 * Workers (the app). Results come back in the order of `seeds`, whichever
 * worker ran them and whenever they finished, so an experiment's answer does
 * not depend on where it ran.
 *
 * Seeds are what make variants comparable: running two scenarios with the
 * same seeds gives them common random numbers (see compare.ts).
 */
import type { RunResult } from '../sim/result.ts';
import { createSimService, type SimService } from './service.ts';

export interface RunnerOptions {
  /** Overrides the scenario's run.days. */
  days?: number;
  /** Keep the per-case log. */
  log?: boolean;
  /** Called as each replication finishes (in completion order) with its index in `seeds`. */
  onResult?: (index: number, result: RunResult) => void;
  /** Stops scheduling further replications; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Runs one replication of `scenarioText` per seed; resolves to the results in the order of `seeds`. */
export type Runner = (scenarioText: string, seeds: readonly number[], opts?: RunnerOptions) => Promise<RunResult[]>;

/** Seeds seed, seed + 1, ..., seed + n - 1: replication r uses seed + r. */
export function consecutiveSeeds(seed: number, n: number): number[] {
  return Array.from({ length: n }, (_, r) => seed + r);
}

/**
 * A runner on the calling thread: replications one after another. Between
 * replications it yields to the microtask queue only, so it is for tests,
 * Node scripts and a worker's inside, not for a browser main thread.
 */
export function createInlineRunner(service: SimService = createSimService()): Runner {
  return async (scenarioText, seeds, opts = {}) => {
    const out: RunResult[] = [];
    for (let i = 0; i < seeds.length; i++) {
      opts.signal?.throwIfAborted();
      const result = service.runReplication(scenarioText, seeds[i], { days: opts.days, log: opts.log });
      out.push(result);
      opts.onResult?.(i, result);
      await Promise.resolve();
    }
    return out;
  };
}
