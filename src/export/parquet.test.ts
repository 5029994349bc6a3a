import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { createSimService } from '../analysis/service.ts';
import { casesFromArrow, casesToArrow, ARROW_COLUMNS } from './arrow.ts';
import { casesToParquet, parquetCaseWriter, tidyToParquet, PARQUET_CASE_COLUMNS } from './parquet.ts';
import { tidyCsv } from './tidy.ts';
import { csvUnescape } from './csv.ts';

const text = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const service = createSimService();
const results = [1, 2].map((s) => service.runReplication(text, s, { log: true, days: 0.25 }));

const ab = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

/** tidy.csv parsed by hand: it has no quoted cells here (ids, numbers, codes). */
function parseCsv(csv: string): string[][] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  return csv
    .slice(1)
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(',').map(csvUnescape));
}

describe('Parquet', () => {
  it('cases.parquet reads back with the rows, columns and values of cases.arrow (times as numbers, grid as its code)', async () => {
    const bytes = casesToParquet(results);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('PAR1');
    const file = ab(bytes);
    const meta = parquetMetadata(file);
    expect(meta.row_groups.length).toBe(2); // one per replication
    const schema = parquetSchema(meta);
    expect(schema.children.map((c) => c.element.name)).toEqual([...ARROW_COLUMNS]);
    expect(PARQUET_CASE_COLUMNS).toEqual(ARROW_COLUMNS);
    const types = Object.fromEntries(schema.children.map((c) => [c.element.name, c.element.type]));
    expect(types).toMatchObject({
      id: 'INT32',
      grid: 'BYTE_ARRAY',
      occurredS: 'DOUBLE',
      slaMet: 'BOOLEAN',
      seed: 'INT32',
    });
    const rows = await parquetReadObjects({ file });
    const arrow = casesFromArrow(casesToArrow(results));
    expect(rows.length).toBe(arrow.length);
    expect(rows.length).toBe(results[0].log!.length + results[1].log!.length);
    for (let i = 0; i < rows.length; i++) {
      const want = Object.fromEntries(ARROW_COLUMNS.map((c) => [c, (arrow[i] as Record<string, unknown>)[c]]));
      expect(rows[i]).toEqual(want);
    }
    expect(typeof rows[0].occurredS).toBe('number');
    expect(rows[0].grid).toMatch(/^G\d+-\d+$/);
  });

  it('the same log gives the same bytes, streamed or in one piece', () => {
    const chunks: Uint8Array[] = [];
    const w = parquetCaseWriter((c) => chunks.push(c));
    results.forEach((r, i) => w.add(i, r));
    w.finish();
    expect(chunks.length).toBeGreaterThan(2); // magic, a row group per replication, footer
    const joined = new Uint8Array(chunks.reduce((s, c) => s + c.byteLength, 0));
    let at = 0;
    for (const c of chunks) {
      joined.set(c, at);
      at += c.byteLength;
    }
    expect(joined).toEqual(casesToParquet(results));
    expect(casesToParquet(results)).toEqual(casesToParquet(results));
  });

  it('tidy.parquet holds the rows of tidy.csv, KPIs and (with cases) every case field', async () => {
    for (const cases of [false, true]) {
      const csv = parseCsv(tidyCsv([{ run: 'r1', variant: 'v', results }], { cases }));
      const [header, ...body] = csv;
      const file = ab(tidyToParquet('r1', 'v', results, { cases }));
      const rows = await parquetReadObjects({ file });
      expect(rows.length).toBe(body.length);
      const schema = parquetSchema(parquetMetadata(file));
      const names = schema.children.map((c) => c.element.name);
      expect(names.slice(0, 7)).toEqual(header.slice(0, 7));
      expect(names).toEqual(cases ? [...header.slice(0, 7), 'text', 'case_id'] : header);
      for (let i = 0; i < rows.length; i++) {
        const c = body[i],
          p = rows[i];
        expect([p.run, String(p.replication), String(p.seed), p.variant, p.measure, p.unit]).toEqual([
          c[0],
          c[1],
          c[2],
          c[3],
          c[4],
          c[6],
        ]);
        const shown = p.value !== null ? String(p.value) : ((p.text as string | null | undefined) ?? '');
        expect(shown).toBe(c[5]);
        if (cases) expect(p.case_id === null ? '' : String(p.case_id)).toBe(c[7]);
      }
      expect(typeof rows[0].seed).toBe('bigint');
    }
  });
});
