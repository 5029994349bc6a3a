/**
 * The sweep as a chart: every point's coverage index against its
 * staff-hours, with 95 % CI error bars both ways (circles), the frontier's
 * points (diamonds) joined by a line, and the coverage target (dashed).
 * Data: analysis/chartData.ts `sweepChartData`.
 */
import { useMemo } from 'react';
import { sweepChartData } from '../../../analysis/chartData.ts';
import type { SweepPoint } from '../../../analysis/sweep.ts';
import { useStore } from '../../../app/useStore.ts';
import { formatNumber } from '../../../i18n/number.ts';
import { dv } from '../../../i18n/kpi.ts';
import { useT } from '../../i18n/index.ts';
import { OKABE_ITO } from './chartLayout.ts';
import { SvgChart, type Layer } from './SvgChart.tsx';

export interface SweepIntervalChartProps {
  points: SweepPoint[];
  frontier: number[];
  /** Coverage index target (0..1); null for none. */
  target: number | null;
  fileName: string;
}

const POINT = OKABE_ITO.skyBlue,
  FRONT = OKABE_ITO.orange,
  TARGET = OKABE_ITO.grey;

export function SweepIntervalChart({ points, frontier, target, fileName }: SweepIntervalChartProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const d = useMemo(() => sweepChartData(points, frontier), [points, frontier]);
  if (d.points.length === 0) return null;
  const xs = d.points.flatMap((p) => [p.x, p.xLo ?? p.x, p.xHi ?? p.x]);
  const ys = d.points.flatMap((p) => [p.y, p.yLo ?? p.y, p.yHi ?? p.y]).concat(target ?? []);
  const xPad = Math.max(1, (Math.max(...xs) - Math.min(...xs)) * 0.06);
  const yLo = Math.max(0, Math.floor((Math.min(...ys) * 100 - 5) / 10) * 10),
    yHi = Math.min(100, Math.ceil((Math.max(...ys) * 100 + 2) / 10) * 10);
  const off = d.points.filter((p) => !p.onFrontier);
  const bar = (p: (typeof d.points)[number]) => ({
    x: p.x,
    y: p.y * 100,
    yLo: p.yLo === null ? null : p.yLo * 100,
    yHi: p.yHi === null ? null : p.yHi * 100,
    xLo: p.xLo,
    xHi: p.xHi,
    attrs: {
      'data-index': String(p.index),
      'data-x': dv(p.x),
      'data-y': dv(p.y),
      'data-y-lo': dv(p.yLo),
      'data-y-hi': dv(p.yHi),
      'data-frontier': String(p.onFrontier),
    },
  });
  const layers: Layer[] = [
    ...(target !== null
      ? [
          {
            kind: 'hline' as const,
            color: TARGET,
            at: target * 100,
            label: t('chart.target', { v: formatNumber(lang, target * 100, 0) }),
          },
        ]
      : []),
    {
      kind: 'line',
      color: FRONT,
      x: d.frontier.map((p) => p.x),
      y: d.frontier.map((p) => p.y * 100),
      width: 2,
    },
    { kind: 'errorbars', color: POINT, marker: 'circle', points: off.map(bar) },
    { kind: 'errorbars', color: FRONT, marker: 'diamond', points: d.frontier.map(bar) },
  ];
  const clipped = d.points.filter((p) => p.clipped).length;
  return (
    <SvgChart
      title={t('chart.sweepTitle')}
      testId="sweep-interval-chart"
      fileName={fileName}
      attrs={{ points: String(d.points.length), frontier: String(d.frontier.length), clipped: String(clipped) }}
      x={{
        lo: Math.min(...xs) - xPad,
        hi: Math.max(...xs) + xPad,
        label: t('chart.staffHours'),
        fmt: (v) => formatNumber(lang, v, 0),
      }}
      y={{ lo: yLo, hi: yHi, label: t('chart.coveragePct'), fmt: (v) => `${formatNumber(lang, v, 0)}%` }}
      layers={layers}
      legend={[
        { label: t('chart.point'), color: POINT, marker: 'circle', line: false },
        { label: t('chart.frontierPoint'), color: FRONT, marker: 'diamond', line: false },
        { label: t('chart.frontier'), color: FRONT },
        ...(target !== null
          ? [{ label: t('chart.target', { v: formatNumber(lang, target * 100, 0) }), color: TARGET, dash: '6 4' }]
          : []),
      ]}
    >
      {clipped > 0 && <span className="muted small">{t('chart.clipped', { n: clipped })}</span>}
    </SvgChart>
  );
}
