/**
 * The experiment forms' two small controls, one markup for every panel:
 * a number typed as text (`NumField`: replications, seed, days, targets),
 * marked invalid with its message under it (or, given `errorId`, in the
 * form's own line under its row of fields, so that the fields stay in line),
 * and a checkbox with its label (`CheckField`). The text stays as typed;
 * each panel parses it itself.
 */

interface NumFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Whether the text parses; omitted: never marked (the panel checks it on run). */
  ok?: boolean;
  /** Shown under the field while `ok` is false. */
  error?: string;
  /**
   * The form shows the field's message itself (instead of `error`), in the element with this id: a
   * `.form-error` line under the row of fields; the input names it in `aria-describedby` while invalid.
   */
  errorId?: string;
  testId?: string;
  /** Decimals allowed (the keyboard offered on touch screens); default whole numbers. */
  decimal?: boolean;
  placeholder?: string;
  small?: boolean;
}

export function NumField({
  label,
  value,
  onChange,
  ok,
  error,
  errorId,
  testId,
  decimal,
  placeholder,
  small,
}: NumFieldProps) {
  const bad = ok === false;
  return (
    <label className="field">
      <span className="control-label">{label}</span>
      <input
        className={`input num-input${small ? ' small' : ''}${bad ? ' invalid' : ''}`}
        data-testid={testId}
        inputMode={decimal ? 'decimal' : 'numeric'}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={ok === undefined ? undefined : bad}
        aria-describedby={bad && errorId !== undefined ? errorId : undefined}
      />
      {bad && error && errorId === undefined && <span className="field-error">{error}</span>}
    </label>
  );
}

interface CheckFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
  /** A longer explanation, shown on hover. */
  title?: string;
}

export function CheckField({ label, checked, onChange, testId, title }: CheckFieldProps) {
  return (
    <label className="check" title={title}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />{' '}
      {label}
    </label>
  );
}
