/**
 * A choice in the draft (dispatch policy, shift-end rule, …). When the file
 * leaves the field out, the schema's default is shown as selected. Values
 * may be strings or booleans (given as options' `value`).
 */
import { useId } from 'react';
import { getIn, pathOf, type Key } from '../../app/editor.ts';
import { useEditor, useEditorState } from '../../app/useStore.ts';
import { FieldErrors, errorsAt } from './FieldErrors.tsx';

export interface SelectFieldProps {
  path: readonly Key[];
  label: string;
  options: { value: string | boolean; label: string }[];
  /** The schema default, shown when the field is absent. */
  defaultValue: string | boolean;
  hideLabel?: boolean;
}

export function SelectField({ path, label, options, defaultValue, hideLabel = false }: SelectFieldProps) {
  const ed = useEditor();
  const id = useId();
  const p = pathOf(path);
  const raw = useEditorState((s) => getIn(s.draft, path));
  const invalid = useEditorState((s) => errorsAt(s.errors, p).length > 0);
  const value = raw === undefined ? defaultValue : raw;
  const known = options.some((o) => o.value === value);
  return (
    <div className={`ed-field ${invalid ? 'has-error' : ''}`}>
      <label htmlFor={id} className={`control-label ${hideLabel ? 'visually-hidden' : ''}`}>
        {label}
      </label>
      <select
        id={id}
        className={`input select ${invalid ? 'invalid' : ''}`}
        data-path={p}
        value={String(value)}
        aria-invalid={invalid}
        onChange={(e) => {
          const o = options.find((x) => String(x.value) === e.target.value);
          ed.set(path, o ? o.value : e.target.value);
        }}
      >
        {!known && <option value={String(value)}>{String(value)}</option>}
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors path={p} />
    </div>
  );
}
