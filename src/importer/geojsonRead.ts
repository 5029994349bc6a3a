/**
 * Reading a district's GeoJSON (allweather import): the text → checked, typed features, or every problem found,
 * each in Chinese and English with the JSON path of the feature and property at fault (`$.features[12].properties.code`).
 *
 * A FeatureCollection in WGS84 lon/lat (EPSG:4326). Features by `properties.kind`:
 * - `grid`: Polygon/MultiPolygon; `code` (unique), optional `name`, `community`, `street`, `district` (names or
 *   codes), `communityCode`, `streetCode`, `districtCode`, and English names as OpenStreetMap writes them:
 *   `name:en`, `community:en`, `street:en`, `district:en` (strings; shown in English, the names above in Chinese);
 * - `landuse`: Polygon/MultiPolygon with `use` one of LAND_USES; `water`: Polygon/MultiPolygon (impassable);
 * - `bridge`: Polygon/MultiPolygon or LineString/MultiLineString (makes the water it crosses passable);
 * - `lowlying`: Polygon/MultiPolygon; `station`: Point with `id`, `name` (optional `nameEn`), `dailyRidership`.
 *
 * Checked here: the JSON, the collection, each feature's kind, geometry type and coordinates (numbers; inside
 * China's extent, lon 73–136 and lat 3–54, and not projected metres), closed rings of at least 4 positions, no
 * self-intersection (@turf/kinks), the kind's properties, unique grid codes and station ids, at least one grid.
 * Properties that are not the kind's own are kept (`extra`) for the scenario's notes.
 *
 * Pure: no I/O.
 */
import kinks from '@turf/kinks';
import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { LAND_USES, type LandUse } from '../scenario/schema.ts';
import { formatPath, scenarioError, type ScenarioError } from '../scenario/messages.ts';

export const FEATURE_KINDS = ['grid', 'landuse', 'water', 'bridge', 'lowlying', 'station'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** China's extent, degrees (with a margin): coordinates outside it are refused. */
export const CHINA_EXTENT = { lonMin: 73, lonMax: 136, latMin: 3, latMax: 54 } as const;

export type Area = Polygon | MultiPolygon;

interface Base {
  /** Index in `features`. */
  index: number;
  /** Properties that are not the kind's own: kept in the scenario's notes. */
  extra: Record<string, unknown>;
}
export interface GridFeature extends Base {
  kind: 'grid';
  geometry: Area;
  code: string;
  name?: string;
  community?: string;
  communityCode?: string;
  street?: string;
  streetCode?: string;
  district?: string;
  districtCode?: string;
  /** English names (`name:en`, `community:en`, `street:en`, `district:en`). */
  nameEn?: string;
  communityEn?: string;
  streetEn?: string;
  districtEn?: string;
}
export interface LandUseFeature extends Base {
  kind: 'landuse';
  geometry: Area;
  use: LandUse;
}
export interface AreaFeature extends Base {
  kind: 'water' | 'lowlying';
  geometry: Area;
}
export interface BridgeFeature extends Base {
  kind: 'bridge';
  geometry: Area | LineString | MultiLineString;
}
export interface StationFeature extends Base {
  kind: 'station';
  lon: number;
  lat: number;
  id: string;
  name: string;
  nameEn?: string;
  dailyRidership?: number;
}
export type DistrictFeature = GridFeature | LandUseFeature | AreaFeature | BridgeFeature | StationFeature;

export type ReadResult =
  | {
      ok: true;
      features: DistrictFeature[];
      /** The collection's own members besides type, features, bbox and crs (a name, a source): kept in notes. */
      extra: Record<string, unknown>;
    }
  | { ok: false; errors: ScenarioError[] };

const GEOMETRIES: Record<FeatureKind, readonly string[]> = {
  grid: ['Polygon', 'MultiPolygon'],
  landuse: ['Polygon', 'MultiPolygon'],
  water: ['Polygon', 'MultiPolygon'],
  bridge: ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'],
  lowlying: ['Polygon', 'MultiPolygon'],
  station: ['Point'],
};
const KIND_ZH: Record<FeatureKind, string> = {
  grid: '网格',
  landuse: '用地',
  water: '水域',
  bridge: '桥梁',
  lowlying: '低洼区',
  station: '车站',
};
/** The properties each kind reads (the rest go to notes). */
const OWN: Record<FeatureKind, readonly string[]> = {
  grid: [
    ...['kind', 'code', 'name', 'community', 'communityCode', 'street', 'streetCode', 'district', 'districtCode'],
    ...['name:en', 'community:en', 'street:en', 'district:en'],
  ],
  landuse: ['kind', 'use'],
  water: ['kind'],
  bridge: ['kind'],
  lowlying: ['kind'],
  station: ['kind', 'id', 'name', 'nameEn', 'dailyRidership'],
};
/** Nesting depth of `coordinates` per geometry type (a Point's is 1: one position). */
const DEPTH: Record<string, number> = { Point: 1, LineString: 2, Polygon: 3, MultiLineString: 3, MultiPolygon: 4 };

type Path = (string | number)[];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const f6 = (x: number) => String(Math.round(x * 1e6) / 1e6);

/** A string property (a number is taken as its decimal text); undefined when absent, null when of another type. */
function text(v: unknown): string | undefined | null {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** Reads and checks a district's GeoJSON text. */
export function readDistrictGeoJson(geojsonText: string): ReadResult {
  const src = geojsonText.charCodeAt(0) === 0xfeff ? geojsonText.slice(1) : geojsonText;
  let raw: unknown;
  try {
    raw = JSON.parse(src);
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [scenarioError('$', 'not_json', `不是有效的 JSON：${m}`, `not valid JSON: ${m}`)] };
  }
  if (!isObject(raw) || raw.type !== 'FeatureCollection' || !Array.isArray(raw.features)) {
    return {
      ok: false,
      errors: [
        scenarioError(
          '$',
          'not_feature_collection',
          '应为 GeoJSON FeatureCollection（{"type": "FeatureCollection", "features": [...]}，WGS84 经纬度）',
          'expected a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": [...]}, WGS84 lon/lat)',
        ),
      ],
    };
  }
  const errors: ScenarioError[] = [];
  const features: DistrictFeature[] = [];
  const codes = new Map<string, number>();
  const stationIds = new Map<string, number>();
  raw.features.forEach((f: unknown, i: number) => {
    const r = readFeature(f, i, errors);
    if (!r) return;
    if (r.kind === 'grid') {
      const first = codes.get(r.code);
      if (first !== undefined) {
        errors.push(
          scenarioError(
            ['features', i, 'properties', 'code'],
            'duplicate_grid_code',
            `网格编码 "${r.code}" 重复：$.features[${first}] 已使用`,
            `grid code "${r.code}" is used twice: $.features[${first}] has it too`,
          ),
        );
        return;
      }
      codes.set(r.code, i);
    }
    if (r.kind === 'station') {
      const first = stationIds.get(r.id);
      if (first !== undefined) {
        errors.push(
          scenarioError(
            ['features', i, 'properties', 'id'],
            'duplicate_station_id',
            `车站 id "${r.id}" 重复：$.features[${first}] 已使用`,
            `station id "${r.id}" is used twice: $.features[${first}] has it too`,
          ),
        );
        return;
      }
      stationIds.set(r.id, i);
    }
    features.push(r);
  });
  if (codes.size === 0) {
    const tried = raw.features.filter(
      (f: unknown) => isObject(f) && isObject(f.properties) && f.properties.kind === 'grid',
    );
    errors.push(
      scenarioError(
        '$.features',
        'no_grid',
        tried.length === 0
          ? '没有任何网格要素（properties.kind 为 "grid" 的 Polygon/MultiPolygon）：至少需要一个'
          : `${tried.length} 个网格要素都有错误（见上），没有可用的网格`,
        tried.length === 0
          ? 'there is no grid feature (a Polygon/MultiPolygon with properties.kind "grid"): at least one is needed'
          : `all ${tried.length} grid feature(s) have errors (above): no usable grid`,
      ),
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  const extra: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) if (!['type', 'features', 'bbox', 'crs'].includes(key)) extra[key] = v;
  return { ok: true, features, extra };
}

function readFeature(f: unknown, i: number, errors: ScenarioError[]): DistrictFeature | null {
  const at = (...p: Path): Path => ['features', i, ...p];
  if (!isObject(f) || f.type !== 'Feature') {
    errors.push(scenarioError(at(), 'not_feature', '应为 GeoJSON Feature 对象', 'expected a GeoJSON Feature object'));
    return null;
  }
  const props = isObject(f.properties) ? f.properties : {};
  const kind = props.kind;
  if (kind === undefined || kind === null || kind === '') {
    errors.push(
      scenarioError(
        at('properties', 'kind'),
        'kind_missing',
        `缺少 properties.kind；应为 ${FEATURE_KINDS.join('、')} 之一`,
        `properties.kind is missing; it must be one of ${FEATURE_KINDS.join(', ')}`,
      ),
    );
    return null;
  }
  if (typeof kind !== 'string' || !(FEATURE_KINDS as readonly string[]).includes(kind)) {
    errors.push(
      scenarioError(
        at('properties', 'kind'),
        'kind_unknown',
        `未知的要素类型 kind = ${JSON.stringify(kind)}；应为 ${FEATURE_KINDS.join('、')} 之一`,
        `unknown kind ${JSON.stringify(kind)}; it must be one of ${FEATURE_KINDS.join(', ')}`,
      ),
    );
    return null;
  }
  const k = kind as FeatureKind;
  const geom = f.geometry;
  const gtype = isObject(geom) ? geom.type : undefined;
  if (typeof gtype !== 'string' || !GEOMETRIES[k].includes(gtype)) {
    const got = isObject(geom) ? JSON.stringify(gtype) : 'null';
    errors.push(
      scenarioError(
        at('geometry', 'type'),
        'wrong_geometry',
        `${KIND_ZH[k]}要素（kind "${k}"）的几何类型应为 ${GEOMETRIES[k].join(' 或 ')}，实为 ${got}`,
        `a ${k} feature needs a ${GEOMETRIES[k].join(' or ')} geometry, got ${got}`,
      ),
    );
    return null;
  }
  const g = geom as { type: string; coordinates: unknown };
  if (!checkCoordinates(g.coordinates, DEPTH[gtype], at('geometry', 'coordinates'), errors)) return null;
  if (gtype === 'Polygon' || gtype === 'MultiPolygon') {
    const polys = (gtype === 'Polygon' ? [g.coordinates] : g.coordinates) as Position[][][];
    let ok = true;
    polys.forEach((rings, pi) =>
      rings.forEach((ring, ri) => {
        const p = gtype === 'Polygon' ? at('geometry', 'coordinates', ri) : at('geometry', 'coordinates', pi, ri);
        ok = checkRing(ring, p, errors) && ok;
      }),
    );
    if (!ok) return null;
    const ks = kinks(g as Area).features;
    if (ks.length > 0) {
      const [x, y] = ks[0].geometry.coordinates;
      errors.push(
        scenarioError(
          at('geometry'),
          'self_intersection',
          `多边形自相交（共 ${ks.length} 处，第一处在 ${f6(x)}, ${f6(y)}）；请在 GIS 中修复几何（如 QGIS“修复几何”）`,
          `the polygon intersects itself (${ks.length} point(s), the first at ${f6(x)}, ${f6(y)}); repair the geometry in a GIS (e.g. QGIS "Fix geometries")`,
        ),
      );
      return null;
    }
  }
  if (gtype === 'LineString' || gtype === 'MultiLineString') {
    const lines = (gtype === 'LineString' ? [g.coordinates] : g.coordinates) as Position[][];
    const bad = lines.findIndex((l) => l.length < 2);
    if (bad >= 0) {
      const p = gtype === 'LineString' ? at('geometry', 'coordinates') : at('geometry', 'coordinates', bad);
      errors.push(scenarioError(p, 'line_too_short', '线至少需要 2 个点', 'a line needs at least 2 positions'));
      return null;
    }
  }
  const extra: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(props)) if (!OWN[k].includes(key)) extra[key] = v;
  const base = { index: i, extra };
  /** A string property; `onlyText`: a number is refused too (an English name is never a code). */
  const str = (key: string, required: boolean, zh: string, onlyText = false): string | undefined | null => {
    const v = onlyText && typeof props[key] === 'number' ? null : text(props[key]);
    if (v === null || (required && v === undefined)) {
      errors.push(
        scenarioError(
          at('properties', key),
          v === null ? 'bad_property' : 'property_missing',
          v === null
            ? `${KIND_ZH[k]}要素的 ${key}（${zh}）应为字符串，实为 ${JSON.stringify(props[key])}`
            : `${KIND_ZH[k]}要素缺少 ${key}（${zh}）`,
          v === null
            ? `a ${k} feature's ${key} must be a string, got ${JSON.stringify(props[key])}`
            : `a ${k} feature needs properties.${key}`,
        ),
      );
      return null;
    }
    return v;
  };
  switch (k) {
    case 'grid': {
      const fields = {
        code: str('code', true, '网格编码'),
        name: str('name', false, '名称'),
        community: str('community', false, '社区'),
        communityCode: str('communityCode', false, '社区编码'),
        street: str('street', false, '街道'),
        streetCode: str('streetCode', false, '街道编码'),
        district: str('district', false, '区'),
        districtCode: str('districtCode', false, '区编码'),
        nameEn: str('name:en', false, '英文名称', true),
        communityEn: str('community:en', false, '社区英文名', true),
        streetEn: str('street:en', false, '街道英文名', true),
        districtEn: str('district:en', false, '区英文名', true),
      };
      if (Object.values(fields).some((v) => v === null)) return null;
      const out: GridFeature = { ...base, kind: 'grid', geometry: g as Area, code: fields.code! };
      for (const [key, v] of Object.entries(fields)) if (key !== 'code' && v) Object.assign(out, { [key]: v });
      return out;
    }
    case 'landuse': {
      const use = props.use;
      if (typeof use !== 'string' || !(LAND_USES as readonly string[]).includes(use)) {
        errors.push(
          scenarioError(
            at('properties', 'use'),
            'unknown_land_use',
            `用地类型 use = ${JSON.stringify(use ?? null)} 无效；应为 ${LAND_USES.join('、')} 之一`,
            `land use ${JSON.stringify(use ?? null)} is not one of ${LAND_USES.join(', ')}`,
          ),
        );
        return null;
      }
      return { ...base, kind: 'landuse', geometry: g as Area, use: use as LandUse };
    }
    case 'water':
    case 'lowlying':
      return { ...base, kind: k, geometry: g as Area };
    case 'bridge':
      return { ...base, kind: 'bridge', geometry: g as BridgeFeature['geometry'] };
    case 'station': {
      const id = str('id', true, '车站 id');
      const name = str('name', true, '站名');
      const nameEn = str('nameEn', false, '英文站名');
      if (id === null || name === null || nameEn === null) return null;
      const r = props.dailyRidership;
      if (r !== undefined && (typeof r !== 'number' || !Number.isFinite(r) || r < 0 || r > 5_000_000)) {
        errors.push(
          scenarioError(
            at('properties', 'dailyRidership'),
            'bad_ridership',
            `日客流 dailyRidership 应为 0–5,000,000 的数，实为 ${JSON.stringify(r)}`,
            `dailyRidership must be a number from 0 to 5,000,000, got ${JSON.stringify(r)}`,
          ),
        );
        return null;
      }
      const [lon, lat] = g.coordinates as Position;
      const out: StationFeature = { ...base, kind: 'station', lon, lat, id: id!, name: name! };
      if (nameEn) out.nameEn = nameEn;
      if (typeof r === 'number') out.dailyRidership = r;
      return out;
    }
  }
}

/**
 * The coordinates nest `depth` arrays deep down to positions of 2 (or 3) finite numbers, every position inside
 * China's extent; the first problem is reported with its path.
 */
function checkCoordinates(c: unknown, depth: number, path: Path, errors: ScenarioError[]): boolean {
  if (depth === 1) {
    if (!Array.isArray(c) || c.length < 2 || c.length > 3 || !c.every((x) => typeof x === 'number' && isFinite(x))) {
      errors.push(
        scenarioError(
          path,
          'bad_coordinates',
          `坐标应为 [经度, 纬度]（数字），实为 ${JSON.stringify(c)?.slice(0, 80)}`,
          `a position must be [lon, lat] (numbers), got ${JSON.stringify(c)?.slice(0, 80)}`,
        ),
      );
      return false;
    }
    const [lon, lat] = c as number[];
    const E = CHINA_EXTENT;
    const swapped = lat >= E.lonMin && lat <= E.lonMax && lon >= E.latMin && lon <= E.latMax;
    if (!swapped && (Math.abs(lon) > 180 || Math.abs(lat) > 90)) {
      errors.push(
        scenarioError(
          path,
          'projected_coordinates',
          `坐标 ${lon}, ${lat} 不是经纬度：看来是投影坐标（米）。请先转换为 WGS84 经纬度（EPSG:4326），例如 ogr2ogr -t_srs EPSG:4326`,
          `position ${lon}, ${lat} is not lon/lat: it looks like projected metres. Reproject to WGS84 lon/lat (EPSG:4326) first, e.g. ogr2ogr -t_srs EPSG:4326`,
        ),
      );
      return false;
    }
    if (lon < E.lonMin || lon > E.lonMax || lat < E.latMin || lat > E.latMax) {
      errors.push(
        scenarioError(
          path,
          'outside_china',
          `坐标 ${lon}, ${lat} 在中国范围（经度 ${E.lonMin}–${E.lonMax}，纬度 ${E.latMin}–${E.latMax}）之外${swapped ? '：经纬度是否写反了？GeoJSON 的顺序是 [经度, 纬度]' : ''}`,
          `position ${lon}, ${lat} is outside China's extent (lon ${E.lonMin}–${E.lonMax}, lat ${E.latMin}–${E.latMax})${swapped ? ': are lon and lat swapped? GeoJSON order is [lon, lat]' : ''}`,
        ),
      );
      return false;
    }
    return true;
  }
  if (!Array.isArray(c)) {
    errors.push(
      scenarioError(
        path,
        'bad_coordinates',
        `坐标结构不对：此处应为数组`,
        `coordinates are malformed: an array is expected here`,
      ),
    );
    return false;
  }
  for (let j = 0; j < c.length; j++) if (!checkCoordinates(c[j], depth - 1, [...path, j], errors)) return false;
  return true;
}

/** A linear ring: at least 4 positions, the last equal to the first. */
function checkRing(ring: Position[], path: Path, errors: ScenarioError[]): boolean {
  if (ring.length < 4) {
    errors.push(
      scenarioError(
        path,
        'ring_too_short',
        `多边形的环至少需要 4 个点（首尾相同），此环有 ${ring.length} 个`,
        `a polygon ring needs at least 4 positions (the last repeating the first); this one has ${ring.length}`,
      ),
    );
    return false;
  }
  const a = ring[0],
    b = ring[ring.length - 1];
  if (a[0] !== b[0] || a[1] !== b[1]) {
    errors.push(
      scenarioError(
        path,
        'ring_not_closed',
        `多边形的环未闭合：首点 ${a[0]}, ${a[1]} 与末点 ${b[0]}, ${b[1]} 不同（GeoJSON 要求末点重复首点）`,
        `the polygon ring is not closed: first position ${a[0]}, ${a[1]} differs from the last ${b[0]}, ${b[1]} (GeoJSON repeats the first position at the end)`,
      ),
    );
    return false;
  }
  return true;
}

/** `$.features[i]` for notes. */
export const featurePath = (i: number): string => formatPath(['features', i]);
