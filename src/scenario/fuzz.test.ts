/**
 * Property-based fuzzing of the validators (issue 10): every built-in
 * scenario (scenarios/*.json) and drill file (scenarios/drills/*.json),
 * damaged at random by fuzzing.ts (deleted keys, random JSON, huge numbers,
 * "NaN"-like strings, nesting 20 000 deep, own `__proto__` keys, wrong
 * types, arrays ↔ objects; and, apart, numbers swapped for odd or huge
 * ones in a file of the right shape), must come back from `parseScenario` /
 * `parseScenarioObject` / `parseDrill` as ok or as errors that each name a
 * JSON path in Chinese and English: never a throw, and never a write onto
 * Object.prototype. Only validated, never run (a mutation may make a valid
 * but huge scenario).
 *
 * Fixed seed and bounded runs, so the test is reproducible and quick; a
 * failure prints the seed and the shrunk mutations to replay it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drillScenarioId, parseDrill } from '../drill/validate.ts';
import { malformedResult, mutate, mutationsArb, render, renumbersArb } from './fuzzing.ts';
import { parseScenario, parseScenarioObject } from './load.ts';
import { cleanPrototypes, pollution } from './pollution.ts';

const dir = new URL('../../scenarios/', import.meta.url);
const scenarioFiles = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort();
const drillFiles = readdirSync(new URL('drills/', dir))
  .filter((f) => f.endsWith('.json'))
  .sort();
const read = (f: string) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as unknown;

const SEED = 20_260_610;
const RUNS_PER_SCENARIO = 40;
const RENUMBER_RUNS_PER_SCENARIO = 25;
const RUNS_PER_DRILL = 120;

/** Fails the property with a message; cleans the prototypes first so the report itself is not polluted. */
function check(what: string, r: Parameters<typeof malformedResult>[0]): void {
  const polluted = pollution();
  cleanPrototypes();
  expect(polluted, `${what} polluted a prototype`).toEqual([]);
  const bad = malformedResult(r);
  expect(bad, what).toBeNull();
}

describe('fuzzing the scenario validator', () => {
  it('finds the files', () => {
    expect(scenarioFiles.length).toBeGreaterThanOrEqual(6);
    expect(drillFiles.length).toBeGreaterThanOrEqual(1);
  });

  for (const file of scenarioFiles) {
    it(`${file}: damaged at random, parseScenario and parseScenarioObject return ok or located bilingual errors`, () => {
      const doc = read(file);
      expect(parseScenarioObject(doc).ok).toBe(true);
      fc.assert(
        fc.property(mutationsArb(5), (ms) => {
          const damaged = mutate(doc, ms);
          check('parseScenario', parseScenario(render(damaged)));
          check('parseScenarioObject', parseScenarioObject(damaged));
        }),
        { seed: SEED, numRuns: RUNS_PER_SCENARIO },
      );
    });

    it(`${file}: with odd or huge numbers in place (0, -1, 1e308, …), the cross-field checks return too`, () => {
      const doc = read(file);
      fc.assert(
        fc.property(renumbersArb(3), (ms) => check('parseScenario', parseScenario(render(mutate(doc, ms))))),
        { seed: SEED, numRuns: RENUMBER_RUNS_PER_SCENARIO },
      );
    });
  }
});

describe('fuzzing the drill validator', () => {
  for (const file of drillFiles) {
    it(`drills/${file}: damaged at random, parseDrill returns ok or located bilingual errors`, () => {
      const doc = read(`drills/${file}`) as { scenario: string };
      const sc = parseScenario(readFileSync(new URL(`${doc.scenario}.json`, dir), 'utf8'));
      if (!sc.ok) throw new Error(`the drill's scenario ${doc.scenario} does not load`);
      expect(parseDrill(JSON.stringify(doc), sc.scenario).ok).toBe(true);
      fc.assert(
        fc.property(mutationsArb(5), (ms) => {
          const text = render(mutate(doc, ms));
          const id = drillScenarioId(text);
          expect(id === null || typeof id === 'string').toBe(true);
          check('parseDrill', parseDrill(text, sc.scenario));
        }),
        { seed: SEED, numRuns: RUNS_PER_DRILL },
      );
    });
  }
});

describe('the harness itself', () => {
  it('mutations change the document and render what JSON.stringify cannot write', () => {
    const doc = { a: [1, 2], b: { c: 'x' } };
    const samples = fc.sample(mutationsArb(3), { seed: SEED, numRuns: 50 }).map((ms) => render(mutate(doc, ms)));
    expect(new Set(samples).size).toBeGreaterThan(30);
    expect(JSON.stringify(doc)).toBe('{"a":[1,2],"b":{"c":"x"}}'); // the input is not modified
    expect(render({ x: '§inf§' }).replace(/\s/g, '')).toBe('{"x":1e999}');
    expect(JSON.parse(render({ x: '§deep-array§' })).x).toHaveLength(1);
  });
});
