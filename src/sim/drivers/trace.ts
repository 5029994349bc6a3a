/**
 * The trace driver: a case log's own cases replayed as arrivals.
 *
 * When the scenario carries a `trace` (allweather import --cases: every usable case of the log as
 * `[event type index, occurred s, cell]`) and `run.arrivals` is `trace`, the arrivals driver draws nothing
 * and this driver creates each case of the trace at its own time and cell, in time order (cases at the same
 * instant in the order the trace lists them). Cases at or past the horizon are not replayed. What happens to a
 * case once it exists (discovery channel, handling time, centre delays) is drawn as for any case, from its
 * type's own substream; where it happens is the trace's cell, so no location is drawn.
 *
 * One pending event at a time (the next case of the trace), as the arrivals driver keeps one per type: the
 * event list does not grow with the log.
 */
import { defineKind } from '../core/kinds.ts';
import type { Simulation } from '../simulation.ts';
import type { Driver } from './types.ts';

export const TRACE_CASE = defineKind('trace.case');

/** True when the scenario replays its trace instead of drawing Poisson arrivals. */
export function replaysTrace(sc: Simulation['sc']): boolean {
  return sc.run.arrivals === 'trace' && sc.trace !== undefined;
}

export class TraceDriver implements Driver {
  readonly name = 'trace';
  readonly kinds = [TRACE_CASE];
  private readonly sim: Simulation;
  /** Trace rows to replay, in time order (stable: same-instant cases keep the trace's order). */
  private order: Int32Array = new Int32Array(0);

  constructor(sim: Simulation) {
    this.sim = sim;
  }

  init(): void {
    const sc = this.sim.sc;
    if (!replaysTrace(sc)) return;
    const cases = sc.trace!.cases;
    const idx: number[] = [];
    for (let i = 0; i < cases.length; i++) if (cases[i][1] < this.sim.horizonS) idx.push(i);
    idx.sort((a, b) => cases[a][1] - cases[b][1] || a - b);
    this.order = Int32Array.from(idx);
  }

  start(): void {
    this.schedule(0);
  }

  handle(_kind: number, k: number): void {
    const [ti, , cell] = this.sim.sc.trace!.cases[this.order[k]];
    this.schedule(k + 1);
    this.sim.createCase(ti, cell);
  }

  /** Push the k-th case of the replay order, if there is one. */
  private schedule(k: number): void {
    if (k >= this.order.length) return;
    this.sim.q.push(this.sim.sc.trace!.cases[this.order[k]][1], TRACE_CASE, k, 0);
  }
}
