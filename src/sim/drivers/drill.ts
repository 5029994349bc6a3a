/**
 * The drill-changes driver: changes made to a run while it goes on.
 *
 * A drill's trainer (src/drill) changes the world at a moment of the run:
 * a new rainfall from this hour, a passenger surge from now, a team taken
 * off duty or put back. Each change lands here and is handed to the driver
 * or roster rule that owns the thing changed, so that a change mid-run
 * has exactly the effect the same setting has from the start: rain through
 * the rain driver (rates, travel, handling, warnings; pending arrivals
 * re-drawn), a surge through the surges driver, a team through the shift
 * rules (its members hand their cases over; its shifts do not bring it on
 * until it is put back).
 */
import type { Simulation } from '../simulation.ts';
import type { Driver } from './types.ts';

export class DrillDriver implements Driver {
  readonly name = 'drill';
  readonly kinds = [];
  private readonly sim: Simulation;

  constructor(sim: Simulation) {
    this.sim = sim;
  }

  init(): void {}

  start(): void {}

  handle(): void {}

  /** Replace the rain from hour `fromHour` on. */
  setRain(fromHour: number, mmByHour: readonly number[]): void {
    this.sim.drivers.rain.setRain(fromHour, mmByHour, this.sim.drivers.arrivals);
  }

  /** Add `extra` passengers to station si over [now, now + durationS). */
  addSurge(si: number, durationS: number, extra: number): void {
    this.sim.drivers.surges.addSurge(si, durationS, extra, this.sim.drivers.metro);
  }

  /** Take team `team` off duty now (handing over its cases) and keep it off until setTeamOn. */
  setTeamOff(team: number): void {
    const sim = this.sim;
    sim.teamDisabled[team] = 1;
    sim.roster.shifts.forEach((sh, si) => {
      if (sh.team === team) sim.sendOff(si, true);
    });
  }

  /** Let team `team` work again; members of its shifts running now come on at once. */
  setTeamOn(team: number): void {
    const sim = this.sim;
    if (!sim.teamDisabled[team]) return;
    sim.teamDisabled[team] = 0;
    sim.roster.shifts.forEach((sh, si) => {
      if (sh.team === team && sim.shiftEndAt[si] > sim.now) sim.bringOn(si);
    });
  }
}
