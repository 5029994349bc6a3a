/**
 * A table row's field errors in a row of their own under it, across every
 * column, each after the name of its column: a narrow column (a shift's
 * "HH:MM", an event type's rate) would wrap its message a word a line.
 * Renders nothing while none of the fields has an error.
 *
 * Props: `fields` (each field's JSON path, the column's name when the row
 * has several fields, and the id its input's `aria-describedby` names),
 * `colSpan` (the table's columns).
 */
import { useEditorState } from '../../app/useStore.ts';
import { FieldErrors, errorsAt } from './FieldErrors.tsx';

export interface RowErrorField {
  path: string;
  /** The column's name, shown before the field's messages; none for the row's own errors. */
  label?: string;
  id?: string;
}

export function RowErrors({ fields, colSpan }: { fields: readonly RowErrorField[]; colSpan: number }) {
  const errors = useEditorState((s) => s.errors);
  const bad = fields.filter((f) => errorsAt(errors, f.path).length > 0);
  if (bad.length === 0) return null;
  return (
    <tr className="ed-row-errors">
      <td colSpan={colSpan}>
        {bad.map((f) => (
          <div key={f.path} className="ed-row-error">
            {f.label !== undefined && <span className="ed-row-error-field">{f.label}</span>}
            <FieldErrors path={f.path} id={f.id} />
          </div>
        ))}
      </td>
    </tr>
  );
}
