/** Backlog and SLA attainment over simulated time (uPlot), from frames sampled every 5 simulated minutes; the warm-up is hatched. */
import { useController, useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';
import { SERIES_COLORS } from './palette.ts';
import { TimeSeriesChart } from './TimeSeriesChart.tsx';

export function ChartsPanel() {
  const t = useT();
  const ctl = useController();
  const version = useStore((s) => s.seriesVersion);
  const s = ctl.series;
  const xMax = useStore((st) => (st.layout ? st.layout.horizonS / 3600 : undefined));
  const warmupH = useStore((st) => (st.layout ? st.layout.warmupS / 3600 : 0));
  const shade = { shadeToX: warmupH, shadeLabel: t('warmup.label') };
  return (
    <section className="panel charts-panel" aria-label={`${t('charts.backlog')} · ${t('charts.sla')}`}>
      <TimeSeriesChart
        testId="chart-backlog"
        title={t('charts.backlog')}
        xLabel={t('charts.hour')}
        xUnit={t('charts.hourUnit')}
        color={SERIES_COLORS.backlog}
        x={s.tH}
        y={s.backlog}
        version={version}
        xMax={xMax}
        {...shade}
      />
      <TimeSeriesChart
        testId="chart-sla"
        title={t('charts.sla')}
        xLabel={t('charts.hour')}
        xUnit={t('charts.hourUnit')}
        color={SERIES_COLORS.sla}
        x={s.tH}
        y={s.sla}
        version={version}
        xMax={xMax}
        percent
        {...shade}
      />
    </section>
  );
}
