/**
 * Erlang C beside the simulation, per hour of the shift: arrivals per hour
 * needing the team's skills, mean handling time, offered load, the Erlang C
 * staff for the standard within the response deadline, the staff the
 * simulation had on duty under the plan, and the difference (what Erlang C
 * cannot see: travel, patrol, grids, shift changes).
 */
import type { ErlangHour } from '../../analysis/staffing.ts';
import { useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { fmtNum, pad2 } from '../format.ts';
import { dv } from '../../i18n/kpi.ts';

export function ErlangTable({ hours }: { hours: ErlangHour[] }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  return (
    <div className="table-scroll short">
      <table className="data-table compact" data-testid="erlang-table">
        <caption>{t('erlang.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cmp.hour')}</th>
            <th scope="col" className="num">
              {t('erlang.arrivals')}
            </th>
            <th scope="col" className="num">
              {t('erlang.handling')}
            </th>
            <th scope="col" className="num">
              {t('erlang.load')}
            </th>
            <th scope="col" className="num">
              {t('erlang.erlang')}
            </th>
            <th scope="col" className="num">
              {t('erlang.sim')}
            </th>
            <th scope="col" className="num">
              {t('erlang.diff')}
            </th>
          </tr>
        </thead>
        <tbody>
          {hours.map((h) => (
            <tr key={h.hour} data-hour={h.hour} data-erlang={h.erlangStaff} data-sim={dv(h.simStaff)}>
              <th scope="row" className="num">
                {pad2(h.hour)}:00
              </th>
              <td className="num">{fmtNum(h.arrivalsPerHour, lang, 1)}</td>
              <td className="num">{fmtNum(h.meanHandlingMin, lang, 1)}</td>
              <td className="num">{fmtNum(h.offeredLoad, lang, 2)}</td>
              <td className="num strong">{h.erlangStaff}</td>
              <td className="num">{fmtNum(h.simStaff, lang, 1)}</td>
              <td className="num">
                {h.difference > 0 ? '+' : h.difference < 0 ? '−' : ''}
                {fmtNum(Math.abs(h.difference), lang, 1)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
