/**
 * The drill file (应急演练): a scenario, a window of simulated time in which
 * a trainee dispatches by hand, and a timeline of injects — what exercise
 * designers call the master scenario events list (MSEL).
 *
 * Times in a drill are minutes from the drill's start (`atMin`); the drill
 * starts `startHour` hours into the scenario's run (before that the run is
 * played with automatic dispatch, so the city is in a realistic state when
 * the trainee takes over) and lasts `durationMin`.
 *
 * Like scenarios, drill files are versioned (`drillVersion`) and validated:
 * structure here with zod, references (teams, types, stations, cells) in
 * validate.ts against the scenario they extend.
 */
import { z } from 'zod';

export const DRILL_VERSION = 1;

const Label = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const minutes = z.number().finite();

const Base = { id: z.string().min(1).optional(), atMin: minutes, note: z.string().optional() };

export const Inject = z.discriminatedUnion('kind', [
  /** A message to the trainee (a phone call, a superior's order, a weather bulletin). */
  z.strictObject({ ...Base, kind: z.literal('message'), text: Label }),
  /** A specific case at a cell. */
  z.strictObject({ ...Base, kind: z.literal('case'), type: z.string().min(1), x: z.number().int(), y: z.number().int(), priority: z.number().int().min(1).max(4).optional() }),
  /** Rain from now on, mm per hour (replaces the forecast from this hour). */
  z.strictObject({ ...Base, kind: z.literal('storm'), rainMmPerH: z.array(z.number().finite().nonnegative()).min(1) }),
  /** Extra passengers at a station over the coming minutes. */
  z.strictObject({ ...Base, kind: z.literal('surge'), station: z.string().min(1), durationMin: z.number().finite().positive(), extraPassengers: z.number().finite().nonnegative() }),
  /** A team goes off duty (its cases are handed over) until a teamOn. */
  z.strictObject({ ...Base, kind: z.literal('teamOff'), team: z.string().min(1) }),
  z.strictObject({ ...Base, kind: z.literal('teamOn'), team: z.string().min(1) }),
]);
export type Inject = z.infer<typeof Inject>;

export const Drill = z.strictObject({
  $schema: z.string().optional(),
  drillVersion: z.number().int().positive(),
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  name: Label,
  description: Label.optional(),
  notes: z.array(z.string()).default([]),
  /** Id of the scenario the drill extends (a built-in in scenarios/). */
  scenario: z.string().min(1),
  seed: z.number().int().nonnegative().default(1),
  /** Hours into the scenario's run at which the trainee takes over. */
  startHour: z.number().finite().nonnegative(),
  durationMin: z.number().finite().positive(),
  /** Default clock: real time (1) or accelerated (2..60). */
  speed: z.number().min(1).max(60).default(10),
  /** Grids the trainee dispatches for ('all', or grid ids such as "G03-04"); elsewhere automatic dispatch goes on unless autoOutside is false. */
  scope: z.strictObject({
    grids: z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]).default('all'),
    autoOutside: z.boolean().default(true),
  }).default({ grids: 'all', autoOutside: true }),
  /** What the trainee may see: the whole city, or only the command scope. */
  traineeSees: z.enum(['all', 'scope']).default('all'),
  injects: z.array(Inject).default([]),
});
export type Drill = z.infer<typeof Drill>;

/** What a trainee or trainer did, at a simulated time. */
export const Action = z.discriminatedUnion('kind', [
  /** `staffKeys` name the members by team, shift and place, so a replay under another staffing plan finds the same people. */
  z.strictObject({ kind: z.literal('assign'), tS: z.number(), caseId: z.number().int(), staff: z.array(z.number().int()).min(1), staffKeys: z.array(z.string()).optional() }),
  z.strictObject({ kind: z.literal('reprioritise'), tS: z.number(), caseId: z.number().int(), priority: z.number().int().min(1).max(4) }),
  /** Hand the case to the neighbouring grids' automatic dispatch. */
  z.strictObject({ kind: z.literal('escalate'), tS: z.number(), caseId: z.number().int() }),
  /** Ask for help from anywhere in the city (the nearest free member with the skill). */
  z.strictObject({ kind: z.literal('mutualAid'), tS: z.number(), caseId: z.number().int() }),
  /** The trainer fires an inject live. */
  z.strictObject({ kind: z.literal('inject'), tS: z.number(), inject: Inject }),
]);
export type Action = z.infer<typeof Action>;
