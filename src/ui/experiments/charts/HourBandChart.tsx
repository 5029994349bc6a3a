/**
 * A vs B by hour of day (all grids): SLA attainment or backlog, either A
 * and B each with its 95 % CI band (A solid with circles, B dashed with
 * squares), or B − A with its paired 95 % CI band and the zero line.
 * Data: analysis/chartData.ts `hourBands`.
 */
import { useMemo, useState } from 'react';
import { hourBands, type HourBand } from '../../../analysis/chartData.ts';
import type { Comparison } from '../../../analysis/compare.ts';
import { useStore } from '../../../app/useStore.ts';
import { formatNumber } from '../../../i18n/number.ts';
import { useT } from '../../i18n/index.ts';
import { OKABE_ITO } from './chartLayout.ts';
import { rangeOf } from './rangeOf.ts';
import { SvgChart, type Layer } from './SvgChart.tsx';

const A = OKABE_ITO.skyBlue,
  B = OKABE_ITO.orange,
  D = OKABE_ITO.purple,
  ZERO = OKABE_ITO.grey;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function HourBandChart({ comparison, fileName }: { comparison: Comparison; fileName: string }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [what, setWhat] = useState<'attainment' | 'backlog'>('attainment');
  const [show, setShow] = useState<'both' | 'diff'>('diff');
  const bands = useMemo(() => hourBands(comparison, what), [comparison, what]);
  const k = what === 'attainment' ? 100 : 1; // shares shown as % (differences as percentage points)
  const scaled = (xs: (number | null)[]) => xs.map((v) => (v === null ? null : v * k));
  const col = (b: HourBand[], f: 'mean' | 'lo' | 'hi') => scaled(b.map((x) => x[f]));
  const digits = what === 'attainment' ? 0 : 1;
  const fmtY = (v: number) =>
    `${formatNumber(lang, v, { min: 0, max: digits })}${what === 'attainment' && show === 'both' ? '%' : ''}`;

  let layers: Layer[], yRange: [number, number];
  if (show === 'both') {
    yRange = rangeOf(
      [
        ...col(bands.a, 'lo'),
        ...col(bands.a, 'hi'),
        ...col(bands.b, 'lo'),
        ...col(bands.b, 'hi'),
        ...col(bands.a, 'mean'),
        ...col(bands.b, 'mean'),
      ],
      {
        floor: 0,
        ceil: what === 'attainment' ? 100 : undefined,
      },
    );
    layers = [
      { kind: 'band', color: A, x: HOURS, lo: col(bands.a, 'lo'), hi: col(bands.a, 'hi') },
      { kind: 'band', color: B, x: HOURS, lo: col(bands.b, 'lo'), hi: col(bands.b, 'hi') },
      { kind: 'line', color: A, x: HOURS, y: col(bands.a, 'mean'), marker: 'circle' },
      { kind: 'line', color: B, x: HOURS, y: col(bands.b, 'mean'), marker: 'square', dash: '6 3' },
    ];
  } else {
    yRange = rangeOf([...col(bands.diff, 'lo'), ...col(bands.diff, 'hi'), ...col(bands.diff, 'mean')], {
      include: [0],
    });
    layers = [
      { kind: 'band', color: D, x: HOURS, lo: col(bands.diff, 'lo'), hi: col(bands.diff, 'hi'), opacity: 0.28 },
      { kind: 'hline', color: ZERO, at: 0, dash: '3 3' },
      { kind: 'line', color: D, x: HOURS, y: col(bands.diff, 'mean'), marker: 'triangle' },
    ];
  }
  const whatName = t(what === 'attainment' ? 'chart.attainment' : 'chart.backlog');
  const yLabel = t(
    what === 'attainment'
      ? show === 'both'
        ? 'chart.attainmentPct'
        : 'chart.attainmentPp'
      : show === 'both'
        ? 'chart.backlogCases'
        : 'chart.backlogDiff',
  );
  const diffAttr = bands.diff.map((b) => [b.mean, b.lo, b.hi]);
  return (
    <section className="sub-section" data-testid="hour-band">
      <div className="chart-controls">
        <label className="field-inline">
          <span className="control-label">{t('chart.measure')}</span>{' '}
          <select
            className="input select small"
            value={what}
            data-testid="hour-band-measure"
            onChange={(e) => setWhat(e.target.value as 'attainment' | 'backlog')}
          >
            <option value="attainment">{t('chart.attainment')}</option>
            <option value="backlog">{t('chart.backlog')}</option>
          </select>
        </label>
        <label className="field-inline">
          <span className="control-label">{t('chart.show')}</span>{' '}
          <select
            className="input select small"
            value={show}
            data-testid="hour-band-show"
            onChange={(e) => setShow(e.target.value as 'both' | 'diff')}
          >
            <option value="diff">{t('chart.showDiff')}</option>
            <option value="both">{t('chart.showBoth')}</option>
          </select>
        </label>
      </div>
      <SvgChart
        title={t(show === 'both' ? 'chart.abTitle' : 'chart.abDiffTitle', { what: whatName })}
        testId="hour-band-chart"
        fileName={`${fileName}-${what}-${show}`}
        attrs={{ measure: what, show, diff: JSON.stringify(diffAttr) }}
        x={{
          lo: -0.5,
          hi: 23.5,
          label: t('chart.hour'),
          fmt: (v) => `${String(v).padStart(2, '0')}`,
          ticks: [0, 3, 6, 9, 12, 15, 18, 21],
        }}
        y={{ lo: yRange[0], hi: yRange[1], label: yLabel, fmt: fmtY }}
        layers={layers}
        legend={
          show === 'both'
            ? [
                { label: t('chart.meanA'), color: A, marker: 'circle' },
                { label: t('chart.bandA'), color: A, band: true },
                { label: t('chart.meanB'), color: B, marker: 'square', dash: '6 3' },
                { label: t('chart.bandB'), color: B, band: true },
              ]
            : [
                { label: t('chart.diff'), color: D, marker: 'triangle' },
                { label: t('chart.bandDiff'), color: D, band: true },
                { label: t('chart.zero'), color: ZERO, dash: '3 3' },
              ]
        }
      />
    </section>
  );
}
