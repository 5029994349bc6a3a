/**
 * `allweather validate` on damaged files (issue 10): twenty built-in
 * scenarios broken at random by the fuzzing harness (src/scenario/fuzzing.ts),
 * plus a few hand-picked nasty ones, run through `main` in process. The exit
 * code is only ever 0 (valid) or 2 (bad input, with a bilingual message):
 * never 1 (an internal error), never a stack trace, and Object.prototype of
 * the process stays clean. Fixed seed: the same twenty files every run.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mutate, mutationsArb, render, renumbersArb } from '../scenario/fuzzing.ts';
import { cleanPrototypes, pollution } from '../scenario/pollution.ts';
import { main } from './main.ts';

const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort();
const docs = files.map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as unknown);
const STACK_LINE = /^\s+at .+[:(]\d+:\d+\)?$/m;
const SEED = 20_260_610;

const tmp = mkdtempSync(join(tmpdir(), 'allweather-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Twenty damaged files: fifteen broken anyhow, five with odd numbers in a file of the right shape. */
function damagedFiles(): { name: string; text: string }[] {
  const anyhow = fc.sample(fc.tuple(fc.nat({ max: docs.length - 1 }), mutationsArb(5)), { seed: SEED, numRuns: 15 });
  const numbers = fc.sample(fc.tuple(fc.nat({ max: docs.length - 1 }), renumbersArb(3)), { seed: SEED, numRuns: 5 });
  return [...anyhow, ...numbers].map(([i, ms], k) => ({ name: `${k}-${files[i]}`, text: render(mutate(docs[i], ms)) }));
}

const HAND_PICKED: { name: string; text: string }[] = [
  {
    name: 'proto.json',
    text: readFileSync(new URL('validation-mmc.json', dir), 'utf8').replace('{', '{"__proto__":{"polluted":1},'),
  },
  { name: 'deep.json', text: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
  { name: 'empty.json', text: '' },
  { name: 'bom-null.json', text: '\uFEFFnull' },
  {
    name: 'infinity.json',
    text: readFileSync(new URL('validation-mmc.json', dir), 'utf8').replace(/"days":\s*[0-9.]+/, '"days": 1e999'),
  },
];

async function validate(path: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', path], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

describe('allweather validate on damaged files', () => {
  const cases = [...damagedFiles(), ...HAND_PICKED];

  it('there are twenty random files and they differ', () => {
    expect(cases.length).toBe(20 + HAND_PICKED.length);
    expect(new Set(cases.map((c) => c.text)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(`${c.name}: exit 0 or 2, never 1, no stack, no pollution`, async () => {
      const path = join(tmp, c.name);
      writeFileSync(path, c.text);
      const r = await validate(path);
      const polluted = pollution();
      cleanPrototypes();
      expect(polluted).toEqual([]);
      expect([0, 2], r.stderr).toContain(r.code);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).not.toContain('内部错误 / Internal error');
      if (r.code === 0) expect(r.stdout).toMatch(/^OK: /);
      else {
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/[\u4e00-\u9fff]/); // Chinese ...
        expect(r.stderr).toMatch(/ \/ [A-Za-z]/); // ... then English
      }
    });
  }
});
