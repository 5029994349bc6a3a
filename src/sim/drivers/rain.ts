/**
 * The rain driver: one rainfall series, and what it does to each rate.
 *
 * The series (mm in each hour of the horizon, weather.ts: data, a design
 * storm or both) and its warning levels are written to the engine's `rain`
 * and `warning`. From it, each with its own factor per mm/h:
 * - arrivals: each type's rate is its base rate times (1 + ratePerMm x mm),
 *   never below zero, plus excessCasesPerMm x (mm above the drainage
 *   capacity): waterlogging in low-lying cells (`applyRain`);
 * - travel (and patrol steps): times (1 + travelSlowdownPerMm x mm), the
 *   engine's `travelFactor`;
 * - handling: times (1 + handlingPerMm x mm) of the hour handling starts,
 *   each type's `handlingFactor`.
 * Defaults are the schema's (WEATHER_DEFAULTS): a scenario without a
 * `weather` block is dry, but a storm injected into it in a drill (`setRain`)
 * slows travel and floods at the schema's default rates.
 */
import { RAIN_EFFECT_DEFAULTS, WEATHER_DEFAULTS, type EventType } from '../../scenario/schema.ts';
import { rainSeries, warningLevels } from '../weather.ts';
import type { Simulation } from '../simulation.ts';
import type { Driver } from './types.ts';
import type { ArrivalsDriver } from './arrivals.ts';

/** Rates for hours from `fromHour` on: base rate scaled by rain, plus waterlogging from rain above drainage. */
export function applyRain(
  rates: Float64Array,
  base: Float64Array,
  rain: EventType['rain'],
  mm: Float64Array,
  drainage: number,
  fromHour: number,
): void {
  for (let h = fromHour; h < rates.length; h++) {
    const r = mm[h] ?? 0;
    rates[h] = rain
      ? Math.max(0, base[h] * (1 + rain.ratePerMm * r)) + rain.excessCasesPerMm * Math.max(0, r - drainage)
      : base[h];
  }
}

export class RainDriver implements Driver {
  readonly name = 'rain';
  readonly kinds = [];
  private readonly sim: Simulation;
  /** The weather block, or the schema's defaults when the scenario has none. */
  private readonly weather: typeof WEATHER_DEFAULTS;

  constructor(sim: Simulation) {
    this.sim = sim;
    this.weather = sim.sc.weather ?? WEATHER_DEFAULTS;
  }

  init(): void {
    const sim = this.sim;
    sim.rain.set(rainSeries(sim.sc, sim.rain.length));
    this.apply(0);
  }

  start(): void {}

  handle(): void {}

  /** Replace the rain from hour `fromHour` on (a drill's inject); rates, travel, handling and warnings follow, pending arrivals are re-drawn. */
  setRain(fromHour: number, mmByHour: readonly number[], arrivals: ArrivalsDriver): void {
    const rain = this.sim.rain;
    for (let h = fromHour; h < rain.length; h++) rain[h] = mmByHour[h - fromHour] ?? 0;
    // patrol steps begun so far keep their times; the later ones take the new factors
    this.sim.syncPatrols();
    this.apply(fromHour);
    this.sim.replanPatrols();
    for (const t of this.sim.types) arrivals.redraw(t.index);
  }

  /** Write every factor from hour `fromHour` on. */
  private apply(fromHour: number): void {
    const sim = this.sim;
    const rain = sim.rain;
    sim.warning.set(warningLevels(rain));
    const slow = this.weather.travelSlowdownPerMm;
    for (let h = fromHour; h < sim.travelFactor.length; h++) sim.travelFactor[h] = 1 + slow * rain[h];
    for (const t of sim.types) {
      const et = sim.sc.eventTypes[t.index];
      applyRain(t.rates, t.baseRates, et.rain, rain, this.weather.drainageMmPerH, fromHour);
      const perMm = (et.rain ?? RAIN_EFFECT_DEFAULTS).handlingPerMm;
      for (let h = fromHour; h < t.handlingFactor.length; h++) t.handlingFactor[h] = 1 + perMm * rain[h];
    }
  }
}
