import { describe, expect, it } from 'vitest';
import { decodeRuns, encodeRuns, runsLength } from './runs.ts';

describe('run-length rasters', () => {
  it('merges equal neighbours and decodes back to the same cells', () => {
    const cells = [-1, -1, 0, 0, 0, 1, -1, 1, 1];
    const runs = encodeRuns(cells);
    expect(runs).toEqual([
      [-1, 2],
      [0, 3],
      [1, 1],
      [-1, 1],
      [1, 2],
    ]);
    expect(runsLength(runs)).toBe(9);
    expect([...decodeRuns(runs, 9)]).toEqual(cells);
  });

  it('fills cells past the runs and cuts runs past the end', () => {
    expect([...decodeRuns([[3, 2]], 4, -1)]).toEqual([3, 3, -1, -1]);
    expect([...decodeRuns([[5, 10]], 3)]).toEqual([5, 5, 5]);
  });
});
