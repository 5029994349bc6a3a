/**
 * Seeded randomness, split into independent substreams.
 *
 * One seed makes one xoroshiro128+ generator (pure-rand). Each source of
 * randomness gets its own substream: a copy of that generator moved forward
 * by `jump()` (2^64 steps) once more than the previous one, so streams never
 * overlap. Streams are numbered by *what they are for*, not by the order in
 * which the engine happens to need them: event type i always draws its
 * arrivals from stream ARRIVALS_BASE + 2i and its case attributes (place,
 * channel, handling time, centre delays) from ARRIVALS_BASE + 2i + 1.
 *
 * That is what gives common random numbers: two variants of a scenario that
 * differ only in staffing consume these streams identically, so they see the
 * very same cases at the very same places and times, and their difference
 * is the policy's effect alone.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import type { Dist } from '../scenario/schema.ts';
import { dlog, dexp } from './detmath.ts';

/** Fixed substream numbers. Event types use ARRIVALS_BASE + 2i (+1). */
export const STREAM = {
  travel: 0,
  patrol: 1,
  passengers: 2,
  centre: 3,
  city: 4,
  weather: 5,
  crowd: 6,
  ARRIVALS_BASE: 16,
  /** Station i: passenger arrivals PASSENGERS_BASE + 2i, security-check times + 2i + 1. */
  PASSENGERS_BASE: 512,
} as const;

/*
 * Exponential variates by Marsaglia and Tsang's ziggurat (2000): 256 layers
 * of equal area under e^-x; about 99% of draws are one 32-bit integer, one
 * table comparison and one multiplication, with no logarithm. The tables are
 * built once from dexp/dlog, so they are the same bits on every machine.
 */
const ZIG_R = 7.697117470131487;
const ZIG_V = 3.949659822581572e-3;
const M2 = 4294967296;
const ke = new Float64Array(256),
  we = new Float64Array(256),
  fe = new Float64Array(256);
{
  let de = ZIG_R,
    tde = de;
  const q = ZIG_V / dexp(-de);
  ke[0] = (de / q) * M2;
  ke[1] = 0;
  we[0] = q / M2;
  we[255] = de / M2;
  fe[0] = 1;
  fe[255] = dexp(-de);
  for (let i = 254; i >= 1; i--) {
    de = -dlog(ZIG_V / de + dexp(-de));
    ke[i + 1] = (de / tde) * M2;
    tde = de;
    fe[i] = dexp(-de);
    we[i] = de / M2;
  }
}

export class Stream {
  private readonly g: JumpableRandomGenerator;
  constructor(g: JumpableRandomGenerator) {
    this.g = g;
  }
  /** Standard exponential (mean 1), by the ziggurat. */
  stdExp(): number {
    let jz = this.g.next() >>> 0;
    let iz = jz & 255;
    if (jz < ke[iz]) return jz * we[iz];
    for (;;) {
      if (iz === 0) return ZIG_R - dlog(1 - uniformFloat64(this.g));
      const x = jz * we[iz];
      if (fe[iz] + uniformFloat64(this.g) * (fe[iz - 1] - fe[iz]) < dexp(-x)) return x;
      jz = this.g.next() >>> 0;
      iz = jz & 255;
      if (jz < ke[iz]) return jz * we[iz];
    }
  }
  /** Uniform in [0, 1), 53 bits. */
  uniform(): number {
    return uniformFloat64(this.g);
  }
  /** Exponential with the given mean. */
  exp(mean: number): number {
    return this.stdExp() * mean;
  }
  /** Standard normal (Marsaglia's polar method: no trigonometry, so no platform-dependent bits). */
  normal(): number {
    for (;;) {
      const u = 2 * uniformFloat64(this.g) - 1;
      const v = 2 * uniformFloat64(this.g) - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * dlog(s)) / s);
    }
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(uniformFloat64(this.g) * n);
  }
}

/** Lazily built substreams of one seed. */
export class StreamSet {
  private readonly root: JumpableRandomGenerator;
  private readonly cache = new Map<number, Stream>();
  private cursor: JumpableRandomGenerator;
  private cursorIndex = -1;

  constructor(seed: number) {
    this.root = xoroshiro128plus(seed | 0);
    this.cursor = this.root.clone();
  }

  /** Substream `index` (0-based): the root jumped index+1 times. */
  get(index: number): Stream {
    let s = this.cache.get(index);
    if (s) return s;
    if (index <= this.cursorIndex) {
      this.cursor = this.root.clone();
      this.cursorIndex = -1;
    }
    while (this.cursorIndex < index) {
      this.cursor.jump();
      this.cursorIndex++;
    }
    s = new Stream(this.cursor.clone());
    this.cache.set(index, s);
    return s;
  }
}

/** A distribution compiled to numbers, sampled in seconds. */
export interface CompiledDist {
  kind: number; // 0 fixed, 1 exponential, 2 uniform, 3 lognormal, 4 triangular, 5 gamma
  p1: number;
  p2: number;
  p3: number;
  meanS: number;
}

/** Compile a scenario distribution given in minutes into seconds. */
export function compileDist(d: Dist): CompiledDist {
  switch (d.dist) {
    case 'fixed':
      return { kind: 0, p1: d.value * 60, p2: 0, p3: 0, meanS: d.value * 60 };
    case 'exponential':
      return { kind: 1, p1: d.mean * 60, p2: 0, p3: 0, meanS: d.mean * 60 };
    case 'uniform':
      return { kind: 2, p1: d.min * 60, p2: d.max * 60, p3: 0, meanS: ((d.min + d.max) / 2) * 60 };
    case 'lognormal': {
      const s2 = dlog(1 + (d.sd * d.sd) / (d.mean * d.mean));
      const mu = dlog(d.mean * 60) - s2 / 2;
      return { kind: 3, p1: mu, p2: Math.sqrt(s2), p3: 0, meanS: d.mean * 60 };
    }
    case 'triangular':
      return { kind: 4, p1: d.min * 60, p2: d.mode * 60, p3: d.max * 60, meanS: ((d.min + d.mode + d.max) / 3) * 60 };
    case 'gamma':
      // p1: Marsaglia–Tsang's d for shape k (k + 1 when k < 1), p2: scale in seconds, p3: 1 / k when k < 1 (the boost), else 0
      return {
        kind: 5,
        p1: (d.shape < 1 ? d.shape + 1 : d.shape) - 1 / 3,
        p2: (d.mean * 60) / d.shape,
        p3: d.shape < 1 ? 1 / d.shape : 0,
        meanS: d.mean * 60,
      };
  }
}

/**
 * Gamma(k, scale) by Marsaglia and Tsang (2000): with d = k − 1/3 and c = 1/√(9d), draw a standard normal x
 * (the stream's polar method), v = (1 + cx)³; accept d·v when u < 1 − 0.0331x⁴ (the squeeze, most draws) or
 * ln u < x²/2 + d(1 − v + ln v). For k < 1 the draw for k + 1 is boosted by U^(1/k) = exp(ln U / k).
 * Logarithms and exponentials are detmath's, so the bits are the same in every JavaScript engine.
 */
function sampleGamma(d: number, scale: number, invShape: number, s: Stream): number {
  const c = 1 / (3 * Math.sqrt(d));
  let g: number;
  for (;;) {
    const x = s.normal();
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = s.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || (u > 0 && dlog(u) < 0.5 * x2 + d * (1 - v + dlog(v)))) {
      g = d * v;
      break;
    }
  }
  if (invShape > 0) {
    const u = s.uniform();
    g *= u > 0 ? dexp(dlog(u) * invShape) : 0;
  }
  return g * scale;
}

/** Draw from a compiled distribution. Fixed values draw nothing from the stream. */
export function sample(d: CompiledDist, s: Stream): number {
  switch (d.kind) {
    case 0:
      return d.p1;
    case 1:
      return s.exp(d.p1);
    case 2:
      return d.p1 + (d.p2 - d.p1) * s.uniform();
    case 3:
      return dexp(d.p1 + d.p2 * s.normal());
    case 5:
      return sampleGamma(d.p1, d.p2, d.p3, s);
    default: {
      const a = d.p1,
        c = d.p2,
        b = d.p3;
      if (b <= a) return a;
      const u = s.uniform();
      const f = (c - a) / (b - a);
      return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
  }
}
