/**
 * Upper bounds on what a scenario (and a run of it) may ask for.
 *
 * A scenario file is data that arrives from outside: a colleague's file, a
 * share link, a manifest beside an export. A few characters can ask for a
 * run no machine can do — `"ratePerDay": 1e9`, `"staff": 1e9`, a 2000 × 2000
 * city cut into 1 × 1 grids, `"days": 1e308` — and the engine would then hang
 * or be killed by V8 ("invalid size error") instead of saying why. These
 * limits sit far above every real city district (the largest built-in,
 * lianhu-grids, has 14,535 cells, 1,615 grids and 1,154 rostered staff) and
 * far below what breaks: each one is checked by the schema (schema.ts) or the
 * cross-field checks (validate.ts) with a bilingual message naming the field.
 *
 * A scenario within every bound can still be big to run (a city-wide 10
 * million cases a day, a year of 220,000 metro passengers a day): that is
 * the run-size estimate's job (src/sim/runSize.ts), which the CLI and the
 * app consult before a run and which the user may override.
 *
 * The README's "Limits and safety" section lists the same numbers with the
 * reason for each; change both together.
 *
 * Pure: constants only.
 */

export const LIMITS = {
  /** Cells in the city (cols × rows): 1,000 × 1,000 unit cells is 10,000 km² at 100 m, a whole province's city. ~40 B each plus 8 B per event type. */
  cells: 1_000_000,
  /** Columns or rows of the city. */
  citySide: 2_000,
  /** Responsibility grids (cells / gridSize²): each costs per-skill staff lists and 24-hour tallies (~2 KB). Real districts have hundreds to a few thousand. */
  grids: 50_000,
  /** Staff on one shift (per grid for a perGrid team, in total otherwise). */
  staffPerShift: 20_000,
  /** Rostered staff in all (every shift; perGrid shifts count once per grid): each member is ~350 B of state and, on patrol, a stream of events. */
  staffTotal: 100_000,
  /** Mean cases a day of one event type. Shanghai's 12345 hotline takes tens of thousands a day; 10 million is a stress test, not a city. */
  ratePerDay: 10_000_000,
  /** A relative weight (arrival profile, metro curve, land-use weight, population factor): weights are normalised, so only their ratios matter; finite and at most this. */
  weight: 1_000_000,
  /** People per cell by land use (a 100 m cell of high-rise housing holds a few thousand). */
  density: 1_000_000,
  /** Daily ridership of one station, and passengers added by one surge: the busiest stations on earth see 3–4 million a day. */
  ridership: 5_000_000,
  /** Simulated days of one run (the scenario's run.days, --days, a manifest's days): a leap year. */
  days: 366,
  /** Hours in the longest run: warm-up, storm and surge times, rainfall series length. */
  hours: 366 * 24,
  /** Rain intensity in mm per hour (the world record for one hour is about 305 mm). */
  rainMmPerH: 1_000,
  /** Total depth of a design storm, mm (the world's 24-hour record is about 1,825 mm). */
  stormTotalMm: 10_000,
  /** Cell side in metres: between 1 m and 10 km. Small cells multiply patrol events (one per cell walked). */
  cellSizeMMin: 1,
  cellSizeMMax: 10_000,
  /** Speeds in km/h. */
  speedKmh: 500,
  /** Minutes in a distribution's parameter (handling times, delays, deadlines): a year. */
  minutes: 525_600,
  /** A gamma distribution's shape: below 0.01 nearly every draw is 0; above 10,000 it is a fixed value in disguise. */
  gammaShapeMin: 0.01,
  gammaShapeMax: 10_000,
  /** Cases of a replayed case log (a scenario's trace): a year of a busy district's 12345 and 数字化城管 cases. */
  traceCases: 5_000_000,
  /** Per-mm/h rain factors (rate, handling, travel slowdown). */
  perMm: 100,
  /** Extra cases an hour per mm/h of rain above drainage capacity. */
  excessCasesPerMm: 100_000,
  /** Replications of one run (--replications, a manifest's replications). */
  replications: 10_000,
  /** Characters of a label, id or skill name. */
  nameChars: 200,
  /** Characters of one note or a description (the built-in notes run to ~700). */
  noteChars: 10_000,
  /** Notes in a scenario. */
  notes: 500,
  /** Items in the scenario's lists: event types, teams, zones, stations, districts, shifts, surges. */
  eventTypes: 200,
  teams: 200,
  shiftsPerTeam: 48,
  zones: 20_000,
  stations: 1_000,
  districts: 10_000,
  surges: 1_000,
  /** Seeds are 32-bit (the CLI's --seed, replication r uses seed + r). */
  seed: 0xffff_ffff,
  /** Bytes of a file read as text: a scenario, manifest, drill or drill record. The largest built-in scenario is ~40 KB; a manifest embeds one. */
  fileBytes: 20_000_000,
} as const;

/** `20 MB`, `1.5 GB`: a byte count for a message. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(bytes >= 1e7 ? 0 : 1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(0)} KB`;
  return `${Math.round(bytes)} B`;
}

/** The bilingual refusal for a file over `LIMITS.fileBytes` (or a text that long). */
export function fileTooLargeMessage(
  name: string,
  bytes: number,
  limit: number = LIMITS.fileBytes,
): { zh: string; en: string } {
  return {
    zh: `文件“${name}”大小为 ${formatBytes(bytes)}，超过上限 ${formatBytes(limit)}；场景、清单和演练文件通常只有几十 KB，请确认选对了文件`,
    en: `the file "${name}" is ${formatBytes(bytes)}, over the ${formatBytes(limit)} limit; scenario, manifest and drill files are usually tens of KB: is it the right file?`,
  };
}
