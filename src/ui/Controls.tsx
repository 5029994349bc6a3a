/**
 * Run controls: play, pause, step +10 min, speed (1x … max), restart with a
 * seed, jump to a time of day. Keyboard shortcuts are in app/useKeyboard.ts.
 */
import { useState, type FormEvent } from 'react';
import type { Speed } from '../analysis/liveTypes.ts';
import { SPEEDS } from '../app/store.ts';
import { SpeedReadout } from './SpeedReadout.tsx';
import { useController, useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';
import { parseHhMm } from './format.ts';
import { Icon } from './Icon.tsx';

const speedId = (s: Speed) => `speed-${s}`;

export function Controls() {
  const t = useT();
  const ctl = useController();
  const playing = useStore((s) => s.playing);
  const done = useStore((s) => s.done);
  const speed = useStore((s) => s.speed);
  const seed = useStore((s) => s.seed);
  const ready = useStore((s) => s.layout !== null && !s.loading);
  const [seedText, setSeedText] = useState(String(seed));
  const [seekText, setSeekText] = useState('08:00');
  const [seekError, setSeekError] = useState(false);

  // a new seed (restart, another scenario) replaces what is typed (adjusted while rendering, not in an effect)
  const [seedOf, setSeedOf] = useState(seed);
  if (seedOf !== seed) {
    setSeedOf(seed);
    setSeedText(String(seed));
  }

  const onRestart = (e: FormEvent) => {
    e.preventDefault();
    const n = Math.trunc(Number(seedText));
    if (Number.isFinite(n) && n >= 0) ctl.restart(n);
  };
  const onSeek = (e: FormEvent) => {
    e.preventDefault();
    const s = parseHhMm(seekText);
    setSeekError(s === null);
    if (s !== null) ctl.seekTimeOfDay(s);
  };

  return (
    <div className="controls" role="toolbar" aria-label={t('controls.label')}>
      <div className="control-group">
        <button
          type="button"
          className={`btn primary ${playing ? 'active' : ''}`}
          data-testid="play"
          aria-pressed={playing}
          disabled={!ready || done}
          onClick={() => ctl.play()}
        >
          <Icon name="play" filled /> {done ? t('controls.finished') : t('controls.play')}
        </button>
        <button
          type="button"
          className={`btn ${!playing ? 'active' : ''}`}
          data-testid="pause"
          aria-pressed={!playing}
          disabled={!ready}
          onClick={() => ctl.pause()}
        >
          <Icon name="pause" filled /> {t('controls.pause')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="step"
          title={t('controls.stepTitle')}
          disabled={!ready || done}
          onClick={() => ctl.step()}
        >
          <Icon name="step" filled /> {t('controls.step')}
        </button>
      </div>

      <div className="control-group" role="group" aria-label={t('controls.speed')} title={t('controls.speedTitle')}>
        <span className="control-label">{t('controls.speed')}</span>
        <div className="segmented">
          {SPEEDS.map((s) => (
            <button
              key={String(s)}
              type="button"
              className={`seg ${speed === s ? 'active' : ''}`}
              data-testid={speedId(s)}
              aria-pressed={speed === s}
              onClick={() => ctl.setSpeed(s)}
            >
              {s === 'max' ? t('controls.speedMax') : `${s}x`}
            </button>
          ))}
        </div>
        <SpeedReadout />
      </div>

      <form className="control-group" onSubmit={onRestart}>
        <label className="control-label" htmlFor="seed-input">
          {t('controls.seed')}
        </label>
        <input
          id="seed-input"
          className="input seed"
          data-testid="seed"
          type="number"
          min={0}
          step={1}
          value={seedText}
          onChange={(e) => setSeedText(e.target.value)}
        />
        <button type="submit" className="btn" data-testid="restart" disabled={!ready}>
          <Icon name="restart" /> {t('controls.restart')}
        </button>
      </form>

      <form className="control-group" onSubmit={onSeek}>
        <label className="control-label" htmlFor="seek-input">
          {t('controls.seek')}
        </label>
        <input
          id="seek-input"
          className={`input seek ${seekError ? 'invalid' : ''}`}
          data-testid="seek-time"
          type="text"
          inputMode="numeric"
          placeholder="HH:MM"
          pattern="\d{1,2}[:：]\d{2}"
          aria-invalid={seekError}
          title={t('controls.seekInvalid')}
          value={seekText}
          onChange={(e) => setSeekText(e.target.value)}
        />
        <button type="submit" className="btn" data-testid="seek-go" disabled={!ready}>
          {t('controls.seekGo')}
        </button>
        {seekError && (
          <span className="field-error" role="alert">
            {t('controls.seekInvalid')}
          </span>
        )}
      </form>

      <span className="keys-hint">{t('controls.keys')}</span>
    </div>
  );
}
