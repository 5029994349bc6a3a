/**
 * The unit of every figure as stored in results and exports: seconds for
 * times, shares 0..1 for attainment and ratios, counts, hours, yuan. Written
 * into the `unit` column of the tidy CSV so a file explains itself.
 */
import type { KpiName } from '../analysis/aggregate.ts';
import type { CaseRecord } from '../sim/result.ts';

export const KPI_UNITS: Record<KpiName, string> = {
  casesArrived: 'cases',
  casesClosed: 'cases',
  meanWaitS: 's',
  p50WaitS: 's',
  p90WaitS: 's',
  p95WaitS: 's',
  meanQueueWaitS: 's',
  p90QueueWaitS: 's',
  meanResponseS: 's',
  p50ResponseS: 's',
  p90ResponseS: 's',
  p95ResponseS: 's',
  meanResolutionS: 's',
  p50ResolutionS: 's',
  p90ResolutionS: 's',
  p95ResolutionS: 's',
  slaAttainment: 'share',
  coverageIndex: 'share',
  staffHours: 'h',
  utilisation: 'share',
  overtimeHours: 'h',
  meanBacklog: 'cases',
  costCny: 'CNY',
  casesOpenAfterDrain: 'cases',
};

/** Case-log fields (all but `id`), in log order, with their units ('' for labels and indices); the grid by its code, not its index. */
export const CASE_FIELD_UNITS: [Exclude<keyof CaseRecord, 'id' | 'grid'>, string][] = [
  ['type', ''],
  ['cell', ''],
  ['gridCode', ''],
  ['priority', ''],
  ['channel', ''],
  ['occurredS', 's'],
  ['discoveredS', 's'],
  ['filedS', 's'],
  ['dispatchedS', 's'],
  ['onSceneS', 's'],
  ['handlingStartS', 's'],
  ['handledS', 's'],
  ['verifiedS', 's'],
  ['closedS', 's'],
  ['slaMet', ''],
  ['discoveryS', 's'],
  ['centreS', 's'],
  ['queueS', 's'],
  ['travelS', 's'],
  ['handlingS', 's'],
  ['responseCentreS', 's'],
  ['responseQueueS', 's'],
  ['responseTravelS', 's'],
];
