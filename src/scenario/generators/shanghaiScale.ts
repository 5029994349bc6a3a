/**
 * A generated Shanghai-scale scenario: the whole city at 100 m unit cells.
 *
 * The built-in scenarios are districts (12 km² of central Huangpu, 36 km²
 * of Xi'an Lianhu). This one asks whether the engine holds a megacity: about
 * 634,000 unit cells, 40,000 responsibility grids, 35,000 staff and 60,000
 * cases a day. It is generated rather than stored (the JSON is ~70 KB, but
 * what it describes is built at load), so the generator is the source:
 *
 *     const sc = loadScenarioOrThrow(shanghaiScale());          // full size
 *     const half = loadScenarioOrThrow(shanghaiScale({ scale: 0.5 })); // half the area, staff and cases
 *
 * `scale` is the share of Shanghai's area to build: the map is drawn in
 * kilometres on a square of 79.6 km a side and rasterised at 100 m, so every
 * zone, district and station keeps its place and a half-size city has half
 * the cells, grids, grid staff, pooled staff and cases (population follows,
 * within a few per cent of rounding). That is what the bench uses to show
 * memory grows linearly in cells + staff.
 *
 * Figures and where they come from (DOMAIN.md, seeds in /work/shared/seeds;
 * "assumption" where no seed has one):
 * - Residents 24.197 M (seed 002): the densities below are set so that the
 *   map's night population is ≈ 24 M (the test checks within 10 %).
 * - Land area ≈ 6,340 km² (public figure, not in the seeds; as in
 *   baseline-weekday's notes): 796 × 796 cells of 100 m = 6,336 km². A
 *   square is schematic; Shanghai is not.
 * - Unit cell 100 m × 100 m ≈ 10,000 m², the usual unit cell of digital
 *   city management (DOMAIN.md "Standards", seed 000; CJ/T 213-2005).
 * - Responsibility grid k = 4 (400 m × 400 m = 16 ha): 199 × 199 = 39,601
 *   grids. Assumption: Shanghai publishes no single grid count in the
 *   seeds; k = 4 keeps the grids under the format's 50,000 (limits.ts).
 * - Grid staff 0.619 per grid (seed 000: Xi'an Lianhu 1,000+ staff for 1,615
 *   grids) → 24,520 on foot, split over three shifts as lianhu-grids.json
 *   does (600 / 280 / 120 per 1,000: assumption there), each answering for a
 *   run of neighbouring grids (placement spread).
 * - Cases ≈ 2.5 per 1,000 residents a day (the rate lianhu-grids.json uses;
 *   baseline-weekday has ≈ 2.7 per 1,000 in central Huangpu; assumption)
 *   × 24.197 M residents (seed 002) ≈ 60,500 a day, split by lianhu-grids'
 *   case mix (exposed garbage 500 of 1,745, ...; assumption there). The
 *   garbage response deadline is 10 minutes (Chongqing standard, seed 000).
 * - Pooled forces (sanitation, enforcement, municipal repair): lianhu-grids'
 *   per-shift numbers (assumption there, for ~700,000 residents) scaled by
 *   24.197 M / 0.7 M ≈ 34.6, and doubled (assumption; see POOLED_AREA_FACTOR).
 * - Districts: Shanghai's 16 districts (public figure, not in the seeds) as
 *   schematic rectangles; Jinshan is 248 × 248 cells ≈ 615 km² (seed 004:
 *   613 km² of land). Areas of the others are not surveyed.
 * - Metro: People's Square station 220,000 passengers a day and Huaxia
 *   Middle Road 1/300 of that ≈ 733 (seed 002), with security lanes and
 *   crowd marshals as in baseline-weekday.json (assumptions there).
 *
 * Pure and deterministic: no randomness, no clock; the same options give
 * the same object (deep-equal) every time.
 */
import { SCHEMA_VERSION, type ScenarioInput } from '../schema.ts';

export interface ShanghaiScaleOptions {
  /** Share of Shanghai's area (and so of its grids, staff and cases) to build, 0 < scale ≤ 1.5. Default 1. */
  scale?: number;
  /** Simulated days (run.days). Default 1. */
  days?: number;
  /** Seed (run.seed). Default 1. */
  seed?: number;
}

/** Shanghai's residents (seed 002). */
export const SHANGHAI_RESIDENTS = 24_197_000;
/** Side of the full map in cells (100 m): 796² = 633,616 cells ≈ 6,336 km². */
export const FULL_SIDE_CELLS = 796;
/** Responsibility-grid side in cells (400 m). */
export const GRID_K = 4;
/** Grid staff per grid: Xi'an Lianhu's 1,000 for 1,615 grids (seed 000). */
export const GRID_STAFF_PER_GRID = 1000 / 1615;
/** Cases a day per 1,000 residents (lianhu-grids.json's assumption). */
export const CASES_PER_1000_RESIDENTS = 2.5;
/** Lianhu-style district teams were sized for ~700,000 residents (assumption in lianhu-grids.json). */
const LIANHU_RESIDENTS = 700_000;
/**
 * Pooled teams at twice Lianhu's numbers per resident (assumption). Scaled by residents alone (≈ 5,300 in all)
 * they run at 100 % utilisation from 08:00 and SLA attainment falls to 37 %: the format's pooled teams are
 * city-wide, their home grids spread evenly over 6,336 km² while cases crowd into the centre, so once the
 * centre's members are busy the nearest free one is in the suburbs, tens of km away, and is busy for hours.
 * Twice as many (≈ 10,600) keep the day shifts at 15–40 % (measured with seed 1).
 */
const POOLED_AREA_FACTOR = 2;

type Rect = [x: number, y: number, w: number, h: number];
type LandUse = 'residential' | 'commercial' | 'industrial' | 'transport' | 'green' | 'water' | 'mixed';

/** Map features in kilometres on the 79.6 km square (x east, y south from the north-west corner). */
const ZONES_KM: {
  r: Rect;
  landUse?: LandUse;
  popFactor?: number;
  lowLying?: boolean;
  bridge?: boolean;
  what: string;
}[] = [
  // suburban new towns and district seats (mixed), before the urban core overrides its part
  { r: [17, 20, 7, 7], landUse: 'mixed', what: 'Jiading new town' },
  { r: [40, 18, 9, 7], landUse: 'mixed', what: 'Baoshan, Wusong' },
  { r: [18, 38, 7, 6], landUse: 'mixed', what: 'Qingpu new town' },
  { r: [21, 55, 8, 7], landUse: 'mixed', what: 'Songjiang new town' },
  { r: [28, 44, 8, 8], landUse: 'mixed', what: 'Minhang, Xinzhuang' },
  { r: [47, 70, 8, 6], landUse: 'mixed', what: 'Fengxian, Nanqiao' },
  { r: [66, 60, 8, 7], landUse: 'mixed', what: 'Lingang new city' },
  { r: [55, 50, 8, 7], landUse: 'mixed', what: 'Pudong, Zhoupu-Kangqiao' },
  { r: [14, 72, 8, 5], landUse: 'mixed', what: 'Jinshan new town' },
  { r: [35, 3, 8, 5], landUse: 'mixed', what: 'Chongming, Chengqiao' },
  // within the Outer Ring (≈ 26 km across): dense housing; the Inner Ring (≈ 10.6 km) denser
  { r: [27, 27, 26, 26], landUse: 'residential', what: 'inside the Outer Ring' },
  { r: [34.4, 34.4, 10.6, 10.6], landUse: 'residential', popFactor: 1.8, what: 'inside the Inner Ring' },
  // centres of work and shopping
  { r: [39.5, 38, 5, 3], landUse: 'commercial', popFactor: 1.5, what: "People's Square, Nanjing Road, the Bund" },
  { r: [43, 38, 3, 3], landUse: 'commercial', popFactor: 1.5, what: 'Lujiazui' },
  { r: [38, 43, 2, 1.5], landUse: 'commercial', what: 'Xujiahui' },
  { r: [36, 36, 1.5, 1.5], landUse: 'commercial', what: "Jing'an Temple" },
  { r: [41, 46, 2, 2], landUse: 'commercial', what: 'Qiantan' },
  { r: [29, 39, 2, 1.5], landUse: 'transport', what: 'Hongqiao hub' },
  { r: [72, 45, 4, 7], landUse: 'transport', what: 'Pudong airport' },
  // industry
  { r: [50, 18, 6, 5], landUse: 'industrial', what: 'Baoshan steelworks' },
  { r: [15, 74, 8, 4], landUse: 'industrial', what: 'Jinshan petrochemical works' },
  { r: [70, 67, 8, 6], landUse: 'industrial', what: 'Lingang industrial area' },
  { r: [30, 28, 5, 4], landUse: 'industrial', what: 'Taopu' },
  // parks inside the city
  { r: [46, 43, 2, 1.5], landUse: 'green', what: 'Century Park' },
  { r: [33, 48, 2, 2], landUse: 'green', what: 'Shanghai Botanical Garden' },
  // water last: it overrides everything under it
  { r: [0, 11, 79.6, 3], landUse: 'water', what: 'Yangtze estuary (south branch)' },
  { r: [2, 44, 8, 8], landUse: 'water', what: 'Dianshan Lake (≈ 62 km²)' },
  { r: [42.4, 14, 0.3, 30], landUse: 'water', what: 'Huangpu River, north reach' },
  { r: [38, 44, 4.7, 0.3], landUse: 'water', what: 'Huangpu River, bend' },
  { r: [37.7, 44, 0.3, 25], landUse: 'water', what: 'Huangpu River, south reach' },
  { r: [22, 37.2, 20.4, 0.1], landUse: 'water', what: 'Suzhou Creek' },
  // crossings (travel goes around water and over these; positions schematic, as everything here)
  { r: [52, 11, 0.2, 3], bridge: true, what: 'Shanghai Yangtze River Tunnel-Bridge (to Changxing and Chongming)' },
  { r: [42.4, 20, 0.3, 0.2], bridge: true, what: 'Waigaoqiao (Outer Ring) tunnel' },
  { r: [42.4, 33, 0.3, 0.2], bridge: true, what: 'Yangpu Bridge' },
  { r: [42.4, 36, 0.3, 0.2], bridge: true, what: 'Xinjian Road tunnel' },
  { r: [42.4, 38.5, 0.3, 0.2], bridge: true, what: "Yan'an Road tunnel" },
  { r: [42.4, 41.5, 0.3, 0.2], bridge: true, what: 'Nanpu Bridge' },
  { r: [40, 44, 0.2, 0.3], bridge: true, what: 'Lupu Bridge' },
  { r: [37.7, 47, 0.3, 0.2], bridge: true, what: 'Xupu Bridge' },
  { r: [37.7, 53, 0.3, 0.2], bridge: true, what: 'Minpu Bridge' },
  { r: [37.7, 62, 0.3, 0.2], bridge: true, what: 'Fengpu Bridge' },
  { r: [24, 37.2, 0.1, 0.1], bridge: true, what: 'Suzhou Creek bridges (one every ~2 km)' },
  { r: [26, 37.2, 0.1, 0.1], bridge: true, what: 'Suzhou Creek bridges' },
  { r: [28, 37.2, 0.1, 0.1], bridge: true, what: 'Suzhou Creek bridges' },
  { r: [30, 37.2, 0.1, 0.1], bridge: true, what: 'Suzhou Creek bridges' },
  { r: [32, 37.2, 0.1, 0.1], bridge: true, what: 'Suzhou Creek bridges' },
  { r: [34, 37.2, 0.1, 0.1], bridge: true, what: 'Suzhou Creek bridges' },
  { r: [36, 37.2, 0.1, 0.1], bridge: true, what: 'Suzhou Creek bridges' },
  { r: [38, 37.2, 0.1, 0.1], bridge: true, what: 'Suzhou Creek bridges' },
  { r: [40, 37.2, 0.1, 0.1], bridge: true, what: 'Suzhou Creek bridges' },
  { r: [42, 37.2, 0.1, 0.1], bridge: true, what: 'Suzhou Creek bridges' },
  // low-lying cells (drainage): old lilong blocks and riverside land (assumption)
  { r: [39, 41, 3, 2], lowLying: true, what: 'old Nanshi' },
  { r: [43, 41, 2, 2], lowLying: true, what: 'Pudong riverside' },
  { r: [35, 31, 3, 2], lowLying: true, what: 'Putuo lowland' },
  { r: [60, 62, 5, 5], lowLying: true, what: 'Nanhui coast' },
];

/** Shanghai's 16 districts, schematic: a grid belongs to the first district holding its top-left cell, so the small central ones come first. */
const DISTRICTS_KM: { id: string; zh: string; en: string; r: Rect }[] = [
  { id: 'huangpu', zh: '黄浦区', en: 'Huangpu', r: [40, 38, 2.4, 6] },
  { id: 'hongkou', zh: '虹口区', en: 'Hongkou', r: [40, 34.4, 2.4, 3.6] },
  { id: 'jingan', zh: '静安区', en: "Jing'an", r: [37.2, 34.4, 2.8, 5.6] },
  { id: 'putuo', zh: '普陀区', en: 'Putuo', r: [34.4, 33, 2.8, 4.2] },
  { id: 'changning', zh: '长宁区', en: 'Changning', r: [34.4, 37.2, 2.8, 5.8] },
  { id: 'xuhui', zh: '徐汇区', en: 'Xuhui', r: [37.2, 40, 5.2, 6] },
  { id: 'yangpu', zh: '杨浦区', en: 'Yangpu', r: [42.4, 32, 4.6, 5.2] },
  { id: 'pudong', zh: '浦东新区', en: 'Pudong New Area', r: [42.4, 37.2, 37.2, 31.8] },
  { id: 'baoshan', zh: '宝山区', en: 'Baoshan', r: [34.4, 14, 45.2, 23.2] },
  { id: 'jiading', zh: '嘉定区', en: 'Jiading', r: [0, 14, 34.4, 23.2] },
  { id: 'minhang', zh: '闵行区', en: 'Minhang', r: [24.8, 37.2, 17.6, 24.8] },
  { id: 'qingpu', zh: '青浦区', en: 'Qingpu', r: [0, 37.2, 24.8, 17.6] },
  { id: 'jinshan', zh: '金山区', en: 'Jinshan', r: [0, 54.8, 24.8, 24.8] },
  { id: 'songjiang', zh: '松江区', en: 'Songjiang', r: [24.8, 62, 22.2, 17.6] },
  { id: 'fengxian', zh: '奉贤区', en: 'Fengxian', r: [47, 69, 32.6, 10.6] },
  { id: 'chongming', zh: '崇明区', en: 'Chongming', r: [0, 0, 79.6, 14] },
];

/** People per hectare by land use (assumption, set so the map holds ≈ 24.2 M at night: see the test). */
const DENSITY: Record<LandUse, { day: number; night: number }> = {
  residential: { day: 160, night: 240 },
  commercial: { day: 600, night: 60 },
  industrial: { day: 120, night: 15 },
  transport: { day: 200, night: 10 },
  // farmland, villages and parks: Chongming's ≈ 700,000 on ≈ 1,200 km² is ≈ 6 per ha (public figures, not in the seeds)
  green: { day: 6, night: 7 },
  water: { day: 0, night: 0 },
  // suburban new towns
  mixed: { day: 90, night: 100 },
};

/** Citizens report less at night (lianhu-grids.json, assumption there). */
const REPORT_BY_HOUR = [
  0.35, 0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.85, 0.8,
  0.65, 0.5,
];

/** Lianhu's daily case mix (lianhu-grids.json): cases a day out of 1,745. */
const MIX = {
  'exposed-garbage': 500,
  'street-vending': 250,
  'shared-bikes': 250,
  'illegal-ads': 250,
  'piled-debris': 200,
  'neighbour-dispute': 120,
  'safety-hazard': 80,
  'manhole-cover': 15,
  'street-lamp': 40,
  'construction-noise': 40,
} as const;
const MIX_TOTAL = Object.values(MIX).reduce((a, b) => a + b, 0);

const exp = (mean: number) => ({ dist: 'exponential' as const, mean });
const logn = (mean: number, sd: number) => ({ dist: 'lognormal' as const, mean, sd });

/** The scenario object (a file's content, before parsing). */
export function shanghaiScale(opts: ShanghaiScaleOptions = {}): ScenarioInput {
  const scale = opts.scale ?? 1;
  if (!(scale > 0 && scale <= 1.5)) throw new Error(`shanghaiScale: scale must be in (0, 1.5], got ${scale}`);
  // side in cells, a multiple of the grid size; cells per km along a side
  const side = Math.max(GRID_K, Math.round((FULL_SIDE_CELLS * Math.sqrt(scale)) / GRID_K) * GRID_K);
  const perKm = side / 79.6;
  const grids = (side / GRID_K) ** 2;
  const area = (side * side) / FULL_SIDE_CELLS ** 2; // the share actually built
  const cell = (km: number) => Math.min(side - 1, Math.max(0, Math.round(km * perKm)));
  const rect = ([x, y, w, h]: Rect) => {
    const cx = cell(x),
      cy = cell(y);
    return {
      x: cx,
      y: cy,
      w: Math.max(1, Math.min(side - cx, Math.round(w * perKm))),
      h: Math.max(1, Math.min(side - cy, Math.round(h * perKm))),
    };
  };
  const point = (xKm: number, yKm: number) => ({ x: cell(xKm), y: cell(yKm) });
  const residents = SHANGHAI_RESIDENTS * area;
  const byPop = residents / LIANHU_RESIDENTS; // lianhu-sized district teams this city needs
  const casesPerDay = (CASES_PER_1000_RESIDENTS * residents) / 1000;
  const rate = (id: keyof typeof MIX) => Math.round((casesPerDay * MIX[id]) / MIX_TOTAL);
  const pooled = (n: number) => Math.max(2, Math.round(n * byPop * POOLED_AREA_FACTOR)); // at least a crew of two
  const gridStaff = grids * GRID_STAFF_PER_GRID;
  const discovery = (patrol: number, citizen: number, sensor: number, citizenMean: number, fallbackMean: number) => ({
    patrol,
    citizen,
    sensor,
    citizenDelayMin: exp(citizenMean),
    patrolFallbackMin: exp(fallbackMean),
    citizenReportByHour: REPORT_BY_HOUR,
  });

  return {
    schemaVersion: SCHEMA_VERSION,
    id: scale === 1 ? 'shanghai-scale' : `shanghai-scale-${String(scale).replace('.', 'p')}`,
    name: {
      zh: `上海全市规模（生成，示意）${scale === 1 ? '' : `：面积 × ${scale}`}`,
      en: `Shanghai at city scale (generated, illustrative)${scale === 1 ? '' : `: area × ${scale}`}`,
    },
    description: {
      zh: '全市 100 米单元网格、400 米责任网格，按西安莲湖的每网格人员比例配置网格员，按莲湖的人均案件量和案件结构生成全天案件；用于检验引擎在特大城市规模下的速度与内存。',
      en: "The whole city at 100 m unit cells and 400 m responsibility grids, grid staff at Xi'an Lianhu's ratio per grid, a day's cases at Lianhu's rate per resident and mix: for testing the engine's speed and memory at megacity scale.",
    },
    notes: [
      `Generated by src/scenario/generators/shanghaiScale.ts (scale ${scale}); its module comment lists every figure and its source.`,
      `City ${side} × ${side} cells of 100 m = ${((side * side) / 100).toFixed(0)} km² (Shanghai ≈ 6,340 km² at scale 1; public figure, not in the seeds); grids ${GRID_K} × ${GRID_K} cells: ${grids} grids.`,
      `Residents ${Math.round(residents).toLocaleString('en-US')} (24.197 M × scale, seed 002); cases ${CASES_PER_1000_RESIDENTS} per 1,000 residents a day (lianhu-grids) ≈ ${Math.round(casesPerDay).toLocaleString('en-US')}.`,
      `Grid staff ${GRID_STAFF_PER_GRID.toFixed(3)} per grid (seed 000: 1,000+ for 1,615 grids) ≈ ${Math.round(gridStaff).toLocaleString('en-US')}; pooled district teams at lianhu-grids' numbers × ${byPop.toFixed(1)} (residents / 700,000) × ${POOLED_AREA_FACTOR} (assumption: city-wide pools need headroom for distance).`,
      "Metro: People's Square 220,000 passengers a day and Huaxia Middle Road 1/300 of that (seed 002); lanes and marshals as in baseline-weekday (assumptions).",
    ],
    run: { days: opts.days ?? 1, warmupHours: 0, startDayOfWeek: 2, seed: opts.seed ?? 1 },
    city: {
      cellSizeM: 100,
      cols: side,
      rows: side,
      gridSize: GRID_K,
      defaultLandUse: 'green',
      density: DENSITY,
      zones: ZONES_KM.map((z) => ({
        ...rect(z.r),
        ...(z.landUse ? { landUse: z.landUse } : {}),
        ...(z.popFactor !== undefined ? { popFactor: z.popFactor } : {}),
        ...(z.lowLying ? { lowLying: true } : {}),
        ...(z.bridge ? { bridge: true } : {}),
      })),
      stations: [
        {
          id: 'peoples-square',
          name: { zh: '人民广场站', en: "People's Square" },
          ...point(40.5, 39.5),
          dailyRidership: 220_000,
        },
        {
          id: 'huaxia-middle-road',
          name: { zh: '华夏中路站', en: 'Huaxia Middle Road' },
          ...point(52, 47),
          dailyRidership: Math.round(220_000 / 300),
        },
      ],
      districts: DISTRICTS_KM.map((d) => ({ id: d.id, name: { zh: d.zh, en: d.en }, ...rect(d.r) })),
    },
    eventTypes: [
      {
        id: 'exposed-garbage',
        name: { zh: '暴露垃圾', en: 'Exposed garbage' },
        ratePerDay: rate('exposed-garbage'),
        profile: [2, 1, 1, 1, 1, 2, 4, 6, 7, 6, 5, 6, 7, 6, 5, 5, 6, 7, 8, 8, 7, 5, 4, 3],
        weights: { landUse: { commercial: 2, green: 1.5, residential: 1.2, water: 0 }, population: 'byHour' },
        priority: 2,
        discovery: discovery(0.5, 0.2, 0.3, 20, 120),
        skill: 'sanitation',
        crew: 1,
        handlingMin: logn(15, 8),
        responseDeadlineMin: 10,
        resolutionDeadlineMin: 60,
      },
      {
        id: 'street-vending',
        name: { zh: '占道经营', en: 'Illegal street vending' },
        ratePerDay: rate('street-vending'),
        profile: [1, 0.5, 0.3, 0.3, 0.5, 2, 5, 7, 5, 3, 3, 5, 5, 3, 2, 2, 4, 7, 9, 10, 9, 7, 4, 2],
        weights: { landUse: { commercial: 2, residential: 1, green: 0.5, water: 0 }, population: 'byHour' },
        priority: 3,
        discovery: discovery(0.5, 0.3, 0.2, 30, 180),
        skill: 'enforcement',
        crew: 1,
        handlingMin: logn(20, 10),
        responseDeadlineMin: 30,
        resolutionDeadlineMin: 120,
      },
      {
        id: 'shared-bikes',
        name: { zh: '共享单车乱停放', en: 'Shared bikes parked illegally' },
        ratePerDay: rate('shared-bikes'),
        profile: [0.5, 0.3, 0.2, 0.2, 0.3, 1, 3, 8, 10, 6, 3, 3, 3, 3, 3, 4, 5, 8, 9, 6, 4, 3, 2, 1],
        weights: { landUse: { commercial: 2, residential: 1, green: 0.8, water: 0 }, population: 'day' },
        priority: 3,
        discovery: discovery(0.6, 0.2, 0.2, 45, 240),
        skill: 'grid',
        crew: 1,
        handlingMin: logn(20, 8),
        responseDeadlineMin: 30,
        resolutionDeadlineMin: 180,
      },
      {
        id: 'illegal-ads',
        name: { zh: '非法小广告', en: 'Illegal small advertisements' },
        ratePerDay: rate('illegal-ads'),
        profile: [6, 7, 7, 6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6],
        weights: {
          landUse: { residential: 2, mixed: 1.5, commercial: 1, green: 0.3, water: 0 },
          population: 'night',
        },
        priority: 4,
        discovery: discovery(0.8, 0.2, 0, 120, 480),
        skill: 'grid',
        crew: 1,
        handlingMin: logn(15, 6),
        responseDeadlineMin: 60,
        resolutionDeadlineMin: 1440,
      },
      {
        id: 'piled-debris',
        name: { zh: '乱堆物料', en: 'Debris piled in public space' },
        ratePerDay: rate('piled-debris'),
        profile: [1, 0.5, 0.5, 0.5, 0.5, 1, 2, 4, 6, 7, 7, 6, 5, 5, 6, 6, 6, 5, 4, 3, 2, 2, 1, 1],
        weights: {
          landUse: { residential: 2, mixed: 1.5, commercial: 1, industrial: 1, green: 0.3, water: 0 },
          population: 'night',
        },
        priority: 3,
        discovery: discovery(0.7, 0.3, 0, 60, 360),
        skill: 'grid',
        crew: 1,
        handlingMin: logn(20, 10),
        responseDeadlineMin: 60,
        resolutionDeadlineMin: 480,
      },
      {
        id: 'neighbour-dispute',
        name: { zh: '邻里矛盾纠纷', en: 'Neighbour dispute' },
        ratePerDay: rate('neighbour-dispute'),
        profile: [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 2, 4, 5, 5, 5, 4, 4, 5, 5, 5, 5, 6, 7, 7, 5, 3, 2],
        weights: {
          landUse: { residential: 3, mixed: 2, commercial: 1, industrial: 0.3, green: 0.2, water: 0 },
          population: 'night',
        },
        priority: 2,
        discovery: discovery(0.3, 0.7, 0, 20, 180),
        skill: 'grid',
        crew: 1,
        handlingMin: logn(45, 20),
        responseDeadlineMin: 30,
        resolutionDeadlineMin: 240,
      },
      {
        id: 'safety-hazard',
        name: {
          zh: '安全隐患（楼道堆物、飞线充电等）',
          en: 'Safety hazard (blocked stairwells, e-bike charging cables)',
        },
        ratePerDay: rate('safety-hazard'),
        profile: [0.5, 0.3, 0.3, 0.3, 0.3, 0.5, 1, 2, 4, 5, 5, 5, 4, 4, 5, 5, 5, 5, 5, 5, 4, 3, 2, 1],
        weights: {
          landUse: { residential: 3, mixed: 2, commercial: 1, industrial: 1, green: 0, water: 0 },
          population: 'night',
        },
        priority: 2,
        discovery: discovery(0.8, 0.2, 0, 60, 480),
        skill: 'grid',
        crew: 1,
        handlingMin: logn(30, 15),
        responseDeadlineMin: 60,
        resolutionDeadlineMin: 480,
      },
      {
        id: 'manhole-cover',
        name: { zh: '井盖破损或缺失', en: 'Damaged or missing manhole cover' },
        ratePerDay: rate('manhole-cover'),
        profile: [2, 2, 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 3, 3, 2],
        weights: { landUse: { green: 0.3, water: 0 }, population: 'none' },
        priority: 1,
        discovery: discovery(0.2, 0.4, 0.4, 15, 120),
        skill: 'repair',
        crew: 2,
        handlingMin: logn(60, 25),
        responseDeadlineMin: 30,
        resolutionDeadlineMin: 240,
      },
      {
        id: 'street-lamp',
        name: { zh: '路灯不亮', en: 'Street lamp out' },
        ratePerDay: rate('street-lamp'),
        profile: [5, 4, 3, 3, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 6, 8, 8, 7, 6],
        weights: { landUse: { water: 0 }, population: 'none' },
        priority: 3,
        discovery: discovery(0.2, 0.3, 0.5, 60, 360),
        skill: 'repair',
        crew: 2,
        handlingMin: logn(40, 20),
        responseDeadlineMin: 720,
        resolutionDeadlineMin: 1440,
      },
      {
        id: 'construction-noise',
        name: { zh: '夜间施工噪声', en: 'Night construction noise' },
        ratePerDay: rate('construction-noise'),
        profile: [8, 7, 5, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 5, 8, 9],
        weights: {
          landUse: { residential: 2, mixed: 1.5, commercial: 0.5, green: 0, water: 0 },
          population: 'night',
        },
        priority: 2,
        discovery: {
          ...discovery(0, 0.8, 0.2, 10, 60),
          citizenReportByHour: [
            0.8, 0.75, 0.7, 0.7, 0.7, 0.75, 0.8, 0.85, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9,
            0.9, 0.85, 0.85,
          ],
        },
        skill: 'enforcement',
        crew: 2,
        handlingMin: logn(30, 15),
        responseDeadlineMin: 30,
        resolutionDeadlineMin: 120,
      },
      {
        id: 'crowd-incident',
        name: { zh: '站内客流拥挤', en: 'Station crowding' },
        ratePerDay: 0,
        crowdIncident: true,
        priority: 1,
        discovery: { patrol: 0, citizen: 0, sensor: 1 },
        skill: 'crowd',
        crew: 2,
        handlingMin: logn(25, 10),
        responseDeadlineMin: 15,
        resolutionDeadlineMin: 90,
      },
    ],
    teams: [
      {
        id: 'grid-staff',
        name: { zh: '网格员', en: 'Grid staff' },
        skills: ['grid'],
        mode: 'walk',
        placement: 'spread',
        // 600 / 280 / 120 of every 1,000 (lianhu-grids.json)
        shifts: [
          { start: '08:00', end: '16:00', staff: Math.round(gridStaff * 0.6) },
          { start: '16:00', end: '24:00', staff: Math.round(gridStaff * 0.28) },
          { start: '00:00', end: '08:00', staff: Math.round(gridStaff * 0.12) },
        ],
        shiftEnd: 'handover',
        patrol: true,
        hourlyCostCny: 28,
      },
      {
        id: 'sanitation',
        name: { zh: '环卫保洁', en: 'Sanitation crew' },
        skills: ['sanitation'],
        mode: 'ebike',
        placement: 'pooled',
        shifts: [
          { start: '05:00', end: '13:00', staff: pooled(32) },
          { start: '13:00', end: '21:00', staff: pooled(36) },
          { start: '21:00', end: '05:00+1', staff: pooled(16) },
        ],
        shiftEnd: 'overtime',
        patrol: true,
        hourlyCostCny: 30,
      },
      {
        id: 'enforcement',
        name: { zh: '城管执法', en: 'City-management enforcement' },
        skills: ['enforcement'],
        mode: 'vehicle',
        placement: 'pooled',
        shifts: [
          { start: '08:00', end: '16:00', staff: pooled(16) },
          { start: '16:00', end: '24:00', staff: pooled(22) },
          { start: '00:00', end: '08:00', staff: pooled(8) },
        ],
        shiftEnd: 'overtime',
        patrol: true,
        hourlyCostCny: 55,
      },
      {
        id: 'municipal-repair',
        name: { zh: '市政维修', en: 'Municipal repair' },
        skills: ['repair'],
        mode: 'vehicle',
        placement: 'pooled',
        shifts: [
          { start: '06:00', end: '14:00', staff: pooled(8) },
          { start: '14:00', end: '22:00', staff: pooled(10) },
          { start: '22:00', end: '06:00+1', staff: pooled(6) },
        ],
        shiftEnd: 'overtime',
        patrol: false,
        hourlyCostCny: 60,
      },
      {
        id: 'ps-security',
        name: { zh: '人民广场站安检', en: "People's Square security lanes" },
        skills: ['security'],
        mode: 'walk',
        placement: 'pooled',
        shifts: [
          { start: '05:00', end: '13:00', staff: 12 },
          { start: '13:00', end: '23:30', staff: 13 },
          { start: '07:00', end: '10:00', staff: 14 },
          { start: '16:30', end: '20:30', staff: 12 },
        ],
        shiftEnd: 'handover',
        patrol: false,
        hourlyCostCny: 35,
        station: 'peoples-square',
        role: 'securityLanes',
      },
      {
        id: 'hx-security',
        name: { zh: '华夏中路站安检', en: 'Huaxia Middle Road security lane' },
        skills: ['security'],
        mode: 'walk',
        placement: 'pooled',
        shifts: [{ start: '05:00', end: '23:30', staff: 1 }],
        shiftEnd: 'handover',
        patrol: false,
        hourlyCostCny: 35,
        station: 'huaxia-middle-road',
        role: 'securityLanes',
      },
      {
        id: 'ps-marshals',
        name: { zh: '人民广场站疏导员', en: "People's Square crowd marshals" },
        skills: ['crowd'],
        mode: 'walk',
        placement: 'pooled',
        shifts: [
          { start: '07:00', end: '15:00', staff: 3 },
          { start: '15:00', end: '23:00', staff: 3 },
        ],
        shiftEnd: 'overtime',
        patrol: false,
        hourlyCostCny: 40,
        station: 'peoples-square',
      },
    ],
    dispatch: { policy: 'gridFirst', neighbourWaitMin: 10, order: 'priority', preemption: false },
    workflow: {
      fileMin: { dist: 'uniform', min: 2, max: 5 },
      dispatchMin: { dist: 'uniform', min: 2, max: 5 },
      verifyMin: logn(15, 5),
      closeMin: logn(10, 4),
    },
    travel: {
      enabled: true,
      speedKmh: { walk: 4.5, ebike: 15, vehicle: 20 },
      detourFactor: 1.3,
      intraCellM: 50,
      patrolSpeedFactor: 0.5,
      // the straight lattice distance: the exact search around the Yangtze, the Huangpu and the lakes costs ~30
      // times the whole run at 633,616 cells (measured 2026-11-30: 133–155 s instead of ~4.5 s for one day);
      // imported districts and the built-in scenarios go around water (src/sim/paths.ts)
      metric: 'lattice',
    },
    targets: { coverage: 0.8 },
    metro: {
      curve: [0, 0, 0, 0, 0, 0.4, 2.5, 7.5, 10, 6, 3.5, 3, 3.2, 3, 2.8, 3.2, 4.5, 8, 9, 5.5, 3.8, 3, 1.8, 0],
      securityServiceS: 3.5,
      crowdThreshold: 600,
      incidentCooldownMin: 15,
      surges: [],
    },
  };
}
