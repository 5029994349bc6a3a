/**
 * The drill page's i18n in React: `const t = useT(); t('trainer.play')`,
 * `t('inbox.due', { min: 3 })`. The dictionaries, the one `translate` and
 * the shared labels live below app and ui in src/i18n; this module only
 * binds them to the page's language.
 */
import { useCallback } from 'react';
import { translate, type DrillKey, type T, type Vars } from '../../../i18n/drill/index.ts';
import { useDrill } from '../../../app/drill/store.ts';

export { DRILL_DICTS, both, translate, translator } from '../../../i18n/drill/index.ts';
export type { DrillDict, DrillKey, T, Vars } from '../../../i18n/drill/index.ts';
export { pick } from '../../../i18n/lang.ts';

/** The translate function for the page's current language. */
export function useT(): T {
  const lang = useDrill((s) => s.lang);
  return useCallback((key: DrillKey, vars?: Vars) => translate(lang, key, vars), [lang]);
}
