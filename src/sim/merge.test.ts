/**
 * Merging an imported district's grids to a target count (merge.ts, `city.mergeToGrids`): which neighbour a
 * grid goes into, islands, the hierarchy of merged grids, and a real-sized district run for a day.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../scripts/goldens.ts';
import { parseScenarioObject } from '../scenario/load.ts';
import { encodeRuns } from '../scenario/runs.ts';
import { Scenario } from '../scenario/schema.ts';
import { validateScenario } from '../scenario/validate.ts';
import { City } from './city.ts';
import { TOY_DISTRICT_MAP, toyDistrict, toyImportedDistrict } from './fixtures.ts';
import { mergeGrids, type MergeInput } from '../scenario/merge.ts';
import { runScenario } from './run.ts';

/** A merge input from rows of letters: '.' is outside, each other letter a grid (indices in order of first use unless `order` is given). */
function lattice(
  map: string[],
  opts: { order?: string; community?: Record<string, number>; street?: Record<string, number>; target: number },
): MergeInput & { letters: string } {
  const letters = opts.order ?? [...new Set(map.join('').replace(/\./g, ''))].join('');
  const cellGrid = Int32Array.from(map.join(''), (ch) => (ch === '.' ? -1 : letters.indexOf(ch)));
  return {
    cellGrid,
    cols: map[0].length,
    rows: map.length,
    codes: [...letters],
    names: [...letters].map((l) => `${l}格`),
    community: Int32Array.from(letters, (l) => opts.community?.[l] ?? -1),
    street: Int16Array.from(letters, (l) => opts.street?.[l] ?? 0),
    target: opts.target,
    letters,
  };
}

/** The merged map as rows of merged codes' first letters ('.' outside). */
function drawn(m: ReturnType<typeof mergeGrids>, cols: number): string[] {
  const s = [...m.cellGrid].map((g) => (g < 0 ? '.' : m.codes[g][0])).join('');
  return s.match(new RegExp(`.{${cols}}`, 'g'))!;
}

/** Whether every grid's cells form one 4-connected piece. */
function fourConnected(cellGrid: Int32Array, cols: number, rows: number, nGrids: number): boolean {
  const seen = new Uint8Array(cellGrid.length);
  const pieces = new Int32Array(nGrids);
  for (let s = 0; s < cellGrid.length; s++) {
    if (cellGrid[s] < 0 || seen[s]) continue;
    const g = cellGrid[s];
    pieces[g]++;
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % cols,
        y = (i / cols) | 0;
      for (const [xx, yy] of [
        [x - 1, y],
        [x + 1, y],
        [x, y - 1],
        [x, y + 1],
      ]) {
        if (xx < 0 || yy < 0 || xx >= cols || yy >= rows) continue;
        const j = yy * cols + xx;
        if (!seen[j] && cellGrid[j] === g) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
  }
  return pieces.every((p) => p === 1);
}

// S (2 cells) touches X along 2 cell edges and Y along 1; X has 4 cells, Y 3
const SXY = ['XXS', 'XXS', 'YYY'];

describe('mergeGrids: which neighbour the smallest grid goes into', () => {
  it('without a hierarchy, the neighbour sharing the longest boundary, even when it is the larger one', () => {
    const m = mergeGrids(lattice(SXY, { target: 2 }));
    expect(drawn(m, 3)).toEqual(['XXX', 'XXX', 'YYY']);
    expect(m.codes).toEqual(['X+1', 'Y']);
    expect(m.names).toEqual(['X格+1', 'Y格']);
    // no English names given: none made up
    expect(m.namesEn).toEqual(['', '']);
    expect(m.members).toEqual([[0, 1], [2]]);
  });

  it('prefers a neighbour in the same community over a longer boundary, then one in the same street', () => {
    // S and Y in community 0, X in community 1: S goes to Y, though it shares only one edge with it
    const byCommunity = mergeGrids(
      lattice(SXY, { community: { S: 0, Y: 0, X: 1 }, street: { S: 1, Y: 1, X: 1 }, target: 2 }),
    );
    expect(drawn(byCommunity, 3)).toEqual(['XXY', 'XXY', 'YYY']);
    expect(byCommunity.codes).toEqual(['X', 'Y+1']);
    // three communities: S's street holds Y's community, not X's
    const byStreet = mergeGrids(
      lattice(SXY, { community: { S: 0, X: 1, Y: 2 }, street: { S: 1, X: 2, Y: 1 }, target: 2 }),
    );
    expect(drawn(byStreet, 3)).toEqual(['XXY', 'XXY', 'YYY']);
  });

  it('equal boundaries: the neighbour with fewer cells, then the lower index', () => {
    // S (1 cell, centre top) touches A (3 cells), B (2 cells) and C (3 cells) along one edge each: B, though A's index is lower
    const fewer = mergeGrids(lattice(['ASB', 'ACB', 'ACC'], { order: 'ASBC', target: 3 }));
    expect(drawn(fewer, 3)).toEqual(['ABB', 'ACB', 'ACC']);
    // now A and B have 2 cells each (C 4): the lower index, A
    const lower = mergeGrids(lattice(['ASB', 'ACB', 'CCC'], { order: 'ASBC', target: 3 }));
    expect(drawn(lower, 3)).toEqual(['AAB', 'ACB', 'CCC']);
  });

  it('the merged grid is in the community holding most of its cells, and in that community’s street', () => {
    const m = mergeGrids(lattice(SXY, { community: { S: 0, Y: 0, X: 1 }, street: { S: 2, Y: 2, X: 1 }, target: 1 }));
    expect(m.codes).toEqual(['X+2']); // X is the largest constituent (4 cells)
    // but community 0 holds 5 of the 9 cells (S 2 + Y 3) against X's 4
    expect([...m.community]).toEqual([0]);
    expect([...m.street]).toEqual([2]);
  });
});

describe('mergeGrids: islands, counts and shapes', () => {
  it('an island (no 4-adjacent grid) is never merged, not even with a grid touching it at a corner', () => {
    // I touches J only diagonally; outside cells cut it off from the rest
    const inp = lattice(['AA.I', 'BBJ.'], { target: 1 });
    const m = mergeGrids(inp);
    expect(m.codes.length).toBe(2); // the target of 1 cannot be reached
    expect(drawn(m, 4)).toEqual(['AA.I', 'AAA.']);
    expect(m.members[m.cellGrid[3]]).toEqual([inp.letters.indexOf('I')]);
  });

  it('a target at or above the grid count changes nothing', () => {
    const inp = lattice(SXY, { target: 3 });
    const m = mergeGrids(inp);
    expect([...m.cellGrid]).toEqual([...inp.cellGrid]);
    expect(m.codes).toEqual(['X', 'S', 'Y']);
  });

  // 20 rectangles tiling 16 x 12 cells inside an 18 x 13 lattice (its last two columns and last row outside)
  function tiled(): MergeInput {
    const cols = 18,
      rows = 13;
    const cellGrid = new Int32Array(cols * rows).fill(-1);
    const rects: [number, number, number, number][] = [[0, 0, 16, 12]];
    // split the largest rectangle along its longer side at a third, until there are 20
    while (rects.length < 20) {
      rects.sort((a, b) => b[2] * b[3] - a[2] * a[3] || a[0] - b[0] || a[1] - b[1]);
      const [x, y, w, h] = rects.shift()!;
      if (w >= h) {
        const c = Math.max(1, Math.floor(w / 3));
        rects.push([x, y, c, h], [x + c, y, w - c, h]);
      } else {
        const c = Math.max(1, Math.floor(h / 3));
        rects.push([x, y, w, c], [x, y + c, w, h - c]);
      }
    }
    rects.forEach(([x0, y0, w, h], g) => {
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) cellGrid[y * cols + x] = g;
    });
    return {
      cellGrid,
      cols,
      rows,
      codes: rects.map((_, g) => `G${g}`),
      names: rects.map(() => ''),
      // two streets, four communities, by the rectangle's left edge
      community: Int32Array.from(rects, ([x, y]) => (x < 8 ? 0 : 2) + (y < 6 ? 0 : 1)),
      street: Int16Array.from(rects, ([x]) => (x < 8 ? 1 : 2)),
      target: 20,
    };
  }

  it.each([1, 4, 7, 13, 19])(
    'merges 20 rectangles to exactly %i grids: every inside cell in one, outside cells in none, each 4-connected',
    (target) => {
      const inp = { ...tiled(), target };
      const m = mergeGrids(inp);
      expect(m.codes.length).toBe(target);
      expect(new Set(m.codes).size).toBe(target);
      for (let i = 0; i < inp.cellGrid.length; i++) {
        if (inp.cellGrid[i] < 0) expect(m.cellGrid[i]).toBe(-1);
        else {
          expect(m.cellGrid[i]).toBeGreaterThanOrEqual(0);
          expect(m.members[m.cellGrid[i]]).toContain(inp.cellGrid[i]);
        }
      }
      // the members partition the own grids, each merged grid numbered by its lowest member
      expect(m.members.flat().sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
      expect(m.members.map((ms) => ms[0])).toEqual([...m.members.map((ms) => ms[0])].sort((a, b) => a - b));
      expect(fourConnected(m.cellGrid, inp.cols, inp.rows, target)).toBe(true);
      // the hierarchy stays a tree: a merged grid's street is its community's (community c is in street 1 + (c >> 1))
      m.community.forEach((c, g) => expect(m.street[g]).toBe(1 + (c >> 1)));
      // deterministic: the same input merges the same way
      const again = mergeGrids({ ...tiled(), target });
      expect([...again.cellGrid]).toEqual([...m.cellGrid]);
      expect(again.codes).toEqual(m.codes);
    },
  );
});

// the toy district of layout.test.ts: A (5 cells, community c1), B (5 cells, c1), C (6 cells, c2)
//   . A A B B B
//   . A C C . B
//   A A C C . B
//   . . C C . .
const MAP = TOY_DISTRICT_MAP;

function imported(extra: Record<string, unknown> = {}): unknown {
  return toyImportedDistrict(['甲网格', undefined, '丙网格'], extra);
}

describe('city.mergeToGrids on an imported district', () => {
  it('City serves the merged grids like its own: codes, names, hierarchy, centres and patrol routes', () => {
    const city = new City(Scenario.parse(imported({ mergeToGrids: 2 })));
    // A (smallest, lowest index) shares 3 edges with C but only 1 with B; B is in its community
    expect(city.nGrids).toBe(2);
    expect(city.gridIds).toEqual(['310101001001+1', '310101002001']);
    expect(city.gridNames).toEqual(['甲网格+1', '丙网格']);
    expect([...city.gridCommunity]).toEqual([0, 1]);
    expect([...city.gridDistrict]).toEqual([1, 2]);
    expect(city.districtIds).toEqual(['city', 's1', 's2']);
    const expected = MAP.join('')
      .split('')
      .map((ch) => ({ '.': -1, A: 0, B: 0, C: 1 })[ch]!);
    expect([...city.cellGrid]).toEqual(expected);
    for (let g = 0; g < city.nGrids; g++) {
      const route = [...city.patrolRoute(g)].sort((a, b) => a - b);
      expect(route).toEqual(expected.flatMap((v, i) => (v === g ? [i] : [])));
      expect(city.cellGrid[city.gridCentreCell(g)]).toBe(g);
    }
    expect(city.neighbourGrids(0)).toEqual([1]);
  });

  it('a merged grid’s English name is its largest constituent’s, with the same "+N" (none where that one has none)', () => {
    const m = mergeGrids({ ...lattice(SXY, { target: 2 }), namesEn: ['Grid X', 'Grid S', 'Grid Y'] });
    expect(m.codes).toEqual(['X+1', 'Y']);
    expect(m.namesEn).toEqual(['Grid X+1', 'Grid Y']);
    const partly = mergeGrids({ ...lattice(SXY, { target: 2 }), namesEn: ['', 'Grid S', 'Grid Y'] });
    expect(partly.namesEn).toEqual(['', 'Grid Y']);
    // the City of a merged imported district carries them to the page (HierarchyView.gridNamesEn)
    const sc = imported({ mergeToGrids: 2 }) as { city: { layout: { grids: Record<string, unknown>[] } } };
    sc.city.layout.grids[0].nameEn = 'Grid A';
    sc.city.layout.grids[2].nameEn = 'Grid C';
    const city = new City(Scenario.parse(sc));
    expect(city.gridNames).toEqual(['甲网格+1', '丙网格']);
    expect(city.gridNamesEn).toEqual(['Grid A+1', 'Grid C']);
  });

  it('left out, or at least the grid count, the district keeps its own grids', () => {
    const own = new City(Scenario.parse(imported()));
    const same = new City(Scenario.parse(imported({ mergeToGrids: 3 })));
    expect(same.gridIds).toEqual(own.gridIds);
    expect([...same.cellGrid]).toEqual([...own.cellGrid]);
    expect([...same.gridCommunity]).toEqual([...own.gridCommunity]);
  });

  it('a bad value is refused with its field named, in Chinese and English', () => {
    const zero = parseScenarioObject(imported({ mergeToGrids: 0 }));
    expect(zero.ok).toBe(false);
    if (!zero.ok) {
      expect(zero.errors.map((e) => e.path)).toEqual(['$.city.mergeToGrids']);
      expect(zero.errors[0].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zero.errors[0].en).toContain('positive');
    }
    const withK = Scenario.parse(imported({ mergeToGrids: 2, gridSize: 2 }));
    const e1 = validateScenario(withK).filter((e) => e.path === '$.city.mergeToGrids');
    expect(e1.map((e) => e.code)).toEqual(['merge_with_grid_size']);
    expect(e1[0].zh).toContain('gridSize');
    expect(e1[0].en).toContain('gridSize');
    const flat = structuredClone(toyDistrict()) as unknown as { city: Record<string, unknown> };
    flat.city.mergeToGrids = 2;
    const e2 = validateScenario(Scenario.parse(flat));
    expect(e2.map((e) => [e.path, e.code])).toEqual([['$.city.mergeToGrids', 'merge_without_layout']]);
    expect(e2[0].zh).toContain('导入');
    expect(e2[0].en).toContain('imported district');
  });

  it('validation counts per-grid staff in the merged grids: a crew the merged district can never assemble is refused', () => {
    // the grid team: 2 per grid at the peak (08:00-16:00); sanitation cases need a crew of 5
    const crew5 = (city: Record<string, unknown>) => {
      const raw = imported(city) as unknown as { eventTypes: { crew: number }[] };
      raw.eventTypes[0].crew = 5;
      return Scenario.parse(raw);
    };
    const crewErrors = (sc: Scenario) => validateScenario(sc).filter((e) => e.code === 'crew_too_large');
    expect(crewErrors(crew5({}))).toEqual([]); // 3 own grids: 6 on duty at the peak
    const merged = crewErrors(crew5({ mergeToGrids: 2 })); // 2 merged grids: 4
    expect(merged.map((e) => e.path)).toEqual(['$.eventTypes[0].crew']);
    expect(merged[0].en).toContain('more than 4');
    expect(merged[0].zh).toContain('最多 4 人');
    expect(new City(crew5({ mergeToGrids: 2 })).nGrids).toBe(2);
  });

  it('lianhu-grids as a district of 1,615 own grids merged to 400 runs a day; every case is in a merged grid', () => {
    // lianhu-grids is a k x k city: its 3 x 3 grids become a district's own grids (a community per street half)
    const sc = loadBuiltin('lianhu-grids');
    const k3 = new City(sc);
    const streets = sc.city.districts.map((d) => ({ code: d.id, name: d.name.zh }));
    const communities = streets.flatMap((st) =>
      [0, 1].map((h) => ({ code: `${st.code}-${h}`, name: `${st.name}${h}`, street: st.code })),
    );
    const streetCode = (g: number) => (k3.gridDistrict[g] > 0 ? streets[k3.gridDistrict[g] - 1].code : streets[0].code);
    const layout = {
      grids: k3.gridIds.map((code, g) => ({
        code,
        community: `${streetCode(g)}-${(k3.cellY(k3.gridCentreCell(g)) * 2) / sc.city.rows < 1 ? 0 : 1}`,
      })),
      grid: encodeRuns([...k3.cellGrid]),
    };
    const parsed = parseScenarioObject({
      ...sc,
      city: {
        ...sc.city,
        gridSize: 1,
        layout,
        hierarchy: { district: { code: 'lianhu', name: '莲湖区' }, streets, communities },
        mergeToGrids: 400,
      },
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(validateScenario(parsed.scenario)).toEqual([]);
    const city = new City(parsed.scenario);
    expect(city.nGrids).toBe(400);
    expect(fourConnected(city.cellGrid, city.cols, city.rows, city.nGrids)).toBe(true);
    const r = runScenario(parsed.scenario, { seed: 1, days: 1, log: true });
    expect(r.coverage.grids).toEqual(city.gridIds);
    expect(r.kpis.casesArrived).toBeGreaterThan(0);
    expect(r.log!.length).toBe(r.kpis.casesArrived);
    for (const c of r.log!) {
      expect(c.grid).toBe(city.cellGrid[c.cell]);
      expect(c.gridCode).toBe(city.gridIds[c.grid]);
    }
    // the matrix counts every decided case in its merged grid
    const decided = r.log!.filter((c) => c.slaMet !== null).length;
    expect(r.coverage.cases.flat().reduce((a, b) => a + b, 0)).toBe(decided);
    // where and when cases occur does not depend on the grids (arrivals have their own random substreams)
    const own = runScenario(
      { ...parsed.scenario, city: { ...parsed.scenario.city, mergeToGrids: undefined } },
      {
        seed: 1,
        days: 1,
      },
    );
    expect(own.coverage.grids.length).toBe(1615);
    expect(r.kpis.casesArrived).toBe(own.kpis.casesArrived);
  });
});
