/**
 * The drivers, by name, in the order they are initialised and started
 * (types.ts: later drivers see what earlier ones wrote; their first events
 * are scheduled in this order, which fixes the order of same-instant
 * events). A new driver is its file beside this one, one line below and its
 * test.
 */
import type { Simulation } from '../simulation.ts';
import { ArrivalsDriver } from './arrivals.ts';
import { RainDriver } from './rain.ts';
import { NightDriver } from './night.ts';
import { MetroDriver } from './metro.ts';
import { SurgesDriver } from './surges.ts';
import { DrillDriver } from './drill.ts';
import { TraceDriver } from './trace.ts';

export const DRIVERS = {
  arrivals: (sim: Simulation) => new ArrivalsDriver(sim),
  rain: (sim: Simulation) => new RainDriver(sim),
  night: (sim: Simulation) => new NightDriver(sim),
  metro: (sim: Simulation) => new MetroDriver(sim),
  surges: (sim: Simulation) => new SurgesDriver(sim),
  drill: (sim: Simulation) => new DrillDriver(sim),
  trace: (sim: Simulation) => new TraceDriver(sim),
} as const;

/** Every driver of one simulation, by name. */
export type Drivers = { [K in keyof typeof DRIVERS]: ReturnType<(typeof DRIVERS)[K]> };

/** Create every registered driver for `sim`, in registry order. */
export function createDrivers(sim: Simulation): Drivers {
  const out: Record<string, unknown> = {};
  for (const [name, make] of Object.entries(DRIVERS)) out[name] = make(sim);
  return out as Drivers;
}
