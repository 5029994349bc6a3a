import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readShareHash, shareUrl } from './shareLink.ts';

const text = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');

describe('share links', () => {
  it('round-trips a whole scenario through the URL hash (the full form), compact and URL-safe', () => {
    const url = shareUrl('http://127.0.0.1:4173/app/?lang=en#old', text, { full: true });
    expect(url.startsWith('http://127.0.0.1:4173/app/?lang=en#s=')).toBe(true);
    const hash = url.slice(url.indexOf('#'));
    expect(hash).toMatch(/^#s=[A-Za-z0-9+\-$]+$/);
    expect(hash.length).toBeLessThan(text.length);
    const r = readShareHash(hash);
    expect(r.kind).toBe('scenario');
    if (r.kind === 'scenario') expect(JSON.parse(r.text)).toEqual(JSON.parse(text));
  });

  it('an unchanged built-in is shared as its empty difference: a link of ~100 characters', () => {
    const url = shareUrl('http://127.0.0.1:4173/app/?lang=en#old', text);
    expect(url).toMatch(
      /^http:\/\/127\.0\.0\.1:4173\/app\/\?lang=en#b=baseline-weekday&h=[0-9a-f]{12}&t=[0-9a-f]{12}&d=/,
    );
    expect(url.length).toBeLessThan(120);
    const r = readShareHash(new URL(url).hash);
    expect(r.kind === 'scenario' && JSON.parse(r.text)).toEqual(JSON.parse(text));
  });

  it('keeps Chinese text intact', () => {
    const r = readShareHash(new URL(shareUrl('http://x/', '{"name":{"zh":"全天候","en":"x"}}')).hash);
    expect(r).toEqual({ kind: 'scenario', text: '{"name":{"zh":"全天候","en":"x"}}' });
  });

  it('tells no hash and a damaged hash apart, never throwing', () => {
    expect(readShareHash('')).toEqual({ kind: 'none' });
    expect(readShareHash('#other=1')).toEqual({ kind: 'none' });
    expect(readShareHash('#s=')).toEqual({ kind: 'damaged' });
    expect(readShareHash('#s=%%%notlz')).toEqual({ kind: 'damaged' });
  });
});
