import { describe, expect, it } from 'vitest';
import type { HierarchyView } from '../sim/frame.ts';
import { buildMatrix, gridOrder, HOURS } from './matrixModel.ts';
import {
  groupAggregates,
  groupAtt,
  groupGrids,
  gridLabel,
  gridPlace,
  matrixRows,
  searchGrids,
  type MatrixRow,
} from './matrixGroups.ts';

// 6 grids: street 0 (communities 0 and 1, grid 4 in no community), street 1 (community 2), grid 5 in no street
const H: HierarchyView = {
  district: { code: '310101', name: '黄浦区' },
  streets: [
    { code: 's1', name: '南京东路街道' },
    { code: 's2', name: '外滩街道' },
    { code: 's3', name: '空街道' },
  ],
  communities: [
    { code: 'c1', name: '一社区', street: 0 },
    { code: 'c2', name: '二社区', street: 0 },
    { code: 'c3', name: '三社区', street: 1 },
  ],
  gridNames: ['甲网格', '', '乙网格', '丙网格', '', ''],
  gridStreet: Int16Array.from([0, 0, 0, 1, 0, -1]),
  gridCommunity: Int32Array.from([0, 1, 0, 2, -1, -1]),
};
const CODES = ['310101001001', '310101001002', '310101001003', '310101002001', 'G-4', 'G-5'];

const label = (r: MatrixRow) => (r.kind === 'group' ? `${r.group.key}${r.collapsed ? '+' : ''}` : `g${r.g}`);

describe("place names in the page's language", () => {
  it('a street or community with an English name shows it in English, and the name as given otherwise', () => {
    const h: HierarchyView = {
      ...H,
      streets: [{ code: 's1', name: '南京东路街道', nameEn: 'Nanjing East Road Street' }, H.streets[1], H.streets[2]],
      communities: [
        { code: 'c1', name: '一社区', nameEn: 'Community One', street: 0 },
        H.communities[1],
        H.communities[2],
      ],
    };
    expect(groupGrids(h, 6, 'en')!.map((g) => g.name)).toEqual(['Nanjing East Road Street', '外滩街道', '']);
    expect(groupGrids(h, 6, 'zh-CN')!.map((g) => g.name)).toEqual(['南京东路街道', '外滩街道', '']);
    expect(groupGrids(h, 6, 'en')![0].children.map((c) => c.name)).toEqual(['Community One', '二社区']);
    expect(gridPlace(h, 0, 'en')).toBe('Community One · Nanjing East Road Street');
    expect(gridPlace(h, 0, 'zh-CN')).toBe('一社区 · 南京东路街道');
    expect(gridPlace(h, 3, 'en')).toBe('三社区 · 外滩街道'); // no English name: as given
  });
});

describe('matrix rows grouped by street and community', () => {
  it('groups grids under their street and community; loose grids after the communities, no-street last', () => {
    const groups = groupGrids(H, 6)!;
    expect(groups.map((s) => [s.key, s.grids, s.children.map((c) => [c.key, c.grids]), s.loose])).toEqual([
      [
        's0',
        [0, 1, 2, 4],
        [
          ['c0', [0, 2]],
          ['c1', [1]],
        ],
        [4],
      ],
      ['s1', [3], [['c2', [3]]], []],
      ['s-1', [5], [], [5]],
    ]);
    const rows = matrixRows(
      groups,
      gridOrder(buildMatrix(new Float32Array(0), new Float32Array(0), 6, 0.8), 'id'),
      new Set(),
    );
    expect(rows.map(label)).toEqual(['s0', 'c0', 'g0', 'g2', 'c1', 'g1', 'g4', 's1', 'c2', 'g3', 's-1', 'g5']);
    expect(rows.map((r) => r.level)).toEqual([0, 1, 2, 2, 1, 2, 1, 0, 1, 2, 0, 1]);
  });

  it('a city without streets keeps the flat list in the chosen order', () => {
    const flat = { ...H, gridStreet: new Int16Array(6).fill(-1) };
    expect(groupGrids(flat, 6)).toBeNull();
    expect(matrixRows(null, [2, 0, 1], new Set()).map(label)).toEqual(['g2', 'g0', 'g1']);
  });

  it('collapsing a street hides its rows; collapsing a community hides its grids only', () => {
    const groups = groupGrids(H, 6)!;
    const order = [0, 1, 2, 3, 4, 5];
    expect(matrixRows(groups, order, new Set(['s0'])).map(label)).toEqual(['s0+', 's1', 'c2', 'g3', 's-1', 'g5']);
    expect(
      matrixRows(groups, order, new Set(['c0']))
        .map(label)
        .slice(0, 5),
    ).toEqual(['s0', 'c0+', 'c1', 'g1', 'g4']);
  });

  it('inside a group the grids follow the order (worst first)', () => {
    const groups = groupGrids(H, 6)!;
    expect(matrixRows(groups, [2, 5, 4, 3, 1, 0], new Set()).map(label).slice(0, 4)).toEqual(['s0', 'c0', 'g2', 'g0']);
  });

  it('a filter keeps only the matching grids and their groups, expanded', () => {
    const groups = groupGrids(H, 6)!;
    const rows = matrixRows(groups, [0, 1, 2, 3, 4, 5], new Set(['s0', 'c0']), new Set([2]));
    expect(rows.map(label)).toEqual(['s0', 'c0', 'g2']);
  });

  it("a group's aggregate row is met over decided cases summed over its grids, per hour and for the day", () => {
    const cov = new Float32Array(6 * HOURS).fill(NaN),
      cases = new Float32Array(6 * HOURS);
    const put = (g: number, h: number, n: number, met: number) => {
      cases[g * HOURS + h] = n;
      cov[g * HOURS + h] = met / n;
    };
    put(0, 8, 10, 9); // 90 %
    put(2, 8, 10, 5); // 50 %
    put(1, 8, 5, 5);
    put(4, 9, 4, 4);
    const m = buildMatrix(cov, cases, 6, 0.8);
    const agg = groupAggregates(m, groupGrids(H, 6));
    const c0 = agg.get('c0')!;
    expect(groupAtt(c0, 8)).toBeCloseTo(14 / 20);
    expect(Number.isNaN(groupAtt(c0, 9))).toBe(true);
    expect(c0.missHours).toBe(1);
    const s0 = agg.get('s0')!;
    expect(groupAtt(s0, 8)).toBeCloseTo(19 / 25);
    expect(groupAtt(s0, 9)).toBe(1);
    expect(s0.dayAtt).toBeCloseTo(23 / 29);
    expect(s0.missHours).toBe(1);
    expect(Number.isNaN(agg.get('s1')!.dayAtt)).toBe(true);
    expect(agg.has('s2')).toBe(false); // a street without grids is not a group
  });
});

describe('search by grid code or name', () => {
  const names = H.gridNames;
  it('finds the exact code first, then code prefixes, names, and substrings', () => {
    expect(searchGrids(CODES, names, '310101001002')).toEqual([1]);
    expect(searchGrids(CODES, names, '3101010010')).toEqual([0, 1, 2]);
    expect(searchGrids(CODES, names, '乙网格')).toEqual([2]);
    expect(searchGrids(CODES, names, '网格')).toEqual([0, 2, 3]);
    expect(searchGrids(CODES, names, '002')).toEqual([1, 3]);
  });
  it('ignores case, width and surrounding spaces; an empty query finds nothing', () => {
    expect(searchGrids(CODES, names, ' g-4 ')).toEqual([4]);
    expect(searchGrids(CODES, names, 'Ｇ-5')).toEqual([5]);
    expect(searchGrids(CODES, names, '   ')).toEqual([]);
    expect(searchGrids(CODES, names, 'nowhere')).toEqual([]);
  });
  it('labels a grid by code and name, and places it in its community and street', () => {
    expect(gridLabel(CODES, names, 0)).toBe('310101001001 甲网格');
    expect(gridLabel(CODES, names, 1)).toBe('310101001002');
    expect(gridPlace(H, 0)).toBe('一社区 · 南京东路街道');
    expect(gridPlace(H, 4)).toBe('南京东路街道');
    expect(gridPlace(H, 5)).toBe('');
  });
});
