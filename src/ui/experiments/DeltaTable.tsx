/**
 * The comparison's KPI table: A, B, B − A with its 95 % CI (paired over
 * replications) and a significance mark in words; a significant change is
 * also called better or worse where the KPI is a service outcome, cheaper or
 * costlier where it is a resource (staff-hours, cost, overtime: saving them
 * is never "better" by itself; analysis/verdict.ts). Rows carry the exact
 * stored values in data-* attributes.
 */
import type { Comparison } from '../../analysis/compare.ts';
import { useStore } from '../../app/useStore.ts';
import { useT, type DictKey } from '../i18n/index.ts';
import { GlossaryHelp } from '../GlossaryHelp.tsx';
import { SigMark } from './SigMark.tsx';
import { kpiVerdict } from '../../analysis/verdict.ts';
import { digitsFor, dv, fmtCi, fmtSigned, fmtValue, KPI_NAMES, unitKey, unitOf } from '../../i18n/kpi.ts';
import { CompareHeadCells } from './CompareHead.tsx';

export function DeltaTable({ comparison }: { comparison: Comparison }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  return (
    <div className="table-scroll">
      <table className="data-table delta-table" data-testid="delta-table">
        <caption>{t('cmp.kpiCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exp.col.kpi')}</th>
            <CompareHeadCells x={'A'} y={'B'} diff={'B − A'} />
          </tr>
        </thead>
        <tbody>
          {KPI_NAMES.map((k) => {
            const d = comparison.kpis[k];
            const unit = unitOf(k);
            const dg = digitsFor(unit, d.a.mean ?? d.b.mean);
            const m = d.diff.mean;
            const verdict = kpiVerdict(k, d);
            return (
              <tr
                key={k}
                data-kpi={k}
                data-a={dv(d.a.mean)}
                data-b={dv(d.b.mean)}
                data-diff={dv(m)}
                data-ci-low={dv(d.diff.ci95?.[0])}
                data-ci-high={dv(d.diff.ci95?.[1])}
                data-n={d.diff.n}
                className={verdict ? `verdict-${verdict}` : ''}
              >
                <th scope="row">
                  {t(`kpi.${k}` as DictKey)} <span className="muted small">{t(unitKey(unit))}</span>{' '}
                  <GlossaryHelp term={k} />
                </th>
                <td className="num">{fmtValue(unit, d.a.mean, lang, dg)}</td>
                <td className="num">{fmtValue(unit, d.b.mean, lang, dg)}</td>
                <td className="num strong">
                  {fmtSigned(unit, m, lang, dg)}
                  {unit === 'share' && m !== null ? ` ${t('unit.pp')}` : ''}
                </td>
                <td className="num">{fmtCi(unit, d.diff.ci95, lang, dg, true)}</td>
                <td>
                  <SigMark significant={d.significant} />
                  {verdict && <span className={`verdict ${verdict}`}> · {t(`cmp.${verdict}` as DictKey)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
