/**
 * The review's timeline scrubber: a slider over the drill's window (arrow
 * keys move a minute, Page Up/Down ten), marks for every inject, message
 * and action, and buttons to jump to the start, the end, or the previous /
 * next event. Each move rebuilds the drill at that time (the last request
 * wins while one is being rebuilt).
 */
import type { LogEntry } from '../../drill/session.ts';
import { timeOfDay } from '../format.ts';
import { useT } from './i18n/index.ts';
import { fmtDuration } from './model.ts';

export interface ReviewScrubberProps {
  startS: number;
  endS: number;
  tS: number;
  shownTS: number | null;
  busy: boolean;
  timeline: readonly LogEntry[];
  onSeek: (tS: number) => void;
}

export function ReviewScrubber({ startS, endS, tS, shownTS, busy, timeline, onSeek }: ReviewScrubberProps) {
  const t = useT();
  const span = Math.max(1, endS - startS);
  const times = [...new Set(timeline.map((e) => e.tS))].sort((a, b) => a - b);
  const prev = [...times].reverse().find((x) => x < tS - 0.5);
  const next = times.find((x) => x > tS + 0.5);
  const pct = (x: number) => `${(((x - startS) / span) * 100).toFixed(3)}%`;
  return (
    <section className="panel review-scrubber" data-testid="review-scrubber" aria-labelledby="scrub-title">
      <div className="panel-head">
        <h2 id="scrub-title" className="panel-title">
          {t('review.scrubTitle')}
        </h2>
        <output
          className="scrub-time"
          data-testid="review-time"
          data-ts={String(tS)}
          data-shown-ts={shownTS === null ? '' : String(shownTS)}
          data-busy={String(busy)}
        >
          {timeOfDay(tS)} · T+{fmtDuration(tS - startS, true)}
        </output>
        <span className="hint" aria-live="polite">
          {busy ? t('review.rebuilding') : shownTS !== null ? t('review.rebuiltAt', { time: timeOfDay(shownTS) }) : ''}
        </span>
      </div>
      <div className="scrub-track">
        <div className="scrub-marks" aria-hidden>
          {timeline.map((e, i) => (
            <span
              key={i}
              className={`scrub-mark mark-${e.kind}`}
              style={{ left: pct(e.tS) }}
              title={`${timeOfDay(e.tS)} ${e.kind}`}
            />
          ))}
        </div>
        <input
          type="range"
          className="scrub-range"
          data-testid="review-range"
          min={startS}
          max={endS}
          step={60}
          value={tS}
          aria-label={t('review.scrubLabel')}
          aria-valuetext={`${timeOfDay(tS)}, T+${fmtDuration(tS - startS, true)}`}
          onChange={(e) => onSeek(Number(e.target.value))}
        />
        <div className="scrub-ends">
          <span>{timeOfDay(startS)}</span>
          <span>{timeOfDay(endS)}</span>
        </div>
      </div>
      <div className="scrub-buttons">
        <button type="button" className="btn small" data-testid="review-start" onClick={() => onSeek(startS)}>
          {t('review.toStart')}
        </button>
        <button
          type="button"
          className="btn small"
          data-testid="review-prev"
          disabled={prev === undefined}
          onClick={() => prev !== undefined && onSeek(prev)}
        >
          {t('review.prevEvent')}
        </button>
        <button type="button" className="btn small" onClick={() => onSeek(tS - 600)}>
          −10 {t('unit.minutes')}
        </button>
        <button type="button" className="btn small" onClick={() => onSeek(tS + 600)}>
          +10 {t('unit.minutes')}
        </button>
        <button
          type="button"
          className="btn small"
          data-testid="review-next"
          disabled={next === undefined}
          onClick={() => next !== undefined && onSeek(next)}
        >
          {t('review.nextEvent')}
        </button>
        <button type="button" className="btn small" data-testid="review-end" onClick={() => onSeek(endS)}>
          {t('review.toEnd')}
        </button>
        <span className="legend-inline">
          <span className="scrub-mark mark-inject static" aria-hidden />
          {t('review.markInject')}
          <span className="scrub-mark mark-message static" aria-hidden />
          {t('review.markMessage')}
          <span className="scrub-mark mark-action static" aria-hidden />
          {t('review.markAction')}
        </span>
      </div>
    </section>
  );
}
