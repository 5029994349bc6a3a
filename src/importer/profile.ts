/**
 * An event type's arrival profile from its cases' times: 24 hourly weights, or 168 (Monday 00:00 first) when the
 * log shows a weekday pattern.
 *
 * The choice is a likelihood-ratio (G) test. Under the 24-hour model the rate depends on the hour of day only:
 * the expected count in weekday w, hour h is e(w,h) = c(h) · E(w) / D, with c(h) the cases in hour h over the
 * whole log, E(w) the days of weekday w in the log and D all its days. Under the 168-hour model each (w,h) has
 * its own rate. G = 2 Σ o(w,h) ln(o(w,h) / e(w,h)) is χ² with (weekdays seen − 1) × (hours with a case) degrees
 * of freedom. The 168-hour profile is chosen when p < 0.001 and the log has at least 14 days (every weekday at
 * least twice: with one of each, a weekday cannot be told from a one-off day); otherwise 24.
 *
 * Weights are the chosen bins' rates per day of exposure. Sparse bins are smoothed: a bin with fewer than
 * 5 cases takes the circular moving average (¼, ½, ¼) of its counts with the neighbouring hours (across
 * midnight, and across days in a 168-hour profile), and every bin adds k = ½ case (add-half), so no hour is
 * given a rate of exactly zero because the log happened to have no case in it.
 *
 * Pure.
 */
import { chiSquareSf } from './fit.ts';
import type { HourCount, ProfileTest, WeekdayCount } from './report.ts';

export const PROFILE_ALPHA = 0.001;
export const PROFILE_MIN_DAYS = 14;
export const SPARSE_BIN = 5;
export const ADD_K = 0.5;

export interface ProfileFit {
  bins: 24 | 168;
  /** Weights, mean 1 (rounded to 6 significant digits). */
  profile: number[];
  test: ProfileTest | null;
  smoothedBins: number;
}

/** Days of each weekday (0 = Monday) among days 0 … days − 1 starting on `startDow`. */
export function weekdayExposure(days: number, startDow: number): number[] {
  const e = new Array<number>(7).fill(0);
  for (let d = 0; d < days; d++) e[(startDow + d) % 7]++;
  return e;
}

/** Counts by week hour (weekday × 24 + hour) of times in seconds from time 0 (local midnight of a `startDow`). */
export function weekHourCounts(timesS: readonly number[], startDow: number): number[] {
  const c = new Array<number>(168).fill(0);
  for (const t of timesS) {
    const day = Math.floor(t / 86400);
    const h = Math.floor((t - day * 86400) / 3600);
    c[((startDow + day) % 7) * 24 + h]++;
  }
  return c;
}

/** The G test of 168 against 24 hours (null when fewer than two weekdays are in the log). */
export function profileTest(c168: readonly number[], exposure: readonly number[], days: number): ProfileTest | null {
  const seen = exposure.filter((e) => e > 0).length;
  if (seen < 2) return null;
  let g = 0,
    hoursWithCases = 0;
  for (let h = 0; h < 24; h++) {
    let ch = 0;
    for (let w = 0; w < 7; w++) ch += c168[w * 24 + h];
    if (ch === 0) continue;
    hoursWithCases++;
    for (let w = 0; w < 7; w++) {
      const o = c168[w * 24 + h];
      if (o > 0) g += 2 * o * Math.log(o / ((ch * exposure[w]) / days));
    }
  }
  const df = (seen - 1) * hoursWithCases;
  return { g, df, pValue: chiSquareSf(g, df), alpha: PROFILE_ALPHA, minDays: PROFILE_MIN_DAYS };
}

/** Smoothed, add-half weights of `counts` over `exposure` per bin (circular neighbours), mean 1. */
function weights(counts: readonly number[], exposure: readonly number[]): { w: number[]; smoothed: number } {
  const n = counts.length;
  let smoothed = 0;
  const s = counts.map((c, i) => {
    if (c >= SPARSE_BIN) return c;
    smoothed++;
    return (counts[(i + n - 1) % n] + 2 * c + counts[(i + 1) % n]) / 4;
  });
  const r = s.map((x, i) => (exposure[i] > 0 ? (x + ADD_K) / exposure[i] : 0));
  const mean = r.reduce((a, b) => a + b, 0) / n;
  return { w: r.map((x) => Number((x / mean).toPrecision(6))), smoothed };
}

/** Choose and fit the profile of cases at `timesS` over `days` days from a `startDow` (0 = Monday). */
export function fitProfile(timesS: readonly number[], days: number, startDow: number): ProfileFit {
  const exposure = weekdayExposure(days, startDow);
  const c168 = weekHourCounts(timesS, startDow);
  const test = profileTest(c168, exposure, days);
  const weekly = test !== null && days >= PROFILE_MIN_DAYS && test.pValue < PROFILE_ALPHA;
  if (weekly) {
    const exp168 = c168.map((_, i) => exposure[Math.floor(i / 24)]);
    const { w, smoothed } = weights(c168, exp168);
    return { bins: 168, profile: w, test, smoothedBins: smoothed };
  }
  const c24 = new Array<number>(24).fill(0);
  c168.forEach((c, i) => (c24[i % 24] += c));
  const { w, smoothed } = weights(c24, new Array<number>(24).fill(days));
  return { bins: 24, profile: w, test, smoothedBins: smoothed };
}

/**
 * Observed and fitted counts by hour of day and by weekday, for a profile (24 or 168 weights, or none: flat)
 * at `ratePerDay` over the log's days: what the engine's arrivals (src/sim/arrivals.ts hourlyRates: rate / 24 ×
 * weight / mean weight) expect in each, and Pearson's X² by hour.
 */
export function observedVsFitted(
  timesS: readonly number[],
  profile: readonly number[] | undefined,
  ratePerDay: number,
  days: number,
  startDow: number,
): { hourly: HourCount[]; weekday: WeekdayCount[]; hourX2: number } {
  const exposure = weekdayExposure(days, startDow);
  const c168 = weekHourCounts(timesS, startDow);
  const p = profile ?? new Array<number>(24).fill(1);
  const mean = p.reduce((a, b) => a + b, 0) / p.length;
  const rate = (w: number, h: number) => ((ratePerDay / 24) * p[p.length === 168 ? w * 24 + h : h]) / mean;
  const hourly: HourCount[] = [];
  for (let h = 0; h < 24; h++) {
    let o = 0,
      f = 0;
    for (let w = 0; w < 7; w++) {
      o += c168[w * 24 + h];
      f += exposure[w] * rate(w, h);
    }
    hourly.push({ hour: h, observed: o, fitted: f });
  }
  const weekday: WeekdayCount[] = [];
  for (let w = 0; w < 7; w++) {
    let o = 0,
      f = 0;
    for (let h = 0; h < 24; h++) {
      o += c168[w * 24 + h];
      f += exposure[w] * rate(w, h);
    }
    weekday.push({ weekday: w, days: exposure[w], observed: o, fitted: f });
  }
  const hourX2 = hourly.reduce((a, x) => a + (x.fitted > 0 ? (x.observed - x.fitted) ** 2 / x.fitted : 0), 0);
  return { hourly, weekday, hourX2 };
}
