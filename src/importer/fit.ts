/**
 * Handling-time distributions fitted to a case log's durations (minutes, onSceneAt → handledAt).
 *
 * Three families by maximum likelihood:
 * - exponential: mean = the sample mean (1 parameter);
 * - lognormal: μ, σ² = mean and (1/n) variance of ln x (2 parameters); written as the scenario's
 *   `{ mean: e^(μ+σ²/2), sd: mean·√(e^σ² − 1) }`;
 * - gamma: shape k solving ln k − ψ(k) = ln x̄ − mean(ln x) by Newton's method from Minka's closed-form start,
 *   scale x̄ / k (2 parameters); written as `{ mean: x̄, shape: k }` (k kept within the schema's 0.01–10,000).
 * Chosen by AIC = 2p − 2 ln L; when several families are within 2 AIC units of the best, the one with fewer
 * parameters is taken (Burnham & Anderson: a difference under 2 is no real support for the larger model), so
 * exponential data is not handed a gamma of shape ≈ 1 on a lucky draw.
 *
 * Goodness of fit per family: the Kolmogorov–Smirnov statistic D = sup |Fₙ − F| (parameters estimated from the
 * same data, so read it as a distance, not a test) and Q-Q points at 1 … 99 % (observed quantiles by linear
 * interpolation between order statistics, fitted by each family's quantile function).
 *
 * Special functions (ln Γ by Lanczos, ψ and ψ′ by recurrence and asymptotic series, the regularized incomplete
 * gamma by series or continued fraction, the normal CDF and quantile) are written here: this is floor-1 code
 * that may use Math.log/exp (the engine, which may not, only samples the result). Pure.
 */
import type { Dist } from '../scenario/schema.ts';

export type Family = 'exponential' | 'lognormal' | 'gamma';
export const FAMILIES: readonly Family[] = ['exponential', 'lognormal', 'gamma'];

export interface FamilyFit {
  family: Family;
  /** Natural parameters: exponential {mean}; lognormal {mu, sigma} (of ln minutes); gamma {shape, scale}. */
  params: Record<string, number>;
  /** Number of fitted parameters. */
  k: number;
  logLik: number;
  aic: number;
  /** AIC minus the smallest AIC of the three. */
  deltaAic: number;
  /** Kolmogorov–Smirnov distance between the sample and the fitted CDF. */
  ks: number;
  /** The scenario's distribution (minutes). */
  dist: Dist;
}

export interface QqPoint {
  /** Probability, 0.01 … 0.99. */
  p: number;
  observed: number;
  fitted: Record<Family, number>;
}

export interface HandlingFit {
  n: number;
  mean: number;
  median: number;
  sd: number;
  fits: FamilyFit[];
  chosen: Family;
  qq: QqPoint[];
}

/** AIC units within which the simpler family is preferred. */
export const AIC_TOLERANCE = 2;

// ---------------------------------------------------------------------------
// Special functions

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x), x > 0 (Lanczos, g = 7; ~15 digits). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  x -= 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Digamma ψ(x), x > 0. */
export function digamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

/** Trigamma ψ′(x), x > 0. */
export function trigamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r += 1 / (x * x);
    x += 1;
  }
  const f = 1 / (x * x);
  return r + 1 / x + f / 2 + (f / x) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}

/** Regularized lower incomplete gamma P(a, x). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lead = a * Math.log(x) - x - lgamma(a);
  if (x < a + 1) {
    let sum = 1 / a,
      term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.min(1, sum * Math.exp(lead));
  }
  return Math.max(0, 1 - gammaQcf(a, x, lead));
}

/** Upper regularized incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the far tail too (p-values). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < a + 1) return 1 - gammaP(a, x);
  return gammaQcf(a, x, a * Math.log(x) - x - lgamma(a));
}

/** Q(a, x) by Lentz's continued fraction (x ≥ a + 1). */
function gammaQcf(a: number, x: number, lead: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a,
    c = 1 / tiny,
    d = 1 / b,
    h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(lead) * h;
}

/** Upper tail of the chi-square distribution with `df` degrees of freedom at `x`. */
export function chiSquareSf(x: number, df: number): number {
  return df <= 0 ? 1 : gammaQ(df / 2, x / 2);
}

/** erfc by the Numerical Recipes Chebyshev fit (relative error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Standard normal quantile (Acklam's rational approximation, then one Halley step). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else {
    const q = p - 0.5,
      r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Quantile of Gamma(shape a, scale 1): Wilson–Hilferty start, then safeguarded Newton on P(a, x) = p. */
export function gammaQuantile(p: number, a: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return Infinity;
  const z = normalQuantile(p);
  let x = a * Math.pow(Math.max(1e-3, 1 - 1 / (9 * a) + z / (3 * Math.sqrt(a))), 3);
  if (!(x > 0)) x = Math.pow(p * Math.exp(lgamma(a + 1)), 1 / a);
  let lo = 0,
    hi = Infinity;
  for (let i = 0; i < 100; i++) {
    const f = gammaP(a, x) - p;
    if (f > 0) hi = Math.min(hi, x);
    else lo = Math.max(lo, x);
    const pdf = Math.exp((a - 1) * Math.log(x) - x - lgamma(a));
    let next = pdf > 0 ? x - f / pdf : NaN;
    if (!(next > lo && next < hi)) next = hi === Infinity ? Math.max(2 * x, lo + 1) : (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-12 * Math.max(1, x)) return next;
    x = next;
  }
  return x;
}

// ---------------------------------------------------------------------------
// Fits

function cdf(f: FamilyFit, x: number): number {
  if (x <= 0) return 0;
  const p = f.params;
  if (f.family === 'exponential') return 1 - Math.exp(-x / p.mean);
  if (f.family === 'lognormal') return normalCdf((Math.log(x) - p.mu) / p.sigma);
  return gammaP(p.shape, x / p.scale);
}

export function quantile(f: FamilyFit, q: number): number {
  const p = f.params;
  if (f.family === 'exponential') return -p.mean * Math.log(1 - q);
  if (f.family === 'lognormal') return Math.exp(p.mu + p.sigma * normalQuantile(q));
  return p.scale * gammaQuantile(q, p.shape);
}

const round = (x: number, digits = 6) => Number(x.toPrecision(digits));

/** Sample quantile by linear interpolation between order statistics (type 7). */
export function sampleQuantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

/** Gamma shape by maximum likelihood: ln k − ψ(k) = s (s > 0). */
export function gammaShapeMle(s: number): number {
  let k = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
  for (let i = 0; i < 100; i++) {
    const f = Math.log(k) - digamma(k) - s;
    const step = f / (1 / k - trigamma(k));
    let next = k - step;
    if (!(next > 0)) next = k / 2;
    if (Math.abs(next - k) < 1e-12 * k) return next;
    k = next;
  }
  return k;
}

/**
 * Fit the three families to positive durations (minutes) and choose one. `xs` must hold at least two distinct
 * positive values.
 */
export function fitHandling(xs: readonly number[], shapeMin = 0.01, shapeMax = 10_000): HandlingFit {
  const n = xs.length;
  const sorted = [...xs].sort((a, b) => a - b);
  let sum = 0,
    sumLog = 0;
  for (const x of xs) {
    sum += x;
    sumLog += Math.log(x);
  }
  const mean = sum / n,
    meanLog = sumLog / n;
  let ss = 0,
    ssLog = 0;
  for (const x of xs) {
    ss += (x - mean) ** 2;
    ssLog += (Math.log(x) - meanLog) ** 2;
  }
  const sd = Math.sqrt(ss / Math.max(1, n - 1));

  // exponential
  const llExp = -n * Math.log(mean) - n;
  // lognormal
  const s2 = ssLog / n,
    sigma = Math.sqrt(s2);
  const llLn = -sumLog - (n / 2) * Math.log(2 * Math.PI * s2) - n / 2;
  const lnMean = Math.exp(meanLog + s2 / 2);
  // gamma
  const shape = Math.min(shapeMax, Math.max(shapeMin, gammaShapeMle(Math.log(mean) - meanLog)));
  const scale = mean / shape;
  const llGamma = (shape - 1) * sumLog - sum / scale - n * shape * Math.log(scale) - n * lgamma(shape);

  const raw: Omit<FamilyFit, 'deltaAic' | 'ks'>[] = [
    {
      family: 'exponential',
      params: { mean },
      k: 1,
      logLik: llExp,
      aic: 2 - 2 * llExp,
      dist: { dist: 'exponential', mean: round(mean) },
    },
    {
      family: 'lognormal',
      params: { mu: meanLog, sigma },
      k: 2,
      logLik: llLn,
      aic: 4 - 2 * llLn,
      dist: { dist: 'lognormal', mean: round(lnMean), sd: round(lnMean * Math.sqrt(Math.exp(s2) - 1)) },
    },
    {
      family: 'gamma',
      params: { shape, scale },
      k: 2,
      logLik: llGamma,
      aic: 4 - 2 * llGamma,
      dist: { dist: 'gamma', mean: round(mean), shape: round(shape) },
    },
  ];
  const best = Math.min(...raw.map((f) => f.aic));
  const fits: FamilyFit[] = raw.map((f) => {
    const fit = { ...f, deltaAic: f.aic - best, ks: 0 };
    let d = 0;
    sorted.forEach((x, i) => {
      const F = cdf(fit, x);
      d = Math.max(d, (i + 1) / n - F, F - i / n);
    });
    fit.ks = d;
    return fit;
  });
  const near = fits.filter((f) => f.deltaAic <= AIC_TOLERANCE);
  const minK = Math.min(...near.map((f) => f.k));
  const chosen = near.filter((f) => f.k === minK).sort((a, b) => a.aic - b.aic)[0].family;
  const qq: QqPoint[] = [];
  for (let i = 1; i <= 99; i++) {
    const p = i / 100;
    const fitted = {} as Record<Family, number>;
    for (const f of fits) fitted[f.family] = quantile(f, p);
    qq.push({ p, observed: sampleQuantile(sorted, p), fitted });
  }
  return { n, mean, median: sampleQuantile(sorted, 0.5), sd, fits, chosen, qq };
}
