/**
 * optimise (optimise.ts): on two independent M/M/c queues, where Erlang C
 * gives the exact fewest servers per team, the search returns that optimum
 * (or one above it), cheaper plans in its history fail the criterion, and
 * the plan is verified on seeds the search never used.
 */
import { describe, expect, it } from 'vitest';
import { Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { staffForServiceLevel } from './erlang.ts';
import { criterionOf, optimise, shiftVariables, VERIFY_SEED_OFFSET } from './optimise.ts';
import { createInlineRunner } from './runner.ts';

/** Two M/M/c queues side by side: `a` (λ 6/h, 30 min, T 5 min) and `b` (λ 10/h, 12 min, T 2 min); no travel, no centre delays. */
function twoQueues(staffA: number, staffB: number): ScenarioInput {
  const type = (id: string, perHour: number, meanMin: number, deadlineMin: number) => ({
    id,
    name: { zh: id, en: id },
    ratePerDay: perHour * 24,
    discovery: { patrol: 0, citizen: 0, sensor: 1 },
    skill: id,
    handlingMin: { dist: 'exponential' as const, mean: meanMin },
    responseDeadlineMin: deadlineMin,
    resolutionDeadlineMin: 100_000,
  });
  const team = (id: string, staff: number) => ({
    id: `team-${id}`,
    name: { zh: id, en: id },
    skills: [id],
    placement: 'pooled' as const,
    patrol: false,
    hourlyCostCny: 50,
    shifts: [{ start: '00:00', end: '24:00', staff }],
  });
  return {
    schemaVersion: 2,
    id: 'two-queues',
    name: { zh: '两个队列', en: 'Two queues' },
    run: { days: 6, warmupHours: 24, seed: 1 },
    city: { cols: 1, rows: 1, gridSize: 1 },
    eventTypes: [type('a', 6, 30, 5), type('b', 10, 12, 2)],
    teams: [team('a', staffA), team('b', staffB)],
    dispatch: { policy: 'nearest', order: 'fifo' },
    travel: { enabled: false },
  };
}

describe('optimise', () => {
  it('finds the Erlang C optimum per team (or one above) and verifies it on fresh seeds', async () => {
    const target = 0.75;
    const cA = staffForServiceLevel(6, 2, 5 / 60, target); // 5
    const cB = staffForServiceLevel(10, 5, 2 / 60, target); // 4
    expect([cA, cB]).toEqual([5, 4]);
    const text = JSON.stringify(twoQueues(9, 2)); // team a over-staffed, team b short: cuts and raises both needed
    const progress: string[] = [];
    const r = await optimise(createInlineRunner(), text, {
      seed: 11,
      replications: 4,
      criterion: 'types',
      target,
      confidence: 0.9,
      budgetEvaluations: 12,
      onProgress: (p) => progress.push(p.phase),
    });
    const plan = r.plan.overrides;
    expect(Object.keys(plan).sort()).toEqual(['teams.team-a.shifts.0.staff', 'teams.team-b.shifts.0.staff']);
    const a = plan['teams.team-a.shifts.0.staff'] as number,
      b = plan['teams.team-b.shifts.0.staff'] as number;
    expect(a === cA || a === cA + 1, `team a: ${a}, Erlang C ${cA}`).toBe(true);
    expect(b === cB || b === cB + 1, `team b: ${b}, Erlang C ${cB}`).toBe(true);
    expect(r.feasible).toBe(true);
    expect(r.costCny).toBe((a + b) * 24 * 50);
    expect(r.costCny).toBeLessThan(r.current.costCny);
    expect(r.current.feasible).toBe(false); // team b at 2 cannot keep up
    // every cheaper plan the search tried failed the criterion
    for (const h of r.history) if (h.costCny < r.costCny) expect(h.feasible).toBe(false);
    // below the optimum for either team is infeasible, whenever the search tried it
    for (const h of r.history) {
      if (h.staff['teams.team-a.shifts.0.staff'] < cA || h.staff['teams.team-b.shifts.0.staff'] < cB)
        expect(h.feasible).toBe(false);
    }
    // verification on seeds never used in the search, and it meets the criterion there too
    expect(r.verification.seeds.every((s) => !r.seeds.includes(s))).toBe(true);
    expect(r.verification.seeds[0]).toBe(11 + VERIFY_SEED_OFFSET);
    expect(r.verification.meets).toBe(true);
    expect(r.verification.criterion.lowerBound).toBeGreaterThanOrEqual(target);
    expect(r.evaluations).toBeLessThanOrEqual(12);
    expect(progress).toContain('verify');
  });

  it('stops at the evaluation budget and says when no plan met the criterion', async () => {
    const text = JSON.stringify(twoQueues(1, 1));
    const r = await optimise(createInlineRunner(), text, {
      seed: 1,
      replications: 2,
      days: 1,
      criterion: 'types',
      target: 0.99,
      budgetEvaluations: 3,
      maxStaff: { 'teams.team-b.shifts.0.staff': 2 },
    });
    expect(r.evaluations).toBe(3);
    expect(r.feasible).toBe(false);
    expect(r.verification.meets).toBe(false);
    expect(r.plan.overrides['teams.team-b.shifts.0.staff']).toBeLessThanOrEqual(2);
  });

  it('judges types by the worst event type and skips types with no decided case', () => {
    const sc = Scenario.parse(twoQueues(5, 4));
    const fake = (a: number, b: number) =>
      ({
        byType: [
          { slaMet: a, slaDecided: 100 },
          { slaMet: b, slaDecided: 100 },
        ],
      }) as never;
    const j = criterionOf(sc, [fake(90, 70), fake(92, 72), fake(91, 71)], 'types', 0.8, 0.95);
    expect(j.value.worst).toBe('b');
    expect(j.feasible).toBe(false);
    expect(j.value.mean).toBeCloseTo(0.71, 12);
    const none = criterionOf(
      sc,
      [fake(90, 0), fake(92, 0)].map(
        (r: { byType: { slaDecided: number }[] }) => ({ byType: [r.byType[0], { slaMet: 0, slaDecided: 0 }] }) as never,
      ),
      'types',
      0.8,
      0.95,
    );
    expect(none.value.worst).toBe('a');
    expect(none.feasible).toBe(true);
    // a type seen in one replication only has no bound: listed as unjudged, not failing the plan
    const rare = criterionOf(
      sc,
      [
        {
          byType: [
            { slaMet: 90, slaDecided: 100 },
            { slaMet: 0, slaDecided: 0 },
          ],
        } as never,
        {
          byType: [
            { slaMet: 91, slaDecided: 100 },
            { slaMet: 0, slaDecided: 1 },
          ],
        } as never,
      ],
      'types',
      0.8,
      0.95,
    );
    expect(rare.value.unjudged).toEqual(['b']);
    expect(rare.value.worst).toBe('a');
    expect(rare.feasible).toBe(true);
  });

  it('searches every case-handling team by default, costed per grid for perGrid teams', () => {
    const sc = Scenario.parse(twoQueues(5, 4));
    const vars = shiftVariables(sc);
    expect(vars.map((v) => v.path)).toEqual(['teams.team-a.shifts.0.staff', 'teams.team-b.shifts.0.staff']);
    expect(vars[0]).toMatchObject({ current: 5, min: 0, max: 15, multiplier: 1, durationH: 24 });
    expect(shiftVariables(sc, { teams: ['team-b'] }).map((v) => v.team)).toEqual(['team-b']);
    expect(() => shiftVariables(sc, { teams: ['nobody'] })).toThrow(/nobody/);
  });
});
