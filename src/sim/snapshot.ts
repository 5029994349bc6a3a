/**
 * Snapshots of a running simulation for the renderer.
 *
 * Staff are drawn where they are: the position on their current leg
 * (dispatch trip or patrol step) interpolated at the clock. Open cases are
 * the live case slots. Each call fills fresh typed arrays (their buffers are
 * then transferred to the page, so they cannot be reused).
 *
 * Running KPIs are read from the counters without closing the books, so a
 * snapshot never disturbs the run; once the run is finished they are the
 * final KPIs.
 *
 * At the horizon the books are closed, and closing them works the open
 * cases on after the horizon (the drain) to learn their verdicts. What the
 * page shows of the day's end (open cases, staff, queues, the open-cases
 * KPI) is the state at the horizon, taken before the drain and kept for
 * frames asked for later (a pause, a late subscriber).
 */
import type { Simulation } from './simulation.ts';
import type { Frame, LiveKpis, CityLayout, HierarchyView } from './frame.ts';
import { CS, SS } from './engine.ts';
import { METRO_DEFAULTS } from '../scenario/schema.ts';
import { buildResult } from './report.ts';

/**
 * The hierarchy of the city: an imported district's own (city.hierarchy), or, on a k x k city, the scenario as
 * the district and its `districts` rectangles as streets (a grid in the street holding its top-left cell).
 */
export function hierarchyOf(sc: Simulation['sc'], city: Simulation['city']): HierarchyView {
  const h = sc.city.hierarchy;
  const gridStreet = Int16Array.from(city.gridDistrict, (d) => d - 1);
  const district = h?.district ?? { code: sc.id, name: sc.name.zh, nameEn: sc.name.en };
  const common = {
    district,
    gridNames: city.gridNames.slice(),
    // English grid names only when the district gives some (name:en)
    ...(city.gridNamesEn.some((n) => n !== '') ? { gridNamesEn: city.gridNamesEn.slice() } : {}),
    gridStreet,
    gridCommunity: city.gridCommunity.slice(),
  };
  if (sc.city.layout) {
    const streets = h?.streets ?? [];
    // English names where the district gives them (street:en, community:en), as the built-in streets carry theirs
    const en = (p: { nameEn?: string }) => (p.nameEn !== undefined ? { nameEn: p.nameEn } : {});
    const communities = (h?.communities ?? []).map((c) => ({
      code: c.code,
      name: c.name,
      ...en(c),
      street: streets.findIndex((st) => st.code === c.street),
    }));
    return { ...common, streets: streets.map((st) => ({ code: st.code, name: st.name, ...en(st) })), communities };
  }
  return {
    ...common,
    streets: sc.city.districts.map((d) => ({ code: d.id, name: d.name.zh, nameEn: d.name.en })),
    communities: [],
  };
}

export function layoutOf(sim: Simulation, seed: number): CityLayout {
  const sc = sim.sc,
    city = sim.city;
  const hours = Math.ceil(sim.horizonS / 3600);
  return {
    scenarioId: sc.id,
    name: sc.name,
    description: sc.description,
    seed,
    cols: city.cols,
    rows: city.rows,
    cellSizeM: city.cellSizeM,
    gridSize: city.k,
    gridCols: city.gridCols,
    gridRows: city.gridRows,
    gridIds: city.gridIds,
    cellGrid: city.cellGrid.slice(),
    gridCentre: Int32Array.from({ length: city.nGrids }, (_, g) => city.gridCentreCell(g)),
    irregular: city.irregular,
    hierarchy: hierarchyOf(sc, city),
    landUse: city.landUse.slice(),
    lowLying: city.lowLying.slice(),
    dayPop: city.dayPop.slice(),
    stations: sc.city.stations.map((s) => ({
      id: s.id,
      name: s.name,
      cell: s.y * city.cols + s.x,
      dailyRidership: s.dailyRidership ?? 0,
    })),
    types: sc.eventTypes.map((t) => ({ id: t.id, name: t.name, priority: t.priority })),
    teams: sc.teams.map((t) => ({ id: t.id, name: t.name, role: t.role })),
    nStaff: sim.nStaff,
    staffTeam: sim.sTeam.slice(),
    horizonS: sim.horizonS,
    warmupS: sim.warmupS,
    rainByHour: Float32Array.from(sim.rain.subarray(0, hours)),
    warningByHour: sim.warning.slice(0, hours),
    coverageTarget: sc.targets.coverage,
    crowdThreshold: (sc.metro ?? METRO_DEFAULTS).crowdThreshold,
  };
}

function liveKpis(sim: Simulation): LiveKpis {
  let arrived = 0,
    closed = 0,
    met = 0,
    decided = 0;
  for (const t of sim.types) {
    arrived += t.arrived;
    closed += t.closed;
    met += t.slaMet;
    decided += t.slaDecided;
  }
  let onS = 0,
    busyS = 0;
  const overS = sim.overtimeSoFarS();
  // as of now: a level that has not changed for hours (on-duty staff between shift changes) counts up to now too
  for (let i = 0; i < sim.teamOnDuty.length; i++) {
    onS += sim.teamOnDuty[i].totalAt(sim.now);
    busyS += sim.teamBusy[i].totalAt(sim.now);
  }
  let gridHours = 0,
    covered = 0;
  const target = sim.sc.targets.coverage;
  for (let i = 0; i < sim.covCases.length; i++) {
    const n = sim.covCases[i];
    if (n > 0) {
      gridHours++;
      if (sim.covMet[i] / n >= target) covered++;
    }
  }
  let onDuty = 0,
    busy = 0;
  for (let s = 0; s < sim.nStaff; s++) {
    if (!sim.sOnDuty[s]) continue; // a member finishing a case after its shift is in overtime, not on duty
    onDuty++;
    const st = sim.sState[s];
    if (st === SS.TRAVEL || st === SS.ON_SCENE) busy++;
  }
  const all = sim.allTallies();
  return {
    casesArrived: arrived,
    casesClosed: closed,
    casesOpen: sim.used,
    meanWaitS: all.wait.mean(),
    meanResponseS: all.response.mean(),
    p90ResponseS: all.response.quantile(0.9),
    slaAttainment: decided > 0 ? met / decided : null,
    coverageIndex: gridHours > 0 ? covered / gridHours : null,
    staffHours: (onS + overS) / 3600,
    utilisation: onS > 0 ? busyS / onS : null,
    overtimeHours: overS / 3600,
    staffOnDuty: onDuty,
    staffBusy: busy,
  };
}

/** One time-series sample: (tS, open cases, SLA attainment so far or NaN). */
export function seriesSample(sim: Simulation): [number, number, number] {
  let met = 0,
    decided = 0;
  for (const t of sim.types) {
    met += t.slaMet;
    decided += t.slaDecided;
  }
  return [sim.now, sim.used, decided > 0 ? met / decided : NaN];
}

/** What a frame shows of the city at one clock: staff, open cases, station queues and the running KPIs. */
type View = Pick<Frame, 'kpis' | 'staffXY' | 'staffState' | 'cases' | 'nCases' | 'cellBacklog' | 'stationQueue'>;

/** The view at the horizon of each finished simulation, taken before the drain. */
const atHorizon = new WeakMap<Simulation, View>();

/** Fresh copies (a frame's buffers are transferred away). */
function copyView(v: View): View {
  return {
    kpis: { ...v.kpis },
    staffXY: v.staffXY.slice(),
    staffState: v.staffState.slice(),
    cases: v.cases.slice(),
    nCases: v.nCases,
    cellBacklog: v.cellBacklog.slice(),
    stationQueue: v.stationQueue.slice(),
  };
}

function viewOf(sim: Simulation): View {
  const now = sim.now;
  const n = sim.nStaff;
  const cols = sim.city.cols;
  const staffXY = new Float32Array(n * 2);
  const staffState = new Uint8Array(n);
  // patrolling members' steps are taken lazily (dispatch.ts): bring them up to now
  sim.syncPatrols();
  for (let s = 0; s < n; s++) {
    const from = sim.sFrom[s],
      to = sim.sTo[s];
    const d = sim.sDepart[s],
      a = sim.sArrive[s];
    const f = now >= a || a <= d ? 1 : now <= d ? 0 : (now - d) / (a - d);
    const fx = from % cols,
      fy = (from / cols) | 0,
      tx = to % cols,
      ty = (to / cols) | 0;
    staffXY[2 * s] = fx + (tx - fx) * f + 0.5;
    staffXY[2 * s + 1] = fy + (ty - fy) * f + 0.5;
    staffState[s] = sim.sOnDuty[s] || sim.sState[s] !== SS.OFF ? sim.sState[s] : SS.OFF;
  }
  const cases = new Float32Array(sim.used * 6);
  const cellBacklog = new Float32Array(sim.city.nCells);
  let k = 0;
  for (let c = 0; c < sim.cap && k < sim.used; c++) {
    const st = sim.cState[c];
    if (st === CS.FREE) continue;
    const t = sim.types[sim.cType[c]];
    const cell = sim.cCell[c];
    const filed = sim.cFiled[c];
    const late =
      now - sim.cOccur[c] > t.resolutionS || (filed >= 0 && sim.cOnScene[c] < 0 && now - filed > t.responseS);
    const o = k * 6;
    // jitter inside the cell by id so that several cases in one cell stay visible
    const id = sim.cId[c];
    cases[o] = (cell % cols) + 0.2 + 0.6 * ((id * 0.618034) % 1);
    cases[o + 1] = ((cell / cols) | 0) + 0.2 + 0.6 * ((id * 0.381966) % 1);
    cases[o + 2] = t.index;
    cases[o + 3] = t.priority;
    cases[o + 4] = late ? 1 : 0;
    cases[o + 5] = st;
    cellBacklog[cell]++;
    k++;
  }
  return {
    kpis: liveKpis(sim),
    staffXY,
    staffState,
    cases: k * 6 === cases.length ? cases : cases.slice(0, k * 6),
    nCases: k,
    cellBacklog,
    stationQueue: Float32Array.from(sim.stations, (st) => st.queueLen),
  };
}

/** A frame at the simulation's current clock. When the run is at its horizon, the books are closed and the full result attached. */
export function frameOf(sim: Simulation, opts: { coverage?: boolean } = {}): Frame {
  const done = sim.now >= sim.horizonS;
  // the day's end is the state at the horizon: take it before buildResult's drain works the open cases on, and keep it
  const kept = sim.finished ? atHorizon.get(sim) : undefined;
  const view = kept ? copyView(kept) : viewOf(sim);
  if (done && !sim.finished) atHorizon.set(sim, copyView(view));
  const result = done ? buildResult(sim, sim.seed) : undefined;
  const kpis = view.kpis;
  if (result) {
    // the end of the run: exactly the numbers a CLI run reports
    const r = result.kpis;
    Object.assign(kpis, {
      casesArrived: r.casesArrived,
      casesClosed: r.casesClosed,
      meanWaitS: r.meanWaitS,
      meanResponseS: r.meanResponseS,
      p90ResponseS: r.p90ResponseS,
      slaAttainment: r.slaAttainment,
      coverageIndex: r.coverageIndex,
      staffHours: r.staffHours,
      utilisation: r.utilisation,
      overtimeHours: r.overtimeHours,
    });
  }
  const now = sim.now;
  // the matrix is the largest part of a frame on big cities: leave it out when the caller knows it has not changed
  const g = opts.coverage === false && !done ? 0 : sim.city.nGrids;
  const coverage = new Float32Array(g * 24);
  const coverageCases = g > 0 ? Float32Array.from(sim.covCases) : new Float32Array(0);
  for (let i = 0; i < g * 24; i++) coverage[i] = sim.covCases[i] > 0 ? sim.covMet[i] / sim.covCases[i] : NaN;
  const hour = Math.min(sim.rain.length - 1, Math.floor(now / 3600));
  return {
    tS: Math.min(now, sim.horizonS), // after the drain in finish() the clock has run on; the day ends at the horizon
    done,
    events: sim.events,
    ...view,
    coverage,
    coverageCases,
    rainMmPerH: sim.rain[hour] ?? 0,
    warning: sim.warning[hour] ?? 0,
    series: new Float64Array(0),
    result,
  };
}
