/**
 * The drill page's catalogue: its dictionaries (zh-CN.ts, en.ts; the shared
 * labels spread in) behind the one `translate` of ../translate.ts. Kept
 * apart from the main page's so the two pages evolve independently; the
 * words both say come from ../shared.ts. Drill controllers (src/app/drill)
 * use it directly; the ui's `useT` (src/ui/drill/i18n) binds it to the page's
 * language.
 */
import { catalog, type Translator } from '../translate.ts';
import type { Lang } from '../lang.ts';
import { zhCN, type DrillDict, type DrillKey } from './zh-CN.ts';
import { en } from './en.ts';

export type { DrillDict, DrillKey } from './zh-CN.ts';
export type { Vars } from '../translate.ts';
export type T = Translator<DrillKey>;

export const DRILL_DICTS: Record<Lang, DrillDict> = { 'zh-CN': zhCN, en };
export const DRILL_TEXT = catalog<DrillKey>(DRILL_DICTS);

/** The text of `key` in `lang`, placeholders filled. */
export const translate = DRILL_TEXT.translate;
/** `translate` bound to a language (for non-React code such as the printable report). */
export const translator = DRILL_TEXT.translator;
/** A text in both languages (notices are kept bilingual, like the engine's messages). */
export const both = DRILL_TEXT.both;
