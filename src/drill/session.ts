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
import { createDrillEngine, type CaseRecord, type DrillEngine, type HeldCase } from '../sim/api.ts';
import type { Action, Drill, Inject } from './schema.ts';
import { errorsAsMessage, parseAction } from './validate.ts';
import { scoreDrill, scoreSeats, type DrillScore, type SeatScore } from './scoring.ts';
import { forecastWarning, rainAt, warningAfter, type DrillWeather } from './weather.ts';

/** The seat id that holds the whole command scope (one trainee for everything). */
export const WHOLE_SCOPE = 'all';

/** A trainee seat with its grids resolved ('all': every grid of the city). */
export interface SeatScope {
  id: string;
  name: { zh: string; en: string };
  grids: 'all' | string[];
}

/** A case waiting in the trainee's inbox (its priority as the trainee or an inject set it). */
export type InboxItem = HeldCase;

export interface LogEntry {
  tS: number;
  kind: 'inject' | 'action' | 'message';
  detail: Inject | Action;
}

export class DrillSession {
  readonly drill: Drill;
  readonly scenario: Scenario;
  /** The engine (src/sim/api.ts): frames, layout and the drill's operations. */
  readonly engine: DrillEngine;
  /** Priorities the trainee (or an inject) changed, by case id. */
  readonly priorityOf = new Map<number, number>();
  readonly startS: number;
  readonly endS: number;
  /** Actions applied, with their times: the record to replay. */
  readonly actions: Action[] = [];
  /** Injects and actions in the order they took effect. */
  readonly timeline: LogEntry[] = [];
  private injectIdx = 0;
  private readonly injects: Inject[];
  readonly manual: boolean;
  /** The drill's seats (without the whole-scope seat). */
  readonly seats: readonly SeatScope[];
  /** Storm injects fired so far, with their times (the rain the header shows follows them). */
  private readonly storms: { tS: number; rainMmPerH: number[] }[] = [];

  /** `manual` false runs the same drill with automatic dispatch everywhere: the baseline a trainee is scored against. */
  constructor(drill: Drill, scenario: Scenario, opts: { manual?: boolean; scenarioOverride?: Scenario } = {}) {
    this.drill = drill;
    this.scenario = opts.scenarioOverride ?? scenario;
    this.manual = opts.manual ?? true;
    // without automatic dispatch outside the scope, the trainee dispatches for the whole city
    this.engine = createDrillEngine(this.scenario, drill.seed, drill.scope.autoOutside ? drill.scope.grids : 'all');
    this.startS = drill.startHour * 3600;
    this.endS = this.startS + drill.durationMin * 60;
    this.injects = drill.injects.map((x, i) => ({ ...x, id: x.id ?? `I${i + 1}` })).sort((a, b) => a.atMin - b.atMin);
    this.seats = (drill.seats ?? []).map((x) => ({ id: x.id, name: x.name, grids: x.grids.slice() }));
    // before the drill: the city runs under automatic dispatch
    this.engine.runUntil(this.startS);
    this.engine.setManual(this.manual);
  }

  get now(): number {
    return this.engine.now;
  }
  get done(): boolean {
    return this.engine.now >= this.endS;
  }

  /** Run to `tS` (at most the drill's end), firing due injects at their exact times. */
  advanceTo(tS: number): void {
    const end = Math.min(tS, this.endS);
    while (this.injectIdx < this.injects.length) {
      const inj = this.injects[this.injectIdx];
      const at = this.startS + inj.atMin * 60;
      if (at > end) break;
      this.engine.runUntil(at);
      this.applyInject(inj);
      this.injectIdx++;
    }
    this.engine.runUntil(end);
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
    const engine = this.engine;
    this.timeline.push({ tS: engine.now, kind: inj.kind === 'message' ? 'message' : 'inject', detail: inj });
    switch (inj.kind) {
      case 'message':
        return;
      case 'case': {
        const id = engine.injectCase(inj.type, inj.y * this.scenario.city.cols + inj.x);
        if (inj.priority) this.priorityOf.set(id, inj.priority);
        return;
      }
      case 'storm':
        engine.setRain(Math.floor(engine.now / 3600), inj.rainMmPerH);
        this.storms.push({ tS: engine.now, rainMmPerH: inj.rainMmPerH.slice() });
        return;
      case 'surge':
        engine.addSurge(inj.station, inj.durationMin * 60, inj.extraPassengers);
        return;
      case 'teamOff':
        engine.setTeamOff(inj.team);
        return;
      case 'teamOn':
        engine.setTeamOn(inj.team);
        return;
    }
  }

  /**
   * The drill's weather now, as its header shows it (weather.ts): the rain
   * the simulation runs on (storm injects included) and the warning the
   * injects announced (or, in a drill that announces none, the engine's).
   */
  weather(): DrillWeather {
    // fired so far, and those due now but not fired yet (at the drill's first instant, before the clock has moved)
    const due = this.pendingInjects().filter((x) => this.startS + x.atMin * 60 <= this.now);
    const fired = [...this.timeline.filter((e) => e.kind !== 'action').map((e) => e.detail as Inject), ...due];
    const announces = this.injects.some((x) => (x.kind === 'message' || x.kind === 'storm') && x.warning);
    const w = warningAfter(fired, announces);
    const hour = Math.floor(this.now / 3600);
    const storms = [
      ...this.storms,
      ...due.flatMap((x) => (x.kind === 'storm' ? [{ tS: this.now, rainMmPerH: x.rainMmPerH }] : [])),
    ];
    const rain = rainAt(this.now, (h) => this.engine.rainMmPerH(h), storms);
    if (w === null)
      return {
        rainMmPerH: rain,
        warning: forecastWarning(hour, (h) => this.engine.rainMmPerH(h)),
        source: { kind: 'forecast' },
      };
    return {
      rainMmPerH: rain,
      warning: w.level,
      source: w.id === null ? { kind: 'forecast' } : { kind: 'inject', id: w.id },
    };
  }

  /** The grids of seat `seatId` ('all' for the whole scope), or null when the drill has no such seat. */
  seatGrids(seatId: string): 'all' | string[] | null {
    // the whole scope: every case held for a person (the scope's grids, or the city without automatic dispatch outside)
    if (seatId === WHOLE_SCOPE) return 'all';
    return this.seats.find((x) => x.id === seatId)?.grids ?? null;
  }

  /** The trainee's inbox (of one seat, or the whole scope): cases waiting for dispatch, most urgent first, then oldest. */
  inbox(seatId?: string): InboxItem[] {
    const grids = seatId === undefined ? 'all' : this.seatGrids(seatId);
    if (grids === null) return [];
    return this.engine
      .heldCases()
      .filter((h) => grids === 'all' || grids.includes(h.grid))
      .map((h) => ({ ...h, priority: this.priorityOf.get(h.caseId) ?? h.priority }))
      .sort((a, b) => a.priority - b.priority || a.filedS - b.filedS);
  }

  /** Free members who could take case `caseId`, nearest first. */
  candidates(caseId: number): { staff: number; team: string; distanceCells: number }[] {
    return this.engine.freeMembersFor(caseId);
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
    const a: Action = { ...checked.action, tS: this.engine.now };
    if (a.kind === 'assign')
      a.staffKeys = a.staff.map((s) => (s >= 0 && s < this.engine.nStaff ? this.engine.memberKey(s) : '?'));
    const err = this.apply(a);
    if (err) return { ok: false, ...err };
    this.actions.push(a);
    this.timeline.push({ tS: a.tS, kind: 'action', detail: a });
    return { ok: true };
  }

  private apply(a: Action): { zh: string; en: string } | null {
    const engine = this.engine;
    if (a.kind === 'inject') {
      this.applyInject(a.inject);
      return null;
    }
    const held = engine.heldCases().find((h) => h.caseId === a.caseId);
    if (!held) return { zh: `案件 ${a.caseId} 不在待派遣列表中`, en: `case ${a.caseId} is not waiting for dispatch` };
    if (a.seat !== undefined) {
      // a seat dispatches the cases of its own grids only
      const grids = this.seatGrids(a.seat);
      if (grids === null) return { zh: `没有席位“${a.seat}”`, en: `there is no seat "${a.seat}"` };
      if (grids !== 'all' && !grids.includes(held.grid))
        return {
          zh: `案件 ${a.caseId} 在网格 ${held.grid}，不属于本席位的指挥范围`,
          en: `case ${a.caseId} is in grid ${held.grid}, outside this seat's command scope`,
        };
    }
    switch (a.kind) {
      case 'assign': {
        if (a.staff.length !== held.crew)
          return { zh: `此案件需要 ${held.crew} 人`, en: `this case needs a crew of ${held.crew}` };
        for (const s of a.staff) {
          if (!engine.canTake(s, a.caseId))
            return { zh: `人员 ${s} 不空闲或没有所需技能`, en: `member ${s} is not free or lacks the skill` };
        }
        engine.assignHeld(a.caseId, a.staff);
        return null;
      }
      case 'reprioritise':
        this.priorityOf.set(a.caseId, a.priority);
        return null;
      case 'escalate':
        // to the automatic dispatcher of the case's grid and its neighbours
        engine.toAutomatic(a.caseId);
        return null;
      case 'mutualAid': {
        // the nearest free member with the skill anywhere in the city
        const nearest = engine.freeMembersFor(a.caseId)[0];
        if (held.crew !== 1)
          return {
            zh: `跨区支援只派单人；此案件需要 ${held.crew} 人，请直接指派`,
            en: `mutual aid sends one member; this case needs a crew of ${held.crew}: assign it directly`,
          };
        if (!nearest) return { zh: '全市暂无可支援的空闲人员', en: 'nobody in the city is free to help' };
        engine.assignHeld(a.caseId, [nearest.staff]);
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
    const inWindow = (r: CaseRecord) =>
      r.filedS >= 0 ? r.filedS >= this.startS && r.filedS < this.endS : r.occurredS >= this.startS;
    return this.engine.caseRecords().filter(inWindow);
  }

  score(): DrillScore {
    return scoreDrill(this.caseRecords(), this.engine.caseTypes(), this.priorityOf, this.actions, this.endS);
  }

  /** The score of each seat: the cases of its grids, scored alone (empty when the drill has no seats). */
  seatScores(): SeatScore[] {
    return scoreSeats(
      this.caseRecords(),
      this.seats,
      this.engine.caseTypes(),
      this.priorityOf,
      this.actions,
      this.endS,
    );
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
          ? { ...a, staff: a.staffKeys.map((k) => s.engine.memberByKey(k)) }
          : a;
      const r = s.act(mapped);
      if (!r.ok && !opts.scenarioOverride) throw new Error(`replay diverged at ${a.tS}: ${r.en}`);
    }
    s.advanceTo(until);
    return s;
  }
}
