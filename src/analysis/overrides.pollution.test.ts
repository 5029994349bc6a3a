/**
 * Overrides from outside (`--set`, a manifest, a form) never walk onto a
 * prototype: `__proto__`, `constructor` and `prototype` path segments are
 * refused with one bilingual error naming the override, and only own
 * properties are followed. Issue 10.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPrototypes, pollution } from '../scenario/pollution.ts';
import { applyOverrides, applyOverridesToText, OverrideError, parseAssignment } from './overrides.ts';

const baselineText = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const baseline = () => JSON.parse(baselineText) as Record<string, unknown>;

function errorOf(f: () => unknown): OverrideError {
  try {
    f();
  } catch (e) {
    if (e instanceof OverrideError) return e;
    throw e;
  }
  throw new Error('expected an OverrideError');
}

afterEach(() => {
  const left = pollution();
  cleanPrototypes();
  expect(left).toEqual([]);
});

describe('override paths through __proto__, constructor, prototype', () => {
  const cases: [string, string][] = [
    ['__proto__.polluted', '__proto__'],
    ['run.__proto__.polluted', '__proto__'],
    ['teams.0.__proto__.polluted', '__proto__'],
    ['teams.grid-workers.shifts.0.__proto__.polluted', '__proto__'],
    ['constructor.prototype.polluted', 'constructor'],
    ['run.constructor.prototype.polluted', 'constructor'],
    ['city.prototype', 'prototype'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
  ];
  for (const [path, segment] of cases) {
    it(`${path}=1 is refused: one error naming the override and the segment`, () => {
      const e = errorOf(() => applyOverrides(baseline(), { [path]: 1 }));
      expect(e.override).toBe(`${path}=1`);
      expect(e.errors).toHaveLength(1);
      expect(e.errors[0].code).toBe('forbidden_key');
      expect(e.message).toContain(`不允许的路径段 ${segment}`);
      expect(e.message).toContain(`forbidden path segment ${segment}`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('an override object whose key is "__proto__" (as JSON.parse makes it) is refused, not dropped', () => {
    const overrides = JSON.parse('{"__proto__":{"polluted":1}}') as Record<string, unknown>;
    const e = errorOf(() => applyOverrides(baseline(), overrides));
    expect(e.errors[0].code).toBe('forbidden_key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a value carrying a "__proto__" key is refused at the key it set', () => {
    const value = JSON.parse('{"days":1,"__proto__":{"polluted":1}}');
    const e = errorOf(() => applyOverrides(baseline(), { run: value }));
    expect(e.errors.map((x) => x.path)).toEqual(['$.run.__proto__']);
    expect(e.override).toContain('run=');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('inherited members are not followed: "toString" or "hasOwnProperty" is an unknown field, not a function', () => {
    const e = errorOf(() => applyOverrides(baseline(), { 'run.toString.x': 1 }));
    expect(e.errors.map((x) => x.path)).toEqual(['$.run.toString']);
    expect(e.errors[0].code).not.toBe('override_path'); // created as {}, then reported by the schema as unknown
  });

  it('parseAssignment (what --set reads) refuses the path before anything is built', () => {
    for (const text of [
      '__proto__.polluted=1',
      'run.__proto__.x=1',
      'teams.0.__proto__.x=1',
      'constructor.prototype.x=1',
      '__proto__={"polluted":1}',
    ]) {
      const e = errorOf(() => parseAssignment(text));
      expect(e.errors[0].code).toBe('forbidden_key');
      expect(e.message).toMatch(/不允许的路径段 (__proto__|constructor) \/|forbidden path segment/);
    }
    expect(parseAssignment('city.gridSize=4')).toEqual(['city.gridSize', 4]);
  });

  it('a value nested 20 000 deep (e.g. --set run.days=[[[…]]]) is an OverrideError, not a stack overflow', () => {
    const e = errorOf(() =>
      applyOverrides(baseline(), { 'run.days': JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`) }),
    );
    expect(e.override).toBe('run.days=…');
    expect(e.errors.map((x) => [x.path, x.code])).toEqual([['$.run.days', 'too_deep']]);
  });

  it('after a refused override, the next one applies as usual (nothing left behind)', () => {
    errorOf(() => applyOverridesToText(baselineText, { '__proto__.polluted': 1 }));
    const v = JSON.parse(applyOverridesToText(baselineText, { 'city.gridSize': 5 }));
    expect(v.city.gridSize).toBe(5);
  });
});
