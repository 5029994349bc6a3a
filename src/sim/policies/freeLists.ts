/**
 * Who is free, per city-wide staff list, and where: the members of a skill's
 * list (everyone with the skill, or the pooled teams only) who may be free
 * now, filed by tile (a square of T x T grids).
 *
 * A case's nearest free member was found by reading every member of the
 * list (thousands of pooled members at city scale). Each list keeps a set
 * of candidates instead: a member joins when it becomes free (`noteFree`:
 * released on duty, or brought on duty idle), and leaves when a search meets
 * it not free (lazily: the engine has many ways to make a member busy and
 * one to make it free). A candidate is filed under the tile of its anchor
 * grid (patrol.ts `anchorGrid`: the grid of its patrol leg, or of the cell
 * it stands in), and it is always in that grid or one cell from it; it is
 * refiled when a new leg starts elsewhere (`moved`).
 *
 * `nearest` searches tiles in rings outward from the case's tile. A tile
 * whose cells (one cell wider all round) are all farther than the best
 * found so far cannot hold anyone nearer, and neither can any tile of a
 * ring whose nearest possible cell is farther: the search stops there. Ties
 * are broken by id explicitly, which is the list's own order (lists are in
 * id order), so the pick is the one a scan of the whole list makes.
 */
import type { Dispatcher } from '../dispatch.ts';

export class FreeSet {
  /** Candidates in the set. */
  n = 0;
  /** Grids per tile side, tiles across and down. */
  readonly t: number = 0;
  readonly tilesX: number = 0;
  readonly tilesY: number = 0;
  /** First candidate of each tile (-1: none), then `next`; each member's tile (-1: not a candidate). */
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly tileOf: Int32Array;
  private readonly sim: Dispatcher;

  constructor(sim: Dispatcher, size: number) {
    this.sim = sim;
    const city = sim.city;
    // about two candidates per tile when all are free
    this.t = Math.max(1, Math.floor(Math.sqrt((2 * city.nGrids) / Math.max(1, size))));
    this.tilesX = Math.max(1, Math.ceil(city.gridCols / this.t));
    this.tilesY = Math.max(1, Math.ceil(city.gridRows / this.t));
    this.head = new Int32Array(this.tilesX * this.tilesY).fill(-1);
    this.next = new Int32Array(sim.nStaff).fill(-1);
    this.prev = new Int32Array(sim.nStaff).fill(-1);
    this.tileOf = new Int32Array(sim.nStaff).fill(-1);
  }

  /** The tile of grid g. */
  private tileOfGrid(g: number): number {
    const gc = this.sim.city.gridCols;
    if (gc === 0) return 0;
    return ((((g / gc) | 0) / this.t) | 0) * this.tilesX + (((g % gc) / this.t) | 0);
  }

  has(s: number): boolean {
    return this.tileOf[s] >= 0;
  }

  /** File s under the tile of its anchor grid (joining, or moving if it is already a candidate). */
  file(s: number): void {
    const tile = this.tileOfGrid(this.sim.anchorGrid(s));
    if (this.tileOf[s] === tile) return;
    if (this.tileOf[s] >= 0) this.remove(s);
    const h = this.head[tile];
    this.next[s] = h;
    this.prev[s] = -1;
    if (h >= 0) this.prev[h] = s;
    this.head[tile] = s;
    this.tileOf[s] = tile;
    this.n++;
  }

  remove(s: number): void {
    const tile = this.tileOf[s];
    const p = this.prev[s],
      n = this.next[s];
    if (p >= 0) this.next[p] = n;
    else this.head[tile] = n;
    if (n >= 0) this.prev[n] = p;
    this.tileOf[s] = -1;
    this.n--;
  }

  /** Every free candidate, in no particular order (busy ones met are dropped). */
  forEachFree(fn: (s: number) => void): void {
    for (let tile = 0; tile < this.head.length; tile++) {
      let m = this.head[tile];
      while (m >= 0) {
        const nx = this.next[m];
        if (this.sim.isFree(m)) fn(m);
        else this.remove(m);
        m = nx;
      }
    }
  }

  /** Nearest free candidate to `cell` (ties: lowest id), or -1; its distance in `best.d`. */
  nearest(cell: number, best: { d: number }): number {
    const sim = this.sim;
    const city = sim.city;
    const cols = city.cols,
      rows = city.rows,
      k = city.k;
    const cy = (cell / cols) | 0,
      cx = cell - cy * cols;
    const g = city.cellGrid[cell];
    const gc = city.gridCols;
    const ctx = gc === 0 ? 0 : ((g % gc) / this.t) | 0,
      cty = gc === 0 ? 0 : (((g / gc) | 0) / this.t) | 0;
    const span = this.t * k;
    const maxR = Math.max(this.tilesX, this.tilesY);
    let s = -1,
      bestD = Infinity;
    for (let r = 0; r <= maxR; r++) {
      // every cell of a tile r rings out is at least (r - 1) tiles of cells away
      if (r >= 1 && (r - 1) * span > bestD) break;
      for (let ty = cty - r; ty <= cty + r; ty++) {
        if (ty < 0 || ty >= this.tilesY) continue;
        const edge = ty === cty - r || ty === cty + r;
        for (let tx = ctx - r; tx <= ctx + r; tx += edge || r === 0 ? 1 : 2 * r) {
          if (tx < 0 || tx >= this.tilesX) continue;
          const tile = ty * this.tilesX + tx;
          let m = this.head[tile];
          if (m < 0) continue;
          // the tile's cells, one cell wider all round (the last tiles hold the cells past the last whole grid)
          const x0 = tx * span - 1,
            x1 = tx === this.tilesX - 1 ? cols : (tx + 1) * span,
            y0 = ty * span - 1,
            y1 = ty === this.tilesY - 1 ? rows : (ty + 1) * span;
          const lb = (cx < x0 ? x0 - cx : cx > x1 ? cx - x1 : 0) + (cy < y0 ? y0 - cy : cy > y1 ? cy - y1 : 0);
          if (lb > bestD) continue;
          while (m >= 0) {
            const nx = this.next[m];
            if (!sim.isFree(m)) this.remove(m);
            else {
              const d = city.cellDistance(sim.staffCell(m), cell, bestD);
              if (d < bestD || (d === bestD && m < s)) {
                bestD = d;
                s = m;
              }
            }
            m = nx;
          }
        }
      }
    }
    best.d = bestD;
    return s;
  }
}

/**
 * Lists shorter than this are scanned as they are (`of` gives undefined): keeping a set costs a filing per
 * release and a Map lookup per search, which a scan of a few members beats (the 10-server M/M/c bench ran
 * ~20 % slower with a set). The pick is the same either way.
 */
export const MIN_INDEXED_LIST = 32;

export class FreeLists {
  private readonly byList = new Map<Int32Array, FreeSet>();
  private readonly all: (FreeSet | null)[];
  private readonly pooled: (FreeSet | null)[];
  private readonly sim: Dispatcher;

  constructor(sim: Dispatcher) {
    this.sim = sim;
    const make = (list: Int32Array) => {
      if (list.length < MIN_INDEXED_LIST) return null;
      const set = new FreeSet(sim, list.length);
      this.byList.set(list, set);
      return set;
    };
    this.all = sim.skillStaff.map(make);
    this.pooled = sim.pooledSkillStaff.map(make);
  }

  /** The candidate set of a city-wide list, or undefined for any other list. */
  of(list: Int32Array): FreeSet | undefined {
    return this.byList.get(list);
  }

  /** Member s has just become free: a candidate of every city-wide list that holds it, filed where it is. */
  noteFree(s: number): void {
    const sim = this.sim;
    if (sim.sLane[s] >= 0) return;
    const mask = sim.sSkills[s];
    const pooled = sim.sPooled[s] === 1;
    for (let k = 0; k < this.all.length; k++) {
      if (!(mask & (1 << k))) continue;
      this.all[k]?.file(s);
      if (pooled) this.pooled[k]?.file(s);
    }
  }

  /** Member s may stand in another grid now (a new patrol leg, or a test put it somewhere): refile it. */
  moved(s: number): void {
    const mask = this.sim.sSkills[s];
    for (let k = 0; k < this.all.length; k++) {
      if (!(mask & (1 << k))) continue;
      const a = this.all[k],
        p = this.pooled[k];
      if (a?.has(s)) a.file(s);
      if (p?.has(s)) p.file(s);
    }
  }
}
