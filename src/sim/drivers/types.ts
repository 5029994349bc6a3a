/**
 * Drivers: what makes a scenario's day different from a textbook queue.
 *
 * The core (the clock, the queue, cases and staff, the workflow and
 * dispatch) knows nothing of rain or metro stations. A driver brings one
 * outside influence into the run, by three means only:
 *
 * - **factors** it writes into the engine's hourly series: arrival rates per
 *   event type (`TypeRt.rates`), travel time (`travelFactor`), handling time
 *   (`TypeRt.handlingFactor`), the chance a citizen reports
 *   (`TypeRt.reportByHour`);
 * - **events** of kinds it defines in its own file (core/kinds.ts) and
 *   handles itself: the engine routes each event of kind k to the driver
 *   that lists k in `kinds`;
 * - **cases** it raises through the engine's `createCase` (arrivals, crowd
 *   incidents).
 *
 * Lifecycle: every registered driver is created when the simulation is
 * built (registry.ts, in registry order), `init` runs in that order once
 * the city, event types, staff and queues exist (drivers later in the order
 * see what earlier ones wrote: rain scales the rates arrivals built), then
 * `start` in that order schedules first events. A driver with nothing to do
 * in a scenario (no weather, no metro) does nothing. Then the core schedules
 * the shifts and the run begins.
 *
 * Adding a driver: one file here implementing `Driver`, one line in
 * registry.ts, and a test of its rule.
 */
import type { Simulation } from '../simulation.ts';

export interface Driver {
  readonly name: string;
  /** Event kinds this driver handles (defined with defineKind in its file). */
  readonly kinds: readonly number[];
  /** Build what the driver needs and write its factors (registry order). */
  init(): void;
  /** Schedule first events (registry order, after every init). */
  start(): void;
  /** An event of one of `kinds` is due now (sim.now): `a` and `b` as pushed. */
  handle(kind: number, a: number, b: number): void;
}

export type DriverFactory = (sim: Simulation) => Driver;
