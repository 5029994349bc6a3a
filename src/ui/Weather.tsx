/** Rain now (mm/h) and the rainstorm warning level, coloured like the official signal and named in words. */
import { useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';
import { warningKey } from '../i18n/shared.ts';
import { WARNING_COLORS } from './palette.ts';
import { Icon } from './Icon.tsx';

export function Weather() {
  const t = useT();
  const rain = useStore((s) => s.frame?.rainMmPerH ?? 0);
  const level = useStore((s) => Math.max(0, Math.min(4, Math.round(s.frame?.warning ?? 0))));
  const c = WARNING_COLORS[level];
  return (
    <div className="weather" data-testid="weather" aria-label={t('weather.label')}>
      <span className="weather-rain" data-testid="rain" data-value={JSON.stringify(rain)}>
        <Icon name={rain > 0 ? 'rain' : 'cloud'} />
        {rain > 0 ? t('weather.rain', { mm: rain.toFixed(1) }) : t('weather.dry')}
      </span>
      <span
        className="warning-badge"
        data-testid="warning"
        data-level={level}
        style={{ background: c.bg, color: c.fg }}
      >
        {t(warningKey(level))}
      </span>
    </div>
  );
}
