/**
 * The result of `allweather run` as one JSON object: a manifest that
 * identifies the run (re-running it reproduces the numbers), the KPI summary
 * over replications, per-type means, the coverage matrix and performance
 * totals. Key order is fixed, so equal runs serialise to equal bytes.
 */
import type { Aggregate } from '../analysis/aggregate.ts';
import type { CaseRecord, RunResult, WeatherStats } from '../sim/result.ts';
import { csvCell, toCsv, type Cell } from '../export/csv.ts';
import { CASE_FIELD_UNITS, KPI_UNITS } from '../export/units.ts';
import { KPI_NAMES } from '../analysis/aggregate.ts';

export interface Manifest {
  app: 'allweather';
  /** package.json version of the app that produced the run. */
  version: string;
  /** Scenario id. */
  scenario: string;
  /** Content hash of the scenario file. */
  scenarioHash: string;
  /** Seed of replication 0; replication r uses seed + r. */
  seed: number;
  replications: number;
  /** Simulated days per replication. */
  days: number;
  /** `run --set`: the overrides the run applied to the scenario file, in order (absent when none). */
  overrides?: Record<string, unknown>;
}

export interface RunReport {
  manifest: Manifest;
  summary: Aggregate['summary'];
  byType: Aggregate['byType'];
  coverage: Aggregate['coverage'];
  /** Per team, means over replications: staff on duty and utilisation by hour of day, staff-hours, overtime. */
  byTeam: Record<
    string,
    { staffHours: number; overtimeHours: number; onDutyByHour: (number | null)[]; utilisationByHour: (number | null)[] }
  >;
  /** Time-averaged open cases by hour of day, mean over replications. */
  backlogByHour: (number | null)[];
  /** Per metro station, means over replications. */
  stations: Record<
    string,
    {
      passengers: number;
      meanWaitS: number | null;
      p90WaitS: number | null;
      crowdIncidents: number;
      passengersByHour: (number | null)[];
      meanWaitByHour: (number | null)[];
      meanQueueByHour: (number | null)[];
      maxQueueByHour: (number | null)[];
    }
  >;
  /** The rain series and warning levels by hour of the run (the same in every replication), or null without weather. */
  weather: WeatherStats | null;
  /** events: total over replications; wallS: elapsed wall-clock seconds of the whole command. */
  perf: { events: number; wallS: number };
}

/** Mean of the non-null values (null when none). */
function meanOf(xs: readonly (number | null)[]): number | null {
  let s = 0,
    n = 0;
  for (const x of xs)
    if (x !== null) {
      s += x;
      n++;
    }
  return n > 0 ? s / n : null;
}
/** Element-wise mean of equal-length series over replications. */
function meanSeries(series: readonly (readonly (number | null)[])[]): (number | null)[] {
  return (series[0] ?? []).map((_, i) => meanOf(series.map((s) => s[i])));
}

export function buildReport(
  manifest: Manifest,
  agg: Aggregate,
  wallS: number,
  results: readonly RunResult[],
): RunReport {
  const byTeam: RunReport['byTeam'] = {};
  (results[0]?.byTeam ?? []).forEach((t, i) => {
    const all = results.map((r) => r.byTeam[i]);
    byTeam[t.id] = {
      staffHours: meanOf(all.map((x) => x.staffHours)) ?? 0,
      overtimeHours: meanOf(all.map((x) => x.overtimeHours)) ?? 0,
      onDutyByHour: meanSeries(all.map((x) => x.onDutyByHour)),
      utilisationByHour: meanSeries(all.map((x) => x.utilisationByHour)),
    };
  });
  const stations: RunReport['stations'] = {};
  (results[0]?.stations ?? []).forEach((st, i) => {
    const all = results.map((r) => r.stations[i]);
    stations[st.id] = {
      passengers: meanOf(all.map((x) => x.passengers)) ?? 0,
      meanWaitS: meanOf(all.map((x) => x.meanWaitS)),
      p90WaitS: meanOf(all.map((x) => x.p90WaitS)),
      crowdIncidents: meanOf(all.map((x) => x.crowdIncidents)) ?? 0,
      passengersByHour: meanSeries(all.map((x) => x.passengersByHour)),
      meanWaitByHour: meanSeries(all.map((x) => x.meanWaitByHour)),
      meanQueueByHour: meanSeries(all.map((x) => x.meanQueueByHour)),
      maxQueueByHour: meanSeries(all.map((x) => x.maxQueueByHour)),
    };
  });
  return {
    manifest,
    summary: agg.summary,
    byType: agg.byType,
    coverage: agg.coverage,
    byTeam,
    backlogByHour: meanSeries(results.map((r) => r.backlogByHour)),
    stations,
    weather: results[0]?.weather ?? null,
    perf: { events: agg.perf.events, wallS },
  };
}

/** Tidy KPI table: one row per KPI, its unit last (src/export/units.ts). */
export function summaryCsv(report: RunReport): string {
  return toCsv(
    ['kpi', 'mean', 'ci_low', 'ci_high', 'n', 'unit'],
    KPI_NAMES.map((k) => {
      const e = report.summary[k];
      return [k, e.mean, e.ci95?.[0], e.ci95?.[1], e.n, KPI_UNITS[k]];
    }),
  );
}

/** Case-log columns: the id, then the log's fields in order with the grid by its code (column `grid`): src/export/units.ts. */
const CASE_FIELDS: (keyof CaseRecord)[] = ['id', ...CASE_FIELD_UNITS.map(([f]) => f)];

const CASES_HEADER = ['replication', 'seed', ...CASE_FIELDS.map((f) => (f === 'gridCode' ? 'grid' : f))];

/** Per-case log, one row per case, with its replication and seed. -1 times mean the step did not happen. */
export function casesCsv(results: readonly RunResult[]): string {
  return casesCsvHeader() + results.map((res, r) => [...casesCsvChunks(r, res)].join('')).join('');
}

/** The header of cases.csv (with the BOM and line end): the first piece of a streamed file. */
export function casesCsvHeader(): string {
  return toCsv(CASES_HEADER, []);
}

/** Replication r's rows of cases.csv in pieces of at most 8192 rows: after the header, in replication order, `casesCsv` byte for byte. */
export function* casesCsvChunks(r: number, res: RunResult): Generator<string> {
  const log = res.log ?? [];
  for (let i = 0; i < log.length; i += 8192) {
    const lines = log
      .slice(i, i + 8192)
      .map((c) => [r, res.seed, ...CASE_FIELDS.map((f) => c[f] as Cell)].map(csvCell).join(','));
    yield lines.join('\r\n') + '\r\n';
  }
}
