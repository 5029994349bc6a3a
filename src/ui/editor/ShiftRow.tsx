/**
 * One shift of a team in the staffing table: start, end ("HH:MM", or
 * "HH:MM+1" for the next day) and staff, a button that removes it, and under
 * it, across the row, the errors of its fields and of the shift as a whole.
 *
 * Props: `team` (the team's index), `shift` (the shift's index), `name` (the
 * team's name, for the fields' accessible names), `staffLabel` (the staff
 * column's name: per grid or in total), `onRemove`.
 */
import { useId } from 'react';
import { pathOf } from '../../app/editor.ts';
import { useT } from '../i18n/index.ts';
import { NumberField } from './NumberField.tsx';
import { RowErrors } from './RowErrors.tsx';
import { TextField } from './TextField.tsx';

export interface ShiftRowProps {
  team: number;
  shift: number;
  name: string;
  staffLabel: string;
  onRemove: () => void;
}

export function ShiftRow({ team, shift, name, staffLabel, onRemove }: ShiftRowProps) {
  const t = useT();
  const id = useId();
  const at = (key: string) => ['teams', team, 'shifts', shift, key] as const;
  return (
    <>
      <tr data-shift={shift}>
        {(['start', 'end'] as const).map((key) => (
          <td key={key}>
            <TextField
              path={at(key)}
              label={`${name} ${t(`ed.${key}`)} ${shift + 1}`}
              hideLabel
              width="narrow"
              placeholder="HH:MM"
              errorsId={`${id}-${key}-err`}
            />
          </td>
        ))}
        <td>
          <NumberField
            path={at('staff')}
            label={`${name} ${t('cmp.staff')} ${shift + 1}`}
            hideLabel
            width="narrow"
            errorsId={`${id}-staff-err`}
          />
        </td>
        <td>
          <button
            type="button"
            className="btn small"
            aria-label={t('ed.removeShift', { n: shift + 1, team: name })}
            onClick={onRemove}
          >
            {t('ed.remove')}
          </button>
        </td>
      </tr>
      <RowErrors
        colSpan={4}
        fields={[
          { path: pathOf(at('start')), label: t('ed.start'), id: `${id}-start-err` },
          { path: pathOf(at('end')), label: t('ed.end'), id: `${id}-end-err` },
          { path: pathOf(at('staff')), label: staffLabel, id: `${id}-staff-err` },
          { path: pathOf(['teams', team, 'shifts', shift]) },
        ]}
      />
    </>
  );
}
