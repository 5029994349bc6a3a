/**
 * A share link is outside input too: a link whose scenario carries a
 * `__proto__` key decodes (reading a hash never throws), and the scenario
 * it carries is then refused with an error at that key's path, leaving
 * Object.prototype clean. Issue 10.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load.ts';
import { cleanPrototypes, pollution } from '../scenario/pollution.ts';
import { readShareHash, shareUrl } from './shareLink.ts';

const text = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');

afterEach(() => {
  const left = pollution();
  cleanPrototypes();
  expect(left).toEqual([]);
});

describe('share links and forbidden keys', () => {
  it('a link carrying "__proto__" keys decodes, and its scenario is refused at their paths', () => {
    const evil = text
      .replace('{', '{"__proto__":{"polluted":1},')
      .replace('"run": {', '"run": {"constructor":{"prototype":{"polluted":1}},');
    expect(evil).toContain('"constructor"');
    const link = readShareHash(new URL(shareUrl('http://127.0.0.1/app/', evil)).hash);
    expect(link.kind).toBe('scenario');
    if (link.kind !== 'scenario') return;
    expect(link.text).toContain('"__proto__"'); // the compact JSON keeps the key as data
    const r = parseScenario(link.text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['$.__proto__', '$.run.constructor']);
    expect(r.errors.every((e) => e.code === 'forbidden_key')).toBe(true);
    expect(r.errors[0].zh).toContain('不允许的路径段 __proto__');
    expect(r.errors[0].en).toContain('forbidden path segment __proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a hash parameter named __proto__ is not ours and does nothing', () => {
    expect(readShareHash('#__proto__=x&constructor=y')).toEqual({ kind: 'none' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
