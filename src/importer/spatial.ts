/**
 * Where an event type's cases happen: per-cell location weights from the cells its logged cases fell in.
 *
 * A cell with cases weighs its count of cases. The cells of the district without a case share a floor, so a
 * case may still occur where the log happened to have none: their total weight is the Good–Turing estimate of
 * the unseen share, N₁ pseudo-cases (N₁ = cells with exactly one case; at least 1), i.e. a share of about
 * N₁ / n of the cases falls on cells not seen in the log; spread evenly, each such cell weighs N₁ / U (U =
 * cells of the district without a case). A type seen in many cells once each (spread thin) gets a high floor;
 * one concentrated in a few hot spots, a low one. Written as the scenario's `weights.cells`
 * (`{ weights: [[cell, cases], …], floor }`), which replaces land use × population as the location weight.
 *
 * Pure.
 */
export interface SpatialFit {
  weights: [number, number][];
  floor: number;
  singletons: number;
  unseenShare: number;
}

/** Location weights from the cells of `n` cases; `insideCells` is the number of cells of the district. */
export function fitSpatial(cells: readonly number[], insideCells: number): SpatialFit {
  const counts = new Map<number, number>();
  for (const c of cells) counts.set(c, (counts.get(c) ?? 0) + 1);
  const weights = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  let singletons = 0;
  for (const [, k] of weights) if (k === 1) singletons++;
  const unseen = insideCells - weights.length;
  const mass = Math.max(1, singletons);
  const floor = unseen > 0 ? Number((mass / unseen).toPrecision(6)) : 0;
  const unseenShare = unseen > 0 ? (floor * unseen) / (floor * unseen + cells.length) : 0;
  return { weights, floor, singletons, unseenShare };
}
