/**
 * The route tables patrols walk by (patrol.ts RouteTables): the cycle (route and way back), positions on
 * it, the run of neighbour steps from each position and the column / row box of any stretch, against their
 * definitions worked out cell by cell.
 */
import { describe, it, expect } from 'vitest';
import { RouteTables, PATROL_LEG } from './patrol.ts';

const COLS = 10;
/**
 * A lawn-mower route over two 3 x 3 grids side by side (grid 0: x 0-2, grid 1: x 3-5; grid 1 walked bottom
 * row first, so the route steps from grid 0's last cell to its neighbour in grid 1), one cell (water) left out.
 */
function route(): { route: Int32Array; cellGrid: Int32Array } {
  const cellGrid = new Int32Array(COLS * 3).fill(-1);
  const cells: number[] = [];
  for (const g of [0, 1]) {
    for (let yy = 0; yy < 3; yy++) {
      const y = g === 0 ? yy : 2 - yy;
      for (let t = 0; t < 3; t++) {
        const x = g * 3 + (y % 2 === 0 ? t : 2 - t);
        cellGrid[y * COLS + x] = g;
        if (!(g === 0 && x === 1 && y === 1)) cells.push(y * COLS + x);
      }
    }
  }
  return { route: Int32Array.from(cells), cellGrid };
}

describe('RouteTables', () => {
  const { route: r, cellGrid } = route();
  // the route under test is the second in the shared buffers: its positions start after the first's
  const tab = new RouteTables([Int32Array.of(0, 1, 2), r], COLS, cellGrid);
  const R = 1,
    o = tab.start[R];
  const xy = (c: number) => [c % COLS, Math.floor(c / COLS)];
  // the cycle by the walking rule: the route, then from its last cell towards its first, column first
  const cycle = [...r];
  for (let c = r[r.length - 1]; c !== r[0];) {
    const [cx, cy] = xy(c),
      [tx, ty] = xy(r[0]);
    c = cx !== tx ? c + Math.sign(tx - cx) : c + Math.sign(ty - cy) * COLS;
    cycle.push(c);
  }

  it('the cycle is the route, the way back to its first cell by the walking rule, and that first cell again', () => {
    expect(o).toBe(3 + 2); // the first route: 3 cells and 2 steps back
    expect([...tab.cyc.subarray(0, o)]).toEqual([0, 1, 2, 1, 0]);
    expect([...tab.cyc.subarray(o, o + tab.len[R])]).toEqual(cycle);
    expect(tab.n[R]).toBe(r.length);
    expect(cycle.length).toBeGreaterThan(r.length + 1);
  });

  it('pos / idxAt: a walker on route cell i heading for i is at position i; on the way back (heading for 0) at its place there', () => {
    for (let i = 0; i < r.length; i++) {
      expect(tab.pos(R, r[i], i)).toBe(o + i);
      expect(tab.idxAt(R, o + i)).toBe(i);
    }
    for (let j = r.length; j < cycle.length - 1; j++) {
      expect(tab.pos(R, cycle[j], 0)).toBe(o + j);
      expect(tab.idxAt(R, o + j)).toBe(0);
    }
    expect(tab.idxAt(R, o + cycle.length - 1)).toBe(0);
    // heading elsewhere than the cell it stands on, off the way back: off the cycle
    expect(tab.pos(R, r[3], 5)).toBe(-1);
    expect(tab.pos(R, COLS * 3 - 1, 0)).toBe(-1);
  });

  it('run[p]: the steps from cycle position p that each go to a 4-neighbour in the same grid (none past a gap, a grid change or the end)', () => {
    for (let i = 0; i < cycle.length; i++) {
      let k = 0;
      while (i + k + 1 < cycle.length) {
        const [ax, ay] = xy(cycle[i + k]),
          [bx, by] = xy(cycle[i + k + 1]);
        if (Math.abs(ax - bx) + Math.abs(ay - by) !== 1 || cellGrid[cycle[i + k]] !== cellGrid[cycle[i + k + 1]]) break;
        k++;
      }
      expect(tab.run[o + i], `run[${i}]`).toBe(Math.min(k, PATROL_LEG));
    }
    // the water gap and the change of grid (between neighbour cells) both end a run
    const last0 = r.findIndex((c) => cellGrid[c] === 1) - 1;
    expect(Math.abs(r[last0 + 1] - r[last0])).toBe(1);
    expect(tab.run[o + last0]).toBe(0);
    expect([...tab.run.subarray(o)].filter((v) => v === 0).length).toBeGreaterThanOrEqual(3);
  });

  it('box(a, b): the column and row range of cycle[a..b], for every stretch', () => {
    for (let a = 0; a < cycle.length; a++) {
      for (let b = a; b < cycle.length; b++) {
        const pts = cycle.slice(a, b + 1).map(xy);
        tab.box(R, o + a, o + b);
        expect([tab.bx0, tab.bx1, tab.by0, tab.by1], `box(${a}, ${b})`).toEqual([
          Math.min(...pts.map((p) => p[0])),
          Math.max(...pts.map((p) => p[0])),
          Math.min(...pts.map((p) => p[1])),
          Math.max(...pts.map((p) => p[1])),
        ]);
      }
    }
  });
});
