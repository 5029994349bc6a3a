/**
 * Reading a case log (数字化城管 / 12345 export) for calibration: CSV with a header row, UTF-8 (a byte-order mark
 * is accepted), parsed by papaparse.
 *
 * Columns (names matched without regard to case or surrounding spaces): required `type`, `reportedAt`, `lon`,
 * `lat`; optional `id`, `gridCode`, `dispatchedAt`, `onSceneAt`, `handledAt`, `closedAt`; others are ignored.
 * Times are ISO 8601 with a UTC offset (`2024-08-01T08:15:00+08:00`, `2024-08-01 08:15+0800`, `…Z`); a time
 * without an offset is refused, because the log's local day could not be known from it. lon/lat are WGS84
 * degrees.
 *
 * Every data row is either usable or listed with its reason (report.ts, BAD_ROW_REASONS): nothing is dropped
 * silently. Rows whose every field is empty (a trailing newline) are not data rows. Row numbers count the
 * header as row 1, so they are the file's line numbers when no field holds a line break.
 *
 * Pure: no I/O (the caller reads the file).
 */
import Papa from 'papaparse';

export const REQUIRED_COLUMNS = ['type', 'reportedAt', 'lon', 'lat'] as const;
export const OPTIONAL_COLUMNS = ['id', 'gridCode', 'dispatchedAt', 'onSceneAt', 'handledAt', 'closedAt'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** An ISO 8601 time: epoch milliseconds and its UTC offset, or why it is not one. */
export type ParsedTime = { ok: true; ms: number; offsetMin: number } | { ok: false; reason: 'bad_time' | 'no_offset' };

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Parse `YYYY-MM-DDTHH:MM[:SS[.fff]]±HH[:MM]` (or `Z`; a space may replace the T). */
export function parseIsoTime(text: string): ParsedTime {
  const m = ISO.exec(text.trim());
  if (!m) return { ok: false, reason: 'bad_time' };
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const frac = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return { ok: false, reason: 'bad_time' };
  const dayMs = Date.UTC(y, mo - 1, d);
  if (new Date(dayMs).getUTCDate() !== d) return { ok: false, reason: 'bad_time' }; // 2024-02-30
  if (m[8] === undefined) return { ok: false, reason: 'no_offset' };
  let offsetMin = 0;
  if (m[8] !== 'Z' && m[8] !== 'z') {
    const digits = m[8].slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2)),
      om = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (oh > 14 || om > 59) return { ok: false, reason: 'bad_time' };
    offsetMin = (m[8][0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = dayMs + ((h * 60 + mi - offsetMin) * 60 + s) * 1000 + Math.round(frac * 1000);
  return { ok: true, ms, offsetMin };
}

/** One data row as read: fields by column (trimmed; undefined when the column is absent). */
export interface RawRow {
  /** Row number in the file (the header is row 1). */
  row: number;
  get(col: Column): string | undefined;
}

export type ReadResult =
  | { ok: true; rows: RawRow[]; columns: Column[] }
  | { ok: false; errors: { path: string; code: string; zh: string; en: string }[] };

/** Split the CSV into rows by column; a missing required column or an empty file is an error. */
export function readCaseLog(csvText: string): ReadResult {
  const text = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const data = parsed.data;
  if (data.length === 0 || data[0].every((c) => c.trim() === '')) {
    return {
      ok: false,
      errors: [
        {
          path: 'csv',
          code: 'csv_empty',
          zh: '案件记录为空：需要表头行（type,reportedAt,lon,lat …）和数据行',
          en: 'the case log is empty: it needs a header row (type,reportedAt,lon,lat …) and data rows',
        },
      ],
    };
  }
  const header = data[0].map((h) => h.trim().toLowerCase());
  const known = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
  const index = new Map<Column, number>();
  for (const col of known) {
    const i = header.indexOf(col.toLowerCase());
    if (i >= 0) index.set(col, i);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((c) => ({
        path: `csv.header.${c}`,
        code: 'missing_column',
        zh: `案件记录缺少必需列 "${c}"（必需列：${REQUIRED_COLUMNS.join(', ')}；表头为：${data[0].join(', ')}）`,
        en: `the case log has no "${c}" column (required: ${REQUIRED_COLUMNS.join(', ')}; the header is: ${data[0].join(', ')})`,
      })),
    };
  }
  const rows: RawRow[] = [];
  for (let r = 1; r < data.length; r++) {
    const fields = data[r];
    if (fields.every((f) => f.trim() === '')) continue;
    rows.push({
      row: r + 1,
      get: (col) => {
        const i = index.get(col);
        return i === undefined ? undefined : (fields[i] ?? '').trim();
      },
    });
  }
  return { ok: true, rows, columns: known.filter((c) => index.has(c)) };
}

/** A number written as a decimal (not an empty string, not "1e400", not "12abc"). */
export function parseCoordinate(text: string | undefined): number | null {
  if (text === undefined || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  const x = Number(text);
  return Number.isFinite(x) ? x : null;
}
