/**
 * A CSV we write, read back by a real CSV parser (papaparse, as the app and
 * most tools would): Chinese text survives, a hostile cell starting with `=`
 * arrives defused (with its apostrophe) and, after removing the escape, equal
 * to what was written; numbers come back as the same numbers.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvUnescape, toCsv, type Cell } from './csv.ts';
import { tidyCsv, TIDY_COLUMNS } from './tidy.ts';
import { fakeRun } from '../analysis/fakeRun.ts';
import { KPI_NAMES } from '../analysis/aggregate.ts';

describe('CSV round trip through papaparse', () => {
  const rows: Cell[][] = [
    ['暴露垃圾', '=HYPERLINK("http://x","点我")', 1.5],
    ['占道经营, "夜市"', '+86 138', -2],
    ['@SUM(A1:A9)', '-x', 0],
    ['多行\n文本', '\t=1+1', null],
    ["人民广场站 People's Square", 'plain', 1e-7],
  ];
  const csv = toCsv(['名称 name', 'note', 'value'], rows);

  it('starts with a BOM and defuses every formula-like cell', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...body] = parsed.data;
    expect(header).toEqual(['名称 name', 'note', 'value']); // BOM not glued to the first header
    // Text cells are defused; numbers (-2) are numbers, written as is.
    for (const r of body) for (const cell of r.slice(0, 2)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(body[0][1]).toBe('\'=HYPERLINK("http://x","点我")');
  });

  it('gives back the same text and numbers after removing the escape', () => {
    const body = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1);
    expect(body).toHaveLength(rows.length);
    body.forEach((r, i) => {
      expect(csvUnescape(r[0])).toBe(rows[i][0]);
      expect(csvUnescape(r[1])).toBe(rows[i][1]);
      expect(r[2] === '' ? null : Number(r[2])).toBe(rows[i][2]);
    });
  });

  it('reads the tidy CSV back with the same observations', () => {
    const results = [fakeRun(1), fakeRun(2)];
    const parsed = Papa.parse<Record<string, string>>(tidyCsv([{ run: 'r1', variant: '基准 baseline', results }]), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual([...TIDY_COLUMNS]);
    expect(parsed.data).toHaveLength(2 * KPI_NAMES.length);
    for (const row of parsed.data) {
      const r = Number(row.replication);
      expect(row.variant).toBe('基准 baseline');
      expect(Number(row.seed)).toBe(results[r].seed);
      const v = results[r].kpis[row.measure as (typeof KPI_NAMES)[number]];
      expect(row.value === '' ? null : Number(row.value)).toBe(v);
    }
  });
});
