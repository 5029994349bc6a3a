/**
 * Hand-built situations for the engine's behaviour tests.
 *
 * A behaviour test states a rule on a case small enough to work out by
 * hand: "a crew of two for a case at cell 0, with members at cells 0..8,
 * is the members at cells 0 and 1, so the crew is complete after 100 s".
 * Two things make that possible without reaching into the engine:
 *
 * - `lineCity`: a city of one row of 100 m cells, one cell per grid, with
 *   travel at exactly 1 m/s on the lattice (no detour) and 50 m inside a
 *   cell, so a trip from cell a to cell b takes 100 x |a - b| seconds
 *   (50 s when a = b). Event types have no arrivals of their own
 *   (`ratePerDay` 0) unless a test gives them some, and members do not
 *   patrol, so a member stays where the roster or its last case put it.
 * - `playInjects`: the drill machinery with automatic dispatch everywhere
 *   (`manual: false`) places each case at an exact cell and minute (a drill's
 *   `case` inject) and changes the rain at an exact minute (`storm`), on the
 *   engine's public surface only. It returns every case's record (the case
 *   log: per-stage times, SLA verdict) in the order the cases were injected.
 *
 * This lives under src/drill because it drives a DrillSession; src/sim
 * (floor 0) must not import upwards, and its tests import this file instead.
 */
import { Scenario, type ScenarioInput } from '../scenario/schema.ts';
import type { CaseRecord } from '../sim/result.ts';
import { parseDrillObject } from './validate.ts';
import { DrillSession } from './session.ts';

type TypeInput = ScenarioInput['eventTypes'][number];
type TeamInput = ScenarioInput['teams'][number];

/** Travel speed of every member in `lineCity`: 3.6 km/h is exactly 1 m/s. */
export const SPEED_KMH = 3.6;
/** Seconds to travel `cells` cells in `lineCity` (0 cells: inside the cell, 50 m). */
export const tripS = (cells: number): number => (cells === 0 ? 50 : 100 * cells);

/** An event type with no arrivals of its own, sensor-discovered, at its fixed handling time (minutes). */
export function caseType(
  id: string,
  over: Omit<Partial<TypeInput>, 'handlingMin'> & { handlingMin?: number } = {},
): TypeInput {
  const { handlingMin, ...rest } = over;
  return {
    id,
    name: { zh: id, en: id },
    ratePerDay: 0,
    skill: 'x',
    handlingMin: { dist: 'fixed', value: handlingMin ?? 10 },
    responseDeadlineMin: 60,
    resolutionDeadlineMin: 240,
    ...rest,
  };
}

/** A team that does not patrol, on duty all day, moving at SPEED_KMH. */
export function team(id: string, over: Partial<TeamInput> = {}): TeamInput {
  return {
    id,
    name: { zh: id, en: id },
    skills: ['x'],
    speedKmh: SPEED_KMH,
    placement: 'pooled',
    patrol: false,
    shifts: [{ start: '00:00', end: '24:00', staff: 1 }],
    ...over,
  };
}

/** A city of `cols` cells in one row, one cell per grid (grid g is cell g), with the given types and teams. */
export function lineCity(
  cols: number,
  types: TypeInput[],
  teams: TeamInput[],
  over: Partial<ScenarioInput> = {},
): ScenarioInput {
  return {
    schemaVersion: 2,
    id: 'hand-built',
    name: { zh: '手工场景', en: 'hand-built' },
    run: { days: 1, warmupHours: 0, seed: 1 },
    city: { cols, rows: 1, gridSize: 1, cellSizeM: 100 },
    eventTypes: types,
    teams,
    dispatch: { policy: 'nearest', order: 'priority', preemption: false },
    travel: { enabled: true, detourFactor: 1, intraCellM: 50 },
    ...over,
  };
}

/** One inject: a case of `type` at cell x (row 0) at minute `atMin`, or rain (mm/h per hour from that hour on). */
export type HandInject = { atMin: number; type: string; x: number } | { atMin: number; rainMmPerH: number[] };

/** What `playInjects` returns: the records of the injected cases (in inject order) and the session (for frames). */
export interface Played {
  records: CaseRecord[];
  session: DrillSession;
}

/**
 * Play `injects` on `input` with automatic dispatch from the run's start for
 * `durationMin` minutes (default 12 h), or only up to minute `untilMin` (to
 * look at a frame then), and return the cases' records.
 */
export function playInjects(
  input: ScenarioInput,
  injects: HandInject[],
  opts: { durationMin?: number; seed?: number; untilMin?: number } = {},
): Played {
  const scenario = Scenario.parse(input);
  const parsed = parseDrillObject(
    {
      drillVersion: 1,
      id: 'hand-built',
      name: { zh: '手工', en: 'hand-built' },
      scenario: scenario.id,
      seed: opts.seed ?? 1,
      startHour: 0,
      durationMin: opts.durationMin ?? 12 * 60,
      injects: injects.map((inj) =>
        'type' in inj
          ? { kind: 'case', atMin: inj.atMin, type: inj.type, x: inj.x, y: 0 }
          : { kind: 'storm', atMin: inj.atMin, rainMmPerH: inj.rainMmPerH },
      ),
    },
    scenario,
  );
  if (!parsed.ok) throw new Error(`hand-built drill: ${JSON.stringify(parsed.errors)}`);
  const session = new DrillSession(parsed.drill, scenario, { manual: false });
  if (opts.untilMin === undefined) session.finish();
  else session.advanceTo(session.startS + opts.untilMin * 60);
  return { records: session.caseRecords(), session };
}
