/**
 * Travel distance on the cell graph: around water, across it only at bridges.
 *
 * The metric is the number of 4-neighbour steps (east, west, north, south) between two cells through passable
 * cells; a cell is impassable when its land use is water and it is not a bridge. Cells outside an imported
 * district stay passable (roads go on past an administrative boundary; the district file knows no water there).
 * Where nothing impassable lies between two cells the distance is the lattice (Manhattan) distance, as it
 * always was; only a detour around a river or a lake makes it longer. The staff's speed (by mode) and the
 * detour factor turn steps into time (dispatch.ts `travelS`).
 *
 * How it stays fast (two cases):
 * - **No water in the way.** A summed-area table of impassable cells answers "is any impassable cell inside
 *   the rectangle spanned by the two cells?" with four reads. If none is, a monotone path exists inside the
 *   rectangle and the Manhattan distance is exact: no search at all. Most queries end here.
 * - **Water in the way.** A breadth-first search from the destination, kept per destination and continued
 *   only as far as a query needs (queries for one destination come in bursts: every candidate member of a
 *   case, then the chosen one's trip). A few destinations are kept (least recently used is reused), each
 *   with stamped arrays so that starting a new search costs nothing proportional to the city's size.
 *
 * A query with no limit for a destination no search is kept for (a member sent across the city to a waiting
 * case) is answered by an A* search between the two cells instead (Manhattan heuristic, exact on this graph),
 * which looks at the cells towards the destination rather than flooding every direction.
 *
 * Searches are bounded two ways. Cells in different connected pieces of passable land (an island without a
 * bridge) are at Infinity at once: a label per cell, computed once, says which piece a cell is in. And a caller
 * that only wants to know whether a member is nearer than the best found so far passes that as a limit: the
 * search stops at the limit's ring (answering Infinity for "farther"), so asking about a far member across a
 * river never searches half the city.
 *
 * Unreachable cells are at Infinity: nobody from the other side is picked or sent.
 * A start cell that is itself impassable (a member standing in a lake grid) leaves through its passable
 * neighbours; the destination is always allowed.
 *
 * Pure and deterministic: integers only.
 */

/** Destinations whose searches are kept. */
const SLOTS = 4;

class Search {
  target = -1;
  /** Distance from the target of each cell reached in this search (valid where stamp === gen). */
  readonly dist: Int32Array;
  readonly stamp: Int32Array;
  gen = 0;
  readonly queue: Int32Array;
  head = 0;
  tail = 0;
  lastUse = 0;
  constructor(n: number) {
    this.dist = new Int32Array(n);
    this.stamp = new Int32Array(n);
    this.queue = new Int32Array(n);
  }
}

export class PathFields {
  private readonly cols: number;
  private readonly rows: number;
  private readonly passable: Uint8Array;
  /** Summed-area table of impassable cells, (cols + 1) x (rows + 1). */
  private readonly blockedSum: Int32Array;
  /** Connected piece of passable land of each cell (-1: impassable). */
  private readonly piece: Int32Array;
  private readonly searches: Search[] = [];
  /** A* scratch: g per cell (valid where aStamp === aGen), and two stacks of cells by f (f and f + 2). */
  private readonly aG: Int32Array;
  private readonly aStamp: Int32Array;
  private aGen = 0;
  private cur: Int32Array;
  private nxt: Int32Array;
  private clock = 0;
  /** Searches started and cells settled, for the bench and tests. */
  searchesStarted = 0;
  cellsSettled = 0;

  constructor(cols: number, rows: number, passable: Uint8Array) {
    this.cols = cols;
    this.rows = rows;
    this.passable = passable;
    const w = cols + 1;
    const sum = new Int32Array(w * (rows + 1));
    for (let y = 0; y < rows; y++) {
      let row = 0;
      for (let x = 0; x < cols; x++) {
        row += passable[y * cols + x] === 1 ? 0 : 1;
        sum[(y + 1) * w + x + 1] = sum[y * w + x + 1] + row;
      }
    }
    this.blockedSum = sum;
    // label the connected pieces of passable land (one breadth-first pass over the city)
    const n = cols * rows;
    const piece = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    let label = 0;
    for (let s0 = 0; s0 < n; s0++) {
      if (piece[s0] !== -1 || passable[s0] !== 1) continue;
      let head = 0,
        tail = 0;
      queue[tail++] = s0;
      piece[s0] = label;
      while (head < tail) {
        const c = queue[head++];
        const y = (c / cols) | 0,
          x = c - y * cols;
        const nb0 = x > 0 ? c - 1 : -1,
          nb1 = x < cols - 1 ? c + 1 : -1,
          nb2 = y > 0 ? c - cols : -1,
          nb3 = y < rows - 1 ? c + cols : -1;
        for (const m of [nb0, nb1, nb2, nb3]) {
          if (m < 0 || piece[m] !== -1 || passable[m] !== 1) continue;
          piece[m] = label;
          queue[tail++] = m;
        }
      }
      label++;
    }
    this.piece = piece;
    this.aG = new Int32Array(n);
    this.aStamp = new Int32Array(n);
    this.cur = new Int32Array(n);
    this.nxt = new Int32Array(n);
  }

  /**
   * Steps from cell a to cell b around impassable cells (Infinity when there is no way). With a `limit`, a
   * distance above it may be answered Infinity (the search stops there); one at or below it is exact.
   */
  distance(a: number, b: number, limit = Infinity): number {
    const cols = this.cols;
    const ya = (a / cols) | 0,
      yb = (b / cols) | 0;
    const xa = a - ya * cols,
      xb = b - yb * cols;
    const x0 = xa < xb ? xa : xb,
      x1 = xa < xb ? xb : xa,
      y0 = ya < yb ? ya : yb,
      y1 = ya < yb ? yb : ya;
    const w = cols + 1,
      s = this.blockedSum;
    const blocked = s[(y1 + 1) * w + x1 + 1] - s[y0 * w + x1 + 1] - s[(y1 + 1) * w + x0] + s[y0 * w + x0];
    if (blocked === 0) return x1 - x0 + (y1 - y0);
    if (x1 - x0 + (y1 - y0) > limit) return Infinity;
    if (a === b) return 0;
    const pa = this.piece[a],
      pb = this.piece[b];
    if (pa >= 0 && pb >= 0 && pa !== pb) return Infinity;
    if (this.passable[a] === 1)
      return limit === Infinity && !this.kept(b) ? this.aStar(a, b) : this.searched(a, b, limit);
    // an impassable start leaves through a passable neighbour
    let best = Infinity;
    const nb = [
      xa > 0 ? a - 1 : -1,
      xa < cols - 1 ? a + 1 : -1,
      ya > 0 ? a - cols : -1,
      ya < this.rows - 1 ? a + cols : -1,
    ];
    for (const n of nb) {
      if (n < 0) continue;
      if (n === b) return 1;
      if (this.passable[n] !== 1) continue;
      const d = this.searched(n, b, limit - 1) + 1;
      if (d < best) best = d;
    }
    return best;
  }

  /** The search from b, continued until a is reached, or nothing is left, or the next ring is past `limit`. */
  private searched(a: number, b: number, limit: number): number {
    const sr = this.searchFor(b);
    if (sr.stamp[a] === sr.gen) return sr.dist[a];
    const cols = this.cols,
      rows = this.rows,
      pass = this.passable,
      dist = sr.dist,
      stamp = sr.stamp,
      queue = sr.queue,
      gen = sr.gen;
    while (sr.head < sr.tail) {
      const c = queue[sr.head];
      const d = dist[c] + 1;
      // cells found from here would be farther than the caller cares about: stop (the search resumes later)
      if (d > limit) return Infinity;
      sr.head++;
      const y = (c / cols) | 0,
        x = c - y * cols;
      let found = false;
      // west, east, north, south: a fixed order, so the search is the same on every machine
      for (let k = 0; k < 4; k++) {
        let n: number;
        if (k === 0) n = x > 0 ? c - 1 : -1;
        else if (k === 1) n = x < cols - 1 ? c + 1 : -1;
        else if (k === 2) n = y > 0 ? c - cols : -1;
        else n = y < rows - 1 ? c + cols : -1;
        if (n < 0 || stamp[n] === gen || pass[n] !== 1) continue;
        stamp[n] = gen;
        dist[n] = d;
        queue[sr.tail++] = n;
        this.cellsSettled++;
        if (n === a) found = true;
      }
      if (found) return dist[a];
    }
    return Infinity;
  }

  /** A search from b is kept. */
  private kept(b: number): boolean {
    for (const sr of this.searches) if (sr.target === b) return true;
    return false;
  }

  /**
   * A* from a (passable) to b on the 4-neighbour graph with the Manhattan heuristic. Every step costs 1 and
   * the heuristic is consistent, so f = g + h never falls and grows by 0 or 2 per step: two stacks (this f,
   * f + 2) order the search, and b is reached at its true distance the first time it is found.
   */
  private aStar(a: number, b: number): number {
    const cols = this.cols,
      rows = this.rows,
      pass = this.passable,
      g = this.aG,
      stamp = this.aStamp;
    const gen = ++this.aGen;
    const by = (b / cols) | 0,
      bx = b - by * cols;
    let cur = this.cur,
      nxt = this.nxt;
    let nCur = 0,
      nNxt = 0;
    stamp[a] = gen;
    g[a] = 0;
    cur[nCur++] = a;
    this.searchesStarted++;
    while (nCur > 0 || nNxt > 0) {
      if (nCur === 0) {
        const t = cur;
        cur = nxt;
        nxt = t;
        nCur = nNxt;
        nNxt = 0;
      }
      const c = cur[--nCur];
      const gc = g[c];
      const y = (c / cols) | 0,
        x = c - y * cols;
      const hc = (x < bx ? bx - x : x - bx) + (y < by ? by - y : y - by);
      for (let k = 0; k < 4; k++) {
        let n: number, hn: number;
        if (k === 0) {
          if (x === 0) continue;
          n = c - 1;
          hn = x - 1 < bx ? hc + 1 : hc - 1;
        } else if (k === 1) {
          if (x === cols - 1) continue;
          n = c + 1;
          hn = x + 1 > bx ? hc + 1 : hc - 1;
        } else if (k === 2) {
          if (y === 0) continue;
          n = c - cols;
          hn = y - 1 < by ? hc + 1 : hc - 1;
        } else {
          if (y === rows - 1) continue;
          n = c + cols;
          hn = y + 1 > by ? hc + 1 : hc - 1;
        }
        if (n === b) {
          this.cellsSettled++;
          return gc + 1;
        }
        if (pass[n] !== 1 || (stamp[n] === gen && g[n] <= gc + 1)) continue;
        stamp[n] = gen;
        g[n] = gc + 1;
        this.cellsSettled++;
        // a step towards b keeps f, a step away adds 2
        if (hn < hc) cur[nCur++] = n;
        else nxt[nNxt++] = n;
      }
    }
    this.cur = cur;
    this.nxt = nxt;
    return Infinity;
  }

  private searchFor(b: number): Search {
    this.clock++;
    let lru: Search | null = null;
    for (const sr of this.searches) {
      if (sr.target === b) {
        sr.lastUse = this.clock;
        return sr;
      }
      if (lru === null || sr.lastUse < lru.lastUse) lru = sr;
    }
    let sr: Search;
    if (this.searches.length < SLOTS) {
      sr = new Search(this.passable.length);
      this.searches.push(sr);
    } else sr = lru!;
    sr.target = b;
    sr.gen++;
    sr.head = 0;
    sr.tail = 1;
    sr.queue[0] = b;
    sr.stamp[b] = sr.gen;
    sr.dist[b] = 0;
    sr.lastUse = this.clock;
    this.searchesStarted++;
    return sr;
  }
}
