import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/result.ts';
import type { RunDiagnosis, StageName } from '../sim/stages.ts';
import { welchDifference } from './armCompare.ts';
import { attainmentByHour, difference } from './compare.ts';
import { diagnose } from './diagnose.ts';
import { compareDiagnoses, diagnosisReplications, limitRowKey } from './diagnosisCompare.ts';
import { fakeRun } from './fakeRun.ts';

const text = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const sc = (parseScenario(text) as { scenario: Scenario }).scenario;

type Group = RunDiagnosis['groups'][number];
const g = (stage: StageName, type: string, team: string | null, hour: number, n: number, grid = 0): Group => ({
  stage,
  type,
  team,
  hour,
  grid,
  n,
});

/** A run whose diagnosis has these late-case groups (decided = 100 + seed). */
function run(seed: number, groups: Group[]): RunResult {
  const r = fakeRun(seed);
  const late = groups.reduce((s, x) => s + x.n, 0);
  const stage = (n: StageName) => ({
    meanS: 60 * (1 + (seed % 3)) + (n === 'queue' ? late : 0),
    meanResponseS: 30,
    lateCases: groups.filter((x) => x.stage === n).reduce((s, x) => s + x.n, 0),
  });
  const diagnosis: RunDiagnosis = {
    decided: 100 + seed,
    late,
    stages: {
      discovery: stage('discovery'),
      centre: stage('centre'),
      queue: stage('queue'),
      travel: stage('travel'),
      handling: stage('handling'),
    },
    onTimeShareS: {},
    groups,
  };
  return { ...r, diagnosis };
}

// A: queue limits of exposed garbage at 09:00 for grid workers, travel of street vending at 21:00
const A = [1, 2, 3, 4].map((s) =>
  run(s, [
    g('queue', 'exposed-garbage', 'grid-workers', 9, 4 + (s % 2)),
    g('travel', 'street-vending', null, 21, 2 + s),
  ]),
);
// B on the same seeds: the queue limit halved, the travel limit the same, a new handling limit at 14:00
const B = [1, 2, 3, 4].map((s) =>
  run(s, [
    g('queue', 'exposed-garbage', 'grid-workers', 9, 2 + (s % 2)),
    g('travel', 'street-vending', null, 21, 2 + s),
    g('handling', 'shared-bikes', null, 14, s % 2),
  ]),
);
const side = (results: RunResult[]) => ({
  diagnosis: diagnose(sc, results),
  replications: diagnosisReplications(results),
});
const QUEUE = limitRowKey({ stage: 'queue', eventType: 'exposed-garbage', team: 'grid-workers' });
const TRAVEL = limitRowKey({ stage: 'travel', eventType: 'street-vending', team: null });
const HANDLING = limitRowKey({ stage: 'handling', eventType: 'shared-bikes', team: null });

describe('diagnosisReplications', () => {
  it("keeps each replication's late cases by stage, hour and limit, which average to the diagnosis", () => {
    const r = diagnosisReplications(A);
    const d = diagnose(sc, A);
    expect(r.seeds).toEqual([1, 2, 3, 4]);
    expect(r.late).toEqual([8, 8, 10, 10]);
    expect(r.decided).toEqual([101, 102, 103, 104]);
    expect(r.stageLate.queue).toEqual([5, 4, 5, 4]);
    expect(r.limits[QUEUE]).toEqual([5, 4, 5, 4]);
    expect(r.limits[TRAVEL]).toEqual([3, 4, 5, 6]);
    expect(r.lateByHour[9]).toEqual([5, 4, 5, 4]);
    expect(r.lateByHour[21]).toEqual([3, 4, 5, 6]);
    expect(r.lateByHour[0]).toEqual([0, 0, 0, 0]);
    expect(r.attainmentByHour[7]).toEqual(A.map((x) => attainmentByHour(x)[7]));
    // the means of the kept figures are the diagnosis's own numbers
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(r.late)).toBeCloseTo(d.late, 12);
    for (const l of d.limits) expect(mean(r.limits[limitRowKey(l)])).toBeCloseTo(l.lateCases, 12);
    for (let h = 0; h < 24; h++)
      expect(mean(r.lateByHour[h])).toBeCloseTo(
        d.limits.reduce((s, l) => s + l.byHour[h], 0),
        12,
      );
  });
});

describe('compareDiagnoses', () => {
  it('pairs replications on the same seeds: every row B − A with the paired interval', () => {
    const a = side(A),
      b = side(B);
    const c = compareDiagnoses(a, b);
    expect(c.method).toBe('paired');
    expect([c.nA, c.nB]).toEqual([4, 4]);
    expect(c.totals.late).toEqual(difference(a.replications.late, b.replications.late));
    expect(c.totals.late.diff.mean).toBeCloseTo(-2 + 0.5, 12); // −2 queue, +0.5 handling on average
    expect(c.stages.queue.late.diff).toEqual({ mean: -2, ci95: [-2, -2], n: 4 }); // exactly 2 fewer in every pair
    expect(c.stages.queue.late.significant).toBe(true);
    expect(c.stages.travel.late.diff.mean).toBe(0);
    expect(c.totals.lateShare.a.mean).toBeCloseTo((8 / 101 + 8 / 102 + 10 / 103 + 10 / 104) / 4, 12);
    // by hour: the change sits at 09:00 and 14:00; attainment by hour paired too
    expect(c.byHour.late[9].diff.mean).toBe(-2);
    expect(c.byHour.late[14].diff.mean).toBeCloseTo(0.5, 12);
    expect(c.byHour.late[21].diff).toEqual({ mean: 0, ci95: [0, 0], n: 4 });
    expect(c.byHour.attainment).toHaveLength(24);
    expect(c.byHour.attainment![7]).toEqual(
      difference(a.replications.attainmentByHour[7], b.replications.attainmentByHour[7]),
    );
    // causes: the union of both sides, the largest change first; a limit absent on one side counts 0 there
    expect(c.limits.map((l) => l.key)).toEqual([QUEUE, HANDLING, TRAVEL]);
    const handling = c.limits[1];
    expect(handling.a).toBeNull();
    expect(handling.b?.eventType).toBe('shared-bikes');
    expect(handling.late).toEqual(difference([0, 0, 0, 0], [1, 0, 1, 0]));
    expect(c.limits[0].late.diff.mean).toBe(-2);
  });

  it('treats other seeds as independent samples (Welch)', () => {
    const B2 = [11, 12, 13, 14].map((s) => run(s, [g('queue', 'exposed-garbage', 'grid-workers', 9, 2 + (s % 2))]));
    const a = side(A),
      b = side(B2);
    const c = compareDiagnoses(a, b);
    expect(c.method).toBe('welch');
    expect(c.totals.late).toEqual(welchDifference(a.replications.late, b.replications.late));
    expect(c.limits.find((l) => l.key === TRAVEL)!.late).toEqual(
      welchDifference(a.replications.limits[TRAVEL], [0, 0, 0, 0]),
    );
    expect(c.stages.queue.meanS).toEqual(
      welchDifference(a.replications.stageMeanS.queue, b.replications.stageMeanS.queue),
    );
  });

  it('without kept replications: differences of the means, no interval, no hourly attainment', () => {
    const a = { diagnosis: diagnose(sc, A) },
      b = side(B);
    const c = compareDiagnoses(a, b);
    expect(c.method).toBe('means');
    expect(c.totals.late.diff.mean).toBeCloseTo(b.diagnosis.late - a.diagnosis.late, 12);
    expect(c.totals.late.diff.ci95).toBeNull();
    expect(c.totals.late.significant).toBeNull();
    expect(c.limits[0].key).toBe(QUEUE);
    expect(c.limits[0].late.diff.mean).toBeCloseTo(-2, 12);
    expect(c.byHour.late[9].diff.mean).toBeCloseTo(-2, 12);
    expect(c.byHour.attainment).toBeNull();
    expect(c.stages.queue.meanS.diff.mean).toBeCloseTo(
      b.diagnosis.stages.queue.meanS! - a.diagnosis.stages.queue.meanS!,
      12,
    );
  });
});
