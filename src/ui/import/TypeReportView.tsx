/**
 * One event type of the calibration report: rate per day (± its standard
 * error) and the profile chosen (24 h or 168 h, by the likelihood-ratio
 * test, or the base's when too few cases); observed vs fitted counts by
 * hour of day (chart) and by weekday (table); the handling-time families
 * fitted (parameters, log-likelihood, AIC, ΔAIC, KS distance, the chosen
 * one marked) and their Q-Q plot; the type's warnings.
 *
 * Props: `report` (a TypeReport of src/importer/report.ts), `name` (the
 * type's name in the UI language).
 */
import { useMemo } from 'react';
import type { TypeReport } from '../../importer/report.ts';
import { WEEKDAYS } from '../../importer/report.ts';
import type { Family, FamilyFit } from '../../importer/fit.ts';
import { useStore } from '../../app/useStore.ts';
import { pickName, useT, type DictKey } from '../i18n/index.ts';
import { fmtInt, fmtNum } from '../format.ts';
import { XYChart, type XYSeries } from './XYChart.tsx';

/** Okabe-Ito: observed vermillion points, fitted blue line; families blue, orange, green. */
const OBSERVED = '#D55E00',
  FITTED = '#56B4E9';
const FAMILY_COLORS: Record<Family, string> = { exponential: '#56B4E9', lognormal: '#E69F00', gamma: '#009E73' };

export interface TypeReportViewProps {
  report: TypeReport;
  name: string;
}

export function TypeReportView({ report: r, name }: TypeReportViewProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const hourly = useMemo(() => {
    const h = [...r.profile.hourly].sort((a, b) => a.hour - b.hour);
    return {
      x: h.map((c) => c.hour),
      series: [
        { label: t('import.observed'), color: OBSERVED, y: h.map((c) => c.observed), style: 'points' },
        { label: t('import.fitted'), color: FITTED, y: h.map((c) => c.fitted), style: 'line' },
      ] as XYSeries[],
    };
  }, [r, t]);
  const qq = useMemo(() => {
    const pts = [...(r.handling.qq ?? [])].sort((a, b) => a.observed - b.observed);
    const fams = (r.handling.fits ?? []).map((f) => f.family);
    return {
      x: pts.map((p) => p.observed),
      series: [
        ...fams.map((f): XYSeries => ({
          label: t(`import.family.${f}` as DictKey) + (f === r.handling.chosen ? ' ✓' : ''),
          color: FAMILY_COLORS[f],
          y: pts.map((p) => p.fitted[f] ?? null),
          style: 'points',
        })),
        { label: t('import.qqLine'), color: '#aab4c3', y: pts.map((p) => p.observed), style: 'dash' } as XYSeries,
      ],
    };
  }, [r, t]);
  const profileLabel =
    r.profile.chosen === 'base'
      ? t('import.profile.base')
      : r.profile.chosen === 168
        ? t('import.profile.168')
        : t('import.profile.24');
  const test = r.profile.test;
  return (
    <div className="type-report" data-testid={`calibration-type-${r.id}`} data-type={r.id}>
      <p className="small">
        {t('import.typeSummary', {
          name,
          cases: fmtInt(r.cases, lang),
          rate: fmtNum(r.ratePerDay, lang, 1),
          se: fmtNum(r.rateSe, lang, 1),
        })}{' '}
        {r.isNew && <span className="badge warn">{t('import.newType')}</span>}
      </p>
      <p className="small">
        {t('import.profileChosen', { profile: profileLabel })}
        {test &&
          ' ' +
            t('import.profileTest', {
              g: fmtNum(test.g, lang, 1),
              df: test.df,
              p: test.pValue < 0.001 ? '< 0.001' : fmtNum(test.pValue, lang, 3),
            })}
        {r.profile.smoothedBins > 0 && ' ' + t('import.smoothed', { n: r.profile.smoothedBins })}
      </p>
      <XYChart
        title={t('import.byHour')}
        xLabel={t('import.hourAxis')}
        yLabel={t('import.countAxis')}
        x={hourly.x}
        series={hourly.series}
        testId="calibration-hour-chart"
        xValues={(v) => `${v}`}
      />
      <table className="data-table small weekday-table" data-testid="calibration-weekdays">
        <caption>{t('import.byWeekday')}</caption>
        <thead>
          <tr>
            <th />
            {r.profile.weekday.map((w) => (
              <th key={w.weekday} className="num">
                {pickName(lang, WEEKDAYS[w.weekday])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('import.observed')}</th>
            {r.profile.weekday.map((w) => (
              <td key={w.weekday} className="num">
                {fmtInt(w.observed, lang)}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('import.fitted')}</th>
            {r.profile.weekday.map((w) => (
              <td key={w.weekday} className="num">
                {fmtNum(w.fitted, lang, 1)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <h4 className="sub-title">{t('import.handling')}</h4>
      <p className="small">
        {r.handling.source === 'fitted'
          ? t('import.handlingFitted', {
              n: fmtInt(r.handling.n, lang),
              mean: fmtNum(r.handling.mean, lang, 1),
              median: fmtNum(r.handling.median, lang, 1),
            })
          : r.handling.source === 'base'
            ? t('import.handlingBase', { n: fmtInt(r.handling.n, lang) })
            : t('import.handlingDefault', { n: fmtInt(r.handling.n, lang) })}
      </p>
      {r.handling.fits && r.handling.fits.length > 0 && (
        <>
          <table className="data-table small" data-testid="calibration-fits">
            <thead>
              <tr>
                <th>{t('import.col.family')}</th>
                <th>{t('import.col.params')}</th>
                <th className="num">{t('import.col.logLik')}</th>
                <th className="num">AIC</th>
                <th className="num">ΔAIC</th>
                <th className="num">{t('import.col.ks')}</th>
                <th>{t('import.col.chosen')}</th>
              </tr>
            </thead>
            <tbody>
              {r.handling.fits.map((f) => (
                <tr
                  key={f.family}
                  data-family={f.family}
                  data-chosen={String(f.family === r.handling.chosen)}
                  className={f.family === r.handling.chosen ? 'chosen' : undefined}
                >
                  <td>{t(`import.family.${f.family}` as DictKey)}</td>
                  <td>{params(f, t, lang)}</td>
                  <td className="num">{fmtNum(f.logLik, lang, 1)}</td>
                  <td className="num">{fmtNum(f.aic, lang, 1)}</td>
                  <td className="num">{fmtNum(f.deltaAic, lang, 1)}</td>
                  <td className="num">{fmtNum(f.ks, lang, 3)}</td>
                  <td>{f.family === r.handling.chosen ? t('import.chosen') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('import.aicNote')}</p>
        </>
      )}
      {qq.x.length > 0 && (
        <XYChart
          title={t('import.qq')}
          xLabel={t('import.qqObserved')}
          yLabel={t('import.qqFitted')}
          x={qq.x}
          series={qq.series}
          testId="calibration-qq"
          height={220}
        />
      )}
      {r.warnings.length > 0 && (
        <ul className="import-warnings" data-testid="calibration-type-warnings">
          {r.warnings.map((w, i) => (
            <li key={i}>{pickName(lang, w)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A family's parameters in words: mean (min); μ, σ of ln minutes; shape k, scale θ (min). */
function params(f: FamilyFit, t: ReturnType<typeof useT>, lang: 'zh-CN' | 'en'): string {
  return Object.entries(f.params)
    .map(([k, v]) => `${t(`import.param.${k}` as DictKey)} ${fmtNum(v, lang, k === 'sigma' || k === 'mu' ? 3 : 2)}`)
    .join(', ');
}
