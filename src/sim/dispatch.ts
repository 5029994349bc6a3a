/**
 * Dispatch: matching waiting cases with free staff.
 *
 * Two moments call for a match. When a case is filed, the centre looks for
 * free members who hold the needed skill within the scope the dispatch
 * policy allows (policies/: grid-bound, nearest, grid-first), in its tiers of
 * preference, and takes the nearest `crew` of them (policies/select.ts).
 * When a member becomes free, it takes the first waiting case it may serve,
 * in the order policy's classes (fifo, priority, easy-first), in the queue
 * scopes the policy gives it (own grids before neighbours). A case that finds
 * nobody may take a member off another case if the preemption policy names
 * one (policies/priority.ts); that case goes back to the front of its queue
 * with its remaining handling time.
 *
 * This module holds what every policy shares: who is free, the queues,
 * assignment, release and requeueing. It never asks which policy is in
 * force, only the policy's answers.
 *
 * Staff who find no work patrol their home grid cell by cell along a
 * lawn-mower route; the simulation discovers latent cases where they pass.
 * The walk itself, without an event per cell, is patrol.ts.
 */
import { EV, CS, SS } from './engine.ts';
import { Patrols } from './patrol.ts';
import { STAGE, STAGE_COUNT } from './stages.ts';
import { pickCrew, pickOne } from './policies/select.ts';
import { FreeLists } from './policies/freeLists.ts';
import { ScopeList } from './policies/types.ts';

export abstract class Dispatcher extends Patrols {
  /** Members chosen for a crew case (scratch). */
  private readonly crew: number[] = [];
  /** Queue scopes a freed member looks in (scratch). */
  private readonly scopeBuf = new ScopeList();
  /** Free members of the city-wide staff lists (policies/freeLists.ts). */
  readonly freeLists = new FreeLists(this);

  protected legPlanned(s: number): void {
    this.freeLists.moved(s);
  }

  /** The cell a member is at now (the nearer end of the leg it is on). */
  staffCell(s: number): number {
    if (this.sState[s] === SS.PATROL && this.sArrive[s] < this.now) this.syncPatrol(s);
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

  /** On duty and idle or patrolling: free to be dispatched. */
  isFree(s: number): boolean {
    const st = this.sState[s];
    return this.sOnDuty[s] === 1 && (st === SS.IDLE || st === SS.PATROL);
  }

  /**
   * The members case c would get now under the dispatch policy, into `out`
   * (nothing is assigned); false when not enough are free. Preemption is not
   * tried here (see tryDispatchCase).
   */
  pick(c: number, out: number[]): boolean {
    const t = this.types[this.cType[c]];
    const tiers = this.scope.tiers(this, c, t.skill);
    if (t.crew === 1) {
      const s = pickOne(this, tiers, this.cCell[c]);
      out.length = 0;
      if (s >= 0) out.push(s);
      return s >= 0;
    }
    return pickCrew(this, tiers, this.cCell[c], t.crew, out);
  }

  /** Try to give case c its crew now (or a member taken by preemption). Returns true when dispatched. */
  protected tryDispatchCase(c: number): boolean {
    const t = this.types[this.cType[c]];
    const need = t.crew;
    if (this.freeCount < need) return this.tryPreempt(c);
    const tiers = this.scope.tiers(this, c, t.skill);
    if (need === 1) {
      const s = pickOne(this, tiers, this.cCell[c]);
      if (s < 0) return this.tryPreempt(c);
      this.assign(s, c);
      return true;
    }
    const crew = this.crew;
    if (!pickCrew(this, tiers, this.cCell[c], need, crew)) return false;
    for (let j = 0; j < need; j++) this.assign(crew[j], c);
    return true;
  }

  /** Ask the preemption policy for a member to take off another case; requeue that case and assign. */
  private tryPreempt(c: number): boolean {
    const best = this.preempt.victim(this, c);
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
    const arrive = this.travelEnabled ? depart + this.travelS(from, cell, this.sSpeed[s]) : depart + 0;
    this.sArrive[s] = arrive;
    // no dispatch delay and no travel (the M/M/c case): on scene at once, no event
    if (arrive === this.now) this.onStaffArrive(s);
    else this.q.push(arrive, EV.STAFF_ARRIVE, s, this.sToken[s]);
  }

  /** Member s reaches its case (the workflow lives in simulation.ts). */
  protected abstract onStaffArrive(s: number): void;

  /** Members of case c's crew. */
  private crewOf(c: number): number[] {
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
      this.freeLists.noteFree(s);
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
  protected requeueCase(c: number): number[] {
    if (this.cState[c] === CS.HANDLING) this.cRemainS[c] = Math.max(0, this.cHandleEnd[c] - this.now);
    const crew = this.crewOf(c);
    this.crewExtra.delete(c);
    this.enterStage(c, STAGE.queue, this.now);
    this.cToken[c]++;
    this.cState[c] = CS.QUEUED;
    this.cCrewArrived[c] = 0;
    for (const s of crew) this.release(s);
    this.enqueue(c, true);
    return crew;
  }

  /** Queue case c for dispatch; `front` for a case that was already waiting. */
  protected enqueue(c: number, front: boolean): void {
    this.cState[c] = CS.QUEUED;
    const t = this.types[this.cType[c]];
    this.putInQueue(this.globalScope, t.skill, t.cls, c, front);
    if (this.scope.queuesByGrid) this.putInQueue(this.city.cellGrid[this.cCell[c]], t.skill, t.cls, c, front);
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
  private findWork(s: number): boolean {
    if (this.queues.length === 0) return false;
    // the scopes the policy lets s serve: its own first, then (grid-first) cases that have waited
    const list = this.scopeBuf;
    this.scope.memberScopes(this, s, list);
    const scopes = list.scopes,
      nOwn = list.nOwn,
      nScopes = list.n;
    for (let i = 0; i < nScopes; i++) {
      const scope = scopes[i];
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
  protected seekWork(s: number): void {
    if (this.findWork(s)) return;
    if (this.sPatrols[s] === 1 && this.sState[s] !== SS.PATROL) {
      this.sState[s] = SS.PATROL;
      this.patrolStep(s);
    }
  }
}
