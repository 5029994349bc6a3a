/**
 * A small uPlot chart for the calibration report: one x array and a few
 * series, each drawn as a line, a dashed line or points. Same axes, fonts
 * and colours as the app's other charts (TimeSeriesChart, FrontierChart);
 * the figures it draws are in the tables beside it.
 *
 * Props: `title` (caption and accessible name), `xLabel`, `yLabel`, `x`
 * (ascending), `series` ({label, color, y, style: 'line' | 'dash' |
 * 'points'}), `testId`, `height` (px, default 200), `xValues` (tick
 * labels, default the numbers).
 */
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { softwareCanvas } from '../softwareCanvas.ts';

const AXIS = {
  stroke: '#aab4c3',
  grid: { stroke: 'rgba(170,180,195,0.12)', width: 1 },
  ticks: { stroke: 'rgba(170,180,195,0.25)', width: 1 },
};
const FONT = '11px "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

export interface XYSeries {
  label: string;
  color: string;
  y: (number | null)[];
  style: 'line' | 'dash' | 'points';
}

export interface XYChartProps {
  title: string;
  xLabel: string;
  yLabel: string;
  x: number[];
  series: XYSeries[];
  testId?: string;
  height?: number;
  xValues?: (v: number) => string;
}

export function XYChart({ title, xLabel, yLabel, x, series, testId, height = 200, xValues }: XYChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const data = useMemo(() => [x, ...series.map((s) => s.y)] as uPlot.AlignedData, [x, series]);
  const shape = series.map((s) => `${s.label}|${s.color}|${s.style}`).join(';');
  const dataRef = useRef(data);
  useEffect(() => {
    dataRef.current = data;
  }, [data]);
  const plotRef = useRef<uPlot | null>(null);

  useEffect(() => {
    const box = boxRef.current!;
    const opts: uPlot.Options = {
      width: Math.max(240, box.clientWidth),
      height,
      legend: { show: false },
      cursor: { y: false },
      scales: { x: { time: false } },
      axes: [
        {
          ...AXIS,
          font: FONT,
          size: 34,
          label: xLabel,
          labelFont: FONT,
          labelSize: 14,
          ...(xValues ? { values: (_u: uPlot, ticks: number[]) => ticks.map(xValues) } : {}),
        },
        { ...AXIS, font: FONT, size: 48, label: yLabel, labelFont: FONT, labelSize: 14 },
      ],
      series: [
        { label: xLabel },
        ...series.map((s): uPlot.Series =>
          s.style === 'points'
            ? { label: s.label, stroke: s.color, paths: () => null, points: { show: true, size: 6, fill: s.color } }
            : {
                label: s.label,
                stroke: s.color,
                width: s.style === 'dash' ? 1 : 2,
                dash: s.style === 'dash' ? [5, 4] : undefined,
                spanGaps: true,
                points: { show: false },
              },
        ),
      ],
    };
    const plot = softwareCanvas(() => new uPlot(opts, dataRef.current, box));
    plotRef.current = plot;
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(240, box.clientWidth), height }));
    ro.observe(box);
    return () => {
      ro.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
    // rebuilt when the series' kinds or labels change; new numbers only setData below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, xLabel, yLabel, height]);

  useEffect(() => {
    plotRef.current?.setData(data);
  }, [data]);

  return (
    <figure className="chart xy-chart" data-testid={testId} data-points={x.length}>
      <figcaption className="chart-title">
        <span>{title}</span>
        {series.map((s) => (
          <span className="legend-item" key={s.label}>
            {s.style === 'points' ? (
              <span className="swatch round" style={{ background: s.color }} aria-hidden="true" />
            ) : (
              <span
                className={`chart-swatch ${s.style === 'dash' ? 'dashed' : ''}`}
                style={s.style === 'dash' ? undefined : { background: s.color }}
                aria-hidden="true"
              />
            )}
            {s.label}
          </span>
        ))}
      </figcaption>
      <div
        className="chart-box fixed"
        style={{ height }}
        ref={boxRef}
        role="img"
        aria-label={`${title}: ${yLabel} / ${xLabel}`}
      />
    </figure>
  );
}
