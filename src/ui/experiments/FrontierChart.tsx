/**
 * The cost frontier: every sweep point as coverage index (%) against
 * staff-hours, the Pareto frontier (for each budget, the best coverage on
 * offer) as a line through its points, and the coverage target as a dashed
 * line. uPlot; the same figures are in the sweep table.
 */
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SweepPoint } from '../../analysis/sweep.ts';
import { useT } from '../i18n/index.ts';
import { softwareCanvas } from '../softwareCanvas.ts';

const AXIS = {
  stroke: '#aab4c3',
  grid: { stroke: 'rgba(170,180,195,0.12)', width: 1 },
  ticks: { stroke: 'rgba(170,180,195,0.25)', width: 1 },
};
const FONT = '11px "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';
/** Okabe-Ito: points sky blue, frontier orange, target grey. */
const POINT = '#56B4E9',
  FRONT = '#E69F00',
  TARGET = '#aab4c3';

export interface FrontierChartProps {
  points: SweepPoint[];
  frontier: number[];
  /** Coverage index target (0..1), drawn as a line; null for none. */
  target: number | null;
}

export function FrontierChart({ points, frontier, target }: FrontierChartProps) {
  const t = useT();
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);

  const data = useMemo(() => {
    const front = new Set(frontier);
    const ok = points
      .filter((p) => p.staffHours?.mean != null && p.coverageIndex?.mean != null)
      .sort((a, b) => a.staffHours!.mean! - b.staffHours!.mean!);
    const x = ok.map((p) => p.staffHours!.mean!);
    const all = ok.map((p) => p.coverageIndex!.mean! * 100);
    const fr = ok.map((p) => (front.has(p.index) ? p.coverageIndex!.mean! * 100 : null));
    const tg = ok.map(() => (target === null ? null : target * 100));
    return [x, all, fr, tg] as uPlot.AlignedData;
  }, [points, frontier, target]);
  const dataRef = useRef(data);
  useEffect(() => {
    dataRef.current = data; // before the effect below, which builds the chart with it
  }, [data]);

  const xLabel = t('sweep.xAxis'),
    yLabel = t('sweep.yAxis');
  useEffect(() => {
    const box = boxRef.current!;
    const opts: uPlot.Options = {
      width: Math.max(240, box.clientWidth),
      height: 220,
      legend: { show: false },
      cursor: { y: false },
      scales: {
        x: { time: false },
        y: {
          range: (_u, min, max) => [
            Math.max(0, Math.floor((min - 5) / 5) * 5),
            Math.min(100, Math.ceil((max + 5) / 5) * 5),
          ],
        },
      },
      axes: [
        { ...AXIS, font: FONT, size: 36, label: xLabel, labelFont: FONT, labelSize: 14 },
        {
          ...AXIS,
          font: FONT,
          size: 52,
          label: yLabel,
          labelFont: FONT,
          labelSize: 14,
          values: (_u, ticks) => ticks.map((v) => `${Math.round(v)}%`),
        },
      ],
      series: [
        { label: xLabel },
        {
          label: yLabel,
          stroke: POINT,
          paths: () => null,
          points: { show: true, size: 7, fill: POINT, stroke: POINT },
        },
        {
          label: t('sweep.frontier'),
          stroke: FRONT,
          width: 2,
          spanGaps: true,
          points: { show: true, size: 9, fill: FRONT, stroke: '#fff', width: 1 },
        },
        { label: t('sweep.target'), stroke: TARGET, width: 1, dash: [5, 4], points: { show: false } },
      ],
    };
    const plot = softwareCanvas(() => new uPlot(opts, dataRef.current, box));
    plotRef.current = plot;
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(240, box.clientWidth), height: 220 }));
    ro.observe(box);
    return () => {
      ro.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [xLabel, yLabel, t]);

  useEffect(() => {
    plotRef.current?.setData(data);
  }, [data]);

  return (
    <figure
      className="chart frontier-chart"
      data-testid="frontier-chart"
      data-points={data[0].length}
      data-frontier={frontier.length}
    >
      <figcaption className="chart-title">
        <span>{t('sweep.chartTitle')}</span>
        <span className="legend-item">
          <span className="swatch round" style={{ background: POINT }} aria-hidden="true" />
          {t('sweep.point')}
        </span>
        <span className="legend-item">
          <span className="chart-swatch" style={{ background: FRONT }} aria-hidden="true" />
          {t('sweep.frontier')}
        </span>
        {target !== null && (
          <span className="legend-item">
            <span className="chart-swatch dashed" aria-hidden="true" />
            {t('sweep.target')}
          </span>
        )}
      </figcaption>
      <div
        className="chart-box fixed tall"
        ref={boxRef}
        role="img"
        aria-label={`${t('sweep.chartTitle')}: ${yLabel} / ${xLabel}`}
      />
    </figure>
  );
}
