/**
 * Keys from outside (safeKeys.ts): a scenario file with a `__proto__`,
 * `constructor` or `prototype` key, or an id spelled so, is refused with
 * one bilingual error at that key's path, and nothing reaches
 * Object.prototype.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioObject } from './load.ts';
import { cleanPrototypes, pollution } from './pollution.ts';
import { fields } from './fixtures.ts';
import type { ScenarioInput } from './schema.ts';
import { forbiddenKeyErrors, isForbiddenKey, MAX_JSON_DEPTH, nestingErrors, ownValue } from './safeKeys.ts';

const baselineText = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const baseline = () => JSON.parse(baselineText) as ScenarioInput;

afterEach(() => {
  const left = pollution();
  cleanPrototypes();
  expect(left).toEqual([]);
});

describe('forbiddenKeyErrors', () => {
  it('finds every forbidden key and id with its JSON path, in document order', () => {
    const doc = JSON.parse(
      '{"a":{"__proto__":{"x":1}},"b":[{"constructor":2},{"id":"prototype"}],"prototype":3,"ok":{"id":"fine"}}',
    );
    const errors = forbiddenKeyErrors(doc);
    expect(errors.map((e) => e.path)).toEqual(['$.prototype', '$.a.__proto__', '$.b[0].constructor', '$.b[1].id']);
    expect(errors.every((e) => e.code === 'forbidden_key')).toBe(true);
    expect(errors[1].zh).toContain('不允许的路径段 __proto__');
    expect(errors[1].en).toContain('forbidden path segment __proto__');
    expect(errors[3].en).toContain('forbidden id prototype');
  });

  it('is empty for clean JSON and for scalars; a prefix locates errors under a parent', () => {
    expect(forbiddenKeyErrors(baseline())).toEqual([]);
    expect(forbiddenKeyErrors(3)).toEqual([]);
    expect(forbiddenKeyErrors(null)).toEqual([]);
    expect(forbiddenKeyErrors(JSON.parse('{"__proto__":1}'), ['scenarioFile'])[0].path).toBe(
      '$.scenarioFile.__proto__',
    );
  });

  it('walks a file nested 200 000 levels deep without overflowing the stack, and stops at the limit', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}{"__proto__":1}${']'.repeat(200_000)}`);
    const errors = forbiddenKeyErrors(deep);
    expect(errors).toHaveLength(1);
    expect(errors[0].path.endsWith('[0][0].__proto__')).toBe(true);
    const many = JSON.parse(`[${Array.from({ length: 100 }, () => '{"__proto__":1}').join(',')}]`);
    expect(forbiddenKeyErrors(many, [], 5)).toHaveLength(5);
  });

  it('isForbiddenKey and ownValue', () => {
    expect(['__proto__', 'constructor', 'prototype'].every(isForbiddenKey)).toBe(true);
    expect(isForbiddenKey('proto')).toBe(false);
    expect(isForbiddenKey(0)).toBe(false);
    expect(ownValue({}, 'constructor')).toBeUndefined();
    expect(ownValue({}, 'toString')).toBeUndefined();
    expect(ownValue(JSON.parse('{"__proto__":5}'), '__proto__')).toBe(5);
    expect(ownValue([7], 0)).toBe(7);
    expect(ownValue('abc', 'length')).toBeUndefined();
  });
});

describe('nestingErrors', () => {
  it('accepts MAX_JSON_DEPTH levels and refuses one more, located at the top of the chain', () => {
    const nest = (n: number) => JSON.parse(`${'['.repeat(n)}1${']'.repeat(n)}`);
    expect(nestingErrors({ a: nest(MAX_JSON_DEPTH - 1) })).toEqual([]);
    const errors = nestingErrors({ ok: 1, a: { b: nest(MAX_JSON_DEPTH) } }, ['overrides']);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe('$.overrides.a.b');
    expect(errors[0].code).toBe('too_deep');
    expect(errors[0].zh).toContain(`${MAX_JSON_DEPTH} 层`);
    expect(errors[0].en).toContain(`${MAX_JSON_DEPTH} levels`);
    expect(nestingErrors(nest(100_000))).toHaveLength(1); // iterative: no stack overflow
    expect(
      nestingErrors(
        JSON.parse(readFileSync(new URL('../../scenarios/rainstorm-red-night.json', import.meta.url), 'utf8')),
      ),
    ).toEqual([]);
  });
});

describe('parseScenario refuses forbidden keys', () => {
  const cases: [string, (d: ScenarioInput) => void, string][] = [
    [
      'a top-level "__proto__"',
      (d) => {
        fields(d).__proto__ = undefined;
      },
      '$.__proto__',
    ],
    [
      '"__proto__" inside run',
      (d) => {
        d.run = JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(d.run).slice(1)}`);
      },
      '$.run.__proto__',
    ],
    [
      '"constructor" in a team',
      (d) => {
        Object.assign(d.teams[0], { constructor: { prototype: { polluted: 1 } } });
      },
      '$.teams[0].constructor',
    ],
    [
      'a team id "__proto__"',
      (d) => {
        d.teams[1].id = '__proto__';
      },
      '$.teams[1].id',
    ],
  ];
  for (const [what, edit, path] of cases) {
    it(`${what}: one error at ${path}, Object.prototype clean`, () => {
      let text: string;
      if (what.startsWith('a top-level')) text = baselineText.replace('{', '{"__proto__":{"polluted":1},');
      else {
        const d = baseline();
        edit(d);
        text = JSON.stringify(d);
      }
      const r = parseScenario(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors.map((e) => e.path)).toEqual([path]);
      expect(r.errors[0].code).toBe('forbidden_key');
      expect(r.errors[0].zh).toMatch(/^不允许的/);
      expect(r.errors[0].en).toMatch(/^forbidden /);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('a file opened after a refused one parses as before', () => {
    expect(parseScenario(baselineText.replace('{', '{"__proto__":{"polluted":1},')).ok).toBe(false);
    const r = parseScenarioObject(baseline());
    expect(r.ok).toBe(true);
  });
});
