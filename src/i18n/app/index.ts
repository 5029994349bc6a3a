/**
 * The main page's catalogue: its dictionaries (zh-CN.ts, en.ts; the shared
 * labels spread in) behind the one `translate` of ../translate.ts. App logic
 * (readable CSVs, controllers) uses it directly; the ui's React hook `useT`
 * (src/ui/i18n) binds it to the store's language.
 */
import { catalog, type Translator } from '../translate.ts';
import type { Lang } from '../lang.ts';
import { zhCN, type Dict, type DictKey } from './zh-CN.ts';
import { en } from './en.ts';

export type { Dict, DictKey } from './zh-CN.ts';
export type { Vars } from '../translate.ts';
export type T = Translator<DictKey>;

export const DICTS: Record<Lang, Dict> = { 'zh-CN': zhCN, en };
export const APP_TEXT = catalog<DictKey>(DICTS);

/** The text of `key` in `lang`, placeholders filled. */
export const translate = APP_TEXT.translate;
/** `translate` bound to a language, for code outside React. */
export const translator = APP_TEXT.translator;
/** The text in both languages. */
export const both = APP_TEXT.both;
