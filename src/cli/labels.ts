/**
 * Bilingual labels and display units of the KPIs, for the CLI's table and
 * the CSV exports. zh-CN first, English second.
 */
import type { KpiName } from '../analysis/aggregate.ts';

/** How a KPI is shown to a person: counts as is, seconds as minutes, shares as percent. */
export type DisplayUnit = 'count' | 'minutes' | 'percent' | 'hours' | 'cny';

export interface KpiLabel { zh: string; en: string; unit: DisplayUnit }

export const KPI_LABELS: Record<KpiName, KpiLabel> = {
  casesArrived: { zh: '发生案件', en: 'Cases arrived', unit: 'count' },
  casesClosed: { zh: '结案数', en: 'Cases closed', unit: 'count' },
  meanWaitS: { zh: '平均等待开工', en: 'Mean wait to handling start', unit: 'minutes' },
  p50WaitS: { zh: '等待开工中位数', en: 'Wait to handling P50', unit: 'minutes' },
  p90WaitS: { zh: '等待开工 P90', en: 'Wait to handling P90', unit: 'minutes' },
  p95WaitS: { zh: '等待开工 P95', en: 'Wait to handling P95', unit: 'minutes' },
  meanQueueWaitS: { zh: '平均排队等待', en: 'Mean queue wait', unit: 'minutes' },
  p90QueueWaitS: { zh: '排队等待 P90', en: 'Queue wait P90', unit: 'minutes' },
  meanResponseS: { zh: '平均响应', en: 'Mean response', unit: 'minutes' },
  p50ResponseS: { zh: '响应中位数', en: 'Median response', unit: 'minutes' },
  p90ResponseS: { zh: '响应 P90', en: 'Response P90', unit: 'minutes' },
  p95ResponseS: { zh: '响应 P95', en: 'Response P95', unit: 'minutes' },
  meanResolutionS: { zh: '平均办结', en: 'Mean resolution', unit: 'minutes' },
  p50ResolutionS: { zh: '办结中位数', en: 'Resolution P50', unit: 'minutes' },
  p90ResolutionS: { zh: '办结 P90', en: 'Resolution P90', unit: 'minutes' },
  p95ResolutionS: { zh: '办结 P95', en: 'Resolution P95', unit: 'minutes' },
  slaAttainment: { zh: '按时率', en: 'SLA attainment', unit: 'percent' },
  coverageIndex: { zh: '覆盖指数', en: 'Coverage index', unit: 'percent' },
  staffHours: { zh: '人员工时', en: 'Staff-hours', unit: 'hours' },
  utilisation: { zh: '利用率', en: 'Utilisation', unit: 'percent' },
  overtimeHours: { zh: '加班工时', en: 'Overtime', unit: 'hours' },
  meanBacklog: { zh: '平均积压', en: 'Mean backlog', unit: 'count' },
  costCny: { zh: '人力成本', en: 'Staff cost', unit: 'cny' },
  casesOpenAfterDrain: { zh: '补跑后仍未结案', en: 'Open after drain', unit: 'count' },
};

export const UNIT_SUFFIX: Record<DisplayUnit, string> = {
  count: '',
  minutes: 'min',
  percent: '%',
  hours: 'h',
  cny: '¥',
};

/** Converts a KPI value from its stored unit (seconds, share) to its display unit. */
export function toDisplay(unit: DisplayUnit, value: number): number {
  if (unit === 'minutes') return value / 60;
  if (unit === 'percent') return value * 100;
  return value;
}
