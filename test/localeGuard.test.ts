/**
 * public/locale-guard.js, the classic script both pages run before their
 * modules: it leaves valid tags alone and repairs the ones Intl rejects, so
 * a library reading navigator.language at load (uPlot) cannot stop the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SRC = readFileSync(new URL('../public/locale-guard.js', import.meta.url), 'utf8');

/** Run the guard against a navigator whose language getters live on its prototype, as in a browser. */
function guarded(language: string, languages: string[]): { language: string; languages: readonly string[] } {
  const proto = {
    get language() {
      return language;
    },
    get languages() {
      return Object.freeze([...languages]);
    },
  };
  const nav = Object.create(proto) as { language: string; languages: readonly string[] };
  new Function('navigator', SRC)(nav);
  return { language: nav.language, languages: nav.languages };
}

describe('the locale guard of both pages', () => {
  it('repairs the tag a C/POSIX Chromium reports, so Intl and uPlot accept it', () => {
    expect(() => new Intl.NumberFormat('en-US@posix')).toThrow(RangeError);
    const nav = guarded('en-US@posix', ['en-US@posix']);
    expect(nav).toEqual({ language: 'en-US', languages: ['en-US'] });
    expect(() => new Intl.NumberFormat(nav.language).format(1234.5)).not.toThrow();
  });

  it('maps POSIX names to their tag and anything unusable to en-US', () => {
    expect(guarded('zh_CN.UTF-8', ['zh_CN.UTF-8', 'C']).languages).toEqual(['zh-CN', 'en-US']);
    expect(guarded('C', []).language).toBe('en-US');
    expect(guarded('', []).language).toBe('en-US');
  });

  it('leaves valid tags exactly as they were', () => {
    expect(guarded('zh-CN', ['zh-CN', 'en'])).toEqual({ language: 'zh-CN', languages: ['zh-CN', 'en'] });
    expect(guarded('en-GB', ['en-GB'])).toEqual({ language: 'en-GB', languages: ['en-GB'] });
  });

  it('both pages load it before their modules', () => {
    for (const page of ['index.html', 'drill.html']) {
      const html = readFileSync(new URL(`../${page}`, import.meta.url), 'utf8');
      const guard = html.search(/<script vite-ignore src="\.\/locale-guard\.js"><\/script>/);
      expect(guard, page).toBeGreaterThan(0);
      expect(guard, page).toBeLessThan(html.indexOf('<script type="module"'));
    }
  });
});
