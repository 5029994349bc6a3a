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
 *
 * Upper bounds (limits.ts, README "Limits and safety"): every number is
 * finite and every string and list has a ceiling, so that a valid-looking
 * file cannot ask for a run that hangs or exhausts memory before anything
 * can say why. In short: city ≤ 2,000 × 2,000 and ≤ 1,000,000 cells and
 * ≤ 50,000 grids (validate.ts); staff ≤ 20,000 on a shift and ≤ 100,000
 * rostered in all (validate.ts); ratePerDay ≤ 10,000,000; weights (profiles,
 * curves, land use, population factors) ≤ 1,000,000; ridership and surge
 * passengers ≤ 5,000,000; days ≤ 366 and hours ≤ 8,784; rain ≤ 1,000 mm/h;
 * minutes ≤ 525,600 (a year); names ≤ 200 characters, notes ≤ 10,000
 * characters each and ≤ 500 of them. How big a valid scenario is to *run*
 * is estimated separately (src/sim/runSize.ts).
 */
import { z } from 'zod';
import { LIMITS as L } from './limits.ts';

/** Current version of the scenario format. Older files are migrated (see migrate.ts). */
export const SCHEMA_VERSION = 2;

const finiteNonNeg = z.number().finite().nonnegative();
const finitePos = z.number().finite().positive();
/** Minutes (a distribution's parameter, a deadline, a delay): at most a year. */
const minutesNonNeg = finiteNonNeg.max(L.minutes);
const minutesPos = finitePos.max(L.minutes);
/** A relative weight: weights are normalised, so only ratios matter; bounded so that sums stay finite. */
const weight = finiteNonNeg.max(L.weight);
/** Hours from the run start (at most the longest run). */
const runHour = finiteNonNeg.max(L.hours);
const runHours = finitePos.max(L.hours);
/** An id, skill or name: non-empty, at most 200 characters. */
const name = z.string().min(1).max(L.nameChars);

/** A bilingual label. */
export const Label = z.strictObject({ zh: name, en: name });

/** A handling-time (or delay) distribution in minutes. */
export const Dist = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('fixed'), value: minutesNonNeg }),
  z.strictObject({ dist: z.literal('exponential'), mean: minutesPos }),
  z.strictObject({ dist: z.literal('uniform'), min: minutesNonNeg, max: minutesNonNeg }),
  z.strictObject({ dist: z.literal('lognormal'), mean: minutesPos, sd: minutesPos }),
  z.strictObject({ dist: z.literal('triangular'), min: minutesNonNeg, mode: minutesNonNeg, max: minutesNonNeg }),
  /** Gamma with this mean (minutes) and shape k (scale mean / k; variance mean² / k); fitted from case logs (importer/calibrate.ts). */
  z.strictObject({
    dist: z.literal('gamma'),
    mean: minutesPos,
    shape: finitePos.min(L.gammaShapeMin).max(L.gammaShapeMax),
  }),
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
  /** Multiplies the land use's default population density (at most 1,000,000). */
  popFactor: weight.optional(),
  lowLying: z.boolean().optional(),
  /** A bridge (or tunnel) over water: its cells are passable even where their land use is water. */
  bridge: z.boolean().optional(),
});

const Station = z.strictObject({
  id: name,
  name: Label,
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  /** Passengers a day; at most 5,000,000 (the busiest stations on earth see 3–4 million). */
  dailyRidership: finiteNonNeg.max(L.ridership).optional(),
});

const District = z.strictObject({
  id: name,
  name: Label,
  /** Rectangle in cell coordinates; a grid belongs to the district holding its top-left cell. */
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  w: z.number().int().positive(),
  h: z.number().int().positive(),
});

/**
 * A raster over the city's cells, run-length encoded: `[value, count]` pairs, row by row from the top-left cell
 * (cell id = y × cols + x), the counts adding up to cols × rows (validate.ts). An imported district's grid map,
 * land use and flags are kept this way: a 100 m district of 30,000 cells is a few hundred runs.
 */
export const Runs = z
  .array(z.tuple([z.number().int().min(-1).max(L.grids), z.number().int().positive().max(L.cells)]))
  .max(L.cells);
export type Runs = z.infer<typeof Runs>;

/** A responsibility grid of an imported district: its code, name (and English name) and community (社区) code. */
const GridDef = z.strictObject({
  code: name,
  name: name.optional(),
  /** Its English name, shown in English (the GeoJSON's `name:en`); left out: `name` in both languages. */
  nameEn: name.optional(),
  /** Code of its community (`city.hierarchy.communities`). */
  community: name.optional(),
});

/**
 * Cells and grids of a real district (allweather import): which cell belongs to which grid (-1: outside the
 * district, not part of the city), with land use, low-lying and bridge flags. Without it, the city is the
 * cols × rows rectangle cut into gridSize × gridSize grids.
 */
const Layout = z.strictObject({
  grids: z.array(GridDef).min(1).max(L.grids),
  /** Grid index (into `grids`) of every cell, or -1 for a cell outside the district. */
  grid: Runs,
  /** Land use index (into LAND_USES: residential, commercial, industrial, transport, green, water, mixed); water is impassable. */
  landUse: Runs.optional(),
  /** 1 for low-lying cells (waterlogging in a storm). */
  lowLying: Runs.optional(),
  /** 1 for cells a bridge crosses: passable even when their land use is water. */
  bridge: Runs.optional(),
});

/** A place of the hierarchy: its code, its name as the data has it, and optionally an English name shown in English. */
const Place = z.strictObject({ code: name, name, nameEn: name.optional() });
/**
 * The administrative hierarchy 区 → 街道 → 社区 → 网格 by codes and names. Grids name their community
 * (`layout.grids[].community`), communities their street; on a k × k city the streets are `districts`
 * (a grid belongs to the street holding its top-left cell).
 */
const Hierarchy = z.strictObject({
  district: Place,
  streets: z.array(Place).max(L.districts).default([]),
  communities: z
    .array(z.strictObject({ code: name, name, nameEn: name.optional(), street: name }))
    .max(L.districts)
    .default([]),
});

/** Where the cell lattice is on the earth (an imported district): the WGS84 lon/lat of the top-left corner of cell 0, and the local projection used. */
const Geo = z.strictObject({
  originLon: z.number().finite().min(-180).max(180),
  originLat: z.number().finite().min(-90).max(90),
  /** How lon/lat became metres: a local equirectangular projection about `lat0` (metres east/south of the origin). */
  projection: z.literal('equirectangular'),
  lat0: z.number().finite().min(-90).max(90),
  /** Simulation time 0 is local midnight of the first day at this UTC offset, minutes (China: 480). */
  utcOffsetMin: z.number().int().min(-720).max(840).default(480),
  /** The first day (local date, YYYY-MM-DD) of the case log the scenario was calibrated from. */
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

/** People per cell, day and night (at most 1,000,000). */
const Density = z.strictObject({ day: finiteNonNeg.max(L.density), night: finiteNonNeg.max(L.density) });

export const City = z.strictObject({
  /** Side of a unit cell, 1..10,000 m (patrols raise one event per cell walked: tiny cells multiply them). */
  cellSizeM: finitePos.min(L.cellSizeMMin).max(L.cellSizeMMax).default(100),
  /** At most 2,000 columns and 2,000 rows, and at most 1,000,000 cells in all (validate.ts). */
  cols: z.number().int().positive().max(L.citySide),
  rows: z.number().int().positive().max(L.citySide),
  /** k: a responsibility grid is k x k unit cells. Must divide cols and rows; at most 50,000 grids (validate.ts). */
  gridSize: z.number().int().positive().max(L.citySide),
  defaultLandUse: LandUse.default('mixed'),
  /** People per cell by land use, day and night (defaults in city.ts). */
  density: z.partialRecord(LandUse, Density).optional(),
  zones: z.array(Zone).max(L.zones).default([]),
  stations: z.array(Station).max(L.stations).default([]),
  districts: z.array(District).max(L.districts).default([]),
  /** An imported district's own cells and grids (see Layout); gridSize then only names the k of k × k regroupings. */
  layout: Layout.optional(),
  /**
   * A grid-size study on an imported district (needs `layout`, with gridSize 1): merge neighbouring grids until at
   * most this many remain (src/scenario/merge.ts: the smallest into its neighbour, same community first). Left out, or
   * at least the district's grid count: its own grids as they are.
   */
  mergeToGrids: z.number().int().positive().max(L.grids).optional(),
  hierarchy: Hierarchy.optional(),
  geo: Geo.optional(),
});

const Weights = z.strictObject({
  /** Multiplier per land use (missing ones count 1; at most 1,000,000). */
  landUse: z.partialRecord(LandUse, weight).optional(),
  /** Which population weights the location: day, night, by hour (day 07-19, night otherwise) or none. */
  population: z.enum(['none', 'day', 'night', 'byHour']).default('none'),
  /** Only these cells' flags count: lowLying restricts to low-lying cells, station to station cells. */
  only: z.enum(['any', 'lowLying', 'station']).default('any'),
  /**
   * Weights of single cells (calibrated from a case log: allweather import --cases): `weights` lists
   * `[cell id, weight]`, every other cell of the city weighs `floor`. When given, they replace land use and
   * population as the location weight.
   */
  cells: z
    .strictObject({
      weights: z.array(z.tuple([z.number().int().nonnegative().max(L.cells), weight])).max(L.cells),
      floor: weight.default(0),
    })
    .optional(),
});

const Discovery = z.strictObject({
  /** Shares of the three channels; they are normalised (each at most 1,000,000). */
  patrol: weight.default(0),
  citizen: weight.default(0),
  sensor: weight.default(1),
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
  /** Rate multiplier grows by this per mm/h of rain (negative: fewer cases in rain; never below 0). |x| ≤ 100. */
  ratePerMm: z.number().finite().min(-L.perMm).max(L.perMm).default(0),
  /** Handling time multiplier grows by this per mm/h of rain (at most 100). */
  handlingPerMm: finiteNonNeg.max(L.perMm).default(0),
  /** Extra cases per hour per mm/h of rain above the drainage capacity (waterlogging, 内涝); at most 100,000. */
  excessCasesPerMm: finiteNonNeg.max(L.excessCasesPerMm).default(0),
});

export const EventType = z.strictObject({
  id: name,
  name: Label,
  /** Mean cases per day over the whole city; at most 10,000,000 (the run-size estimate judges the total). */
  ratePerDay: finiteNonNeg.max(L.ratePerDay),
  /** Relative weights per hour of the day (24) or of the week (168, Monday 00:00 first); each at most 1,000,000. */
  profile: z
    .array(weight)
    .refine((a) => a.length === 24 || a.length === 168, {
      message: 'profile must have 24 or 168 entries',
    })
    .optional(),
  weights: Weights.default({ population: 'none', only: 'any' }),
  /** 1 is the most urgent. */
  priority: z.number().int().min(1).max(4).default(3),
  discovery: Discovery.default({
    patrol: 0,
    citizen: 0,
    sensor: 1,
    citizenDelayMin: { dist: 'exponential', mean: 30 },
    patrolFallbackMin: { dist: 'exponential', mean: 240 },
  }),
  skill: name,
  crew: z.number().int().positive().max(20).default(1),
  handlingMin: Dist,
  /** Filed to on scene (at most a year, as every minute figure). */
  responseDeadlineMin: minutesPos,
  /** Occurrence to closed. */
  resolutionDeadlineMin: minutesPos,
  rain: RainEffect.optional(),
  /** This type's command-centre delays, where they differ from the scenario's `workflow` (a marshal's radio call is filed at once). */
  centre: z
    .strictObject({
      fileMin: Dist.optional(),
      dispatchMin: Dist.optional(),
      verifyMin: Dist.optional(),
      closeMin: Dist.optional(),
    })
    .optional(),
  /** Raised by the metro driver when a station's security queue passes its threshold (no Poisson arrivals of its own needed). */
  crowdIncident: z.boolean().default(false),
});
export type EventType = z.infer<typeof EventType>;

export const Shift = z.strictObject({
  start: TimeOfDay,
  end: TimeOfDay,
  /** Staff on this shift: per grid when the team is placed per grid, in total otherwise. At most 20,000, and at most 100,000 rostered in all (validate.ts). */
  staff: z.number().int().nonnegative().max(L.staffPerShift),
});

export const TRAVEL_MODES = ['walk', 'ebike', 'vehicle'] as const;

export const Team = z.strictObject({
  id: name,
  name: Label,
  skills: z.array(name).min(1).max(30),
  mode: z.enum(TRAVEL_MODES).default('ebike'),
  /** Overrides the mode's speed (at most 500 km/h). */
  speedKmh: finitePos.max(L.speedKmh).optional(),
  /**
   * perGrid: `staff` members of each shift in every grid;
   * spread: `staff` in total, each responsible for a run of neighbouring grids (when there are fewer staff than grids), bound by the grid rules;
   * pooled: `staff` in total, a city-wide force (home grids spread evenly, for patrol).
   */
  placement: z.enum(['perGrid', 'spread', 'pooled']).default('pooled'),
  shifts: z.array(Shift).min(1).max(L.shiftsPerTeam),
  /** At shift end a busy member either finishes the case as overtime or hands it over. */
  shiftEnd: z.enum(['overtime', 'handover']).default('overtime'),
  /** Idle members walk their home grid and discover latent cases. */
  patrol: z.boolean().default(true),
  hourlyCostCny: finiteNonNeg.max(1_000_000).default(60),
  /** A metro station (city.stations id) the team is based at: its grid is the members' home grid. */
  station: name.optional(),
  /** field: dispatched to cases; securityLanes: each member on duty opens one security lane at `station`. */
  role: z.enum(['field', 'securityLanes']).default('field'),
});
export type Team = z.infer<typeof Team>;

export const Dispatch = z.strictObject({
  /** gridBound: own grid's staff only; nearest: any staff; gridFirst: own grid, then neighbour grids after a wait. */
  policy: z.enum(['gridBound', 'nearest', 'gridFirst']).default('nearest'),
  neighbourWaitMin: minutesNonNeg.default(10),
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
  /** km/h, each at most 500. */
  speedKmh: z
    .strictObject({
      walk: finitePos.max(L.speedKmh),
      ebike: finitePos.max(L.speedKmh),
      vehicle: finitePos.max(L.speedKmh),
    })
    .default({ walk: 4.5, ebike: 15, vehicle: 25 }),
  /** Street distance over lattice (Manhattan) distance (1..100). */
  detourFactor: z.number().finite().min(1).max(100).default(1.2),
  /** Distance inside one cell, metres (at most 10,000). */
  intraCellM: finiteNonNeg.max(L.cellSizeMMax).default(50),
  /** Patrol walks at this share of the travel speed. */
  patrolSpeedFactor: finitePos.max(1).default(0.5),
  /**
   * How cells are apart: absent (or 'cells'), by steps through passable cells, around water and over bridges
   * (src/sim/paths.ts); 'lattice', the straight lattice distance through everything (what a city of hundreds of
   * thousands of cells uses: the exact search around its rivers costs ~30 times the run there, docs/scale-profile.md).
   */
  metric: z.enum(['cells', 'lattice']).optional(),
});

export const Run = z.strictObject({
  /** Simulated days, at most 366 (a leap year; --days has the same bound). */
  days: finitePos.max(L.days).default(1),
  /** At most 8,784 h (and shorter than the run, validate.ts). */
  warmupHours: runHour.default(0),
  /** 0 = Monday; used by 168-hour profiles. */
  startDayOfWeek: z.number().int().min(0).max(6).default(0),
  /** 32-bit: at most 4,294,967,295. */
  seed: z.number().int().nonnegative().max(L.seed).default(1),
  /**
   * Where cases come from: `poisson` (left out: the same) draws each event type's arrivals from its rate and
   * profile; `trace` replays the scenario's `trace` (a case log's own cases, at their times and cells) instead.
   */
  arrivals: z.enum(['poisson', 'trace']).optional(),
});

const DesignStorm = z.strictObject({
  /** Hours from the run start at which rain begins (at most 8,784). */
  startHour: runHour,
  durationH: runHours,
  /** Total depth, mm (at most 10,000). */
  totalMm: finiteNonNeg.max(L.stormTotalMm),
  /** Where the peak falls, as a share of the duration (triangular hyetograph). */
  peak: z.number().min(0).max(1).default(0.4),
});

export const Weather = z.strictObject({
  /** Rainfall in mm per hour from the run start, one value an hour; hours past the end are dry. Added to any design storm. At most 8,784 values of at most 1,000 mm/h. */
  rainMmPerH: z.array(finiteNonNeg.max(L.rainMmPerH)).max(L.hours).optional(),
  designStorm: DesignStorm.optional(),
  /** Drainage capacity in mm/h: rain above it floods low-lying cells. */
  drainageMmPerH: finitePos.max(L.rainMmPerH).default(36),
  /** Travel (and patrol) takes (1 + this x mm/h) times as long in rain (at most 100). */
  travelSlowdownPerMm: finiteNonNeg.max(L.perMm).default(0.01),
});

const Surge = z.strictObject({
  station: name,
  /** Hours from the run start (at most 8,784). */
  startHour: runHour,
  durationH: runHours,
  /** Passengers added over the surge, spread evenly over its hours (at most 5,000,000). */
  extraPassengers: finiteNonNeg.max(L.ridership),
});

export const Metro = z.strictObject({
  /** Relative weights of the daily ridership by hour of day (24), each at most 1,000,000. */
  curve: z.array(weight).length(24),
  /** Mean security-check time per passenger per lane, seconds (exponential; at most an hour). */
  securityServiceS: finitePos.max(3600).default(4),
  /** Passengers waiting at security above which crowd incidents are raised. */
  crowdThreshold: z.number().int().positive().max(L.ridership).default(300),
  /** At most one incident per station per this many minutes while above the threshold. */
  incidentCooldownMin: minutesPos.default(15),
  surges: z.array(Surge).max(L.surges).default([]),
});

/**
 * The defaults of the optional blocks, for code that reads a field of a block
 * the scenario left out (a storm injected into a dry scenario, say): the
 * schema is the one source of every default, so the engine never writes its
 * own `?? <number>`.
 */
export const WEATHER_DEFAULTS = Weather.parse({});
export const RAIN_EFFECT_DEFAULTS = RainEffect.parse({});
export const METRO_DEFAULTS = Metro.parse({ curve: Array(24).fill(1) });

export const Targets = z.strictObject({
  /** A grid-hour is covered when its SLA attainment is at least this. */
  coverage: z.number().min(0).max(1).default(0.8),
});

/**
 * A case log's own cases (allweather import --cases), to replay as arrivals when `run.arrivals` is `trace`:
 * `[event type index, occurred (seconds from time 0 = local midnight of the first day), cell id]`.
 */
export const Trace = z.strictObject({
  cases: z
    .array(
      z.tuple([
        z.number().int().nonnegative().max(L.eventTypes),
        finiteNonNeg.max(L.hours * 3600),
        z.number().int().nonnegative().max(L.cells),
      ]),
    )
    .max(L.traceCases),
});

/** A longer bilingual text (a description), at most 10,000 characters a language. */
const LongLabel = z.strictObject({ zh: z.string().min(1).max(L.noteChars), en: z.string().min(1).max(L.noteChars) });

export const Scenario = z.strictObject({
  $schema: z.string().max(2000).optional(),
  schemaVersion: z.number().int().positive(),
  id: z
    .string()
    .max(L.nameChars)
    .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  name: Label,
  description: LongLabel.optional(),
  /** Where each figure comes from: at most 500 notes of at most 10,000 characters. */
  notes: z.array(z.string().max(L.noteChars)).max(L.notes).default([]),
  run: Run.default({ days: 1, warmupHours: 0, startDayOfWeek: 0, seed: 1 }),
  city: City,
  eventTypes: z.array(EventType).min(1).max(L.eventTypes),
  teams: z.array(Team).min(1).max(L.teams),
  dispatch: Dispatch.default({ policy: 'nearest', neighbourWaitMin: 10, order: 'priority', preemption: false }),
  workflow: Workflow.default({
    fileMin: { dist: 'fixed', value: 0 },
    dispatchMin: { dist: 'fixed', value: 0 },
    verifyMin: { dist: 'fixed', value: 0 },
    closeMin: { dist: 'fixed', value: 0 },
  }),
  travel: Travel.default({
    enabled: true,
    speedKmh: { walk: 4.5, ebike: 15, vehicle: 25 },
    detourFactor: 1.2,
    intraCellM: 50,
    patrolSpeedFactor: 0.5,
  }),
  targets: Targets.default({ coverage: 0.8 }),
  weather: Weather.optional(),
  metro: Metro.optional(),
  trace: Trace.optional(),
});

/** A scenario after parsing: every default filled in. */
export type Scenario = z.infer<typeof Scenario>;
/** A scenario as written in a file. */
export type ScenarioInput = z.input<typeof Scenario>;
