/**
 * District import from GeoJSON (importDistrict): rasterisation of irregular grids, holes and MultiPolygons; a
 * bilingual error with its path for each kind of bad input; English names (name:en, street:en, …) carried into the
 * hierarchy; the committed sample district validates and plays deterministically.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { loadScenarioOrThrow, parseScenarioObject } from '../scenario/load.ts';
import { decodeRuns } from '../scenario/runs.ts';
import { LAND_USES, type Scenario } from '../scenario/schema.ts';
import { runScenario } from '../sim/run.ts';
import { City } from '../sim/city.ts';
import { createEngine } from '../sim/api.ts';
import { gridNamesIn, placeName } from '../i18n/place.ts';
import { importDistrict, type ImportResult } from './geojson.ts';
import { cellOf, toLonLat, type GeoFrame } from './project.ts';
import { walkSegment } from './rasterise.ts';

const BASE = loadScenarioOrThrow(
  readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8'),
);
const SAMPLE = readFileSync(new URL('../../scenarios/sample-district/district.geojson', import.meta.url), 'utf8');

// Test shapes are drawn in metres east/south of this point and turned into lon/lat.
const F: GeoFrame = { originLon: 121.45, originLat: 31.23, lat0: 31.22 };
const P = (x: number, y: number) => {
  const p = toLonLat(F, x, y);
  return [p.lon, p.lat];
};
const poly = (...rings: number[][][]): Geometry => ({
  type: 'Polygon',
  coordinates: rings.map((r) => [...r.map(([x, y]) => P(x, y)), P(r[0][0], r[0][1])]),
});
const feature = (properties: Record<string, unknown>, geometry: Geometry | null): Feature =>
  ({ type: 'Feature', properties, geometry }) as Feature;
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

/**
 * A 1 km × 800 m district of irregular grids:
 * - A: a concave L (west and north), B: a slanted quadrilateral (east),
 * - C: a pentagon with a square hole, D: the square in C's hole,
 * - E: a MultiPolygon of two separate triangles (south-west and south-east corners).
 */
const A = poly([
  [0, 0],
  [620, 0],
  [560, 250],
  [260, 300],
  [240, 800],
  [0, 800],
]);
const B = poly([
  [620, 0],
  [1000, 0],
  [1000, 560],
  [700, 480],
  [560, 250],
]);
const C = poly(
  [
    [260, 300],
    [560, 250],
    [700, 480],
    [640, 640],
    [300, 620],
  ],
  [
    [400, 380],
    [400, 520],
    [540, 520],
    [540, 380],
  ],
);
const D = poly([
  [400, 380],
  [540, 380],
  [540, 520],
  [400, 520],
]);
const E: Geometry = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [240, 800],
        [300, 620],
        [480, 800],
      ].map(([x, y]) => P(x, y)),
    ],
    [
      [
        [1000, 560],
        [1000, 800],
        [700, 800],
      ].map(([x, y]) => P(x, y)),
    ],
  ].map((parts) => parts.map((r) => [...r, r[0]])),
};
const GRIDS = [
  feature({ kind: 'grid', code: 'A', name: '甲', community: '一社区', street: '北街道', district: '测试区' }, A),
  feature({ kind: 'grid', code: 'B', community: '一社区', street: '北街道', district: '测试区' }, B),
  feature({ kind: 'grid', code: 'C', communityCode: 'c2', community: '二社区', streetCode: 's2', street: '南街道' }, C),
  feature({ kind: 'grid', code: 'D', communityCode: 'c2', streetCode: 's2', source: 'survey 2024' }, D),
  feature({ kind: 'grid', code: 'E', communityCode: 'c2', streetCode: 's2' }, E),
];

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 1));
  return r;
}

/** The grid code of the cell holding the metre point (x, y) of the test frame, or null outside. */
function gridAt(sc: ReturnType<typeof ok>['scenario'], x: number, y: number): string | null {
  const c = sc.city;
  const cells = decodeRuns(c.layout!.grid, c.cols * c.rows, -1);
  const [lon, lat] = P(x, y);
  const cell = cellOf(c.geo!, c.cols, c.rows, c.cellSizeM ?? 100, lon, lat);
  return cell < 0 || cells[cell] < 0 ? null : c.layout!.grids[cells[cell]].code;
}

function errorsOf(text: string): { path: string; code: string; zh: string; en: string }[] {
  const r = importDistrict(text, { base: BASE });
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('rasterising a district', () => {
  const r = ok(importDistrict(fc(GRIDS), { base: BASE, cellSizeM: 20 }));

  it('puts known points in the right grid: irregular polygons, a hole, a MultiPolygon', () => {
    const cases: [number, number, string | null][] = [
      [100, 100, 'A'],
      [100, 700, 'A'], // the L's foot
      [400, 100, 'A'],
      [900, 100, 'B'],
      [900, 450, 'B'],
      [620, 300, 'B'], // B's slanted west edge bulges into the middle
      [330, 360, 'C'],
      [600, 560, 'C'],
      [470, 450, 'D'], // C's hole is D
      [290, 760, 'E'], // E's first part
      [940, 760, 'E'], // E's second part
      [600, 760, null], // between E's parts: outside every grid
    ];
    for (const [x, y, code] of cases) expect(gridAt(r.scenario, x, y), `${x}, ${y}`).toBe(code);
  });

  it('covers the grids with a lattice from their north-west corner; cells outside every grid are -1', () => {
    const c = r.scenario.city;
    expect(c.cols).toBe(50);
    expect(c.rows).toBe(40);
    expect(c.geo!.originLon).toBeCloseTo(F.originLon, 9);
    expect(c.geo!.originLat).toBeCloseTo(F.originLat, 9);
    expect(r.stats.grids).toBe(5);
    expect(r.stats.overlapCells).toBe(0);
    // area check: the cells of each grid are its area within a few percent
    const cells = decodeRuns(c.layout!.grid, c.cols * c.rows, -1);
    const count = (g: number) => cells.filter((v) => v === g).length * 400;
    expect(count(3)).toBeGreaterThan(140 * 140 * 0.85);
    expect(count(3)).toBeLessThan(140 * 140 * 1.15);
    expect(cells.filter((v) => v === -1).length).toBeGreaterThan(0);
  });

  it('builds the hierarchy from names or codes, and keeps other properties in the notes', () => {
    const h = r.scenario.city.hierarchy!;
    // strict: no English name (nameEn) where the file gives none
    expect(h.district).toStrictEqual({ code: '测试区', name: '测试区' });
    expect(h.streets).toStrictEqual([
      { code: '北街道', name: '北街道' },
      { code: 's2', name: '南街道' },
    ]);
    expect(h.communities).toStrictEqual([
      { code: '一社区', name: '一社区', street: '北街道' },
      { code: 'c2', name: '二社区', street: 's2' },
    ]);
    expect(r.scenario.city.layout!.grids.map((g) => g.community)).toEqual(['一社区', '一社区', 'c2', 'c2', 'c2']);
    expect(r.scenario.city.layout!.grids[0].name).toBe('甲');
    expect(r.scenario.notes!.some((n) => n.includes('grid D') && n.includes('survey 2024'))).toBe(true);
  });

  it('validates with the scenario parser and keeps the base but for its city', () => {
    const p = parseScenarioObject(r.scenario);
    expect(p.ok).toBe(true);
    expect(r.scenario.city.zones).toEqual([]);
    expect(r.scenario.city.districts).toEqual([]);
    expect(r.scenario.city.gridSize).toBe(1); // the district's own grids (k > 1 regroups them)
    expect(r.scenario.city.stations).toEqual([]);
    // no station: the base's station teams, crowd incidents and metro go; no low-lying cell: road ponding rate 0
    expect(r.scenario.teams.some((t) => t.station !== undefined)).toBe(false);
    expect(r.scenario.eventTypes.some((e) => e.crowdIncident)).toBe(false);
    expect(r.scenario.metro).toBeUndefined();
    expect(r.scenario.eventTypes.find((e) => e.id === 'road-ponding')!.ratePerDay).toBe(0);
    expect(r.scenario.dispatch).toEqual(BASE.dispatch);
  });
});

describe('English names (name:en, street:en, community:en, district:en)', () => {
  const en = (f: Feature, props: Record<string, unknown>): Feature => ({
    ...f,
    properties: { ...f.properties, ...props },
  });
  const english = [
    en(GRIDS[0], {
      'name:en': 'Jia',
      'community:en': 'First Community',
      'street:en': 'North Street',
      'district:en': 'Test District',
    }),
    GRIDS[1], // names no English: its places keep the English names another grid gives them
    en(GRIDS[2], { 'street:en': 'South Street' }),
    en(GRIDS[3], { 'community:en': 'Second Community' }), // not the community's first grid: it still names it
    GRIDS[4],
  ];

  it("become the hierarchy's and the grids' English names, and the scenario's English name; it validates", () => {
    const r = ok(importDistrict(fc(english), { base: BASE, cellSizeM: 20 }));
    const h = r.scenario.city.hierarchy!;
    expect(h.district).toEqual({ code: '测试区', name: '测试区', nameEn: 'Test District' });
    expect(h.streets).toEqual([
      { code: '北街道', name: '北街道', nameEn: 'North Street' },
      { code: 's2', name: '南街道', nameEn: 'South Street' },
    ]);
    expect(h.communities).toEqual([
      { code: '一社区', name: '一社区', nameEn: 'First Community', street: '北街道' },
      { code: 'c2', name: '二社区', nameEn: 'Second Community', street: 's2' },
    ]);
    expect(r.scenario.city.layout!.grids.map((g) => [g.name, g.nameEn])).toEqual([
      ['甲', 'Jia'],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(r.scenario.name).toEqual({ zh: '测试区（导入）', en: 'Test District (imported)' });
    expect(r.scenario.description!.en).toContain('District Test District imported');
    expect(r.scenario.description!.zh).toContain('辖区 测试区');
    expect(parseScenarioObject(r.scenario).ok).toBe(true);
    // English names are not notes (they are the grid's own properties)
    expect(r.scenario.notes!.some((n) => n.includes('name:en') || n.includes('street:en'))).toBe(false);
  });

  it("reach the page's hierarchy: English in English, the names as given in Chinese", () => {
    const sc = loadScenarioOrThrow(
      JSON.stringify(ok(importDistrict(fc(english), { base: BASE, cellSizeM: 20 })).scenario),
    );
    const h = createEngine(sc, 1).layout().hierarchy;
    expect(placeName(h.district, 'en')).toBe('Test District');
    expect(placeName(h.district, 'zh-CN')).toBe('测试区');
    expect(h.streets.map((st) => placeName(st, 'en'))).toEqual(['North Street', 'South Street']);
    expect(h.streets.map((st) => placeName(st, 'zh-CN'))).toEqual(['北街道', '南街道']);
    expect(h.communities.map((c) => placeName(c, 'en'))).toEqual(['First Community', 'Second Community']);
    expect(gridNamesIn(h, 'en')).toEqual(['Jia', '', '', '', '']);
    expect(gridNamesIn(h, 'zh-CN')).toEqual(['甲', '', '', '', '']);
  });

  it('absent: the import is as before (no nameEn anywhere, the English name from the Chinese)', () => {
    const r = ok(importDistrict(fc(GRIDS), { base: BASE, cellSizeM: 20 }));
    // the hierarchy itself, key for key: 'builds the hierarchy from names or codes' above (toStrictEqual)
    expect(JSON.stringify(r.scenario)).not.toContain('nameEn');
    expect(r.scenario.name.en).toBe('测试区 (imported)');
    const sc = loadScenarioOrThrow(JSON.stringify(r.scenario));
    const view = createEngine(sc, 1).layout().hierarchy;
    expect(view.gridNamesEn).toBeUndefined();
    expect(view.streets.map((st) => placeName(st, 'en'))).toEqual(['北街道', '南街道']);
  });

  it.each([
    ['name:en', 12],
    ['street:en', true],
    ['community:en', { en: 'x' }],
    ['district:en', ['Test District']],
  ])('%s = %j: a bilingual error naming the feature and the property', (key, value) => {
    const errs = errorsOf(fc([GRIDS[0], en(GRIDS[1], { [key]: value })]));
    expect(errs).toHaveLength(1);
    const e = errs[0];
    expect(e.code).toBe('bad_property');
    expect(e.path).toBe(`$.features[1].properties[${JSON.stringify(key)}]`);
    expect(e.en).toBe(`a grid feature's ${key} must be a string, got ${JSON.stringify(value)}`);
    expect(e.zh).toContain(key);
    expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('water, bridges, land use, low-lying and stations', () => {
  const river = poly([
    [0, 380],
    [1000, 380],
    [1000, 440],
    [0, 440],
  ]);
  const features = [
    ...GRIDS,
    feature(
      { kind: 'landuse', use: 'commercial' },
      poly([
        [0, 0],
        [300, 0],
        [300, 200],
        [0, 200],
      ]),
    ),
    feature(
      { kind: 'landuse', use: 'green' },
      poly([
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ]),
    ),
    feature({ kind: 'water' }, river),
    feature(
      { kind: 'water', name: 'pond outside' },
      poly([
        [560, 720],
        [640, 720],
        [640, 800],
        [560, 800],
      ]),
    ),
    feature({ kind: 'bridge' }, { type: 'LineString', coordinates: [P(150, 300), P(170, 520)] }),
    feature(
      { kind: 'bridge' },
      poly([
        [800, 360],
        [860, 360],
        [860, 460],
        [800, 460],
      ]),
    ),
    feature(
      { kind: 'lowlying' },
      poly([
        [700, 600],
        [900, 600],
        [900, 700],
        [700, 700],
      ]),
    ),
    feature(
      { kind: 'station', id: 'st', name: '测试站', nameEn: 'Test', dailyRidership: 5000 },
      {
        type: 'Point',
        coordinates: P(905, 105),
      },
    ),
  ];
  const r = ok(importDistrict(fc(features), { base: BASE, cellSizeM: 20 }));
  const c = r.scenario.city;
  const n = c.cols * c.rows;
  const at = (x: number, y: number) => {
    const [lon, lat] = P(x, y);
    return cellOf(c.geo!, c.cols, c.rows, 20, lon, lat);
  };
  const lu = decodeRuns(c.layout!.landUse!, n);
  const bridge = decodeRuns(c.layout!.bridge!, n);
  const low = decodeRuns(c.layout!.lowLying!, n);

  it('paints land use in file order, water over it; land use outside the district stays the default', () => {
    expect(LAND_USES[lu[at(50, 50)]]).toBe('green');
    expect(LAND_USES[lu[at(250, 150)]]).toBe('commercial');
    expect(LAND_USES[lu[at(500, 150)]]).toBe(BASE.city.defaultLandUse);
    expect(LAND_USES[lu[at(500, 410)]]).toBe('water');
    expect(r.stats.waterCells).toBeGreaterThan(100);
    // water outside the district is water too (travel passes through outside cells); it is not counted
    expect(gridAt(r.scenario, 600, 760)).toBeNull();
    expect(LAND_USES[lu[at(600, 760)]]).toBe('water');
    expect(LAND_USES[lu[at(600, 700)]]).toBe(BASE.city.defaultLandUse);
  });

  it('makes the river passable where a bridge line or polygon crosses it: a 4-connected chain of cells', () => {
    // every river row under the line bridge has a bridge cell, and consecutive bridge cells share an edge
    const line: number[] = [];
    for (let i = 0; i < n; i++) if (bridge[i] && i % c.cols < 20) line.push(i);
    expect(line.length).toBeGreaterThanOrEqual(12);
    for (let k = 1; k < line.length; k++) {
      const a = line[k - 1],
        b = line[k];
      const d = Math.abs((a % c.cols) - (b % c.cols)) + Math.abs(Math.floor(a / c.cols) - Math.floor(b / c.cols));
      expect(d).toBe(1);
    }
    expect(bridge[at(830, 410)]).toBe(1);
    expect(bridge[at(500, 410)]).toBe(0);
  });

  it('flags low-lying cells and places the station in its cell', () => {
    expect(low[at(880, 690)]).toBe(1);
    expect(low[at(500, 650)]).toBe(0);
    const st = c.stations![0];
    expect(st.y! * c.cols + st.x!).toBe(at(905, 105));
    expect(st.name).toEqual({ zh: '测试站', en: 'Test' });
    // with a station, the base's first station's teams move to it; road ponding keeps its rate
    expect(r.scenario.teams.filter((t) => t.station === 'st').map((t) => t.id)).toEqual(['ps-security', 'ps-marshals']);
    expect(r.scenario.eventTypes.find((e) => e.id === 'road-ponding')!.ratePerDay).toBe(5);
    expect(parseScenarioObject(r.scenario).ok).toBe(true);
  });
});

describe('grids smaller than a cell, and overlaps', () => {
  it('gives a tiny grid the cell under it (taken from a grid with cells to spare), and counts overlaps', () => {
    const tiny = feature(
      { kind: 'grid', code: 'T' },
      poly([
        [105, 105],
        [125, 105],
        [125, 125],
        [105, 125],
      ]),
    );
    const overlap = feature(
      { kind: 'grid', code: 'O' },
      poly([
        [900, 0],
        [1100, 0],
        [1100, 200],
        [900, 200],
      ]),
    );
    const r = ok(importDistrict(fc([...GRIDS, tiny, overlap]), { base: BASE, cellSizeM: 100 }));
    expect(r.stats.smallGrids).toBe(1);
    expect(gridAt(r.scenario, 115, 115)).toBe('T');
    expect(r.notes.some((x) => x.includes('T') && x.includes('smaller than a cell'))).toBe(true);
    expect(r.stats.overlapCells).toBe(2); // the centres (950, 50) and (950, 150) are B's
    expect(gridAt(r.scenario, 950, 150)).toBe('B');
    expect(gridAt(r.scenario, 1050, 150)).toBe('O');
    expect(r.notes.some((x) => x.includes('B / O: 2'))).toBe(true);
    expect(parseScenarioObject(r.scenario).ok).toBe(true);
  });
});

describe('bad GeoJSON: each problem has its bilingual message and path', () => {
  const grid = (code: string, geometry: Geometry | null = D, more: Record<string, unknown> = {}) =>
    feature({ kind: 'grid', code, ...more }, geometry);
  const cases: [string, string, string, string][] = [
    // [name, text, path, code]
    ['not JSON', '{"type": "FeatureCollection",', '$', 'not_json'],
    ['not a collection', JSON.stringify({ type: 'Feature' }), '$', 'not_feature_collection'],
    ['missing kind', fc([grid('A'), feature({ code: 'x' }, D)]), '$.features[1].properties.kind', 'kind_missing'],
    ['unknown kind', fc([grid('A'), feature({ kind: 'road' }, D)]), '$.features[1].properties.kind', 'kind_unknown'],
    [
      'non-closed ring',
      fc([grid('A'), grid('B', { type: 'Polygon', coordinates: [[P(0, 0), P(100, 0), P(100, 100), P(0, 100)]] })]),
      '$.features[1].geometry.coordinates[0]',
      'ring_not_closed',
    ],
    [
      'self-intersection',
      fc([
        grid('A'),
        grid(
          'B',
          poly([
            [0, 0],
            [100, 100],
            [100, 0],
            [0, 100],
          ]),
        ),
      ]),
      '$.features[1].geometry',
      'self_intersection',
    ],
    [
      'grid code twice',
      fc([grid('A'), grid('Q', B), grid('A', C)]),
      '$.features[2].properties.code',
      'duplicate_grid_code',
    ],
    [
      'grid without code',
      fc([grid('A'), feature({ kind: 'grid' }, B)]),
      '$.features[1].properties.code',
      'property_missing',
    ],
    [
      'outside China',
      fc([
        grid('A'),
        grid('B', {
          type: 'Polygon',
          coordinates: [
            [
              [2.35, 48.85],
              [2.36, 48.85],
              [2.36, 48.86],
              [2.35, 48.85],
            ],
          ],
        }),
      ]),
      '$.features[1].geometry.coordinates[0][0]',
      'outside_china',
    ],
    [
      'projected metres',
      fc([
        grid('A'),
        grid('B', {
          type: 'Polygon',
          coordinates: [
            [
              [350000, 3450000],
              [350100, 3450000],
              [350100, 3450100],
              [350000, 3450000],
            ],
          ],
        }),
      ]),
      '$.features[1].geometry.coordinates[0][0]',
      'projected_coordinates',
    ],
    [
      'wrong geometry',
      fc([grid('A'), grid('B', { type: 'Point', coordinates: P(10, 10) })]),
      '$.features[1].geometry.type',
      'wrong_geometry',
    ],
    [
      'station as a polygon',
      fc([grid('A'), feature({ kind: 'station', id: 's', name: 'S' }, D)]),
      '$.features[1].geometry.type',
      'wrong_geometry',
    ],
    [
      'unknown land use',
      fc([grid('A'), feature({ kind: 'landuse', use: 'farm' }, D)]),
      '$.features[1].properties.use',
      'unknown_land_use',
    ],
    ['no grid', fc([feature({ kind: 'water' }, D)]), '$.features', 'no_grid'],
    [
      'station outside every grid',
      fc([grid('A'), feature({ kind: 'station', id: 's', name: 'S' }, { type: 'Point', coordinates: P(2000, 2000) })]),
      '$.features[1].geometry.coordinates',
      'station_outside',
    ],
    [
      'ring too short',
      fc([grid('A', { type: 'Polygon', coordinates: [[P(0, 0), P(1, 1), P(0, 0)]] })]),
      '$.features[0].geometry.coordinates[0]',
      'ring_too_short',
    ],
  ];
  it.each(cases)('%s', (_name, text, path, code) => {
    const errs = errorsOf(text);
    const e = errs.find((x) => x.code === code);
    expect(e, JSON.stringify(errs)).toBeDefined();
    expect(e!.path).toBe(path);
    expect(e!.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e!.en).toMatch(/[a-z]/);
    expect(e!.zh).not.toBe(e!.en);
  });

  it('names the feature that first used a duplicate grid code, and hints at swapped lon/lat', () => {
    const dup = errorsOf(fc([grid('A'), grid('Q', B), grid('A', C)])).find((e) => e.code === 'duplicate_grid_code')!;
    expect(dup.en).toContain('$.features[0]');
    const swapped = errorsOf(
      fc([
        grid('A', {
          type: 'Polygon',
          coordinates: [
            [
              [31.2, 121.4],
              [31.3, 121.4],
              [31.3, 121.5],
              [31.2, 121.4],
            ],
          ],
        }),
      ]),
    ).find((e) => e.code === 'outside_china')!;
    expect(swapped.en).toContain('swapped');
  });

  it('reports every bad feature at once', () => {
    const errs = errorsOf(fc([grid('A'), feature({}, D), feature({ kind: 'landuse', use: 'x' }, D), grid('A', C)]));
    expect(errs.map((e) => e.code)).toEqual(['kind_missing', 'unknown_land_use', 'duplicate_grid_code']);
  });
});

describe('the sample district (scenarios/sample-district)', () => {
  const r = ok(importDistrict(SAMPLE, { base: BASE }));

  it('imports: irregular grids in 2 streets and 5 communities, a river with bridges, one station', () => {
    expect(r.stats.grids).toBeGreaterThanOrEqual(30);
    expect(r.stats.grids).toBeLessThanOrEqual(60);
    expect(r.stats.streets).toBe(2);
    expect(r.stats.communities).toBe(5);
    expect(r.stats.waterCells).toBeGreaterThan(50);
    expect(r.stats.bridgeCells).toBeGreaterThan(0);
    expect(r.stats.lowLyingCells).toBeGreaterThan(0);
    expect(r.stats.stations).toBe(1);
    expect(r.scenario.notes!.some((n) => n.includes('synthetic'))).toBe(true);
    expect(SAMPLE.length).toBeLessThan(1_000_000);
  });

  it('validates and plays deterministically: the same seed gives the same result', () => {
    const sc: Scenario = loadScenarioOrThrow(r.scenario);
    const a = runScenario(sc, { seed: 7 });
    const b = runScenario(sc, { seed: 7 });
    const same = (x: typeof a) => JSON.stringify({ ...x, perf: { events: x.perf.events } });
    expect(a.kpis.casesArrived).toBeGreaterThan(100);
    expect(same(b)).toBe(same(a));
    expect(a.coverage.grids).toEqual(sc.city.layout!.grids.map((g) => g.code));
  });
});

describe("the sample's river", () => {
  const sc: Scenario = loadScenarioOrThrow(ok(importDistrict(SAMPLE, { base: BASE })).scenario);
  const water = LAND_USES.indexOf('water');
  /** The dry cells just north and south of the river in column x. */
  function banks(city: City, x: number): [number, number] {
    let y = 0;
    while (city.landUse[y * city.cols + x] !== water) y++;
    const north = (y - 1) * city.cols + x;
    while (city.landUse[y * city.cols + x] === water) y++;
    return [north, y * city.cols + x];
  }

  it('is crossed only at its bridges: far from them the way round is long; without them the far bank is unreachable', () => {
    const city = new City(sc);
    const [n, s] = banks(city, 25); // about 1 km from either bridge
    expect(city.latticeDistance(n, s)).toBeLessThan(6);
    expect(city.cellDistance(n, s)).toBeGreaterThan(city.latticeDistance(n, s) + 10);
    expect(city.cellDistance(n, s)).toBeLessThan(Infinity);
    const noBridge = structuredClone(sc);
    delete noBridge.city.layout!.bridge;
    expect(new City(noBridge).cellDistance(n, s)).toBe(Infinity);
  });
});

describe('walkSegment (bridge lines)', () => {
  it('visits every unit square a segment crosses, one axis step at a time', () => {
    const seen: [number, number][] = [];
    walkSegment(0.5, 0.5, 3.5, 1.5, (x, y) => seen.push([x, y]));
    expect(seen).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [2, 1],
      [3, 1],
    ]);
    const back: [number, number][] = [];
    walkSegment(2.5, 2.5, 2.5, 0.2, (x, y) => back.push([x, y]));
    expect(back).toEqual([
      [2, 2],
      [2, 1],
      [2, 0],
    ]);
  });
});
