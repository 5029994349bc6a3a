/**
 * Typed i18n for the drill page: `t('trainer.play')`,
 * `t('inbox.due', { min: 3 })`. zh-CN is the default; en has exactly the
 * same keys (the type `DrillDict` and i18n.test.ts check it). Kept apart
 * from the main app's dictionaries so the two pages evolve independently.
 */
import { useCallback } from 'react';
import { zhCN, type DrillDict, type DrillKey } from './zh-CN.ts';
import { en } from './en.ts';
import { useDrill, type Lang } from '../../../app/drill/store.ts';

export type { DrillDict, DrillKey } from './zh-CN.ts';
export const DRILL_DICTS: Record<Lang, DrillDict> = { 'zh-CN': zhCN, en };

export type Vars = Record<string, string | number>;
export type T = (key: DrillKey, vars?: Vars) => string;

export function translate(lang: Lang, key: DrillKey, vars?: Vars): string {
  const s = DRILL_DICTS[lang][key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/** A translate function bound to a language (for non-React code such as the printable report). */
export const translator =
  (lang: Lang): T =>
  (key, vars) =>
    translate(lang, key, vars);

/** The translate function for the page's current language. */
export function useT(): T {
  const lang = useDrill((s) => s.lang);
  return useCallback((key: DrillKey, vars?: Vars) => translate(lang, key, vars), [lang]);
}

/** The zh or en member of a bilingual text. */
export function pick(lang: Lang, n: { zh: string; en: string }): string {
  return lang === 'en' ? n.en : n.zh;
}

/** A dictionary text in both languages (notices are kept bilingual, like the engine's messages). */
export function both(key: DrillKey, vars?: Vars): { zh: string; en: string } {
  return { zh: translate('zh-CN', key, vars), en: translate('en', key, vars) };
}
