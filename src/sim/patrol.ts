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
  // a walk worked out ahead without moving the member: cell, route index, time of the last arrival
  private walkCell = 0;
  private walkIdx = 0;
  private walkT = 0;

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
    while (this.sArrive[s] < this.now) {
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
    for (let i = 1; i < PATROL_LEG; i++) {
      if (look && latent[cur] >= 0) break;
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
        while (this.walkT < until) {
          if (this.walkCell === cell) {
            this.schedulePatrol(s, this.walkT);
            break;
          }
          this.walkStep(s);
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
