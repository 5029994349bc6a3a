/**
 * Share links as a difference from a built-in (issue 10): a built-in with a
 * change becomes a link of a few hundred characters that opens to the very
 * same scenario; a link made for another version of the built-in, a garbled
 * hash or patch, and forbidden keys are refused with an error, never thrown.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { scenarioHash } from '../scenario/load.ts';
import { cleanPrototypes, pollution } from '../scenario/pollution.ts';
import { draftFromText, setIn } from './editor.ts';
import { applyDiff, diffFrom, HASH_CHARS, patchErrors, type DiffBase } from './shareDiff.ts';
import { readShareHash, shareLink } from './shareLink.ts';

const read = (id: string) => readFileSync(new URL(`../../scenarios/${id}.json`, import.meta.url), 'utf8');
const baselineText = read('baseline-weekday');
const nightText = read('night-incidents');
const base = (id: string, text: string): DiffBase => ({ id, name: { zh: `场景 ${id}`, en: `scenario ${id}` }, text });
const BASES = [base('baseline-weekday', baselineText), base('night-incidents', nightText)];
const HREF = 'http://127.0.0.1:4173/app/?lang=en';
const NIGHT_PATROL = ['teams', 1, 'shifts', 0, 'staff'] as const;

/** The editor's text of a built-in with one field changed. */
function edited(text: string, path: readonly (string | number)[], value: unknown): string {
  return JSON.stringify(setIn(draftFromText(text)!, path, value), null, 2) + '\n';
}

afterEach(() => {
  const left = pollution();
  cleanPrototypes();
  expect(left).toEqual([]);
});

describe('share links as a difference from a built-in', () => {
  it('a built-in with one change: a short link that opens to the same scenario (same content hash)', () => {
    const text = edited(nightText, NIGHT_PATROL, 16);
    const link = shareLink(HREF, text, { bases: BASES });
    expect(link.form).toBe('diff');
    expect(link.baseId).toBe('night-incidents');
    expect(link.url.length).toBeLessThan(300);
    const full = shareLink(HREF, text, { bases: BASES, full: true });
    expect(full.form).toBe('full');
    expect(full.url.length).toBeGreaterThan(10_000);
    const hash = link.url.slice(link.url.indexOf('#'));
    expect(hash).toMatch(/^#b=night-incidents&h=[0-9a-f]{12}&t=[0-9a-f]{12}&d=[A-Za-z0-9+\-$]+$/);
    const r = readShareHash(hash, BASES);
    expect(r.kind).toBe('scenario');
    if (r.kind !== 'scenario') return;
    expect(JSON.parse(r.text)).toEqual(JSON.parse(text));
    expect(JSON.parse(r.text).teams[1].shifts[0].staff).toBe(16);
    expect(scenarioHash(r.text)).toBe(scenarioHash(text));
  });

  it('the baseline with one staff change stays under 1,000 characters (and under 300)', () => {
    const link = shareLink(HREF, edited(baselineText, ['teams', 0, 'shifts', 0, 'staff'], 4), { bases: BASES });
    expect(link.form).toBe('diff');
    expect(link.url.length).toBeLessThan(300);
  });

  it('several changes, an added shift and a renamed id still round-trip', () => {
    let d = draftFromText(nightText)!;
    d = setIn(d, ['teams', 1, 'shifts', 1], { start: '20:00', end: '24:00', staff: 6 });
    d = setIn(d, ['city', 'gridSize'], 10);
    d = setIn(d, ['id'], 'my-night');
    const text = JSON.stringify(d, null, 2);
    const link = shareLink(HREF, text, { bases: BASES });
    expect(link.form).toBe('diff'); // no built-in has its id: the closest one is found
    expect(link.baseId).toBe('night-incidents');
    const r = readShareHash(new URL(link.url).hash, BASES);
    expect(r.kind === 'scenario' && JSON.parse(r.text)).toEqual(d);
  });

  it('falls back to the full scenario without a built-in base, and for text that is not a valid scenario', () => {
    const text = edited(nightText, NIGHT_PATROL, 16);
    expect(shareLink(HREF, text, { bases: [] }).form).toBe('full');
    expect(shareLink(HREF, '{"id": "x"}', { bases: BASES }).form).toBe('full');
    expect(shareLink(HREF, 'not json', { bases: BASES }).form).toBe('full');
    const r = readShareHash(new URL(shareLink(HREF, text, { bases: [] }).url).hash, BASES);
    expect(r.kind === 'scenario' && JSON.parse(r.text)).toEqual(JSON.parse(text));
  });

  it('a link made for another version of the built-in is refused with a clear error, or opens when the result is still the same', () => {
    const text = edited(nightText, NIGHT_PATROL, 16);
    const hash = new URL(shareLink(HREF, text, { bases: BASES }).url).hash;
    // this version's night-incidents differs from the one the link was made against
    const newer = [BASES[0], base('night-incidents', edited(nightText, ['teams', 2, 'shifts', 0, 'staff'], 13))];
    const r = readShareHash(hash, newer);
    expect(r.kind).toBe('refused');
    if (r.kind !== 'refused') return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].code).toBe('link_other_version');
    expect(r.errors[0].zh).toContain('此链接是为另一版本的“场景 night-incidents”（night-incidents）制作的');
    expect(r.errors[0].en).toContain('This link was made for another version of "scenario night-incidents"');
    // a base whose change is the very field the link sets: the patch gives the shared scenario exactly, so it opens
    const same = [BASES[0], base('night-incidents', edited(nightText, NIGHT_PATROL, 12))];
    const ok = readShareHash(hash, same);
    expect(ok.kind === 'scenario' && JSON.parse(ok.text)).toEqual(JSON.parse(text));
    // a base the patch cannot be applied to (its path is gone)
    const shorter = draftFromText(nightText)!;
    (shorter.teams as unknown[]).splice(1);
    expect(readShareHash(hash, [base('night-incidents', JSON.stringify(shorter))])).toMatchObject({
      kind: 'refused',
      errors: [{ code: 'link_other_version' }],
    });
    // a base this version does not have
    expect(readShareHash(hash, [BASES[0]])).toMatchObject({ kind: 'refused', errors: [{ code: 'link_unknown_base' }] });
  });

  it('old full links still decode', () => {
    // made by the previous version: #s= and the compact JSON, compressed
    const old = '#s=' + compressToEncodedURIComponent(JSON.stringify(JSON.parse(baselineText)));
    const r = readShareHash(old, BASES);
    expect(r.kind === 'scenario' && JSON.parse(r.text)).toEqual(JSON.parse(baselineText));
  });

  it('a garbled hash, base or patch is an error, never a throw', () => {
    const text = edited(nightText, NIGHT_PATROL, 16);
    const hash = new URL(shareLink(HREF, text, { bases: BASES }).url).hash;
    const withParam = (k: string, v: string) => hash.replace(new RegExp(`([#&])${k}=[^&]*`), `$1${k}=${v}`);
    for (const h of [
      withParam('h', 'zzzz'),
      withParam('t', ''),
      withParam('h', '%%%'),
      withParam('t', 'ffffffffffff'),
    ]) {
      const r = readShareHash(h, BASES);
      expect(r.kind, h).toBe('refused');
      if (r.kind === 'refused') expect(r.errors[0].zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(readShareHash(withParam('d', 'not-lz'), BASES).kind).toBe('damaged');
    expect(readShareHash(withParam('d', compressToEncodedURIComponent('{"op": 1')), BASES).kind).toBe('damaged');
    expect(readShareHash(withParam('d', compressToEncodedURIComponent('{"op":"add"}')), BASES)).toMatchObject({
      kind: 'refused',
      errors: [{ code: 'link_damaged' }],
    });
    expect(
      readShareHash(withParam('d', compressToEncodedURIComponent('[{"op":"explode","path":"/x"}]')), BASES),
    ).toMatchObject({ kind: 'refused', errors: [{ code: 'link_damaged' }] });
    expect(readShareHash(withParam('b', 'nope'), BASES)).toMatchObject({
      kind: 'refused',
      errors: [{ code: 'link_unknown_base' }],
    });
    expect(readShareHash('#d=', BASES).kind).toBe('damaged');
    expect(readShareHash('#b=night-incidents&d=' + compressToEncodedURIComponent('[]'), BASES).kind).toBe('refused');
    expect(applyDiff(BASES, { baseId: null, baseHash: 1, targetHash: {}, ops: 'x' })).toMatchObject({ ok: false });
  });

  it('refuses __proto__, constructor and prototype in a patch at their paths; Object.prototype stays clean', () => {
    const d = diffFrom(BASES[1], draftFromText(edited(nightText, NIGHT_PATROL, 16))!)!;
    expect(d.baseHash).toHaveLength(HASH_CHARS);
    const evil = [
      { op: 'add', path: '/__proto__/polluted', value: 1 },
      { op: 'add', path: '/run/constructor/prototype/polluted', value: 1 },
      { op: 'copy', from: '/teams/0/prototype', path: '/x' },
      { op: 'replace', path: '/teams/1/shifts/0/staff', value: 16 },
    ];
    expect(patchErrors(evil).map((e) => [e.path, e.code])).toEqual([
      ['$.__proto__', 'forbidden_key'],
      ['$.run.constructor', 'forbidden_key'],
      ['$.teams[0].prototype', 'forbidden_key'],
    ]);
    const r = applyDiff(BASES, { ...d, ops: evil });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].zh).toContain('不允许的路径段 __proto__');
    // escaped pointers are unescaped before the check
    expect(patchErrors([{ op: 'add', path: '/~0~1/__proto__', value: 1 }]).map((e) => e.path)).toEqual([
      '$["~/"].__proto__',
    ]);
    // through a link too
    const hash = `#b=night-incidents&h=${d.baseHash}&t=${d.targetHash}&d=${compressToEncodedURIComponent(JSON.stringify(evil))}`;
    expect(readShareHash(hash, BASES)).toMatchObject({
      kind: 'refused',
      errors: [{ code: 'forbidden_key' }, { code: 'forbidden_key' }, { code: 'forbidden_key' }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a patch nested too deep or too long', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = [deep];
    expect(patchErrors([{ op: 'add', path: '/x', value: deep }])[0].code).toBe('too_deep');
    expect(patchErrors(Array.from({ length: 5001 }, () => ({ op: 'test', path: '/id', value: 'x' })))[0].code).toBe(
      'link_damaged',
    );
  });
});
