import { describe, expect, it } from 'vitest';
import { catalog, interpolate, placeholders } from './translate.ts';

describe('interpolation', () => {
  it('fills {name} with the variable as given, and leaves unknown ones', () => {
    expect(interpolate('en', 'Day {day} {time}', { day: 1, time: '08:00' })).toBe('Day 1 08:00');
    expect(interpolate('en', 'seeds {from}–{to}', { from: 1001, to: 1030 })).toBe('seeds 1001–1030');
    expect(interpolate('en', 'Hello {who}', {})).toBe('Hello {who}');
    expect(interpolate('en', 'no braces')).toBe('no braces');
  });

  it('formats {n, number} for the language', () => {
    expect(interpolate('en', '{n, number} people', { n: 220000 })).toBe('220,000 people');
  });

  it('chooses plural forms by the language, with exact matches first and # as the number', () => {
    const tpl = '{n, plural, =0 {no grids} one {# grid} other {# grids}} in {d}';
    expect(interpolate('en', tpl, { n: 0, d: 'A' })).toBe('no grids in A');
    expect(interpolate('en', tpl, { n: 1, d: 'A' })).toBe('1 grid in A');
    expect(interpolate('en', tpl, { n: 1200, d: 'A' })).toBe('1,200 grids in A');
    expect(interpolate('zh-CN', '{n, plural, other {# 个网格}}', { n: 1 })).toBe('1 个网格');
    expect(interpolate('en', '{n, plural, one {# error in {f}} other {# errors in {f}}}', { n: 2, f: 'x' })).toBe(
      '2 errors in x',
    );
  });

  it('lists the variables a template uses, plural ones included', () => {
    expect(placeholders('{a} and {b, plural, one {# x {c}} other {# xs}} {a}')).toEqual(['a', 'b', 'c']);
    expect(placeholders('plain')).toEqual([]);
  });
});

describe('a catalogue', () => {
  const c = catalog({ 'zh-CN': { hi: '你好 {who}' }, en: { hi: 'Hi {who}' } });
  it('translates, binds a language, and gives both', () => {
    expect(c.translate('en', 'hi', { who: 'A' })).toBe('Hi A');
    expect(c.translator('zh-CN')('hi', { who: 'A' })).toBe('你好 A');
    expect(c.both('hi', { who: 'A' })).toEqual({ zh: '你好 A', en: 'Hi A' });
  });
});
