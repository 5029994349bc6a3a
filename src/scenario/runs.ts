/**
 * Run-length encoding of a raster over the city's cells (`Runs` in schema.ts): `[value, count]` pairs, row
 * by row from the top-left cell. An imported district's grid map and land use are kept this way.
 *
 * Pure.
 */
import type { Runs, Scenario } from './schema.ts';

/** The runs of `values` (consecutive equal values merged). */
export function encodeRuns(values: ArrayLike<number>): Runs {
  const out: Runs = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const last = out[out.length - 1];
    if (last && last[0] === v) last[1]++;
    else out.push([v, 1]);
  }
  return out;
}

/** Cells the runs cover (validate.ts checks this equals cols × rows). */
export function runsLength(runs: Runs): number {
  let n = 0;
  for (const r of runs) n += r[1];
  return n;
}

/** The raster of `n` cells the runs describe, into a new Int32Array (cells past the runs keep `fill`). */
export function decodeRuns(runs: Runs, n: number, fill = 0): Int32Array {
  const out = new Int32Array(n).fill(fill);
  let at = 0;
  for (const [v, count] of runs) {
    const end = Math.min(n, at + count);
    out.fill(v, at, end);
    at = end;
    if (at >= n) break;
  }
  return out;
}

/**
 * Responsibility grids of a city for the size limits: an imported district's own (before any k x k regrouping or
 * merging to `mergeToGrids`: an upper bound, cheap on any input), else the k x k blocks. The grids a run builds
 * are `cityGridCount` (gridShape.ts).
 */
export function gridCount(city: Scenario['city']): number {
  return city.layout
    ? city.layout.grids.length
    : Math.floor(city.cols / city.gridSize) * Math.floor(city.rows / city.gridSize);
}
