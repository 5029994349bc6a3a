/** Rain now (mm/h) and the rainstorm warning, from the latest frame (the main app's colours and icons). */
import { useDrill } from '../../app/drill/store.ts';
import { WARNING_COLORS } from '../palette.ts';
import { Icon } from '../Icon.tsx';
import { useT } from './i18n/index.ts';
import { warningKey } from '../../i18n/shared.ts';

export function DrillWeather() {
  const t = useT();
  const rain = useDrill((s) => s.frame?.rainMmPerH ?? 0);
  const level = useDrill((s) => Math.max(0, Math.min(4, Math.round(s.frame?.warning ?? 0))));
  const c = WARNING_COLORS[level];
  return (
    <div className="weather" data-testid="drill-weather">
      <span className="weather-rain" data-value={JSON.stringify(rain)}>
        <Icon name={rain > 0 ? 'rain' : 'cloud'} />
        {rain > 0 ? t('weather.rain', { mm: rain.toFixed(1) }) : t('weather.dry')}
      </span>
      <span className="warning-badge" data-level={level} style={{ background: c.bg, color: c.fg }}>
        {t(warningKey(level))}
      </span>
    </div>
  );
}
