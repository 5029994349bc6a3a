/**
 * Rain now (mm/h) and the rainstorm warning, as the drill has them (the
 * main app's colours and icons): the rain the drill's simulation runs on,
 * storm injects included, and the warning the drill's bulletins announced
 * (src/drill/weather.ts), not the base scenario's forecast. `data-level`
 * and the rain's `data-value` carry the exact values.
 */
import { useDrill } from '../../app/drill/store.ts';
import { WARNING_COLORS } from '../palette.ts';
import { Icon } from '../Icon.tsx';
import { useT } from './i18n/index.ts';
import { warningKey } from '../../i18n/shared.ts';

export function DrillWeather() {
  const t = useT();
  const w = useDrill((s) => s.state?.weather ?? null);
  const rain = w?.rainMmPerH ?? 0;
  const level = Math.max(0, Math.min(4, Math.round(w?.warning ?? 0)));
  const c = WARNING_COLORS[level];
  const source = w?.source.kind === 'inject' ? w.source.id : '';
  return (
    <div className="weather" data-testid="drill-weather">
      <span className="weather-rain" data-value={JSON.stringify(rain)}>
        <Icon name={rain > 0 ? 'rain' : 'cloud'} />
        {rain > 0 ? t('weather.rain', { mm: rain.toFixed(1) }) : t('weather.dry')}
      </span>
      <span
        className="warning-badge"
        data-testid="drill-warning"
        data-level={level}
        data-source={source}
        title={source ? t('weather.announced', { id: source }) : t('weather.forecast')}
        style={{ background: c.bg, color: c.fg }}
      >
        {t(warningKey(level))}
      </span>
    </div>
  );
}
