/**
 * One uPlot line chart over simulated hours, sized to its box. The data
 * arrays are the controller's series (sampled every 5 simulated minutes);
 * `version` changes when they grew, and the chart calls setData then.
 *
 * Props: `title` (shown and used as the accessible name), `color` (CSS),
 * `x`/`y` the arrays, `version`, `percent` (format the y axis as %, fixed
 * 0–100 %, default false), `xMax` (x axis end in hours, default: fit), `testId`,
 * `shadeToX` (hours from 0 hatched grey, e.g. the warm-up; default 0: none)
 * with `shadeLabel` (its legend entry beside the title).
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { softwareCanvas } from './softwareCanvas.ts';
import { nextTask } from '../app/nextTask.ts';
import { warmGpu } from '../scene/gpuWarmup.ts';

export interface TimeSeriesChartProps {
  title: string;
  xLabel: string;
  /** The x axis's unit, written after its last tick (e.g. 'h', '时'). */
  xUnit: string;
  color: string;
  x: number[];
  y: (number | null)[];
  version: number;
  percent?: boolean;
  /** Right end of the x axis (hours), e.g. the horizon; default: fit the data. */
  xMax?: number;
  testId?: string;
  /** Hatch [0, shadeToX] hours (the warm-up, not counted); default 0: none. */
  shadeToX?: number;
  shadeLabel?: string;
}

const AXIS = {
  stroke: '#aab4c3',
  grid: { stroke: 'rgba(170,180,195,0.12)', width: 1 },
  ticks: { stroke: 'rgba(170,180,195,0.25)', width: 1 },
};
/**
 * Charts are made (and redrawn with new data) one per task, in order: a chart's first layout and draw (uPlot's commit, text in a CJK
 * font on a software canvas) take 0.1–0.3 s on a loaded machine, and the panel's two charts made together were
 * one long task while a large district loaded (issue 12).
 */
let chartTurn: Promise<void> = Promise.resolve();
function nextChartTurn(): Promise<void> {
  chartTurn = chartTurn.then(nextTask);
  return chartTurn;
}
/**
 * The first chart is made once the browser's GPU process is up (src/scene/gpuWarmup.ts): the first 2D canvas
 * shown on the page creates the page's shared GPU context, and while that process was still starting (a loaded
 * machine, lianhu-grids) the chart's first draw waited for it, a main-thread task of 0.2–3.6 s.
 */
function firstChartTurn(): Promise<void> {
  return warmGpu().then(nextChartTurn);
}

const FONT = '11px "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';

export function TimeSeriesChart({
  title,
  xLabel,
  xUnit,
  color,
  x,
  y,
  version,
  percent = false,
  xMax,
  testId,
  shadeToX = 0,
  shadeLabel,
}: TimeSeriesChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const dataRef = useRef({ x, y });
  useEffect(() => {
    dataRef.current = { x, y };
  }, [x, y]);

  useEffect(() => {
    const box = boxRef.current!;
    let plot: uPlot | null = null;
    let ro: ResizeObserver | null = null;
    let gone = false;
    void firstChartTurn().then(() => {
      if (gone) return;
      const opts: uPlot.Options = {
        width: Math.max(120, box.clientWidth),
        height: Math.max(60, box.clientHeight),
        legend: { show: false },
        cursor: { y: false, points: { size: 6 } },
        scales: {
          x: xMax ? { time: false, range: [0, xMax] } : { time: false },
          y: percent ? { range: [0, 1] } : { range: (_u, _min, max) => [0, Math.max(5, max * 1.1)] },
        },
        axes: [
          {
            ...AXIS,
            font: FONT,
            size: 24,
            space: 36,
            // the unit on the last tick only (the charts are short: an axis title would take a row)
            values: (_u, ticks) => ticks.map((v, i) => `${Math.round(v)}${i === ticks.length - 1 ? ` ${xUnit}` : ''}`),
            label: undefined,
          },
          {
            ...AXIS,
            font: FONT,
            size: 44,
            space: 18,
            values: (_u, ticks) => ticks.map((v) => (percent ? `${Math.round(v * 100)}%` : `${Math.round(v)}`)),
          },
        ],
        series: [
          { label: xLabel },
          { label: title, stroke: color, width: 2, fill: `${color}22`, spanGaps: true, points: { show: false } },
        ],
        hooks: shadeToX > 0 ? { drawClear: [(u) => drawShade(u, shadeToX)] } : undefined,
      };
      const d = dataRef.current; // the latest data: setData below had no chart to go to until now
      const made = softwareCanvas(() => new uPlot(opts, [d.x.slice(), d.y.slice()] as uPlot.AlignedData, box));
      plot = plotRef.current = made;
      ro = new ResizeObserver(() => {
        made.setSize({ width: Math.max(120, box.clientWidth), height: Math.max(60, box.clientHeight) });
      });
      ro.observe(box);
    });
    return () => {
      gone = true;
      ro?.disconnect();
      plot?.destroy();
      plotRef.current = null;
    };
  }, [title, xLabel, xUnit, color, percent, xMax, shadeToX]);

  useEffect(() => {
    // redrawn in a task of its own (one chart per task, as they are made): not in the task of the render
    let gone = false;
    void nextChartTurn().then(() => {
      if (!gone) plotRef.current?.setData([x.slice(), y.slice()] as uPlot.AlignedData);
    });
    return () => {
      gone = true;
    };
  }, [version, x, y]);

  return (
    <figure
      className="chart"
      data-testid={testId}
      data-points={x.length}
      data-last={x.length ? String(y[y.length - 1]) : undefined}
      data-shade-to={shadeToX > 0 ? shadeToX : undefined}
    >
      <figcaption className="chart-title">
        <span className="chart-swatch" style={{ background: color }} aria-hidden="true" />
        {title}
        {shadeToX > 0 && shadeLabel && (
          <span className="chart-key">
            <span className="chart-swatch warmup" aria-hidden="true" />
            {shadeLabel}
          </span>
        )}
      </figcaption>
      <div className="chart-box" ref={boxRef} role="img" aria-label={title} />
    </figure>
  );
}

/**
 * Hatch the plot area from x = 0 to x = toX (before the series are drawn): a light grey fill and diagonal
 * lines x + y = 8k (canvas pixels), as an 8-pixel repeating pattern would draw them. Drawn as lines, not as a
 * pattern: making a pattern from a canvas started the page's shared GPU context, a main-thread wait of
 * 0.2–1.4 s for the browser's GPU process while lianhu-grids loaded (issue 12).
 */
function drawShade(u: uPlot, toX: number) {
  const ctx = u.ctx;
  const x0 = u.valToPos(0, 'x', true),
    x1 = u.valToPos(toX, 'x', true);
  const { top, height } = u.bbox;
  const left = Math.max(u.bbox.left, Math.min(x0, x1)),
    right = Math.min(u.bbox.left + u.bbox.width, Math.max(x0, x1));
  if (!(right > left)) return;
  ctx.save();
  ctx.fillStyle = 'rgba(120, 132, 150, 0.10)';
  ctx.fillRect(left, top, right - left, height);
  ctx.beginPath();
  ctx.rect(left, top, right - left, height);
  ctx.clip();
  ctx.strokeStyle = 'rgba(150, 162, 180, 0.35)';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  const bottom = top + height;
  for (let k = Math.floor((left + top) / 8) - 1; k * 8 <= right + bottom + 8; k++) {
    const c = k * 8; // the line x + y = c, across the band
    ctx.moveTo(c - top + 2, top - 2);
    ctx.lineTo(c - bottom - 2, bottom + 2);
  }
  ctx.stroke();
  ctx.restore();
}
