import { describe, expect, it } from 'vitest';
import type { CaseScore } from '../../drill/scoring.ts';
import { matchBaseline, verdictKey } from './scoreMetrics.ts';

const cs = (caseId: number, type: string, filedS: number): CaseScore => ({
  caseId,
  type,
  cell: 0,
  occurredS: filedS,
  priority: 1,
  filedS,
  dispatchedS: null,
  onSceneS: null,
  responseS: null,
  responseDueS: filedS + 600,
  onTime: null,
  late: false,
  inversions: 0,
  by: 'none',
});

describe("pairing the trainee's cases with the baseline's", () => {
  it('same ids when the timeline ran as the file says', () => {
    const m = matchBaseline([cs(1, 'a', 10), cs(2, 'b', 20)], [cs(1, 'a', 12), cs(2, 'c', 20)], false);
    expect([...m.keys()]).toEqual([1]);
  });
  it('by type and filing time when live injects shifted the ids', () => {
    const trainee = [cs(1, 'a', 10), cs(2, 'live', 15), cs(3, 'b', 20), cs(4, 'b', 30)];
    const base = [cs(1, 'a', 10), cs(2, 'b', 20), cs(3, 'b', 30), cs(4, 'b', 99)];
    const m = matchBaseline(trainee, base, true);
    expect([...m.entries()].map(([k, v]) => [k, v.caseId])).toEqual([
      [1, 1],
      [3, 2],
      [4, 3],
    ]);
  });
  it('verdict words', () => {
    expect([verdictKey(true), verdictKey(false), verdictKey(null)]).toEqual([
      'cases.onTimeYes',
      'cases.onTimeNo',
      'cases.onTimePending',
    ]);
  });
});
