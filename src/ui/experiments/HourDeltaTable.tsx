/**
 * The comparison by hour of day (all grids together): SLA attainment in A
 * and B with B − A, its 95 % CI and significance, and the difference in
 * mean backlog (open cases) with its CI. 24 rows, compact.
 */
import type { Comparison } from '../../analysis/compare.ts';
import { useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { pad2 } from '../format.ts';
import { SigMark } from './SigMark.tsx';
import { dv, fmtCi, fmtSigned, fmtValue } from '../../i18n/kpi.ts';
import { CompareHeadCells, DiffHeadCells } from './CompareHead.tsx';

export function HourDeltaTable({ comparison }: { comparison: Comparison }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const { attainment, backlog } = comparison.byHour;
  return (
    <section className="sub-section" data-testid="hour-delta">
      <h3 className="sub-title">{t('cmp.byHour')}</h3>
      <div className="table-scroll short">
        <table className="data-table compact" data-testid="hour-delta-table">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('cmp.hour')}
              </th>
              <th scope="colgroup" colSpan={5} className="group">
                {t('cmp.hourAttainment')}
              </th>
              <th scope="colgroup" colSpan={3} className="group">
                {t('cmp.hourBacklog')}
              </th>
            </tr>
            <tr>
              <CompareHeadCells x={'A'} y={'B'} diff={'B − A'} />
              <DiffHeadCells diff={'B − A'} />
            </tr>
          </thead>
          <tbody>
            {attainment.map((d, h) => {
              const b = backlog[h];
              return (
                <tr key={h} data-hour={h} data-diff={dv(d.diff.mean)} data-backlog-diff={dv(b.diff.mean)}>
                  <th scope="row" className="num">
                    {pad2(h)}:00
                  </th>
                  <td className="num">{fmtValue('share', d.a.mean, lang)}</td>
                  <td className="num">{fmtValue('share', d.b.mean, lang)}</td>
                  <td className="num strong">{fmtSigned('share', d.diff.mean, lang)}</td>
                  <td className="num">{fmtCi('share', d.diff.ci95, lang, 1, true)}</td>
                  <td>
                    <SigMark significant={d.significant} />
                  </td>
                  <td className="num strong">{fmtSigned('cases', b.diff.mean, lang, 1)}</td>
                  <td className="num">{fmtCi('cases', b.diff.ci95, lang, 1, true)}</td>
                  <td>
                    <SigMark significant={b.significant} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('cmp.hourNote')}</p>
    </section>
  );
}
