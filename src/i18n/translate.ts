/**
 * The one `translate`: a dictionary key and its variables → text in a
 * language. Every page's dictionary (src/i18n/app, src/i18n/drill) goes
 * through here, so interpolation and plurals work alike everywhere.
 *
 * Templates:
 * - `{name}`: the variable as text (`String(v)`: a number is not regrouped,
 *   so seeds and years stay as they are); left as is when not given;
 * - `{n, number}`: a number formatted for the language (number.ts);
 * - `{n, plural, one {# grid} other {# grids}}`: a branch chosen by
 *   `Intl.PluralRules` for the language (`=0 {…}` matches exactly first);
 *   `#` in the branch is the number, formatted; branches may hold `{…}`.
 *   Chinese has one form, so zh-CN templates rarely need this.
 *
 * A catalogue binds a page's dictionaries: `catalog({ 'zh-CN': zhCN, en })`
 * gives `translate(lang, key, vars)`, `translator(lang)` (for non-React code)
 * and `both(key, vars)` (a Bilingual, for notices kept in both languages).
 */
import { pluralCategory, formatNumber } from './number.ts';
import { DEFAULT_LANG, isLang, type Bilingual, type Lang } from './lang.ts';

export type Vars = Record<string, string | number>;

/** A page's dictionary: exactly the keys K, one text each. */
export type Dictionary<K extends string> = Record<K, string>;

/** `{`'s matching `}` in `s` (nested braces counted), or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `one {…} other {…}` → [['one', '…'], ['other', '…']]. */
function branches(s: string): [string, string][] | null {
  const out: [string, string][] = [];
  let i = 0;
  while (i < s.length) {
    const m = /^\s*(=?[\w.-]+)\s*\{/.exec(s.slice(i));
    if (!m) return /^\s*$/.test(s.slice(i)) ? out : null;
    const open = i + m[0].length - 1;
    const close = closing(s, open);
    if (close < 0) return null;
    out.push([m[1], s.slice(open + 1, close)]);
    i = close + 1;
  }
  return out;
}

/** Fill a template's placeholders (see the module comment). */
export function interpolate(lang: Lang, template: string, vars?: Vars): string {
  if (!template.includes('{')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = closing(template, open);
    if (close < 0) break;
    out += template.slice(i, open);
    out += placeholder(lang, template.slice(open, close + 1), vars);
    i = close + 1;
  }
  return out + template.slice(i);
}

function placeholder(lang: Lang, whole: string, vars?: Vars): string {
  const m = /^\{\s*(\w+)\s*(?:,\s*(plural|number)\s*(?:,([\s\S]*))?)?\}$/.exec(whole);
  if (!m || !vars || !(m[1] in vars)) return whole;
  const v = vars[m[1]];
  if (!m[2]) return String(v);
  const n = typeof v === 'number' ? v : Number(v);
  if (m[2] === 'number') return Number.isFinite(n) ? formatNumber(lang, n) : String(v);
  const forms = branches(m[3] ?? '');
  if (!forms) return whole;
  const exact = forms.find(([k]) => k === `=${n}`);
  const cat = Number.isFinite(n) ? pluralCategory(lang, n) : 'other';
  const chosen = exact ?? forms.find(([k]) => k === cat) ?? forms.find(([k]) => k === 'other');
  if (!chosen) return whole;
  const shown = Number.isFinite(n) ? formatNumber(lang, n) : String(v);
  return interpolate(lang, chosen[1].replace(/#/g, shown), vars);
}

/** The variable names a template uses, sorted, each once (for checking that both languages take the same). */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(/\{\s*(\w+)\s*(?:,\s*(?:plural|number)\b)?/g)) names.add(m[1]);
  return [...names].sort();
}

/**
 * The text of `key` in `lang`, its placeholders filled. A language that is
 * not ours at run time (a corrupted saved choice) reads the default's text.
 */
export function translate<K extends string>(
  dicts: Record<Lang, Dictionary<K>>,
  lang: Lang,
  key: K,
  vars?: Vars,
): string {
  const l = isLang(lang) ? lang : DEFAULT_LANG;
  return interpolate(l, dicts[l][key], vars);
}

export type Translator<K extends string> = (key: K, vars?: Vars) => string;

export interface Catalog<K extends string> {
  dicts: Record<Lang, Dictionary<K>>;
  translate(lang: Lang, key: K, vars?: Vars): string;
  /** A translate function bound to a language. */
  translator(lang: Lang): Translator<K>;
  /** The text in both languages. */
  both(key: K, vars?: Vars): Bilingual;
}

export function catalog<K extends string>(dicts: Record<Lang, Dictionary<K>>): Catalog<K> {
  const t = (lang: Lang, key: K, vars?: Vars) => translate(dicts, lang, key, vars);
  return {
    dicts,
    translate: t,
    translator: (lang) => (key, vars) => t(lang, key, vars),
    both: (key, vars) => ({ zh: t('zh-CN', key, vars), en: t('en', key, vars) }),
  };
}
