/**
 * Coverage by hour across replications: each hour's share of grids meeting
 * the standard (or SLA attainment over all grids), the mean over the
 * replications with its 95 % CI band, and the target. Data:
 * analysis/chartData.ts `coverageHourBands` over the job's per-replication
 * hourly series.
 */
import { useMemo, useState } from 'react';
import { coverageHourBands } from '../../../analysis/chartData.ts';
import type { HourlySeries } from '../../../app/experiments.ts';
import { useStore } from '../../../app/useStore.ts';
import { formatNumber } from '../../../i18n/number.ts';
import { useT } from '../../i18n/index.ts';
import { OKABE_ITO } from './chartLayout.ts';
import { rangeOf } from './rangeOf.ts';
import { SvgChart } from './SvgChart.tsx';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const MEAN = OKABE_ITO.green,
  TARGET = OKABE_ITO.grey;

export interface CoverageHourChartProps {
  hourly: HourlySeries;
  /** The coverage standard (a grid-hour meets it at or above this attainment), 0..1. */
  target: number | null;
  fileName: string;
}

export function CoverageHourChart({ hourly, target, fileName }: CoverageHourChartProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [what, setWhat] = useState<'coverage' | 'attainment'>('coverage');
  const bands = useMemo(() => coverageHourBands(hourly[what]), [hourly, what]);
  const n = hourly[what].length;
  if (n === 0) return null;
  const pc = (v: number | null) => (v === null ? null : v * 100);
  const lo = bands.map((b) => pc(b.lo)),
    hi = bands.map((b) => pc(b.hi)),
    mean = bands.map((b) => pc(b.mean));
  const [y0, y1] = rangeOf([...lo, ...hi, ...mean], {
    floor: 0,
    ceil: 100,
    include: what === 'attainment' && target !== null ? [target * 100] : [],
  });
  const whatName = t(what === 'coverage' ? 'chart.covShare' : 'chart.attainment');
  return (
    <section className="sub-section" data-testid="coverage-hour">
      <div className="chart-controls">
        <label className="field-inline">
          <span className="control-label">{t('chart.measure')}</span>{' '}
          <select
            className="input select small"
            value={what}
            data-testid="coverage-hour-measure"
            onChange={(e) => setWhat(e.target.value as 'coverage' | 'attainment')}
          >
            <option value="coverage">{t('chart.covShare')}</option>
            <option value="attainment">{t('chart.attainment')}</option>
          </select>
        </label>
      </div>
      <SvgChart
        title={t('chart.covTitle', { what: whatName, n })}
        testId="coverage-hour-chart"
        fileName={`${fileName}-${what}-by-hour`}
        attrs={{
          measure: what,
          replications: String(n),
          bands: JSON.stringify(bands.map((b) => [b.mean, b.lo, b.hi])),
          series: JSON.stringify(hourly[what]),
        }}
        x={{
          lo: -0.5,
          hi: 23.5,
          label: t('chart.hour'),
          fmt: (v) => String(v).padStart(2, '0'),
          ticks: [0, 3, 6, 9, 12, 15, 18, 21],
        }}
        y={{
          lo: Math.floor(y0 / 10) * 10,
          hi: Math.ceil(y1 / 10) * 10,
          label: t(what === 'coverage' ? 'chart.covSharePct' : 'chart.attainmentPct'),
          fmt: (v) => `${formatNumber(lang, v, 0)}%`,
        }}
        layers={[
          { kind: 'band', color: MEAN, x: HOURS, lo, hi },
          ...(what === 'attainment' && target !== null
            ? [
                {
                  kind: 'hline' as const,
                  color: TARGET,
                  at: target * 100,
                  label: t('chart.target', { v: formatNumber(lang, target * 100, 0) }),
                },
              ]
            : []),
          { kind: 'line', color: MEAN, x: HOURS, y: mean, marker: 'circle' },
        ]}
        legend={[
          { label: t('chart.mean'), color: MEAN, marker: 'circle' },
          { label: t('chart.band'), color: MEAN, band: true },
          ...(what === 'attainment' && target !== null
            ? [{ label: t('chart.target', { v: formatNumber(lang, target * 100, 0) }), color: TARGET, dash: '6 4' }]
            : []),
        ]}
      />
    </section>
  );
}
