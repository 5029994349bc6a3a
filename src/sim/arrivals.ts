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
 * population), by inverse CDF: binary search over a running total kept per
 * block of 16 cells, then a walk inside the block (LocationSampler).
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

/** Cells per block of the location tables: one running total is kept per block. */
const BLOCK = 16;

/**
 * Where a type's cases occur: inverse CDF over the cells' weights.
 *
 * The cumulative weight is kept only at the end of every block of 16 cells
 * (a 16th of a per-cell table: 0.3 MB instead of 5 MB at 634,000 cells);
 * a draw finds its block by binary search, then re-adds the block's weights
 * one by one from the total before it. The additions are the same, in the
 * same order, as a per-cell running sum would make, so the cell drawn is
 * exactly the one a per-cell table gives. `byHour` types keep a day and a
 * night table.
 */
export class LocationSampler {
  private readonly day: Float64Array;
  private readonly night: Float64Array | null;
  private readonly n: number = 0;
  private readonly city: City;
  private readonly luW: Float64Array;
  private readonly only: 0 | 1 | 2 = 0;
  private readonly pop: 'none' | 'day' | 'night' | 'byHour';
  /** Calibrated weights per cell (`weights.cells`, the floor elsewhere), or null: land use x population. */
  private readonly cellW: Float64Array | null;
  /** Cells outside an imported district weigh nothing. */
  private readonly outside: boolean;

  constructor(city: City, et: EventType) {
    const w = et.weights;
    this.city = city;
    this.luW = Float64Array.from(LAND_USES, (lu) => w.landUse?.[lu] ?? 1);
    this.only = w.only === 'lowLying' ? 1 : w.only === 'station' ? 2 : 0;
    this.pop = w.population;
    this.n = city.nCells;
    this.outside = city.irregular;
    if (w.cells) {
      const cw = new Float64Array(city.nCells).fill(w.cells.floor);
      for (const [cell, x] of w.cells.weights) if (cell < cw.length) cw[cell] = x;
      this.cellW = cw;
    } else this.cellW = null;
    const build = (pop: 'none' | 'day' | 'night'): Float64Array => {
      const n = city.nCells;
      const ends = new Float64Array(Math.ceil(n / BLOCK));
      let acc = 0;
      for (let i = 0; i < n; i++) {
        acc += this.weight(i, pop);
        if (i % BLOCK === BLOCK - 1 || i === n - 1) ends[(i / BLOCK) | 0] = acc;
      }
      if (!(acc > 0) && et.ratePerDay > 0) {
        throw new Error(
          `event type ${et.id}: no cell can host it (all weights are zero) / 事件类型 ${et.id} 没有可发生的单元网格`,
        );
      }
      return ends;
    };
    if (w.population === 'byHour') {
      this.day = build('day');
      this.night = build('night');
    } else {
      this.day = build(w.population);
      this.night = null;
    }
  }

  /** Weight of cell i: land use x population (or the calibrated cell weight), zero outside the type's `only` cells and outside the city. */
  private weight(i: number, pop: 'none' | 'day' | 'night'): number {
    const c = this.city;
    if (this.outside && c.cellGrid[i] < 0) return 0;
    let x: number;
    if (this.cellW !== null) x = this.cellW[i];
    else {
      x = this.luW[c.landUse[i]];
      if (pop === 'day') x *= c.dayPop[i];
      else if (pop === 'night') x *= c.nightPop[i];
    }
    if (this.only === 1 && !c.lowLying[i]) x = 0;
    if (this.only === 2 && c.station[i] < 0) x = 0;
    return x;
  }

  /** Draw a cell for a case occurring at time t (seconds). Single-cell cities draw nothing. */
  sample(t: number, s: Stream): number {
    if (this.n === 1) return 0;
    let ends = this.day;
    let pop: 'none' | 'day' | 'night' = this.pop === 'byHour' ? 'day' : this.pop;
    if (this.night) {
      const hod = Math.floor(t / HOUR_S) % 24;
      if (hod < 7 || hod >= 19) {
        ends = this.night;
        pop = 'night';
      }
    }
    const nb = ends.length;
    const u = s.uniform() * ends[nb - 1];
    // the first block whose running total exceeds u (the last block if none)
    let lo = 0,
      hi = nb - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    // inside it, the first cell whose running total exceeds u (the last cell if none)
    let acc = lo > 0 ? ends[lo - 1] : 0;
    const last = this.n - 1;
    for (let i = lo * BLOCK; i < last; i++) {
      acc += this.weight(i, pop);
      if (acc > u) return i;
    }
    return last;
  }
}
