/**
 * The surges driver: extra passengers at a station for some hours (a
 * concert, a holiday, a train cancelled elsewhere).
 *
 * A surge adds its passengers to the station's hourly rates, spread evenly
 * over its span (each hour gets its overlap's share). Planned surges
 * (`metro.surges`) are added at init, after the metro driver built the
 * base rates; `addSurge` adds one from now on (a drill's inject) and
 * re-draws the station's pending arrival.
 */
import type { Simulation } from '../simulation.ts';
import type { Driver } from './types.ts';
import type { MetroDriver } from './metro.ts';
import { spreadSurge } from '../metro.ts';

export class SurgesDriver implements Driver {
  readonly name = 'surges';
  readonly kinds = [];
  private readonly sim: Simulation;

  constructor(sim: Simulation) {
    this.sim = sim;
  }

  init(): void {
    const sim = this.sim;
    for (const s of sim.sc.metro?.surges ?? []) {
      const st = sim.stations.find((x) => x.id === s.station);
      if (st) spreadSurge(st.rates, s.startHour * 3600, s.durationH * 3600, s.extraPassengers);
    }
  }

  start(): void {}

  handle(): void {}

  /** Add `extra` passengers to station si spread over [now, now + durationS); its next arrival is re-drawn. */
  addSurge(si: number, durationS: number, extra: number, metro: MetroDriver): void {
    const st = this.sim.stations[si];
    spreadSurge(st.rates, this.sim.now, durationS, extra);
    st.arrivalToken++;
    metro.schedule(st, this.sim.now);
  }
}
