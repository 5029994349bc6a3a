/**
 * The cheapest plan per team and shift: today's staff → the plan's, the
 * Erlang C start the search began from, the change and its rostered cost
 * per day; rows whose staff change are marked. Staff of a per-grid team are
 * per grid (and so is the change), its cost is for every grid.
 */
import type { OptimiseResult } from '../../analysis/optimise.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { fmtChange, fmtYuan, shiftOf, teamNameOf } from './planText.ts';

export function PlanTable({ result, scenario }: { result: OptimiseResult; scenario: Scenario | null }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const rows = result.shifts;
  return (
    <div className="table-scroll">
      <table className="data-table compact plan-table" data-testid="opt-plan-table">
        <caption>{t('opt.planCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('opt.col.team')}</th>
            <th scope="col">{t('opt.col.shift')}</th>
            <th scope="col" className="num">
              {t('opt.col.now')}
            </th>
            <th scope="col" className="num">
              {t('opt.col.plan')}
            </th>
            <th scope="col" className="num">
              {t('opt.col.change')}
            </th>
            <th scope="col" className="num" title={t('opt.erlangTitle')}>
              {t('opt.col.erlang')}
            </th>
            <th scope="col" className="num">
              {t('opt.col.cost')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const first = i === 0 || rows[i - 1].team !== r.team;
            const d = r.plan - r.current;
            return (
              <tr
                key={r.path}
                data-path={r.path}
                data-now={r.current}
                data-plan={r.plan}
                data-cost={r.costChangeCny}
                className={`${first ? 'group-first' : ''} ${d > 0 ? 'plan-up' : d < 0 ? 'plan-down' : ''}`}
              >
                <th scope="row">{first ? teamNameOf(scenario, r.team, lang) : ''}</th>
                <td>
                  {shiftOf(scenario, r.team, r.shift)}
                  {r.perGrid && <span className="muted small"> {t('opt.perGrid')}</span>}
                </td>
                <td className="num">{r.current}</td>
                <td className="num strong" data-at-max={String(r.atMax)}>
                  {r.atMax && (
                    <span className="at-max" title={t('opt.atMaxTitle', { max: r.max })}>
                      {t('opt.atMax')}{' '}
                    </span>
                  )}
                  {r.plan}
                </td>
                <td className={`num ${d > 0 ? 'unmet' : d < 0 ? 'met' : 'muted'}`}>{fmtChange(d)}</td>
                <td className="num muted">{r.erlangStart}</td>
                <td className="num">{r.costChangeCny === 0 ? '·' : fmtYuan(r.costChangeCny, lang, true)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
