/**
 * One replication, start to finish: build the simulation from a parsed
 * scenario, run it to the horizon, report. Pure and deterministic: the same
 * scenario and seed give the same RunResult in Node, in a browser worker and
 * in tests. `perf.wallS` is left at 0: floor 0 does not read clocks; the
 * caller times the run.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunOptions, RunResult } from './result.ts';
import { Simulation } from './simulation.ts';
import { buildResult } from './report.ts';

export function runScenario(scenario: Scenario, opts: RunOptions): RunResult {
  const sim = new Simulation(scenario, opts.seed, { days: opts.days, log: opts.log });
  sim.runUntil(sim.horizonS);
  const result = buildResult(sim, opts.seed);
  // nothing reads the simulation after this: its late-case store serves the next replication
  sim.stages.release();
  return result;
}
