/**
 * The case log and the tidy table as Apache Parquet.
 *
 * Parquet is columnar and compressed (Snappy), and pandas
 * (`pd.read_parquet`), polars, R (`arrow::read_parquet`) and DuckDB
 * (`read_parquet`) read it directly, with the column types below (no
 * guessing as with CSV). Two files:
 *
 * - `cases.parquet`: the columns of `cases.arrow` (arrow.ts), same names,
 *   same order, same values: `id`, `cell`, `replication`, `seed` INT32,
 *   `priority` INT32 (Int8 in Arrow), `type`, `grid` (the grid's code, e.g.
 *   `G03-05`) and `channel` UTF8 strings (dictionary-encoded in the file),
 *   the nine step times DOUBLE and nullable (seconds from the run start;
 *   null where the step did not happen), `slaMet` BOOLEAN nullable, the
 *   eight stage times DOUBLE.
 * - `tidy.parquet`: the rows of `tidy.csv` (tidy.ts), same order: `run`,
 *   `variant`, `measure`, `unit` UTF8, `replication` INT32, `seed` INT64
 *   (seeds are not bounded by 2^31 in tidy.csv), `value` DOUBLE nullable.
 *   With `--cases` a case field that is not a number (`case.type`,
 *   `case.gridCode`, `case.channel`, `case.slaMet`) has its text in a
 *   `text` column (as tidy.csv writes it: `true`/`false` for slaMet) and
 *   a null `value`, and `case_id` (INT32, null on KPI rows) names the case.
 *
 * Written by hyparquet-writer (pure JavaScript: the same code in the
 * browser and in Node, no WebAssembly to load). One row group per
 * replication (none for a replication without rows), handed to `write` as
 * soon as it is encoded, so the CLI streams a log of any size as it does
 * the Arrow file; the footer comes at `finish`. The same replications in
 * the same order always give the same bytes. Pure.
 */
import { ByteWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from 'hyparquet-writer';
import type { RunResult } from '../sim/result.ts';
import type { Cell } from './csv.ts';
import { tidyReplicationRows } from './tidy.ts';
import { STAGE_FIELDS, TIME_FIELDS } from './arrow.ts';

/** At most this many rows in one row group (a replication with more is split). */
const ROW_GROUP_ROWS = 1 << 20;

/** `created_by` in every file's footer. */
export const PARQUET_CREATED_BY = 'allweather (hyparquet-writer)';

/** Streams a Parquet file a row group at a time. */
export interface ParquetStreamWriter {
  /** Appends replication `rep` (call for 0, 1, 2, ... in order). */
  add(rep: number, result: RunResult): void;
  /** Writes the footer. */
  finish(): void;
}

/** A hyparquet-writer sink that hands its bytes on after every row group (and at the end), then reuses its buffer. */
class ChunkWriter extends ByteWriter {
  constructor(private readonly onChunk: (chunk: Uint8Array) => void) {
    super(1 << 16);
  }

  flush(): void {
    if (this.index > 0) this.onChunk(new Uint8Array(this.buffer.slice(0, this.index)));
    this.index = 0;
  }

  override finish(): void {
    this.flush();
  }
}

type ColumnsOf = (rep: number, r: RunResult) => ColumnSource[] | null;

function streamWriter(write: (chunk: Uint8Array) => void, schemaColumns: ColumnSource[], columns: ColumnsOf) {
  const writer = new ChunkWriter(write);
  const pw = new ParquetWriter({
    writer,
    schema: schemaFromColumnData({ columnData: schemaColumns }),
    createdBy: PARQUET_CREATED_BY,
  });
  writer.flush(); // the magic number
  let next = 0;
  return {
    add(rep: number, result: RunResult) {
      if (rep !== next)
        throw new RangeError(`parquet writer: replication ${rep} added out of order (expected ${next})`);
      next++;
      const cols = columns(rep, result);
      if (cols && cols[0].data.length > 0) void pw.write({ columnData: cols, rowGroupSize: ROW_GROUP_ROWS });
    },
    finish() {
      void pw.finish();
    },
  };
}

/** The case log's columns, in `cases.arrow` order (ARROW_COLUMNS). */
export const PARQUET_CASE_COLUMNS = [
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

function caseColumns(rep: number, r: RunResult): ColumnSource[] {
  const log = r.log ?? [];
  const n = log.length;
  if (r.seed < -0x80000000 || r.seed > 0x7fffffff) {
    throw new RangeError(
      `Parquet 案件导出要求种子小于 2^31 / the Parquet case log needs seeds below 2^31, got ${r.seed}`,
    );
  }
  const id = new Int32Array(n),
    cell = new Int32Array(n),
    priority = new Int32Array(n);
  const type: string[] = new Array<string>(n),
    grid: string[] = new Array<string>(n),
    channel: string[] = new Array<string>(n);
  const times = TIME_FIELDS.map(() => new Array<number | null>(n));
  const stages = STAGE_FIELDS.map(() => new Float64Array(n));
  const slaMet = new Array<boolean | null>(n);
  for (let i = 0; i < n; i++) {
    const c = log[i];
    id[i] = c.id;
    cell[i] = c.cell;
    priority[i] = c.priority;
    type[i] = c.type;
    grid[i] = c.gridCode;
    channel[i] = c.channel;
    for (let f = 0; f < TIME_FIELDS.length; f++) {
      const t = c[TIME_FIELDS[f]];
      times[f][i] = t < 0 ? null : t;
    }
    for (let f = 0; f < STAGE_FIELDS.length; f++) stages[f][i] = c[STAGE_FIELDS[f]];
    slaMet[i] = c.slaMet;
  }
  return [
    { name: 'id', data: id, type: 'INT32', nullable: false },
    { name: 'type', data: type, type: 'STRING', nullable: false },
    { name: 'cell', data: cell, type: 'INT32', nullable: false },
    { name: 'grid', data: grid, type: 'STRING', nullable: false },
    { name: 'priority', data: priority, type: 'INT32', nullable: false },
    { name: 'channel', data: channel, type: 'STRING', nullable: false },
    ...TIME_FIELDS.map((name, f): ColumnSource => ({ name, data: times[f], type: 'DOUBLE', nullable: true })),
    { name: 'slaMet', data: slaMet, type: 'BOOLEAN', nullable: true },
    ...STAGE_FIELDS.map((name, f): ColumnSource => ({ name, data: stages[f], type: 'DOUBLE', nullable: false })),
    { name: 'replication', data: new Int32Array(n).fill(rep), type: 'INT32', nullable: false },
    { name: 'seed', data: new Int32Array(n).fill(r.seed), type: 'INT32', nullable: false },
  ];
}

/** A streaming writer of `cases.parquet`: one row group per replication with cases. Replications need their logs. */
export function parquetCaseWriter(write: (chunk: Uint8Array) => void): ParquetStreamWriter {
  const empty = caseColumns(0, { seed: 0, log: [] } as unknown as RunResult);
  return streamWriter(write, empty, caseColumns);
}

/** The tidy table's columns (tidy.csv's, with `text` and `case_id` when it has case rows). */
export function parquetTidyColumns(opts: { cases?: boolean } = {}): string[] {
  const base = ['run', 'replication', 'seed', 'variant', 'measure', 'value', 'unit'];
  return opts.cases ? [...base, 'text', 'case_id'] : base;
}

function tidyColumns(run: string, variant: string, opts: { cases?: boolean }): ColumnsOf {
  return (rep, r) => {
    const cols = {
      run: [] as string[],
      replication: [] as number[],
      seed: [] as bigint[],
      variant: [] as string[],
      measure: [] as string[],
      value: [] as (number | null)[],
      unit: [] as string[],
      text: [] as (string | null)[],
      case_id: [] as (number | null)[],
    };
    for (const row of tidyReplicationRows(run, variant, rep, r, opts)) {
      const v = row[5] as Cell;
      cols.run.push(row[0] as string);
      cols.replication.push(row[1] as number);
      cols.seed.push(BigInt(row[2] as number));
      cols.variant.push(row[3] as string);
      cols.measure.push(row[4] as string);
      cols.unit.push(row[6] as string);
      const num = typeof v === 'number' && Number.isFinite(v);
      cols.value.push(num ? v : null);
      if (opts.cases) {
        cols.text.push(typeof v === 'string' ? v : typeof v === 'boolean' ? String(v) : null);
        const id = row[7];
        cols.case_id.push(typeof id === 'number' ? id : null);
      }
    }
    const out: ColumnSource[] = [
      { name: 'run', data: cols.run, type: 'STRING', nullable: false },
      { name: 'replication', data: cols.replication, type: 'INT32', nullable: false },
      { name: 'seed', data: cols.seed, type: 'INT64', nullable: false },
      { name: 'variant', data: cols.variant, type: 'STRING', nullable: false },
      { name: 'measure', data: cols.measure, type: 'STRING', nullable: false },
      { name: 'value', data: cols.value, type: 'DOUBLE', nullable: true },
      { name: 'unit', data: cols.unit, type: 'STRING', nullable: false },
    ];
    if (opts.cases) {
      out.push({ name: 'text', data: cols.text, type: 'STRING', nullable: true });
      out.push({ name: 'case_id', data: cols.case_id, type: 'INT32', nullable: true });
    }
    return out;
  };
}

/** A streaming writer of `tidy.parquet` for one run: one row group per replication (its KPIs, then with `cases` its case fields). */
export function parquetTidyWriter(
  run: string,
  variant: string,
  write: (chunk: Uint8Array) => void,
  opts: { cases?: boolean } = {},
): ParquetStreamWriter {
  const empty = tidyColumns('', '', opts)(0, { seed: 0, kpis: {}, log: [] } as unknown as RunResult)!;
  return streamWriter(write, empty, tidyColumns(run, variant, opts));
}

/** Concatenates chunks. */
function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** `cases.parquet` of some replications in one piece (same bytes as the streaming writer). */
export function casesToParquet(results: readonly RunResult[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const w = parquetCaseWriter((c) => chunks.push(c));
  results.forEach((r, rep) => w.add(rep, r));
  w.finish();
  return concat(chunks);
}

/** `tidy.parquet` of one run in one piece. */
export function tidyToParquet(
  run: string,
  variant: string,
  results: readonly RunResult[],
  opts: { cases?: boolean } = {},
): Uint8Array {
  const chunks: Uint8Array[] = [];
  const w = parquetTidyWriter(run, variant, (c) => chunks.push(c), opts);
  results.forEach((r, rep) => w.add(rep, r));
  w.finish();
  return concat(chunks);
}
