/**
 * Merging an imported district's neighbouring grids down to a target count (`city.mergeToGrids`).
 *
 * A grid-size study on a real district asks "what if there were only N grids?". Regrouping the cells into
 * k x k blocks (city.ts) answers it with regular squares; this answers it with the district's own grids,
 * glued together along their shared boundaries, so the new grids still follow streets, rivers and
 * community lines wherever the old ones did.
 *
 * The rule (deterministic greedy agglomeration):
 *
 * 1. While more than `target` grids remain, take the grid with the fewest cells (ties: the lowest index;
 *    a merged grid's index is that of the grid it was merged into).
 * 2. Merge it into one of its neighbours: grids with a cell 4-adjacent (left, right, up, down; corners do
 *    not count) to one of its cells. The neighbour chosen is, in this order of preference, one in the same
 *    community (社区), one in the same street (街道), the one sharing the longest boundary (cell edges
 *    between them), the one with fewer cells, the one with the lowest index.
 * 3. A grid with no neighbour (an island: a grid cut off by cells outside the district) is left as it is
 *    and never merged; when only islands are left to take, merging stops above the target.
 *
 * Merging two 4-connected sets that touch along an edge gives a 4-connected set, so grids that were
 * 4-connected stay so. Cells outside the district (-1) stay outside.
 *
 * The merged grid's community is the one holding most of its cells (ties: the lower community index; cells
 * of grids with no community do not vote), its street that community's street, so the hierarchy
 * 区 → 街道 → 社区 → 网格 stays a tree: a merged grid straddling two streets belongs to one. Its code is the
 * code of its largest constituent (ties: the lowest index) followed by `+N`, N the number of other grids
 * merged in ("310101001001+3"); its name likewise ("甲网格+3"; '' when the largest has no name), and its English
 * name (the largest's `nameEn` + "+3"; '' when it has none, so the Chinese name shows in English too). A grid
 * that absorbed none keeps its code and name. Codes stay unique: each own grid is in exactly one merged
 * grid, so no two merged grids share their largest constituent (a clash with an own code that already
 * contains "+N" gets `#<new index + 1>` appended). Merged grids are numbered in the order of their lowest
 * own grid index.
 *
 * Cost: one pass over the cells for boundary lengths, then a binary heap of (cells, index) with stale
 * entries skipped, and each merge folds the smaller grid's neighbour table into the larger's: a few
 * milliseconds for 1,615 grids.
 *
 * Pure: no I/O, no clock, no randomness.
 */

/** What `mergeGrids` needs to know of the district's own grids (all indexed by own grid index). */
export interface MergeInput {
  /** Own grid of every cell (cell id = y * cols + x), -1 outside the district. */
  cellGrid: Int32Array;
  cols: number;
  rows: number;
  /** Own grid codes (unique) and names ('' for none). */
  codes: readonly string[];
  names: readonly string[];
  /** Own grids' English names ('' for none); left out: none has one. */
  namesEn?: readonly string[];
  /** Community index of each own grid (-1: none). */
  community: Int32Array;
  /** Street index of each own grid (0: none; 1-based like City.gridDistrict). */
  street: Int16Array;
  /** Merge until at most this many grids remain (islands permitting). */
  target: number;
}

export interface MergedGrids {
  /** Merged grid of every cell, -1 outside. */
  cellGrid: Int32Array;
  codes: string[];
  names: string[];
  /** English names ('' for none). */
  namesEn: string[];
  community: Int32Array;
  street: Int16Array;
  /** The own grid indices each merged grid is made of, ascending. */
  members: number[][];
}

/** Min-heap of (cells, grid index) pairs, packed into one float per entry (cells × 2^21 + index). */
class SizeHeap {
  private a: number[] = [];
  push(cells: number, g: number): void {
    const a = this.a;
    let i = a.length;
    const key = cells * 2_097_152 + g;
    a.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= key) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = key;
  }
  /** The smallest key as [cells, index], or null when empty. */
  pop(): [number, number] | null {
    const a = this.a;
    if (a.length === 0) return null;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && a[l + 1] < a[l] ? l + 1 : l;
        if (a[c] >= last) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    const cells = Math.floor(top / 2_097_152);
    return [cells, top - cells * 2_097_152];
  }
}

/** Merge neighbouring grids until at most `target` remain (see the module comment for the rule). */
export function mergeGrids(inp: MergeInput): MergedGrids {
  const { cellGrid, cols, rows, target } = inp;
  const nOwn = inp.codes.length;
  const cells = new Int32Array(nOwn);
  for (let i = 0; i < cellGrid.length; i++) if (cellGrid[i] >= 0) cells[cellGrid[i]]++;

  // shared boundary lengths (cell edges) between 4-adjacent grids
  const adj: Map<number, number>[] = Array.from({ length: nOwn }, () => new Map());
  const touch = (a: number, b: number) => {
    if (a < 0 || b < 0 || a === b) return;
    adj[a].set(b, (adj[a].get(b) ?? 0) + 1);
    adj[b].set(a, (adj[b].get(a) ?? 0) + 1);
  };
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const i = y * cols + x;
      if (x + 1 < cols) touch(cellGrid[i], cellGrid[i + 1]);
      if (y + 1 < rows) touch(cellGrid[i], cellGrid[i + cols]);
    }
  }

  // a community's street, read off the grids (a grid's street is its community's)
  const communityStreet = new Map<number, number>();
  for (let g = 0; g < nOwn; g++) if (inp.community[g] >= 0) communityStreet.set(inp.community[g], inp.street[g]);

  // per live grid: its cells by community (for the majority), its community and street, its members
  const votes: Map<number, number>[] = Array.from({ length: nOwn }, (_, g) =>
    inp.community[g] >= 0 ? new Map([[inp.community[g], cells[g]]]) : new Map(),
  );
  const community = Int32Array.from(inp.community);
  const street = Int16Array.from(inp.street);
  const members: number[][] = Array.from({ length: nOwn }, (_, g) => [g]);
  const alive = new Uint8Array(nOwn).fill(1);

  const heap = new SizeHeap();
  for (let g = 0; g < nOwn; g++) heap.push(cells[g], g);
  let count = nOwn;
  while (count > target) {
    const top = heap.pop();
    if (top === null) break; // only islands are left
    const [size, g] = top;
    if (!alive[g] || size !== cells[g]) continue; // a stale entry
    if (adj[g].size === 0) continue; // an island: never merged, never taken again
    const h = pickNeighbour(g, adj[g], community, street, cells);
    // fold g into h
    for (const [x, len] of adj[g]) {
      adj[x].delete(g);
      if (x === h) continue;
      adj[h].set(x, (adj[h].get(x) ?? 0) + len);
      adj[x].set(h, (adj[x].get(h) ?? 0) + len);
    }
    adj[g].clear();
    cells[h] += cells[g];
    for (const [cm, n] of votes[g]) votes[h].set(cm, (votes[h].get(cm) ?? 0) + n);
    votes[g].clear();
    let best = -1,
      bestN = 0;
    for (const [cm, n] of votes[h]) if (n > bestN || (n === bestN && cm < best)) [best, bestN] = [cm, n];
    community[h] = best;
    street[h] = best >= 0 ? (communityStreet.get(best) ?? 0) : 0;
    for (const m of members[g]) members[h].push(m);
    members[g] = [];
    alive[g] = 0;
    count--;
    heap.push(cells[h], h);
  }

  // number the survivors by their lowest own index (the survivors in index order: a grid is only ever
  // merged into a live one, and its lowest member may be below the survivor's own index)
  const live: number[] = [];
  for (let g = 0; g < nOwn; g++) if (alive[g]) live.push(g);
  for (const g of live) members[g].sort((a, b) => a - b);
  live.sort((a, b) => members[a][0] - members[b][0]);
  const newIndex = new Int32Array(nOwn).fill(-1);
  const out: MergedGrids = {
    cellGrid: new Int32Array(cellGrid.length).fill(-1),
    codes: [],
    names: [],
    namesEn: [],
    community: new Int32Array(live.length),
    street: new Int16Array(live.length),
    members: [],
  };
  const ownCells = new Int32Array(nOwn);
  for (let i = 0; i < cellGrid.length; i++) if (cellGrid[i] >= 0) ownCells[cellGrid[i]]++;
  live.forEach((g, j) => {
    const ms = members[g];
    for (const m of ms) newIndex[m] = j;
    let largest = ms[0];
    for (const m of ms) if (ownCells[m] > ownCells[largest]) largest = m;
    const more = ms.length > 1 ? `+${ms.length - 1}` : '';
    out.codes.push(inp.codes[largest] + more);
    out.names.push(inp.names[largest] ? inp.names[largest] + more : '');
    const en = inp.namesEn?.[largest] ?? '';
    out.namesEn.push(en ? en + more : '');
    out.community[j] = community[g];
    out.street[j] = street[g];
    out.members.push(ms);
  });
  const seen = new Set<string>();
  out.codes.forEach((c, j) => {
    if (seen.has(c)) out.codes[j] = `${c}#${j + 1}`;
    seen.add(out.codes[j]);
  });
  for (let i = 0; i < cellGrid.length; i++) if (cellGrid[i] >= 0) out.cellGrid[i] = newIndex[cellGrid[i]];
  return out;
}

/** The neighbour g merges into: same community, same street, longest boundary, fewer cells, lowest index. */
function pickNeighbour(
  g: number,
  nb: Map<number, number>,
  community: Int32Array,
  street: Int16Array,
  cells: Int32Array,
): number {
  const cm = community[g],
    st = street[g];
  let best = -1,
    bCm = 0,
    bSt = 0,
    bLen = 0;
  for (const [h, len] of nb) {
    const hCm = cm >= 0 && community[h] === cm ? 1 : 0;
    const hSt = st > 0 && street[h] === st ? 1 : 0;
    const better =
      best < 0 ||
      hCm > bCm ||
      (hCm === bCm &&
        (hSt > bSt ||
          (hSt === bSt &&
            (len > bLen || (len === bLen && (cells[h] < cells[best] || (cells[h] === cells[best] && h < best)))))));
    if (better) [best, bCm, bSt, bLen] = [h, hCm, hSt, len];
  }
  return best;
}
