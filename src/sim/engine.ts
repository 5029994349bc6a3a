/**
 * The engine: a discrete-event simulation of city-management cases and staff.
 *
 * A case (事件) occurs at a cell, is discovered (by a patrol passing the cell,
 * a citizen's report after a delay, or a sensor at once), filed by the
 * command centre, dispatched to a crew, travelled to, handled, verified and
 * closed. Each step is timed, so a delay at the centre shows as clearly as a
 * shortage of staff. Staff come on and off duty by the roster, patrol their
 * home grid when idle and are matched to waiting cases by the dispatch
 * policy.
 *
 * Design for speed and repeatability:
 * - cases and staff live in structure-of-arrays storage (typed arrays by id);
 *   closed cases' slots are recycled, so memory is bounded by the open ones;
 * - the future-event list is a typed-array heap ordered by (time, sequence);
 * - everything random about a case is drawn when it occurs, from its event
 *   type's own substream: a staffing change cannot shift the case stream.
 * - numeric fields are declared with a number (`readonly horizonS: number = 0`)
 *   even when the constructor sets them: a bare declaration defines the field
 *   as undefined first (ES2022 class fields), V8 then stores it tagged, and
 *   every double written to it is a fresh heap number and a write barrier
 *   (HourlyLevel.lastS paid that on every level change). This holds for the
 *   classes the run loop touches (here, city.ts, stats.ts, queues.ts, ...).
 *
 * This module holds the state (see README.md in this folder for the map):
 * core/ the queue and event kinds, policies/ the dispatch policies (chosen
 * here by name from their registry), dispatch.ts the matching of cases and
 * staff, simulation.ts the event loop and the case workflow, drivers/ the
 * outside influences (arrivals, rain, night, metro, surges, drill changes),
 * and report.ts turns the counters into a RunResult.
 */
import type { Scenario } from '../scenario/schema.ts';
import { City } from './city.ts';
import { EventQueue } from './core/queue.ts';
import { CaseStore } from './core/cases.ts';
import { StreamSet, STREAM, compileDist, type CompiledDist, type Stream } from './rng.ts';
import { LocationSampler } from './arrivals.ts';
import { buildRoster, type Roster } from './roster.ts';
import { Tally, HourlyLevel } from './stats.ts';
import { CaseQueues } from './queues.ts';
import type { CaseRecord } from './result.ts';
import type { StationRt } from './metro.ts';
import { STAGE, STAGE_COUNT, StageBook } from './stages.ts';
import type { OrderPolicy, PreemptionPolicy, ScopePolicy } from './policies/types.ts';
import { ORDER_POLICIES, PREEMPTION_POLICIES, SCOPE_POLICIES, lookup } from './policies/registry.ts';
import type { Dispatcher } from './dispatch.ts';

export const DAY_S = 86_400;

export { EV, CS, SS } from './core/codes.ts';
// Discovery channels.
export const CHANNELS = ['patrol', 'citizen', 'sensor'] as const;

/** Per event type, compiled for the hot loop. */
export interface TypeRt {
  id: string;
  index: number;
  skill: number;
  crew: number;
  priority: number;
  cls: number;
  /** Arrival rate per hour of the horizon, drivers applied (drivers/arrivals.ts builds it, drivers/rain.ts scales it). */
  rates: Float64Array;
  /** The same before the rain driver (kept so a storm changed mid-run can be re-applied). */
  baseRates: Float64Array;
  /** Handling time is multiplied by this in each hour of the horizon (drivers/rain.ts; 1 when dry). */
  readonly handlingFactor: Float64Array;
  /** Bumped when the rates change mid-run: the pending arrival event is then stale and re-drawn. */
  arrivalToken: number;
  loc: LocationSampler;
  arrivals: Stream;
  attrs: Stream;
  handling: CompiledDist;
  /** Command-centre delays for this type (the scenario's workflow unless the type overrides them). */
  centre: Centre;
  /** Every centre delay is a fixed zero: nothing to draw. */
  centreInstant: boolean;
  /** Probability of a citizen report by hour of day, or null (always): drivers/night.ts. */
  reportByHour: number[] | null;
  citizenDelay: CompiledDist;
  fallbackDelay: CompiledDist;
  /** Cumulative channel shares: patrol, patrol+citizen, 1. */
  chPatrol: number;
  chCitizen: number;
  /** More than one channel has a share: the channel is drawn. */
  chMixed: boolean;
  responseS: number;
  resolutionS: number;
  // statistics
  arrived: number;
  closed: number;
  slaMet: number;
  slaDecided: number;
  wait: Tally;
  /** Time in the queue stage (every wait for a free member, after preemption too). */
  queueWait: Tally;
  response: Tally;
  resolution: Tally;
}

export interface Centre {
  file: CompiledDist;
  dispatch: CompiledDist;
  verify: CompiledDist;
  close: CompiledDist;
}
const isInstant = (c: Centre): boolean =>
  [c.file, c.dispatch, c.verify, c.close].every((d) => d.kind === 0 && d.p1 === 0);

export class EngineState extends CaseStore {
  readonly sc: Scenario;
  readonly city: City;
  readonly roster: Roster;
  readonly q = new EventQueue(4096);
  readonly streams: StreamSet;
  readonly seed: number = 0;
  readonly types: TypeRt[];
  readonly skills: string[];
  now = 0;
  readonly warmupS: number = 0;
  readonly horizonS: number = 0;
  /** Hours of the horizon (rounded up): the length of the hourly rate series. */
  readonly hours: number = 0;
  events = 0;

  protected readonly cellLatentHead: Int32Array;
  protected caseCounter = 0;
  protected fileSeq = 0;
  /** SLA verdicts recorded so far: the coverage matrix changes only when this does. */
  decisions = 0;

  // --- staff (structure of arrays) ---
  readonly nStaff: number = 0;
  readonly sTeam: Int16Array;
  readonly sHome: Int32Array;
  readonly sSkills: Int32Array;
  readonly sOnDuty: Uint8Array;
  readonly sState: Uint8Array;
  readonly sCase: Int32Array;
  readonly sToken: Int32Array;
  readonly sFrom: Int32Array;
  readonly sTo: Int32Array;
  readonly sDepart: Float64Array;
  readonly sArrive: Float64Array;
  protected readonly sSpeed: Float64Array;
  protected readonly sOvertimeFrom: Float64Array;
  /** Position of each member on its patrol route. */
  readonly sRoute: Int32Array;
  /** Each member's patrol route (the lawn-mower walk of the grids it answers for). */
  readonly sRouteCells: Int32Array[];
  /** The grids each member answers for (empty for pooled members: the whole city). */
  readonly sGrids: Int32Array[];
  /** Counted cases not yet closed (the drain after the horizon runs until none is left). */
  protected openCounted = 0;
  /**
   * Dispatchable staff ids by skill (everyone), by skill among pooled teams
   * (a city-wide force under every policy), and by grid x skill among teams
   * placed per grid (the ones grid-bound and grid-first dispatch restrict).
   */
  readonly skillStaff: Int32Array[];
  readonly pooledSkillStaff: Int32Array[];
  readonly gridSkillStaff: Int32Array[];
  /** 1 for members of pooled teams. */
  readonly sPooled: Uint8Array;
  /** 1 for members of teams that patrol when idle. */
  protected readonly sPatrols: Uint8Array;
  protected readonly travelEnabled: boolean;
  /** Queue scope holding every waiting case (scopes 0..nGrids-1 are the grids). */
  readonly globalScope: number = 0;
  readonly gridNeighbours: Int32Array[];
  freeCount = 0;

  // --- what drivers write (hourly series over the horizon, one more hour than `hours`) ---
  /** Rain, mm in each hour of the horizon (drivers/rain.ts; zeros when dry). */
  readonly rain: Float64Array;
  /** Rainstorm warning level by hour (index into WARNING_LEVELS). */
  readonly warning: Uint8Array;
  /** Travel and patrol times are multiplied by this in each hour (drivers/rain.ts; 1 when dry). */
  readonly travelFactor: Float64Array;
  /** Metro stations (drivers/metro.ts; none without a metro). */
  readonly stations: StationRt[] = [];
  /** Station index of members who staff security lanes, else -1. */
  readonly sLane: Int16Array;

  // --- dispatch ---
  protected readonly queues: CaseQueues;
  /** Where cases and members look for each other (policies/: gridBound, nearest, gridFirst). */
  readonly scope: ScopePolicy;
  /** The order of waiting cases (policies/: fifo, priority, easyFirst). */
  private readonly order: OrderPolicy;
  /** Who a case that finds nobody free may take a member from (policies/priority.ts), if anyone. */
  protected readonly preempt: PreemptionPolicy;
  readonly neighbourWaitS: number = 0;
  private readonly centre: Centre;
  protected readonly patrolStream: Stream;

  // --- statistics ---
  readonly backlog: HourlyLevel;
  readonly teamOnDuty: HourlyLevel[];
  readonly teamBusy: HourlyLevel[];
  readonly teamOvertimeS: Float64Array;
  readonly covCases: Float64Array;
  readonly covMet: Float64Array;
  /** Stage times of decided cases and the late cases' records, for the diagnosis. */
  readonly stages: StageBook;
  /** Per event type, the team a never-served case would have waited for: the first team holding its skill (-1: none). */
  protected readonly defaultTeam: Int16Array;
  /** All types' waits, responses and resolutions (merged from the per-type tallies; observations are recorded once). */
  allTallies(): { wait: Tally; queueWait: Tally; response: Tally; resolution: Tally } {
    return {
      wait: Tally.merged(this.types.map((t) => t.wait)),
      queueWait: Tally.merged(this.types.map((t) => t.queueWait)),
      response: Tally.merged(this.types.map((t) => t.response)),
      resolution: Tally.merged(this.types.map((t) => t.resolution)),
    };
  }
  readonly log: CaseRecord[] | null;

  constructor(sc: Scenario, seed: number, opts: { days?: number; log?: boolean } = {}) {
    super(1024);
    this.sc = sc;
    this.city = new City(sc);
    this.streams = new StreamSet(seed);
    this.seed = seed;
    this.warmupS = sc.run.warmupHours * 3600;
    this.horizonS = this.warmupS + (opts.days ?? sc.run.days) * DAY_S;
    this.log = opts.log ? [] : null;
    const hours = (this.hours = Math.ceil(this.horizonS / 3600));
    this.rain = new Float64Array(hours + 1);
    this.warning = new Uint8Array(hours + 1);
    this.travelFactor = new Float64Array(hours + 1).fill(1);

    // skills
    const skillSet = new Set<string>();
    for (const et of sc.eventTypes) skillSet.add(et.skill);
    for (const t of sc.teams) for (const s of t.skills) skillSet.add(s);
    this.skills = [...skillSet];
    if (this.skills.length > 30) throw new Error('at most 30 distinct skills / 技能种类最多 30 个');

    // command centre: the scenario's delays, which an event type may override
    const wf = sc.workflow;
    this.centre = {
      file: compileDist(wf.fileMin),
      dispatch: compileDist(wf.dispatchMin),
      verify: compileDist(wf.verifyMin),
      close: compileDist(wf.closeMin),
    };
    const centreOf = (o: Scenario['eventTypes'][number]['centre']): Centre =>
      o
        ? {
            file: o.fileMin ? compileDist(o.fileMin) : this.centre.file,
            dispatch: o.dispatchMin ? compileDist(o.dispatchMin) : this.centre.dispatch,
            verify: o.verifyMin ? compileDist(o.verifyMin) : this.centre.verify,
            close: o.closeMin ? compileDist(o.closeMin) : this.centre.close,
          }
        : this.centre;

    // event types
    this.order = lookup(ORDER_POLICIES, 'dispatch order', sc.dispatch.order);
    const { nClasses, classOf } = this.order.classes(
      sc.eventTypes.map((et) => ({ priority: et.priority, meanHandlingS: compileDist(et.handlingMin).meanS })),
    );
    this.types = sc.eventTypes.map((et, i): TypeRt => {
      const d = et.discovery;
      const tot = d.patrol + d.citizen + d.sensor;
      return {
        id: et.id,
        index: i,
        skill: this.skills.indexOf(et.skill),
        crew: et.crew,
        priority: et.priority,
        cls: classOf[i],
        rates: new Float64Array(0),
        baseRates: new Float64Array(0),
        handlingFactor: new Float64Array(hours + 1).fill(1),
        arrivalToken: 0,
        loc: new LocationSampler(this.city, et),
        arrivals: this.streams.get(STREAM.ARRIVALS_BASE + 2 * i),
        attrs: this.streams.get(STREAM.ARRIVALS_BASE + 2 * i + 1),
        handling: compileDist(et.handlingMin),
        centre: centreOf(et.centre),
        centreInstant: isInstant(centreOf(et.centre)),
        reportByHour: null,
        citizenDelay: compileDist(d.citizenDelayMin),
        fallbackDelay: compileDist(d.patrolFallbackMin),
        chPatrol: tot > 0 ? d.patrol / tot : 0,
        chCitizen: tot > 0 ? (d.patrol + d.citizen) / tot : 0,
        chMixed: [d.patrol, d.citizen, d.sensor].filter((x) => x > 0).length > 1,
        responseS: et.responseDeadlineMin * 60,
        resolutionS: et.resolutionDeadlineMin * 60,
        arrived: 0,
        closed: 0,
        slaMet: 0,
        slaDecided: 0,
        wait: new Tally(),
        queueWait: new Tally(),
        response: new Tally(),
        resolution: new Tally(),
      };
    });
    this.neighbourWaitS = sc.dispatch.neighbourWaitMin * 60;
    this.preempt = PREEMPTION_POLICIES[sc.dispatch.preemption ? 'priority' : 'off'];
    this.patrolStream = this.streams.get(STREAM.patrol);
    this.cellLatentHead = new Int32Array(this.city.nCells).fill(-1);

    // staff
    const r = (this.roster = buildRoster(sc, this.city));
    const n = (this.nStaff = r.nStaff);
    this.sTeam = r.staffTeam;
    this.sHome = r.staffHome;
    this.sSkills = new Int32Array(n);
    this.sOnDuty = new Uint8Array(n);
    this.sState = new Uint8Array(n);
    this.sCase = new Int32Array(n).fill(-1);
    this.sToken = new Int32Array(n);
    this.sFrom = new Int32Array(n);
    this.sTo = new Int32Array(n);
    this.sDepart = new Float64Array(n);
    this.sArrive = new Float64Array(n);
    this.sSpeed = new Float64Array(n);
    this.sOvertimeFrom = new Float64Array(n).fill(-1);
    this.sRoute = new Int32Array(n);
    this.sLane = new Int16Array(n).fill(-1);
    const stationIndex = new Map(sc.city.stations.map((st, i) => [st.id, i]));
    const teamMask = sc.teams.map((t) => t.skills.reduce((m, s) => m | (1 << this.skills.indexOf(s)), 0));
    this.sPooled = new Uint8Array(n);
    this.sPatrols = new Uint8Array(n);
    for (let s = 0; s < n; s++) {
      const t = sc.teams[this.sTeam[s]];
      this.sSkills[s] = teamMask[this.sTeam[s]];
      // (here, not Uint8Array.from with a mapping function, which iterates generically)
      this.sPooled[s] = t.placement === 'pooled' ? 1 : 0;
      this.sPatrols[s] = t.patrol ? 1 : 0;
      // lane staff work the security check, never cases
      if (t.role === 'securityLanes' && t.station) this.sLane[s] = stationIndex.get(t.station) ?? -1;
      this.sSpeed[s] = ((t.speedKmh ?? sc.travel.speedKmh[t.mode]) * 1000) / 3600;
      const c = this.city.gridCentreCell(this.sHome[s]);
      this.sFrom[s] = c;
      this.sTo[s] = c;
    }
    // every grid's patrol route, in one buffer (a view per grid)
    const routes = this.city.patrolRoutes();
    this.travelEnabled = sc.travel.enabled;
    const nk = this.skills.length;
    // staff by skill (everyone / pooled only), in id order: one pass over the staff
    const bySkill: number[][] = this.skills.map(() => []);
    const pooledBySkill: number[][] = this.skills.map(() => []);
    for (let s = 0; s < n; s++) {
      if (this.sLane[s] >= 0) continue;
      for (let k = 0; k < nk; k++) {
        if (!(this.sSkills[s] & (1 << k))) continue;
        bySkill[k].push(s);
        if (this.sPooled[s] === 1) pooledBySkill[k].push(s);
      }
    }
    this.skillStaff = bySkill.map((l) => Int32Array.from(l));
    this.pooledSkillStaff = pooledBySkill.map((l) => Int32Array.from(l));
    // grids each member answers for, then staff by grid x skill: compressed rows (one offsets and one data
    // array each; the per-list arrays are views into them, an empty list is one shared empty array)
    const ownFrom: number[] = [];
    const ownGrid: number[] = [];
    for (const sh of r.shifts) {
      const team = sc.teams[sh.team];
      if (team.placement === 'pooled' || team.role === 'securityLanes') continue;
      if (team.placement === 'spread' && sh.members.length > 0 && sh.members.length < this.city.nGrids) {
        // member j answers for the grids g with floor(g * staff / nGrids) = j (its home grid among them)
        const m = sh.members.length;
        for (let g = 0; g < this.city.nGrids; g++) {
          ownFrom.push(sh.members[Math.floor((g * m) / this.city.nGrids)]);
          ownGrid.push(g);
        }
      } else {
        for (const s of sh.members) {
          ownFrom.push(s);
          ownGrid.push(this.sHome[s]);
        }
      }
    }
    const sGridsCsr = csr(n, ownFrom, ownGrid);
    this.sGrids = views(sGridsCsr);
    // (grid, skill) rows: members in id order (a stable sort of the pairs by row)
    const rowOf: number[] = [];
    const rowStaff: number[] = [];
    for (let s = 0; s < n; s++) {
      for (let j = sGridsCsr.offsets[s]; j < sGridsCsr.offsets[s + 1]; j++) {
        const g = sGridsCsr.data[j];
        for (let k = 0; k < nk; k++) {
          if (this.sSkills[s] & (1 << k)) {
            rowOf.push(g * nk + k);
            rowStaff.push(s);
          }
        }
      }
    }
    this.gridSkillStaff = views(csr(this.city.nGrids * nk, rowOf, rowStaff));
    // a member answering for several grids patrols them all, one after another
    let spreadLen = 0;
    for (let s = 0; s < n; s++)
      if (this.sGrids[s].length > 1) for (const g of this.sGrids[s]) spreadLen += routes[g].length;
    const spreadCells = new Int32Array(spreadLen);
    let at = 0;
    this.sRouteCells = this.sGrids.map((gs, s) => {
      if (gs.length <= 1) return routes[this.sHome[s]];
      const from = at;
      for (let i = 0; i < gs.length; i++) {
        spreadCells.set(routes[gs[i]], at);
        at += routes[gs[i]].length;
      }
      return spreadCells.subarray(from, at);
    });
    const nbFrom: number[] = [];
    const nbTo: number[] = [];
    for (let g = 0; g < this.city.nGrids; g++) {
      for (const h of this.city.neighbourGrids(g)) {
        nbFrom.push(g);
        nbTo.push(h);
      }
    }
    this.gridNeighbours = views(csr(this.city.nGrids, nbFrom, nbTo));

    // dispatch scope: grid policies queue each case in its grid and in the global scope (for pooled teams)
    this.scope = lookup(SCOPE_POLICIES, 'dispatch policy', sc.dispatch.policy)(this as unknown as Dispatcher);
    this.globalScope = this.scope.queuesByGrid ? this.city.nGrids : 0;
    this.queues = new CaseQueues(this.globalScope + 1, this.skills.length, nClasses);

    // statistics
    this.backlog = new HourlyLevel(this.warmupS, this.horizonS);
    this.teamOnDuty = sc.teams.map(() => new HourlyLevel(this.warmupS, this.horizonS));
    this.teamBusy = sc.teams.map(() => new HourlyLevel(this.warmupS, this.horizonS));
    this.teamOvertimeS = new Float64Array(sc.teams.length);
    this.covCases = new Float64Array(this.city.nGrids * 24);
    this.covMet = new Float64Array(this.city.nGrids * 24);
    this.stages = new StageBook(sc.eventTypes.length);
    this.defaultTeam = Int16Array.from(sc.eventTypes, (et) =>
      sc.teams.findIndex((t) => t.role !== 'securityLanes' && t.skills.includes(et.skill)),
    );
  }

  /** Case c leaves its current stage now and enters `next` (from `from`, default now). */
  protected enterStage(c: number, next: number, from: number): void {
    const spent = this.now - this.cPhaseFrom[c];
    const b = c * STAGE_COUNT;
    const cur = this.cPhase[c];
    if (spent >= 0) this.cStage[b + cur] += spent;
    // left before a dispatch delay ran out (preempted or handed over): the unspent part was never spent
    else if (cur === STAGE.travel) this.cStage[b + STAGE.centre] += spent;
    this.cPhase[c] = next;
    this.cPhaseFrom[c] = from;
  }

  /** Hour index of the horizon for time t (clamped). */
  protected hourOf(t: number): number {
    const h = (t / 3600) | 0;
    return h < this.travelFactor.length ? h : this.travelFactor.length - 1;
  }
}

/** Compressed rows: `data[offsets[r] .. offsets[r + 1])` holds row r's values, in the order given. */
interface Csr {
  offsets: Int32Array;
  data: Int32Array;
}

/** Rows from (row, value) pairs, each row's values in the order of the pairs (a stable counting sort). */
function csr(nRows: number, rows: readonly number[], values: readonly number[]): Csr {
  const offsets = new Int32Array(nRows + 1);
  for (const r of rows) offsets[r + 1]++;
  for (let r = 0; r < nRows; r++) offsets[r + 1] += offsets[r];
  const fill = offsets.slice(0, nRows);
  const data = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) data[fill[rows[i]]++] = values[i];
  return { offsets, data };
}

const EMPTY = new Int32Array(0);

/** One array per row: views into the rows' data, the shared empty array for empty rows. */
function views({ offsets, data }: Csr): Int32Array[] {
  const out: Int32Array[] = new Array(offsets.length - 1);
  for (let r = 0; r < out.length; r++) {
    out[r] = offsets[r + 1] > offsets[r] ? data.subarray(offsets[r], offsets[r + 1]) : EMPTY;
  }
  return out;
}
