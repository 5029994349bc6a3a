import { describe, expect, it } from 'vitest';
import { pushSample, simMinutesPerSecond, type ClockSample } from './speedRate.ts';

describe('simulated minutes per second', () => {
  it('is the clock advance over the wall-clock window: 60× reads 1, 3600× reads 60', () => {
    let s: ClockSample[] = [];
    for (let i = 0; i <= 40; i++) s = pushSample(s, { wallMs: i * 100, simS: i * 100 * 0.06 }); // 60 sim-s per wall-s
    expect(simMinutesPerSecond(s)).toBeCloseTo(1, 9);
    expect(s[s.length - 1].wallMs - s[0].wallMs).toBeLessThanOrEqual(3000);
    const fast = [
      { wallMs: 0, simS: 0 },
      { wallMs: 2000, simS: 7200 },
    ];
    expect(simMinutesPerSecond(fast)).toBe(60);
  });
  it('has no reading under half a second of samples', () => {
    expect(
      simMinutesPerSecond([
        { wallMs: 0, simS: 0 },
        { wallMs: 100, simS: 6 },
      ]),
    ).toBeNull();
  });
  it('starts over when the clock goes back', () => {
    const s = pushSample([{ wallMs: 0, simS: 500 }], { wallMs: 10, simS: 0 });
    expect(s).toEqual([{ wallMs: 10, simS: 0 }]);
  });
});
