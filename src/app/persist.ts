/**
 * Local autosave in localStorage: the last opened scenario (text, id, where
 * it came from) and the language. The scenario editor's draft and the
 * scenario applied from it are kept in IndexedDB (app/editor.ts,
 * app/applied.ts): for those, and for built-ins, only the id and the source
 * are remembered here.
 * Storage may be unavailable (private mode, quota): every call is guarded
 * and failures are reported to the console, never thrown at the UI.
 */
import type { Lang, ScenarioSource } from './store.ts';
import { parseLang } from '../i18n/lang.ts';

const KEY_SCENARIO = 'allweather.lastScenario.v1';
const KEY_LANG = 'allweather.lang.v1';

export interface SavedScenario {
  id: string;
  text: string;
  source: ScenarioSource;
  fileName: string | null;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadSavedScenario(): SavedScenario | null {
  const raw = storage()?.getItem(KEY_SCENARIO);
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<SavedScenario>;
    if (typeof v.id !== 'string' || typeof v.text !== 'string') return null;
    const source: ScenarioSource =
      v.source === 'file' || v.source === 'edited' || v.source === 'link' ? v.source : 'builtin';
    return { id: v.id, text: v.text, source, fileName: v.fileName ?? null };
  } catch {
    return null;
  }
}

export function saveScenario(s: SavedScenario): void {
  try {
    // a built-in is remembered by id only (its text ships with the app), an applied edit too (applied.ts keeps its text)
    const v = s.source === 'builtin' || s.source === 'edited' ? { ...s, text: '' } : s;
    storage()?.setItem(KEY_SCENARIO, JSON.stringify(v));
  } catch (e) {
    console.warn('autosave failed / 自动保存失败', e);
  }
}

export function loadSavedLang(): Lang | null {
  return parseLang(storage()?.getItem(KEY_LANG));
}

export function saveLang(lang: Lang): void {
  try {
    storage()?.setItem(KEY_LANG, lang);
  } catch (e) {
    console.warn('autosave failed / 自动保存失败', e);
  }
}
