/**
 * The per-case event log as Apache Arrow.
 *
 * A day of a big city is thousands of cases per replication; CSV of that is
 * slow to write and to read. Arrow's IPC file format ("Feather v2") is
 * columnar and typed, and pandas (`pd.read_feather`), R (`arrow::read_feather`)
 * and DuckDB (`read_arrow` / via pyarrow) read it directly. One row per case
 * per replication:
 *
 * | column | Arrow type | meaning |
 * |---|---|---|
 * | id | Int32 | case id within its replication |
 * | type | Dictionary<Int32, Utf8> | event-type id |
 * | cell | Int32 | unit cell index (row-major: y · cols + x) |
 * | grid | Dictionary<Int32, Utf8> | responsibility-grid code (e.g. G03-05) |
 * | priority | Int8 | 1 most urgent … 4 |
 * | channel | Dictionary<Int32, Utf8> | patrol, citizen or sensor |
 * | occurredS … closedS | Float64, nullable | seconds from the run start (handlingStartS: the whole crew on scene); null where the step did not happen (-1 in the engine) |
 * | discoveryS … handlingS, responseCentreS … responseTravelS | Float64 | stage seconds (src/sim/stages.ts): the five add up to the resolution, the three response ones to the response |
 * | slaMet | Bool, nullable | met both deadlines; null when undecided at the horizon |
 * | replication | Int32 | replication index r |
 * | seed | Int32 | its seed (seed + r); seeds must be below 2^31 |
 *
 * Writing returns bytes (Uint8Array), so the app can offer them as a download
 * and the CLI can write a file; the same log always gives the same bytes.
 * Pure: runs in the browser and in Node.
 */
import { Bool, Dictionary, Float64, Int32, Int8, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { CaseRecord, RunResult } from '../sim/result.ts';

const TIME_FIELDS = ['occurredS', 'discoveredS', 'filedS', 'dispatchedS', 'onSceneS', 'handlingStartS', 'handledS', 'verifiedS', 'closedS'] as const;
const STAGE_FIELDS = ['discoveryS', 'centreS', 'queueS', 'travelS', 'handlingS', 'responseCentreS', 'responseQueueS', 'responseTravelS'] as const;
type TimeField = (typeof TIME_FIELDS)[number];

/** A case as read back from Arrow: times null where the engine wrote -1. */
export type ArrowCaseRow = Omit<CaseRecord, TimeField | 'grid' | 'gridCode'> & { [K in TimeField]: number | null } & { grid: string; replication: number; seed: number };

export const ARROW_COLUMNS = ['id', 'type', 'cell', 'grid', 'priority', 'channel', ...TIME_FIELDS, 'slaMet', ...STAGE_FIELDS, 'replication', 'seed'] as const;

const INT32_MIN = -0x80000000, INT32_MAX = 0x7fffffff;

/** The case logs of replications (in order: replication r is results[r]) as an Arrow Table. */
export function casesTable(results: readonly RunResult[]): Table {
  const n = results.reduce((s, r) => s + (r.log?.length ?? 0), 0);
  const id = new Int32Array(n), cell = new Int32Array(n), priority = new Int8Array(n);
  const grid: string[] = new Array(n);
  const stages: Record<(typeof STAGE_FIELDS)[number], Float64Array> = Object.fromEntries(STAGE_FIELDS.map((f) => [f, new Float64Array(n)])) as Record<(typeof STAGE_FIELDS)[number], Float64Array>;
  const replication = new Int32Array(n), seed = new Int32Array(n);
  const type: string[] = new Array(n), channel: string[] = new Array(n);
  const times: Record<TimeField, (number | null)[]> = Object.fromEntries(TIME_FIELDS.map((f) => [f, new Array(n)])) as Record<TimeField, (number | null)[]>;
  const slaMet: (boolean | null)[] = new Array(n);
  let i = 0;
  results.forEach((r, rep) => {
    if (r.seed < INT32_MIN || r.seed > INT32_MAX) {
      throw new RangeError(`Arrow 导出要求种子小于 2^31 / Arrow export needs seeds below 2^31, got ${r.seed}`);
    }
    for (const c of r.log ?? []) {
      id[i] = c.id; cell[i] = c.cell; grid[i] = c.gridCode; priority[i] = c.priority;
      for (const f of STAGE_FIELDS) stages[f][i] = c[f];
      type[i] = c.type; channel[i] = c.channel;
      for (const f of TIME_FIELDS) times[f][i] = c[f] < 0 ? null : c[f];
      slaMet[i] = c.slaMet;
      replication[i] = rep; seed[i] = r.seed;
      i++;
    }
  });
  // Fixed dictionary ids: left out, apache-arrow numbers dictionaries from a
  // process-wide counter, and the same log would give different bytes.
  const dict = (id: number) => new Dictionary(new Utf8(), new Int32(), id);
  return new Table({
    id: vectorFromArray(id),
    type: vectorFromArray(type, dict(0)),
    cell: vectorFromArray(cell),
    grid: vectorFromArray(grid, dict(2)),
    priority: vectorFromArray(priority),
    channel: vectorFromArray(channel, dict(1)),
    ...Object.fromEntries(TIME_FIELDS.map((f) => [f, vectorFromArray(times[f], new Float64())])),
    slaMet: vectorFromArray(slaMet, new Bool()),
    ...Object.fromEntries(STAGE_FIELDS.map((f) => [f, vectorFromArray(stages[f])])),
    replication: vectorFromArray(replication),
    seed: vectorFromArray(seed),
  });
}

/** The case logs as an Arrow IPC file (bytes). Replications need their logs (run with log: true). */
export function casesToArrow(results: readonly RunResult[]): Uint8Array {
  return tableToIPC(casesTable(results), 'file');
}

/** Reads an Arrow IPC file (or stream) written by `casesToArrow` back into rows. */
export function casesFromArrow(bytes: Uint8Array): ArrowCaseRow[] {
  const table = tableFromIPC(bytes);
  const cols = Object.fromEntries(ARROW_COLUMNS.map((name) => {
    const v = table.getChild(name);
    if (!v) throw new Error(`Arrow 文件缺少列 / the Arrow file has no column "${name}"`);
    return [name, v];
  }));
  const rows: ArrowCaseRow[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row = {} as Record<string, unknown>;
    for (const name of ARROW_COLUMNS) row[name] = cols[name].get(i);
    rows.push(row as ArrowCaseRow);
  }
  return rows;
}
