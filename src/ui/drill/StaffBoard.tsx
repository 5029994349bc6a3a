/**
 * Staff by team and state (off duty, idle, patrolling, travelling, on
 * scene, at a security lane): the DOM twin of the staff markers in the 3D
 * city. Teams with nobody on the roster now are still listed (their off
 * count). Numbers carry `data-value`.
 */
import type { CityLayout, Frame } from '../../sim/frame.ts';
import { useDrill } from '../../app/drill/store.ts';
import { pick, useT } from './i18n/index.ts';
import { STAFF_STATES, staffCounts } from './model.ts';

export interface StaffBoardProps {
  layout: CityLayout;
  frame: Frame | null;
}

export function StaffBoard({ layout, frame }: StaffBoardProps) {
  const t = useT();
  const lang = useDrill((s) => s.lang);
  const counts = staffCounts(layout, frame);
  const shown = STAFF_STATES.map((s, i) => ({ s, i })).filter(({ s }) => s !== 'lane' || counts.total[5] > 0);
  return (
    <section className="panel staff-board" data-testid="staff-board" aria-labelledby="staff-title">
      <h2 id="staff-title" className="panel-title">
        {t('staff.title')}
      </h2>
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th>{t('staff.team')}</th>
              {shown.map(({ s }) => (
                <th key={s} className="num">
                  {t(`staff.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {layout.teams.map((tm, ti) => (
              <tr key={tm.id} data-team={tm.id}>
                <th scope="row" className="ellipsis">
                  {pick(lang, tm.name)}
                </th>
                {shown.map(({ s, i }) => (
                  <td key={s} className="num" data-state={s} data-value={counts.byTeam[ti][i]}>
                    {counts.byTeam[ti][i]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('staff.total')}</th>
              {shown.map(({ s, i }) => (
                <td key={s} className="num" data-state={s} data-total data-value={counts.total[i]}>
                  {counts.total[i]}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
