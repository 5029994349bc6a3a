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
    const g = grid[this.sTo[s]];
    const look = this.gridLatent[g] > 0;
    this.walkCell = this.sTo[s];
    this.walkIdx = this.sRoute[s];
    this.walkT = this.sArrive[s];
    let at = this.walkT;
    for (let i = 1; i < PATROL_LEG; i++) {
      if (look && this.cellLatentHead[this.walkCell] >= 0) break;
      this.walkStep(s);
      if (grid[this.walkCell] !== g) break;
      at = this.walkT;
    }
    if (this.patrolGrid[s] !== g) {
      this.unlistPatrol(s);
      const h = this.patrolHead[g];
      this.patrolNext[s] = h;
      this.patrolPrev[s] = -1;
      if (h >= 0) this.patrolPrev[h] = s;
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
    this.syncPatrol(s);
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
    let s = this.patrolHead[g];
    while (s >= 0) {
      const next = this.patrolNext[s];
      if (this.sState[s] !== SS.PATROL || this.sToken[s] !== this.patrolTok[s]) {
        // no longer on that leg (dispatched, off duty): drop it from the list
        this.unlistPatrol(s);
      } else {
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
