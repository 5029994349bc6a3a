/** The simulation clock: "第1天 08:00" / "Day 1 08:00"; `data-ts` carries the frame time in seconds. */
import { useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';
import { dayOf, timeOfDay } from './format.ts';

export function Clock() {
  const t = useT();
  const tS = useStore((s) => s.frame?.tS ?? 0);
  return (
    <div className="clock" aria-label={t('clock.label')}>
      <span className="clock-label">{t('clock.label')}</span>
      <time className="clock-value" data-testid="clock" data-ts={String(tS)} aria-live="off">
        {t('clock.format', { day: dayOf(tS), time: timeOfDay(tS) })}
      </time>
    </div>
  );
}
