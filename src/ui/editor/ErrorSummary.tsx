/**
 * Every validation error of the draft in one list (the fields show theirs
 * too): the field's name in words — a button that focuses the field when
 * the form has one — with its JSON path as its tooltip, and the message in
 * both languages.
 */
import { useMemo } from 'react';
import { fieldLabel, namesOfDraft } from '../../analysis/paramLabels.ts';
import { useEditorState, useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { BilingualMessage } from '../BilingualMessage.tsx';

/**
 * The editor's own element for `path`: its input (or select) first, else the first element that names the
 * path outside this list (a field's error line, a section); never the list's own entry.
 */
function fieldElement(root: ParentNode, path: string): HTMLElement | null {
  const all = Array.from(root.querySelectorAll<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)).filter(
    (el) => el.closest('.ed-errors') === null,
  );
  return all.find((el) => el.matches('input, select, textarea')) ?? all[0] ?? null;
}

function focusPath(path: string): void {
  const editor = document.querySelector('.editor');
  const el = editor && fieldElement(editor, path);
  if (el) {
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }
}

export function ErrorSummary() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const errors = useEditorState((s) => s.errors);
  const draft = useEditorState((s) => s.draft);
  const names = useMemo(() => namesOfDraft(draft), [draft]);
  if (errors.length === 0) return null;
  return (
    <section className="ed-errors" role="alert" data-testid="ed-errors" data-count={errors.length}>
      <h3 className="sub-title">{t('ed.errorsTitle', { n: errors.length })}</h3>
      <ul>
        {errors.map((e, i) => (
          <li key={i} data-path={e.path} data-code={e.code}>
            <button type="button" className="link error-field" title={e.path} onClick={() => focusPath(e.path)}>
              {(() => {
                const l = fieldLabel(e.path, names);
                return l ? (lang === 'en' ? l.en : l.zh) : t('scenario.errorRoot');
              })()}
            </button>
            <BilingualMessage msg={e} lang={lang} />
          </li>
        ))}
      </ul>
    </section>
  );
}
