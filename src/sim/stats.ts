/**
 * Streaming statistics with bounded memory.
 *
 * Two kinds of measurement, as in every simulation textbook:
 * - a *tally* collects observations (one wait per case): count, sum and a
 *   fixed histogram from which quantiles are read. Bins follow the binary
 *   representation of the value: each power of two from 1 s to 2^24 s
 *   (194 days) is cut into 64 equal bins, read straight from the exponent
 *   and the top six mantissa bits (no logarithm, so cheap and exactly
 *   reproducible). A bin is at most 1/64 = 1.6% of its value wide, so
 *   quantiles are within that, whatever the number of cases; exact zeros
 *   and values under 1 s are counted apart.
 * - a *level* is a quantity that holds between changes (queue length, staff
 *   busy). Its time-weighted average is the integral of the level over time
 *   divided by the time. `HourlyLevel` keeps that integral split into the 24
 *   hours of the day, so the same object answers "average backlog" and
 *   "average backlog at 03:00".
 */
const SUB = 64; // bins per power of two
const OCTAVES = 24;
const NBINS = SUB * OCTAVES;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // little-endian: [lo, hi]

/** Lower edge of bin b plus `frac` of its width. */
function binValue(b: number, frac: number): number {
  const e = Math.floor(b / SUB),
    m = b - e * SUB;
  u32[1] = (e + 1023) << 20; // 2^e, built from its bits
  u32[0] = 0;
  return f64[0] * (1 + (m + frac) / SUB);
}

export class Tally {
  n = 0;
  sum = 0;
  zeros = 0;
  /** Observations below 1 s (but above 0), kept apart from the log bins. */
  small = 0;
  over = 0;
  max = 0;
  readonly bins = new Float64Array(NBINS);

  add(x: number): void {
    this.n++;
    this.sum += x;
    if (x > this.max) this.max = x;
    if (x <= 0) {
      this.zeros++;
    } else if (x < 1) {
      this.small++;
    } else {
      // the bin of x >= 1: (exponent) * 64 + top six mantissa bits, written here rather than as a function
      // (V8 kept that a call, four times per closed case: -90 instructions per case)
      f64[0] = x;
      const hi = u32[1];
      const b = ((hi >>> 20) - 1023) * SUB + ((hi >>> 14) & (SUB - 1));
      if (b < NBINS) this.bins[b]++;
      else this.over++;
    }
  }

  mean(): number | null {
    return this.n > 0 ? this.sum / this.n : null;
  }

  /** Add another tally's observations (same bins): how the all-types figures are formed. */
  merge(o: Tally): this {
    this.n += o.n;
    this.sum += o.sum;
    this.zeros += o.zeros;
    this.small += o.small;
    this.over += o.over;
    if (o.max > this.max) this.max = o.max;
    for (let b = 0; b < NBINS; b++) this.bins[b] += o.bins[b];
    return this;
  }

  /** All observations of several tallies. */
  static merged(ts: Tally[]): Tally {
    const m = new Tally();
    for (const t of ts) m.merge(t);
    return m;
  }

  /** The q-quantile (0 < q < 1), interpolated linearly inside its bin. */
  quantile(q: number): number | null {
    if (this.n === 0) return null;
    const target = q * this.n;
    let cum = this.zeros;
    if (cum >= target) return 0;
    cum += this.small;
    if (cum >= target) return 0.5;
    for (let b = 0; b < NBINS; b++) {
      const c = this.bins[b];
      if (c === 0) continue;
      if (cum + c >= target) {
        const frac = (target - cum) / c;
        return binValue(b, frac);
      }
      cum += c;
    }
    return this.max;
  }
}

const HOUR_S = 3600;

/** A level integrated over time, split by hour of day, counting only inside [fromS, toS). */
export class HourlyLevel {
  // every field starts as a number (engine.ts: a bare declaration would make lastS a heap number per change)
  level = 0;
  private lastS = 0;
  readonly byHour = new Float64Array(24);
  private readonly fromS: number = 0;
  private readonly toS: number = 0;

  /** End of the hour holding lastS, and that hour's slot: the common case (no hour boundary crossed) needs no division. */
  private hourEndS = 0;
  private slot = 0;

  constructor(fromS: number, toS = Infinity) {
    this.fromS = fromS;
    this.toS = toS;
    this.lastS = fromS;
    const h = Math.floor(fromS / HOUR_S);
    this.hourEndS = (h + 1) * HOUR_S;
    this.slot = h % 24;
  }

  /** Accumulate up to `nowS`, then change the level by `delta`. */
  add(nowS: number, delta: number): void {
    const t = this.lastS;
    if (nowS > t) {
      // the common case inline: still inside the hour of the last change, before the end of the count
      if (nowS <= this.hourEndS && nowS <= this.toS) {
        const lvl = this.level;
        if (lvl !== 0) this.byHour[this.slot] += lvl * (nowS - t);
        this.lastS = nowS;
      } else this.advance(nowS);
    }
    this.level += delta;
  }

  /** Accumulate the current level up to `nowS`. */
  advance(nowS: number): void {
    if (nowS > this.toS) nowS = this.toS;
    let t = this.lastS;
    if (nowS <= t) return;
    const lvl = this.level;
    if (nowS <= this.hourEndS) {
      if (lvl !== 0) this.byHour[this.slot] += lvl * (nowS - t);
      this.lastS = nowS;
      return;
    }
    const byHour = this.byHour;
    let hourIdx = Math.floor(t / HOUR_S);
    let hourEnd = (hourIdx + 1) * HOUR_S;
    while (hourEnd < nowS) {
      if (lvl !== 0) byHour[hourIdx % 24] += lvl * (hourEnd - t);
      t = hourEnd;
      hourIdx++;
      hourEnd += HOUR_S;
    }
    if (lvl !== 0) byHour[hourIdx % 24] += lvl * (nowS - t);
    this.lastS = nowS;
    this.hourEndS = hourEnd;
    this.slot = hourIdx % 24;
  }

  total(): number {
    let s = 0;
    for (let h = 0; h < 24; h++) s += this.byHour[h];
    return s;
  }

  /**
   * The total as of `nowS`: what total() will hold once the count reaches nowS (the current level carried from the
   * last change, within [fromS, toS]). Changes nothing, so a snapshot in the middle of a run (snapshot.ts) reads it
   * without moving the final sums by a rounding: total() alone lags behind by however long the level has not
   * changed (on-duty staff between shift changes: hours).
   */
  totalAt(nowS: number): number {
    const to = nowS < this.toS ? nowS : this.toS;
    return this.total() + (to > this.lastS ? this.level * (to - this.lastS) : 0);
  }
}

/** Seconds of each hour of day covered by [fromS, toS). */
export function hourExposure(fromS: number, toS: number): Float64Array {
  const out = new Float64Array(24);
  let t = fromS;
  while (t < toS) {
    const h = Math.floor(t / HOUR_S);
    const end = Math.min((h + 1) * HOUR_S, toS);
    out[h % 24] += end - t;
    t = end;
  }
  return out;
}
