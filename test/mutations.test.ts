/**
 * The mutation check's table (scripts/mutations.ts) still fits the code: every
 * planted bug's search string occurs exactly once in its file, its
 * replacement differs, and the behaviour tests named to catch it exist and are
 * not golden tests. `npm run mutants` plants them and runs those tests (a
 * slower check, not part of `npm test`); this keeps the table from rotting
 * when the engine's code moves, as M1, M1b and M4 once did unnoticed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUTATIONS } from '../scripts/mutations.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const occurrences = (text: string, s: string) => text.split(s).length - 1;

describe('the mutation table', () => {
  it('ids are unique', () => {
    const ids = MUTATIONS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(MUTATIONS.map((m) => [m.id, m] as const))(
    '%s applies: its search string occurs once in its file',
    (_id, m) => {
      const text = readFileSync(ROOT + m.file, 'utf8');
      expect(occurrences(text, m.search), `${m.id}: search string in ${m.file}`).toBe(1);
      expect(m.replace).not.toBe(m.search);
      expect(m.tests.length).toBeGreaterThan(0);
      for (const t of m.tests) {
        expect(existsSync(ROOT + t), `${m.id}: ${t}`).toBe(true);
        expect(t).not.toMatch(/golden/);
      }
    },
  );
});
