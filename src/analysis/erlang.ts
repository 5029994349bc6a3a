/**
 * Queueing theory the simulation is checked against, and the textbook
 * staffing estimate planners know.
 *
 * M/M/c: Poisson arrivals at rate lambda, c servers each serving at rate mu
 * (exponential times), first come first served. With offered load a =
 * lambda/mu and utilisation rho = a/c < 1, Erlang's C formula gives the
 * probability that an arrival has to wait,
 *
 *   C(c, a) = (a^c / c!) / ((1 - rho) * sum_{k<c} a^k/k! + a^c/c!),
 *
 * and the mean wait in queue Wq = C / (c*mu - lambda). Little's law,
 * L = lambda * W, holds for any stable queue. The sums are computed with the
 * Erlang B recursion, which is stable for large c.
 */

/** Erlang B blocking probability by the recursion B(0)=1, B(k)=aB/(k+aB). */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Probability of waiting in M/M/c (Erlang C); 1 when the queue is unstable. */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  const b = erlangB(c, a);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

export interface MmcMetrics {
  rho: number;
  pWait: number;
  /** Mean wait in queue, in the time unit of 1/lambda. */
  wq: number;
  /** Mean time in system. */
  w: number;
  /** Mean number waiting and in system. */
  lq: number;
  l: number;
}

/** M/M/c steady-state figures; rates per the same time unit. */
export function mmc(lambda: number, mu: number, c: number): MmcMetrics {
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= 1) return { rho, pWait: 1, wq: Infinity, w: Infinity, lq: Infinity, l: Infinity };
  const pWait = erlangC(c, a);
  const wq = pWait / (c * mu - lambda);
  const w = wq + 1 / mu;
  return { rho, pWait, wq, w, lq: lambda * wq, l: lambda * w };
}

/** Fewest servers such that P(wait) <= maxPWait (at least enough for rho < 1). */
export function staffForPWait(lambda: number, mu: number, maxPWait: number): number {
  const a = lambda / mu;
  let c = Math.max(1, Math.floor(a) + 1);
  while (erlangC(c, a) > maxPWait) c++;
  return c;
}

/**
 * M/M/c service level: the share of arrivals that wait at most `t` before a
 * server takes them, 1 − C(c, a)·exp(−(cμ − λ)·t) (0 when unstable).
 * Rates and t in one time unit.
 */
export function serviceLevel(lambda: number, mu: number, c: number, t: number): number {
  if (lambda <= 0) return 1;
  if (c <= 0) return 0;
  const a = lambda / mu;
  if (a >= c) return 0;
  return 1 - erlangC(c, a) * Math.exp(-(c * mu - lambda) * t);
}

/** Fewest servers such that at least `level` of arrivals wait at most `t` (0 when there are no arrivals). */
export function staffForServiceLevel(lambda: number, mu: number, t: number, level: number): number {
  if (lambda <= 0) return 0;
  if (!(level < 1)) throw new RangeError('staffForServiceLevel: level must be below 1');
  let c = Math.max(1, Math.floor(lambda / mu) + 1);
  while (serviceLevel(lambda, mu, c, t) < level) c++;
  return c;
}
