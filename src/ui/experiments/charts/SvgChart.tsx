/**
 * One SVG chart: a title, axes with their units, grid lines, layers (bands,
 * lines and step lines, points with error bars, reference lines) and a
 * legend that wraps instead of cutting labels off; PNG and SVG download
 * buttons below it. It only draws: every number comes from the props
 * (computed by src/analysis/chartData.ts). The SVG carries its colours and
 * fonts as attributes, so the file saved is what is on screen.
 *
 * Props: `width` defaults to 640 (the viewBox; the chart scales to its
 * box), `plotHeight` to 220.
 */
import { useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/index.ts';
import { niceTicks } from '../../../analysis/chartData.ts';
import { savePng, saveSvg } from './chartExport.ts';
import {
  CHART_BG,
  CHART_FONT,
  CHART_GRID,
  CHART_MUTED,
  CHART_TEXT,
  legendLayout,
  linear,
  type Marker,
} from './chartLayout.ts';
import './charts.css';

export interface Axis {
  lo: number;
  hi: number;
  /** Axis title with its unit, e.g. "投入工时（人·时）". */
  label: string;
  fmt: (v: number) => string;
  ticks?: number[];
}

export type Layer =
  | { kind: 'band'; color: string; x: number[]; lo: (number | null)[]; hi: (number | null)[]; opacity?: number }
  | {
      kind: 'line';
      color: string;
      x: number[];
      y: (number | null)[];
      dash?: string;
      width?: number;
      step?: boolean;
      marker?: Marker;
    }
  | {
      kind: 'errorbars';
      color: string;
      marker: Marker;
      points: {
        x: number;
        y: number;
        yLo: number | null;
        yHi: number | null;
        xLo?: number | null;
        xHi?: number | null;
        attrs?: Record<string, string>;
      }[];
    }
  | { kind: 'hline' | 'vline'; color: string; at: number; dash?: string; label?: string };

export interface LegendEntry {
  label: string;
  color: string;
  marker?: Marker;
  dash?: string;
  band?: boolean;
  /** Draw the line segment (default true; false for points alone). */
  line?: boolean;
}

export interface SvgChartProps {
  title: string;
  x: Axis;
  y: Axis;
  layers: Layer[];
  legend: LegendEntry[];
  /** File name for downloads, without extension. */
  fileName: string;
  testId: string;
  /** data-* attributes of the figure (the figures an e2e test reads). */
  attrs?: Record<string, string>;
  width?: number;
  plotHeight?: number;
  /** Below the chart (a note in words). */
  children?: ReactNode;
}

const M = { left: 62, right: 14, top: 30, bottom: 44 };
const FS = 11;

function markerPath(m: Marker, x: number, y: number, r: number): string | null {
  switch (m) {
    case 'square':
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}z`;
    case 'diamond':
      return `M${x},${y - r * 1.3}l${r * 1.3},${r * 1.3}l${-r * 1.3},${r * 1.3}l${-r * 1.3},${-r * 1.3}z`;
    case 'triangle':
      return `M${x},${y - r * 1.3}l${r * 1.2},${r * 2.1}h${-r * 2.4}z`;
    default:
      return null;
  }
}

function MarkerShape({ m, x, y, color, r = 4 }: { m: Marker; x: number; y: number; color: string; r?: number }) {
  if (m === 'none') return null;
  const d = markerPath(m, x, y, r);
  return d ? (
    <path d={d} fill={color} stroke={CHART_BG} strokeWidth={1} />
  ) : (
    <circle cx={x} cy={y} r={r} fill={color} stroke={CHART_BG} strokeWidth={1} />
  );
}

/** A polyline through the non-null points, broken at nulls; as steps (post) when `step`. */
function pathOf(
  xs: number[],
  ys: (number | null)[],
  sx: (v: number) => number,
  sy: (v: number) => number,
  step = false,
) {
  let d = '';
  let pen = false;
  xs.forEach((xv, i) => {
    const yv = ys[i];
    if (yv === null || !Number.isFinite(yv)) {
      pen = false;
      return;
    }
    const px = sx(xv),
      py = sy(yv);
    if (!pen) d += `M${px.toFixed(1)},${py.toFixed(1)}`;
    else if (step) d += `H${px.toFixed(1)}V${py.toFixed(1)}`;
    else d += `L${px.toFixed(1)},${py.toFixed(1)}`;
    pen = true;
  });
  return d;
}

export function SvgChart({
  title,
  x,
  y,
  layers,
  legend,
  fileName,
  testId,
  attrs = {},
  width = 640,
  plotHeight = 220,
  children,
}: SvgChartProps) {
  const t = useT();
  const svgRef = useRef<SVGSVGElement>(null);
  const plotW = width - M.left - M.right;
  const { slots, rows } = legendLayout(
    legend.map((l) => l.label),
    plotW + M.left - 8,
    FS,
  );
  const legendTop = M.top + plotHeight + M.bottom;
  const height = legendTop + rows * 18 + 6;
  const sx = linear(x.lo, x.hi, M.left, M.left + plotW);
  const sy = linear(y.lo, y.hi, M.top + plotHeight, M.top);
  const xTicks = x.ticks ?? niceTicks(x.lo, x.hi, 6);
  const yTicks = y.ticks ?? niceTicks(y.lo, y.hi, 5);
  const inX = (v: number) => v >= Math.min(x.lo, x.hi) - 1e-9 && v <= Math.max(x.lo, x.hi) + 1e-9;
  const inY = (v: number) => v >= Math.min(y.lo, y.hi) - 1e-9 && v <= Math.max(y.lo, y.hi) + 1e-9;
  const clipId = `clip-${testId}`;

  return (
    <figure
      className="chart svg-chart"
      data-testid={testId}
      {...Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`data-${k}`, v]))}
    >
      <svg
        ref={svgRef}
        viewBox={`0 0 ${width} ${height}`}
        className="svg-chart-svg"
        role="img"
        aria-label={`${title}: ${y.label} / ${x.label}`}
        fontFamily={CHART_FONT}
        fontSize={FS}
      >
        <rect x={0} y={0} width={width} height={height} fill={CHART_BG} />
        <text x={8} y={18} fill={CHART_TEXT} fontSize={13}>
          {title}
        </text>
        <defs>
          <clipPath id={clipId}>
            <rect x={M.left} y={M.top - 6} width={plotW} height={plotHeight + 12} />
          </clipPath>
        </defs>
        {/* grid and axes */}
        {yTicks.filter(inY).map((v) => (
          <g key={`y${v}`}>
            <line x1={M.left} x2={M.left + plotW} y1={sy(v)} y2={sy(v)} stroke={CHART_GRID} />
            <text x={M.left - 6} y={sy(v) + 4} textAnchor="end" fill={CHART_MUTED}>
              {y.fmt(v)}
            </text>
          </g>
        ))}
        {xTicks.filter(inX).map((v) => (
          <g key={`x${v}`}>
            <line x1={sx(v)} x2={sx(v)} y1={M.top} y2={M.top + plotHeight} stroke={CHART_GRID} />
            <text x={sx(v)} y={M.top + plotHeight + 15} textAnchor="middle" fill={CHART_MUTED}>
              {x.fmt(v)}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={M.left + plotW} y1={M.top + plotHeight} y2={M.top + plotHeight} stroke={CHART_MUTED} />
        <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + plotHeight} stroke={CHART_MUTED} />
        <text x={M.left + plotW / 2} y={M.top + plotHeight + 34} textAnchor="middle" fill={CHART_TEXT}>
          {x.label}
        </text>
        <text transform={`translate(14 ${M.top + plotHeight / 2}) rotate(-90)`} textAnchor="middle" fill={CHART_TEXT}>
          {y.label}
        </text>
        {/* layers */}
        <g clipPath={`url(#${clipId})`}>
          {layers.map((l, i) => {
            switch (l.kind) {
              case 'band': {
                const top: string[] = [],
                  bottom: string[] = [];
                const segs: string[] = [];
                const flush = () => {
                  if (top.length > 1) segs.push(`M${top.join('L')}L${bottom.reverse().join('L')}Z`);
                  top.length = 0;
                  bottom.length = 0;
                };
                l.x.forEach((xv, j) => {
                  const lo = l.lo[j],
                    hi = l.hi[j];
                  if (lo === null || hi === null) return flush();
                  top.push(`${sx(xv).toFixed(1)},${sy(hi).toFixed(1)}`);
                  bottom.push(`${sx(xv).toFixed(1)},${sy(lo).toFixed(1)}`);
                });
                flush();
                return <path key={i} d={segs.join('')} fill={l.color} fillOpacity={l.opacity ?? 0.22} stroke="none" />;
              }
              case 'line':
                return (
                  <g key={i}>
                    <path
                      d={pathOf(l.x, l.y, sx, sy, l.step)}
                      fill="none"
                      stroke={l.color}
                      strokeWidth={l.width ?? 2}
                      strokeDasharray={l.dash}
                    />
                    {l.marker &&
                      l.marker !== 'none' &&
                      l.x.map((xv, j) =>
                        l.y[j] === null ? null : (
                          <MarkerShape key={j} m={l.marker!} x={sx(xv)} y={sy(l.y[j]!)} color={l.color} r={3} />
                        ),
                      )}
                  </g>
                );
              case 'errorbars':
                return (
                  <g key={i}>
                    {l.points.map((p, j) => (
                      <g key={j} className="errorbar" {...p.attrs}>
                        {p.yLo !== null && p.yHi !== null && (
                          <path
                            d={`M${sx(p.x) - 4},${sy(p.yLo)}h8M${sx(p.x)},${sy(p.yLo)}V${sy(p.yHi)}M${sx(p.x) - 4},${sy(p.yHi)}h8`}
                            stroke={l.color}
                            strokeWidth={1.4}
                            fill="none"
                          />
                        )}
                        {p.xLo != null && p.xHi != null && (
                          <path
                            d={`M${sx(p.xLo)},${sy(p.y) - 3}v6M${sx(p.xLo)},${sy(p.y)}H${sx(p.xHi)}M${sx(p.xHi)},${sy(p.y) - 3}v6`}
                            stroke={l.color}
                            strokeWidth={1}
                            fill="none"
                          />
                        )}
                        <MarkerShape m={l.marker} x={sx(p.x)} y={sy(p.y)} color={l.color} r={4.5} />
                      </g>
                    ))}
                  </g>
                );
              case 'hline':
              case 'vline': {
                const h = l.kind === 'hline';
                const pos = h ? sy(l.at) : sx(l.at);
                if (!(h ? inY(l.at) : inX(l.at))) return null;
                return (
                  <g key={i}>
                    <line
                      x1={h ? M.left : pos}
                      x2={h ? M.left + plotW : pos}
                      y1={h ? pos : M.top}
                      y2={h ? pos : M.top + plotHeight}
                      stroke={l.color}
                      strokeWidth={1.5}
                      strokeDasharray={l.dash ?? '6 4'}
                    />
                    {l.label && (
                      <text
                        x={h ? M.left + plotW - 4 : pos + 4}
                        y={h ? pos - 4 : M.top + 10}
                        textAnchor={h ? 'end' : 'start'}
                        fill={l.color}
                      >
                        {l.label}
                      </text>
                    )}
                  </g>
                );
              }
            }
          })}
        </g>
        {/* legend: wraps, never cut */}
        {slots.map((s) => {
          const e = legend[s.index];
          const lx = 8 + s.x,
            ly = legendTop + s.row * 18 + 6;
          return (
            <g key={s.index} className="legend-entry">
              {e.band ? (
                <rect x={lx} y={ly - 5} width={22} height={10} fill={e.color} fillOpacity={0.3} />
              ) : e.line === false ? null : (
                <line x1={lx} x2={lx + 22} y1={ly} y2={ly} stroke={e.color} strokeWidth={2} strokeDasharray={e.dash} />
              )}
              {e.marker && <MarkerShape m={e.marker} x={lx + 11} y={ly} color={e.color} r={3.5} />}
              <text x={lx + 26} y={ly + 4} fill={CHART_TEXT}>
                {e.label}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="chart-actions">
        {children}
        <span className="chart-downloads">
          <button
            type="button"
            className="btn small"
            data-testid={`${testId}-png`}
            onClick={() => void savePng(svgRef.current!, fileName)}
          >
            {t('chart.png')}
          </button>
          <button
            type="button"
            className="btn small"
            data-testid={`${testId}-svg`}
            onClick={() => saveSvg(svgRef.current!, fileName)}
          >
            {t('chart.svg')}
          </button>
        </span>
      </div>
    </figure>
  );
}
