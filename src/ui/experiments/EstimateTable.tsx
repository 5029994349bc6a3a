/**
 * KPI estimates over replications: mean, 95 % Student-t interval, its
 * half-width and n, in display units. In until-mode the watched KPIs also
 * show their half-width target and whether it is met (✓/✗ and words).
 * Every number is in the DOM; the exact stored values are in data-* attributes.
 */
import type { Estimate } from '../../analysis/aggregate.ts';
import type { TargetStatus } from '../../analysis/replicate.ts';
import { useStore } from '../../app/useStore.ts';
import { useT, type DictKey } from '../i18n/index.ts';
import { GlossaryHelp } from '../GlossaryHelp.tsx';
import { CiBar } from './CiBar.tsx';
import {
  digitsFor,
  dv,
  fmtCi,
  fmtValue,
  halfWidthOf,
  KPI_NAMES,
  unitKey,
  unitOf,
  type KpiName,
} from '../../i18n/kpi.ts';

export interface EstimateTableProps {
  summary: Record<KpiName, Estimate>;
  targets?: TargetStatus[] | null;
  testId?: string;
}

export function EstimateTable({ summary, targets, testId = 'estimate-table' }: EstimateTableProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const byKpi = new Map((targets ?? []).map((s) => [s.kpi, s]));
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('exp.col.kpi')}</th>
            <th scope="col" className="num">
              {t('exp.col.mean')}
            </th>
            <th scope="col" className="num">
              {t('exp.col.ci')}
            </th>
            <th scope="col" className="num">
              {t('exp.col.halfWidth')}
            </th>
            <th scope="col" className="ci-col" aria-hidden="true" />
            <th scope="col" className="num">
              n
            </th>
            {targets && <th scope="col">{t('exp.col.target')}</th>}
          </tr>
        </thead>
        <tbody>
          {KPI_NAMES.map((k) => {
            const e = summary[k];
            const unit = unitOf(k);
            const d = digitsFor(unit, e.mean);
            const hw = halfWidthOf(e);
            const ts = byKpi.get(k);
            return (
              <tr
                key={k}
                data-kpi={k}
                data-mean={dv(e.mean)}
                data-ci-low={dv(e.ci95?.[0])}
                data-ci-high={dv(e.ci95?.[1])}
                data-n={e.n}
              >
                <th scope="row">
                  {t(`kpi.${k}` as DictKey)} <span className="muted small">{t(unitKey(unit))}</span>{' '}
                  <GlossaryHelp term={k} />
                </th>
                <td className="num">{fmtValue(unit, e.mean, lang, d)}</td>
                <td className="num">{fmtCi(unit, e.ci95, lang, d)}</td>
                <td className="num">{hw === null ? '—' : `±${fmtValue(unit, hw, lang, d)}`}</td>
                <td className="ci-col">
                  <CiBar estimate={e} />
                </td>
                <td className="num">{e.n}</td>
                {targets && (
                  <td data-target={ts ? dv(ts.target) : undefined} data-met={ts ? String(ts.met) : undefined}>
                    {ts ? (
                      <span className={ts.met ? 'met' : 'unmet'}>
                        {ts.met ? '✓ ' : '✗ '}±{fmtValue(unit, ts.target, lang, d)}{' '}
                        {ts.met ? t('exp.target.met') : t('exp.target.unmet')}
                      </span>
                    ) : (
                      ''
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
