/**
 * A manifest from outside (manifest.json, result.json) whose overrides or
 * embedded scenario use `__proto__`, `constructor` or `prototype` is
 * refused with one error at that key's path; Object.prototype stays clean
 * and the next manifest loads as usual. Issue 10.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPrototypes, pollution } from '../scenario/pollution.ts';
import { createManifest, loadManifest, manifestJson } from './manifest.ts';

const baselineText = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const good = manifestJson(
  createManifest({
    version: '0.1.0',
    scenario: baselineText,
    seed: 3,
    replications: 2,
    command: 'test',
    createdAt: '2025-01-01T00:00:00Z',
  }),
);
/** The good manifest with `"overrides": {}` replaced by raw JSON text. */
const withOverrides = (json: string) => good.replace('"overrides": {}', `"overrides": ${json}`);

afterEach(() => {
  const left = pollution();
  cleanPrototypes();
  expect(left).toEqual([]);
});

function refused(text: string) {
  const r = loadManifest(text);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('loaded');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return r.errors;
}

describe('loadManifest and forbidden keys', () => {
  it('an override path through __proto__ is refused at $.overrides[path], with one error', () => {
    for (const path of [
      '__proto__.polluted',
      'run.__proto__.polluted',
      'teams.0.__proto__.polluted',
      'constructor.prototype.polluted',
    ]) {
      const errors = refused(withOverrides(`{ ${JSON.stringify(path)}: 1 }`));
      expect(errors).toHaveLength(1);
      expect(errors[0].path).toBe(`$.overrides[${JSON.stringify(path)}]`);
      expect(errors[0].code).toBe('forbidden_key');
      expect(errors[0].zh).toMatch(/^不允许的路径段 (__proto__|constructor)/);
      expect(errors[0].en).toMatch(/^forbidden path segment (__proto__|constructor)/);
    }
  });

  it('an overrides object with a "__proto__" key is refused, not silently dropped', () => {
    const errors = refused(withOverrides('{ "__proto__": { "polluted": 1 } }'));
    expect(errors.map((e) => e.path)).toEqual(['$.overrides.__proto__']);
  });

  it('a "__proto__" key in the embedded scenario or in a result.json is refused at its path', () => {
    expect(
      refused(good.replace('"scenarioFile": {', '"scenarioFile": { "__proto__": { "polluted": 1 },')).map(
        (e) => e.path,
      ),
    ).toEqual(['$.scenarioFile.__proto__']);
    const result = `{ "__proto__": { "app": "allweather" }, "manifest": ${good} }`;
    expect(refused(result).map((e) => e.path)).toEqual(['$.__proto__']);
  });

  it('an override value nested 20 000 deep is refused (copying it overflowed the stack: a throw, not an error)', () => {
    const deep = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    const errors = refused(withOverrides(`{ "run.days": ${deep} }`));
    expect(errors.map((e) => [e.path, e.code])).toEqual([['$.overrides["run.days"]', 'too_deep']]);
  });

  it('a manifest loaded after a refused one loads as before', () => {
    refused(withOverrides('{ "__proto__.polluted": 1 }'));
    const r = loadManifest(good);
    expect(r.ok).toBe(true);
    const o = loadManifest(withOverrides('{ "city.gridSize": 10 }'));
    expect(o.ok).toBe(false); // the hash is the base's: an edited manifest is caught, as always
    if (!o.ok) expect(o.errors[0].code).toBe('hash_mismatch');
  });
});
