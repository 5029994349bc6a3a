/**
 * A drill session: the engine with a person in the dispatcher's chair.
 *
 * Inside the drill's command scope, filed cases are held for the trainee
 * (automatic dispatch is off there); outside it the engine dispatches as
 * usual, unless the drill says otherwise. Injects fire at their times,
 * exactly: the run stops at an inject's time, applies it, and goes on.
 * Every trainee and trainer action is applied at the clock's current time
 * and recorded with it.
 *
 * Because the engine is deterministic, (scenario, seed, drill, action log)
 * is the whole drill: `replay` rebuilds it event for event, and the same
 * log replayed under another staffing plan answers "what would have
 * happened".
 */
import type { Scenario } from '../scenario/schema.ts';
import { Simulation } from '../sim/simulation.ts';
import { CS, SS } from '../sim/engine.ts';
import type { CaseRecord } from '../sim/result.ts';
import type { Action, Drill, Inject } from './schema.ts';
import { errorsAsMessage, parseAction } from './validate.ts';
import { scoreDrill, type DrillScore } from './scoring.ts';

/** The engine with a manual-dispatch scope. */
export class DrillSimulation extends Simulation {
  /** 1 for grids whose filed cases wait for the trainee. */
  readonly manualGrid: Uint8Array;
  manualOn = false;
  /** Case id → slot of the cases waiting for the trainee, in filing order. */
  readonly inbox = new Map<number, number>();
  /** Case id → slot of cases that entered the trainee's inbox (for scoring), with their filed time. */
  readonly drillCases = new Map<number, { filedS: number; priority: number }>();
  /** Priorities the trainee changed. */
  readonly priorityOf = new Map<number, number>();

  constructor(sc: Scenario, seed: number, manualGrids: 'all' | string[]) {
    super(sc, seed, { log: true });
    this.manualGrid = new Uint8Array(this.city.nGrids);
    if (manualGrids === 'all') this.manualGrid.fill(1);
    else for (const id of manualGrids) this.manualGrid[this.city.gridIds.indexOf(id)] = 1;
  }

  protected override holdForManual(c: number): boolean {
    if (!this.manualOn || !this.manualGrid[this.city.cellGrid[this.cCell[c]]]) return false;
    const id = this.cId[c];
    this.inbox.set(id, c);
    this.drillCases.set(id, { filedS: this.now, priority: this.types[this.cType[c]].priority });
    return true;
  }

  /** The slot of an open inbox case, or -1. */
  slotOf(caseId: number): number {
    const c = this.inbox.get(caseId);
    return c !== undefined && this.cState[c] === CS.QUEUED && this.cId[c] === caseId ? c : -1;
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
  private keyIndex: Map<string, number> | null = null;

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
}

export interface InboxItem {
  caseId: number;
  type: string;
  cell: number;
  grid: string;
  priority: number;
  channel: string;
  filedS: number;
  /** Deadline for someone on scene (filed + response deadline). */
  responseDueS: number;
  crew: number;
  skill: string;
}

export interface LogEntry {
  tS: number;
  kind: 'inject' | 'action' | 'message';
  detail: Inject | Action;
}

export class DrillSession {
  readonly drill: Drill;
  readonly scenario: Scenario;
  readonly sim: DrillSimulation;
  readonly startS: number;
  readonly endS: number;
  /** Actions applied, with their times: the record to replay. */
  readonly actions: Action[] = [];
  /** Injects and actions in the order they took effect. */
  readonly timeline: LogEntry[] = [];
  private injectIdx = 0;
  private readonly injects: Inject[];
  readonly manual: boolean;

  /** `manual` false runs the same drill with automatic dispatch everywhere: the baseline a trainee is scored against. */
  constructor(drill: Drill, scenario: Scenario, opts: { manual?: boolean; scenarioOverride?: Scenario } = {}) {
    this.drill = drill;
    this.scenario = opts.scenarioOverride ?? scenario;
    this.manual = opts.manual ?? true;
    // without automatic dispatch outside the scope, the trainee dispatches for the whole city
    this.sim = new DrillSimulation(this.scenario, drill.seed, drill.scope.autoOutside ? drill.scope.grids : 'all');
    this.startS = drill.startHour * 3600;
    this.endS = this.startS + drill.durationMin * 60;
    this.injects = drill.injects.map((x, i) => ({ ...x, id: x.id ?? `I${i + 1}` })).sort((a, b) => a.atMin - b.atMin);
    // before the drill: the city runs under automatic dispatch
    this.sim.runUntil(this.startS);
    this.sim.manualOn = this.manual;
  }

  get now(): number {
    return this.sim.now;
  }
  get done(): boolean {
    return this.sim.now >= this.endS;
  }

  /** Run to `tS` (at most the drill's end), firing due injects at their exact times. */
  advanceTo(tS: number): void {
    const end = Math.min(tS, this.endS);
    while (this.injectIdx < this.injects.length) {
      const inj = this.injects[this.injectIdx];
      const at = this.startS + inj.atMin * 60;
      if (at > end) break;
      this.sim.runUntil(at);
      this.applyInject(inj);
      this.injectIdx++;
    }
    this.sim.runUntil(end);
  }

  /** The schedule as it stands: injects fired from the file and those still to come (after any edits). */
  schedule(): Inject[] {
    return this.injects.slice();
  }

  /** Injects not fired yet (the trainer's timeline, editable while paused). */
  pendingInjects(): Inject[] {
    return this.injects.slice(this.injectIdx);
  }

  /** Replace the injects not yet fired (the trainer edits the timeline while paused). */
  setPendingInjects(list: Inject[]): void {
    const done = this.injects.slice(0, this.injectIdx);
    const nowMin = (this.now - this.startS) / 60;
    const next = list.filter((x) => x.atMin >= nowMin).sort((a, b) => a.atMin - b.atMin);
    this.injects.length = 0;
    this.injects.push(...done, ...next);
  }

  private applyInject(inj: Inject): void {
    const sim = this.sim;
    this.timeline.push({ tS: sim.now, kind: inj.kind === 'message' ? 'message' : 'inject', detail: inj });
    switch (inj.kind) {
      case 'message':
        return;
      case 'case': {
        const ti = sim.types.findIndex((t) => t.id === inj.type);
        const c = sim.createCase(ti, inj.y * sim.city.cols + inj.x);
        // an injected case is a report coming in now: known at once, whatever its usual channel
        if (sim.cState[c] === CS.LATENT) sim.discover(c);
        if (inj.priority) sim.priorityOf.set(sim.cId[c], inj.priority);
        const d = sim.drillCases.get(sim.cId[c]);
        if (d && inj.priority) d.priority = inj.priority;
        return;
      }
      case 'storm':
        sim.setRain(Math.floor(sim.now / 3600), inj.rainMmPerH);
        return;
      case 'surge':
        sim.addSurge(
          sim.stations.findIndex((s) => s.id === inj.station),
          inj.durationMin * 60,
          inj.extraPassengers,
        );
        return;
      case 'teamOff':
        sim.setTeamOff(sim.sc.teams.findIndex((t) => t.id === inj.team));
        return;
      case 'teamOn':
        sim.setTeamOn(sim.sc.teams.findIndex((t) => t.id === inj.team));
        return;
    }
  }

  /** The trainee's inbox: cases waiting for dispatch, most urgent first, then oldest. */
  inbox(): InboxItem[] {
    const sim = this.sim;
    const out: InboxItem[] = [];
    for (const [id, c] of sim.inbox) {
      if (sim.slotOf(id) < 0) {
        sim.inbox.delete(id);
        continue;
      }
      const t = sim.types[sim.cType[c]];
      out.push({
        caseId: id,
        type: t.id,
        cell: sim.cCell[c],
        grid: sim.city.gridIds[sim.city.cellGrid[sim.cCell[c]]],
        priority: sim.priorityOf.get(id) ?? t.priority,
        channel: ['patrol', 'citizen', 'sensor'][sim.cChannel[c]],
        filedS: sim.cFiled[c],
        responseDueS: sim.cFiled[c] + t.responseS,
        crew: t.crew,
        skill: sim.skills[t.skill],
      });
    }
    return out.sort((a, b) => a.priority - b.priority || a.filedS - b.filedS);
  }

  /** Free members who could take case `caseId`, nearest first. */
  candidates(caseId: number): { staff: number; team: string; distanceCells: number }[] {
    const sim = this.sim;
    const c = sim.slotOf(caseId);
    if (c < 0) return [];
    const skill = sim.types[sim.cType[c]].skill;
    const out: { staff: number; team: string; distanceCells: number }[] = [];
    for (let s = 0; s < sim.nStaff; s++) {
      if (!sim.isFreeFor(s, skill)) continue;
      out.push({
        staff: s,
        team: sim.sc.teams[sim.sTeam[s]].id,
        distanceCells: sim.city.cellDistance(sim.staffCell(s), sim.cCell[c]),
      });
    }
    return out.sort((a, b) => a.distanceCells - b.distanceCells || a.staff - b.staff);
  }

  /**
   * Apply an action now (its tS is set to the current clock) and record it.
   * Returns an error message (zh / en) when the action is not possible; nothing is recorded then.
   * Every action is checked first like the drill file's injects (`parseAction`):
   * structure, bounds, and an inject's type, cell, team or station in this scenario.
   */
  act(action: Action): { ok: true } | { ok: false; zh: string; en: string } {
    const checked = parseAction(action, this.scenario, this.drill.durationMin);
    if (!checked.ok) return { ok: false, ...errorsAsMessage(checked.errors) };
    const a: Action = { ...checked.action, tS: this.sim.now };
    if (a.kind === 'assign')
      a.staffKeys = a.staff.map((s) => (s >= 0 && s < this.sim.nStaff ? this.sim.memberKey(s) : '?'));
    const err = this.apply(a);
    if (err) return { ok: false, ...err };
    this.actions.push(a);
    this.timeline.push({ tS: a.tS, kind: 'action', detail: a });
    return { ok: true };
  }

  private apply(a: Action): { zh: string; en: string } | null {
    const sim = this.sim;
    if (a.kind === 'inject') {
      this.applyInject(a.inject);
      return null;
    }
    const c = sim.slotOf(a.caseId);
    if (c < 0) return { zh: `案件 ${a.caseId} 不在待派遣列表中`, en: `case ${a.caseId} is not waiting for dispatch` };
    const t = sim.types[sim.cType[c]];
    switch (a.kind) {
      case 'assign': {
        if (a.staff.length !== t.crew)
          return { zh: `此案件需要 ${t.crew} 人`, en: `this case needs a crew of ${t.crew}` };
        for (const s of a.staff) {
          if (s < 0 || s >= sim.nStaff || !sim.isFreeFor(s, t.skill))
            return { zh: `人员 ${s} 不空闲或没有所需技能`, en: `member ${s} is not free or lacks the skill` };
        }
        sim.inbox.delete(a.caseId);
        for (const s of a.staff) sim.assign(s, c);
        return null;
      }
      case 'reprioritise':
        sim.priorityOf.set(a.caseId, a.priority);
        return null;
      case 'escalate':
        // to the automatic dispatcher of the case's grid and its neighbours
        sim.inbox.delete(a.caseId);
        sim.cFiled[c] = Math.min(sim.cFiled[c], sim.now - sim.neighbourWaitS);
        if (!sim.tryDispatchCase(c)) sim.enqueue(c, false);
        return null;
      case 'mutualAid': {
        // the nearest free member with the skill anywhere in the city
        let best = -1,
          bestD = Infinity;
        for (let s = 0; s < sim.nStaff; s++) {
          if (!sim.isFreeFor(s, t.skill)) continue;
          const d = sim.city.cellDistance(sim.staffCell(s), sim.cCell[c]);
          if (d < bestD) {
            bestD = d;
            best = s;
          }
        }
        if (t.crew !== 1)
          return {
            zh: `跨区支援只派单人；此案件需要 ${t.crew} 人，请直接指派`,
            en: `mutual aid sends one member; this case needs a crew of ${t.crew}: assign it directly`,
          };
        if (best < 0) return { zh: '全市暂无可支援的空闲人员', en: 'nobody in the city is free to help' };
        sim.inbox.delete(a.caseId);
        sim.assign(best, c);
        return null;
      }
    }
  }

  /** Run to the end of the drill. */
  finish(): void {
    this.advanceTo(this.endS);
  }

  /** Records of the drill's cases (those in the command scope filed during the drill), so far. */
  caseRecords(): CaseRecord[] {
    const sim = this.sim;
    const byId = new Map<number, CaseRecord>();
    for (const r of sim.log ?? []) byId.set(r.id, r);
    for (let c = 0; c < sim.cap; c++) if (sim.cState[c] !== CS.FREE) byId.set(sim.cId[c], sim.record(c, null, -1));
    const inWindow = (r: CaseRecord) =>
      r.filedS >= 0 ? r.filedS >= this.startS && r.filedS < this.endS : r.occurredS >= this.startS;
    return [...byId.values()].filter((r) => inWindow(r) && inScope(sim, r.grid)).sort((a, b) => a.id - b.id);
  }

  score(): DrillScore {
    return scoreDrill(this.caseRecords(), this.sim, this.actions, this.endS);
  }

  /** Rebuild a drill from its action log (exactly, event for event); `scenarioOverride` replays it under another plan. */
  static replay(
    drill: Drill,
    scenario: Scenario,
    actions: Action[],
    opts: { upToS?: number; scenarioOverride?: Scenario } = {},
  ): DrillSession {
    const s = new DrillSession(drill, scenario, { manual: true, scenarioOverride: opts.scenarioOverride });
    const until = opts.upToS ?? s.endS;
    for (const a of actions) {
      if (a.tS > until) break;
      s.advanceTo(a.tS);
      // under another staffing plan, the same people by name (team, shift, place), not by roster index
      const mapped: Action =
        opts.scenarioOverride && a.kind === 'assign' && a.staffKeys
          ? { ...a, staff: a.staffKeys.map((k) => s.sim.memberByKey(k)) }
          : a;
      const r = s.act(mapped);
      if (!r.ok && !opts.scenarioOverride) throw new Error(`replay diverged at ${a.tS}: ${r.en}`);
    }
    s.advanceTo(until);
    return s;
  }
}

function inScope(sim: DrillSimulation, grid: number): boolean {
  return sim.manualGrid[grid] === 1;
}
