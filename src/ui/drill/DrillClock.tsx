/**
 * The drill clock: time of day, time into the drill (T+mm:ss) against its
 * length, the speed and whether it runs. `data-ts` carries the simulated
 * time in seconds, `data-elapsed` the seconds into the drill.
 */
import { useDrill } from '../../app/drill/store.ts';
import { timeOfDay } from '../format.ts';
import { useT } from './i18n/index.ts';
import { fmtDuration } from './model.ts';

export function DrillClock() {
  const t = useT();
  const st = useDrill((s) => s.state);
  if (!st) return <div className="drill-clock muted">{t('clock.none')}</div>;
  const elapsed = Math.max(0, st.tS - st.startS);
  const total = st.endS - st.startS;
  const status = st.done ? t('clock.ended') : st.playing ? t('clock.running', { speed: st.speed }) : t('clock.paused');
  return (
    <div
      className="drill-clock"
      aria-label={t('clock.label')}
      data-testid="drill-clock"
      data-ts={String(st.tS)}
      data-elapsed={String(elapsed)}
      data-playing={String(st.playing)}
      data-done={String(st.done)}
      data-speed={String(st.speed)}
    >
      <span className="clock-label">{t('clock.label')}</span>
      <span className="drill-clock-row">
        <time className="clock-value">{timeOfDay(st.tS)}</time>
        <span className="drill-elapsed">
          T+{fmtDuration(elapsed, true)} / {fmtDuration(total, true)}
        </span>
        <span className={`drill-status ${st.done ? 'is-done' : st.playing ? 'is-running' : 'is-paused'}`}>
          {status}
        </span>
      </span>
    </div>
  );
}
