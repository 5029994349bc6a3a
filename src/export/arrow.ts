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
 * The file holds one record batch per replication (none for a replication
 * without cases) and each dictionary once, before the first batch: the
 * values of the scenario's event types and grids, fixed from the first
 * replication, so a writer can stream replication after replication
 * (`arrowCaseWriter`: the CLI writes each to disk as it finishes, in seed
 * order, and memory stays at one replication's log). `casesToArrow` gives the
 * same bytes in one piece, so the app can offer them as a download; the same
 * log always gives the same bytes. Pure: runs in the browser and in Node.
 */
import {
  AsyncByteQueue,
  Bool,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int8,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  Table,
  Utf8,
  makeData,
  tableFromIPC,
  vectorFromArray,
  type Data,
  type DataType,
  type Vector,
} from 'apache-arrow';
import type { CaseRecord, RunResult } from '../sim/result.ts';

/** Case-log times, in log order: -1 (the step did not happen) becomes null in Arrow and Parquet. */
export const TIME_FIELDS = [
  'occurredS',
  'discoveredS',
  'filedS',
  'dispatchedS',
  'onSceneS',
  'handlingStartS',
  'handledS',
  'verifiedS',
  'closedS',
] as const;
/** Case-log stage durations, in log order. */
export const STAGE_FIELDS = [
  'discoveryS',
  'centreS',
  'queueS',
  'travelS',
  'handlingS',
  'responseCentreS',
  'responseQueueS',
  'responseTravelS',
] as const;
type TimeField = (typeof TIME_FIELDS)[number];

/** A case as read back from Arrow: times null where the engine wrote -1. */
export type ArrowCaseRow = Omit<CaseRecord, TimeField | 'grid' | 'gridCode'> & { [K in TimeField]: number | null } & {
  grid: string;
  replication: number;
  seed: number;
};

export const ARROW_COLUMNS = [
  'id',
  'type',
  'cell',
  'grid',
  'priority',
  'channel',
  ...TIME_FIELDS,
  'slaMet',
  ...STAGE_FIELDS,
  'replication',
  'seed',
] as const;

const INT32_MIN = -0x80000000,
  INT32_MAX = 0x7fffffff;
const CHANNELS = ['patrol', 'citizen', 'sensor'] as const;

// Fixed dictionary ids: left out, apache-arrow numbers dictionaries from a
// process-wide counter, and the same log would give different bytes.
const TYPE_DICT = new Dictionary(new Utf8(), new Int32(), 0);
const CHANNEL_DICT = new Dictionary(new Utf8(), new Int32(), 1);
const GRID_DICT = new Dictionary(new Utf8(), new Int32(), 2);

/**
 * The file's schema. Fixed, not inferred from the data: every record batch
 * (one per replication) must have the same schema, nullable or not.
 */
export const CASES_SCHEMA = new Schema([
  new Field('id', new Int32(), false),
  new Field('type', TYPE_DICT, false),
  new Field('cell', new Int32(), false),
  new Field('grid', GRID_DICT, false),
  new Field('priority', new Int8(), false),
  new Field('channel', CHANNEL_DICT, false),
  ...TIME_FIELDS.map((f) => new Field(f, new Float64(), true)),
  new Field('slaMet', new Bool(), true),
  ...STAGE_FIELDS.map((f) => new Field(f, new Float64(), false)),
  new Field('replication', new Int32(), false),
  new Field('seed', new Int32(), false),
]);

/** The values of the three dictionary columns, in dictionary order. */
export interface CaseDictionaries {
  type: string[];
  grid: string[];
  channel: string[];
}

/**
 * The dictionaries of some replications: every event type (byType order)
 * and every grid (coverage order) of the scenario, the three channels, then
 * any value of their logs not among those, in order of appearance. A
 * scenario's replications all share one set, so the first replication's
 * gives the whole file's: the dictionaries are written once, up front.
 */
export function caseDictionaries(results: readonly RunResult[]): CaseDictionaries {
  const type = new Set<string>(),
    grid = new Set<string>(),
    channel = new Set<string>(CHANNELS);
  for (const r of results) {
    for (const t of r.byType ?? []) type.add(t.id);
    for (const g of r.coverage?.grids ?? []) grid.add(g);
  }
  for (const r of results) {
    for (const c of r.log ?? []) {
      type.add(c.type);
      grid.add(c.gridCode);
      channel.add(c.channel);
    }
  }
  return { type: [...type], grid: [...grid], channel: [...channel] };
}

/** Builds one replication's record batch against fixed dictionaries. */
class BatchBuilder {
  private readonly dicts: { vector: Vector; index: Map<string, number>; name: string }[];

  constructor(d: CaseDictionaries) {
    this.dicts = (['type', 'channel', 'grid'] as const).map((name) => ({
      name,
      vector: vectorFromArray(d[name], new Utf8()),
      index: new Map(d[name].map((v, i) => [v, i])),
    }));
  }

  private indices(k: 0 | 1 | 2, values: (c: CaseRecord) => string, log: readonly CaseRecord[], type: Dictionary): Data {
    const { index, vector, name } = this.dicts[k];
    const out = new Int32Array(log.length);
    for (let i = 0; i < log.length; i++) {
      const v = values(log[i]);
      const j = index.get(v);
      if (j === undefined)
        throw new Error(
          `Arrow 字典中没有 ${name} 值 / the Arrow dictionary of "${name}" has no "${v}" (not a value of the first replication's scenario)`,
        );
      out[i] = j;
    }
    return makeData({ type, length: log.length, nullCount: 0, data: out, dictionary: vector as Vector<Utf8> });
  }

  batch(rep: number, r: RunResult): RecordBatch {
    if (r.seed < INT32_MIN || r.seed > INT32_MAX) {
      throw new RangeError(`Arrow 导出要求种子小于 2^31 / Arrow export needs seeds below 2^31, got ${r.seed}`);
    }
    const log = r.log ?? [];
    const n = log.length;
    const id = new Int32Array(n),
      cell = new Int32Array(n),
      priority = new Int8Array(n);
    const stages = STAGE_FIELDS.map(() => new Float64Array(n));
    const times = TIME_FIELDS.map(() => new Array<number | null>(n));
    const slaMet = new Array<boolean | null>(n);
    for (let i = 0; i < n; i++) {
      const c = log[i];
      id[i] = c.id;
      cell[i] = c.cell;
      priority[i] = c.priority;
      for (let f = 0; f < STAGE_FIELDS.length; f++) stages[f][i] = c[STAGE_FIELDS[f]];
      for (let f = 0; f < TIME_FIELDS.length; f++) {
        const t = c[TIME_FIELDS[f]];
        times[f][i] = t < 0 ? null : t;
      }
      slaMet[i] = c.slaMet;
    }
    const plain = <T extends DataType>(type: T, data: ArrayLike<number>) =>
      makeData({ type, length: n, nullCount: 0, data } as never) as Data;
    const children: Data[] = [
      plain(new Int32(), id),
      this.indices(0, (c) => c.type, log, TYPE_DICT),
      plain(new Int32(), cell),
      this.indices(2, (c) => c.gridCode, log, GRID_DICT),
      plain(new Int8(), priority),
      this.indices(1, (c) => c.channel, log, CHANNEL_DICT),
      ...times.map((t) => vectorFromArray(t, new Float64()).data[0]),
      vectorFromArray(slaMet, new Bool()).data[0],
      ...stages.map((s) => plain(new Float64(), s)),
      plain(new Int32(), new Int32Array(n).fill(rep)),
      plain(new Int32(), new Int32Array(n).fill(r.seed)),
    ];
    return new RecordBatch(
      CASES_SCHEMA,
      makeData({ type: new Struct(CASES_SCHEMA.fields), length: n, nullCount: 0, children }),
    );
  }
}

/** An apache-arrow sink that hands every chunk on as it is written. */
class ChunkSink extends AsyncByteQueue {
  constructor(private readonly onChunk: (chunk: Uint8Array) => void) {
    super();
  }

  override write(value: unknown): void {
    const chunk = value as Uint8Array;
    if (chunk.byteLength > 0) this.onChunk(chunk);
  }
}

/** Writes a case log as an Arrow IPC file, one record batch per replication. */
export interface ArrowCaseWriter {
  /** Appends replication `rep` (call for 0, 1, 2, ... in order); its log may be dropped afterwards. */
  add(rep: number, result: RunResult): void;
  /** Writes the footer. */
  finish(): void;
}

/**
 * A streaming writer of the case log: the file's bytes go to `write` as
 * they are made (chunks may be views into the batch's buffers: use or copy
 * them before the next call). Memory is one replication's batch, however
 * many replications. The dictionaries are fixed from the first replication
 * added (`caseDictionaries`) or given. The same replications in the same
 * order always give the same bytes.
 */
export function arrowCaseWriter(write: (chunk: Uint8Array) => void, dictionaries?: CaseDictionaries): ArrowCaseWriter {
  const writer = new RecordBatchFileWriter();
  writer.reset(new ChunkSink(write), CASES_SCHEMA);
  let builder = dictionaries ? new BatchBuilder(dictionaries) : null;
  return {
    add(rep, result) {
      builder ??= new BatchBuilder(caseDictionaries([result]));
      const batch = builder.batch(rep, result);
      if (batch.numRows > 0) writer.write(batch);
    },
    finish() {
      writer.finish();
    },
  };
}

/** The case logs of replications (in order: replication r is results[r]) as an Arrow Table, one batch per replication with a log. */
export function casesTable(results: readonly RunResult[]): Table {
  const builder = new BatchBuilder(caseDictionaries(results));
  return new Table(
    CASES_SCHEMA,
    results.map((r, rep) => builder.batch(rep, r)).filter((b) => b.numRows > 0),
  );
}

/** The case logs as an Arrow IPC file (bytes). Replications need their logs (run with log: true). Same bytes as `arrowCaseWriter`. */
export function casesToArrow(results: readonly RunResult[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const w = arrowCaseWriter((c) => {
    chunks.push(c);
    size += c.byteLength;
  }, caseDictionaries(results));
  results.forEach((r, rep) => w.add(rep, r));
  w.finish();
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Reads an Arrow IPC file (or stream) written by `casesToArrow` back into rows. */
export function casesFromArrow(bytes: Uint8Array): ArrowCaseRow[] {
  const table = tableFromIPC(bytes);
  const cols = Object.fromEntries(
    ARROW_COLUMNS.map((name) => {
      const v = table.getChild(name);
      if (!v) throw new Error(`Arrow 文件缺少列 / the Arrow file has no column "${name}"`);
      return [name, v];
    }),
  );
  const rows: ArrowCaseRow[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row = {} as Record<string, unknown>;
    for (const name of ARROW_COLUMNS) row[name] = cols[name].get(i);
    rows.push(row as ArrowCaseRow);
  }
  return rows;
}
