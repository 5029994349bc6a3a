/**
 * A text value in the draft (e.g. a shift's "HH:MM" start), stored as typed;
 * errors at its JSON path show below it, or where `errorsId` is rendered
 * (a table's row of errors, `RowErrors`).
 */
import { useId } from 'react';
import { getIn, pathOf, type Key } from '../../app/editor.ts';
import { useEditor, useEditorState } from '../../app/useStore.ts';
import { FieldErrors, errorsAt } from './FieldErrors.tsx';

export interface TextFieldProps {
  path: readonly Key[];
  label: string;
  placeholder?: string;
  hideLabel?: boolean;
  width?: 'narrow' | 'normal';
  /** The errors are shown elsewhere, in the element with this id (default: below the field). */
  errorsId?: string;
}

export function TextField({ path, label, placeholder, hideLabel = false, width = 'normal', errorsId }: TextFieldProps) {
  const ed = useEditor();
  const id = useId();
  const p = pathOf(path);
  const value = useEditorState((s) => getIn(s.draft, path));
  const invalid = useEditorState((s) => errorsAt(s.errors, p).length > 0);
  return (
    <div className={`ed-field ${invalid ? 'has-error' : ''}`}>
      <label htmlFor={id} className={`control-label ${hideLabel ? 'visually-hidden' : ''}`}>
        {label}
      </label>
      <input
        id={id}
        className={`input ${width === 'narrow' ? 'time-input' : ''} ${invalid ? 'invalid' : ''}`}
        data-path={p}
        value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-describedby={invalid ? (errorsId ?? `${id}-err`) : undefined}
        onChange={(e) => ed.set(path, e.target.value)}
      />
      {errorsId === undefined && <FieldErrors path={p} id={`${id}-err`} />}
    </div>
  );
}
