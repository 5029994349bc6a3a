/** The draft's validation errors at one JSON path, beside its field: the current language first, the other below. */
import type { ScenarioError } from '../../scenario/messages.ts';
import { useEditorState, useStore } from '../../app/useStore.ts';
import { BilingualMessage } from '../BilingualMessage.tsx';

/** Errors whose path is exactly `path`. */
export function errorsAt(errors: readonly ScenarioError[], path: string): ScenarioError[] {
  return errors.filter((e) => e.path === path);
}

export function FieldErrors({ path, id }: { path: string; id?: string }) {
  const lang = useStore((s) => s.lang);
  const errors = useEditorState((s) => s.errors);
  const mine = errorsAt(errors, path);
  if (mine.length === 0) return null;
  return (
    <ul className="field-errors" id={id} data-testid="field-errors" data-path={path}>
      {mine.map((e, i) => (
        <li key={i} data-code={e.code}>
          <BilingualMessage msg={e} lang={lang} />
        </li>
      ))}
    </ul>
  );
}
