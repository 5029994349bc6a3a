/**
 * A number in the draft, edited as text so that what is typed is what is
 * validated: a number is stored as a number, anything else as the text
 * typed (the schema then says "expected number"). Empty removes an
 * optional field (its default applies) and is an error for a required one.
 * Errors at the field's JSON path show below it, or where `errorsId` is
 * rendered (a table's row of errors, `RowErrors`).
 *
 * Props: `path` (draft path), `label`, `optional` (default false), `hint`,
 * `width` ('narrow' | 'normal', default 'normal'), `placeholder`, `errorsId`.
 */
import { useId, useState } from 'react';
import { getIn, pathOf, type Key } from '../../app/editor.ts';
import { useEditor, useEditorState } from '../../app/useStore.ts';
import { FieldErrors, errorsAt } from './FieldErrors.tsx';

export interface NumberFieldProps {
  path: readonly Key[];
  label: string;
  optional?: boolean;
  hint?: string;
  width?: 'narrow' | 'normal';
  placeholder?: string;
  /** Hide the visible label (in a table whose header names the column); it stays the accessible name. */
  hideLabel?: boolean;
  /** The errors are shown elsewhere, in the element with this id (default: below the field). */
  errorsId?: string;
}

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Text typed → the value stored in the draft. */
export function parseTyped(text: string, optional: boolean): unknown {
  if (text.trim() === '') return optional ? undefined : '';
  return NUMBER.test(text) ? Number(text) : text;
}

const shown = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v));

export function NumberField({
  path,
  label,
  optional = false,
  hint,
  width = 'normal',
  placeholder,
  hideLabel = false,
  errorsId,
}: NumberFieldProps) {
  const ed = useEditor();
  const id = useId();
  const p = pathOf(path);
  const value = useEditorState((s) => getIn(s.draft, path));
  const invalid = useEditorState((s) => errorsAt(s.errors, p).length > 0);
  const [text, setText] = useState(shown(value));

  // an outside change (restore, another scenario, revert) replaces what is shown (adjusted while rendering)
  const [valueSeen, setValueSeen] = useState(value);
  if (!Object.is(valueSeen, value)) {
    setValueSeen(value);
    if (parseTyped(text, optional) !== value) setText(shown(value));
  }

  return (
    <div className={`ed-field ${invalid ? 'has-error' : ''}`}>
      <label htmlFor={id} className={`control-label ${hideLabel ? 'visually-hidden' : ''}`}>
        {label}
      </label>
      <input
        id={id}
        className={`input num-input ${width} ${invalid ? 'invalid' : ''}`}
        data-path={p}
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-describedby={invalid ? (errorsId ?? `${id}-err`) : undefined}
        onChange={(e) => {
          setText(e.target.value);
          ed.set(path, parseTyped(e.target.value, optional));
        }}
      />
      {hint && <span className="muted small">{hint}</span>}
      {errorsId === undefined && <FieldErrors path={p} id={`${id}-err`} />}
    </div>
  );
}
