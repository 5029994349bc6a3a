/**
 * A drill file from outside with `__proto__`, `constructor` or `prototype`
 * keys is refused with one error at each key's path, and Object.prototype
 * stays clean. Issue 10.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load.ts';
import { cleanPrototypes, pollution } from '../scenario/pollution.ts';
import { parseDrill, parseDrillObject } from './validate.ts';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const parsed = parseScenario(read('scenarios/rainstorm-red-night.json'));
if (!parsed.ok) throw new Error('scenario');
const scenario = parsed.scenario;
const drillText = read('scenarios/drills/red-night-drill.json');

afterEach(() => {
  const left = pollution();
  cleanPrototypes();
  expect(left).toEqual([]);
});

describe('drill files and forbidden keys', () => {
  it('"__proto__" at the top, in the scope and in an inject: refused at each path', () => {
    const text = drillText
      .replace('{', '{"__proto__":{"polluted":1},')
      .replace('"scope": {', '"scope": {"__proto__":{"grids":"all"},')
      .replace('{ "id": "I06",', '{ "id": "I06", "constructor": {"prototype":{"polluted":1}},');
    const r = parseDrill(text, scenario);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['$.__proto__', '$.scope.__proto__', '$.injects[5].constructor']);
    expect(r.errors.every((e) => e.code === 'forbidden_key')).toBe(true);
    expect(r.errors[0].zh).toContain('不允许的路径段 __proto__');
    expect(r.errors[0].en).toContain('forbidden path segment __proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an inject id spelled "prototype" is refused; the clean drill still loads afterwards', () => {
    const raw = JSON.parse(drillText);
    raw.injects[0].id = 'prototype';
    const r = parseDrillObject(raw, scenario);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['$.injects[0].id']);
    expect(parseDrill(drillText, scenario).ok).toBe(true);
  });
});
