import { describe, expect, it } from 'vitest';
import { cellGrids, cellHeights, regionEdges, sceneMetrics, MAX_CELL_H, MIN_CELL_H } from './cityGeometry.ts';
import { attainmentT, backlogT } from './palette.ts';
import { makeLut } from './paletteGl.ts';

describe('scene geometry', () => {
  it('puts trailing cells in the last grid, as the engine does', () => {
    // 7 x 6 cells, k = 3: 2 x 2 grids; column 6 belongs to the last grid column
    const g = cellGrids({ cols: 7, rows: 6, gridSize: 3, gridCols: 2, gridRows: 2 });
    expect(g[0]).toBe(0);
    expect(g[3]).toBe(1);
    expect(g[6]).toBe(1); // x = 6 > 2 * 3 - 1
    expect(g[3 * 7]).toBe(2);
    expect(g[5 * 7 + 6]).toBe(3);
  });

  it('merges grid boundaries into one segment per line', () => {
    const layout = { cols: 6, rows: 4, gridSize: 3, gridCols: 2, gridRows: 1 };
    const grids = cellGrids(layout);
    const segs = regionEdges(
      6,
      4,
      (i) => grids[i],
      () => true,
    );
    // vertical: x = 0, 3, 6 (each 0..4); horizontal: y = 0 and y = 4 (each 0..6)
    const list = [];
    for (let s = 0; s < segs.length; s += 4) list.push(Array.from(segs.subarray(s, s + 4)));
    expect(list).toEqual(
      expect.arrayContaining([
        [0, 0, 0, 4],
        [3, 0, 3, 4],
        [6, 0, 6, 4],
        [0, 0, 6, 0],
        [0, 4, 6, 4],
      ]),
    );
    expect(list).toHaveLength(5);
  });

  it('outlines a low-lying block and nothing else', () => {
    const low = new Uint8Array(16);
    for (const i of [5, 6, 9, 10]) low[i] = 1; // 2 x 2 block at (1, 1) in a 4 x 4 city
    const segs = regionEdges(
      4,
      4,
      (i) => low[i],
      (i) => low[i] === 1,
    );
    expect(segs.length / 4).toBe(4);
  });

  it('scales heights by day population, water flat', () => {
    const h = cellHeights({
      cols: 3,
      rows: 1,
      dayPop: Float32Array.from([0, 100, 400]),
      landUse: Uint8Array.from([0, 0, 5]),
    });
    expect(h[0]).toBeCloseTo(MIN_CELL_H);
    expect(h[1]).toBeGreaterThan(MIN_CELL_H);
    expect(h[2]).toBeLessThan(MIN_CELL_H); // water
    expect(Math.max(...h)).toBeLessThanOrEqual(MAX_CELL_H);
  });

  it('keeps overlays above the tallest cell and markers sane in big cities', () => {
    const small = sceneMetrics({ cols: 40, rows: 30 }),
      big = sceneMetrics({ cols: 190, rows: 170 });
    expect(small.overlayY).toBeGreaterThan(MAX_CELL_H);
    expect(small.markerScale).toBe(1);
    expect(big.markerScale).toBeGreaterThan(1);
    expect(big.markerScale).toBeLessThanOrEqual(1.6);
  });
});

describe('scene palettes', () => {
  it('splits attainment at the target: at or below in the lower half, above in the upper', () => {
    expect(attainmentT(0.8, 0.8)).toBeLessThan(0.5);
    expect(attainmentT(0.81, 0.8)).toBeGreaterThanOrEqual(0.5);
    expect(attainmentT(1, 0.8)).toBe(1);
    expect(attainmentT(0, 0.8)).toBe(0);
  });

  it('orders backlog colours and keeps empty cells apart', () => {
    expect(backlogT(0)).toBe(-1);
    expect(backlogT(1)).toBeGreaterThan(0);
    expect(backlogT(3)).toBeGreaterThan(backlogT(1));
    expect(backlogT(100)).toBe(1);
  });

  it('builds lookup tables ending on the stops', () => {
    const lut = makeLut(['#000000', '#ffffff'], 8);
    expect(lut[0]).toBe(0);
    expect(lut[7 * 3]).toBeCloseTo(1);
  });
});
