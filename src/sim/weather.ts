/**
 * The rainstorm driver.
 *
 * Rain is an hourly series in mm/h over the run: given as data, generated
 * from a design storm (a triangular hyetograph: intensity rising linearly to
 * a peak at `peak` x duration, then falling, with the given total depth), or
 * both added together. One series drives everything rain touches:
 * - the rainstorm warning level of each hour, by China's rainstorm warning
 *   signal rules (暴雨预警信号): blue when 50 mm is expected within 12 h,
 *   yellow 50 mm within 6 h, orange 50 mm within 3 h, red 100 mm within 3 h,
 *   judged on the wettest window of each length that contains the hour (so
 *   a warning goes up ahead of the downpour and stands while it falls);
 * - waterlogging (内涝): rain above the drainage capacity produces cases in
 *   low-lying cells, in proportion to the excess;
 * - other cases' rates and handling times, and travel times, each scaled by
 *   its own factor per mm/h.
 */
import type { Scenario } from '../scenario/schema.ts';

export const WARNING_LEVELS = ['none', 'blue', 'yellow', 'orange', 'red'] as const;

/** Hourly rainfall (mm in each hour) for `hours` hours from the run start. */
export function rainSeries(sc: Scenario, hours: number): Float64Array {
  const out = new Float64Array(hours);
  const w = sc.weather;
  if (!w) return out;
  if (w.rainMmPerH) for (let h = 0; h < Math.min(hours, w.rainMmPerH.length); h++) out[h] += w.rainMmPerH[h];
  const st = w.designStorm;
  if (st && st.totalMm > 0) {
    const d = st.durationH,
      tp = st.peak * d,
      ip = (2 * st.totalMm) / d;
    const intensity = (t: number): number => {
      if (t < 0 || t > d) return 0;
      if (t <= tp) return tp > 0 ? (ip * t) / tp : ip;
      return d > tp ? (ip * (d - t)) / (d - tp) : 0;
    };
    // integrate each hour with the midpoint rule on one-minute steps
    const steps = 60;
    for (let h = Math.floor(st.startHour); h < Math.min(hours, Math.ceil(st.startHour + d) + 1); h++) {
      let acc = 0;
      for (let k = 0; k < steps; k++) acc += intensity(h + (k + 0.5) / steps - st.startHour) / steps;
      out[h] += acc;
    }
  }
  return out;
}

/** Warning level (index into WARNING_LEVELS) for each hour of the series. */
export function warningLevels(rain: Float64Array): Uint8Array {
  const n = rain.length;
  const out = new Uint8Array(n);
  if (!rain.some((x) => x > 0)) return out; // dry: nothing to warn of
  const windowSum = (from: number, len: number): number => {
    let s = 0;
    for (let i = Math.max(0, from); i < Math.min(n, from + len); i++) s += rain[i];
    return s;
  };
  for (let h = 0; h < n; h++) {
    // the wettest window of each length that contains hour h
    const w = (len: number) => {
      let best = 0;
      for (let s = h - len + 1; s <= h; s++) best = Math.max(best, windowSum(s, len));
      return best;
    };
    const r3 = w(3),
      r6 = w(6),
      r12 = w(12);
    out[h] = r3 >= 100 ? 4 : r3 >= 50 ? 3 : r6 >= 50 ? 2 : r12 >= 50 ? 1 : 0;
  }
  return out;
}
