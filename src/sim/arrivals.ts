/**
 * Time-varying arrivals: a non-homogeneous Poisson process per event type.
 *
 * The rate is piecewise constant by the hour: rate(h) = ratePerDay / 24 x
 * profile[h] / mean(profile) x any driver factor for that hour (rain, ...).
 * With a piecewise-constant rate the next arrival can be sampled exactly,
 * without thinning: draw E ~ Exp(1), the amount of "integrated rate" until
 * the next arrival, and spend it hour by hour until it runs out. Every draw
 * becomes exactly one arrival, so the stream of uniforms maps one-to-one to
 * cases (a property common random numbers rely on).
 *
 * Where a case occurs is drawn from the cells' weights (land use x
 * population), by inverse CDF over a cumulative array with binary search.
 */
import type { City } from './city.ts';
import type { EventType } from '../scenario/schema.ts';
import { LAND_USES } from '../scenario/schema.ts';
import type { Stream } from './rng.ts';

const HOUR_S = 3600;

/** Rates per hour for every hour of the horizon, before driver factors. */
export function hourlyRates(et: EventType, hours: number, startDayOfWeek: number): Float64Array {
  const out = new Float64Array(hours);
  const prof = et.profile ?? null;
  let mean = 1;
  if (prof) {
    let s = 0;
    for (const v of prof) s += v;
    mean = s / prof.length;
  }
  const base = et.ratePerDay / 24;
  const offset = prof && prof.length === 168 ? startDayOfWeek * 24 : 0;
  for (let h = 0; h < hours; h++) {
    out[h] = prof ? (mean > 0 ? (base * prof[(h + offset) % prof.length]) / mean : 0) : base;
  }
  return out;
}

/**
 * Time of the next arrival after `t` (seconds) given hourly rates, or
 * Infinity when the remaining integrated rate is spent before the horizon.
 */
export function nextArrival(rates: Float64Array, t: number, s: Stream): number {
  let e = s.stdExp();
  let h = Math.floor(t / HOUR_S);
  const n = rates.length;
  while (h < n) {
    const r = rates[h] / HOUR_S;
    const end = (h + 1) * HOUR_S;
    if (r > 0) {
      const cap = r * (end - t);
      if (e < cap) return t + e / r;
      e -= cap;
    }
    t = end;
    h++;
  }
  return Infinity;
}

/** Cumulative cell weights for one event type; `byHour` types get a day and a night table. */
export class LocationSampler {
  private readonly day: Float64Array;
  private readonly night: Float64Array | null;
  private readonly n: number;

  constructor(city: City, et: EventType) {
    const w = et.weights;
    const luW = LAND_USES.map((lu) => w.landUse?.[lu] ?? 1);
    const build = (pop: 'none' | 'day' | 'night'): Float64Array => {
      const cum = new Float64Array(city.nCells);
      let acc = 0;
      for (let i = 0; i < city.nCells; i++) {
        let x = luW[city.landUse[i]];
        if (pop === 'day') x *= city.dayPop[i];
        else if (pop === 'night') x *= city.nightPop[i];
        if (w.only === 'lowLying' && !city.lowLying[i]) x = 0;
        if (w.only === 'station' && city.station[i] < 0) x = 0;
        acc += x;
        cum[i] = acc;
      }
      if (!(acc > 0) && et.ratePerDay > 0) {
        throw new Error(
          `event type ${et.id}: no cell can host it (all weights are zero) / 事件类型 ${et.id} 没有可发生的单元网格`,
        );
      }
      return cum;
    };
    this.n = city.nCells;
    if (w.population === 'byHour') {
      this.day = build('day');
      this.night = build('night');
    } else {
      this.day = build(w.population);
      this.night = null;
    }
  }

  /** Draw a cell for a case occurring at time t (seconds). Single-cell cities draw nothing. */
  sample(t: number, s: Stream): number {
    if (this.n === 1) return 0;
    let cum = this.day;
    if (this.night) {
      const hod = Math.floor(t / HOUR_S) % 24;
      if (hod < 7 || hod >= 19) cum = this.night;
    }
    const u = s.uniform() * cum[this.n - 1];
    let lo = 0,
      hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
