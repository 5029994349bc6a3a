/**
 * One uPlot line chart over simulated hours, sized to its box. The data
 * arrays are the controller's series (sampled every 5 simulated minutes);
 * `version` changes when they grew, and the chart calls setData then.
 *
 * Props: `title` (shown and used as the accessible name), `color` (CSS),
 * `x`/`y` the arrays, `version`, `percent` (format the y axis as %, fixed
 * 0–100 %, default false), `xMax` (x axis end in hours, default: fit), `testId`.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface TimeSeriesChartProps {
  title: string;
  xLabel: string;
  color: string;
  x: number[];
  y: (number | null)[];
  version: number;
  percent?: boolean;
  /** Right end of the x axis (hours), e.g. the horizon; default: fit the data. */
  xMax?: number;
  testId?: string;
}

const AXIS = { stroke: '#aab4c3', grid: { stroke: 'rgba(170,180,195,0.12)', width: 1 }, ticks: { stroke: 'rgba(170,180,195,0.25)', width: 1 } };
const FONT = '11px "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

export function TimeSeriesChart({ title, xLabel, color, x, y, version, percent = false, xMax, testId }: TimeSeriesChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const dataRef = useRef({ x, y });
  dataRef.current = { x, y };

  useEffect(() => {
    const box = boxRef.current!;
    const opts: uPlot.Options = {
      width: Math.max(120, box.clientWidth),
      height: Math.max(60, box.clientHeight),
      legend: { show: false },
      cursor: { y: false, points: { size: 6 } },
      scales: { x: xMax ? { time: false, range: [0, xMax] } : { time: false }, y: percent ? { range: [0, 1] } : { range: (_u, _min, max) => [0, Math.max(5, max * 1.1)] } },
      axes: [
        { ...AXIS, font: FONT, size: 24, space: 36, values: (_u, ticks) => ticks.map((v) => `${Math.round(v)}`), label: undefined },
        {
          ...AXIS,
          font: FONT,
          size: 44,
          space: 18,
          values: (_u, ticks) => ticks.map((v) => (percent ? `${Math.round(v * 100)}%` : `${Math.round(v)}`)),
        },
      ],
      series: [{ label: xLabel }, { label: title, stroke: color, width: 2, fill: `${color}22`, spanGaps: true, points: { show: false } }],
    };
    const d = dataRef.current;
    const plot = new uPlot(opts, [d.x.slice(), d.y.slice()] as uPlot.AlignedData, box);
    plotRef.current = plot;
    const ro = new ResizeObserver(() => {
      plot.setSize({ width: Math.max(120, box.clientWidth), height: Math.max(60, box.clientHeight) });
    });
    ro.observe(box);
    return () => {
      ro.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [title, xLabel, color, percent, xMax]);

  useEffect(() => {
    plotRef.current?.setData([x.slice(), y.slice()] as uPlot.AlignedData);
  }, [version, x, y]);

  return (
    <figure className="chart" data-testid={testId} data-points={x.length}>
      <figcaption className="chart-title">
        <span className="chart-swatch" style={{ background: color }} aria-hidden="true" />
        {title}
      </figcaption>
      <div className="chart-box" ref={boxRef} role="img" aria-label={title} />
    </figure>
  );
}
