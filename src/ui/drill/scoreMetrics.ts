/** The overall figures of a drill score, in the order the panels and the report show them. */
import type { CaseScore, DrillScore } from '../../drill/scoring.ts';
import type { DrillKey } from './i18n/index.ts';

export type ScoreMetricKey = 'score' | 'onTimeShare' | 'late' | 'n' | 'dispatches' | 'inversions' | 'priorityShare';

export const SCORE_METRICS: readonly {
  key: ScoreMetricKey;
  label: DrillKey;
  share?: boolean;
  lowerIsBetter?: boolean;
}[] = [
  { key: 'score', label: 'metric.score' },
  { key: 'onTimeShare', label: 'metric.onTimeShare', share: true },
  { key: 'late', label: 'metric.late', lowerIsBetter: true },
  { key: 'n', label: 'metric.n' },
  { key: 'dispatches', label: 'metric.dispatches' },
  { key: 'inversions', label: 'metric.inversions', lowerIsBetter: true },
  { key: 'priorityShare', label: 'metric.priorityShare', share: true },
];

export function metricValue(s: DrillScore | null | undefined, key: ScoreMetricKey): number | null {
  if (!s) return null;
  const v = s[key];
  return v === undefined ? null : v;
}

/** The dictionary key of a case's response verdict. */
export function verdictKey(onTime: boolean | null): DrillKey {
  return onTime === null ? 'cases.onTimePending' : onTime ? 'cases.onTimeYes' : 'cases.onTimeNo';
}

/**
 * The baseline's case beside each of the trainee's. Both runs see the same
 * event stream, so a case has the same id in both, unless injects fired
 * live or the timeline was edited (`edited`): a case created live shifts
 * the ids of every later case. Then cases are paired by type and filing
 * time (to the second); those filed at different times (found on patrol by
 * someone elsewhere) stay unpaired.
 */
export function matchBaseline(
  trainee: readonly CaseScore[],
  baseline: readonly CaseScore[],
  edited: boolean,
): Map<number, CaseScore> {
  const out = new Map<number, CaseScore>();
  if (!edited) {
    const byId = new Map(baseline.map((c) => [c.caseId, c]));
    for (const c of trainee) {
      const b = byId.get(c.caseId);
      if (b && b.type === c.type) out.set(c.caseId, b);
    }
    return out;
  }
  const used = new Set<number>();
  for (const c of trainee) {
    if (c.filedS < 0) continue;
    let best: CaseScore | null = null;
    for (const b of baseline) {
      if (used.has(b.caseId) || b.type !== c.type || b.filedS < 0) continue;
      const d = Math.abs(b.filedS - c.filedS);
      if (d < 1 && (!best || d < Math.abs(best.filedS - c.filedS))) best = b;
    }
    if (best) {
      used.add(best.caseId);
      out.set(c.caseId, best);
    }
  }
  return out;
}
