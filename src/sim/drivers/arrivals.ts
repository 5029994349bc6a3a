/**
 * The arrivals driver: cases occur as non-homogeneous Poisson processes.
 *
 * Each event type's hourly rate over the horizon (its 24 h or 168 h profile
 * times its daily rate, arrivals.ts) is built at init into `TypeRt.rates`
 * and `baseRates`; drivers after this one (rain) scale `rates`. Each type
 * keeps exactly one pending ARRIVAL event: when it fires, the next arrival
 * is drawn (exact piecewise-constant sampling, from the type's own
 * substream) and the case is created at a cell drawn from the type's
 * location weights. When the rates change mid-run, `redraw` bumps the
 * type's token so the pending event is recognised as stale and draws afresh
 * from now. A scenario that replays its case log (`run.arrivals: "trace"`, drivers/trace.ts) draws no
 * arrivals here at all.
 */
import { defineKind } from '../core/kinds.ts';
import { hourlyRates, nextArrival } from '../arrivals.ts';
import type { Simulation } from '../simulation.ts';
import type { Driver } from './types.ts';

export const ARRIVAL = defineKind('arrival');

export class ArrivalsDriver implements Driver {
  readonly name = 'arrivals';
  readonly kinds = [ARRIVAL];
  private readonly sim: Simulation;
  /** The trace driver creates the cases instead (run.arrivals: "trace"). */
  private readonly off: boolean;

  constructor(sim: Simulation) {
    this.sim = sim;
    this.off = sim.sc.run.arrivals === 'trace' && sim.sc.trace !== undefined;
  }

  init(): void {
    const sim = this.sim;
    const hours = sim.hours;
    for (const t of sim.types) {
      t.baseRates = hourlyRates(sim.sc.eventTypes[t.index], hours, sim.sc.run.startDayOfWeek);
      t.rates = t.baseRates.slice();
    }
  }

  start(): void {
    for (const t of this.sim.types) this.schedule(t.index, 0);
  }

  handle(_kind: number, ti: number, token: number): void {
    const sim = this.sim;
    if (token !== sim.types[ti].arrivalToken) return;
    this.schedule(ti, sim.now);
    sim.createCase(ti, -1);
  }

  /** Draw type ti's next arrival afresh from now (after its rates changed). */
  redraw(ti: number): void {
    this.sim.types[ti].arrivalToken++;
    this.schedule(ti, this.sim.now);
  }

  private schedule(ti: number, fromS: number): void {
    if (this.off) return;
    const sim = this.sim;
    const t = sim.types[ti];
    const next = nextArrival(t.rates, fromS, t.arrivals);
    if (next < sim.horizonS) sim.q.push(next, ARRIVAL, ti, t.arrivalToken);
  }
}
