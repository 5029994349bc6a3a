/**
 * Dispatch: matching waiting cases with free staff.
 *
 * Two moments call for a match. When a case is filed, the centre looks for
 * free members who hold the needed skill within the policy's scope:
 * - gridBound: only members whose home is the case's responsibility grid;
 * - nearest: any member in the city (a pooled force);
 * - gridFirst: the case's own grid first; once the case has waited
 *   `neighbourWaitMin`, members of the eight neighbouring grids too;
 * and picks the nearest `crew` of them (ties: lowest id). The grid rules
 * bind teams placed per grid (grid workers); pooled teams (sanitation,
 * repair, enforcement squads) are a city-wide force under every policy,
 * tried after the own grid's members. When a member
 * becomes free, it takes the first waiting case it may serve, in the
 * scenario's order (FIFO, priority, or easy-first), own grid before
 * neighbours.
 *
 * With preemption on, a priority-1 case that finds nobody free may take a
 * member off a lower-priority single-crew case; that case goes back to the
 * front of its queue with its remaining handling time.
 *
 * Staff who find no work patrol their home grid cell by cell along a
 * lawn-mower route; the simulation discovers latent cases where they pass.
 */
import { EngineState, EV, CS, SS } from './engine.ts';
import { STAGE, STAGE_COUNT } from './stages.ts';

export abstract class Dispatcher extends EngineState {
  private readonly candIds: number[] = [];
  private readonly candDist: number[] = [];

  /** The cell a member is at now (the nearer end of the leg it is on). */
  staffCell(s: number): number {
    const a = this.sArrive[s];
    if (this.now >= a) return this.sTo[s];
    const d = this.sDepart[s];
    if (this.now <= d) return this.sFrom[s];
    return this.now - d < (a - d) / 2 ? this.sFrom[s] : this.sTo[s];
  }

  /** Travel time between cells for a member at `speedMps`. */
  travelS(from: number, to: number, speedMps: number): number {
    if (!this.travelEnabled) return 0;
    const tr = this.sc.travel;
    const m = from === to ? tr.intraCellM : this.city.cellDistance(from, to) * this.city.cellSizeM * tr.detourFactor;
    return (m / speedMps) * this.travelFactor[this.hourOf(this.now)];
  }

  private isFree(s: number): boolean {
    const st = this.sState[s];
    return this.sOnDuty[s] === 1 && (st === SS.IDLE || st === SS.PATROL);
  }

  /** Collect free members of `list` into the candidate arrays, with their distance to `cell` plus `tier`. */
  private collect(list: Int32Array, cell: number, tier: number): void {
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      if (this.isFree(s)) {
        this.candIds.push(s);
        this.candDist.push(tier + this.city.cellDistance(this.staffCell(s), cell));
      }
    }
  }

  /** Nearest free member in `list` (ties: first in list = lowest id), or -1; its distance in `this.lastDist`. */
  private nearestFree(list: Int32Array, cell: number): number {
    let best = -1,
      bestD = Infinity;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      if (!this.isFree(s)) continue;
      const d = this.city.cellDistance(this.staffCell(s), cell);
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    this.lastDist = bestD;
    return best;
  }
  private lastDist = Infinity;

  private neighboursAllowed(c: number): boolean {
    return this.policy === 2 && this.now - this.cFiled[c] >= this.neighbourWaitS;
  }

  /**
   * Candidate lists for case c in order of preference (tiers): under grid
   * policies the case's own grid, then the pooled teams (city-wide), then,
   * for grid-first once the case has waited, the neighbouring grids.
   */
  private scopeLists(c: number, skill: number): Int32Array[] {
    if (this.policy === 1) return [this.skillStaff[skill]];
    const nk = this.skills.length;
    const g = this.city.cellGrid[this.cCell[c]];
    const lists = [this.gridSkillStaff[g * nk + skill], this.pooledSkillStaff[skill]];
    if (this.neighboursAllowed(c))
      for (const ng of this.gridNeighbours[g]) lists.push(this.gridSkillStaff[ng * nk + skill]);
    return lists;
  }

  /** Try to give case c its crew now. Returns true when dispatched. */
  tryDispatchCase(c: number): boolean {
    const t = this.types[this.cType[c]];
    const need = t.crew;
    if (this.freeCount < need) return this.tryPreempt(c);
    const cell = this.cCell[c];
    if (need === 1 && this.policy === 1) {
      // the common case, kept lean: one member, pooled dispatch
      const s = this.nearestFree(this.skillStaff[t.skill], cell);
      if (s < 0) return this.tryPreempt(c);
      this.assign(s, c);
      return true;
    }
    const lists = this.scopeLists(c, t.skill);
    if (need === 1) {
      // first tier with anyone free wins (own grid, pooled, neighbours); nearest within it
      let s = -1;
      for (let i = 0; i < lists.length && s < 0; i++) {
        s = this.nearestFree(lists[i], cell);
        if (i >= 2) {
          // neighbour grids form one tier: take the nearest over all of them
          let bestD = s >= 0 ? this.lastDist : Infinity;
          for (let j = i + 1; j < lists.length; j++) {
            const x = this.nearestFree(lists[j], cell);
            if (x >= 0 && this.lastDist < bestD) {
              bestD = this.lastDist;
              s = x;
            }
          }
          break;
        }
      }
      if (s < 0) return this.tryPreempt(c);
      this.assign(s, c);
      return true;
    }
    // crew > 1: the nearest `need` members, by tier then distance
    const ids = this.candIds,
      dist = this.candDist;
    ids.length = 0;
    dist.length = 0;
    lists.forEach((l, i) => this.collect(l, cell, Math.min(i, 2) * 1e6));
    if (ids.length < need) return false;
    const order = ids.map((_, i) => i).sort((a, b) => dist[a] - dist[b] || ids[a] - ids[b]);
    for (let j = 0; j < need; j++) this.assign(ids[order[j]], c);
    return true;
  }

  /** A priority-1 case takes a member off a lower-priority single-crew case, if allowed. */
  private tryPreempt(c: number): boolean {
    const t = this.types[this.cType[c]];
    if (!this.preemption || t.priority !== 1 || t.crew !== 1) return false;
    const cell = this.cCell[c];
    let best = -1,
      bestP = 1,
      bestD = Infinity;
    for (const list of this.scopeLists(c, t.skill)) {
      for (let i = 0; i < list.length; i++) {
        const s = list[i];
        const st = this.sState[s];
        if (this.sOnDuty[s] !== 1 || (st !== SS.TRAVEL && st !== SS.ON_SCENE)) continue;
        const d = this.sCase[s];
        if (this.cCrewNeed[d] !== 1) continue;
        const p = this.types[this.cType[d]].priority;
        const dd = this.city.cellDistance(this.staffCell(s), cell);
        if (p > bestP || (p === bestP && p > 1 && dd < bestD)) {
          best = s;
          bestP = p;
          bestD = dd;
        }
      }
    }
    if (best < 0) return false;
    this.requeueCase(this.sCase[best]);
    this.assign(best, c);
    return true;
  }

  /** Reserve member s for case c (the first call of a dispatch takes the case off the queue). */
  assign(s: number, c: number): void {
    const wasFree = this.isFree(s);
    const from = this.staffCell(s);
    this.sToken[s]++;
    if (wasFree) this.freeCount--;
    if (this.sOnDuty[s] === 1) this.teamBusy[this.sTeam[s]].add(this.now, 1);
    this.sState[s] = SS.TRAVEL;
    if (this.cState[c] !== CS.ASSIGNED) {
      // first member of this dispatch
      this.cState[c] = CS.ASSIGNED;
      this.cQTok[c]++;
      this.cCrewArrived[c] = 0;
      this.cCrew0[c] = s;
      if (this.cDispatched[c] < 0) this.cDispatched[c] = this.now + this.cDispatchD[c];
      // the queue wait ends; the centre's dispatch delay, then travel
      this.enterStage(c, STAGE.travel, this.now + this.cDispatchD[c]);
      this.cStage[c * STAGE_COUNT + STAGE.centre] += this.cDispatchD[c];
    } else {
      let extra = this.crewExtra.get(c);
      if (!extra) this.crewExtra.set(c, (extra = []));
      extra.push(s);
    }
    this.sCase[s] = c;
    const cell = this.cCell[c];
    const depart = this.now + this.cDispatchD[c];
    this.sFrom[s] = from;
    this.sTo[s] = cell;
    this.sDepart[s] = depart;
    const arrive = depart + this.travelS(from, cell, this.sSpeed[s]);
    this.sArrive[s] = arrive;
    // no dispatch delay and no travel (the M/M/c case): on scene at once, no event
    if (arrive === this.now) this.onStaffArrive(s);
    else this.q.push(arrive, EV.STAFF_ARRIVE, s, this.sToken[s]);
  }

  /** Member s reaches its case (the workflow lives in simulation.ts). */
  abstract onStaffArrive(s: number): void;

  /** Members of case c's crew. */
  crewOf(c: number): number[] {
    const extra = this.crewExtra.get(c);
    return extra ? [this.cCrew0[c], ...extra] : [this.cCrew0[c]];
  }

  /** Free member s from its case (the caller then finds it work). */
  release(s: number): void {
    const here = this.staffCell(s);
    this.sFrom[s] = here;
    this.sTo[s] = here;
    this.sDepart[s] = this.now;
    this.sArrive[s] = this.now;
    this.sCase[s] = -1;
    this.sToken[s]++;
    if (this.sOnDuty[s] === 1) {
      this.teamBusy[this.sTeam[s]].add(this.now, -1);
      this.sState[s] = SS.IDLE;
      this.freeCount++;
    } else {
      // finishing after the shift ended: the time since is overtime
      this.sState[s] = SS.OFF;
      const from = Math.max(this.sOvertimeFrom[s], this.warmupS);
      const to = Math.min(this.now, this.horizonS);
      if (to > from) this.teamOvertimeS[this.sTeam[s]] += to - from;
      this.sOvertimeFrom[s] = -1;
    }
  }

  /** Put a case back in the queue, front of its class, freeing its crew. Returns the crew. */
  requeueCase(c: number): number[] {
    if (this.cState[c] === CS.HANDLING) this.cRemainS[c] = Math.max(0, this.cHandleEnd[c] - this.now);
    const crew = this.crewOf(c);
    this.crewExtra.delete(c);
    this.enterStage(c, STAGE.queue);
    this.cToken[c]++;
    this.cState[c] = CS.QUEUED;
    this.cCrewArrived[c] = 0;
    for (const s of crew) this.release(s);
    this.enqueue(c, true);
    return crew;
  }

  /** Queue case c for dispatch; `front` for a case that was already waiting. */
  enqueue(c: number, front: boolean): void {
    this.cState[c] = CS.QUEUED;
    const t = this.types[this.cType[c]];
    this.putInQueue(this.globalScope, t.skill, t.cls, c, front);
    if (this.policy !== 1) this.putInQueue(this.city.cellGrid[this.cCell[c]], t.skill, t.cls, c, front);
  }

  private putInQueue(scope: number, skill: number, cls: number, c: number, front: boolean): void {
    const key = this.queues.key(scope, skill, cls);
    if (front) this.queues.unshift(key, c, this.cQTok[c]);
    else this.queues.push(key, c, this.cQTok[c]);
  }

  /** Best waiting case in `scope` that member s may serve, as a queue key, or -1. */
  private bestHead(s: number, scope: number, needWait: boolean): number {
    const mask = this.sSkills[s];
    const qs = this.queues;
    for (let cls = 0; cls < qs.nClasses; cls++) {
      let bestKey = -1,
        bestSeq = Infinity;
      for (let k = 0; k < this.skills.length; k++) {
        if (!(mask & (1 << k))) continue;
        const key = qs.key(scope, k, cls);
        const c = qs.head(key, this.cState, this.cQTok);
        if (c < 0) continue;
        if (needWait && this.now - this.cFiled[c] < this.neighbourWaitS) continue;
        if (this.cSeq[c] < bestSeq) {
          bestSeq = this.cSeq[c];
          bestKey = key;
        }
      }
      if (bestKey >= 0) return bestKey;
    }
    return -1;
  }

  /** Give free member s the best waiting case it may serve. Returns true when it took one. */
  findWork(s: number): boolean {
    if (this.queues.length === 0) return false;
    const home = this.sHome[s];
    // scopes: the whole city (pooled members, nearest policy), or the grids the member answers for, then (grid-first) its home's neighbours
    const city = this.policy === 1 || this.sPooled[s] === 1;
    const ownGrids = this.sGrids[s];
    const nOwn = city ? 1 : ownGrids.length;
    const nbrs = this.gridNeighbours[home];
    const nScopes = city || this.policy === 0 ? nOwn : nOwn + nbrs.length;
    for (let i = 0; i < nScopes; i++) {
      const scope = city ? this.globalScope : i < nOwn ? ownGrids[i] : nbrs[i - nOwn];
      // a crew case that cannot be staffed yet is skipped for this round
      for (let tries = 0; tries < 4; tries++) {
        const key = this.bestHead(s, scope, i >= nOwn);
        if (key < 0) break;
        const c = this.queues.head(key, this.cState, this.cQTok);
        if (this.cCrewNeed[c] === 1) {
          this.queues.shift(key);
          this.assign(s, c);
          return true;
        }
        if (!this.tryDispatchCase(c)) break;
        if (!this.isFree(s)) return true;
      }
    }
    return false;
  }

  /** A member with nothing to do: take waiting work, or patrol, or wait. */
  seekWork(s: number): void {
    if (this.findWork(s)) return;
    if (this.sPatrols[s] === 1 && this.sState[s] !== SS.PATROL) {
      this.sState[s] = SS.PATROL;
      this.patrolStep(s);
    }
  }

  /** Walk one cell along the home grid's lawn-mower route. */
  patrolStep(s: number): void {
    const route = this.sRouteCells[s];
    const cur = this.sTo[s];
    let target = route[this.sRoute[s]];
    if (cur === target) {
      this.sRoute[s] = (this.sRoute[s] + 1) % route.length;
      target = route[this.sRoute[s]];
    }
    const cols = this.city.cols;
    const cx = cur % cols,
      cy = (cur / cols) | 0,
      tx = target % cols,
      ty = (target / cols) | 0;
    const next = cx !== tx ? cur + (tx > cx ? 1 : -1) : cy !== ty ? cur + (ty > cy ? cols : -cols) : cur;
    const stepS =
      (this.city.cellSizeM / (this.sSpeed[s] * this.sc.travel.patrolSpeedFactor)) *
      this.travelFactor[this.hourOf(this.now)];
    this.sFrom[s] = cur;
    this.sTo[s] = next;
    this.sDepart[s] = this.now;
    this.sArrive[s] = this.now + stepS;
    this.q.push(this.now + stepS, EV.PATROL, s, this.sToken[s]);
  }
}
