/**
 * Writes the synthetic sample district used by `allweather import` (README "Your own district"):
 *
 *     npx tsx scripts/sample-district.ts      # scenarios/sample-district/district.geojson and cases.csv
 *
 * SYNTHETIC: every shape, name, code and case here is generated from a fixed seed; none is a real place or a
 * real case. The district imitates a central Shanghai one near 121.40–121.45 E, 31.21–31.25 N: 2 streets north
 * and south of a river, 5 communities, ~45 responsibility grids of irregular (Voronoi) shapes — one a
 * MultiPolygon with an exclave, one with a hole holding a small park grid — the river (a water polygon) with
 * two bridges (a line and a polygon), land-use polygons, a low-lying area by the river and one metro station.
 *
 * The case log covers 60 days (2025-06-02 to 2025-07-31, +08:00) with the columns
 * id,type,reportedAt,lon,lat,gridCode,dispatchedAt,onSceneAt,handledAt,closedAt: the case-log types of the
 * baseline-weekday scenario plus one it does not know (`illegal-parking`), each with its own 24-hour profile,
 * weekday factors, spatial hot spots and lognormal handling times; road ponding only on storm days in the
 * low-lying area. A few rows are bad on purpose (an unparseable time, a point outside the district, no
 * coordinates) for the calibration report to list.
 *
 * Lives outside src/ because it writes files; run it again after changing it and commit both outputs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Delaunay } from 'd3-delaunay';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { cellOf, toLonLat, type GeoFrame } from '../src/importer/project.ts';
import { importDistrict } from '../src/importer/geojson.ts';
import { loadScenarioOrThrow } from '../src/scenario/load.ts';
import { formatErrors } from '../src/scenario/messages.ts';
import { decodeRuns } from '../src/scenario/runs.ts';
import { LAND_USES } from '../src/scenario/schema.ts';

const SEED = 20250602;
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../scenarios/sample-district');

const g = xoroshiro128plus(SEED);
const rnd = () => uniformFloat64(g);
const normal = () => {
  const u = 1 - rnd(),
    v = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};
/** A lognormal variate with the given mean and standard deviation. */
const lognormal = (mean: number, sd: number) => {
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normal());
};
const expo = (mean: number) => -mean * Math.log(1 - rnd());

// ---------------------------------------------------------------------------
// Geometry, in metres east (x) and south (y) of the frame's origin

const FRAME: GeoFrame = { originLon: 121.4, originLat: 31.245, lat0: 31.228 };
const W = 5000,
  H = 3600;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const ll = ([x, y]: number[]): Position => {
  const p = toLonLat(FRAME, x, y);
  return [r6(p.lon), r6(p.lat)];
};
/** Signed area (shoelace) in lon/lat: positive is counter-clockwise. */
const signedArea = (ring: Position[]) => {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
};
/** A closed lon/lat ring from metre points: consecutive duplicates removed, oriented CCW (outer) or CW (hole). */
function ring(points: number[][], hole = false): Position[] {
  const out: Position[] = [];
  for (const p of points) {
    const q = ll(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  out.push(out[0]);
  if (signedArea(out) > 0 === hole) out.reverse();
  return out;
}
/** A star-shaped (hence simple) polygon around (cx, cy): `n` vertices at radius r × (1 ± jitter). */
function blob(cx: number, cy: number, r: number, n = 10, jitter = 0.3, ry = r): number[][] {
  const pts: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const k = 1 + jitter * (2 * rnd() - 1);
    pts.push([cx + r * k * Math.cos(a), cy + ry * k * Math.sin(a)]);
  }
  pts.push(pts[0]);
  return pts;
}

/** The river's centre line: y of x (metres south), meandering west to east through the middle. */
const riverY = (x: number) =>
  1750 + 220 * Math.sin((2 * Math.PI * x) / 4200 + 0.6) + 60 * Math.sin((2 * Math.PI * x) / 1300);
const RIVER_HALF = 110;

// seeds of the grids: a jittered 9 x 6 lattice; the four corner seeds are dropped (an irregular outline)
const NX = 9,
  NY = 6;
const seeds: [number, number][] = [];
for (let j = 0; j < NY; j++)
  for (let i = 0; i < NX; i++)
    seeds.push([((i + 0.5 + 0.7 * (rnd() - 0.5)) * W) / NX, ((j + 0.5 + 0.7 * (rnd() - 0.5)) * H) / NY]);
const voronoi = Delaunay.from(seeds).voronoi([0, 0, W, H]);
const corners = new Set([0, NX - 1, NX * (NY - 1), NX * NY - 1]);

const DISTRICT = { code: '310199', name: '示例区（合成）', nameEn: 'Sample District (synthetic)' };
const STREETS = [
  { code: '310199001', name: '北岸街道（合成）', nameEn: 'North Bank Street (synthetic)' },
  { code: '310199002', name: '南岸街道（合成）', nameEn: 'South Bank Street (synthetic)' },
];
const COMMUNITY_NAMES = [
  ['枫林社区', '梧桐社区', '望江社区'],
  ['滨河社区', '丰谷社区'],
];
/** The communities' English names (the GeoJSON's `community:en`), as COMMUNITY_NAMES. */
const COMMUNITY_NAMES_EN = [
  ['Fenglin Community', 'Wutong Community', 'Wangjiang Community'],
  ['Binhe Community', 'Fenggu Community'],
];

interface GridOut {
  seed: number;
  code: string;
  name: string;
  nameEn: string;
  street: number;
  community: number;
  geometry: Polygon | MultiPolygon;
}
const grids: GridOut[] = [];
const kept = seeds.map((_, i) => i).filter((i) => !corners.has(i));
// communities: north street in 3 by x, south street in 2 by x
const communityOf = (x: number, y: number) => {
  const street = y < riverY(x) ? 0 : 1;
  const parts = COMMUNITY_NAMES[street].length;
  return { street, community: Math.min(parts - 1, Math.floor((x / W) * parts)) };
};
const serial = new Map<string, number>();
const HOLE_GRID = kept.find((i) => Math.floor(i / NX) === 1 && i % NX === 6)!;
const EXCLAVE_GRID = NX * (NY - 1) + 1; // next to the dropped south-west corner
let park: GridOut | undefined;
for (const i of kept) {
  const [x, y] = seeds[i];
  const { street, community } = communityOf(x, y);
  const key = `${street}-${community}`;
  const n = (serial.get(key) ?? 0) + 1;
  serial.set(key, n);
  const cCode = `${STREETS[street].code}${String(community + 1).padStart(3, '0')}`;
  const cell = voronoi.cellPolygon(i) as number[][];
  let geometry: Polygon | MultiPolygon = { type: 'Polygon', coordinates: [ring(cell)] };
  if (i === HOLE_GRID) {
    // a round park inside the grid: a hole here, a grid of its own below
    const gap = Math.min(...seeds.filter((_, j) => j !== i).map(([sx, sy]) => Math.hypot(sx - x, sy - y)));
    const hex = blob(x, y, Math.min(160, 0.4 * gap), 8, 0.08);
    geometry = { type: 'Polygon', coordinates: [ring(cell), ring(hex, true)] };
    park = {
      seed: i,
      code: `${cCode}${String(90).padStart(2, '0')}`,
      name: `${COMMUNITY_NAMES[street][community]}中心公园网格`,
      nameEn: `${COMMUNITY_NAMES_EN[street][community]} central park grid`,
      street,
      community,
      geometry: { type: 'Polygon', coordinates: [ring(hex)] },
    };
  }
  if (i === EXCLAVE_GRID) {
    // an exclave: the dropped south-west corner's cell shrunk to half about its seed (it touches nothing)
    const c0 = NX * (NY - 1);
    const [sx, sy] = seeds[c0];
    const shrunk = (voronoi.cellPolygon(c0) as number[][]).map(([px, py]) => [
      sx + 0.5 * (px - sx),
      sy + 0.5 * (py - sy),
    ]);
    geometry = { type: 'MultiPolygon', coordinates: [[ring(cell)], [ring(shrunk)]] };
  }
  grids.push({
    seed: i,
    code: `${cCode}${String(n).padStart(2, '0')}`,
    name: `${COMMUNITY_NAMES[street][community]}第${n}网格`,
    nameEn: `${COMMUNITY_NAMES_EN[street][community]} grid ${n}`,
    street,
    community,
    geometry,
  });
}
if (park) grids.push(park);

const features: Feature[] = grids.map((gr) => ({
  type: 'Feature',
  properties: {
    kind: 'grid',
    code: gr.code,
    name: gr.name,
    community: COMMUNITY_NAMES[gr.street][gr.community],
    communityCode: `${STREETS[gr.street].code}${String(gr.community + 1).padStart(3, '0')}`,
    street: STREETS[gr.street].name,
    streetCode: STREETS[gr.street].code,
    district: DISTRICT.name,
    districtCode: DISTRICT.code,
    // English names as OpenStreetMap writes them: shown in the app's English mode
    'name:en': gr.nameEn,
    'community:en': COMMUNITY_NAMES_EN[gr.street][gr.community],
    'street:en': STREETS[gr.street].nameEn,
    'district:en': DISTRICT.nameEn,
  },
  geometry: gr.geometry,
}));

// the river: both banks from west to east, 100 m past the district on each side
const north: number[][] = [],
  south: number[][] = [];
for (let x = -100; x <= W + 100; x += 100) {
  north.push([x, riverY(x) - RIVER_HALF]);
  south.push([x, riverY(x) + RIVER_HALF]);
}
features.push({
  type: 'Feature',
  properties: { kind: 'water', name: '示例河（合成）', synthetic: true },
  geometry: { type: 'Polygon', coordinates: [ring([...north, ...south.reverse(), north[0]])] },
});
// bridges: a road bridge drawn as a line, a wide bridge as a polygon
const BRIDGE_X = [1450, 3550];
features.push({
  type: 'Feature',
  properties: { kind: 'bridge', name: '示例一桥（合成）' },
  geometry: {
    type: 'LineString',
    coordinates: [ll([BRIDGE_X[0] - 30, riverY(BRIDGE_X[0]) - 260]), ll([BRIDGE_X[0] + 30, riverY(BRIDGE_X[0]) + 260])],
  },
});
const bx = BRIDGE_X[1],
  by = riverY(bx);
features.push({
  type: 'Feature',
  properties: { kind: 'bridge', name: '示例二桥（合成）' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      ring([
        [bx - 60, by - 240],
        [bx + 60, by - 240],
        [bx + 60, by + 240],
        [bx - 60, by + 240],
        [bx - 60, by - 240],
      ]),
    ],
  },
});
// land use: residential everywhere first, then the rest painted over it
const STATION_XY = [2300, 1050];
const LAND: [string, number[][]][] = [
  [
    'residential',
    [
      [0, 0],
      [W, 0],
      [W, H],
      [0, H],
      [0, 0],
    ],
  ],
  ['commercial', blob(STATION_XY[0], STATION_XY[1], 520, 12, 0.25, 380)],
  ['transport', blob(STATION_XY[0], STATION_XY[1] + 60, 130, 8, 0.15)],
  ['industrial', blob(4150, 2900, 620, 12, 0.25, 420)],
  ['green', blob(900, 2950, 380, 10, 0.3)],
  ['commercial', blob(1300, 2500, 300, 10, 0.2, 200)],
  ['mixed', blob(3400, 600, 450, 10, 0.25, 300)],
];
for (const [use, pts] of LAND) {
  features.push({
    type: 'Feature',
    properties: { kind: 'landuse', use },
    geometry: { type: 'Polygon', coordinates: [ring(pts)] },
  });
}
const LOW = blob(2600, riverY(2600) + 330, 380, 12, 0.2, 200);
features.push({
  type: 'Feature',
  properties: { kind: 'lowlying', note: '易积水片区（合成）' },
  geometry: { type: 'Polygon', coordinates: [ring(LOW)] },
});
const STATION = ll(STATION_XY);
features.push({
  type: 'Feature',
  properties: {
    kind: 'station',
    id: 'sample-road',
    name: '示例路站（合成）',
    nameEn: 'Sample Road (synthetic)',
    dailyRidership: 60000,
    line: '示例 1 号线',
  },
  geometry: { type: 'Point', coordinates: STATION },
});

const collection = {
  type: 'FeatureCollection',
  name: '示例区（合成）/ Sample district (synthetic)',
  synthetic: true,
  description:
    'SYNTHETIC sample district for allweather import, generated by scripts/sample-district.ts (seed 20250602): no real place, code or boundary.',
  features,
};

// ---------------------------------------------------------------------------
// The case log

// Cases are located as the 数字化城管 system does: to a 100 m unit cell, whose responsibility grid is the
// case's gridCode. The cells are the ones `allweather import` makes of this GeoJSON on the baseline.
const base = loadScenarioOrThrow(readFileSync(resolve(OUT, '../baseline-weekday.json'), 'utf8'));
const imported = importDistrict(JSON.stringify(collection), { base });
if (!imported.ok) throw new Error(`the sample district does not import:\n${formatErrors(imported.errors)}`);
const city = imported.scenario.city;
const cellGridOf = decodeRuns(city.layout!.grid, city.cols * city.rows, -1);
const landUseOf = decodeRuns(city.layout!.landUse!, city.cols * city.rows);
const WATER = LAND_USES.indexOf('water');
const lowPoly: Polygon = { type: 'Polygon', coordinates: [ring(LOW)] };
/** The grid code at a metre point, or undefined outside the district or on the river. */
function gridAt(x: number, y: number): string | undefined {
  const [lon, lat] = ll([x, y]);
  const cell = cellOf(city.geo!, city.cols, city.rows, city.cellSizeM ?? 100, lon, lat);
  if (cell < 0 || cellGridOf[cell] < 0 || landUseOf[cell] === WATER) return undefined;
  return city.layout!.grids[cellGridOf[cell]].code;
}

interface TypeSpec {
  id: string;
  perDay: number;
  /** Relative weight of each hour 0..23. */
  hours: number[];
  /** Weekday factors Monday..Sunday. */
  week: number[];
  /** Hot spots [x, y, sigma m, share]; the rest uniform over the district. */
  spots: [number, number, number, number][];
  handling: [number, number];
}
const H24 = (peaks: [number, number, number][], floor = 0.15) =>
  Array.from(
    { length: 24 },
    (_, h) => floor + peaks.reduce((s, [c, w, a]) => s + a * Math.exp(-0.5 * ((h - c) / w) ** 2), 0),
  );
const FLAT_WEEK = [1, 1, 1, 1, 1, 1, 1];
const TYPES: TypeSpec[] = [
  {
    id: 'exposed-garbage',
    perDay: 26,
    hours: H24([
      [8, 2, 1],
      [19, 2.5, 1.2],
    ]),
    week: [1, 1, 1, 1, 1.05, 1.3, 1.3],
    spots: [
      [2300, 1100, 300, 0.35],
      [1300, 2500, 250, 0.2],
    ],
    handling: [22, 12],
  },
  {
    id: 'street-vending',
    perDay: 12,
    hours: H24(
      [
        [12, 1.5, 1],
        [19.5, 2, 1.6],
      ],
      0.05,
    ),
    week: [0.9, 0.9, 0.9, 0.9, 1.1, 1.4, 1.4],
    spots: [[2300, 1050, 200, 0.5]],
    handling: [18, 8],
  },
  {
    id: 'shared-bikes',
    perDay: 15,
    hours: H24(
      [
        [8.5, 1.2, 1.5],
        [18, 1.5, 1.3],
      ],
      0.05,
    ),
    week: [1.1, 1.1, 1.1, 1.1, 1.1, 0.7, 0.6],
    spots: [[2300, 1150, 180, 0.6]],
    handling: [15, 6],
  },
  {
    id: 'illegal-ads',
    perDay: 7,
    hours: H24(
      [
        [7, 1.5, 1.2],
        [10, 2, 0.6],
      ],
      0.1,
    ),
    week: FLAT_WEEK,
    spots: [[900, 800, 400, 0.3]],
    handling: [25, 10],
  },
  { id: 'manhole-cover', perDay: 2, hours: H24([], 1), week: FLAT_WEEK, spots: [], handling: [55, 25] },
  {
    id: 'street-lamp',
    perDay: 3,
    hours: H24(
      [
        [20, 2, 1],
        [2, 2.5, 0.6],
      ],
      0.1,
    ),
    week: FLAT_WEEK,
    spots: [],
    handling: [45, 20],
  },
  {
    id: 'construction-noise',
    perDay: 5,
    hours: H24(
      [
        [23, 1.5, 1.2],
        [1, 1.5, 0.7],
      ],
      0.02,
    ),
    week: [1, 1, 1, 1, 1.2, 1.1, 0.8],
    spots: [[4100, 2800, 350, 0.5]],
    handling: [30, 15],
  },
  {
    id: 'illegal-parking',
    perDay: 10,
    hours: H24(
      [
        [9, 2, 1],
        [14, 2, 0.8],
        [20, 1.5, 0.9],
      ],
      0.1,
    ),
    week: [1, 1, 1, 1, 1, 1.3, 1.2],
    spots: [
      [2300, 1050, 250, 0.4],
      [3400, 600, 250, 0.2],
    ],
    handling: [12, 5],
  },
];
const PONDING = { id: 'road-ponding', perStormDay: 8, handling: [40, 15] as [number, number] };

const DAYS = 60;
const START = Date.UTC(2025, 5, 2) - 8 * 3600_000; // 2025-06-02 00:00 +08:00 (a Monday)
const STORM_DAYS = new Set([9, 10, 23, 37, 38, 51]);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** ISO 8601 with +08:00. */
function iso(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}
const poisson = (mean: number) => {
  let k = 0,
    t = expo(1);
  while (t < mean) {
    k++;
    t += expo(1);
  }
  return k;
};
const pick = (w: number[]) => {
  const total = w.reduce((a, b) => a + b, 0);
  let u = rnd() * total;
  for (let i = 0; i < w.length; i++) if ((u -= w[i]) < 0) return i;
  return w.length - 1;
};
/** A point in the district: near one of the hot spots or uniform, retried until it falls in a grid (not the river). */
function place(spots: TypeSpec['spots'], inside?: Polygon): { x: number; y: number; grid: string } {
  for (;;) {
    const u = rnd();
    let acc = 0,
      x = rnd() * W,
      y = rnd() * H;
    for (const [sx, sy, sd, share] of spots) {
      acc += share;
      if (u < acc) {
        x = sx + sd * normal();
        y = sy + sd * normal();
        break;
      }
    }
    if (inside && !booleanPointInPolygon(ll([x, y]), inside)) continue;
    const grid = gridAt(x, y);
    if (grid) return { x, y, grid };
  }
}

interface Row {
  t: number;
  cells: string[];
}
const rows: Row[] = [];
function addCase(type: string, t: number, at: { x: number; y: number; grid: string }, handling: [number, number]) {
  const [lon, lat] = ll([at.x, at.y]);
  const dispatched = t + 60_000 * (2 + expo(8));
  const onScene = dispatched + 60_000 * lognormal(14, 7);
  const handled = onScene + 60_000 * lognormal(handling[0], handling[1]);
  const closed = handled + 60_000 * (5 + expo(40));
  const unfinished = rnd() < 0.02; // still open when the log was taken
  rows.push({
    t,
    cells: [
      type,
      iso(t),
      String(lon),
      String(lat),
      at.grid,
      iso(dispatched),
      iso(onScene),
      unfinished ? '' : iso(handled),
      unfinished ? '' : iso(closed),
    ],
  });
}
for (let day = 0; day < DAYS; day++) {
  const dow = day % 7; // 0 = Monday
  for (const ty of TYPES) {
    const n = poisson(ty.perDay * ty.week[dow]);
    for (let k = 0; k < n; k++) {
      const t = START + day * 86_400_000 + (pick(ty.hours) + rnd()) * 3_600_000;
      addCase(ty.id, t, place(ty.spots), ty.handling);
    }
  }
  if (STORM_DAYS.has(day)) {
    const n = poisson(PONDING.perStormDay);
    for (let k = 0; k < n; k++) {
      const t = START + day * 86_400_000 + (14 + 6 * rnd()) * 3_600_000;
      addCase(PONDING.id, t, place([], lowPoly), PONDING.handling);
    }
  }
}
rows.sort((a, b) => a.t - b.t);
const lines = rows.map((r, i) => [`C${pad(i + 1, 6)}`, ...r.cells]);
// bad rows on purpose, for the calibration report to list
const bad: string[][] = [
  ['exposed-garbage', '2025-06-31T09:15:00+08:00', '121.4231', '31.2302', '', '', '', '', ''],
  ['street-vending', '昨天下午三点', '121.4302', '31.2311', '', '', '', '', ''],
  ['shared-bikes', '2025/07/04 08:20', '121.4255', '31.2354', '', '', '', '', ''],
  ['illegal-ads', '2025-06-20T10:05:00+08:00', '121.6012', '31.2305', '', '', '', '', ''],
  ['exposed-garbage', '2025-07-02T19:40:00+08:00', '121.3650', '31.2201', '', '', '', '', ''],
  ['illegal-parking', '2025-07-11T14:22:00+08:00', '121.4300', '31.1500', '', '', '', '', ''],
  ['street-lamp', '2025-06-15T21:10:00+08:00', '', '', '', '', '', '', ''],
  ['manhole-cover', '2025-07-20T03:30:00+08:00', 'n/a', 'n/a', '', '', '', '', ''],
];
bad.forEach((b, k) => {
  const at = Math.floor(((k + 0.5) / bad.length) * lines.length);
  lines.splice(at, 0, [`X${pad(k + 1, 3)}`, ...b]);
});
const header = 'id,type,reportedAt,lon,lat,gridCode,dispatchedAt,onSceneAt,handledAt,closedAt';
const csv = `${header}\n${lines.map((l) => l.join(',')).join('\n')}\n`;

mkdirSync(OUT, { recursive: true });
const geojson = `${JSON.stringify(collection)}\n`;
writeFileSync(resolve(OUT, 'district.geojson'), geojson, 'utf8');
writeFileSync(resolve(OUT, 'cases.csv'), csv, 'utf8');
console.log(
  `wrote ${OUT}/district.geojson (${grids.length} grids, ${(geojson.length / 1024).toFixed(0)} KB) and cases.csv (${lines.length} rows, ${bad.length} bad on purpose, ${(csv.length / 1024).toFixed(0)} KB)`,
);
