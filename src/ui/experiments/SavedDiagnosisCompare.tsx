/**
 * Two saved diagnoses compared (analysis/diagnosisCompare.ts), Y − X: the
 * totals and each stage (late cases it limits, mean time in it), every cause
 * of late cases of either side by name, the largest change first, and late
 * cases and SLA attainment by hour of day. Each row has its 95 % interval
 * and significance when both kept their replications (paired on the same
 * seeds, Welch otherwise, said above the tables); with a record saved
 * before they were kept, the difference of the means alone, said too.
 * Rows carry `data-*` values for tests.
 */
import { useMemo, useState } from 'react';
import type { Difference } from '../../analysis/compare.ts';
import type { DiagnosisComparison } from '../../analysis/diagnosisCompare.ts';
import type { SavedExperiment } from '../../app/savedFormat.ts';
import { useStore } from '../../app/useStore.ts';
import { digitsFor, dv, fmtCi, fmtSigned, fmtValue, type StoredUnit } from '../../i18n/kpi.ts';
import type { Lang } from '../../i18n/lang.ts';
import { STAGE_NAMES } from '../../sim/stages.ts';
import { useT } from '../i18n/index.ts';
import { limitHours, limitName, namesOfText, stageKey, type Names } from '../diagnosis/limitText.ts';
import { SigMark } from './SigMark.tsx';
import './savedCompare.css';
import { CompareHeadCells } from './CompareHead.tsx';

export interface SavedDiagnosisCompareProps {
  x: SavedExperiment;
  y: SavedExperiment;
  cmp: DiagnosisComparison;
  /** Causes shown before "show all" (default 8). */
  top?: number;
}

/** The X, Y, Y − X, interval and significance cells of one row. */
function diffCells(d: Difference, unit: StoredUnit, lang: Lang, digits?: number) {
  const g = digits ?? digitsFor(unit, d.a.mean ?? d.b.mean);
  return (
    <>
      <td className="num">{fmtValue(unit, d.a.mean, lang, g)}</td>
      <td className="num">{fmtValue(unit, d.b.mean, lang, g)}</td>
      <td className="num strong">{fmtSigned(unit, d.diff.mean, lang, g)}</td>
      <td className="num">{fmtCi(unit, d.diff.ci95, lang, g, true)}</td>
      <td>
        <SigMark significant={d.significant} />
      </td>
    </>
  );
}

const rowData = (d: Difference) => ({
  'data-diff': dv(d.diff.mean),
  'data-ci-low': dv(d.diff.ci95?.[0]),
  'data-ci-high': dv(d.diff.ci95?.[1]),
});

export function SavedDiagnosisCompare({ x, y, cmp, top = 8 }: SavedDiagnosisCompareProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [all, setAll] = useState(false);
  const names: Names = useMemo(() => {
    const nx = namesOfText(x.scenario.text),
      ny = namesOfText(y.scenario.text);
    return { types: new Map([...ny.types, ...nx.types]), teams: new Map([...ny.teams, ...nx.teams]) };
  }, [x.scenario.text, y.scenario.text]);
  const causes = all ? cmp.limits : cmp.limits.slice(0, top);
  const lateHours = cmp.byHour.late.filter((d) => (d.a.mean ?? 0) > 0 || (d.b.mean ?? 0) > 0).length;
  const head = (
    <>
      <CompareHeadCells x={t('cmpSaved.col.x')} y={t('cmpSaved.col.y')} diff={t('cmpSaved.col.diff')} />
    </>
  );
  const stage = (s: (typeof STAGE_NAMES)[number]) => t(stageKey(s));
  return (
    <div className="saved-diag-compare" data-testid="saved-diag-compare" data-method={cmp.method}>
      <h4 className="sub-title">{t('cmpDiag.title')}</h4>
      <p className="saved-compare-method" data-testid="saved-diag-method">
        <strong>
          {t(cmp.method === 'paired' ? 'cmpSaved.paired' : cmp.method === 'welch' ? 'cmpSaved.welch' : 'cmpDiag.means')}
        </strong>{' '}
        <span className="muted">{t('cmpSaved.n', { nx: cmp.nA, ny: cmp.nB })}</span>
      </p>

      <div className="table-scroll">
        <table className="data-table" data-testid="saved-diag-totals">
          <caption className="muted small">{t('cmpDiag.totals')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cmpDiag.measure')}</th>
              {head}
            </tr>
          </thead>
          <tbody>
            <tr data-row="decided" {...rowData(cmp.totals.decided)}>
              <th scope="row">{t('cmpDiag.decided')}</th>
              {diffCells(cmp.totals.decided, 'cases', lang, 1)}
            </tr>
            <tr data-row="late" {...rowData(cmp.totals.late)}>
              <th scope="row">{t('cmpDiag.late')}</th>
              {diffCells(cmp.totals.late, 'cases', lang, 1)}
            </tr>
            <tr data-row="lateShare" {...rowData(cmp.totals.lateShare)}>
              <th scope="row">{t('cmpDiag.lateShare')}</th>
              {diffCells(cmp.totals.lateShare, 'share', lang)}
            </tr>
            {STAGE_NAMES.map((s) => (
              <tr key={`late-${s}`} data-row={`stage-late-${s}`} {...rowData(cmp.stages[s].late)}>
                <th scope="row">{t('cmpDiag.stageLate', { stage: stage(s) })}</th>
                {diffCells(cmp.stages[s].late, 'cases', lang, 1)}
              </tr>
            ))}
            {STAGE_NAMES.map((s) => (
              <tr key={`time-${s}`} data-row={`stage-time-${s}`} {...rowData(cmp.stages[s].meanS)}>
                <th scope="row">{t('cmpDiag.stageTime', { stage: stage(s) })}</th>
                {diffCells(cmp.stages[s].meanS, 's', lang, 1)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="table-scroll">
        <table className="data-table" data-testid="saved-diag-causes" data-count={cmp.limits.length}>
          <caption className="muted small">{t('cmpDiag.causes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cmpDiag.cause')}</th>
              <CompareHeadCells x={t('cmpDiag.lateX')} y={t('cmpDiag.lateY')} diff={t('cmpSaved.col.diff')} />
            </tr>
          </thead>
          <tbody>
            {causes.map((c) => (
              <tr
                key={c.key}
                data-key={c.key}
                data-stage={c.stage}
                data-type={c.eventType}
                data-team={c.team ?? ''}
                {...rowData(c.late)}
              >
                <th scope="row" className="cause-cell" title={c.key}>
                  {limitName(c, names, lang)}
                  {!c.a && <span className="muted small"> · {t('cmpDiag.onlyY')}</span>}
                  {!c.b && <span className="muted small"> · {t('cmpDiag.onlyX')}</span>}
                  <span className="cause-hours muted small">
                    {t('cmpDiag.hours', {
                      x: c.a ? limitHours(c.a).main : t('cmpDiag.absent'),
                      y: c.b ? limitHours(c.b).main : t('cmpDiag.absent'),
                    })}
                  </span>
                </th>
                <td className="num">{fmtValue('cases', c.late.a.mean, lang, 1)}</td>
                <td className="num">{fmtValue('cases', c.late.b.mean, lang, 1)}</td>
                <td className="num strong">{fmtSigned('cases', c.late.diff.mean, lang, 1)}</td>
                <td className="num">{fmtCi('cases', c.late.diff.ci95, lang, 1, true)}</td>
                <td>
                  <SigMark significant={c.late.significant} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cmp.limits.length > top && (
        <button type="button" className="link" data-testid="saved-diag-all" onClick={() => setAll(!all)}>
          {all ? t('cmpDiag.fewer', { n: top }) : t('cmpDiag.all', { n: cmp.limits.length })}
        </button>
      )}

      <details className="saved-diag-hours" data-testid="saved-diag-hours">
        <summary>{t('cmpDiag.byHour', { n: lateHours })}</summary>
        <div className="table-scroll">
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('cmpDiag.hour')}</th>
                <th scope="col" className="num">
                  {t('cmpDiag.lateX')}
                </th>
                <th scope="col" className="num">
                  {t('cmpDiag.lateY')}
                </th>
                <th scope="col" className="num">
                  {t('cmpSaved.col.diff')}
                </th>
                <th scope="col" className="num">
                  {t('exp.col.ci')}
                </th>
                {cmp.byHour.attainment && (
                  <>
                    <th scope="col" className="num">
                      {t('cmpDiag.attX')}
                    </th>
                    <th scope="col" className="num">
                      {t('cmpDiag.attY')}
                    </th>
                    <th scope="col" className="num">
                      {t('cmpDiag.attDiff')}
                    </th>
                    <th scope="col" className="num">
                      {t('exp.col.ci')}
                    </th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {cmp.byHour.late.map((d, h) => {
                const at = cmp.byHour.attainment?.[h];
                return (
                  <tr key={h} data-hour={h} {...rowData(d)} data-att-diff={dv(at?.diff.mean)}>
                    <th scope="row">{`${String(h).padStart(2, '0')}:00`}</th>
                    <td className="num">{fmtValue('cases', d.a.mean, lang, 1)}</td>
                    <td className="num">{fmtValue('cases', d.b.mean, lang, 1)}</td>
                    <td className="num strong">{fmtSigned('cases', d.diff.mean, lang, 1)}</td>
                    <td className="num">{fmtCi('cases', d.diff.ci95, lang, 1, true)}</td>
                    {at && (
                      <>
                        <td className="num">{fmtValue('share', at.a.mean, lang)}</td>
                        <td className="num">{fmtValue('share', at.b.mean, lang)}</td>
                        <td className="num strong">{fmtSigned('share', at.diff.mean, lang)}</td>
                        <td className="num">{fmtCi('share', at.diff.ci95, lang, 1, true)}</td>
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
