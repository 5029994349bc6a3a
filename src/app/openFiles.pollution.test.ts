/**
 * Files the app opens besides scenarios and manifests (issue 10): a file
 * opened in the scenario editor and a saved drill record. A file nested
 * deeper than any AllWeather file used to throw a stack overflow when the
 * editor copied it; a record with `__proto__` keys or such nesting is
 * refused with a located bilingual message. The editor reads its fields as
 * own properties only.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPrototypes, pollution } from '../scenario/pollution.ts';
import { draftFromText, getIn } from './editor.ts';
import { parseRecordFile } from './drill/review.ts';

const baselineText = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;

afterEach(() => {
  const left = pollution();
  cleanPrototypes();
  expect(left).toEqual([]);
});

describe('the scenario editor opens a file from outside', () => {
  it('a file nested 20 000 deep does not open (before: a stack overflow while copying it)', () => {
    expect(() => draftFromText(baselineText.replace('{', `{"x": ${deep(20_000)},`))).not.toThrow();
    expect(draftFromText(baselineText.replace('{', `{"x": ${deep(20_000)},`))).toBeNull();
    expect(draftFromText(baselineText)).not.toBeNull();
  });

  it('a "__proto__" key stays a plain field of the draft, and getIn follows own fields only', () => {
    const draft = draftFromText(baselineText.replace('{', '{"__proto__":{"polluted":1},'))!;
    expect(Object.hasOwn(draft, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(draft)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(getIn(draft, ['city', 'cols'])).toBe(40);
    expect(getIn(draft, ['city', 'constructor'])).toBeUndefined();
    expect(getIn(draft, ['teams', 0, 'id'])).toBe('grid-workers');
  });
});

describe('a saved drill record from outside', () => {
  it('"__proto__" keys or deep nesting are refused with the path, in both languages', () => {
    const proto = parseRecordFile('{"app":"allweather","kind":"drill-record","__proto__":{"polluted":1}}');
    expect(proto.ok).toBe(false);
    if (!proto.ok) {
      expect(proto.error.zh).toContain('$.__proto__：不允许的路径段 __proto__');
      expect(proto.error.en).toContain('$.__proto__: forbidden path segment __proto__');
    }
    const tooDeep = parseRecordFile(`{"app":"allweather","kind":"drill-record","score":${deep(20_000)}}`);
    expect(tooDeep.ok).toBe(false);
    if (!tooDeep.ok) expect(tooDeep.error.en).toContain('$.score[0]: nests deeper than 64 levels');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
