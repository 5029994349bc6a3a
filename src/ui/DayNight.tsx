/** Day/night indicator from the simulated hour (day 06:00–18:00), with a symbol and a word. */
import { useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';
import { isDaytime } from './format.ts';
import { Icon } from './Icon.tsx';

export function DayNight() {
  const t = useT();
  const day = useStore((s) => isDaytime(s.frame?.tS ?? 0));
  return (
    <div className={`daynight ${day ? 'is-day' : 'is-night'}`} data-testid="day-night" data-day={String(day)}>
      <Icon name={day ? 'sun' : 'moon'} />
      <span>{t(day ? 'dayNight.day' : 'dayNight.night')}</span>
    </div>
  );
}
