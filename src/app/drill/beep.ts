/**
 * The P1 alert's sound: a short two-tone beep made with WebAudio (no sound
 * file to ship or fetch). Browsers keep an AudioContext suspended until the
 * page has had a user gesture; `unlockAudio` is called on the first click
 * or key press so later alerts sound. Where WebAudio is missing or blocked
 * the beep is silent and nothing fails: the alert's colour still shows.
 */

type Ctx = AudioContext;
let ctx: Ctx | null = null;

function context(): Ctx | null {
  if (ctx) return ctx;
  const AC =
    typeof window !== 'undefined'
      ? (window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext)
      : undefined;
  if (!AC) return null;
  try {
    ctx = new AC();
  } catch {
    ctx = null;
  }
  return ctx;
}

/** Resume the audio context after a user gesture (safe to call often). */
export function unlockAudio(): void {
  const c = context();
  if (c && c.state === 'suspended') void c.resume().catch(() => undefined);
}

/** Two short tones (880 Hz then 660 Hz, 0.12 s each); returns whether WebAudio took it. */
export function beep(): boolean {
  const c = context();
  if (!c) return false;
  try {
    if (c.state === 'suspended') void c.resume().catch(() => undefined);
    const t0 = c.currentTime;
    [880, 660].forEach((hz, i) => {
      const osc = c.createOscillator();
      const gain = c.createGain();
      osc.type = 'square';
      osc.frequency.value = hz;
      const start = t0 + i * 0.14;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.12, start + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.12);
      osc.connect(gain).connect(c.destination);
      osc.start(start);
      osc.stop(start + 0.13);
    });
    return true;
  } catch {
    return false;
  }
}
