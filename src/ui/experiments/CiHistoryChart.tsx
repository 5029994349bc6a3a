/**
 * The interval narrowing: one KPI's mean and 95 % CI (a band) against the
 * number of replications finished, drawn with uPlot; a KPI picker above.
 * The same numbers are in the estimate table beside it.
 */
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Estimate } from '../../analysis/aggregate.ts';
import { useStore } from '../../app/useStore.ts';
import { useT, type DictKey } from '../i18n/index.ts';
import { dv, fmtCi, fmtValue, KPI_NAMES, shownCi, toDisplay, unitKey, unitOf, type KpiName } from '../../i18n/kpi.ts';
import { softwareCanvas } from '../softwareCanvas.ts';

const AXIS = {
  stroke: '#aab4c3',
  grid: { stroke: 'rgba(170,180,195,0.12)', width: 1 },
  ticks: { stroke: 'rgba(170,180,195,0.25)', width: 1 },
};
const FONT = '11px "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';
const COLOR = '#56B4E9';

export interface CiHistoryChartProps {
  history: Record<KpiName, Estimate>[];
  kpi: KpiName;
  onKpi: (k: KpiName) => void;
}

export function CiHistoryChart({ history, kpi, onKpi }: CiHistoryChartProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const unit = unitOf(kpi);

  const data = useMemo(() => {
    const x: number[] = [],
      mean: (number | null)[] = [],
      lo: (number | null)[] = [],
      hi: (number | null)[] = [];
    history.forEach((h, i) => {
      const e = h[kpi];
      x.push(i + 1);
      mean.push(e.mean === null ? null : toDisplay(unit, e.mean));
      // the band as the table beside it shows the interval: within the figure's range (shownCi)
      const ci = e.ci95 ? shownCi(unit, e.ci95) : null;
      lo.push(ci ? toDisplay(unit, ci[0]) : null);
      hi.push(ci ? toDisplay(unit, ci[1]) : null);
    });
    return [x, mean, lo, hi] as uPlot.AlignedData;
  }, [history, kpi, unit]);
  const dataRef = useRef(data);
  useEffect(() => {
    dataRef.current = data; // before the effect below, which builds the chart with it
  }, [data]);

  const label = t(`kpi.${kpi}` as DictKey);
  useEffect(() => {
    const box = boxRef.current!;
    const opts: uPlot.Options = {
      width: Math.max(200, box.clientWidth),
      height: 150,
      legend: { show: false },
      cursor: { y: false },
      scales: { x: { time: false } },
      axes: [
        {
          ...AXIS,
          font: FONT,
          size: 24,
          values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? String(v) : '')),
        },
        { ...AXIS, font: FONT, size: 52 },
      ],
      series: [
        { label: 'n' },
        { label, stroke: COLOR, width: 2, points: { show: true, size: 4 } },
        { label: 'lo', stroke: 'rgba(86,180,233,0.6)', width: 1, dash: [4, 3], points: { show: false } },
        { label: 'hi', stroke: 'rgba(86,180,233,0.6)', width: 1, dash: [4, 3], points: { show: false } },
      ],
      bands: [{ series: [3, 2], fill: 'rgba(86,180,233,0.16)' }],
    };
    const plot = softwareCanvas(() => new uPlot(opts, dataRef.current, box));
    plotRef.current = plot;
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(200, box.clientWidth), height: 150 }));
    ro.observe(box);
    return () => {
      ro.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [label, lang]);

  useEffect(() => {
    plotRef.current?.setData(data);
  }, [data]);

  return (
    <figure className="chart ci-history" data-testid="ci-history" data-points={history.length}>
      <figcaption className="chart-title">
        <span>{t('rep.chartTitle')}</span>
        <select
          className="input select small"
          value={kpi}
          onChange={(e) => onKpi(e.target.value as KpiName)}
          aria-label={t('rep.chartKpi')}
        >
          {KPI_NAMES.map((k) => (
            <option key={k} value={k}>
              {t(`kpi.${k}` as DictKey)}
            </option>
          ))}
        </select>
        <span className="muted small">
          {t(unitKey(unit))} · {t('rep.chartX')}
        </span>
      </figcaption>
      <div className="chart-box fixed" ref={boxRef} role="img" aria-label={`${t('rep.chartTitle')}: ${label}`} />
      <details className="chart-data">
        <summary className="muted small">{t('rep.chartData')}</summary>
        <table className="data-table compact" data-testid="ci-history-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                n
              </th>
              <th scope="col" className="num">
                {t('exp.col.mean')}
              </th>
              <th scope="col" className="num">
                {t('exp.col.ci')}
              </th>
            </tr>
          </thead>
          <tbody>
            {history.map((h, i) => (
              <tr key={i} data-n={i + 1} data-mean={dv(h[kpi].mean)}>
                <td className="num">{i + 1}</td>
                <td className="num">{fmtValue(unit, h[kpi].mean, lang)}</td>
                <td className="num">{fmtCi(unit, h[kpi].ci95, lang, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
