import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  fnv1a64,
  lineColumn,
  parseScenario,
  parseScenarioObject,
  scenarioHash,
  type ParseResult,
} from './load.ts';
import { formatErrors } from './messages.ts';
import { fields, findError, isBilingual, minimalScenario, minimalScenarioV1 } from './fixtures.ts';

/** Assert that parsing failed with an error at `path` (and `code`), in both languages. */
function expectError(r: ParseResult, path: string, code?: string) {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unreachable');
  const e = findError(r.errors, path, code);
  expect(e, `no ${code ?? 'error'} at ${path} in:\n${formatErrors(r.errors)}`).toBeDefined();
  expect(isBilingual(e!), JSON.stringify(e)).toBe(true);
  return e!;
}

const text = (o: unknown) => JSON.stringify(o, null, 2);

describe('parseScenario', () => {
  it('accepts the minimal scenario and fills defaults', () => {
    const r = parseScenario(text(minimalScenario()));
    expect(r.ok, r.ok ? '' : formatErrors(r.errors)).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.dispatch.policy).toBe('nearest');
    expect(r.scenario.city.cellSizeM).toBe(100);
    expect(r.scenario.eventTypes[0].discovery.sensor).toBe(1);
  });

  it('ignores a UTF-8 byte-order mark', () => {
    expect(parseScenario(`\uFEFF${text(minimalScenario())}`).ok).toBe(true);
  });

  it('reports text that is not JSON with line and column', () => {
    const bad = '{\n  "schemaVersion": 2,\n  "id": "x",\n  oops\n}';
    const e = expectError(parseScenario(bad), '$', 'not_json');
    expect(e.zh).toContain('不是有效的 JSON');
    expect(e.zh).toContain('第 4 行第 3 列');
    expect(e.en).toContain('not valid JSON');
    expect(e.en).toContain('line 4, column 3');
  });

  it('reports truncated and empty text as not JSON', () => {
    const cut = text(minimalScenario()).slice(0, 50);
    const e = expectError(parseScenario(cut), '$', 'not_json');
    expect(e.en).toMatch(/line \d+, column \d+/);
    expectError(parseScenario(''), '$', 'not_json');
    expectError(parseScenario('   \n'), '$', 'not_json');
  });

  it("gives the parser's own words in both languages when there is no place to point at", () => {
    const e = expectError(parseScenario('\u00ff\u00fe garbage'), '$', 'not_json');
    expect(e.zh).toMatch(/^不是有效的 JSON（解析器：.+）$/);
    expect(e.en).toMatch(/^not valid JSON: .+/);
  });

  it('reports a wrong type: a number written as a string', () => {
    const s = minimalScenario();
    fields(s.eventTypes[0]).ratePerDay = '12';
    const e = expectError(parseScenario(text(s)), '$.eventTypes[0].ratePerDay', 'invalid_type');
    expect(e.zh).toContain('应为数字，实际为字符串');
    expect(e.zh).toContain('去掉引号');
    expect(e.en).toContain('expected number, got string');
  });

  it('reports a wrong type deep in a list', () => {
    const s = minimalScenario();
    fields(s.teams[1].shifts[0]).staff = true;
    const e = expectError(parseScenario(text(s)), '$.teams[1].shifts[0].staff', 'invalid_type');
    expect(e.en).toContain('expected number, got boolean true');
  });

  it('reports a missing required field', () => {
    const s = minimalScenario();
    delete fields(s.eventTypes[1]).skill;
    const e = expectError(parseScenario(text(s)), '$.eventTypes[1].skill', 'invalid_type');
    expect(e.zh).toContain('缺少必填字段');
    expect(e.en).toContain('missing');
  });

  it('reports a negative rate', () => {
    const s = minimalScenario();
    s.eventTypes[0].ratePerDay = -3;
    const e = expectError(parseScenario(text(s)), '$.eventTypes[0].ratePerDay', 'too_small');
    expect(e.zh).toContain('不能为负数');
    expect(e.en).toContain('got -3');
  });

  it('reports a NaN rate given as an object', () => {
    const s = minimalScenario();
    s.eventTypes[1].ratePerDay = NaN;
    const e = expectError(parseScenarioObject(s), '$.eventTypes[1].ratePerDay', 'invalid_type');
    expect(e.zh).toContain('NaN');
    expect(e.en).toContain('got NaN');
  });

  it('reports Infinity given as an object', () => {
    const s = minimalScenario();
    s.run!.days = Infinity;
    expectError(parseScenarioObject(s), '$.run.days', 'invalid_type');
  });

  it('names unknown fields, with a suggestion for a near miss', () => {
    const s = minimalScenario();
    fields(s.teams[0]).shiftz = [];
    fields(s.teams[0]).colour = 'red';
    const r = parseScenario(text(s));
    const e = expectError(r, '$.teams[0].shiftz', 'unrecognized_keys');
    expect(e.zh).toContain('"shiftz"');
    expect(e.en).toContain('did you mean "shifts"');
    expect(expectError(r, '$.teams[0].colour', 'unrecognized_keys').en).toContain('"colour"');
  });

  it('names an unknown land use in a record', () => {
    const s = minimalScenario();
    fields(s.eventTypes[0]).weights = { landUse: { residental: 2 } };
    const e = expectError(parseScenario(text(s)), '$.eventTypes[0].weights.landUse.residental', 'unrecognized_keys');
    expect(e.en).toContain('did you mean "residential"');
  });

  it('explains a v1 field name in a v2 file', () => {
    const s = minimalScenario();
    fields(s).run = { horizonDays: 2 };
    const e = expectError(parseScenario(text(s)), '$.run.horizonDays', 'unrecognized_keys');
    expect(e.en).toContain('"days"');
    expect(e.zh).toContain('schemaVersion 1');
  });

  it('reports a shift that ends before it starts, suggesting +1', () => {
    const s = minimalScenario();
    s.teams[1].shifts.push({ start: '22:00', end: '06:00', staff: 1 });
    const e = expectError(parseScenario(text(s)), '$.teams[1].shifts[1].end', 'shift_end_before_start');
    expect(e.zh).toContain('"06:00+1"');
    expect(e.en).toContain('"06:00+1"');
  });

  it('reports a malformed time of day', () => {
    const s = minimalScenario();
    s.teams[0].shifts[0].start = '8:00';
    const e = expectError(parseScenario(text(s)), '$.teams[0].shifts[0].start', 'invalid_format');
    expect(e.en).toContain('"8:00"');
  });

  it('reports a grid size that does not divide the city', () => {
    const s = minimalScenario();
    s.city.gridSize = 3;
    const e = expectError(parseScenario(text(s)), '$.city.gridSize', 'grid_size_not_dividing');
    expect(e.en).toContain('1, 2, 5, 10');
  });

  it('reports a team with no skill that any event needs', () => {
    const s = minimalScenario();
    s.teams.push({
      id: 'florists',
      name: { zh: '花匠', en: 'Florists' },
      skills: ['flowers'],
      shifts: [{ start: '08:00', end: '16:00', staff: 3 }],
    });
    const e = expectError(parseScenario(text(s)), '$.teams[2].skills', 'team_skill_unused');
    expect(e.en).toContain('"flowers"');
  });

  it('reports an event type that no team can handle', () => {
    const s = minimalScenario();
    s.eventTypes[1].skill = 'enforcment';
    const r = parseScenario(text(s));
    const e = expectError(r, '$.eventTypes[1].skill', 'skill_without_team');
    expect(e.zh).toContain('"enforcment"');
    // ... and the enforcement team is now idle too.
    expectError(r, '$.teams[1].skills', 'team_skill_unused');
  });

  it('refuses a file written by a newer AllWeather', () => {
    const s = minimalScenario();
    s.schemaVersion = 3;
    fields(s).someFutureField = { anything: true };
    const r = parseScenario(text(s));
    const e = expectError(r, '$.schemaVersion', 'schema_too_new');
    expect(e.zh).toContain('此文件由更新版本的 AllWeather 生成 (schemaVersion 3)，本程序只支持到 2，请升级');
    expect(e.en).toContain('newer AllWeather');
    if (!r.ok) expect(r.errors).toHaveLength(1);
  });

  it('reports a missing schemaVersion', () => {
    const s = minimalScenario();
    delete fields(s).schemaVersion;
    expectError(parseScenario(text(s)), '$.schemaVersion', 'schema_version_missing');
  });

  it('migrates a v1 file to the same scenario as its v2 twin', () => {
    const v1 = parseScenario(text(minimalScenarioV1()));
    const v2 = parseScenario(text(minimalScenario()));
    expect(v1.ok && v2.ok).toBe(true);
    if (!v1.ok || !v2.ok) return;
    expect(v1.scenario).toEqual(v2.scenario);
    expect(scenarioHash(text(minimalScenarioV1()))).toBe(scenarioHash(text(minimalScenario())));
  });

  it('does not modify the object it is given', () => {
    const raw = minimalScenarioV1();
    const before = JSON.stringify(raw);
    expect(parseScenarioObject(raw).ok).toBe(true);
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('reports a non-object file', () => {
    expectError(parseScenario('[1, 2]'), '$', 'invalid_type');
    expectError(parseScenario('null'), '$', 'invalid_type');
  });
});

describe('scenarioHash', () => {
  it('is FNV-1a 64 (known vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes non-ASCII text as UTF-8', () => {
    // U+00E9 is the two bytes c3 a9; U+1F600 is four bytes.
    expect(fnv1a64('é')).not.toBe(fnv1a64('\u00c3\u00a9'));
    expect(fnv1a64('\u{1F600}')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('ignores key order, whitespace, spelled-out defaults and $schema', () => {
    const s = minimalScenario();
    const h = scenarioHash(text(s));
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    const reordered = Object.fromEntries(Object.entries(s).reverse());
    expect(scenarioHash(JSON.stringify(reordered))).toBe(h);
    expect(scenarioHash({ ...s, $schema: './scenario.schema.json' })).toBe(h);
    expect(scenarioHash({ ...s, dispatch: { policy: 'nearest' } })).toBe(h);
    const r = parseScenarioObject(s);
    if (r.ok) expect(scenarioHash(r.scenario)).toBe(h);
  });

  it('changes when the content changes', () => {
    const s = minimalScenario();
    const h = scenarioHash(s);
    s.eventTypes[0].ratePerDay = 49;
    expect(scenarioHash(s)).not.toBe(h);
  });

  it('throws on an invalid scenario', () => {
    expect(() => scenarioHash('{')).toThrow(/not valid JSON/);
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('lineColumn counts from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
