/**
 * Member choice, shared by every scope policy.
 *
 * Given a case's tiers of staff lists (types.ts), the first tier with anyone
 * free wins and within it the nearest free member, measured in cells from
 * where the member is now (`staffCell`), ties to the first in the list
 * (lists are in staff-id order, so the lowest id). Tier 2 and after (the
 * neighbouring grids) count as one tier: the nearest over all of them.
 * A crew of k members takes the k nearest by (tier, distance, id).
 *
 * Nothing here assigns: the engine does, so these can be asked in a test.
 */
import type { Dispatcher } from '../dispatch.ts';

/** Nearest free member of `list` to `cell` (ties: first in the list), or -1; its distance in `best.d`. */
export function nearestFree(sim: Dispatcher, list: Int32Array, cell: number, best: { d: number }): number {
  let s = -1,
    bestD = Infinity;
  const set = sim.freeLists.of(list);
  // a city-wide list: its free candidates, nearest tiles first (policies/freeLists.ts)
  if (set) return set.nearest(cell, best);
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    if (!sim.isFree(m)) continue;
    const d = sim.city.cellDistance(sim.staffCell(m), cell, bestD);
    if (d < bestD) {
      bestD = d;
      s = m;
      // nobody can be nearer than the case's own cell, and ties go to the first: done
      if (d === 0) break;
    }
  }
  best.d = bestD;
  return s;
}

const scratch = { d: Infinity };

/** The member a single-crew case at `cell` gets from `tiers`, or -1. */
export function pickOne(sim: Dispatcher, tiers: readonly Int32Array[], cell: number): number {
  let s = -1;
  for (let i = 0; i < tiers.length && s < 0; i++) {
    s = nearestFree(sim, tiers[i], cell, scratch);
    if (i >= 2) {
      // neighbour grids form one tier: take the nearest over all of them
      let bestD = s >= 0 ? scratch.d : Infinity;
      for (let j = i + 1; j < tiers.length; j++) {
        const x = nearestFree(sim, tiers[j], cell, scratch);
        if (x >= 0 && scratch.d < bestD) {
          bestD = scratch.d;
          s = x;
        }
      }
      break;
    }
  }
  return s;
}

// the `need` best candidates so far, best first, by (tier x 1e6 + distance, id)
const bestIds: number[] = [];
const bestKey: number[] = [];

/** Candidate s with key `key` joins the `need` best so far if it beats the worst of them (ties: lower id). */
function consider(s: number, key: number, need: number): void {
  let n = bestIds.length;
  if (n === need) {
    const wk = bestKey[n - 1];
    if (key > wk || (key === wk && s >= bestIds[n - 1])) return;
    n--;
  } else {
    bestIds.push(0);
    bestKey.push(0);
  }
  // shift the worse ones down and insert
  while (n > 0 && (bestKey[n - 1] > key || (bestKey[n - 1] === key && bestIds[n - 1] > s))) {
    bestIds[n] = bestIds[n - 1];
    bestKey[n] = bestKey[n - 1];
    n--;
  }
  bestIds[n] = s;
  bestKey[n] = key;
}

/** The farthest distance in `tier` that can still join the `need` best (ties included): the worst kept key's, or Infinity. */
function limitFor(tier: number, need: number): number {
  return bestKey.length < need ? Infinity : bestKey[need - 1] - tier;
}

/**
 * The `need` members a crew case at `cell` gets from `tiers`, nearest first, into `out`; false (out empty) when too few are free.
 * A partial selection: each free member is inserted into a sorted list of at most `need` (no sort of every candidate).
 */
export function pickCrew(
  sim: Dispatcher,
  tiers: readonly Int32Array[],
  cell: number,
  need: number,
  out: number[],
): boolean {
  bestIds.length = 0;
  bestKey.length = 0;
  out.length = 0;
  let found = 0;
  for (let i = 0; i < tiers.length; i++) {
    const tier = Math.min(i, 2) * 1e6;
    const set = sim.freeLists.of(tiers[i]);
    if (set) {
      // a city-wide list: its free candidates (policies/freeLists.ts); the order does not matter here
      set.forEachFree((s) => {
        found++;
        consider(s, tier + sim.city.cellDistance(sim.staffCell(s), cell, limitFor(tier, need)), need);
      });
      continue;
    }
    const list = tiers[i];
    for (let j = 0; j < list.length; j++) {
      const s = list[j];
      if (!sim.isFree(s)) continue;
      found++;
      consider(s, tier + sim.city.cellDistance(sim.staffCell(s), cell, limitFor(tier, need)), need);
    }
  }
  if (found < need) return false;
  for (let j = 0; j < need; j++) out.push(bestIds[j]);
  return true;
}
