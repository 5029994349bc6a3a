/**
 * The result of `allweather run` as one JSON object: a manifest that
 * identifies the run (re-running it reproduces the numbers), the KPI summary
 * over replications, per-type means, the coverage matrix and performance
 * totals. Key order is fixed, so equal runs serialise to equal bytes.
 */
import type { Aggregate } from '../analysis/aggregate.ts';
import type { CaseRecord, RunResult } from '../sim/result.ts';
import { toCsv, type Cell } from '../export/csv.ts';
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
}

export interface RunReport {
  manifest: Manifest;
  summary: Aggregate['summary'];
  byType: Aggregate['byType'];
  coverage: Aggregate['coverage'];
  /** events: total over replications; wallS: elapsed wall-clock seconds of the whole command. */
  perf: { events: number; wallS: number };
}

export function buildReport(manifest: Manifest, agg: Aggregate, wallS: number): RunReport {
  return {
    manifest,
    summary: agg.summary,
    byType: agg.byType,
    coverage: agg.coverage,
    perf: { events: agg.perf.events, wallS },
  };
}

/** Tidy KPI table: one row per KPI. */
export function summaryCsv(report: RunReport): string {
  return toCsv(['kpi', 'mean', 'ci_low', 'ci_high', 'n'], KPI_NAMES.map((k) => {
    const e = report.summary[k];
    return [k, e.mean, e.ci95?.[0], e.ci95?.[1], e.n];
  }));
}

const CASE_FIELDS: (keyof CaseRecord)[] = [
  'id', 'type', 'cell', 'grid', 'priority', 'channel', 'occurredS', 'discoveredS', 'filedS',
  'dispatchedS', 'onSceneS', 'handledS', 'verifiedS', 'closedS', 'slaMet',
];

/** Per-case log, one row per case, with its replication and seed. -1 times mean the step did not happen. */
export function casesCsv(results: readonly RunResult[]): string {
  function* rows(): Generator<Cell[]> {
    for (let r = 0; r < results.length; r++) {
      for (const c of results[r].log ?? []) yield [r, results[r].seed, ...CASE_FIELDS.map((f) => c[f] as Cell)];
    }
  }
  return toCsv(['replication', 'seed', ...CASE_FIELDS], rows());
}
