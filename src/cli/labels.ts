/**
 * Bilingual labels and display units of the KPIs, for the CLI's table and
 * the CSV exports. zh-CN first, English second.
 */
import type { KpiName } from '../analysis/aggregate.ts';
import { GLOSSARY } from '../analysis/glossary.ts';

/** How a KPI is shown to a person: counts as is, seconds as minutes, shares as percent. */
export type DisplayUnit = 'count' | 'minutes' | 'percent' | 'hours' | 'cny';

export interface KpiLabel {
  zh: string;
  en: string;
  unit: DisplayUnit;
}

/** The glossary's names (one source for the app, the CLI and the README), with the CLI's display unit. */
const label = (k: KpiName, unit: DisplayUnit): KpiLabel => ({ ...GLOSSARY[k].name, unit });

export const KPI_LABELS: Record<KpiName, KpiLabel> = {
  casesArrived: label('casesArrived', 'count'),
  casesClosed: label('casesClosed', 'count'),
  meanWaitS: label('meanWaitS', 'minutes'),
  p50WaitS: label('p50WaitS', 'minutes'),
  p90WaitS: label('p90WaitS', 'minutes'),
  p95WaitS: label('p95WaitS', 'minutes'),
  meanQueueWaitS: label('meanQueueWaitS', 'minutes'),
  p90QueueWaitS: label('p90QueueWaitS', 'minutes'),
  meanResponseS: label('meanResponseS', 'minutes'),
  p50ResponseS: label('p50ResponseS', 'minutes'),
  p90ResponseS: label('p90ResponseS', 'minutes'),
  p95ResponseS: label('p95ResponseS', 'minutes'),
  meanResolutionS: label('meanResolutionS', 'minutes'),
  p50ResolutionS: label('p50ResolutionS', 'minutes'),
  p90ResolutionS: label('p90ResolutionS', 'minutes'),
  p95ResolutionS: label('p95ResolutionS', 'minutes'),
  slaAttainment: label('slaAttainment', 'percent'),
  coverageIndex: label('coverageIndex', 'percent'),
  staffHours: label('staffHours', 'hours'),
  utilisation: label('utilisation', 'percent'),
  overtimeHours: label('overtimeHours', 'hours'),
  meanBacklog: label('meanBacklog', 'count'),
  costCny: label('costCny', 'cny'),
  casesOpenAfterDrain: label('casesOpenAfterDrain', 'count'),
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
