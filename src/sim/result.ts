/**
 * What one simulation run (one replication) returns.
 *
 * Everything here is plain data (numbers, arrays, strings) so that it crosses
 * a worker boundary by structured clone and serialises to JSON unchanged.
 * Times are in seconds, shares in 0..1. A figure that has no observations is
 * `null`, never NaN.
 */
import type { RunDiagnosis } from './stages.ts';

/** The KPIs every run reports; the CLI's `summary` aggregates these over replications. */
export interface Kpis {
  /** Cases that occurred after the warm-up. */
  casesArrived: number;
  /** Of those, cases closed by the horizon. (Cases still open then are worked on after it only to learn their SLA verdict.) */
  casesClosed: number;
  /** Mean time from filed to handling start, seconds: queue, dispatch delay and travel (so at least the mean response); over closed cases. */
  meanWaitS: number | null;
  p50WaitS: number | null;
  p90WaitS: number | null;
  p95WaitS: number | null;
  /** Mean time in the queue stage: waiting for a free member with the skill (filed → assigned, and every wait after preemption or handover), seconds. */
  meanQueueWaitS: number | null;
  p90QueueWaitS: number | null;
  /** Mean time from filed to on scene, seconds. */
  meanResponseS: number | null;
  p50ResponseS: number | null;
  p90ResponseS: number | null;
  p95ResponseS: number | null;
  /** Mean time from occurrence to closed, seconds. */
  meanResolutionS: number | null;
  p50ResolutionS: number | null;
  p90ResolutionS: number | null;
  p95ResolutionS: number | null;
  /** Share of decided cases that met both their response and resolution deadlines. */
  slaAttainment: number | null;
  /** Share of grid-hours (with cases) whose attainment is at or above the scenario's target. */
  coverageIndex: number | null;
  /** Paid staff-hours: rostered hours plus overtime. */
  staffHours: number;
  /** Busy staff-time over on-duty staff-time. */
  utilisation: number | null;
  overtimeHours: number;
  /** Time-averaged number of open cases (filed, not closed). */
  meanBacklog: number;
  /** Staff cost in CNY (staff-hours x each team's hourly cost). */
  costCny: number;
  /** Counted cases still open after the drain (a day past the horizon): not in the time KPIs; a miss once a deadline has passed, else no verdict. */
  casesOpenAfterDrain: number;
}

export interface TypeStats {
  id: string;
  arrived: number;
  closed: number;
  slaMet: number;
  slaDecided: number;
  meanWaitS: number | null;
  meanResponseS: number | null;
  p90ResponseS: number | null;
  meanResolutionS: number | null;
}

export interface TeamStats {
  id: string;
  /** On-duty staff (time-averaged) per hour of day. */
  onDutyByHour: number[];
  /** Busy share per hour of day (null when nobody was on duty). */
  utilisationByHour: (number | null)[];
  staffHours: number;
  overtimeHours: number;
}

export interface CoverageMatrix {
  /** Responsibility grid ids, one per row of `attainment`. */
  grids: string[];
  hours: 24;
  /** attainment[g][h]: share of grid g's cases that occurred in hour h and met their SLA; null when none. */
  attainment: (number | null)[][];
  /** cases[g][h]: how many decided cases the share is over. */
  cases: number[][];
  target: number;
}

/** One case's timeline, seconds from the run start; -1 where a step did not happen. */
export interface CaseRecord {
  id: number;
  type: string;
  cell: number;
  /** Responsibility grid: index, and its code. */
  grid: number;
  gridCode: string;
  priority: number;
  channel: 'patrol' | 'citizen' | 'sensor';
  occurredS: number;
  discoveredS: number;
  filedS: number;
  dispatchedS: number;
  onSceneS: number;
  /** The whole crew on scene (handling begins). */
  handlingStartS: number;
  handledS: number;
  verifiedS: number;
  closedS: number;
  slaMet: boolean | null;
  /** Stages of the resolution (occurred → closed, or → the verdict for a case open after the drain); they add up to it. See stages.ts. */
  discoveryS: number;
  centreS: number;
  queueS: number;
  travelS: number;
  handlingS: number;
  /** Stages of the response (filed → first on scene); they add up to it. */
  responseCentreS: number;
  responseQueueS: number;
  responseTravelS: number;
}

/** A metro station's passengers, security waits and crowding, by hour of day. */
export interface StationStats {
  id: string;
  passengers: number;
  meanWaitS: number | null;
  p90WaitS: number | null;
  passengersByHour: number[];
  /** Mean security wait of passengers arriving in each hour (null: none). */
  meanWaitByHour: (number | null)[];
  /** Time-averaged passengers waiting at security, and the most seen, by hour. */
  meanQueueByHour: number[];
  maxQueueByHour: number[];
  crowdIncidents: number;
}

/** The rain driver's series over the run, one value per hour from the start. */
export interface WeatherStats {
  rainMmByHour: number[];
  /** 'none' | 'blue' | 'yellow' | 'orange' | 'red' */
  warningByHour: string[];
  totalMm: number;
  peakMmPerH: number;
}

export interface RunResult {
  seed: number;
  kpis: Kpis;
  byType: TypeStats[];
  byTeam: TeamStats[];
  coverage: CoverageMatrix;
  /** Time-averaged open cases per hour of day. */
  backlogByHour: number[];
  perf: { events: number; wallS: number };
  stations: StationStats[];
  weather: WeatherStats | null;
  /** Where late cases' time went and what limited them (stages.ts). */
  diagnosis: RunDiagnosis;
  /** Per-case log, only when asked for. */
  log?: CaseRecord[];
}

export interface RunOptions {
  seed: number;
  /** Overrides the scenario's run.days. */
  days?: number;
  /** Keep a per-case log. */
  log?: boolean;
}
