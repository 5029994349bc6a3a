/**
 * The responsibility grids a scenario's city has, as a run builds them: the
 * k x k blocks of a plain city; an imported district's own grids (city.layout),
 * regrouped into k x k blocks (gridSize > 1) or merged with neighbours to a
 * count (mergeToGrids, merge.ts). The engine's City (src/sim/city.ts) builds
 * its grids from `reshape`; validation, the run-size estimate, headcounts and
 * the importer count them with `cityGridCount`, so every part of the product
 * counts the same grids.
 *
 * Pure: no I/O, no clock, no randomness.
 */
import type { Scenario } from './schema.ts';
import { decodeRuns } from './runs.ts';
import { mergeGrids, type MergedGrids } from './merge.ts';

/**
 * How many responsibility grids `new City` builds for a city: the k x k blocks, or an imported district's own
 * grids, regrouped (gridSize > 1) or merged (mergeToGrids) as the constructor does. Headcounts of per-grid teams
 * are read in these grids.
 */
export function cityGridCount(c: Scenario['city']): number {
  const lay = c.layout;
  if (!lay) return Math.floor(c.cols / c.gridSize) * Math.floor(c.rows / c.gridSize);
  if (c.gridSize <= 1 && (c.mergeToGrids === undefined || c.mergeToGrids >= lay.grids.length)) return lay.grids.length;
  const { blocks, merged } = reshape(c, decodeRuns(lay.grid, c.cols * c.rows, -1));
  return (blocks ?? merged)?.codes.length ?? lay.grids.length;
}

/** An imported district's grids as the study asks: regrouped into k x k blocks, merged to a count, or neither. */
export function reshape(
  c: Scenario['city'],
  own: Int32Array,
): { blocks: ReturnType<typeof regroup> | null; merged: MergedGrids | null } {
  const lay = c.layout!;
  if (c.gridSize > 1) return { blocks: regroup(own, c.cols, c.rows, c.gridSize), merged: null };
  if (c.mergeToGrids === undefined || c.mergeToGrids >= lay.grids.length) return { blocks: null, merged: null };
  const merged = mergeGrids({
    cellGrid: own,
    cols: c.cols,
    rows: c.rows,
    codes: lay.grids.map((g) => g.code),
    names: lay.grids.map((g) => g.name ?? ''),
    namesEn: lay.grids.map((g) => g.nameEn ?? ''),
    community: ownGridCommunities(c, lay.grids),
    street: ownGridStreets(c, lay.grids),
    target: c.mergeToGrids,
  });
  return { blocks: null, merged };
}

/** Community (index into the hierarchy's communities, -1: none) of each of an imported district's own grids. */
export function ownGridCommunities(c: Scenario['city'], grids: { community?: string }[]): Int32Array {
  const communityIndex = new Map((c.hierarchy?.communities ?? []).map((cm, i) => [cm.code, i]));
  return Int32Array.from(grids, (g) => (g.community !== undefined ? (communityIndex.get(g.community) ?? -1) : -1));
}

/** Street (1-based index into the hierarchy's streets, 0: none) of each of an imported district's own grids. */
export function ownGridStreets(c: Scenario['city'], grids: { community?: string }[]): Int16Array {
  const streets = c.hierarchy?.streets ?? [];
  const streetOfCommunity = new Map((c.hierarchy?.communities ?? []).map((cm) => [cm.code, cm.street]));
  return Int16Array.from(grids, (g) => {
    const street = g.community !== undefined ? streetOfCommunity.get(g.community) : undefined;
    return street === undefined ? 0 : streets.findIndex((st) => st.code === street) + 1;
  });
}

/**
 * An imported district's cells regrouped into k x k blocks of the lattice: the block of every inside cell
 * (outside cells stay -1), blocks holding a cell numbered row by row, coded G<row>-<col> (1-based, 2 digits).
 */
function regroup(own: Int32Array, cols: number, rows: number, k: number): { cellGrid: Int32Array; codes: string[] } {
  const bc = Math.ceil(cols / k),
    br = Math.ceil(rows / k);
  const index = new Int32Array(bc * br).fill(-1);
  for (let i = 0; i < own.length; i++) {
    if (own[i] < 0) continue;
    const y = (i / cols) | 0,
      x = i - y * cols;
    index[((y / k) | 0) * bc + ((x / k) | 0)] = 0;
  }
  const codes: string[] = [];
  for (let b = 0; b < index.length; b++) {
    if (index[b] < 0) continue;
    index[b] = codes.length;
    const r = (b / bc) | 0,
      col = b - r * bc;
    codes.push(`G${String(r + 1).padStart(2, '0')}-${String(col + 1).padStart(2, '0')}`);
  }
  const cellGrid = new Int32Array(own.length).fill(-1);
  for (let i = 0; i < own.length; i++) {
    if (own[i] < 0) continue;
    const y = (i / cols) | 0,
      x = i - y * cols;
    cellGrid[i] = index[((y / k) | 0) * bc + ((x / k) | 0)];
  }
  return { cellGrid, codes };
}
