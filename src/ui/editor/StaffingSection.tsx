/**
 * Staffing per shift: for every team, its shifts (start, end "HH:MM" or
 * "HH:MM+1" for the next day, staff — per grid for a per-grid team) and its
 * shift-end rule. Shifts can be added and removed; each field shows its
 * own errors, a shift row the errors about the shift as a whole.
 */
import type { Json } from '../../app/editor.ts';
import { pathOf } from '../../app/editor.ts';
import { useEditor, useEditorState, useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';
import { FieldErrors } from './FieldErrors.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

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
                    <th scope="col">{perGrid ? t('cmp.staffPerGrid') : t('cmp.staff')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('ed.remove')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shifts.map((_, j) => (
                    <tr key={j} data-shift={j}>
                      <td>
                        <TextField
                          path={['teams', i, 'shifts', j, 'start']}
                          label={`${name} ${t('ed.start')} ${j + 1}`}
                          hideLabel
                          width="narrow"
                          placeholder="HH:MM"
                        />
                      </td>
                      <td>
                        <TextField
                          path={['teams', i, 'shifts', j, 'end']}
                          label={`${name} ${t('ed.end')} ${j + 1}`}
                          hideLabel
                          width="narrow"
                          placeholder="HH:MM"
                        />
                      </td>
                      <td>
                        <NumberField
                          path={['teams', i, 'shifts', j, 'staff']}
                          label={`${name} ${t('cmp.staff')} ${j + 1}`}
                          hideLabel
                          width="narrow"
                        />
                        <FieldErrors path={pathOf(['teams', i, 'shifts', j])} />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="btn small"
                          aria-label={t('ed.removeShift', { n: j + 1, team: name })}
                          onClick={() =>
                            ed.set(
                              ['teams', i, 'shifts'],
                              shifts.filter((__, k) => k !== j),
                            )
                          }
                        >
                          {t('ed.remove')}
                        </button>
                      </td>
                    </tr>
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
