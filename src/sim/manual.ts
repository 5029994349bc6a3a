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
import { CS, SS } from './engine.ts';
import type { CaseRecord } from './result.ts';

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
  slotOf(caseId: number): number {
    const c = this.held.get(caseId);
    return c !== undefined && this.cState[c] === CS.QUEUED && this.cId[c] === caseId ? c : -1;
  }

  /** Held cases still waiting, as [case id, slot], in filing order (dropping those that left). */
  heldSlots(): [number, number][] {
    const out: [number, number][] = [];
    for (const [id, c] of this.held) {
      if (this.slotOf(id) < 0) this.held.delete(id);
      else out.push([id, c]);
    }
    return out;
  }

  /** Case `caseId` leaves the hold (it is being dispatched). */
  unhold(caseId: number): void {
    this.held.delete(caseId);
  }

  /** Whether grid g is in the manual scope. */
  inManualScope(g: number): boolean {
    return this.manualGrid[g] === 1;
  }

  /** Free, on-duty, dispatchable members holding `skill`. */
  isFreeFor(s: number, skill: number): boolean {
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

  /** Records of every case so far (the log's closed and decided ones, then the open ones as they stand), by id. */
  allRecords(): CaseRecord[] {
    const byId = new Map<number, CaseRecord>();
    for (const r of this.log ?? []) byId.set(r.id, r);
    for (let c = 0; c < this.cap; c++) if (this.cState[c] !== CS.FREE) byId.set(this.cId[c], this.record(c, null, -1));
    return [...byId.values()].sort((a, b) => a.id - b.id);
  }
}
