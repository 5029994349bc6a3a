import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareResults } from '../analysis/compare.ts';
import { difference } from '../analysis/compare.ts';
import { estimate } from '../analysis/aggregate.ts';
import { fakeRun } from '../analysis/fakeRun.ts';
import { fnv1a64 } from '../scenario/load.ts';
import {
  exportText,
  looksLikeExport,
  readExport,
  readSaved,
  SAVED_VERSION,
  type SavedExperiment,
} from './savedFormat.ts';
import {
  armOf,
  buildRecord,
  compareSavedArms,
  createSavedExperiments,
  mainArm,
  matches,
  memorySavedKv,
  RECORD_PREFIX,
  UNREADABLE_PREFIX,
} from './savedExperiments.ts';
import { metaOf } from './savedFormat.ts';
import { planOpen } from './fileKinds.ts';

const TEXT = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const V1 = JSON.parse(readFileSync(new URL('./testdata/saved-experiment.v1.json', import.meta.url), 'utf8')) as unknown;

/** A saved A/B comparison of fake runs: B on the same seeds (CRN). */
function comparisonRecord(seed = 1, now = 1_750_000_000_000, id?: string): SavedExperiment {
  const a = [0, 1, 2, 3].map((r) => fakeRun(seed + r));
  const b = [0, 1, 2, 3].map((r) => fakeRun(seed + r, { kpis: { coverageIndex: 0.9 + 0.01 * r } }));
  const ov = { 'teams.grid-workers.shifts.0.staff': 3 };
  return buildRecord(
    {
      kind: 'comparison',
      scenarioId: 'baseline-weekday',
      scenarioText: TEXT,
      seed,
      replications: 4,
      overrides: ov,
      command: 'app: compare',
      arms: [armOf('A', { zh: 'A', en: 'A' }, [], {}, a, {}), armOf('B', { zh: 'B', en: 'B' }, [], ov, b, {})],
      result: { kind: 'comparison', comparison: compareResults(a, b, 'crn'), headcount: null },
      detail: 'staff=3',
    },
    now,
    id,
  );
}

/** A saved sweep-like record whose arms keep only estimates. */
function summaryRecord(seeds: number[], shift = 0): SavedExperiment {
  const est = (base: number) => estimate(seeds.map((s, i) => base + 0.01 * ((s * 7 + i) % 5)));
  return buildRecord(
    {
      kind: 'sweep',
      scenarioId: 'baseline-weekday',
      scenarioText: TEXT,
      seed: seeds[0],
      replications: seeds.length,
      overrides: {},
      command: 'app: sweep',
      arms: [armOf('point-0', { zh: 'p0', en: 'p0' }, seeds, {}, null, { coverageIndex: est(0.8 + shift) })],
      result: {
        kind: 'sweep',
        params: [],
        baseOverrides: {},
        labels: {},
        baseHeadcount: null,
        points: [],
        frontier: [],
      },
    },
    1_750_000_000_000,
  );
}

describe('saved experiment format', () => {
  it('round-trips a record through IndexedDB-like cloning and through an export file', () => {
    const rec = comparisonRecord();
    expect(rec.version).toBe(SAVED_VERSION);
    expect(rec.scenario.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(rec.scenario.sum).toBe(fnv1a64(TEXT));
    const back = readSaved(structuredClone(rec));
    expect(back.ok && back.record).toEqual(rec);
    const text = exportText([rec], '9.9.9', new Date(0));
    expect(looksLikeExport(text)).toBe(true);
    const file = readExport(text);
    expect(file.error).toBeNull();
    expect(file.refused).toEqual([]);
    expect(file.records).toEqual([JSON.parse(JSON.stringify(rec))]);
  });

  it('keeps fields it does not know (a later minor addition survives an older reader)', () => {
    const rec = { ...comparisonRecord(), extra: { note: 'kept' } };
    const back = readSaved(rec);
    expect(back.ok && (back.record as unknown as { extra: unknown }).extra).toEqual({ note: 'kept' });
  });

  it('migrates a hand-written version 1 record', () => {
    const r = readSaved(V1);
    if (!r.ok) throw new Error(r.en);
    expect(r.fromVersion).toBe(1);
    const rec = r.record;
    expect(rec.version).toBe(2);
    expect(rec.createdAt).toBe(Date.parse('2025-06-02T08:30:00.000Z'));
    expect(rec.name).toBe('');
    expect(rec.scenario).toEqual({
      id: 'tiny',
      text: '{"schemaVersion": 2, "id": "tiny"}\n',
      hash: null,
      sum: fnv1a64('{"schemaVersion": 2, "id": "tiny"}\n'),
    });
    expect(rec.arms).toHaveLength(1);
    expect(rec.arms[0].seeds).toEqual([7, 8]);
    // a KPI missing from a run is null there, so each list is as long as the seeds
    expect(rec.arms[0].values).toEqual({ coverageIndex: [0.81, 0.77], staffHours: [410, 412], costCny: [null, 20600] });
    expect(rec.result.kind).toBe('diagnose');
    expect(V1).not.toHaveProperty('scenario'); // the input is not mutated
  });

  it('refuses a newer version, a missing version and a damaged record with a message in both languages', () => {
    const newer = readSaved({ ...comparisonRecord(), version: SAVED_VERSION + 1 });
    expect(newer).toMatchObject({ ok: false });
    if (!newer.ok) {
      expect(newer.zh).toContain('更新版本');
      expect(newer.en).toContain('newer AllWeather');
    }
    expect(readSaved({ id: 'x' })).toMatchObject({ ok: false, en: 'the version field is missing' });
    const rec = comparisonRecord();
    const damaged = readSaved({ ...rec, scenario: { ...rec.scenario, text: rec.scenario.text + ' ' } });
    expect(damaged).toMatchObject({ ok: false });
    if (!damaged.ok) expect(damaged.en).toContain('checksum');
    const bad = readSaved({ ...rec, result: { ...rec.result, comparison: { kpis: 'no' } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.en).toMatch(/malformed at \$\.result/);
    expect(readSaved('hello')).toMatchObject({ ok: false });
    expect(readSaved(null)).toMatchObject({ ok: false });
  });

  it('an exported file opened or dropped is told from a scenario (fileKinds.ts)', () => {
    const text = exportText([comparisonRecord()], '9.9.9', new Date(0));
    expect(planOpen([{ name: 'mine.allweather-experiments.json', text }]).kind).toBe('experiments');
    expect(planOpen([{ name: 'renamed.json', text }]).kind).toBe('experiments');
    expect(planOpen([{ name: 'baseline-weekday.json', text: TEXT }]).kind).toBe('scenario');
  });

  it('an export file with a bad record imports the others and says which was refused', () => {
    const good = comparisonRecord();
    const text = JSON.stringify({
      format: 'allweather-experiments',
      version: 2,
      experiments: [good, { ...good, version: 99 }, 'junk'],
    });
    const r = readExport(text);
    expect(r.records).toHaveLength(1);
    expect(r.refused.map((x) => x.index)).toEqual([1, 2]);
    expect(readExport('{').error?.en).toMatch(/not valid JSON/);
    expect(readExport('{"format":"other"}').error?.en).toMatch(/not an AllWeather experiments export/);
  });
});

describe('saved experiments store', () => {
  it('loads every good record and sets a corrupt one aside without losing it or the others', async () => {
    const a = comparisonRecord(1, 1000, 'a');
    const b = comparisonRecord(5, 2000, 'b');
    const corrupt = { ...comparisonRecord(9, 3000, 'c'), seed: 'nine' };
    const kv = memorySavedKv({
      [RECORD_PREFIX + 'a']: a,
      [RECORD_PREFIX + 'b']: b,
      [RECORD_PREFIX + 'c']: corrupt,
      [RECORD_PREFIX + 'old']: V1,
      'something-else': 1,
    });
    const saved = createSavedExperiments(null, null, () => '', kv);
    await saved.load();
    const s = saved.store.getState();
    expect(s.items.map((m) => m.id)).toEqual(['v1-diagnosis-1', 'b', 'a']); // newest first (the v1 record is from 2025)
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0].en).toMatch(/malformed at \$\.seed/);
    expect(kv.data.get(UNREADABLE_PREFIX + RECORD_PREFIX + 'c')).toEqual(corrupt); // kept aside, not lost
    expect(kv.data.has(RECORD_PREFIX + 'c')).toBe(false);
    expect((kv.data.get(RECORD_PREFIX + 'old') as { version: number }).version).toBe(2); // migrated and written back
  });

  it('renames, searches, deletes, exports all and imports back with fresh ids for taken ones', async () => {
    const kv = memorySavedKv();
    const saved = createSavedExperiments(null, null, () => '', kv);
    await saved.load();
    await saved.save(comparisonRecord(1, 1000, 'a'));
    await saved.save(summaryRecord([1, 2, 3]));
    await saved.rename('a', '夜班加人 night staff');
    const items = saved.store.getState().items;
    expect(items.filter((m) => matches(m, '夜班')).map((m) => m.id)).toEqual(['a']);
    expect(items.filter((m) => matches(m, 'sweep baseline')).length).toBe(1);
    expect(items.filter((m) => matches(m, '参数扫描')).length).toBe(1);
    const file = await saved.exportFile([], 'en');
    expect(file.name).toBe('experiments-2.allweather-experiments.json');
    expect(await saved.importText(file.name, file.text)).toBe(2);
    expect(saved.store.getState().items).toHaveLength(4);
    await saved.remove('a');
    expect(saved.store.getState().items).toHaveLength(3);
    expect(kv.data.has(RECORD_PREFIX + 'a')).toBe(false);
    const renamed = saved.store.getState().items.find((m) => m.name === '夜班加人 night staff');
    expect(renamed && renamed.id).not.toBe('a'); // the imported copy
  });

  it('compares two saved runs: paired on the same seeds, Welch otherwise, and says so', async () => {
    const x = comparisonRecord(1, 1000, 'x');
    const y = comparisonRecord(1, 2000, 'y');
    const z = comparisonRecord(101, 3000, 'z');
    const same = compareSavedArms(mainArm(x)!, y.arms[0]);
    expect(same.result.method).toBe('paired');
    expect(same.result.kpis.coverageIndex).toEqual(
      difference(mainArm(x)!.values!.coverageIndex!, y.arms[0].values!.coverageIndex!),
    );
    expect(compareSavedArms(mainArm(x)!, mainArm(z)!).result.method).toBe('welch');
    // same seeds but only estimates kept: Welch, with a note why
    const s1 = summaryRecord([1, 2, 3]),
      s2 = summaryRecord([1, 2, 3], 0.05);
    const w = compareSavedArms(s1.arms[0], s2.arms[0]);
    expect(w.result.method).toBe('welch');
    expect(w.note?.en).toMatch(/per-replication/);
    expect(w.result.kpis.coverageIndex!.diff.mean).toBeCloseTo(0.05, 12);

    const saved = createSavedExperiments(null, null, () => '', memorySavedKv());
    await saved.save(x);
    await saved.save(z);
    saved.pick('x');
    saved.pick('z');
    await saved.compare();
    expect(saved.store.getState().compare).toMatchObject({ x: 'x', y: 'z', armX: 'B', armY: 'B' });
    expect(saved.store.getState().compare?.result?.method).toBe('welch');
    expect(metaOf(x).arms).toBe(2);
  });
});
