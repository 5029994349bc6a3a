/**
 * From counters to a RunResult: the KPIs, per-type and per-team figures, the
 * coverage matrix (responsibility grid x hour of day) and the coverage index.
 *
 * Definitions (also in README):
 * - SLA met: on scene within the response deadline of filing, and closed
 *   within the resolution deadline of occurrence. Cases still open at the
 *   horizon count as misses once a deadline has passed, otherwise they are
 *   censored (no verdict).
 * - Coverage index: among grid-hours that had at least one decided case,
 *   the share whose attainment is at or above `targets.coverage`.
 * - Utilisation: busy staff-time (dispatched, travelling, on scene) over
 *   rostered on-duty staff-time; overtime is paid but not in the ratio.
 */
import type { Simulation } from './simulation.ts';
import type { RunResult, Kpis, TypeStats, TeamStats, CoverageMatrix, StationStats, WeatherStats } from './result.ts';
import { hourExposure } from './stats.ts';
import { WARNING_LEVELS } from './weather.ts';
import { diagnoseBook, type RunDiagnosis } from './stages.ts';

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function buildResult(sim: Simulation, seed: number): RunResult {
  sim.finish();
  const city = sim.city;
  const exposure = hourExposure(sim.warmupS, sim.horizonS);
  const spanS = sim.horizonS - sim.warmupS;

  // coverage matrix
  const target = sim.sc.targets.coverage;
  const attainment: (number | null)[][] = [];
  const cases: number[][] = [];
  let gridHours = 0,
    covered = 0;
  for (let g = 0; g < city.nGrids; g++) {
    const row: (number | null)[] = [];
    const crow: number[] = [];
    for (let h = 0; h < 24; h++) {
      const n = sim.covCases[g * 24 + h];
      const a = n > 0 ? sim.covMet[g * 24 + h] / n : null;
      row.push(a);
      crow.push(n);
      if (a !== null) {
        gridHours++;
        if (a >= target) covered++;
      }
    }
    attainment.push(row);
    cases.push(crow);
  }
  const coverage: CoverageMatrix = { grids: city.gridIds, hours: 24, attainment, cases, target };

  // teams
  let onDutyS = 0,
    busyS = 0,
    overtimeS = 0,
    costCny = 0;
  const byTeam: TeamStats[] = sim.sc.teams.map((team, i) => {
    const on = sim.teamOnDuty[i],
      busy = sim.teamBusy[i];
    const tOn = on.total(),
      tBusy = busy.total(),
      tOver = sim.teamOvertimeS[i];
    onDutyS += tOn;
    busyS += tBusy;
    overtimeS += tOver;
    const hours = (tOn + tOver) / 3600;
    costCny += hours * team.hourlyCostCny;
    return {
      id: team.id,
      onDutyByHour: Array.from(on.byHour, (v, h) => (exposure[h] > 0 ? v / exposure[h] : 0)),
      utilisationByHour: Array.from(busy.byHour, (v, h) => ratio(v, on.byHour[h])),
      staffHours: hours,
      overtimeHours: tOver / 3600,
    };
  });

  // types
  let arrived = 0,
    closed = 0,
    met = 0,
    decided = 0;
  const byType: TypeStats[] = sim.types.map((t) => {
    arrived += t.arrived;
    closed += t.closed;
    met += t.slaMet;
    decided += t.slaDecided;
    return {
      id: t.id,
      arrived: t.arrived,
      closed: t.closed,
      slaMet: t.slaMet,
      slaDecided: t.slaDecided,
      meanWaitS: t.wait.mean(),
      meanResponseS: t.response.mean(),
      p90ResponseS: t.response.quantile(0.9),
      meanResolutionS: t.resolution.mean(),
    };
  });

  const all = sim.allTallies();
  const kpis: Kpis = {
    casesArrived: arrived,
    casesClosed: closed,
    meanWaitS: all.wait.mean(),
    p50WaitS: all.wait.quantile(0.5),
    p90WaitS: all.wait.quantile(0.9),
    p95WaitS: all.wait.quantile(0.95),
    meanQueueWaitS: all.queueWait.mean(),
    p90QueueWaitS: all.queueWait.quantile(0.9),
    meanResponseS: all.response.mean(),
    p50ResponseS: all.response.quantile(0.5),
    p90ResponseS: all.response.quantile(0.9),
    p95ResponseS: all.response.quantile(0.95),
    meanResolutionS: all.resolution.mean(),
    p50ResolutionS: all.resolution.quantile(0.5),
    p90ResolutionS: all.resolution.quantile(0.9),
    p95ResolutionS: all.resolution.quantile(0.95),
    slaAttainment: ratio(met, decided),
    coverageIndex: ratio(covered, gridHours),
    staffHours: (onDutyS + overtimeS) / 3600,
    utilisation: ratio(busyS, onDutyS),
    overtimeHours: overtimeS / 3600,
    meanBacklog: spanS > 0 ? sim.backlog.total() / spanS : 0,
    costCny,
    casesOpenAfterDrain: sim.openAfterDrain,
  };

  const days = spanS / 86400;
  const stations: StationStats[] = sim.stations.map((st) => ({
    id: st.id,
    passengers: st.passengers,
    meanWaitS: st.wait.mean(),
    p90WaitS: st.wait.quantile(0.9),
    passengersByHour: Array.from(st.passengersByHour, (v) => v / days),
    meanWaitByHour: Array.from(st.waitSumByHour, (v, h) => ratio(v, st.waitCountByHour[h])),
    meanQueueByHour: Array.from(st.queue.byHour, (v, h) => (exposure[h] > 0 ? v / exposure[h] : 0)),
    maxQueueByHour: Array.from(st.maxQueueByHour),
    crowdIncidents: st.incidents,
  }));
  const hours = Math.ceil(sim.horizonS / 3600);
  const rain = Array.from(sim.rain.subarray(0, hours));
  const weather: WeatherStats | null = sim.sc.weather
    ? {
        rainMmByHour: rain,
        warningByHour: Array.from(sim.warning.subarray(0, hours), (w) => WARNING_LEVELS[w]),
        totalMm: rain.reduce((a, b) => a + b, 0),
        peakMmPerH: rain.reduce((a, b) => Math.max(a, b), 0),
      }
    : null;

  const result: RunResult = {
    seed,
    kpis,
    byType,
    byTeam,
    coverage,
    backlogByHour: Array.from(sim.backlog.byHour, (v, h) => (exposure[h] > 0 ? v / exposure[h] : 0)),
    perf: { events: sim.events, wallS: 0 },
    stations,
    weather,
    diagnosis: diagnosisOf(sim),
  };
  if (sim.log) result.log = sim.log;
  return result;
}

/** The late cases decided so far, classified by their limiting stage (stages.ts); at the horizon, the run's. Does not disturb the run. */
export function diagnosisOf(sim: Simulation): RunDiagnosis {
  return diagnoseBook(sim.stages, {
    typeIds: sim.types.map((t) => t.id),
    teamIds: sim.sc.teams.map((t) => t.id),
    responseS: sim.types.map((t) => t.responseS),
    resolutionS: sim.types.map((t) => t.resolutionS),
  });
}
