/**
 * Staffing per shift: for every team, its shifts (start, end "HH:MM" or
 * "HH:MM+1" for the next day, staff — per grid for a per-grid team) and its
 * shift-end rule. Shifts can be added and removed; a shift's errors (its
 * fields' and its own) show under its row (`ShiftRow`).
 */
import type { Json } from '../../app/editor.ts';
import { pathOf } from '../../app/editor.ts';
import { useEditor, useEditorState, useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';
import { FieldErrors } from './FieldErrors.tsx';
import { SelectField } from './SelectField.tsx';
import { ShiftRow } from './ShiftRow.tsx';

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function StaffingSection() {
  const t = useT();
  const ed = useEditor();
  const lang = useStore((s) => s.lang);
  const teams = useEditorState((s) => (Array.isArray(s.draft?.teams) ? (s.draft!.teams as unknown[]) : null));
  if (!teams) return <FieldErrors path="$.teams" />;
  return (
    <section className="ed-section" data-testid="ed-staffing" aria-labelledby="ed-staffing-title">
      <h3 id="ed-staffing-title" className="sub-title">
        {t('ed.staffing')}
      </h3>
      <FieldErrors path="$.teams" />
      <div className="ed-teams">
        {teams.map((team, i) => {
          if (!isObj(team)) return <FieldErrors key={i} path={pathOf(['teams', i])} />;
          const name = isObj(team.name)
            ? pickName(lang, team.name as { zh: string; en: string })
            : String(team.id ?? i);
          const shifts = Array.isArray(team.shifts) ? (team.shifts as unknown[]) : [];
          const perGrid = team.placement === 'perGrid';
          const staffLabel = perGrid ? t('cmp.staffPerGrid') : t('cmp.staff');
          return (
            <div key={i} className="ed-team" data-team={String(team.id)}>
              <div className="ed-team-head">
                <strong>{name}</strong>
                <code className="muted small">{String(team.id)}</code>
                <span className="muted small">{t(perGrid ? 'ed.perGrid' : 'ed.inTotal')}</span>
                <SelectField
                  path={['teams', i, 'shiftEnd']}
                  label={t('cmp.shiftEnd')}
                  defaultValue="overtime"
                  options={[
                    { value: 'overtime', label: t('shiftEnd.overtime') },
                    { value: 'handover', label: t('shiftEnd.handover') },
                  ]}
                />
              </div>
              <FieldErrors path={pathOf(['teams', i])} />
              <FieldErrors path={pathOf(['teams', i, 'shifts'])} />
              <table className="ed-table">
                <thead>
                  <tr>
                    <th scope="col">{t('ed.start')}</th>
                    <th scope="col">{t('ed.end')}</th>
                    <th scope="col">{staffLabel}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('ed.remove')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shifts.map((_, j) => (
                    <ShiftRow
                      key={j}
                      team={i}
                      shift={j}
                      name={name}
                      staffLabel={staffLabel}
                      onRemove={() =>
                        ed.set(
                          ['teams', i, 'shifts'],
                          shifts.filter((__, k) => k !== j),
                        )
                      }
                    />
                  ))}
                </tbody>
              </table>
              <button
                type="button"
                className="btn small"
                onClick={() => ed.set(['teams', i, 'shifts'], [...shifts, { start: '08:00', end: '16:00', staff: 1 }])}
              >
                + {t('ed.addShift')}
              </button>
            </div>
          );
        })}
      </div>
    </section>
  );
}
