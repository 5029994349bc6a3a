/**
 * The scenario format, as a zod schema.
 *
 * A scenario is everything the engine needs to play one city: the cell
 * lattice and its land use, the responsibility-grid size k, the event types
 * with their arrival profiles and deadlines, the teams with their shifts, the
 * dispatch policy and the command-centre delays. It is plain JSON so that a
 * planner can keep it in a file, diff it and share it.
 *
 * Units are in the names: `...Min` minutes, `...Kmh` km/h, `...M` metres.
 * Times of day are "HH:MM"; a shift that crosses midnight ends at "HH:MM+1".
 *
 * Structural checks live here (types, ranges, unknown fields); checks that
 * relate fields to each other (grid size divides the city, a shift ends
 * after it starts, every event has a team that can handle it) live in
 * `validate.ts`, so each can give a message that names the JSON path.
 */
import { z } from 'zod';

/** Current version of the scenario format. Older files are migrated (see migrate.ts). */
export const SCHEMA_VERSION = 2;

const finiteNonNeg = z.number().finite().nonnegative();
const finitePos = z.number().finite().positive();

/** A bilingual label. */
export const Label = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/** A handling-time (or delay) distribution in minutes. */
export const Dist = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('fixed'), value: finiteNonNeg }),
  z.strictObject({ dist: z.literal('exponential'), mean: finitePos }),
  z.strictObject({ dist: z.literal('uniform'), min: finiteNonNeg, max: finiteNonNeg }),
  z.strictObject({ dist: z.literal('lognormal'), mean: finitePos, sd: finitePos }),
  z.strictObject({ dist: z.literal('triangular'), min: finiteNonNeg, mode: finiteNonNeg, max: finiteNonNeg }),
]);
export type Dist = z.infer<typeof Dist>;

export const LAND_USES = ['residential', 'commercial', 'industrial', 'transport', 'green', 'water', 'mixed'] as const;
export const LandUse = z.enum(LAND_USES);
export type LandUse = z.infer<typeof LandUse>;

/** "HH:MM" (00:00..24:00), optionally "+1" for the next day. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d(\+1)?$/, 'HH:MM or HH:MM+1');

const Zone = z.strictObject({
  /** Rectangle in cell coordinates: x, y of the top-left cell, width and height in cells. */
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  w: z.number().int().positive(),
  h: z.number().int().positive(),
  landUse: LandUse.optional(),
  /** Multiplies the land use's default population density. */
  popFactor: finiteNonNeg.optional(),
  lowLying: z.boolean().optional(),
});

const Station = z.strictObject({
  id: z.string().min(1),
  name: Label,
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  dailyRidership: finiteNonNeg.optional(),
});

const District = z.strictObject({
  id: z.string().min(1),
  name: Label,
  /** Rectangle in cell coordinates; a grid belongs to the district holding its top-left cell. */
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  w: z.number().int().positive(),
  h: z.number().int().positive(),
});

const Density = z.strictObject({ day: finiteNonNeg, night: finiteNonNeg });

export const City = z.strictObject({
  cellSizeM: finitePos.default(100),
  cols: z.number().int().positive().max(2000),
  rows: z.number().int().positive().max(2000),
  /** k: a responsibility grid is k x k unit cells. Must divide cols and rows. */
  gridSize: z.number().int().positive(),
  defaultLandUse: LandUse.default('mixed'),
  /** People per cell by land use, day and night (defaults in city.ts). */
  density: z.partialRecord(LandUse, Density).optional(),
  zones: z.array(Zone).default([]),
  stations: z.array(Station).default([]),
  districts: z.array(District).default([]),
});

const Weights = z.strictObject({
  /** Multiplier per land use (missing ones count 1). */
  landUse: z.partialRecord(LandUse, finiteNonNeg).optional(),
  /** Which population weights the location: day, night, by hour (day 07-19, night otherwise) or none. */
  population: z.enum(['none', 'day', 'night', 'byHour']).default('none'),
  /** Only these cells' flags count: lowLying restricts to low-lying cells, station to station cells. */
  only: z.enum(['any', 'lowLying', 'station']).default('any'),
});

const Discovery = z.strictObject({
  /** Shares of the three channels; they are normalised. */
  patrol: finiteNonNeg.default(0),
  citizen: finiteNonNeg.default(0),
  sensor: finiteNonNeg.default(1),
  /** Delay from occurrence to a citizen's report (12345 / photo app), minutes. */
  citizenDelayMin: Dist.default({ dist: 'exponential', mean: 30 }),
  /** Latent cases no patrol finds are reported by citizens after this extra delay, minutes. */
  patrolFallbackMin: Dist.default({ dist: 'exponential', mean: 240 }),
  /**
   * Probability, by hour of occurrence, that a citizen reports at all (fewer at night).
   * Cases nobody reports stay latent: a patrol may still find them, or a report comes after patrolFallbackMin.
   */
  citizenReportByHour: z.array(z.number().min(0).max(1)).length(24).optional(),
});

/** How rain changes an event type. */
const RainEffect = z.strictObject({
  /** Rate multiplier grows by this per mm/h of rain (negative: fewer cases in rain; never below 0). */
  ratePerMm: z.number().finite().default(0),
  /** Handling time multiplier grows by this per mm/h of rain. */
  handlingPerMm: finiteNonNeg.default(0),
  /** Extra cases per hour per mm/h of rain above the drainage capacity (waterlogging, 内涝). */
  excessCasesPerMm: finiteNonNeg.default(0),
});

export const EventType = z.strictObject({
  id: z.string().min(1),
  name: Label,
  /** Mean cases per day over the whole city. */
  ratePerDay: finiteNonNeg,
  /** Relative weights per hour of the day (24) or of the week (168, Monday 00:00 first). */
  profile: z.array(finiteNonNeg).refine((a) => a.length === 24 || a.length === 168, {
    message: 'profile must have 24 or 168 entries',
  }).optional(),
  weights: Weights.default({ population: 'none', only: 'any' }),
  /** 1 is the most urgent. */
  priority: z.number().int().min(1).max(4).default(3),
  discovery: Discovery.default({ patrol: 0, citizen: 0, sensor: 1, citizenDelayMin: { dist: 'exponential', mean: 30 }, patrolFallbackMin: { dist: 'exponential', mean: 240 } }),
  skill: z.string().min(1),
  crew: z.number().int().positive().max(20).default(1),
  handlingMin: Dist,
  /** Filed to on scene. */
  responseDeadlineMin: finitePos,
  /** Occurrence to closed. */
  resolutionDeadlineMin: finitePos,
  rain: RainEffect.optional(),
  /** This type's command-centre delays, where they differ from the scenario's `workflow` (a marshal's radio call is filed at once). */
  centre: z.strictObject({ fileMin: Dist.optional(), dispatchMin: Dist.optional(), verifyMin: Dist.optional(), closeMin: Dist.optional() }).optional(),
  /** Raised by the metro driver when a station's security queue passes its threshold (no Poisson arrivals of its own needed). */
  crowdIncident: z.boolean().default(false),
});
export type EventType = z.infer<typeof EventType>;

export const Shift = z.strictObject({
  start: TimeOfDay,
  end: TimeOfDay,
  /** Staff on this shift: per grid when the team is placed per grid, in total otherwise. */
  staff: z.number().int().nonnegative(),
});

export const TRAVEL_MODES = ['walk', 'ebike', 'vehicle'] as const;

export const Team = z.strictObject({
  id: z.string().min(1),
  name: Label,
  skills: z.array(z.string().min(1)).min(1),
  mode: z.enum(TRAVEL_MODES).default('ebike'),
  /** Overrides the mode's speed. */
  speedKmh: finitePos.optional(),
  /**
   * perGrid: `staff` members of each shift in every grid;
   * spread: `staff` in total, each responsible for a run of neighbouring grids (when there are fewer staff than grids), bound by the grid rules;
   * pooled: `staff` in total, a city-wide force (home grids spread evenly, for patrol).
   */
  placement: z.enum(['perGrid', 'spread', 'pooled']).default('pooled'),
  shifts: z.array(Shift).min(1),
  /** At shift end a busy member either finishes the case as overtime or hands it over. */
  shiftEnd: z.enum(['overtime', 'handover']).default('overtime'),
  /** Idle members walk their home grid and discover latent cases. */
  patrol: z.boolean().default(true),
  hourlyCostCny: finiteNonNeg.default(60),
  /** A metro station (city.stations id) the team is based at: its grid is the members' home grid. */
  station: z.string().min(1).optional(),
  /** field: dispatched to cases; securityLanes: each member on duty opens one security lane at `station`. */
  role: z.enum(['field', 'securityLanes']).default('field'),
});
export type Team = z.infer<typeof Team>;

export const Dispatch = z.strictObject({
  /** gridBound: own grid's staff only; nearest: any staff; gridFirst: own grid, then neighbour grids after a wait. */
  policy: z.enum(['gridBound', 'nearest', 'gridFirst']).default('nearest'),
  neighbourWaitMin: finiteNonNeg.default(10),
  /** fifo: first filed first; priority: urgent first; easyFirst: quickest cases first (score gaming). */
  order: z.enum(['fifo', 'priority', 'easyFirst']).default('priority'),
  /** A priority-1 case may take a member off a lower-priority case. */
  preemption: z.boolean().default(false),
});

export const Workflow = z.strictObject({
  /** Discovered to filed (立案). */
  fileMin: Dist.default({ dist: 'fixed', value: 0 }),
  /** Team chosen to team notified (派遣). */
  dispatchMin: Dist.default({ dist: 'fixed', value: 0 }),
  /** Handled to verified (核查). */
  verifyMin: Dist.default({ dist: 'fixed', value: 0 }),
  /** Verified to closed (结案). */
  closeMin: Dist.default({ dist: 'fixed', value: 0 }),
});

export const Travel = z.strictObject({
  enabled: z.boolean().default(true),
  speedKmh: z.strictObject({ walk: finitePos, ebike: finitePos, vehicle: finitePos }).default({ walk: 4.5, ebike: 15, vehicle: 25 }),
  /** Street distance over lattice (Manhattan) distance. */
  detourFactor: z.number().finite().min(1).default(1.2),
  /** Distance inside one cell, metres. */
  intraCellM: finiteNonNeg.default(50),
  /** Patrol walks at this share of the travel speed. */
  patrolSpeedFactor: finitePos.max(1).default(0.5),
});

export const Run = z.strictObject({
  days: finitePos.default(1),
  warmupHours: finiteNonNeg.default(0),
  /** 0 = Monday; used by 168-hour profiles. */
  startDayOfWeek: z.number().int().min(0).max(6).default(0),
  seed: z.number().int().nonnegative().default(1),
});

const DesignStorm = z.strictObject({
  /** Hours from the run start at which rain begins. */
  startHour: finiteNonNeg,
  durationH: finitePos,
  totalMm: finiteNonNeg,
  /** Where the peak falls, as a share of the duration (triangular hyetograph). */
  peak: z.number().min(0).max(1).default(0.4),
});

export const Weather = z.strictObject({
  /** Rainfall in mm per hour from the run start, one value an hour; hours past the end are dry. Added to any design storm. */
  rainMmPerH: z.array(finiteNonNeg).optional(),
  designStorm: DesignStorm.optional(),
  /** Drainage capacity in mm/h: rain above it floods low-lying cells. */
  drainageMmPerH: finitePos.default(36),
  /** Travel (and patrol) takes (1 + this x mm/h) times as long in rain. */
  travelSlowdownPerMm: finiteNonNeg.default(0.01),
});

const Surge = z.strictObject({
  station: z.string().min(1),
  /** Hours from the run start. */
  startHour: finiteNonNeg,
  durationH: finitePos,
  /** Passengers added over the surge, spread evenly over its hours. */
  extraPassengers: finiteNonNeg,
});

export const Metro = z.strictObject({
  /** Relative weights of the daily ridership by hour of day (24). */
  curve: z.array(finiteNonNeg).length(24),
  /** Mean security-check time per passenger per lane, seconds (exponential). */
  securityServiceS: finitePos.default(4),
  /** Passengers waiting at security above which crowd incidents are raised. */
  crowdThreshold: z.number().int().positive().default(300),
  /** At most one incident per station per this many minutes while above the threshold. */
  incidentCooldownMin: finitePos.default(15),
  surges: z.array(Surge).default([]),
});

export const Targets = z.strictObject({
  /** A grid-hour is covered when its SLA attainment is at least this. */
  coverage: z.number().min(0).max(1).default(0.8),
});

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.number().int().positive(),
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  name: Label,
  description: Label.optional(),
  /** Where each figure comes from. */
  notes: z.array(z.string()).default([]),
  run: Run.default({ days: 1, warmupHours: 0, startDayOfWeek: 0, seed: 1 }),
  city: City,
  eventTypes: z.array(EventType).min(1),
  teams: z.array(Team).min(1),
  dispatch: Dispatch.default({ policy: 'nearest', neighbourWaitMin: 10, order: 'priority', preemption: false }),
  workflow: Workflow.default({
    fileMin: { dist: 'fixed', value: 0 }, dispatchMin: { dist: 'fixed', value: 0 },
    verifyMin: { dist: 'fixed', value: 0 }, closeMin: { dist: 'fixed', value: 0 },
  }),
  travel: Travel.default({ enabled: true, speedKmh: { walk: 4.5, ebike: 15, vehicle: 25 }, detourFactor: 1.2, intraCellM: 50, patrolSpeedFactor: 0.5 }),
  targets: Targets.default({ coverage: 0.8 }),
  weather: Weather.optional(),
  metro: Metro.optional(),
});

/** A scenario after parsing: every default filled in. */
export type Scenario = z.infer<typeof Scenario>;
/** A scenario as written in a file. */
export type ScenarioInput = z.input<typeof Scenario>;
