/**
 * The languages of AllWeather and how a language becomes a locale.
 *
 * src/i18n is the one home of what the app page, the drill page and the CLI
 * say in words: this file (languages), translate.ts (the one `translate`,
 * interpolation and plurals), number.ts (numbers and clock times through
 * `Intl`), shared.ts (labels defined once: weather, warning levels, units,
 * stage names, KPI names from the glossary), kpi.ts (a KPI in the unit a
 * person reads), and one dictionary module per page (app/, drill/).
 *
 * Where it sits: floor 1 (DESIGN.md), above src/analysis and src/export
 * (it reads the glossary, the stage names and the stored units from them)
 * and below everything that shows text: the CLI, app logic (controllers,
 * readable CSVs), scene and ui. It is pure TypeScript: no React, no DOM, no
 * Node; the React hooks (`useT`) live with the ui of each page
 * (src/ui/i18n, src/ui/drill/i18n). test/floors.test.ts holds it there.
 *
 * A language is our own small set (`Lang`), never a browser's locale
 * string. A browser may report a tag `Intl` rejects (Chromium in the
 * C/POSIX locale reports `en-US@posix`; `toLocaleString('en-US@posix')`
 * throws "Invalid language tag"): `parseLang` maps any such tag to a `Lang`
 * (or null), and `intlLocale` gives `Intl` only tags known to be valid.
 */

/** The languages, the default first: zh-CN first, English second. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

/** A text in both languages (engine messages, names in scenario files). */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The `Intl` locale of each language: fixed, valid tags only. */
export const INTL_LOCALE: Readonly<Record<Lang, string>> = { 'zh-CN': 'zh-CN', en: 'en-US' };

export function isLang(x: unknown): x is Lang {
  return x === 'zh-CN' || x === 'en';
}

/**
 * Our language for a language tag or POSIX locale name, or null when it is
 * neither Chinese nor English: 'en', 'en-GB', 'en_US.UTF-8', 'en-US@posix'
 * → 'en'; 'zh', 'zh-CN', 'zh_CN.GB18030', 'zh-Hans-CN', 'zh-TW' → 'zh-CN';
 * 'C', 'POSIX', 'fr-FR', '' → null.
 */
export function parseLang(tag: unknown): Lang | null {
  if (typeof tag !== 'string') return null;
  const primary = tag
    .trim()
    .split(/[-_.@]/)[0]
    .toLowerCase();
  return primary === 'zh' ? 'zh-CN' : primary === 'en' ? 'en' : null;
}

/** The first of several tags (a URL parameter, a saved choice, `navigator.languages`) that is ours, else `fallback`. */
export function firstLang(tags: readonly unknown[], fallback: Lang = DEFAULT_LANG): Lang {
  for (const t of tags) {
    const l = parseLang(t);
    if (l) return l;
  }
  return fallback;
}

/** A locale `Intl` accepts, for any input: ours mapped through `parseLang`, anything else the default's. */
export function intlLocale(lang: unknown): string {
  return INTL_LOCALE[isLang(lang) ? lang : (parseLang(lang) ?? DEFAULT_LANG)];
}

/** The member of a bilingual text for a language. */
export function pick(lang: Lang, text: Bilingual): string {
  return lang === 'en' ? text.en : text.zh;
}
