/**
 * Response-time and wait distributions per event type: the empirical
 * cumulative distribution (a step line; for a comparison A solid with
 * circles and B dashed with squares) with the type's response deadline as
 * a vertical line, and the share of responses within it (pooled, and its
 * 95 % CI over replications) in words. Data: analysis/chartData.ts
 * `typeDistributions`.
 */
import { useState } from 'react';
import { ecdfAt, type Ecdf, type Interval, type TypeDistribution } from '../../../analysis/chartData.ts';
import { useStore } from '../../../app/useStore.ts';
import { pick } from '../../../i18n/lang.ts';
import { dv } from '../../../i18n/kpi.ts';
import { formatNumber } from '../../../i18n/number.ts';
import { useT } from '../../i18n/index.ts';
import { OKABE_ITO } from './chartLayout.ts';
import { SvgChart, type Layer, type LegendEntry } from './SvgChart.tsx';

const COLORS = [OKABE_ITO.skyBlue, OKABE_ITO.orange];
const MARKERS = ['circle', 'square'] as const;
const DASHES = [undefined, '6 3'];
const DEADLINE = OKABE_ITO.vermillion;

export interface DistributionChartProps {
  /** One variant, or A and B (same event types). */
  variants: { label: string | null; types: TypeDistribution[] }[];
  fileName: string;
}

/** The ECDF as steps from (first x, 0), in minutes and %. */
function stepsOf(e: Ecdf): { x: number[]; y: number[] } {
  if (e.x.length === 0) return { x: [], y: [] };
  return { x: [e.x[0] / 60, ...e.x.map((v) => v / 60)], y: [0, ...e.p.map((p) => p * 100)] };
}

export function DistributionChart({ variants, fileName }: DistributionChartProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const types = variants[0]?.types ?? [];
  const [typeId, setTypeId] = useState<string>('');
  const [what, setWhat] = useState<'response' | 'wait'>('response');
  if (types.length === 0) return null;
  const chosen = types.find((x) => x.id === typeId) ?? types[0];
  const per = variants.map((v) => v.types.find((x) => x.id === chosen.id) ?? null);
  const deadlineMin = chosen.responseDeadlineS / 60;
  const maxX = Math.max(
    deadlineMin * 1.15,
    ...per.map((d) => {
      const e = d?.[what];
      // up to the 98th percentile: a long tail would squash the body of the curve
      if (!e || e.x.length === 0) return 0;
      const i = e.p.findIndex((p) => p >= 0.98);
      return (e.x[i < 0 ? e.x.length - 1 : i] / 60) * 1.05;
    }),
  );
  const layers: Layer[] = [
    {
      kind: 'vline',
      color: DEADLINE,
      at: deadlineMin,
      dash: '6 4',
      label: t('chart.deadline', { m: formatNumber(lang, deadlineMin, { min: 0, max: 1 }) }),
    },
  ];
  const legend: LegendEntry[] = [];
  per.forEach((d, i) => {
    if (!d) return;
    const s = stepsOf(d[what]);
    layers.push({ kind: 'line', color: COLORS[i], x: s.x, y: s.y, step: true, dash: DASHES[i], width: 2 });
    // markers at the quartiles, so the variants differ by shape as well as colour
    const qx = [0.25, 0.5, 0.75].map((q) => {
      const j = d[what].p.findIndex((p) => p >= q);
      return j < 0 ? null : d[what].x[j] / 60;
    });
    layers.push({
      kind: 'line',
      color: COLORS[i],
      x: qx.map((v) => v ?? 0),
      y: qx.map((v) => (v === null ? null : ecdfAt(d[what], v * 60) * 100)),
      width: 0,
      marker: MARKERS[i],
    });
    legend.push({
      label: `${variants[i].label ? `${variants[i].label} · ` : ''}${t('chart.ecdf')}（${t(what === 'response' ? 'chart.response' : 'chart.wait')}）`,
      color: COLORS[i],
      marker: MARKERS[i],
      dash: DASHES[i],
    });
  });
  legend.push({
    label: t('chart.deadline', { m: formatNumber(lang, deadlineMin, { min: 0, max: 1 }) }),
    color: DEADLINE,
    dash: '6 4',
  });
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(lang, v * 100, 1)}%`);
  const ciText = (iv: Interval) =>
    iv.lo === null || iv.hi === null
      ? '—'
      : `[${formatNumber(lang, iv.lo * 100, 1)}, ${formatNumber(lang, iv.hi * 100, 1)}]%`;
  const typeName = pick(lang, chosen.name);
  return (
    <section className="sub-section" data-testid="distribution">
      <h3 className="sub-title">{t('chart.distributions')}</h3>
      <div className="chart-controls">
        <label className="field-inline">
          <span className="control-label">{t('chart.type')}</span>{' '}
          <select
            className="input select small"
            value={chosen.id}
            data-testid="distribution-type"
            onChange={(e) => setTypeId(e.target.value)}
          >
            {types.map((x) => (
              <option key={x.id} value={x.id}>
                {pick(lang, x.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span className="control-label">{t('chart.measure')}</span>{' '}
          <select
            className="input select small"
            value={what}
            data-testid="distribution-measure"
            onChange={(e) => setWhat(e.target.value as 'response' | 'wait')}
          >
            <option value="response">{t('chart.response')}</option>
            <option value="wait">{t('chart.wait')}</option>
          </select>
        </label>
      </div>
      <SvgChart
        title={t('chart.distTitle', {
          type: typeName,
          what: t(what === 'response' ? 'chart.response' : 'chart.wait'),
          n: per.map((d) => formatNumber(lang, d?.[what].n ?? 0, 0)).join(' / '),
        })}
        testId="distribution-chart"
        fileName={`${fileName}-${chosen.id}-${what}`}
        attrs={{
          type: chosen.id,
          measure: what,
          'deadline-s': String(chosen.responseDeadlineS),
          within: JSON.stringify(per.map((d) => d?.withinDeadline ?? null)),
          'within-ci': JSON.stringify(
            per.map((d) => (d ? [d.withinDeadlineCi.mean, d.withinDeadlineCi.lo, d.withinDeadlineCi.hi] : null)),
          ),
          steps: dv(per[0]?.[what].x.length ?? 0),
        }}
        x={{ lo: 0, hi: maxX, label: t('chart.timeMin'), fmt: (v) => formatNumber(lang, v, { min: 0, max: 1 }) }}
        y={{ lo: 0, hi: 100, label: t('chart.cumShare'), fmt: (v) => `${formatNumber(lang, v, 0)}%` }}
        layers={layers}
        legend={legend}
      >
        <span className="small" data-testid="distribution-within">
          {per.map((d, i) =>
            d ? (
              <span key={i} className="within-line">
                {variants[i].label ? <strong>{variants[i].label} </strong> : null}
                {t('chart.within', {
                  pooled: pct(d.withinDeadline),
                  mean: pct(d.withinDeadlineCi.mean),
                  ci: ciText(d.withinDeadlineCi),
                })}
              </span>
            ) : null,
          )}
        </span>
      </SvgChart>
    </section>
  );
}
