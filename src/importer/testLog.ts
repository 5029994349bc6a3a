/**
 * Test data for the calibration: a small imported district (10 × 10 cells of 100 m, the first column outside,
 * two grids) placed at Shanghai, on the toy district's teams and types, and a seeded generator of case logs
 * from known parameters (rate per type, a 24-hour profile, a weekday factor, hot-spot cells, lognormal or
 * exponential handling). Used by the tests only (no production code imports it).
 */
import { Scenario } from '../scenario/schema.ts';
import { encodeRuns } from '../scenario/runs.ts';
import { toyDistrict } from '../sim/fixtures.ts';
import { toLonLat } from './project.ts';

export const GEO = { originLon: 121.4, originLat: 31.25, projection: 'equirectangular' as const, lat0: 31.245 };
export const COLS = 10;
export const ROWS = 10;

/** Grid of each cell: column 0 outside (-1), columns 1–5 grid 0 ("G-W"), 6–9 grid 1 ("G-E"). */
export const CELL_GRID = Array.from({ length: COLS * ROWS }, (_, i) => (i % COLS === 0 ? -1 : i % COLS <= 5 ? 0 : 1));
export const INSIDE = CELL_GRID.flatMap((g, i) => (g >= 0 ? [i] : []));

export function district(): Scenario {
  const toy = toyDistrict();
  return Scenario.parse({
    ...toy,
    id: 'calib-test',
    run: { days: 1, warmupHours: 6, seed: 3 },
    city: {
      cols: COLS,
      rows: ROWS,
      gridSize: 5,
      cellSizeM: 100,
      layout: { grids: [{ code: 'G-W' }, { code: 'G-E' }], grid: encodeRuns(CELL_GRID) },
      geo: { ...GEO, utcOffsetMin: 480 },
    },
  });
}

/** mulberry32: a tiny seeded generator for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(u: () => number, mean: number): number {
  // sums of exponential gaps (means here are at most a few tens)
  let k = 0,
    t = -Math.log(1 - u());
  while (t < mean) {
    k++;
    t += -Math.log(1 - u());
  }
  return k;
}

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

export interface TypeSpec {
  type: string;
  ratePerDay: number;
  /** 24 weights (mean need not be 1). */
  profile: number[];
  /** Rate factor by weekday (0 = Monday); all 1 when left out. */
  weekday?: number[];
  /** [cell, share] hot spots; the rest of the cases fall uniformly on the district's cells. */
  hot: [number, number][];
  handling: { dist: 'lognormal'; mean: number; sd: number } | { dist: 'exponential'; mean: number };
}

/** Local time `ms` at `offsetMin` as ISO 8601 with the offset, to the second. */
export function iso(ms: number, offsetMin = 480): string {
  const s = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
  const a = Math.abs(offsetMin);
  return `${s}${offsetMin < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

export interface GeneratedCase {
  type: string;
  /** Seconds from local midnight of the first day. */
  t: number;
  cell: number;
  handlingS: number;
}

/** Cases of `days` days from `startDate` (a local date at +08:00), by the specs. */
export function generate(specs: TypeSpec[], days: number, startDate: string, seed: number): GeneratedCase[] {
  const u = rng(seed);
  const out: GeneratedCase[] = [];
  const dow0 = (new Date(`${startDate}T00:00:00Z`).getUTCDay() + 6) % 7;
  for (const s of specs) {
    const mean = s.profile.reduce((a, b) => a + b, 0) / 24;
    const wmean = s.weekday ? s.weekday.reduce((a, b) => a + b, 0) / 7 : 1;
    for (let d = 0; d < days; d++) {
      const wf = s.weekday ? s.weekday[(dow0 + d) % 7] / wmean : 1;
      for (let h = 0; h < 24; h++) {
        const k = poisson(u, ((s.ratePerDay / 24) * s.profile[h] * wf) / mean);
        for (let i = 0; i < k; i++) {
          const t = Math.floor((d * 24 + h + u()) * 3600);
          let x = u(),
            cell = INSIDE[Math.floor(u() * INSIDE.length)];
          for (const [c, share] of s.hot) {
            if (x < share) {
              cell = c;
              break;
            }
            x -= share;
          }
          let handlingS: number;
          if (s.handling.dist === 'exponential') handlingS = -Math.log(1 - u()) * s.handling.mean * 60;
          else {
            const s2 = Math.log(1 + (s.handling.sd / s.handling.mean) ** 2);
            handlingS = Math.exp(Math.log(s.handling.mean) - s2 / 2 + Math.sqrt(s2) * normal(u)) * 60;
          }
          out.push({ type: s.type, t, cell, handlingS: Math.max(1, Math.round(handlingS)) });
        }
      }
    }
  }
  return out.sort((a, b) => a.t - b.t);
}

/** The cases as a CSV log (header first), each point somewhere inside its cell. */
export function toCsvLog(cases: GeneratedCase[], startDate: string, seed = 9): string {
  const u = rng(seed);
  const t0 = Date.parse(`${startDate}T00:00:00+08:00`);
  const lines = ['id,type,reportedAt,lon,lat,gridCode,onSceneAt,handledAt'];
  cases.forEach((c, i) => {
    const { lon, lat } = toLonLat(
      GEO,
      ((c.cell % COLS) + 0.1 + 0.8 * u()) * 100,
      (Math.floor(c.cell / COLS) + 0.1 + 0.8 * u()) * 100,
    );
    const rep = t0 + c.t * 1000;
    const on = rep + 20 * 60_000;
    lines.push(
      [
        `c${i}`,
        c.type,
        iso(rep),
        lon.toFixed(7),
        lat.toFixed(7),
        CELL_GRID[c.cell] === 0 ? 'G-W' : 'G-E',
        iso(on),
        iso(on + c.handlingS * 1000),
      ].join(','),
    );
  });
  return lines.join('\n') + '\n';
}
