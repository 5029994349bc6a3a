/**
 * The trainer's clock control (the only place the drill clock is run or
 * paused): play / pause (Space), the speed from real time to 60x (above
 * 10x, more than a person can follow, a warning says so with the cases per
 * real minute so far), and
 * "finish drill" (runs to the end at once; asks for a second click).
 */
import { useEffect, useState } from 'react';
import { useTrainer } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { Icon } from '../Icon.tsx';
import { useT } from './i18n/index.ts';
import { FOLLOWABLE_SPEED } from '../../app/drill/dispatchKeys.ts';

export const DRILL_SPEEDS = [1, 2, 5, 10, 30, 60] as const;

export function ClockControls() {
  const t = useT();
  const ctl = useTrainer();
  const st = useDrill((s) => s.state);
  const [confirming, setConfirming] = useState(false);
  const playing = st?.playing ?? false;
  const done = st?.done ?? false;
  const ready = st !== null;
  const live = useDrill((s) => s.liveScore);
  const speed = st?.speed ?? 0;
  const tooFast = speed > FOLLOWABLE_SPEED && !done;
  // cases of the scope so far per simulated minute, times the speed: what lands on a dispatcher per real minute
  const elapsedMin = st ? (st.tS - st.startS) / 60 : 0;
  const perRealMin = live && elapsedMin >= 5 ? Math.round((live.score.n / elapsedMin) * speed) : null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || e.repeat) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.closest('input, textarea, select, button, [role="slider"], a') || el.isContentEditable)) return;
      e.preventDefault();
      const s = ctl.store.getState().state;
      if (!s || s.done) return;
      void (s.playing ? ctl.pause() : ctl.play());
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [ctl]);

  return (
    <div className="controls drill-controls" role="group" aria-label={t('controls.label')}>
      <div className="control-group">
        {playing ? (
          <button
            type="button"
            className="btn primary"
            data-testid="drill-pause"
            onClick={() => void ctl.pause()}
            aria-keyshortcuts="Space"
          >
            <Icon name="pause" filled /> {t('controls.pause')}
          </button>
        ) : (
          <button
            type="button"
            className="btn primary"
            data-testid="drill-play"
            disabled={!ready || done}
            onClick={() => void ctl.play()}
            aria-keyshortcuts="Space"
          >
            <Icon name="play" filled /> {t('controls.play')}
          </button>
        )}
      </div>
      <div className="control-group">
        <span className="control-label" id="drill-speed-label">
          {t('controls.speed')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="drill-speed-label">
          {DRILL_SPEEDS.map((sp) => (
            <button
              key={sp}
              type="button"
              role="radio"
              aria-checked={st?.speed === sp}
              className={`seg ${st?.speed === sp ? 'active' : ''} ${sp > FOLLOWABLE_SPEED ? 'too-fast' : ''}`}
              title={
                sp <= FOLLOWABLE_SPEED ? t('controls.followable') : t('controls.tooFast', { max: FOLLOWABLE_SPEED })
              }
              data-testid={`drill-speed-${sp}`}
              data-value={sp}
              disabled={!ready || done}
              onClick={() => void ctl.setSpeed(sp)}
            >
              {sp === 1 ? t('controls.realTime') : `${sp}×`}
            </button>
          ))}
        </div>
      </div>
      {tooFast && (
        <p className="speed-warning" role="alert" data-testid="speed-warning" data-speed={speed}>
          ⚠ {t('controls.tooFast', { max: FOLLOWABLE_SPEED })}
          {perRealMin !== null && <> ({t('controls.perMin', { n: perRealMin })})</>}
        </p>
      )}
      <div className="control-group finish-group">
        {confirming && !done ? (
          <>
            <span className="control-label">{t('controls.finishConfirm')}</span>
            <button
              type="button"
              className="btn danger"
              data-testid="drill-finish-confirm"
              onClick={() => {
                setConfirming(false);
                void ctl.finish();
              }}
            >
              {t('controls.finishYes')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn"
            data-testid="drill-finish"
            disabled={!ready || done}
            onClick={() => setConfirming(true)}
          >
            {t('controls.finish')}
          </button>
        )}
      </div>
      <span className="keys-hint">{t('controls.keys')}</span>
    </div>
  );
}
