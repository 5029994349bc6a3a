/**
 * Typed i18n: `t('kpi.title')`, `t('clock.format', { day: 1, time: '08:00' })`.
 * zh-CN is the default; en has exactly the same keys (checked by the type
 * `Dict` and by i18n.test.ts).
 */
import { useCallback } from 'react';
import { zhCN, type DictKey, type Dict } from './zh-CN.ts';
import { en } from './en.ts';
import { useStore } from '../../app/useStore.ts';
import type { Lang } from '../../app/store.ts';

export type { DictKey, Dict } from './zh-CN.ts';
export const DICTS: Record<Lang, Dict> = { 'zh-CN': zhCN, en };

export type Vars = Record<string, string | number>;
export type T = (key: DictKey, vars?: Vars) => string;

export function translate(lang: Lang, key: DictKey, vars?: Vars): string {
  const s = DICTS[lang][key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/** The translate function for the current language. */
export function useT(): T {
  const lang = useStore((s) => s.lang);
  return useCallback((key: DictKey, vars?: Vars) => translate(lang, key, vars), [lang]);
}

/** Pick the zh or en member of a bilingual name. */
export function pickName(lang: Lang, n: { zh: string; en: string }): string {
  return lang === 'en' ? n.en : n.zh;
}
