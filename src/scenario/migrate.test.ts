import { describe, expect, it } from 'vitest';
import { MIGRATIONS, RENAMED_FIELDS, migrate } from './migrate.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { isBilingual, minimalScenario, minimalScenarioV1 } from './fixtures.ts';

function expectFailure(raw: unknown, code: string) {
  const r = migrate(raw);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0].code).toBe(code);
  expect(isBilingual(r.errors[0])).toBe(true);
  return r.errors[0];
}

describe('migrate', () => {
  it('has one migration for every version below the current one, in order', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.summary.zh && m.summary.en).toBeTruthy();
    for (const r of RENAMED_FIELDS) expect(r.version).toBeLessThan(SCHEMA_VERSION);
  });

  it('leaves a current file as it is', () => {
    const s = minimalScenario();
    const r = migrate(s);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toEqual(s);
      expect(r.applied).toEqual([]);
      expect(r.fromVersion).toBe(SCHEMA_VERSION);
    }
  });

  it('renames run.horizonDays and city.gridK from v1, keeping key order', () => {
    const v1 = minimalScenarioV1();
    const before = JSON.stringify(v1);
    const r = migrate(v1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.applied).toEqual([1]);
    expect(r.fromVersion).toBe(1);
    expect(r.value.schemaVersion).toBe(2);
    const run = r.value.run as Record<string, unknown>;
    const city = r.value.city as Record<string, unknown>;
    expect(run).toEqual({ days: 1, seed: 7 });
    expect(Object.keys(run)[0]).toBe('days');
    expect(city.gridSize).toBe(5);
    expect('gridK' in city).toBe(false);
    expect(Object.keys(city).at(-1)).toBe('gridSize');
    expect(JSON.stringify(v1)).toBe(before);
  });

  it('migrates a v1 file without the renamed sections', () => {
    const r = migrate({ schemaVersion: 1, id: 'x' });
    expect(r.ok && r.value).toEqual({ schemaVersion: 2, id: 'x' });
  });

  it('leaves both names when a v1 file already has the new one (parsing then flags the old)', () => {
    const r = migrate({ schemaVersion: 1, run: { horizonDays: 2, days: 3 } });
    expect(r.ok && r.value.run).toEqual({ horizonDays: 2, days: 3 });
  });

  it('keeps a "__proto__" key as plain data', () => {
    const raw = JSON.parse('{"schemaVersion":1,"run":{"__proto__":{"polluted":1},"horizonDays":2}}');
    const r = migrate(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const run = r.value.run as Record<string, unknown>;
    expect(Object.keys(run)).toEqual(['__proto__', 'days']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file from a newer version', () => {
    const e = expectFailure({ ...minimalScenario(), schemaVersion: SCHEMA_VERSION + 5 }, 'schema_too_new');
    expect(e.path).toBe('$.schemaVersion');
    expect(e.zh).toBe(
      `此文件由更新版本的 AllWeather 生成 (schemaVersion ${SCHEMA_VERSION + 5})，本程序只支持到 ${SCHEMA_VERSION}，请升级`,
    );
    expect(e.en).toMatch(/^file was written by a newer AllWeather/);
  });

  it('needs a schemaVersion', () => {
    const { schemaVersion: _, ...rest } = minimalScenario();
    expect(expectFailure(rest, 'schema_version_missing').path).toBe('$.schemaVersion');
  });

  it.each([['2'], [0], [-1], [1.5], [null], [NaN], [true]])('refuses schemaVersion %j', (v) => {
    const e = expectFailure({ ...minimalScenario(), schemaVersion: v }, 'schema_version_invalid');
    expect(e.path).toBe('$.schemaVersion');
    expect(e.zh).toContain('正整数');
  });

  it('suggests removing quotes from a quoted version', () => {
    expect(expectFailure({ schemaVersion: '2' }, 'schema_version_invalid').en).toContain('remove the quotes');
  });

  it.each([[null], [[1]], ['text'], [3]])('refuses a top level that is not an object: %j', (raw) => {
    expect(expectFailure(raw, 'invalid_type').path).toBe('$');
  });
});
