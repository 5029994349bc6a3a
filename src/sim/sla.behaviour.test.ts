/**
 * Behaviour: a case meets its SLA when someone is on scene within the
 * response deadline of filing AND it is closed within the resolution
 * deadline of occurring; "within" includes the deadline itself. A
 * grid-hour is covered when its attainment is at least the target
 * (reaching the target exactly counts).
 *
 * Hand-built (src/drill/handBuilt.ts): one cell, members at 1 m/s, so a
 * trip inside the cell takes exactly `intraCellM` seconds; handling is
 * fixed; the centre adds no delay.
 */
import { describe, it, expect } from 'vitest';
import { caseType, lineCity, playInjects, team } from '../drill/handBuilt.ts';

/** One case at minute 0 reached after `tripS` seconds and handled in 1 min; deadlines in minutes. */
function verdict(tripS: number, responseDeadlineMin: number, resolutionDeadlineMin: number) {
  const input = lineCity(
    1,
    [caseType('job', { handlingMin: 1, responseDeadlineMin, resolutionDeadlineMin })],
    [team('one')],
    {
      travel: { enabled: true, detourFactor: 1, intraCellM: tripS },
    },
  );
  const [r] = playInjects(input, [{ atMin: 0, type: 'job', x: 0 }]).records;
  return r;
}

describe('SLA verdict at the deadline', () => {
  it('on scene exactly at the response deadline (60 s of 1 min) is met; one second later is missed', () => {
    const at = verdict(60, 1, 100);
    expect(at.onSceneS - at.filedS).toBe(60);
    expect(at.slaMet).toBe(true);
    expect(verdict(61, 1, 100).slaMet).toBe(false);
  });

  it('closed exactly at the resolution deadline (60 s + 60 s of 2 min) is met; one second later is missed', () => {
    const at = verdict(60, 100, 2);
    expect(at.closedS - at.occurredS).toBe(120);
    expect(at.slaMet).toBe(true);
    expect(verdict(61, 100, 2).slaMet).toBe(false);
  });

  it('both deadlines must hold', () => {
    expect(verdict(61, 1, 100).slaMet).toBe(false);
    expect(verdict(30, 100, 1).slaMet).toBe(false);
    expect(verdict(30, 1, 100).slaMet).toBe(true);
  });
});

describe('coverage at the target', () => {
  // four cases in grid 0, hour 0: three met, one (30 s response deadline, 50 s trip) missed: attainment 0.75
  const run = (coverage: number) => {
    const input = lineCity(
      1,
      [caseType('ok', { handlingMin: 1 }), caseType('tight', { handlingMin: 1, responseDeadlineMin: 0.5 })],
      [team('four', { shifts: [{ start: '00:00', end: '24:00', staff: 4 }] })],
      { targets: { coverage } },
    );
    const { session } = playInjects(input, [
      { atMin: 0, type: 'ok', x: 0 },
      { atMin: 1, type: 'ok', x: 0 },
      { atMin: 2, type: 'ok', x: 0 },
      { atMin: 3, type: 'tight', x: 0 },
    ]);
    session.engine.runUntil(session.engine.horizonS);
    return session.engine.frame().result!;
  };

  it('attainment 0.75 against a target of 0.75 is covered; against 0.8 it is not', () => {
    const at = run(0.75);
    expect(at.kpis.slaAttainment).toBe(0.75);
    expect(at.coverage.attainment[0][0]).toBe(0.75);
    expect(at.kpis.coverageIndex).toBe(1);
    expect(run(0.8).kpis.coverageIndex).toBe(0);
  });
});
