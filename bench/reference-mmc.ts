/**
 * The reference M/M/c: the smallest fast loop we know how to write.
 *
 * Poisson arrivals at rate λ, c identical servers, exponential service at
 * rate μ each, one FIFO queue. The future-event list is a binary min-heap
 * over a Float64Array of times with a sequence number as tiebreak (the same
 * ordering rule as the engine), the queue is a ring buffer of arrival times,
 * and randomness is the engine's: pure-rand xoroshiro128+ with uniformFloat64,
 * arrivals and service times on separate (jumped) substreams.
 *
 * `npm run bench` compares the engine against this loop on the same model; it
 * is the ceiling a general engine can approach, not a competitor. The same
 * module gives Erlang C's closed-form mean wait, so the loop itself can be
 * checked against theory before its speed means anything.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

export interface MmcParams {
  /** Arrivals per second. */
  lambdaPerS: number;
  /** Mean service time per case, seconds. */
  meanServiceS: number;
  /** Servers. */
  c: number;
  /** Arrivals stop at this time (seconds); the run continues until every case is served. */
  horizonS: number;
  seed: number;
}

export interface MmcResult {
  /** Cases that arrived before the horizon. */
  cases: number;
  /** Mean time from arrival to service start over all cases. */
  meanWaitS: number;
  /** Events processed (arrivals + departures). */
  events: number;
}

const ARRIVAL = 0;
const DEPARTURE = 1;

/** Erlang C: the stationary mean wait in queue of M/M/c (Wq), seconds. Infinity when ρ >= 1. */
export function erlangCWaitS(lambdaPerS: number, meanServiceS: number, c: number): number {
  const a = lambdaPerS * meanServiceS; // offered load in Erlangs
  const rho = a / c;
  if (rho >= 1) return Infinity;
  let b = 1; // Erlang B by the stable recursion B(k) = a B(k-1) / (k + a B(k-1))
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const pWait = b / (1 - rho * (1 - b));
  return (pWait * meanServiceS) / (c - a);
}

export function runReferenceMmc(p: MmcParams): MmcResult {
  const arrivals = xoroshiro128plus(p.seed | 0);
  const service = arrivals.clone();
  service.jump();
  const meanIa = 1 / p.lambdaPerS;
  const meanSv = p.meanServiceS;

  // Heap: times, sequence numbers, kinds. Pending events never exceed c + 1.
  let cap = 1024;
  let ht = new Float64Array(cap);
  let hs = new Float64Array(cap);
  let hk = new Uint8Array(cap);
  let size = 0;
  let seq = 0;

  const push = (time: number, kind: number): void => {
    if (size === cap) {
      cap *= 2;
      const t = new Float64Array(cap);
      t.set(ht);
      ht = t;
      const s = new Float64Array(cap);
      s.set(hs);
      hs = s;
      const k = new Uint8Array(cap);
      k.set(hk);
      hk = k;
    }
    const sq = seq++;
    let i = size++;
    while (i > 0) {
      const par = (i - 1) >> 1;
      const pt = ht[par];
      if (pt < time || (pt === time && hs[par] < sq)) break;
      ht[i] = pt;
      hs[i] = hs[par];
      hk[i] = hk[par];
      i = par;
    }
    ht[i] = time;
    hs[i] = sq;
    hk[i] = kind;
  };

  let popTime = 0;
  const pop = (): number => {
    popTime = ht[0];
    const kind = hk[0];
    const n = --size;
    if (n > 0) {
      const t = ht[n],
        s = hs[n],
        k = hk[n];
      let i = 0;
      for (;;) {
        let ch = 2 * i + 1;
        if (ch >= n) break;
        const r = ch + 1;
        if (r < n && (ht[r] < ht[ch] || (ht[r] === ht[ch] && hs[r] < hs[ch]))) ch = r;
        if (t < ht[ch] || (t === ht[ch] && s < hs[ch])) break;
        ht[i] = ht[ch];
        hs[i] = hs[ch];
        hk[i] = hk[ch];
        i = ch;
      }
      ht[i] = t;
      hs[i] = s;
      hk[i] = k;
    }
    return kind;
  };

  // FIFO ring buffer of arrival times; capacity a power of two, doubled when full.
  let qcap = 1024;
  let q = new Float64Array(qcap);
  let qhead = 0;
  let qlen = 0;

  let busy = 0;
  let cases = 0;
  let waitSum = 0;
  let events = 0;

  const first = -Math.log(1 - uniformFloat64(arrivals)) * meanIa;
  if (first < p.horizonS) push(first, ARRIVAL);

  while (size > 0) {
    const kind = pop();
    const now = popTime;
    events++;
    if (kind === ARRIVAL) {
      cases++;
      const nextT = now - Math.log(1 - uniformFloat64(arrivals)) * meanIa;
      if (nextT < p.horizonS) push(nextT, ARRIVAL);
      if (busy < p.c) {
        busy++;
        push(now - Math.log(1 - uniformFloat64(service)) * meanSv, DEPARTURE);
      } else {
        if (qlen === qcap) {
          const nq = new Float64Array(qcap * 2);
          for (let j = 0; j < qlen; j++) nq[j] = q[(qhead + j) & (qcap - 1)];
          q = nq;
          qhead = 0;
          qcap *= 2;
        }
        q[(qhead + qlen) & (qcap - 1)] = now;
        qlen++;
      }
    } else if (qlen > 0) {
      const arrivedAt = q[qhead];
      qhead = (qhead + 1) & (qcap - 1);
      qlen--;
      waitSum += now - arrivedAt;
      push(now - Math.log(1 - uniformFloat64(service)) * meanSv, DEPARTURE);
    } else {
      busy--;
    }
  }
  return { cases, meanWaitS: cases > 0 ? waitSum / cases : 0, events };
}
