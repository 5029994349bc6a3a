/**
 * Beside the speed buttons: how fast the simulated clock actually runs, in
 * simulated minutes per real second (measured over the last 3 s of frames;
 * "—" when paused).
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../app/useStore.ts';
import { formatNumber } from '../i18n/number.ts';
import { useT } from './i18n/index.ts';
import { pushSample, simMinutesPerSecond, type ClockSample } from './speedRate.ts';

export function SpeedReadout() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const playing = useStore((s) => s.playing);
  const tS = useStore((s) => s.frame?.tS ?? 0);
  const samples = useRef<ClockSample[]>([]);
  const [rate, setRate] = useState<number | null>(null);
  useEffect(() => {
    samples.current = pushSample(samples.current, { wallMs: performance.now(), simS: tS });
    const r = simMinutesPerSecond(samples.current);
    setRate((old) => (old === r ? old : r));
  }, [tS]);
  useEffect(() => {
    if (!playing) samples.current = [];
  }, [playing]);
  const shown = playing ? rate : null;
  const digits = shown === null ? 0 : shown < 10 ? 1 : 0;
  return (
    <span
      className="muted small speed-readout"
      data-testid="speed-readout"
      data-value={shown === null ? '' : String(shown)}
      title={t('controls.rateTitle')}
    >
      {t('controls.rate', { v: formatNumber(lang, shown, digits) })}
    </span>
  );
}
