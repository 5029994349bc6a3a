/**
 * The simulated-minutes-per-second readout beside the speed buttons: the
 * rate the clock actually advanced over the last few wall-clock seconds
 * (at "max" it depends on the machine; at 60× it should read about 60).
 */
export interface ClockSample {
  /** Wall-clock ms (performance.now()). */
  wallMs: number;
  /** Simulated seconds. */
  simS: number;
}

/** Keeps samples within `windowMs` of the newest (at least two), the newest last. */
export function pushSample(samples: readonly ClockSample[], s: ClockSample, windowMs = 3000): ClockSample[] {
  const out = [...samples, s];
  // a clock that went back (restart, seek) starts a new window
  if (out.length > 1 && s.simS < out[out.length - 2].simS) return [s];
  while (out.length > 2 && s.wallMs - out[0].wallMs > windowMs) out.shift();
  return out;
}

/** Simulated minutes per wall-clock second over the samples; null with under 0.5 s of them. */
export function simMinutesPerSecond(samples: readonly ClockSample[]): number | null {
  if (samples.length < 2) return null;
  const a = samples[0],
    b = samples[samples.length - 1];
  const wallS = (b.wallMs - a.wallMs) / 1000;
  if (wallS < 0.5) return null;
  return (b.simS - a.simS) / 60 / wallS;
}
