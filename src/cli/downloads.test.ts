/**
 * The app's one-zip-per-experiment downloads and Parquet, through the real
 * `allweather` command (the built bundle, as a user runs it): the zip the
 * app builds is replayed and every byte checked; a byte changed in it is
 * caught with a bilingual message and exit 3; `export --format parquet`
 * writes Parquet files that read back with the CSV's and Arrow's content.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../analysis/aggregate.ts';
import { createSimService } from '../analysis/service.ts';
import { comparisonFiles, experimentZip, replicationFiles } from '../app/exportFiles.ts';
import { compareResults, headcountsOf } from '../analysis/compare.ts';
import { applyOverridesToText } from '../analysis/overrides.ts';
import { ARROW_COLUMNS, casesFromArrow } from '../export/arrow.ts';
import { loadManifest } from '../export/manifest.ts';
import { bundleFileEntry, readZip } from '../export/zip.ts';
import { cli, ROOT, scratchDir } from './testCli.ts';

const utf8 = (b: Uint8Array | undefined) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
const BASELINE = 'scenarios/baseline-weekday.json';
const tmp = scratchDir('allweather-dl-');

const text = readFileSync(join(ROOT, BASELINE), 'utf8');
const service = createSimService();
// The app runs the scenario's own days (its manifest says so), and so does the replay.
const results = [1, 2].map((s) => service.runReplication(text, s, { log: true }));

describe('one zip per experiment', () => {
  const files = replicationFiles(
    { scenarioText: text, seed: 1, results, aggregate: aggregate(results), command: 'app: test' },
    'en',
  );
  const zip = experimentZip(files);

  it('holds every file under its own name, the manifest listing each with its size and SHA-256', () => {
    expect(zip.name).toBe('allweather-baseline-weekday-replications.zip');
    const entries = readZip(zip.data as Uint8Array);
    expect([...entries.keys()]).toEqual([
      'manifest.json',
      'tidy.csv',
      'summary.csv',
      'table.csv',
      'result.json',
      'cases.arrow',
      'tidy.parquet',
      'cases.parquet',
    ]);
    const loaded = loadManifest(utf8(entries.get('manifest.json')));
    if (!loaded.ok) throw new Error('manifest');
    const listed = loaded.manifest.files!;
    expect(listed.map((f) => f.name)).toEqual([...entries.keys()].slice(1));
    for (const f of listed) expect(f).toEqual(bundleFileEntry(f.name, entries.get(f.name)!));
    // the same bytes as the single downloads
    for (const f of files.filter((x) => x.short !== 'manifest.json')) {
      const data = typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data;
      expect(entries.get(f.short)).toEqual(data);
    }
    // the same experiment gives the same zip
    expect(experimentZip(files).data).toEqual(zip.data);
    // the summary carries its units
    expect(utf8(entries.get('summary.csv')!)).toMatch(
      /^\uFEFFvariant,kpi,mean,ci_low,ci_high,n,unit\r\nbaseline-weekday,casesArrived,[^\r]*,cases\r\n/,
    );
  });

  it('allweather replay checks every byte of the zip, and of the folder it unzips to, and replays', () => {
    const path = join(tmp, 'exp.zip');
    writeFileSync(path, zip.data as Uint8Array);
    const r = cli('replay', path);
    expect(r.stderr).toContain(
      `✓ ${path}:cases.parquet 与清单记录的大小和 SHA-256 一致 / matches its size and SHA-256`,
    );
    expect(r.stderr).toContain(`✓ ${path}:summary.csv 与重放逐字节一致 / matches the replay byte for byte`);
    expect(r.stderr).toContain(`✓ ${path}:result.json 与重放逐字节一致`);
    expect(r.stderr.match(/✓ .* matches its size and SHA-256/g)?.length).toBe(7);
    // every file re-made by the replay, not only checked against its hash: the case logs, Parquet, the zh-CN/English table
    for (const f of ['tidy.csv', 'table.csv', 'cases.arrow', 'tidy.parquet', 'cases.parquet'])
      expect(r.stderr).toContain(`✓ ${path}:${f} 与重放逐字节一致 / matches the replay byte for byte`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(utf8(readZip(zip.data as Uint8Array).get('summary.csv')));

    const dir = join(tmp, 'unzipped');
    mkdirSync(dir);
    for (const [name, bytes] of readZip(zip.data as Uint8Array)) writeFileSync(join(dir, name), bytes);
    const d = cli('replay', dir);
    expect(d.stderr).toContain(`✓ ${join(dir, 'table.csv')} 与清单记录的大小和 SHA-256 一致`);
    expect(d.code).toBe(0);
  });

  it('a byte changed in the zip is caught: a bilingual message naming the file, exit 3, nothing replayed', () => {
    const entries = readZip(zip.data as Uint8Array);
    const tidy = entries.get('tidy.csv')!.slice();
    tidy[tidy.length - 3] ^= 1; // a digit of the last row
    entries.set('tidy.csv', tidy);
    // the zip again around the altered file, the manifest as it was
    const path = join(tmp, 'altered.zip');
    writeFileSync(path, zipSync(Object.fromEntries(entries)));
    const r = cli('replay', path);
    expect(r.stderr).toContain(
      `✗ ${path}:tidy.csv 与清单记录的 SHA-256 不符（被改动、损坏或不完整）/ does not match its SHA-256 in the manifest: altered, damaged or incomplete`,
    );
    expect(r.stderr).toContain(
      '导出不完整或被改动（1 个文件），未重放 / the export is incomplete or altered (1 file(s)): not replayed',
    );
    expect(r.stdout).toBe('');
    expect(r.code).toBe(3);
  });

  it('a comparison zip: both manifests list the files; replay checks them and reproduces summary.csv (A, B, B-A)', () => {
    const overrides = { 'teams.grid-workers.shifts.0.staff': 3 };
    const b = [1, 2].map((s) => service.runReplication(applyOverridesToText(text, overrides), s, { log: true }));
    const cmp = comparisonFiles({
      aText: text,
      overrides,
      seed: 1,
      mode: 'crn',
      seedsB: [1, 2],
      a: results,
      b,
      comparison: compareResults(results, b),
      // as the app has it (experiments.ts runComparison)
      headcount: headcountsOf(text, applyOverridesToText(text, overrides)),
      command: 'app: test',
    });
    const z = experimentZip(cmp);
    expect(z.name).toBe('allweather-baseline-weekday-compare.zip');
    const path = join(tmp, 'cmp.zip');
    writeFileSync(path, z.data as Uint8Array);
    const r = cli('replay', path);
    expect(r.stderr).toContain(`✓ ${path}:cases-b.parquet 与清单记录的大小和 SHA-256 一致`);
    expect(r.stderr).toContain(`✓ ${path}:summary.csv 与重放逐字节一致 / matches the replay byte for byte`);
    // every file re-made by the replay (src/export/comparisonFiles.ts, the app's writer)
    for (const f of [
      'tidy.csv',
      'table.csv',
      'comparison.json',
      'cases-a.arrow',
      'cases-b.arrow',
      'cases-a.parquet',
      'cases-b.parquet',
    ])
      expect(r.stderr).toContain(`✓ ${path}:${f} 与重放逐字节一致 / matches the replay byte for byte`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('B-A,slaAttainment');
  });
});

describe('allweather export --format parquet', () => {
  it('writes tidy.parquet and cases.parquet, listed in the manifest; they read back with tidy.csv and cases.arrow content', async () => {
    const out = join(tmp, 'pq');
    const r = cli(
      'export',
      BASELINE,
      '--replications',
      '2',
      '--days',
      '0.25',
      '--format',
      'csv,arrow,parquet',
      '--cases',
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${join(out, 'cases.parquet')} (`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual([
      'summary.csv',
      'tidy.csv',
      'cases.arrow',
      'tidy.parquet',
      'cases.parquet',
    ]);
    const buf = (name: string) => {
      const b = readFileSync(join(out, name));
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    };
    const cases = await parquetReadObjects({ file: buf('cases.parquet') });
    const arrow = casesFromArrow(new Uint8Array(buf('cases.arrow')));
    expect(cases.length).toBe(arrow.length);
    expect(cases.length).toBeGreaterThan(50);
    expect(cases).toEqual(
      arrow.map((row) => Object.fromEntries(ARROW_COLUMNS.map((c) => [c, (row as Record<string, unknown>)[c]]))),
    );
    const schema = parquetSchema(parquetMetadata(buf('cases.parquet')));
    expect(schema.children.map((c) => c.element.name)).toEqual([...ARROW_COLUMNS]);

    const tidyCsvLines = readFileSync(join(out, 'tidy.csv'), 'utf8').slice(1).split('\r\n').filter(Boolean);
    const tidy = await parquetReadObjects({ file: buf('tidy.parquet') });
    expect(tidy.length).toBe(tidyCsvLines.length - 1);
    const kpi = tidy.find((x) => x.measure === 'meanWaitS' && x.replication === 1)!;
    expect(kpi).toMatchObject({ unit: 's', seed: 2n, case_id: null, text: null });
    expect(typeof kpi.value).toBe('number');
    const grid = tidy.find((x) => x.measure === 'case.gridCode')!;
    expect(grid.value).toBeNull();
    expect(grid.text).toMatch(/^G\d+-\d+$/);
    const onScene = tidy.find((x) => x.measure === 'case.occurredS')!;
    expect(typeof onScene.value).toBe('number');

    // replay --out with the same formats writes the same bytes
    const again = join(tmp, 'pq2');
    const rr = cli('replay', join(out, 'manifest.json'), '--out', again, '--format', 'csv,arrow,parquet', '--cases');
    expect(rr.code).toBe(0);
    for (const f of ['tidy.parquet', 'cases.parquet', 'manifest.json'])
      expect(readFileSync(join(again, f))).toEqual(readFileSync(join(out, f)));
  });

  it('--format names parquet among the formats when it is wrong', () => {
    const r = cli('export', BASELINE, '--format', 'xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be csv, json, arrow, parquet');
  });
});
