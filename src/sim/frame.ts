/**
 * What a running simulation shows the renderer.
 *
 * Once per load the worker sends a `CityLayout` (static: the lattice, land
 * use, grids, stations, names). While a run plays it sends `Frame`s: a few
 * numbers and typed arrays whose buffers are transferred, not copied. The
 * page never sees engine objects, only these.
 */
import type { RunResult } from './result.ts';

export interface Named {
  id: string;
  name: { zh: string; en: string };
}

/** The administrative hierarchy as the page shows it (indices instead of codes for the grids). */
export interface HierarchyView {
  /** Names as the data has them; `nameEn` where the scenario gives an English name too (built-in streets, an imported district's `street:en` …). */
  district: { code: string; name: string; nameEn?: string };
  streets: { code: string; name: string; nameEn?: string }[];
  /** Communities with the index of their street. */
  communities: { code: string; name: string; nameEn?: string; street: number }[];
  /** Per grid: its name ('' when it has none), its street and community index (-1: none). */
  gridNames: string[];
  /** Per grid: its English name ('' when it has none); left out when no grid has one. */
  gridNamesEn?: string[];
  gridStreet: Int16Array;
  gridCommunity: Int32Array;
}

export interface CityLayout {
  scenarioId: string;
  name: { zh: string; en: string };
  description?: { zh: string; en: string };
  seed: number;
  cols: number;
  rows: number;
  cellSizeM: number;
  gridSize: number;
  gridCols: number;
  gridRows: number;
  /** Grid codes (k x k cities: generated, G row-col). */
  gridIds: string[];
  /** Grid index of every cell; -1 for a cell outside an imported district (not part of the city). */
  cellGrid: Int32Array;
  /** The centre cell of every grid (where its members start and its label goes). */
  gridCentre: Int32Array;
  /** An imported district (its own grids, any shape) rather than k x k blocks. */
  irregular: boolean;
  /** 区 → 街道 → 社区 → 网格: names and the street and community of every grid. */
  hierarchy: HierarchyView;
  /** Land use index per cell (see LAND_USES in src/scenario/schema.ts). */
  landUse: Uint8Array;
  lowLying: Uint8Array;
  /** Day population per cell. */
  dayPop: Float32Array;
  stations: (Named & { cell: number; dailyRidership: number })[];
  types: (Named & { priority: number })[];
  teams: (Named & { role: 'field' | 'securityLanes' })[];
  nStaff: number;
  /** Team index of each staff member. */
  staffTeam: Int16Array;
  horizonS: number;
  warmupS: number;
  /** Rain per hour of the horizon (mm) and warning level index (0 none .. 4 red). */
  rainByHour: Float32Array;
  warningByHour: Uint8Array;
  coverageTarget: number;
  /** Passengers waiting at security above which crowd incidents are raised (metro driver). */
  crowdThreshold: number;
}

/** Running KPIs (so far); at the end of the run, exactly the RunResult's kpis. */
export interface LiveKpis {
  casesArrived: number;
  casesClosed: number;
  casesOpen: number;
  meanWaitS: number | null;
  meanResponseS: number | null;
  p90ResponseS: number | null;
  slaAttainment: number | null;
  coverageIndex: number | null;
  staffHours: number;
  utilisation: number | null;
  overtimeHours: number;
  staffOnDuty: number;
  staffBusy: number;
}

/** What the worker sends each animation frame. Typed arrays are transferred. */
export interface Frame {
  /** Simulation clock, seconds from the run start. */
  tS: number;
  /** The run reached its horizon. */
  done: boolean;
  events: number;
  kpis: LiveKpis;
  /** Staff positions in cell units (x, y interleaved; cell centres at i + 0.5). */
  staffXY: Float32Array;
  /** Staff state per member: 0 off, 1 idle, 2 patrol, 3 travelling, 4 on scene, 5 security lane. */
  staffState: Uint8Array;
  /** Open cases: x, y (cell units), type index, priority, late flag (1 = past a deadline), stage (1 latent, 2 discovered, 3 queued, 4 dispatched, 5 handling, 6+ closing). */
  cases: Float32Array;
  nCases: number;
  /** Open cases per cell (backlog). */
  cellBacklog: Float32Array;
  /**
   * Coverage matrix so far: grid x 24 attainment (NaN where no decided cases), row-major by grid.
   * Empty (length 0) when unchanged since the previous frame: the client keeps the last one.
   */
  coverage: Float32Array;
  /** Decided cases per grid x hour. */
  coverageCases: Float32Array;
  /** Passengers waiting at each station's security check now. */
  stationQueue: Float32Array;
  rainMmPerH: number;
  warning: number;
  /**
   * Time-series samples taken since the previous frame, every 5 simulated minutes:
   * triplets (tS, open cases, SLA attainment so far or NaN). Filled by the live service.
   */
  series: Float64Array;
  /** The full result, present once done (identical to the CLI's for the same scenario and seed). */
  result?: RunResult;
}
