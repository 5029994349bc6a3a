/**
 * A district's GeoJSON → a scenario (allweather import, and the app's open/drop).
 *
 *     const r = importDistrict(geojsonText, { base: baselineScenario, cellSizeM: 100 });
 *     if (!r.ok) console.error(formatErrors(r.errors));   // bilingual, `$.features[12].properties.code`
 *     else save(r.scenario);                               // passes parseScenario, plays as is
 *
 * The features (geojsonRead.ts) are rasterised onto unit cells (rasterise.ts):
 * - the lattice covers the grids' bounding box (origin its north-west corner, lat0 its middle latitude,
 *   `cellSizeM` cells, default 100 m: the 万米单元网格);
 * - a cell belongs to the first grid (in file order) whose polygon holds the cell's centre; cells claimed by a
 *   later grid too are counted (`stats.overlapCells`) and said in the notes; cells no grid holds are outside the
 *   city (-1);
 * - a grid too small to hold any cell centre gets the cell under a point on its surface (@turf/point-on-feature),
 *   taken from its neighbour if that one has cells to spare, and a note says so;
 * - land use: the base's default, then `landuse` polygons in file order (a later one paints over an earlier
 *   one), then `water` (land use water, impassable) over all of them; `bridge` polygons and lines set the bridge
 *   flag (water passable there); `lowlying` the low-lying flag. Land use and low-lying are painted inside the
 *   district only; water and bridges on the whole lattice, since travel passes through cells outside the
 *   district (a river along its edge is not a road round it); the counts in `stats` are of cells inside;
 * - stations stand in their cell, which must be inside a grid.
 * The hierarchy comes from the grids' properties (hierarchy.ts); everything that is not the city — event types,
 * teams, dispatch, workflow, travel, run, targets, weather, metro — from the base scenario, fitted to the new
 * city (adaptBase.ts). The result is checked with the scenario's own parser before it is returned.
 *
 * Pure: no I/O.
 */
import pointOnFeature from '@turf/point-on-feature';
import { LAND_USES, type Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { encodeRuns } from '../scenario/runs.ts';
import { parseScenarioObject } from '../scenario/load.ts';
import { LIMITS } from '../scenario/limits.ts';
import { scenarioError, type ScenarioError } from '../scenario/messages.ts';
import {
  readDistrictGeoJson,
  type AreaFeature,
  type BridgeFeature,
  type DistrictFeature,
  type GridFeature,
  type LandUseFeature,
  type StationFeature,
} from './geojsonRead.ts';
import { latticeOver, lineCells, polygonCells, type Lattice } from './rasterise.ts';
import { buildHierarchy } from './hierarchy.ts';
import { adaptBase } from './adaptBase.ts';
import { cellOf } from './project.ts';
import bbox from '@turf/bbox';

export interface ImportOptions {
  /** Side of a unit cell, metres (default 100). */
  cellSizeM?: number;
  /** Where event types, teams, dispatch, run, workflow and targets come from; its city is replaced. */
  base: Scenario;
}

export interface ImportStats {
  cols: number;
  rows: number;
  /** Cells inside the district (in some grid). */
  cells: number;
  grids: number;
  streets: number;
  communities: number;
  /** Cells whose centre more than one grid's polygon holds (the first grid in file order keeps them). */
  overlapCells: number;
  /** Grids too small to hold a cell centre, given the cell under a point on their surface. */
  smallGrids: number;
  waterCells: number;
  bridgeCells: number;
  lowLyingCells: number;
  stations: number;
  /** Features read, by kind. */
  features: Record<string, number>;
}

export type ImportResult =
  { ok: true; scenario: ScenarioInput; notes: string[]; stats: ImportStats } | { ok: false; errors: ScenarioError[] };

const MAX_EXTRA_NOTES = 200;

export function importDistrict(geojsonText: string, opts: ImportOptions): ImportResult {
  const cellSizeM = opts.cellSizeM ?? 100;
  if (!(cellSizeM >= LIMITS.cellSizeMMin && cellSizeM <= LIMITS.cellSizeMMax)) {
    return fail(
      scenarioError(
        '$',
        'bad_cell_size',
        `单元边长须在 ${LIMITS.cellSizeMMin}–${LIMITS.cellSizeMMax} 米之间，实为 ${cellSizeM}`,
        `the cell size must be ${LIMITS.cellSizeMMin}–${LIMITS.cellSizeMMax} m, got ${cellSizeM}`,
      ),
    );
  }
  const read = readDistrictGeoJson(geojsonText);
  if (!read.ok) return read;
  const features = read.features;
  const grids = features.filter((f): f is GridFeature => f.kind === 'grid');
  const of = <K extends DistrictFeature['kind']>(...kinds: K[]) =>
    features.filter((f) => (kinds as string[]).includes(f.kind)) as Extract<DistrictFeature, { kind: K }>[];

  // the lattice over the grids' bounding box
  const box = bbox({ type: 'GeometryCollection', geometries: grids.map((g) => g.geometry) });
  const lat = latticeOver(box, cellSizeM);
  const n = lat.cols * lat.rows;
  if (lat.cols > LIMITS.citySide || lat.rows > LIMITS.citySide || n > LIMITS.cells) {
    return fail(
      scenarioError(
        '$.features',
        'district_too_large',
        `网格范围在 ${cellSizeM} 米单元下为 ${lat.cols} × ${lat.rows} 个单元，超过上限（每边 ${LIMITS.citySide}，共 ${LIMITS.cells.toLocaleString('en-US')}）；请用更大的 --cell-size`,
        `at ${cellSizeM} m the grids' extent is ${lat.cols} × ${lat.rows} cells, over the limits (${LIMITS.citySide} a side, ${LIMITS.cells.toLocaleString('en-US')} in all); use a larger --cell-size`,
      ),
    );
  }

  const notes: string[] = [];
  const errors: ScenarioError[] = [];
  const stats: ImportStats = {
    cols: lat.cols,
    rows: lat.rows,
    cells: 0,
    grids: grids.length,
    streets: 0,
    communities: 0,
    overlapCells: 0,
    smallGrids: 0,
    waterCells: 0,
    bridgeCells: 0,
    lowLyingCells: 0,
    stations: 0,
    features: {},
  };
  for (const f of features) stats.features[f.kind] = (stats.features[f.kind] ?? 0) + 1;

  // grids: first in file order wins
  const cellGrid = new Int32Array(n).fill(-1);
  const count = new Int32Array(grids.length);
  const overlaps = new Map<string, number>();
  grids.forEach((g, gi) => {
    for (const c of polygonCells(lat, g.geometry)) {
      const owner = cellGrid[c];
      if (owner === -1) {
        cellGrid[c] = gi;
        count[gi]++;
      } else if (owner !== gi) {
        stats.overlapCells++;
        const key = `${grids[owner].code} / ${g.code}`;
        overlaps.set(key, (overlaps.get(key) ?? 0) + 1);
      }
    }
  });
  if (stats.overlapCells > 0) {
    const pairs = [...overlaps.entries()].slice(0, 50).map(([k, v]) => `${k}: ${v}`);
    notes.push(
      `网格重叠：${stats.overlapCells} 个单元的中心落在不止一个网格中，归文件中靠前的网格 / grids overlap: ${stats.overlapCells} cell centre(s) lie in more than one grid and went to the grid first in the file (${pairs.join('; ')}${overlaps.size > 50 ? '; …' : ''})`,
    );
  }
  // grids smaller than a cell: the cell under a point on their surface
  const small: string[] = [];
  grids.forEach((g, gi) => {
    if (count[gi] > 0) return;
    const [lon, la] = pointOnFeature(g.geometry).geometry.coordinates;
    const c = cellOf(lat, lat.cols, lat.rows, lat.cellSizeM, lon, la);
    const owner = c < 0 ? -2 : cellGrid[c];
    if (c >= 0 && (owner === -1 || count[owner] > 1)) {
      if (owner >= 0) count[owner]--;
      cellGrid[c] = gi;
      count[gi] = 1;
      stats.smallGrids++;
      small.push(g.code);
      return;
    }
    errors.push(
      scenarioError(
        ['features', g.index, 'geometry'],
        'grid_too_small',
        `网格 "${g.code}" 小于一个 ${cellSizeM} 米单元，且其所在单元已是另一个只有一个单元的网格 "${grids[owner]?.code}"；请用更小的 --cell-size`,
        `grid "${g.code}" is smaller than a ${cellSizeM} m cell and its cell is the only cell of grid "${grids[owner]?.code}"; use a smaller --cell-size`,
      ),
    );
  });
  if (small.length > 0) {
    notes.push(
      `${small.length} 个网格小于一个单元（多边形不含任何单元中心），各给其面上一点所在的单元 / ${small.length} grid(s) smaller than a cell (no cell centre inside) were each given the cell under a point on their surface: ${small.join(', ')}`,
    );
  }
  for (let i = 0; i < n; i++) if (cellGrid[i] >= 0) stats.cells++;

  // land use and low-lying inside the district; water and bridges wherever they are (travel crosses outside cells)
  const defaultUse = LAND_USES.indexOf(opts.base.city.defaultLandUse);
  const water = LAND_USES.indexOf('water');
  const landUse = new Int32Array(n).fill(defaultUse);
  const lowLying = new Int32Array(n);
  const bridge = new Int32Array(n);
  const paint = (cells: number[], raster: Int32Array, v: number, inside = true) => {
    for (const c of cells) if (!inside || cellGrid[c] >= 0) raster[c] = v;
  };
  for (const f of of('landuse') as LandUseFeature[])
    paint(polygonCells(lat, f.geometry), landUse, LAND_USES.indexOf(f.use));
  for (const f of of('water') as AreaFeature[]) paint(polygonCells(lat, f.geometry), landUse, water, false);
  for (const f of of('lowlying') as AreaFeature[]) paint(polygonCells(lat, f.geometry), lowLying, 1);
  for (const f of of('bridge') as BridgeFeature[]) {
    const g = f.geometry;
    paint(
      g.type === 'LineString' || g.type === 'MultiLineString' ? lineCells(lat, g) : polygonCells(lat, g),
      bridge,
      1,
      false,
    );
  }
  let dryBridges = 0;
  for (let i = 0; i < n; i++) {
    if (cellGrid[i] < 0) continue;
    if (landUse[i] === water) stats.waterCells++;
    if (lowLying[i]) stats.lowLyingCells++;
    if (bridge[i]) {
      stats.bridgeCells++;
      if (landUse[i] !== water) dryBridges++;
    }
  }
  if (of('bridge').length > 0) {
    notes.push(
      `桥梁：${stats.bridgeCells} 个单元（其中 ${stats.bridgeCells - dryBridges} 个在水上，${dryBridges} 个在岸上）/ bridges: ${stats.bridgeCells} cell(s), ${stats.bridgeCells - dryBridges} over water and ${dryBridges} on land`,
    );
  }

  // stations
  const taken = new Map<number, StationFeature>();
  const stations: Scenario['city']['stations'] = [];
  for (const s of of('station') as StationFeature[]) {
    const c = cellOf(lat, lat.cols, lat.rows, lat.cellSizeM, s.lon, s.lat);
    if (c < 0 || cellGrid[c] < 0) {
      errors.push(
        scenarioError(
          ['features', s.index, 'geometry', 'coordinates'],
          'station_outside',
          `车站 "${s.id}"（${s.lon}, ${s.lat}）不在任何网格内`,
          `station "${s.id}" (${s.lon}, ${s.lat}) is inside no grid`,
        ),
      );
      continue;
    }
    const other = taken.get(c);
    if (other) {
      errors.push(
        scenarioError(
          ['features', s.index, 'geometry', 'coordinates'],
          'station_cell_taken',
          `车站 "${s.id}" 与 $.features[${other.index}] 的车站 "${other.id}" 在同一个 ${cellSizeM} 米单元中；每个单元最多一个车站`,
          `station "${s.id}" is in the same ${cellSizeM} m cell as station "${other.id}" ($.features[${other.index}]); a cell holds at most one station`,
        ),
      );
      continue;
    }
    taken.set(c, s);
    stations.push({
      id: s.id,
      name: { zh: s.name, en: s.nameEn ?? s.name },
      x: c % lat.cols,
      y: Math.floor(c / lat.cols),
      ...(s.dailyRidership !== undefined ? { dailyRidership: s.dailyRidership } : {}),
    });
  }
  stats.stations = stations.length;
  if (errors.length > 0) return { ok: false, errors };

  const { hierarchy, gridCommunity, notes: hNotes } = buildHierarchy(grids);
  notes.push(...hNotes);
  stats.streets = hierarchy.streets.length;
  stats.communities = hierarchy.communities.length;
  const adapted = adaptBase(opts.base, stations, stats.lowLyingCells > 0);
  notes.push(...adapted.notes);

  const scenario = assemble(opts.base, lat, {
    grids: grids.map((g, gi) => ({
      code: g.code,
      ...(g.name !== undefined ? { name: g.name } : {}),
      ...(g.nameEn !== undefined ? { nameEn: g.nameEn } : {}),
      ...(gridCommunity[gi] !== undefined ? { community: gridCommunity[gi] } : {}),
    })),
    grid: encodeRuns(cellGrid),
    landUse: features.some((f) => f.kind === 'landuse' || f.kind === 'water') ? encodeRuns(landUse) : undefined,
    lowLying: stats.lowLyingCells > 0 ? encodeRuns(lowLying) : undefined,
    bridge: bridge.some((v) => v === 1) ? encodeRuns(bridge) : undefined,
    hierarchy,
    stations,
    adapted,
    stats,
    notes: [
      ...(Object.keys(read.extra).length > 0
        ? [`$ (FeatureCollection): ${JSON.stringify(read.extra)}`.slice(0, LIMITS.noteChars)]
        : []),
      ...notes,
      ...extraNotes(features),
    ],
  });
  const check = parseScenarioObject(scenario);
  if (!check.ok) return { ok: false, errors: check.errors };
  return { ok: true, scenario, notes, stats };
}

function fail(e: ScenarioError): ImportResult {
  return { ok: false, errors: [e] };
}

/** Properties that are not a kind's own, one note per feature (at most MAX_EXTRA_NOTES, then a count). */
function extraNotes(features: readonly DistrictFeature[]): string[] {
  const out: string[] = [];
  let more = 0;
  for (const f of features) {
    const keys = Object.keys(f.extra);
    if (keys.length === 0) continue;
    if (out.length >= MAX_EXTRA_NOTES) {
      more++;
      continue;
    }
    const who = f.kind === 'grid' ? ` grid ${f.code}` : f.kind === 'station' ? ` station ${f.id}` : ` ${f.kind}`;
    out.push(`$.features[${f.index}]${who}: ${JSON.stringify(f.extra)}`.slice(0, LIMITS.noteChars));
  }
  if (more > 0) out.push(`… 另有 ${more} 个要素带其他属性 / … and ${more} more feature(s) with other properties`);
  return out;
}

interface Parts {
  grids: { code: string; name?: string; nameEn?: string; community?: string }[];
  grid: ReturnType<typeof encodeRuns>;
  landUse?: ReturnType<typeof encodeRuns>;
  lowLying?: ReturnType<typeof encodeRuns>;
  bridge?: ReturnType<typeof encodeRuns>;
  hierarchy: ReturnType<typeof buildHierarchy>['hierarchy'];
  stations: Scenario['city']['stations'];
  adapted: ReturnType<typeof adaptBase>;
  stats: ImportStats;
  notes: string[];
}

function assemble(base: Scenario, lat: Lattice, p: Parts): ScenarioInput {
  const { $schema: _schema, city: baseCity, notes: baseNotes, metro: _metro, ...rest } = base;
  const d = p.hierarchy.district;
  const dEn = d.nameEn ?? d.name; // the district's English name (district:en) in the English texts
  const slug = d.code
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const s = p.stats;
  const summary = {
    zh: `由 GeoJSON 导入的辖区 ${d.name}：${s.grids} 个网格、${s.communities} 个社区、${s.streets} 个街道，${s.cells} 个 ${lat.cellSizeM} 米单元（${s.cols} × ${s.rows} 格网），${s.waterCells} 个水域单元、${s.bridgeCells} 个桥梁单元、${s.lowLyingCells} 个低洼单元、${s.stations} 个车站。事件类型、队伍与调度取自底本场景 ${base.id}。`,
    en: `District ${dEn} imported from GeoJSON: ${s.grids} grids, ${s.communities} communities, ${s.streets} streets, ${s.cells} cells of ${lat.cellSizeM} m (a ${s.cols} × ${s.rows} lattice), ${s.waterCells} water, ${s.bridgeCells} bridge and ${s.lowLyingCells} low-lying cells, ${s.stations} station(s). Event types, teams and dispatch come from the base scenario ${base.id}.`,
  };
  const notes = [summary.en, ...p.notes, ...baseNotes.map((n) => `[${base.id}] ${n}`.slice(0, LIMITS.noteChars))].slice(
    0,
    LIMITS.notes,
  );
  return {
    ...rest,
    schemaVersion: base.schemaVersion,
    id: `imported-${slug || 'district'}`.slice(0, LIMITS.nameChars),
    name: { zh: `${d.name}（导入）`.slice(0, LIMITS.nameChars), en: `${dEn} (imported)`.slice(0, LIMITS.nameChars) },
    description: summary,
    notes,
    city: {
      cellSizeM: lat.cellSizeM,
      cols: lat.cols,
      rows: lat.rows,
      // 1: the district's own grids; a grid-size study sets k > 1 to regroup the cells into k x k blocks
      gridSize: 1,
      defaultLandUse: baseCity.defaultLandUse,
      ...(baseCity.density ? { density: baseCity.density } : {}),
      zones: [],
      stations: p.stations,
      districts: [],
      layout: {
        grids: p.grids,
        grid: p.grid,
        ...(p.landUse ? { landUse: p.landUse } : {}),
        ...(p.lowLying ? { lowLying: p.lowLying } : {}),
        ...(p.bridge ? { bridge: p.bridge } : {}),
      },
      hierarchy: p.hierarchy,
      geo: {
        originLon: lat.originLon,
        originLat: lat.originLat,
        projection: 'equirectangular',
        lat0: lat.lat0,
        utcOffsetMin: baseCity.geo?.utcOffsetMin ?? 480,
      },
    },
    eventTypes: p.adapted.eventTypes,
    teams: p.adapted.teams,
    ...(p.adapted.metro ? { metro: p.adapted.metro } : {}),
  };
}
