/**
 * The night driver: fewer citizen reports in the small hours.
 *
 * An event type may give the probability, by hour of day, that a case whose
 * channel is the citizen hotline (12345) is actually reported
 * (`discovery.citizenReportByHour`). A case nobody reports stays latent in
 * its cell for a patrol to find (or, failing that, the type's fallback
 * delay). The driver writes that curve to `TypeRt.reportByHour`; the engine
 * draws one uniform per citizen case against the hour it occurs in. Thin
 * night rosters are the roster's business (shifts), not this driver's.
 */
import type { Simulation } from '../simulation.ts';
import type { Driver } from './types.ts';

export class NightDriver implements Driver {
  readonly name = 'night';
  readonly kinds = [];
  private readonly sim: Simulation;

  constructor(sim: Simulation) {
    this.sim = sim;
  }

  init(): void {
    for (const t of this.sim.types)
      t.reportByHour = this.sim.sc.eventTypes[t.index].discovery.citizenReportByHour ?? null;
  }

  start(): void {}

  handle(): void {}
}
