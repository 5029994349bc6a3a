/**
 * The engine's public surface: what code outside src/sim may do with a
 * running simulation.
 *
 * Everything else in src/sim (the state in engine.ts, dispatch, patrols,
 * the event loop in simulation.ts, core/, policies/, drivers/) is the
 * engine's own business: its typed arrays are read and written in the hot
 * loop, and their invariants (core/cases.ts) hold only if nobody else
 * writes them. Outside code holds an `Engine` (or a `DrillEngine`, for a
 * person dispatching by hand) and gets plain values and fresh arrays from
 * it, never the engine's own arrays. test/floors.test.ts fails when a file
 * outside src/sim imports the engine's modules instead of this one.
 *
 * A batch run that needs nothing but the result is `runScenario` (run.ts);
 * results and frames are plain data (result.ts, frame.ts).
 *
 * Staff members are numbered 0..nStaff-1 as in frames (`Frame.staffXY`,
 * `CityLayout.staffTeam`); cases are named by their id (`CaseRecord.id`),
 * never by their storage slot.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunDiagnosis } from './stages.ts';
import type { CaseRecord, RunResult } from './result.ts';
import type { CityLayout, Frame } from './frame.ts';
import { Simulation } from './simulation.ts';
import { ManualSimulation } from './manual.ts';
import { CS, SS } from './engine.ts';
import { frameOf, layoutOf, seriesSample } from './snapshot.ts';
import { buildResult, diagnosisOf } from './report.ts';

export type { CaseRecord, RunResult } from './result.ts';
export type { CityLayout, Frame } from './frame.ts';

/** What a member is doing (the names of `Frame.staffState`'s codes 0..5). */
export type StaffStateName = 'off' | 'idle' | 'patrol' | 'travel' | 'onScene' | 'lane';
const STATE_NAMES: readonly StaffStateName[] = ['off', 'idle', 'patrol', 'travel', 'onScene', 'lane'];

/** One staff member now. */
export interface MemberInfo {
  /** Team id. */
  team: string;
  onDuty: boolean;
  state: StaffStateName;
  /** The cell the member is at (the nearer end of the leg it is on). */
  cell: number;
  /** Id of the case it is dispatched to, or null. */
  caseId: number | null;
}

/** An event type as far as a dispatcher or a score needs it. */
export interface CaseTypeInfo {
  id: string;
  /** 1 is the most urgent. */
  priority: number;
  /** Members a case of this type needs. */
  crew: number;
  skill: string;
  /** Someone on scene within this many seconds of filing. */
  responseS: number;
  /** Closed within this many seconds of occurrence. */
  resolutionS: number;
}

/** A case held for manual dispatch. */
export interface HeldCase {
  caseId: number;
  type: string;
  cell: number;
  /** Grid code. */
  grid: string;
  /** The type's priority. */
  priority: number;
  channel: string;
  filedS: number;
  /** Deadline for someone on scene (filed + response deadline). */
  responseDueS: number;
  crew: number;
  skill: string;
}

/** A free member who could take a held case. */
export interface Candidate {
  staff: number;
  /** Team id. */
  team: string;
  /** Cells between the member and the case. */
  distanceCells: number;
}

/** A running simulation: run control, live views, results. */
export interface Engine {
  /** The clock, seconds from the run's start. */
  readonly now: number;
  /** End of the run (warm-up + days), seconds. */
  readonly horizonS: number;
  /** The books are closed (`finish`, or a frame at the horizon). */
  readonly finished: boolean;
  /** Events processed so far. */
  readonly events: number;
  /** SLA verdicts recorded so far: the coverage matrix changes only when this does. */
  readonly decisions: number;
  /** Responsibility grid codes, by grid index. */
  readonly gridIds: readonly string[];
  /** Staff members (numbered 0..nStaff-1). */
  readonly nStaff: number;
  /** Process every event due at or before `tS`; the clock ends at min(tS, horizon). */
  runUntil(tS: number): void;
  /** Close the books at the horizon (open cases are worked on for their verdicts) and return the run's result. */
  finish(): RunResult;
  /** The static city picture, sent once per load. */
  layout(): CityLayout;
  /** A frame at the current clock (fresh arrays); at the horizon it carries the result. `coverage: false` leaves out an unchanged matrix. */
  frame(opts?: { coverage?: boolean }): Frame;
  /** One time-series sample: (tS, open cases, SLA attainment so far or NaN). */
  seriesSample(): [number, number, number];
  /** The late cases decided so far, by limiting stage; without disturbing the run. */
  diagnosis(): RunDiagnosis;
  /** Member s now. */
  member(s: number): MemberInfo;
  /** The event types, by index. */
  caseTypes(): CaseTypeInfo[];
  /** Rain in hour `hour` of the horizon, mm (as changed by `setRain` so far). */
  rainMmPerH(hour: number): number;
}

/** A simulation with a person dispatching the cases of a manual scope, and a trainer changing the world. */
export interface DrillEngine extends Engine {
  /** Hold filed cases of the manual scope for a person (true) or dispatch them automatically (false). */
  setManual(on: boolean): void;
  /** Cases held and still waiting, in filing order. */
  heldCases(): HeldCase[];
  /** Free members with the skill a held case needs, nearest first (then by number); none if it is not held. */
  freeMembersFor(caseId: number): Candidate[];
  /** Member s is free, on duty, off the security lanes and has the skill held case `caseId` needs. */
  canTake(s: number, caseId: number): boolean;
  /** Dispatch held case `caseId` to `members` (its whole crew, each one `canTake`); throws otherwise. */
  assignHeld(caseId: number, members: readonly number[]): void;
  /** Hand held case `caseId` to automatic dispatch, its neighbour wait waived (grid-first draws on neighbours at once). */
  toAutomatic(caseId: number): void;
  /** A case of type `typeId` occurs now at `cell` and is known at once (discovered, whatever its channel); returns its id. */
  injectCase(typeId: string, cell: number): number;
  /** Replace the rain from hour `fromHour` on, mm per hour. */
  setRain(fromHour: number, mmByHour: readonly number[]): void;
  /** Add `extra` passengers at station `stationId` over [now, now + durationS). */
  addSurge(stationId: string, durationS: number, extra: number): void;
  /** Take team `teamId` off duty now (busy members hand their cases over) until `setTeamOn`. */
  setTeamOff(teamId: string): void;
  /** Let team `teamId` work again; members of its shifts running now come on at once. */
  setTeamOn(teamId: string): void;
  /** A member's name that survives a change of staffing (team / shift / place / ordinal). */
  memberKey(s: number): string;
  /** The member a `memberKey` names in this roster, or -1. */
  memberByKey(key: string): number;
  /** Records of the manual scope's cases so far (closed or decided ones as logged, open ones as they stand), by id. */
  caseRecords(): CaseRecord[];
}

/** A simulation of `scenario` with `seed`; `days` overrides the scenario's, `log` keeps every case's record. */
export function createEngine(scenario: Scenario, seed: number, opts: { days?: number; log?: boolean } = {}): Engine {
  return new EngineView(new Simulation(scenario, seed, opts));
}

/** A simulation whose cases filed in `manualGrids` (grid codes, or every grid) are held for a person once `setManual(true)`; every case is logged. */
export function createDrillEngine(
  scenario: Scenario,
  seed: number,
  manualGrids: 'all' | readonly string[],
): DrillEngine {
  return new DrillView(new ManualSimulation(scenario, seed, manualGrids));
}

// --- the implementation: plain values out of the engine's arrays ---

class EngineView<S extends Simulation = Simulation> implements Engine {
  protected readonly sim: S;

  constructor(sim: S) {
    this.sim = sim;
  }

  get now(): number {
    return this.sim.now;
  }
  get horizonS(): number {
    return this.sim.horizonS;
  }
  get finished(): boolean {
    return this.sim.finished;
  }
  get events(): number {
    return this.sim.events;
  }
  get decisions(): number {
    return this.sim.decisions;
  }
  get gridIds(): readonly string[] {
    return this.sim.city.gridIds;
  }
  get nStaff(): number {
    return this.sim.nStaff;
  }
  runUntil(tS: number): void {
    this.sim.runUntil(tS);
  }
  finish(): RunResult {
    return buildResult(this.sim, this.sim.seed);
  }
  layout(): CityLayout {
    return layoutOf(this.sim, this.sim.seed);
  }
  frame(opts: { coverage?: boolean } = {}): Frame {
    return frameOf(this.sim, opts);
  }
  seriesSample(): [number, number, number] {
    return seriesSample(this.sim);
  }
  diagnosis(): RunDiagnosis {
    return diagnosisOf(this.sim);
  }
  member(s: number): MemberInfo {
    const sim = this.sim;
    const c = sim.sCase[s];
    return {
      team: sim.sc.teams[sim.sTeam[s]].id,
      onDuty: sim.sOnDuty[s] === 1,
      state: STATE_NAMES[sim.sOnDuty[s] || sim.sState[s] !== SS.OFF ? sim.sState[s] : SS.OFF],
      cell: sim.staffCell(s),
      caseId: c >= 0 && sim.cState[c] !== CS.FREE ? sim.cId[c] : null,
    };
  }
  caseTypes(): CaseTypeInfo[] {
    const sim = this.sim;
    return sim.types.map((t) => ({
      id: t.id,
      priority: t.priority,
      crew: t.crew,
      skill: sim.skills[t.skill],
      responseS: t.responseS,
      resolutionS: t.resolutionS,
    }));
  }
  rainMmPerH(hour: number): number {
    return this.sim.rain[hour] ?? 0;
  }
}

class DrillView extends EngineView<ManualSimulation> implements DrillEngine {
  setManual(on: boolean): void {
    this.sim.manualOn = on;
  }
  heldCases(): HeldCase[] {
    return this.sim.heldCases();
  }
  freeMembersFor(caseId: number): Candidate[] {
    return this.sim.freeMembersFor(caseId);
  }
  canTake(s: number, caseId: number): boolean {
    return this.sim.canTake(s, caseId);
  }
  assignHeld(caseId: number, members: readonly number[]): void {
    this.sim.assignHeld(caseId, members);
  }
  toAutomatic(caseId: number): void {
    this.sim.toAutomatic(caseId);
  }
  injectCase(typeId: string, cell: number): number {
    const sim = this.sim;
    const c = sim.createCase(
      sim.types.findIndex((t) => t.id === typeId),
      cell,
    );
    // an injected case is a report coming in now: known at once, whatever its usual channel
    if (sim.cState[c] === CS.LATENT) sim.discover(c);
    return sim.cId[c];
  }
  setRain(fromHour: number, mmByHour: readonly number[]): void {
    this.sim.setRain(fromHour, mmByHour);
  }
  addSurge(stationId: string, durationS: number, extra: number): void {
    this.sim.addSurge(
      this.sim.stations.findIndex((s) => s.id === stationId),
      durationS,
      extra,
    );
  }
  setTeamOff(teamId: string): void {
    this.sim.setTeamOff(this.sim.sc.teams.findIndex((t) => t.id === teamId));
  }
  setTeamOn(teamId: string): void {
    this.sim.setTeamOn(this.sim.sc.teams.findIndex((t) => t.id === teamId));
  }
  memberKey(s: number): string {
    return this.sim.memberKey(s);
  }
  memberByKey(key: string): number {
    return this.sim.memberByKey(key);
  }
  caseRecords(): CaseRecord[] {
    return this.sim.scopeRecords();
  }
}
