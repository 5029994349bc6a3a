/**
 * Every sweep point: the swept values (headed by the parameters' names in
 * words, the override path as a tooltip), coverage index and SLA attainment
 * (mean and 95 % CI), staff-hours, cost, the point's rostered headcount
 * (peak on duty and staff-hours a day, from its scenario), and whether it is
 * on the frontier (◆ and words) or the cheapest plan meeting the target (★).
 * A combination the scenario cannot take shows why.
 */
import { valueLabel, type Bilingual } from '../../analysis/paramLabels.ts';
import type { SweepParam, SweepPoint } from '../../analysis/sweep.ts';
import { useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';
import { dv, fmtCi, fmtValue } from '../../i18n/kpi.ts';

export interface SweepTableProps {
  params: SweepParam[];
  points: SweepPoint[];
  frontier: number[];
  cheapest: number | null;
  /** Each parameter's name in words, by path (the path itself when missing). */
  labels: Record<string, Bilingual>;
}

export function SweepTable({ params, points, frontier, cheapest, labels }: SweepTableProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const front = new Set(frontier);
  return (
    <div className="table-scroll short">
      <table className="data-table compact" data-testid="sweep-table">
        <thead>
          <tr>
            {params.map((p) => (
              <th key={p.path} scope="col" title={p.path} data-path={p.path}>
                {labels[p.path] ? pickName(lang, labels[p.path]) : <code className="path-head">{p.path}</code>}
              </th>
            ))}
            <th scope="col" className="num">
              {t('kpi.coverageIndex')} %
            </th>
            <th scope="col" className="num">
              {t('exp.col.ci')}
            </th>
            <th scope="col" className="num">
              {t('kpi.slaAttainment')} %
            </th>
            <th scope="col" className="num">
              {t('kpi.staffHours')}
            </th>
            <th scope="col" className="num">
              {t('kpi.costCny')}
            </th>
            <th scope="col" className="num">
              {t('sweep.col.peak')}
            </th>
            <th scope="col" className="num">
              {t('sweep.col.rostered')}
            </th>
            <th scope="col">{t('sweep.onFrontier')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr
              key={p.index}
              data-index={p.index}
              data-coverage={dv(p.coverageIndex?.mean)}
              data-staff-hours={dv(p.staffHours?.mean)}
              data-peak={dv(p.headcount?.peakOnDuty)}
              data-frontier={String(front.has(p.index))}
              className={p.index === cheapest ? 'cheapest' : front.has(p.index) ? 'on-frontier' : ''}
            >
              {params.map((q) => (
                <td key={q.path} className="num">
                  {pickName(lang, valueLabel(q.path, p.values[q.path]))}
                </td>
              ))}
              {p.error ? (
                <td colSpan={8} className="error-cell" title={p.error}>
                  {t('sweep.invalidPoint')}: {p.error.split('\n')[1] ?? p.error}
                </td>
              ) : (
                <>
                  <td className="num">{fmtValue('share', p.coverageIndex?.mean, lang)}</td>
                  <td className="num">{fmtCi('share', p.coverageIndex?.ci95 ?? null, lang, 1)}</td>
                  <td className="num">{fmtValue('share', p.slaAttainment?.mean, lang)}</td>
                  <td className="num">{fmtValue('h', p.staffHours?.mean, lang, 0)}</td>
                  <td className="num">{fmtValue('CNY', p.costCny?.mean, lang, 0)}</td>
                  <td className="num">{fmtValue('cases', p.headcount?.peakOnDuty, lang, 0)}</td>
                  <td className="num">{fmtValue('h', p.headcount?.staffHoursPerDay, lang, 0)}</td>
                  <td>
                    {p.index === cheapest ? <span className="mark-cheapest">★ {t('sweep.cheapestMark')}</span> : null}
                    {front.has(p.index) ? <span className="mark-frontier">◆ {t('sweep.frontierMark')}</span> : null}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
