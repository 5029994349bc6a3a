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
 *
 * The same schemas check what arrives live: an inject the trainer fires, an
 * action a trainee window sends over the BroadcastChannel. So every field is
 * bounded (`DRILL_LIMITS`): a storm of 1e308 mm/h or a message of a million
 * characters is an error here, not a surprise in the engine. Who may do what
 * is here too: a trainee's actions are the dispatcher's (`TraineeAction`);
 * injects are the trainer's alone.
 */
import { z } from 'zod';

export const DRILL_VERSION = 1;

/**
 * Upper bounds of an inject's and an action's fields. Rain: the heaviest hour
 * measured in China is 201.9 mm (Zhengzhou, 20 July 2021), the world's about
 * 305 mm; 300 mm/h leaves room for a hypothetical and none for nonsense.
 */
export const DRILL_LIMITS = {
  rainMmPerH: 300,
  /** Hours of a storm's series (a week). */
  stormHours: 168,
  surgeMin: 24 * 60,
  surgePassengers: 1_000_000,
  /** Characters of a message text (per language) and of a note. */
  textChars: 2000,
  /** Characters of ids and names (inject id, type, team, station, member key). */
  idChars: 128,
  /** Members in one assignment. */
  crew: 64,
  /** Injects in a drill's timeline. */
  injects: 1000,
  /** Trainee seats of a drill. */
  seats: 64,
} as const;

const text = (max: number) => z.string().min(1).max(max);
const Label = z.strictObject({ zh: text(DRILL_LIMITS.textChars), en: text(DRILL_LIMITS.textChars) });
const minutes = z.number().finite();
const name = text(DRILL_LIMITS.idChars);

const Base = { id: name.optional(), atMin: minutes, note: z.string().max(DRILL_LIMITS.textChars).optional() };

/**
 * Rainstorm warning levels as a bulletin names them (China's signals, index
 * 0..4 as the engine's `WARNING_LEVELS`). A message or storm inject that
 * carries `warning` announces that level from its time on: the drill's
 * header shows the announced level, not the one the engine would derive
 * from the scenario's forecast (src/drill/weather.ts).
 */
export const WARNING_NAMES = ['none', 'blue', 'yellow', 'orange', 'red'] as const;
export const WarningName = z.enum(WARNING_NAMES);
export type WarningName = z.infer<typeof WarningName>;

export const Inject = z.discriminatedUnion('kind', [
  /** A message to the trainee (a phone call, a superior's order, a weather bulletin). */
  z.strictObject({ ...Base, kind: z.literal('message'), text: Label, warning: WarningName.optional() }),
  /** A specific case at a cell (x, y are checked against the city in validate.ts). */
  z.strictObject({
    ...Base,
    kind: z.literal('case'),
    type: name,
    x: z.number().int(),
    y: z.number().int(),
    priority: z.number().int().min(1).max(4).optional(),
  }),
  /** Rain from now on, mm per hour (replaces the forecast from this hour). */
  z.strictObject({
    ...Base,
    kind: z.literal('storm'),
    rainMmPerH: z
      .array(z.number().finite().nonnegative().max(DRILL_LIMITS.rainMmPerH))
      .min(1)
      .max(DRILL_LIMITS.stormHours),
    warning: WarningName.optional(),
  }),
  /** Extra passengers at a station over the coming minutes. */
  z.strictObject({
    ...Base,
    kind: z.literal('surge'),
    station: name,
    durationMin: z.number().finite().positive().max(DRILL_LIMITS.surgeMin),
    extraPassengers: z.number().finite().nonnegative().max(DRILL_LIMITS.surgePassengers),
  }),
  /** A team goes off duty (its cases are handed over) until a teamOn. */
  z.strictObject({ ...Base, kind: z.literal('teamOff'), team: name }),
  z.strictObject({ ...Base, kind: z.literal('teamOn'), team: name }),
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
  scope: z
    .strictObject({
      grids: z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]).default('all'),
      autoOutside: z.boolean().default(true),
    })
    .default({ grids: 'all', autoOutside: true }),
  /**
   * Trainee seats (席位), e.g. one per street: each dispatches the cases of
   * its own grids (inside the command scope). Without seats one trainee
   * holds the whole scope; with seats a trainee window may still take the
   * whole scope (seat id "all", reserved).
   */
  seats: z
    .array(
      z.strictObject({
        id: z
          .string()
          .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes')
          .max(DRILL_LIMITS.idChars),
        name: Label,
        grids: z.array(z.string().min(1).max(DRILL_LIMITS.idChars)).min(1).max(10_000),
      }),
    )
    .max(DRILL_LIMITS.seats)
    .default([]),
  /** What the trainee may see: the whole city, or only the command scope. */
  traineeSees: z.enum(['all', 'scope']).default('all'),
  injects: z.array(Inject).max(DRILL_LIMITS.injects).default([]),
});
export type Drill = z.infer<typeof Drill>;

/** What a trainee or trainer did, at a simulated time (`tS`: the service sets it to the clock's when it applies the action). */
const tS = z.number().finite();
const caseId = z.number().int().nonnegative();

/** The seat that took the action (a trainee's; absent for the trainer's console and older records). */
const seat = z.string().min(1).max(DRILL_LIMITS.idChars).optional();

/** The dispatcher's actions: what a trainee window may send. */
export const TraineeAction = z.discriminatedUnion('kind', [
  /** `staffKeys` name the members by team, shift and place, so a replay under another staffing plan finds the same people. */
  z.strictObject({
    kind: z.literal('assign'),
    tS,
    caseId,
    staff: z.array(z.number().int()).min(1).max(DRILL_LIMITS.crew),
    staffKeys: z.array(name).max(DRILL_LIMITS.crew).optional(),
    seat,
  }),
  z.strictObject({ kind: z.literal('reprioritise'), tS, caseId, priority: z.number().int().min(1).max(4), seat }),
  /** Hand the case to the neighbouring grids' automatic dispatch. */
  z.strictObject({ kind: z.literal('escalate'), tS, caseId, seat }),
  /** Ask for help from anywhere in the city (the nearest free member with the skill). */
  z.strictObject({ kind: z.literal('mutualAid'), tS, caseId, seat }),
]);
export type TraineeAction = z.infer<typeof TraineeAction>;

/** Every action: the trainee's, and the trainer's live inject. */
export const Action = z.discriminatedUnion('kind', [
  ...TraineeAction.options,
  /** The trainer fires an inject live. */
  z.strictObject({ kind: z.literal('inject'), tS, inject: Inject }),
]);
export type Action = z.infer<typeof Action>;

/** Kinds of action a trainee may take; anything else (an inject: a storm, a team off duty, a case) is the trainer's. */
export const TRAINEE_ACTION_KINDS: ReadonlySet<string> = new Set(TraineeAction.options.map((o) => o.shape.kind.value));
