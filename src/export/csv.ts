/**
 * Tidy CSV for spreadsheets.
 *
 * One observation a row, a header row first, CRLF line ends (RFC 4180), and a
 * UTF-8 byte-order mark so that Excel and WPS read Chinese text correctly.
 * Text cells that a spreadsheet would treat as a formula (starting with
 * = + - @, tab or CR) get a leading apostrophe, so a hostile event-type name
 * cannot run anything when the file is opened. Numbers are written as is;
 * null and undefined become empty cells.
 */

export type Cell = string | number | boolean | null | undefined;

/** UTF-8 byte-order mark. */
export const BOM = '\uFEFF';

/** One cell, escaped and quoted as needed. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** A whole CSV document (with BOM) from a header and rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}

/**
 * Undoes `csvCell`'s formula escape on a parsed text cell: a leading
 * apostrophe before = + - @ tab or CR is dropped. (Text that itself began
 * with such an apostrophe cannot be told apart; no field we write does.)
 */
export function csvUnescape(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
