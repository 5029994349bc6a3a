import { describe, expect, it } from 'vitest';
import { buildMatrix, cellAtt, cellCounts, gridOrder, HOURS, warmupHoursOfDay } from './matrixModel.ts';

function frameArrays(nGrids: number, cells: [number, number, number, number][]) {
  const coverage = new Float32Array(nGrids * HOURS).fill(NaN);
  const cases = new Float32Array(nGrids * HOURS);
  for (const [g, h, met, n] of cells) {
    coverage[g * HOURS + h] = met / n;
    cases[g * HOURS + h] = n;
  }
  return { coverage, cases };
}

describe('coverage matrix model', () => {
  it('recovers exact shares from float32 (9/10 meets a 0.9 target)', () => {
    const { coverage, cases } = frameArrays(2, [
      [0, 3, 9, 10],
      [1, 3, 8, 10],
    ]);
    expect(coverage[3]).toBeLessThan(0.9); // the float32 trap
    const m = buildMatrix(coverage, cases, 2, 0.9);
    expect(cellAtt(m, 0, 3)).toBe(0.9);
    expect(m.missHours[0]).toBe(0);
    expect(m.missHours[1]).toBe(1);
    expect(m.hourShare[3]).toBe(0.5);
    expect(m.hourShare[4]).toBeNull();
    expect(m.overall).toBe(0.5);
  });

  it('day attainment pools cases over hours; grids without cases are NaN', () => {
    const { coverage, cases } = frameArrays(3, [
      [0, 1, 1, 2],
      [0, 2, 3, 3],
    ]);
    const m = buildMatrix(coverage, cases, 3, 0.8);
    expect(m.dayAtt[0]).toBeCloseTo(4 / 5, 12);
    expect(Number.isNaN(m.dayAtt[1])).toBe(true);
  });

  it('orders worst first', () => {
    const { coverage, cases } = frameArrays(3, [
      [0, 1, 2, 2],
      [1, 1, 0, 2],
      [1, 2, 0, 1],
    ]);
    const m = buildMatrix(coverage, cases, 3, 0.8);
    expect(Array.from(gridOrder(m, 'worst'))).toEqual([1, 0, 2]);
    expect(Array.from(gridOrder(m, 'id'))).toEqual([0, 1, 2]);
  });

  it('worst first sorts by attainment, not by the number of missed hours', () => {
    // grid 0 misses two hours narrowly (7/10 and 7/10: 70 %); grid 1 misses one hour badly (1/10: 10 %)
    const { coverage, cases } = frameArrays(3, [
      [0, 1, 7, 10],
      [0, 2, 7, 10],
      [1, 1, 1, 10],
      [2, 1, 10, 10],
    ]);
    const m = buildMatrix(coverage, cases, 3, 0.8);
    expect(m.missHours[0]).toBe(2);
    expect(m.missHours[1]).toBe(1);
    expect(Array.from(gridOrder(m, 'worst'))).toEqual([1, 0, 2]);
  });

  it('warm-up hours of the day: those the run passes only inside the warm-up', () => {
    const H = 3600,
      D = 86_400;
    const hours = (w: boolean[]) => w.flatMap((x, h) => (x ? [h] : []));
    expect(hours(warmupHoursOfDay(0, D))).toEqual([]);
    expect(hours(warmupHoursOfDay(12 * H, D))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(hours(warmupHoursOfDay(2.5 * H, D))).toEqual([0, 1]); // 02:00–03:00 is partly counted
    expect(hours(warmupHoursOfDay(24 * H, 20 * D))).toEqual([]); // later days count every hour
    expect(hours(warmupHoursOfDay(30 * H, 2 * D))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('cell counts: decided and missed cases', () => {
    const { coverage, cases } = frameArrays(1, [[0, 5, 7, 9]]);
    const m = buildMatrix(coverage, cases, 1, 0.8);
    expect(cellCounts(m, 0, 5)).toEqual({ decided: 9, missed: 2 });
    expect(cellCounts(m, 0, 6)).toEqual({ decided: 0, missed: 0 });
  });
});
