/**
 * The simulation service: one object, two homes.
 *
 * A browser Web Worker and a Node `worker_threads` worker both expose exactly
 * this object with comlink (`workers/sim.worker.ts`, `workers/sim.node-service.ts`);
 * tests and the single-thread fallback call it inline. Every call is
 * self-contained: it takes the scenario as JSON text (cheap to send, and the
 * text is what the manifest hashes), validates it, runs one replication and
 * returns plain data that survives structured clone.
 */
import { formatErrors } from '../scenario/messages.ts';
import { parseScenario } from '../scenario/load.ts';
import { runScenario } from '../sim/run.ts';
import type { RunResult } from '../sim/result.ts';

export interface ReplicationOptions {
  /** Overrides the scenario's run.days. */
  days?: number;
  /** Keep the per-case log. */
  log?: boolean;
}

export interface SimService {
  /** Runs one replication of the scenario with this seed. Throws an InvalidScenarioError when the text is not a valid scenario. */
  runReplication(scenarioText: string, seed: number, opts?: ReplicationOptions): RunResult;
}

/** A scenario that does not parse or validate. `message` is the bilingual list of errors, one per line. */
export class InvalidScenarioError extends Error {
  override name = 'InvalidScenarioError';
}

export function createSimService(): SimService {
  return {
    runReplication(scenarioText, seed, opts = {}) {
      const parsed = parseScenario(scenarioText);
      if (!parsed.ok) throw new InvalidScenarioError(formatErrors(parsed.errors));
      const t0 = performance.now();
      const result = runScenario(parsed.scenario, { seed, days: opts.days, log: opts.log });
      result.perf.wallS = (performance.now() - t0) / 1000;
      return result;
    },
  };
}
