/**
 * Patrols: members with nothing to do walk their route, and latent cases
 * are discovered where they pass.
 *
 * A member's route is the lawn-mower walk of the grids it answers for
 * (engine.ts); it walks one cell at a time towards the next cell of the
 * route, column first, from wherever it is (a case's cell, after one). A
 * step lasts cellSizeM / (speed x patrolSpeedFactor) x the travel factor of
 * the hour it starts in.
 *
 * No event per cell. A walk is a function of time, so the engine keeps only
 * the step a member is on (sFrom, sTo, sDepart, sArrive, sRoute) and takes
 * the steps since when someone asks where the member is (`syncPatrol`:
 * staffCell, frames), adding the same times in the same order as stepping
 * would. Events are needed only where something may happen: a member's next
 * event is the first arrival of its current leg at a cell holding a latent
 * case, else the leg's last arrival. A leg is at most PATROL_LEG steps whose
 * arrivals all lie in one grid, and the member is listed under that grid
 * (`patrolHead`), so a case that becomes latent finds the walkers who will
 * pass its cell before their next event and brings that event forward
 * (`onLatent`). Discovery times are those of a walk stepped cell by cell,
 * to the last bit; a busy or off-duty member's pending event is stale (its
 * token moved on) and it is dropped from the lists when next met.
 *
 * Most steps follow the route itself: standing on route cell i, the member's
 * next steps go to cells i+1, i+2 ... as long as those are neighbours in
 * the same grid (RouteTables.run). Planning a leg, syncing and looking ahead
 * for a latent case walk such stretches by route index (`alongRoute`: one
 * addition per step, the same additions in the same order), and read a
 * stretch's column / row box from prefix and suffix tables; only the steps
 * off the route (back from a case, across a gap) are worked out one by one.
 */
import { EngineState, EV, SS } from './engine.ts';

/** Most steps in one patrol leg (one event per leg when nothing is latent on it). */
export const PATROL_LEG = 64;

export abstract class Patrols extends EngineState {
  /** Per grid, the first member whose current patrol leg lies in it (-1: none); then `patrolNext`. */
  private readonly patrolHead = new Int32Array(this.city.nGrids).fill(-1);
  private readonly patrolNext = new Int32Array(this.nStaff).fill(-1);
  private readonly patrolPrev = new Int32Array(this.nStaff).fill(-1);
  /** The grid whose list holds member s (-1: none), and the token its listed leg was planned with. */
  private readonly patrolGrid = new Int32Array(this.nStaff).fill(-1);
  private readonly patrolTok = new Int32Array(this.nStaff);
  /** Time of member s's pending patrol event. */
  private readonly patrolEventAt = new Float64Array(this.nStaff);
  /** Latent cases waiting for a patrol, per grid (legs in grids with none skip the per-cell look). */
  private readonly gridLatent = new Int32Array(this.city.nGrids);
  /** Per member, the columns and rows its current leg passes in its grid: x0, x1, y0, y1 (planLeg). */
  private readonly legBox = new Int32Array(this.nStaff * 4);
  /**
   * Per member, the step its planned leg ends with (the step arriving at the leg's event): from, to, route
   * index, depart; `legAt` the arrival. The leg's event puts the member there at once instead of taking the
   * leg's steps again (the same step syncPatrol would reach: the walk is a function of its start).
   */
  private readonly legFrom = new Int32Array(this.nStaff);
  private readonly legTo = new Int32Array(this.nStaff);
  private readonly legIdx = new Int32Array(this.nStaff);
  private readonly legDepart = new Float64Array(this.nStaff);
  private readonly legAt = new Float64Array(this.nStaff).fill(-1);
  /** Every distinct route's cycle tables (RouteTables below), and the one of each member. */
  private readonly routeTabs: RouteTables;
  private readonly routeOf: Int32Array;
  // a walk worked out ahead without moving the member: cell, route index, time of the last arrival
  private walkCell = 0;
  private walkIdx = 0;
  private walkT = 0;
  private walkDepart = 0;

  constructor(...args: ConstructorParameters<typeof EngineState>) {
    super(...args);
    const byRoute = new Map<Int32Array, number>();
    const distinct: Int32Array[] = [];
    // only members who patrol ever walk: the others need no tables (-1)
    this.routeOf = Int32Array.from(this.sRouteCells, (route, s) => {
      if (this.sPatrols[s] !== 1) return -1;
      let r = byRoute.get(route);
      if (r === undefined) {
        byRoute.set(route, (r = distinct.length));
        distinct.push(route);
      }
      return r;
    });
    this.routeTabs = new RouteTables(distinct, this.city.cols, this.city.cellGrid);
  }

  /**
   * Walk member s along its route from route index `idx` (standing on that route cell) at time `t`: at
   * most `m` steps (m <= the route's run from idx), stopping before a step that would start at or after
   * `until` or from `cell`. Each step lasts the step time of the hour it starts in, added as walkStep adds
   * it. Leaves the route index reached in walkIdx, its arrival in walkT and the last step's start in
   * walkDepart (t when no step was taken).
   */
  private alongRoute(s: number, idx: number, t: number, m: number, until: number, cell: number): void {
    const route = this.routeTabs.cyc;
    const tf = this.travelFactor;
    const lastHour = tf.length - 1;
    const base = this.city.cellSizeM / (this.sSpeed[s] * this.sc.travel.patrolSpeedFactor);
    let h = (t / 3600) | 0;
    let step = base * tf[h < lastHour ? h : lastHour];
    let safeUntil = h * 3600 + 3599;
    let depart = t;
    const end = idx + m;
    if (cell < 0) {
      // no cell to stop at (planning, syncing): the tightest loop
      while (idx < end && t < until) {
        depart = t;
        if (t >= safeUntil) {
          h = (t / 3600) | 0;
          step = base * tf[h < lastHour ? h : lastHour];
          safeUntil = h * 3600 + 3599;
        }
        t += step;
        idx++;
      }
    } else {
      while (idx < end && t < until && route[idx] !== cell) {
        depart = t;
        if (t >= safeUntil) {
          h = (t / 3600) | 0;
          step = base * tf[h < lastHour ? h : lastHour];
          safeUntil = h * 3600 + 3599;
        }
        t += step;
        idx++;
      }
    }
    this.walkIdx = idx;
    this.walkT = t;
    this.walkDepart = depart;
  }

  /** Start member s's next patrol step now (from the cell it is in) and plan its leg. */
  protected patrolStep(s: number): void {
    this.walkCell = this.sTo[s];
    this.walkIdx = this.sRoute[s];
    this.walkT = this.now;
    this.takeStep(s);
    this.planLeg(s);
  }

  /**
   * One step of s's walk from (walkCell, heading for route index walkIdx) at
   * walkT: one cell towards the route cell it heads for (the next one once
   * there), column first. Leaves the arrival in walkCell / walkT and returns
   * the step's start time.
   */
  private walkStep(s: number): number {
    const route = this.sRouteCells[s];
    const cur = this.walkCell;
    let target = route[this.walkIdx];
    if (cur === target) {
      this.walkIdx = (this.walkIdx + 1) % route.length;
      target = route[this.walkIdx];
    }
    const cols = this.city.cols;
    const cx = cur % cols,
      cy = (cur / cols) | 0,
      tx = target % cols,
      ty = (target / cols) | 0;
    this.walkCell = cx !== tx ? cur + (tx > cx ? 1 : -1) : cy !== ty ? cur + (ty > cy ? cols : -cols) : cur;
    const t = this.walkT;
    const stepS =
      (this.city.cellSizeM / (this.sSpeed[s] * this.sc.travel.patrolSpeedFactor)) * this.travelFactor[this.hourOf(t)];
    this.walkT = t + stepS;
    return t;
  }

  /** Member s takes the step worked out from walkCell / walkIdx / walkT. */
  private takeStep(s: number): void {
    this.sFrom[s] = this.walkCell;
    const t = this.walkStep(s);
    this.sTo[s] = this.walkCell;
    this.sRoute[s] = this.walkIdx;
    this.sDepart[s] = t;
    this.sArrive[s] = this.walkT;
  }

  /** Bring patrolling member s's step up to now: every step that ended before now is taken. */
  protected syncPatrol(s: number): void {
    if (this.sState[s] !== SS.PATROL) return;
    const tab = this.routeTabs,
      r = this.routeOf[s];
    while (this.sArrive[s] < this.now) {
      const p = tab.pos(r, this.sTo[s], this.sRoute[s]);
      if (p >= 0 && tab.run[p] > 0) {
        // on the route's cycle: the steps along it, without working each one out
        this.alongRoute(s, p, this.sArrive[s], tab.run[p], this.now, -1);
        const q = this.walkIdx;
        this.sFrom[s] = tab.cyc[q - 1];
        this.sTo[s] = tab.cyc[q];
        this.sRoute[s] = tab.idxAt(r, q);
        this.sDepart[s] = this.walkDepart;
        this.sArrive[s] = this.walkT;
        continue;
      }
      this.walkCell = this.sTo[s];
      this.walkIdx = this.sRoute[s];
      this.walkT = this.sArrive[s];
      this.takeStep(s);
    }
  }

  /** Every patrolling member's step up to now (before a frame is drawn, or the travel factors change). */
  syncPatrols(): void {
    for (let s = 0; s < this.nStaff; s++) this.syncPatrol(s);
  }

  /** Plan every patrolling member's leg again (after the travel factors changed: later steps take longer or shorter). */
  replanPatrols(): void {
    for (let s = 0; s < this.nStaff; s++) {
      if (this.sState[s] !== SS.PATROL) continue;
      this.syncPatrol(s);
      this.planLeg(s);
    }
  }

  /**
   * Schedule s's next patrol event: the first arrival of its leg (from the
   * step it is on) at a cell with a latent case, else the leg's last
   * arrival; list s under the leg's grid.
   */
  private planLeg(s: number): void {
    const grid = this.city.cellGrid;
    const latent = this.cellLatentHead;
    const cols = this.city.cols;
    const route = this.sRouteCells[s];
    const tf = this.travelFactor;
    const lastHour = tf.length - 1;
    // the walk of walkStep, in locals: the same cells and the same sums of the same step times, to the bit
    const base = this.city.cellSizeM / (this.sSpeed[s] * this.sc.travel.patrolSpeedFactor);
    let cur = this.sTo[s];
    const g = grid[cur];
    const look = this.gridLatent[g] > 0;
    let idx = this.sRoute[s];
    let target = route[idx];
    let cx = cur % cols,
      cy = (cur / cols) | 0;
    let tx = target % cols,
      ty = (target / cols) | 0;
    let t = this.sArrive[s];
    let at = t;
    // the step time of the hour t is in; recomputed (by the division walkStep makes) only near the hour's end
    let h = (t / 3600) | 0;
    let step = base * tf[h < lastHour ? h : lastHour];
    let safeUntil = h * 3600 + 3599;
    // the step arriving at `at` (none taken yet: the member's current step)
    let endFrom = this.sFrom[s],
      endTo = cur,
      endIdx = idx,
      endDepart = this.sDepart[s];
    // the leg's bounding box (cells in grid g it passes), for onLatent's quick rejection
    let x0 = cx,
      x1 = cx,
      y0 = cy,
      y1 = cy;
    const tab = this.routeTabs,
      r = this.routeOf[s];
    for (let i = 1; i < PATROL_LEG; i++) {
      if (look && latent[cur] >= 0) break;
      const p = look ? -1 : tab.pos(r, cur, idx);
      if (p >= 0) {
        // on the route's cycle with nothing latent in the grid: the next m steps go to the next m cells of the
        // cycle, all neighbours in grid g (the same steps, times and box as the general step below)
        let m = tab.run[p];
        if (m > PATROL_LEG - i) m = PATROL_LEG - i;
        if (m > 0) {
          this.alongRoute(s, p, t, m, Infinity, -1);
          const q = this.walkIdx;
          t = this.walkT;
          endFrom = tab.cyc[q - 1];
          cur = endTo = tab.cyc[q];
          idx = endIdx = tab.idxAt(r, q);
          target = route[idx];
          cx = tab.x[q];
          cy = tab.y[q];
          tx = target % cols;
          ty = (target / cols) | 0;
          endDepart = this.walkDepart;
          at = t;
          tab.box(r, p, q);
          if (tab.bx0 < x0) x0 = tab.bx0;
          if (tab.bx1 > x1) x1 = tab.bx1;
          if (tab.by0 < y0) y0 = tab.by0;
          if (tab.by1 > y1) y1 = tab.by1;
          i += m - 1;
          continue;
        }
      }
      const from = cur,
        depart = t;
      if (cur === target) {
        if (++idx === route.length) idx = 0;
        target = route[idx];
        tx = target % cols;
        ty = (target / cols) | 0;
      }
      if (cx !== tx) {
        if (tx > cx) {
          cx++;
          cur++;
        } else {
          cx--;
          cur--;
        }
      } else {
        if (cy !== ty) {
          if (ty > cy) {
            cy++;
            cur += cols;
          } else {
            cy--;
            cur -= cols;
          }
        }
      }
      if (t >= safeUntil) {
        h = (t / 3600) | 0;
        step = base * tf[h < lastHour ? h : lastHour];
        safeUntil = h * 3600 + 3599;
      }
      t += step;
      if (grid[cur] !== g) break;
      at = t;
      endFrom = from;
      endTo = cur;
      endIdx = idx;
      endDepart = depart;
      if (cx < x0) x0 = cx;
      else if (cx > x1) x1 = cx;
      if (cy < y0) y0 = cy;
      else if (cy > y1) y1 = cy;
    }
    const b = s * 4;
    const box = this.legBox;
    box[b] = x0;
    box[b + 1] = x1;
    box[b + 2] = y0;
    box[b + 3] = y1;
    this.legFrom[s] = endFrom;
    this.legTo[s] = endTo;
    this.legIdx[s] = endIdx;
    this.legDepart[s] = endDepart;
    this.legAt[s] = at;
    if (this.patrolGrid[s] !== g) {
      this.unlistPatrol(s);
      const hd = this.patrolHead[g];
      this.patrolNext[s] = hd;
      this.patrolPrev[s] = -1;
      if (hd >= 0) this.patrolPrev[hd] = s;
      this.patrolHead[g] = s;
      this.patrolGrid[s] = g;
    }
    this.schedulePatrol(s, at);
    this.legPlanned(s);
  }

  /** Member s's leg was planned (its grid may have changed: dispatch's free lists follow it). */
  protected abstract legPlanned(s: number): void;

  /**
   * A grid member s is in or next to (within one cell of its cells) until
   * its next event: the grid of its patrol leg while patrolling, else the
   * grid of the cell it stands in.
   */
  anchorGrid(s: number): number {
    if (this.sState[s] === SS.PATROL && this.patrolGrid[s] >= 0) return this.patrolGrid[s];
    return this.city.cellGrid[this.sTo[s]];
  }

  private schedulePatrol(s: number, at: number): void {
    this.sToken[s]++;
    this.patrolTok[s] = this.sToken[s];
    this.patrolEventAt[s] = at;
    this.q.push(at, EV.PATROL, s, this.sToken[s]);
  }

  private unlistPatrol(s: number): void {
    const g = this.patrolGrid[s];
    if (g < 0) return;
    const p = this.patrolPrev[s],
      n = this.patrolNext[s];
    if (p >= 0) this.patrolNext[p] = n;
    else this.patrolHead[g] = n;
    if (n >= 0) this.patrolPrev[n] = p;
    this.patrolGrid[s] = -1;
  }

  /**
   * Patrol event of member s, due now: it is at the end of a step (sync),
   * finds the latent cases of that cell (`discoverHere`), and walks on if it
   * is still patrolling.
   */
  protected onPatrolEvent(s: number): void {
    if (this.now === this.legAt[s]) {
      // the planned leg's end (not brought forward by onLatent): its last step, as syncPatrol would take it
      this.sFrom[s] = this.legFrom[s];
      this.sTo[s] = this.legTo[s];
      this.sRoute[s] = this.legIdx[s];
      this.sDepart[s] = this.legDepart[s];
      this.sArrive[s] = this.now;
    } else this.syncPatrol(s);
    this.discoverHere(this.sTo[s]);
    if (this.sState[s] !== SS.PATROL) return;
    this.walkCell = this.sTo[s];
    this.walkIdx = this.sRoute[s];
    this.walkT = this.now;
    this.takeStep(s);
    this.planLeg(s);
  }

  /** Discover the latent cases of a cell a patrol reaches now (the workflow lives in simulation.ts). */
  protected abstract discoverHere(cell: number): void;

  /**
   * Case c has become latent in its cell, for a patrol to find: a walker
   * whose current leg passes the cell before its next event gets an event
   * at that pass instead.
   */
  protected onLatent(c: number): void {
    const cell = this.cCell[c];
    const g = this.city.cellGrid[cell];
    this.gridLatent[g]++;
    const cols = this.city.cols;
    const cx = cell % cols,
      cy = (cell / cols) | 0;
    const box = this.legBox;
    let s = this.patrolHead[g];
    while (s >= 0) {
      const next = this.patrolNext[s];
      if (this.sState[s] !== SS.PATROL || this.sToken[s] !== this.patrolTok[s]) {
        // no longer on that leg (dispatched, off duty): drop it from the list
        this.unlistPatrol(s);
      } else if (cx >= box[s * 4] && cx <= box[s * 4 + 1] && cy >= box[s * 4 + 2] && cy <= box[s * 4 + 3]) {
        // the leg passes the cell's column and row range: walk it to see whether (and when) it passes the cell
        this.syncPatrol(s);
        const until = this.patrolEventAt[s];
        this.walkCell = this.sTo[s];
        this.walkIdx = this.sRoute[s];
        this.walkT = this.sArrive[s];
        const tab = this.routeTabs,
          r = this.routeOf[s];
        while (this.walkT < until) {
          if (this.walkCell === cell) {
            this.schedulePatrol(s, this.walkT);
            break;
          }
          const p = tab.pos(r, this.walkCell, this.walkIdx);
          if (p >= 0 && tab.run[p] > 0) {
            // on the route's cycle: along it up to the cell (or the event), without working each step out
            this.alongRoute(s, p, this.walkT, tab.run[p], until, cell);
            const q = this.walkIdx;
            this.walkCell = tab.cyc[q];
            this.walkIdx = tab.idxAt(r, q);
          } else this.walkStep(s);
        }
      }
      s = next;
    }
  }

  /** Case c is no longer latent (discovered). */
  protected offLatent(c: number): void {
    this.gridLatent[this.city.cellGrid[this.cCell[c]]]--;
  }
}

/**
 * Patrol routes' cycles and what walks along them need, for every distinct route in shared buffers (one set
 * of typed arrays for the whole city: a city of 40,000 grids has 40,000 routes). A route's cycle is its
 * cells, then the cells a walker passes going from the route's last cell back to its first (column first,
 * as every step), then the first cell again. Positions are indices into the buffers: route r's cycle is
 * start[r] .. start[r] + len[r] - 1; the k-th position of it (k < n[r], the route's length) is route cell k
 * with route index k, a later one is a cell of the way back, heading for route index 0 (the last is route
 * cell 0 again). Per position: the cell, its column and row, the run (the steps the cycle can be followed
 * from there one neighbour cell at a time within that cell's grid: 0 at the end, before a jump over water or
 * into another grid; capped at PATROL_LEG), and the column / row range of the cycle's prefix up to it and
 * suffix from it, so that the box of a stretch is read rather than walked (`box`).
 */
export class RouteTables {
  readonly cyc: Int32Array;
  /** Columns and rows (at most 2,000 each: scenario limits). */
  readonly x: Int16Array;
  readonly y: Int16Array;
  readonly run: Uint8Array;
  /** Per route: its cycle's first position, the route's length, the cycle's length. */
  readonly start: Int32Array;
  readonly n: Int32Array;
  readonly len: Int32Array;
  /** Ranges of the cycle's prefix ending at / suffix starting at each position: x0, x1, y0, y1 at 4p. */
  private readonly pre: Int16Array;
  private readonly suf: Int16Array;
  /** The last `box` answer. */
  bx0 = 0;
  bx1 = 0;
  by0 = 0;
  by1 = 0;

  constructor(routes: readonly Int32Array[], cols: number, cellGrid: Int32Array) {
    const R = routes.length;
    this.start = new Int32Array(R);
    this.n = new Int32Array(R);
    this.len = new Int32Array(R);
    let total = 0;
    for (let r = 0; r < R; r++) {
      const route = routes[r],
        n = route.length;
      // the way back is one cell per step: as many as the lattice distance from the last cell to the first
      const back =
        n > 1
          ? Math.abs((route[n - 1] % cols) - (route[0] % cols)) +
            Math.abs(((route[n - 1] / cols) | 0) - ((route[0] / cols) | 0))
          : 0;
      this.start[r] = total;
      this.n[r] = n;
      this.len[r] = n + back;
      total += n + back;
    }
    const cyc = (this.cyc = new Int32Array(total));
    const x = (this.x = new Int16Array(total));
    const y = (this.y = new Int16Array(total));
    const run = (this.run = new Uint8Array(total));
    const pre = (this.pre = new Int16Array(4 * total));
    const suf = (this.suf = new Int16Array(4 * total));
    for (let r = 0; r < R; r++) {
      const route = routes[r],
        n = route.length,
        a = this.start[r],
        e = a + this.len[r];
      cyc.set(route, a);
      if (n > 1) {
        // the way back: steps from the last route cell towards the first, column first (walkStep's rule)
        let cur = route[n - 1];
        const ty = (route[0] / cols) | 0,
          tx = route[0] - ty * cols;
        for (let i = a + n; i < e; i++) {
          const cy = (cur / cols) | 0,
            cx = cur - cy * cols;
          cur = cx !== tx ? cur + (tx > cx ? 1 : -1) : cur + (ty > cy ? cols : -cols);
          cyc[i] = cur;
        }
      }
      for (let i = a; i < e; i++) {
        x[i] = cyc[i] % cols;
        y[i] = (cyc[i] / cols) | 0;
      }
      run[e - 1] = 0;
      for (let i = e - 2; i >= a; i--) {
        const next =
          Math.abs(x[i + 1] - x[i]) + Math.abs(y[i + 1] - y[i]) === 1 && cellGrid[cyc[i + 1]] === cellGrid[cyc[i]];
        run[i] = next ? Math.min(run[i + 1] + 1, PATROL_LEG) : 0;
      }
      for (let i = a; i < e; i++) {
        const o = 4 * i;
        pre[o] = i > a ? Math.min(pre[o - 4], x[i]) : x[i];
        pre[o + 1] = i > a ? Math.max(pre[o - 3], x[i]) : x[i];
        pre[o + 2] = i > a ? Math.min(pre[o - 2], y[i]) : y[i];
        pre[o + 3] = i > a ? Math.max(pre[o - 1], y[i]) : y[i];
      }
      for (let i = e - 1; i >= a; i--) {
        const o = 4 * i;
        suf[o] = i < e - 1 ? Math.min(suf[o + 4], x[i]) : x[i];
        suf[o + 1] = i < e - 1 ? Math.max(suf[o + 5], x[i]) : x[i];
        suf[o + 2] = i < e - 1 ? Math.min(suf[o + 6], y[i]) : y[i];
        suf[o + 3] = i < e - 1 ? Math.max(suf[o + 7], y[i]) : y[i];
      }
    }
  }

  /** The position on route r's cycle of a walker at `cell` heading for route index `idx`, or -1 when off it. */
  pos(r: number, cell: number, idx: number): number {
    const cyc = this.cyc,
      a = this.start[r];
    if (cyc[a + idx] === cell) return a + idx;
    if (idx !== 0) return -1;
    const e = a + this.len[r] - 1;
    for (let j = a + this.n[r]; j < e; j++) if (cyc[j] === cell) return j;
    return -1;
  }

  /** The route index a walker at position q of route r's cycle heads for (or stands on). */
  idxAt(r: number, q: number): number {
    const k = q - this.start[r];
    return k < this.n[r] ? k : 0;
  }

  /** Column and row range of positions a..b (a <= b) of route r's cycle into bx0, bx1, by0, by1. */
  box(r: number, a: number, b: number): void {
    let o = -1,
      tab = this.pre;
    if (a === this.start[r]) o = 4 * b;
    else if (b === this.start[r] + this.len[r] - 1) {
      o = 4 * a;
      tab = this.suf;
    }
    if (o >= 0) {
      this.bx0 = tab[o];
      this.bx1 = tab[o + 1];
      this.by0 = tab[o + 2];
      this.by1 = tab[o + 3];
      return;
    }
    let x0 = this.x[a],
      x1 = x0,
      y0 = this.y[a],
      y1 = y0;
    for (let i = a + 1; i <= b; i++) {
      const x = this.x[i],
        y = this.y[i];
      if (x < x0) x0 = x;
      else if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      else if (y > y1) y1 = y;
    }
    this.bx0 = x0;
    this.bx1 = x1;
    this.by0 = y0;
    this.by1 = y1;
  }
}
