/**
 * The event loop and the case workflow.
 *
 *   occurred ──discovery──▶ discovered ──file──▶ filed ──dispatch──▶ dispatched
 *      ──travel──▶ on scene ──handle──▶ handled ──verify──▶ verified ──close──▶ closed
 *
 * Each arrow is either an event on the heap (when it takes time) or done at
 * once (when the scenario sets that delay to zero), so an M/M/c scenario
 * costs two events per case: its arrival and its completion.
 *
 * Events of the workflow's kinds (core/codes.ts) are handled here; events
 * of a kind a driver defined go to that driver (drivers/). The simulation
 * creates every registered driver, lets each init and start in registry
 * order, then schedules the shifts.
 *
 * `runUntil(t)` advances the clock to t, processing every event due by then;
 * the browser calls it in slices, the CLI once with the horizon. `finish()`
 * closes the books at the horizon: levels are integrated to the end, members
 * still in overtime are paid to the end, and open cases already past a
 * deadline count as misses (the others are censored: no verdict yet).
 */
import type { Scenario } from '../scenario/schema.ts';
import { Dispatcher } from './dispatch.ts';
import { EV, CS, SS, DAY_S, CHANNELS } from './engine.ts';
import { createDrivers, type Drivers } from './drivers/registry.ts';
import type { Driver } from './drivers/types.ts';
import { MAX_KINDS } from './core/kinds.ts';

/** How long after the horizon open cases are worked on to learn their verdicts. */
export const DRAIN_S = DAY_S;
import { sample } from './rng.ts';
import type { CaseRecord } from './result.ts';
import { STAGE, STAGE_COUNT } from './stages.ts';

export class Simulation extends Dispatcher {
  finished = false;
  /** Counted cases still open after the drain (finish()). */
  openAfterDrain = 0;
  /** Teams taken off duty by an inject: their shifts do not bring them on. */
  readonly teamDisabled = new Uint8Array(this.sc.teams.length);
  /** When each shift's current (or last) on-duty period ends. */
  readonly shiftEndAt = new Float64Array(this.roster.shifts.length).fill(-1);
  /** Every registered driver (drivers/registry.ts), by name. */
  readonly drivers: Drivers;
  /** The driver handling each event kind a driver defined. */
  private readonly byKind: (Driver | null)[] = new Array<Driver | null>(MAX_KINDS).fill(null);

  constructor(sc: Scenario, seed: number, opts: { days?: number; log?: boolean } = {}) {
    super(sc, seed, opts);
    this.drivers = createDrivers(this);
    const all: Driver[] = Object.values(this.drivers);
    for (const d of all) for (const k of d.kinds) this.byKind[k] = d;
    for (const d of all) d.init();
    for (const d of all) d.start();
    this.scheduleShifts();
  }

  /** First start of each shift (after the drivers' first events). */
  private scheduleShifts(): void {
    this.roster.shifts.forEach((sh, i) => {
      // a shift that started yesterday and is still running at 00:00 is on duty from the start
      let start = sh.startS - DAY_S;
      if (start + sh.durationS <= 0) start += DAY_S;
      // (shifts are scheduled past the horizon too: the drain in finish() needs staff on duty)
      if (start < this.horizonS + DAY_S)
        this.q.push(Math.max(0, start), EV.SHIFT_START, i, start < 0 ? Math.round(-start) : 0);
    });
  }

  /** Process every event due at or before `t` (seconds); the clock ends at min(t, horizon). */
  runUntil(t: number): void {
    const end = Math.min(t, this.horizonS);
    const q = this.q;
    while (q.size > 0 && q.peekTime() <= end) {
      const kind = q.pop();
      this.now = q.time;
      this.events++;
      this.handle(kind, q.ea, q.eb);
    }
    if (end > this.now) this.now = end;
  }

  private handle(kind: number, a: number, b: number): void {
    // a driver's kind (arrivals, passengers: the most frequent), else the workflow's, the most frequent first
    const d = this.byKind[kind];
    if (d !== null) {
      d.handle(kind, a, b);
      return;
    }
    switch (kind) {
      case EV.HANDLED:
        if (this.cToken[a] === b) this.onHandled(a);
        break;
      case EV.DISCOVER:
        if (this.cToken[a] === b && this.cState[a] === CS.LATENT) this.discover(a);
        break;
      case EV.FILED:
        if (this.cToken[a] === b) this.file(a);
        break;
      case EV.STAFF_ARRIVE:
        if (this.sToken[a] === b) this.onStaffArrive(a);
        break;
      case EV.VERIFIED:
        if (this.cToken[a] === b) this.onVerified(a);
        break;
      case EV.CLOSED:
        if (this.cToken[a] === b) this.close(a);
        break;
      case EV.SHIFT_START:
        this.onShiftStart(a, b);
        break;
      case EV.SHIFT_END:
        this.onShiftEnd(a);
        break;
      case EV.PATROL:
        if (this.sToken[a] === b && this.sState[a] === SS.PATROL) this.onPatrolEvent(a);
        break;
      case EV.ESCALATE:
        if (this.cState[a] === CS.QUEUED && this.cQTok[a] === b) this.tryDispatchCase(a);
        break;
      default:
        throw new Error(`no handler for event kind ${kind}`);
    }
  }

  /** A case of type ti occurs now, at `cell` or (when -1) at a cell drawn from the type's weights. */
  createCase(ti: number, cell: number): number {
    const t = this.types[ti];
    const now = this.now;
    const c = this.allocCase();
    const s = t.attrs;
    this.cId[c] = this.caseCounter++;
    this.cType[c] = ti;
    this.cCell[c] = cell >= 0 ? cell : t.loc.sample(now, s);
    // one channel: no draw; several: one uniform against the cumulative shares
    const u = t.chMixed ? s.uniform() : 0.5;
    let ch = u < t.chPatrol ? 0 : u < t.chCitizen ? 1 : 2;
    // nobody reports it (more likely at night): latent, for a patrol to find
    if (ch === 1 && t.reportByHour && s.uniform() >= t.reportByHour[Math.floor(now / 3600) % 24]) ch = 0;
    this.cChannel[c] = ch;
    this.cRemainS[c] = sample(t.handling, s);
    const ctr = t.centre;
    if (t.centreInstant) {
      // no command-centre delays (fixed zeros draw nothing either way)
      this.cFileD[c] = 0;
      this.cDispatchD[c] = 0;
      this.cVerifyD[c] = 0;
      this.cCloseD[c] = 0;
    } else {
      this.cFileD[c] = sample(ctr.file, s);
      this.cDispatchD[c] = sample(ctr.dispatch, s);
      this.cVerifyD[c] = sample(ctr.verify, s);
      this.cCloseD[c] = sample(ctr.close, s);
    }
    const counted = now >= this.warmupS ? 1 : 0;
    this.cCounted[c] = counted;
    if (counted) {
      t.arrived++;
      this.openCounted++;
    }
    this.cCrewNeed[c] = t.crew;
    this.cCrewArrived[c] = 0;
    this.cCrew0[c] = -1;
    this.cOccur[c] = now;
    this.cDiscover[c] = -1;
    this.cFiled[c] = -1;
    this.cDispatched[c] = -1;
    this.cOnScene[c] = -1;
    this.cHandleStart[c] = -1;
    this.cHandleEnd[c] = -1;
    this.cHandled[c] = -1;
    this.cVerified[c] = -1;
    this.cPhase[c] = STAGE.discovery;
    this.cPhaseFrom[c] = now;
    const sb = c * STAGE_COUNT,
      rb = c * 3;
    this.cStage[sb] = 0;
    this.cStage[sb + 1] = 0;
    this.cStage[sb + 2] = 0;
    this.cStage[sb + 3] = 0;
    this.cStage[sb + 4] = 0;
    this.cResp[rb] = 0;
    this.cResp[rb + 1] = 0;
    this.cResp[rb + 2] = 0;

    if (ch === 2) {
      if (this.cFileD[c] > 0) this.discover(c);
      else {
        // a sensor's case filed at once (the M/M/c case): discovery and filing as one step, leaving the
        // state, stamps and stage times exactly as discover() then file() would (every stage still 0)
        this.cToken[c]++;
        this.cDiscover[c] = now;
        this.cFiled[c] = now;
        this.cSeq[c] = this.fileSeq++;
        this.cPhase[c] = STAGE.queue;
        this.cResp[rb] = -this.cStage[sb + STAGE.centre];
        this.toQueue(c);
      }
    } else {
      this.cState[c] = CS.LATENT;
      const delay = sample(ch === 1 ? t.citizenDelay : t.fallbackDelay, s);
      if (ch === 0) {
        // latent in its cell until a patrol passes (or, failing that, a citizen reports it)
        const cell = this.cCell[c];
        const h = this.cellLatentHead[cell];
        this.cLatPrev[c] = -1;
        this.cLatNext[c] = h;
        if (h >= 0) this.cLatPrev[h] = c;
        this.cellLatentHead[cell] = c;
        this.onLatent(c);
      }
      this.q.push(now + delay, EV.DISCOVER, c, this.cToken[c]);
    }
    return c;
  }

  private unlinkLatent(c: number): void {
    this.offLatent(c);
    const p = this.cLatPrev[c],
      n = this.cLatNext[c];
    if (p >= 0) this.cLatNext[p] = n;
    else if (this.cellLatentHead[this.cCell[c]] === c) this.cellLatentHead[this.cCell[c]] = n;
    if (n >= 0) this.cLatPrev[n] = p;
    this.cLatNext[c] = -1;
    this.cLatPrev[c] = -1;
  }

  discover(c: number): void {
    if (this.cChannel[c] === 0) this.unlinkLatent(c);
    this.cState[c] = CS.DISCOVERED;
    this.cToken[c]++;
    this.cDiscover[c] = this.now;
    this.enterStage(c, STAGE.centre, this.now);
    const d = this.cFileD[c];
    if (d > 0) this.q.push(this.now + d, EV.FILED, c, this.cToken[c]);
    else this.file(c);
  }

  private file(c: number): void {
    this.cFiled[c] = this.now;
    this.cSeq[c] = this.fileSeq++;
    this.enterStage(c, STAGE.queue, this.now);
    // the response's centre share is what the centre adds from now on
    this.cResp[c * 3] = -this.cStage[c * STAGE_COUNT + STAGE.centre];
    this.toQueue(c);
  }

  /** A case filed now goes to dispatch: a member at once if one may take it, else it waits in the queues. */
  private toQueue(c: number): void {
    this.backlog.add(this.now, 1);
    this.cState[c] = CS.QUEUED;
    if (this.holdForManual(c)) return;
    if (this.tryDispatchCase(c)) return;
    this.enqueue(c, false);
    this.scope.onWait(this, c);
  }

  /**
   * A hook for drills: return true to keep a filed case out of automatic
   * dispatch (it then waits, queued, for a person to dispatch it).
   */
  protected holdForManual(c: number): boolean {
    void c;
    return false;
  }

  // --- changes made while the run goes on (drill injects) ---

  /** Replace the rain from hour `fromHour` on (drivers/drill.ts). */
  setRain(fromHour: number, mmByHour: readonly number[]): void {
    this.drivers.drill.setRain(fromHour, mmByHour);
  }

  /** Add `extra` passengers to station si spread over [now, now + durationS) (drivers/drill.ts). */
  addSurge(si: number, durationS: number, extra: number): void {
    this.drivers.drill.addSurge(si, durationS, extra);
  }

  /** Take team `team` off duty now, handing over its cases, until setTeamOn (drivers/drill.ts). */
  setTeamOff(team: number): void {
    this.drivers.drill.setTeamOff(team);
  }

  /** Let team `team` work again (drivers/drill.ts). */
  setTeamOn(team: number): void {
    this.drivers.drill.setTeamOn(team);
  }

  protected override onStaffArrive(s: number): void {
    this.sState[s] = SS.ON_SCENE;
    const c = this.sCase[s];
    // on scene: the first member there; handling starts when the whole crew is
    if (this.cOnScene[c] < 0) {
      this.cOnScene[c] = this.now;
      this.freezeResponse(c);
    }
    if (++this.cCrewArrived[c] < this.cCrewNeed[c]) return;
    if (this.cHandleStart[c] < 0) this.cHandleStart[c] = this.now;
    this.enterStage(c, STAGE.handling, this.now);
    this.cState[c] = CS.HANDLING;
    const t = this.types[this.cType[c]];
    const end = this.now + this.cRemainS[c] * t.handlingFactor[this.hourOf(this.now)];
    this.cHandleEnd[c] = end;
    this.q.push(end, EV.HANDLED, c, this.cToken[c]);
  }

  /** The response (filed → first on scene, or → now if never) split into centre, queue and travel, as of now. */
  private freezeResponse(c: number): void {
    const b = c * STAGE_COUNT;
    const inPhase = this.now - this.cPhaseFrom[c];
    const cur = this.cPhase[c];
    // the stage the case is in now counts up to now (no closure here: this runs once per case)
    const run = inPhase > 0 ? inPhase : 0;
    this.cResp[c * 3] +=
      this.cStage[b + STAGE.centre] +
      (cur === STAGE.centre ? run : 0) +
      (cur === STAGE.travel && inPhase < 0 ? inPhase : 0);
    this.cResp[c * 3 + 1] = this.cStage[b + STAGE.queue] + (cur === STAGE.queue ? run : 0);
    this.cResp[c * 3 + 2] = this.cStage[b + STAGE.travel] + (cur === STAGE.travel ? run : 0);
  }

  private onHandled(c: number): void {
    this.cHandled[c] = this.now;
    this.enterStage(c, STAGE.centre, this.now);
    this.cState[c] = CS.HANDLED;
    const c0 = this.cCrew0[c];
    const extra = this.cCrewNeed[c] > 1 ? this.crewExtra.get(c) : undefined;
    this.release(c0);
    if (extra) {
      this.crewExtra.delete(c);
      for (const s of extra) this.release(s);
      for (const s of extra) if (this.sState[s] === SS.IDLE) this.seekWork(s);
    }
    if (this.sState[c0] === SS.IDLE) this.seekWork(c0);
    const d = this.cVerifyD[c];
    if (d > 0) this.q.push(this.now + d, EV.VERIFIED, c, this.cToken[c]);
    else this.onVerified(c);
  }

  private onVerified(c: number): void {
    this.cVerified[c] = this.now;
    this.cState[c] = CS.VERIFIED;
    const d = this.cCloseD[c];
    if (d > 0) this.q.push(this.now + d, EV.CLOSED, c, this.cToken[c]);
    else this.close(c);
  }

  private close(c: number): void {
    const now = this.now;
    this.backlog.add(now, -1);
    if (this.cCounted[c]) {
      this.enterStage(c, STAGE.centre, this.now);
      this.openCounted--;
      const t = this.types[this.cType[c]];
      const filed = this.cFiled[c];
      const wait = this.cHandleStart[c] - filed;
      const resp = this.cOnScene[c] - filed;
      const resol = now - this.cOccur[c];
      if (now <= this.horizonS) t.closed++; // closed within the run (the drain only settles verdicts)
      t.wait.add(wait);
      t.queueWait.add(this.cStage[c * STAGE_COUNT + STAGE.queue]);
      t.response.add(resp);
      t.resolution.add(resol);
      const met = resp <= t.responseS && resol <= t.resolutionS;
      this.decide(c, met, now);
    }
    this.freeCase(c);
  }

  /** Record a case's SLA verdict in its type's counters and the coverage matrix. */
  private decide(c: number, met: boolean, closedS: number): void {
    const t = this.types[this.cType[c]];
    t.slaDecided++;
    this.decisions++;
    const grid = this.city.cellGrid[this.cCell[c]];
    const hour = Math.floor(this.cOccur[c] / 3600) % 24;
    const idx = grid * 24 + hour;
    this.covCases[idx]++;
    if (met) {
      t.slaMet++;
      this.covMet[idx]++;
    }
    const sb = c * STAGE_COUNT,
      rb = c * 3;
    this.stages.addSums(t.index, met, this.cStage, sb, this.cResp, rb);
    if (!met) {
      const end = closedS >= 0 ? closedS : this.now;
      const filed = this.cFiled[c];
      const respS = filed < 0 ? 0 : (this.cOnScene[c] >= 0 ? this.cOnScene[c] : end) - filed;
      const crew0 = this.cCrew0[c];
      const team = crew0 >= 0 ? this.sTeam[crew0] : this.defaultTeam[t.index];
      this.stages.addLate(t.index, team, grid, hour, respS, end - this.cOccur[c], this.cStage, sb, this.cResp, rb);
    }
    if (this.log) this.log.push(this.record(c, met, closedS));
  }

  protected record(c: number, met: boolean | null, closedS: number): CaseRecord {
    const b = c * STAGE_COUNT;
    const grid = this.city.cellGrid[this.cCell[c]];
    return {
      id: this.cId[c],
      type: this.types[this.cType[c]].id,
      cell: this.cCell[c],
      grid,
      gridCode: this.city.gridIds[grid],
      priority: this.types[this.cType[c]].priority,
      channel: CHANNELS[this.cChannel[c]],
      occurredS: this.cOccur[c],
      discoveredS: this.cDiscover[c],
      filedS: this.cFiled[c],
      dispatchedS: this.cDispatched[c],
      onSceneS: this.cOnScene[c],
      handlingStartS: this.cHandleStart[c],
      handledS: this.cHandled[c],
      verifiedS: this.cVerified[c],
      closedS,
      slaMet: met,
      discoveryS: this.cStage[b + STAGE.discovery],
      centreS: this.cStage[b + STAGE.centre],
      queueS: this.cStage[b + STAGE.queue],
      travelS: this.cStage[b + STAGE.travel],
      handlingS: this.cStage[b + STAGE.handling],
      responseCentreS: this.cResp[c * 3],
      responseQueueS: this.cResp[c * 3 + 1],
      responseTravelS: this.cResp[c * 3 + 2],
    };
  }

  private onShiftStart(si: number, offsetS: number): void {
    const sh = this.roster.shifts[si];
    const startedAt = this.now - offsetS;
    const endAt = startedAt + sh.durationS;
    this.q.push(endAt, EV.SHIFT_END, si, 0);
    this.shiftEndAt[si] = endAt;
    if (startedAt + DAY_S < this.horizonS + DRAIN_S) this.q.push(startedAt + DAY_S, EV.SHIFT_START, si, 0);
    if (this.teamDisabled[sh.team]) return;
    this.bringOn(si);
  }

  /** Members of shift si come on duty now. */
  bringOn(si: number): void {
    const sh = this.roster.shifts[si];
    const onDuty = this.teamOnDuty[sh.team];
    const busy = this.teamBusy[sh.team];
    for (const s of sh.members) {
      if (this.sOnDuty[s] === 1) continue;
      this.sOnDuty[s] = 1;
      onDuty.add(this.now, 1);
      if (this.sLane[s] >= 0) {
        this.sState[s] = SS.LANE;
        this.drivers.metro.laneOpened(this.sLane[s]);
      } else if (this.sState[s] === SS.OFF) {
        const c = this.city.gridCentreCell(this.sHome[s]);
        this.sFrom[s] = c;
        this.sTo[s] = c;
        this.sDepart[s] = this.now;
        this.sArrive[s] = this.now;
        this.sRoute[s] = this.patrolStream.int(this.sRouteCells[s].length);
        this.sState[s] = SS.IDLE;
        this.freeCount++;
        this.freeLists.noteFree(s);
      } else {
        // still finishing yesterday's case: overtime ends, the shift begins
        const from = Math.max(this.sOvertimeFrom[s], this.warmupS);
        const to = Math.min(this.now, this.horizonS);
        if (to > from) this.teamOvertimeS[sh.team] += to - from;
        this.sOvertimeFrom[s] = -1;
        busy.add(this.now, 1);
      }
    }
    for (const s of sh.members) if (this.sState[s] === SS.IDLE) this.seekWork(s);
  }

  private onShiftEnd(si: number): void {
    // A 24-hour shift starts again at this very instant (onShiftStart pushed that start when it pushed this end,
    // and does so while the next start is before the end of the drain): the same members are on duty on both
    // sides, so they stay as they are: no handover, no overtime, no trip home (allDayShift.behaviour.test.ts).
    if (this.roster.shifts[si].durationS === DAY_S && this.now < this.horizonS + DRAIN_S) return;
    this.sendOff(si, false);
  }

  /** Members of shift si go off duty now; `handover` forces busy ones to hand their cases over. */
  sendOff(si: number, forceHandover: boolean): void {
    const sh = this.roster.shifts[si];
    const team = this.sc.teams[sh.team];
    const onDuty = this.teamOnDuty[sh.team];
    const busy = this.teamBusy[sh.team];
    const handover: number[] = [];
    for (const s of sh.members) {
      if (this.sOnDuty[s] !== 1) continue;
      this.sOnDuty[s] = 0;
      onDuty.add(this.now, -1);
      const st = this.sState[s];
      if (st === SS.LANE) {
        this.sState[s] = SS.OFF;
        this.drivers.metro.laneClosed(this.sLane[s]);
      } else if (st === SS.IDLE || st === SS.PATROL) {
        this.syncPatrol(s);
        this.sState[s] = SS.OFF;
        this.sToken[s]++;
        this.freeCount--;
      } else if (st !== SS.OFF) {
        busy.add(this.now, -1);
        this.sOvertimeFrom[s] = this.now;
        if (forceHandover || team.shiftEnd === 'handover') handover.push(s);
      }
    }
    for (const s of handover) {
      const c = this.sCase[s];
      if (c < 0) continue;
      const crew = this.requeueCase(c);
      for (const m of crew) if (this.sState[m] === SS.IDLE) this.seekWork(m);
      if (this.cState[c] === CS.QUEUED) this.tryDispatchCase(c);
    }
  }

  /** A patrol reaches `cell` now: its latent cases are discovered. */
  protected discoverHere(cell: number): void {
    let c = this.cellLatentHead[cell];
    while (c >= 0) {
      const next = this.cLatNext[c];
      this.discover(c);
      c = next;
    }
  }

  /**
   * Overtime so far, all teams together (seconds, counted from the warm-up to now or the horizon): the teams'
   * finished overtime plus that of members still finishing a case after their shift. One pass over the staff;
   * changes nothing.
   */
  overtimeSoFarS(): number {
    let s = 0;
    for (const v of this.teamOvertimeS) s += v;
    const to = Math.min(this.now, this.horizonS);
    for (let m = 0; m < this.nStaff; m++) {
      if (this.sOvertimeFrom[m] < 0) continue;
      const from = Math.max(this.sOvertimeFrom[m], this.warmupS);
      if (to > from) s += to - from;
    }
    return s;
  }

  /**
   * Close the books at the horizon. Call once, after runUntil(horizon).
   *
   * Levels, staff-hours and overtime are counted up to the horizon. Cases
   * still open then are worked on (no new cases arrive, rosters go on) for
   * up to DRAIN_S more, so that each gets its real verdict: judging them at
   * the horizon would count the late ones as misses and drop the rest,
   * making the last hours look worse than they were. Only cases still open
   * after the drain are judged by the clock (late: a miss; otherwise no
   * verdict).
   */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const end = this.horizonS;
    this.now = Math.max(this.now, end);
    this.backlog.advance(end);
    for (const st of this.stations) st.queue.advance(end);
    for (const l of this.teamOnDuty) l.advance(end);
    for (const l of this.teamBusy) l.advance(end);
    for (let s = 0; s < this.nStaff; s++) {
      if (this.sOnDuty[s] === 0 && this.sState[s] !== SS.OFF) {
        const from = Math.max(this.sOvertimeFrom[s], this.warmupS);
        if (end > from) this.teamOvertimeS[this.sTeam[s]] += end - from;
        this.sOvertimeFrom[s] = end; // paid to the horizon; the drain adds nothing
      }
    }
    const q = this.q;
    const limit = end + DRAIN_S;
    while (this.openCounted > 0 && q.size > 0 && q.peekTime() <= limit) {
      const kind = q.pop();
      this.now = q.time;
      this.events++;
      this.handle(kind, q.ea, q.eb);
    }
    const verdictAt = this.now;
    // cases still open: late ones are misses, the rest have no verdict
    for (let c = 0; c < this.cap; c++) {
      if (this.cState[c] === CS.FREE || !this.cCounted[c]) continue;
      this.openAfterDrain++;
      // their stages run to the verdict (the response's, for a case nobody reached, too)
      if (this.cOnScene[c] < 0 && this.cFiled[c] >= 0) this.freezeResponse(c);
      this.enterStage(c, this.cPhase[c], this.now);
      const t = this.types[this.cType[c]];
      const filed = this.cFiled[c];
      const lateResolution = verdictAt - this.cOccur[c] > t.resolutionS;
      const lateResponse =
        filed >= 0 && (this.cOnScene[c] >= 0 ? this.cOnScene[c] - filed : verdictAt - filed) > t.responseS;
      if (lateResolution || lateResponse) this.decide(c, false, -1);
      else if (this.log) this.log.push(this.record(c, null, -1));
    }
  }
}
