/**
 * The main page's i18n in React: `const t = useT(); t('kpi.title')`,
 * `t('clock.format', { day: 1, time: '08:00' })`. The dictionaries, the one
 * `translate` and the shared labels live below app and ui in src/i18n; this
 * module only binds them to the store's language.
 */
import { useCallback } from 'react';
import { translate, type DictKey, type T, type Vars } from '../../i18n/app/index.ts';
import { useStore } from '../../app/useStore.ts';

export { DICTS, translate, translator } from '../../i18n/app/index.ts';
export type { Dict, DictKey, T, Vars } from '../../i18n/app/index.ts';
export { pick as pickName } from '../../i18n/lang.ts';

/** The translate function for the current language. */
export function useT(): T {
  const lang = useStore((s) => s.lang);
  return useCallback((key: DictKey, vars?: Vars) => translate(lang, key, vars), [lang]);
}
