/**
 * The trace driver's rule: with `run.arrivals: "trace"` the run's cases are exactly the trace's (type, time,
 * cell), in time order, none drawn by the arrivals driver; cases past the horizon are not replayed; without
 * the switch a trace is carried but changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { Scenario, type ScenarioInput } from '../../scenario/schema.ts';
import { validateScenario } from '../../scenario/validate.ts';
import { runScenario } from '../run.ts';
import { worldInput } from '../policies/testWorld.ts';

function input(): ScenarioInput {
  const x = worldInput();
  x.run = { days: 2, warmupHours: 0, seed: 1 };
  // a Poisson stream too, which a replay must silence
  x.eventTypes[0].ratePerDay = 200;
  return x;
}

// unsorted, two at the same instant, one past the 2-day horizon
const CASES: [number, number, number][] = [
  [0, 7200, 5],
  [3, 3600.5, 40],
  [4, 7200, 11],
  [0, 90_000, 0],
  [0, 200_000, 3],
];

describe('trace driver', () => {
  it('replays the trace’s cases at their times and cells, and nothing else', () => {
    const sc = Scenario.parse({ ...input(), run: { days: 2, seed: 1, arrivals: 'trace' }, trace: { cases: CASES } });
    // (the test world's team with skill b serves no type: that is its own point)
    expect(validateScenario(sc).filter((e) => e.code !== 'team_skill_unused')).toEqual([]);
    const r = runScenario(sc, { seed: 3, log: true });
    // in creation order (case ids), which is the replay's: by time, same-instant cases as the trace lists them
    const got = [...r.log!].sort((a, b) => a.id - b.id).map((c) => [c.type, c.occurredS, c.cell]);
    expect(got).toEqual([
      ['urgent', 3600.5, 40],
      ['one', 7200, 5],
      ['low', 7200, 11],
      ['one', 90_000, 0],
    ]);
    // the same replay twice: the same run
    expect(runScenario(sc, { seed: 3, log: true })).toEqual(r);
  });

  it('a carried trace without run.arrivals = "trace" changes nothing', () => {
    const plain = runScenario(Scenario.parse(input()), { seed: 3, log: true });
    const carried = runScenario(Scenario.parse({ ...input(), trace: { cases: CASES } }), { seed: 3, log: true });
    expect(carried).toEqual(plain);
    expect(plain.log!.length).toBeGreaterThan(300);
  });

  it('validation names a trace case of an unknown type or cell, and a replay without a trace', () => {
    const bad = Scenario.parse({
      ...input(),
      trace: {
        cases: [
          [9, 10, 0],
          [0, 10, 48],
        ],
      },
    });
    const codes = (s: Scenario) =>
      validateScenario(s)
        .filter((e) => e.code !== 'team_skill_unused')
        .map((e) => [e.path, e.code]);
    expect(codes(bad)).toEqual([
      ['$.trace.cases[0][0]', 'trace_unknown_type'],
      ['$.trace.cases[1][2]', 'trace_cell_outside'],
    ]);
    const none = Scenario.parse({ ...input(), run: { days: 2, arrivals: 'trace' } });
    expect(codes(none)).toEqual([['$.run.arrivals', 'trace_missing']]);
  });
});
