import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { aggregate, KPI_NAMES } from '../analysis/aggregate.ts';
import { compareResults } from '../analysis/compare.ts';
import { fakeRun } from '../analysis/fakeRun.ts';
import { OverrideError } from '../analysis/overrides.ts';
import { consecutiveSeeds, createInlineRunner } from '../analysis/runner.ts';
import { scenarioHash } from '../scenario/load.ts';
import { toyDistrict } from '../sim/fixtures.ts';
import type { RunResult } from '../sim/result.ts';
import { ARROW_COLUMNS, arrowCaseWriter, casesFromArrow, casesTable, casesToArrow } from './arrow.ts';
import { bundleWriter, exportBundle, resultJson } from './bundle.ts';
import { createManifest, loadManifest, manifestJson, runId, withoutFiles } from './manifest.ts';
import { comparisonSummaryCsv, summaryCsv, SUMMARY_COLUMNS } from './summary.ts';
import { tidyCsv, tidyHeader, tidyReplicationChunks } from './tidy.ts';
import { CASE_FIELD_UNITS } from './units.ts';

const baselineText = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const toyText = JSON.stringify(toyDistrict());

describe('manifest', () => {
  const m = createManifest({
    version: '9.9.9',
    scenario: baselineText,
    overrides: { nightStaff: 6 },
    seed: 3,
    replications: 4,
    command: 'allweather export x',
    createdAt: '2025-01-02T03:04:05.000Z',
  });

  it('identifies the run and embeds the base scenario', () => {
    expect(Object.keys(m)).toEqual([
      'app',
      'version',
      'createdAt',
      'scenario',
      'scenarioHash',
      'seed',
      'replications',
      'days',
      'overrides',
      'command',
      'scenarioFile',
    ]);
    expect(m).toMatchObject({
      app: 'allweather',
      version: '9.9.9',
      scenario: 'baseline-weekday',
      seed: 3,
      replications: 4,
      days: 1,
      overrides: { nightStaff: 6 },
    });
    expect(m.scenarioFile).toEqual(JSON.parse(baselineText));
    expect(m.scenarioHash).not.toBe(scenarioHash(baselineText)); // the variant that ran, not the base
  });

  it('loads back (also from a result.json) and gives the variant to run', () => {
    const loaded = loadManifest(manifestJson(m));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.manifest).toEqual(m);
    expect(scenarioHash(loaded.scenarioText)).toBe(m.scenarioHash);
    expect(JSON.parse(loaded.scenarioText).teams[1].shifts[0].staff).toBe(6);
    const fromResult = loadManifest(resultJson(m, [fakeRun(3), fakeRun(4)]));
    expect(fromResult.ok && fromResult.manifest).toEqual(m);
    expect(manifestJson(loaded.manifest)).toBe(manifestJson(m));
  });

  it('catches an edited manifest, bad JSON and a bad shape, bilingually', () => {
    const edited = JSON.parse(manifestJson(m));
    edited.overrides.nightStaff = 7;
    const r = loadManifest(JSON.stringify(edited));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0].code).toBe('hash_mismatch');
      expect(r.errors[0].zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(loadManifest('{').ok).toBe(false);
    const bad = loadManifest(JSON.stringify({ ...edited, replications: 0 }));
    expect(!bad.ok && bad.errors[0].path).toContain('replications');
    const badScenario = JSON.parse(manifestJson(m));
    badScenario.scenarioFile.eventTypes[0].ratePerDay = -1;
    const e = loadManifest(JSON.stringify(badScenario));
    expect(!e.ok && e.errors[0].path).toBe('$.scenarioFile.eventTypes[0].ratePerDay');
  });

  it('rejects invalid overrides when created', () => {
    expect(() =>
      createManifest({
        version: '1',
        scenario: baselineText,
        overrides: { 'city.gridSize': 3 },
        seed: 1,
        replications: 1,
        command: '',
      }),
    ).toThrow(OverrideError);
  });

  it('has a run id that depends on what ran, not when', () => {
    expect(runId(m)).toMatch(/^[0-9a-f]{16}$/);
    expect(runId({ ...m, createdAt: 'later', command: 'other' } as typeof m)).toBe(runId(m));
    expect(runId({ ...m, seed: 4 })).not.toBe(runId(m));
  });
});

describe('tidy and summary CSV', () => {
  const results = [fakeRun(1, { log: true }), fakeRun(2, { log: true })];

  it('writes one row per KPI per replication, with units', () => {
    const rows = Papa.parse<Record<string, string>>(tidyCsv([{ run: 'R', variant: 'v', results }]), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(2 * KPI_NAMES.length);
    expect(rows[0]).toEqual({
      run: 'R',
      replication: '0',
      seed: '1',
      variant: 'v',
      measure: 'casesArrived',
      value: String(results[0].kpis.casesArrived),
      unit: 'cases',
    });
    const units = Object.fromEntries(rows.map((r) => [r.measure, r.unit]));
    expect(units).toMatchObject({ meanWaitS: 's', slaAttainment: 'share', staffHours: 'h', costCny: 'CNY' });
  });

  it('adds case fields as rows with a case_id, -1 times as empty cells', () => {
    const withMissing: RunResult = {
      ...results[0],
      log: [{ ...results[0].log![0], id: 42, onSceneS: -1, slaMet: null }],
    };
    const rows = Papa.parse<Record<string, string>>(
      tidyCsv([{ run: 'R', variant: 'v', results: [withMissing] }], { cases: true }),
      { header: true, skipEmptyLines: true },
    ).data;
    const caseRows = rows.filter((r) => r.measure.startsWith('case.'));
    // every case field but the id (the grid by its code), with its unit
    expect(caseRows).toHaveLength(CASE_FIELD_UNITS.length);
    expect(caseRows.find((r) => r.measure === 'case.gridCode')!.value).toBe(withMissing.log![0].gridCode);
    expect(caseRows.find((r) => r.measure === 'case.queueS')).toMatchObject({ unit: 's' });
    expect(caseRows.every((r) => r.case_id === '42')).toBe(true);
    expect(caseRows.find((r) => r.measure === 'case.onSceneS')).toMatchObject({ value: '', unit: 's' });
    expect(caseRows.find((r) => r.measure === 'case.type')!.value).toBe('litter');
    expect(caseRows.find((r) => r.measure === 'case.slaMet')!.value).toBe('');
    expect(rows.filter((r) => !r.measure.startsWith('case.')).every((r) => r.case_id === '')).toBe(true);
  });

  it('writes the wide summary per variant, and A, B, B-A for a comparison', () => {
    const agg = aggregate(results);
    const rows = Papa.parse<Record<string, string>>(summaryCsv([{ variant: 'x', summary: agg.summary }]), {
      header: true,
      skipEmptyLines: true,
    });
    expect(rows.meta.fields).toEqual([...SUMMARY_COLUMNS]);
    const wait = rows.data.find((r) => r.kpi === 'meanWaitS')!;
    expect(Number(wait.mean)).toBe(agg.summary.meanWaitS.mean);
    expect(Number(wait.ci_low)).toBe(agg.summary.meanWaitS.ci95![0]);
    expect(wait.n).toBe('2');
    const c = compareResults(results, [fakeRun(1), fakeRun(2)]);
    const cmp = Papa.parse<Record<string, string>>(comparisonSummaryCsv(c), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const k = KPI_NAMES.length;
    expect(cmp.map((r) => r.variant)).toEqual([...Array(k).fill('A'), ...Array(k).fill('B'), ...Array(k).fill('B-A')]);
    expect(cmp.find((r) => r.variant === 'B-A' && r.kpi === 'meanWaitS')!.mean).toBe('0');
  });
});

describe('Arrow case log', () => {
  it('reads back the same rows and values, with typed columns', async () => {
    const results = await createInlineRunner()(toyText, [7, 8], { days: 1, log: true });
    const n = results[0].log!.length + results[1].log!.length;
    expect(n).toBeGreaterThan(100);
    const bytes = casesToArrow(results);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const table = casesTable(results);
    expect(table.schema.fields.map((f) => f.name)).toEqual([...ARROW_COLUMNS]);
    const type = (name: string) => String(table.schema.fields.find((f) => f.name === name)!.type);
    expect(type('id')).toBe('Int32');
    expect(type('priority')).toBe('Int8');
    expect(type('type')).toMatch(/Dictionary<Int32, Utf8>/);
    expect(type('onSceneS')).toBe('Float64');
    expect(type('slaMet')).toBe('Bool');
    expect(type('seed')).toBe('Int32');

    const rows = casesFromArrow(bytes);
    expect(rows).toHaveLength(n);
    let i = 0;
    results.forEach((r, rep) => {
      for (const c of r.log!) {
        const row = rows[i++];
        const { gridCode, ...rest } = c;
        // the grid column carries the grid's code, not its index
        const expected = { ...rest, grid: gridCode, replication: rep, seed: r.seed } as Record<string, unknown>;
        for (const f of [
          'occurredS',
          'discoveredS',
          'filedS',
          'dispatchedS',
          'onSceneS',
          'handlingStartS',
          'handledS',
          'verifiedS',
          'closedS',
        ]) {
          if ((expected[f] as number) < 0) expected[f] = null;
        }
        expect(row).toEqual(expected);
      }
    });
  });

  it('refuses seeds that do not fit Int32', () => {
    expect(() => casesToArrow([{ ...fakeRun(1, { log: true }), seed: 2 ** 31 }])).toThrow(RangeError);
  });
});

describe('export bundle and replay (in process)', () => {
  it('writes every format, and re-running the manifest gives byte-identical files', async () => {
    const run = createInlineRunner();
    const m = createManifest({
      version: '1.0.0',
      scenario: toyText,
      overrides: { 'dispatch.policy': 'nearest' },
      seed: 21,
      replications: 3,
      days: 1,
      command: 'test',
    });
    const loaded = loadManifest(manifestJson(m));
    if (!loaded.ok) throw new Error('manifest did not load');
    const first = exportBundle(
      m,
      await run(loaded.scenarioText, consecutiveSeeds(m.seed, m.replications), { days: m.days, log: true }),
    );
    expect(Object.keys(first)).toEqual(['manifest.json', 'summary.csv', 'tidy.csv', 'result.json', 'cases.arrow']);

    // Replay from the manifest text alone.
    const again = loadManifest(first['manifest.json'] as string);
    if (!again.ok) throw new Error('exported manifest did not load');
    const replayed = exportBundle(
      again.manifest,
      await run(again.scenarioText, consecutiveSeeds(again.manifest.seed, again.manifest.replications), {
        days: again.manifest.days,
        log: true,
      }),
    );
    for (const name of Object.keys(first)) expect(replayed[name], name).toEqual(first[name]);
    expect(
      Buffer.from(replayed['cases.arrow'] as Uint8Array).equals(Buffer.from(first['cases.arrow'] as Uint8Array)),
    ).toBe(true);

    const only = exportBundle(m, [fakeRun(1)], { formats: ['json'] });
    expect(Object.keys(only)).toEqual(['manifest.json', 'result.json']);
  });
});

describe('streaming the bundle a replication at a time', () => {
  const toy = async (seeds: number[]) => createInlineRunner()(toyText, seeds, { days: 1, log: true });

  it("tidy.csv: the header and each replication's chunks are tidyCsv byte for byte", () => {
    const results = [fakeRun(1, { log: true }), fakeRun(2, { log: true }), fakeRun(3, { log: true })];
    for (const cases of [false, true]) {
      let text = tidyHeader({ cases });
      const sizes: number[] = [];
      results.forEach((r, i) => {
        for (const chunk of tidyReplicationChunks('R', 'v', i, r, { cases, rowsPerChunk: 5 })) {
          sizes.push(chunk.split('\r\n').length - 1);
          text += chunk;
        }
      });
      expect(text).toBe(tidyCsv([{ run: 'R', variant: 'v', results }], { cases }));
      expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
    }
  });

  it('cases.arrow: one record batch per replication, dictionaries once, the same bytes as casesToArrow; rows read back', async () => {
    const results = await toy([7, 8, 9]);
    const chunks: Uint8Array[] = [];
    const perRep: number[] = [];
    const w = arrowCaseWriter((c) => chunks.push(c.slice()));
    results.forEach((r, i) => {
      w.add(i, r);
      perRep.push(chunks.length);
    });
    w.finish();
    // bytes come out as each replication is added, not only at the end
    expect(perRep[0]).toBeGreaterThan(1);
    expect(perRep[1]).toBeGreaterThan(perRep[0]);
    expect(perRep[2]).toBeGreaterThan(perRep[1]);
    const bytes = Buffer.concat(chunks);
    expect(bytes.equals(Buffer.from(casesToArrow(results)))).toBe(true);
    const table = tableFromIPC(bytes);
    expect(table.batches).toHaveLength(3);
    expect(table.numRows).toBe(results.reduce((s, r) => s + r.log!.length, 0));
    const rows = casesFromArrow(bytes);
    expect(rows.filter((r) => r.replication === 2).map((r) => r.id)).toEqual(results[2].log!.map((c) => c.id));
    expect(new Set(rows.map((r) => r.seed))).toEqual(new Set([7, 8, 9]));
  });

  it('cases.arrow: a replication without cases adds no batch; no replication gives a valid empty file', () => {
    const empty = { ...fakeRun(1, { log: true }), log: [] };
    expect(casesFromArrow(casesToArrow([empty, fakeRun(2, { log: true })])).map((r) => r.replication)).toEqual([1]);
    const none = tableFromIPC(casesToArrow([]));
    expect(none.numRows).toBe(0);
    expect(none.schema.fields.map((f) => f.name)).toEqual([...ARROW_COLUMNS]);
  });

  it('bundleWriter writes what exportBundle holds, and holds no log', async () => {
    const results = await toy([3, 4]);
    const m = createManifest({
      version: '1.0.0',
      scenario: toyText,
      seed: 3,
      replications: 2,
      days: 1,
      command: 'test',
    });
    const written = new Map<string, Buffer[]>();
    const ended: string[] = [];
    const w = bundleWriter(
      m,
      { cases: true },
      {
        write: (name, chunk) => {
          expect(ended).not.toContain(name);
          written.set(name, [...(written.get(name) ?? []), Buffer.from(chunk)]);
        },
        end: (name) => ended.push(name),
      },
    );
    const slim = results.map((r, i) => {
      w.add(i, r);
      const { log: _log, ...rest } = r;
      return rest;
    });
    expect(() => w.add(5, results[0])).toThrow(RangeError);
    const names = w.finish(slim);
    expect(names).toEqual(['summary.csv', 'tidy.csv', 'result.json', 'cases.arrow']);
    expect([...ended].sort()).toEqual([...names].sort());
    const whole = exportBundle(m, results, { cases: true });
    for (const name of names)
      expect(Buffer.concat(written.get(name)!).equals(Buffer.from(whole[name])), name).toBe(true);
  });

  it('a manifest with its file list loads back; result.json embeds the manifest without it', () => {
    const m = createManifest({
      version: '1.0.0',
      scenario: toyText,
      seed: 3,
      replications: 1,
      days: 1,
      command: 'test',
    });
    const files = [{ name: 'summary.csv', bytes: 12, sha256: 'a'.repeat(64) }];
    const text = manifestJson({ ...m, files });
    expect(Object.keys(JSON.parse(text)).at(-1)).toBe('files');
    const loaded = loadManifest(text);
    expect(loaded.ok && loaded.manifest.files).toEqual(files);
    if (!loaded.ok) return;
    expect(manifestJson(loaded.manifest)).toBe(text);
    expect(resultJson(loaded.manifest, [fakeRun(3)])).toBe(resultJson(m, [fakeRun(3)]));
    expect(withoutFiles(loaded.manifest)).toEqual(m);
    for (const name of ['../x.csv', 'a/b', '.hidden', '__proto__', '']) {
      expect(loadManifest(manifestJson({ ...m, files: [{ ...files[0], name }] })).ok, name).toBe(false);
    }
    expect(loadManifest(manifestJson({ ...m, files: [{ ...files[0], sha256: 'xyz' }] })).ok).toBe(false);
  });
});
