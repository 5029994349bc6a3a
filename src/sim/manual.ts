/**
 * Manual dispatch: the engine with a person in the dispatcher's chair.
 *
 * Inside the manual scope (a set of responsibility grids), a filed case is
 * held, queued, for a person to dispatch (the `holdForManual` hook of
 * simulation.ts); outside it, and while holding is off, the engine
 * dispatches as usual. A held case leaves the hold when the person gives it
 * a crew (`assignHeld`), hands it to automatic dispatch (`toAutomatic`),
 * or once it is no longer waiting.
 *
 * The drill (src/drill) reaches this through api.ts (`DrillEngine`), never
 * directly: every change it makes goes through the same assign / enqueue as
 * automatic dispatch, so a drill replays event for event.
 */
import type { Scenario } from '../scenario/schema.ts';
import { Simulation } from './simulation.ts';
import { CHANNELS, CS, SS } from './engine.ts';
import type { CaseRecord } from './result.ts';
import type { Candidate, HeldCase } from './api.ts';

export class ManualSimulation extends Simulation {
  /** 1 for grids whose filed cases are held for a person. */
  private readonly manualGrid: Uint8Array;
  /** Hold cases of the manual scope now (off until the drill starts). */
  manualOn = false;
  /** Case id → slot of the held cases, in filing order (entries no longer waiting are dropped when met). */
  private readonly held = new Map<number, number>();
  /** Member key → member (memberByKey), built on first use. */
  private keyIndex: Map<string, number> | null = null;

  constructor(sc: Scenario, seed: number, manualGrids: 'all' | readonly string[]) {
    super(sc, seed, { log: true });
    this.manualGrid = new Uint8Array(this.city.nGrids);
    if (manualGrids === 'all') this.manualGrid.fill(1);
    else for (const id of manualGrids) this.manualGrid[this.city.gridIds.indexOf(id)] = 1;
  }

  protected override holdForManual(c: number): boolean {
    if (!this.manualOn || !this.manualGrid[this.city.cellGrid[this.cCell[c]]]) return false;
    this.held.set(this.cId[c], c);
    return true;
  }

  /** The slot of a held case still waiting, or -1. */
  private slotOf(caseId: number): number {
    const c = this.held.get(caseId);
    return c !== undefined && this.cState[c] === CS.QUEUED && this.cId[c] === caseId ? c : -1;
  }

  /** Held cases still waiting, in filing order (dropping those that left). */
  heldCases(): HeldCase[] {
    const out: HeldCase[] = [];
    for (const [id, c] of this.held) {
      if (this.slotOf(id) < 0) {
        this.held.delete(id);
        continue;
      }
      const t = this.types[this.cType[c]];
      out.push({
        caseId: id,
        type: t.id,
        cell: this.cCell[c],
        grid: this.city.gridIds[this.city.cellGrid[this.cCell[c]]],
        priority: t.priority,
        channel: CHANNELS[this.cChannel[c]],
        filedS: this.cFiled[c],
        responseDueS: this.cFiled[c] + t.responseS,
        crew: t.crew,
        skill: this.skills[t.skill],
      });
    }
    return out;
  }

  /** Free members with the skill held case `caseId` needs, nearest first (then by number); none if it is not held. */
  freeMembersFor(caseId: number): Candidate[] {
    const c = this.slotOf(caseId);
    if (c < 0) return [];
    const skill = this.types[this.cType[c]].skill;
    const out: Candidate[] = [];
    for (let s = 0; s < this.nStaff; s++) {
      if (!this.isFreeFor(s, skill)) continue;
      out.push({
        staff: s,
        team: this.sc.teams[this.sTeam[s]].id,
        distanceCells: this.city.cellDistance(this.staffCell(s), this.cCell[c]),
      });
    }
    return out.sort((a, b) => a.distanceCells - b.distanceCells || a.staff - b.staff);
  }

  /** Member s is free for held case `caseId` (on duty, idle or patrolling, off the lanes, with the skill). */
  canTake(s: number, caseId: number): boolean {
    const c = this.slotOf(caseId);
    return (
      c >= 0 && Number.isInteger(s) && s >= 0 && s < this.nStaff && this.isFreeFor(s, this.types[this.cType[c]].skill)
    );
  }

  /** Dispatch held case `caseId` to `members` (its whole crew, each one free for it); throws otherwise. */
  assignHeld(caseId: number, members: readonly number[]): void {
    const c = this.slotOf(caseId);
    if (c < 0) throw new Error(`case ${caseId} is not held`);
    if (members.length !== this.types[this.cType[c]].crew) throw new Error(`case ${caseId}: wrong crew size`);
    for (const s of members) if (!this.canTake(s, caseId)) throw new Error(`member ${s} cannot take case ${caseId}`);
    this.held.delete(caseId);
    for (const s of members) this.assign(s, c);
  }

  /** Held case `caseId` goes to automatic dispatch, its neighbour wait waived; throws if it is not held. */
  toAutomatic(caseId: number): void {
    const c = this.slotOf(caseId);
    if (c < 0) throw new Error(`case ${caseId} is not held`);
    this.held.delete(caseId);
    this.cFiled[c] = Math.min(this.cFiled[c], this.now - this.neighbourWaitS);
    if (!this.tryDispatchCase(c)) this.enqueue(c, false);
  }

  /** Free, on-duty, dispatchable members holding `skill`. */
  private isFreeFor(s: number, skill: number): boolean {
    const st = this.sState[s];
    return (
      this.sOnDuty[s] === 1 &&
      (st === SS.IDLE || st === SS.PATROL) &&
      this.sLane[s] < 0 &&
      (this.sSkills[s] & (1 << skill)) !== 0
    );
  }

  /**
   * A member's name that survives a change of staffing: team / shift (its
   * place among the team's shifts) / home grid / ordinal in that grid for
   * teams placed per grid, team / shift / ordinal otherwise.
   */
  memberKey(s: number): string {
    const sh = this.roster.staffShift[s];
    const def = this.roster.shifts[sh];
    const team = this.sc.teams[def.team];
    const shiftNo = this.roster.shifts.filter((x, i) => x.team === def.team && i < sh).length;
    if (team.placement === 'perGrid') {
      const g = this.sHome[s];
      const j = def.members.filter((m) => this.sHome[m] === g && m < s).length;
      return `${team.id}/${shiftNo}/${this.city.gridIds[g]}/${j}`;
    }
    return `${team.id}/${shiftNo}/${def.members.indexOf(s)}`;
  }

  /** The member a key names in this roster, or -1. */
  memberByKey(key: string): number {
    if (!this.keyIndex) {
      this.keyIndex = new Map();
      for (let s = 0; s < this.nStaff; s++) this.keyIndex.set(this.memberKey(s), s);
    }
    return this.keyIndex.get(key) ?? -1;
  }

  /** Records of the manual scope's cases so far (the log's closed and decided ones, then the open ones as they stand), by id. */
  scopeRecords(): CaseRecord[] {
    const byId = new Map<number, CaseRecord>();
    for (const r of this.log ?? []) byId.set(r.id, r);
    for (let c = 0; c < this.cap; c++) if (this.cState[c] !== CS.FREE) byId.set(this.cId[c], this.record(c, null, -1));
    return [...byId.values()].filter((r) => this.manualGrid[r.grid] === 1).sort((a, b) => a.id - b.id);
  }
}
