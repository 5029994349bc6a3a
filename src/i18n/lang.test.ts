import { describe, expect, it } from 'vitest';
import { DEFAULT_LANG, firstLang, intlLocale, LANGS, parseLang } from './lang.ts';
import { formatInteger, formatNumber, formatWallTime } from './number.ts';
import { fmtValue } from './kpi.ts';
import { translate } from './app/index.ts';

describe('a browser locale becomes our language', () => {
  it('maps tags and POSIX names of Chinese and English, whatever their region, script or modifier', () => {
    for (const t of ['en', 'EN', 'en-US', 'en-GB', 'en_US.UTF-8', 'en-US@posix', 'en_US@posix', ' en-us '])
      expect(parseLang(t), t).toBe('en');
    for (const t of ['zh', 'zh-CN', 'zh_CN.GB18030', 'zh-Hans-CN', 'zh-TW', 'zh_CN@pinyin'])
      expect(parseLang(t), t).toBe('zh-CN');
  });

  it('gives null for anything else', () => {
    for (const t of ['C', 'POSIX', 'C.UTF-8', 'fr-FR', 'english', '', '@posix', null, undefined, 42, {}])
      expect(parseLang(t), String(t)).toBeNull();
  });

  it('takes the first tag that is ours, else the default', () => {
    expect(firstLang(['fr-FR', 'en-US@posix', 'zh-CN'])).toBe('en');
    expect(firstLang(['C', 'de'])).toBe(DEFAULT_LANG);
    expect(firstLang([], 'en')).toBe('en');
  });
});

describe('Intl only ever sees a valid tag', () => {
  it('the tag a C/POSIX Chromium reports is one Intl rejects (why parseLang exists)', () => {
    expect(() => (1234.5).toLocaleString('en-US@posix')).toThrow(RangeError);
  });

  it('maps every language and any stray input to zh-CN or en-US', () => {
    expect(LANGS.map(intlLocale)).toEqual(['zh-CN', 'en-US']);
    expect(intlLocale('en-US@posix')).toBe('en-US');
    expect(intlLocale('zh_CN.UTF-8')).toBe('zh-CN');
    for (const bad of ['C', 'xx-@@', '', null, undefined, 7]) expect(intlLocale(bad)).toBe('zh-CN');
    for (const l of LANGS) expect(Intl.getCanonicalLocales(intlLocale(l))).toEqual([intlLocale(l)]);
  });

  it('the formatters and translate work for a language read from en-US@posix, and do not throw for a stray one', () => {
    const lang = parseLang('en-US@posix')!;
    expect(formatNumber(lang, 1234.5, 1)).toBe('1,234.5');
    expect(formatInteger(lang, 220000)).toBe('220,000');
    expect(fmtValue('s', 90, lang, 1)).toBe('1.5');
    expect(formatWallTime(lang, Date.UTC(2026, 0, 1, 0, 5, 9))).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(translate(lang, 'warning.4')).toBe('Red warning');
    const stray = 'en-US@posix' as unknown as typeof lang; // a corrupted saved choice
    expect(() => formatNumber(stray, 1.5, 1)).not.toThrow();
    expect(() => formatWallTime(stray, 0)).not.toThrow();
    expect(translate(stray, 'warning.4')).toBe('红色预警');
  });
});
