/**
 * Behaviour: staff are on duty from their shift's start to its end, exactly
 * (on at the start second, off at the end second), every day; a shift that
 * ends "HH:MM+1" runs across midnight, and at the run's start the members
 * of the night shift that began the evening before are already on duty.
 * At a shift's end a busy member finishes the case as overtime (paid to the
 * minute) or, for `handover` teams, hands it back to the queue. The
 * statistics start after the warm-up: earlier cases and staff-time do not
 * count.
 *
 * Observed through frames (snapshot.ts: each member's state, 0 = off duty)
 * at chosen clocks, and through run results.
 */
import { describe, it, expect } from 'vitest';
import { Scenario } from '../scenario/schema.ts';
import { Simulation } from './simulation.ts';
import { frameOf } from './snapshot.ts';
import { runScenario } from './run.ts';
import { caseType, lineCity, playInjects, team } from '../drill/handBuilt.ts';

const H = 3600;
/** Off duty, in a frame's staffState (frame.ts: 0 off, 1 idle, 2 patrol, 3 travelling, 4 on scene, 5 security lane). */
const OFF = 0;

/** Member 0: day shift 08:00–16:00; member 1: night shift 22:00–06:00+1; member 2: 08:30–16:15. */
function shifts(days = 2) {
  return Scenario.parse(
    lineCity(
      3,
      [caseType('job')],
      [
        team('day', { shifts: [{ start: '08:00', end: '16:00', staff: 1 }] }),
        team('night', { shifts: [{ start: '22:00', end: '06:00+1', staff: 1 }] }),
        team('odd', { shifts: [{ start: '08:30', end: '16:15', staff: 1 }] }),
      ],
      { run: { days, warmupHours: 0, seed: 1 } },
    ),
  );
}

/** Which members are on duty at each clock (one simulation, advanced clock by clock). */
function onDutyAt(clocksS: number[]): boolean[][] {
  const sim = new Simulation(shifts(), 1);
  return clocksS.map((t) => {
    sim.runUntil(t);
    return [...frameOf(sim).staffState].map((st) => st !== OFF);
  });
}

describe('shift boundaries', () => {
  it('a day shift is on from its start second to just before its end second', () => {
    const at = [8 * H - 1, 8 * H, 16 * H - 1, 16 * H, 32 * H - 1, 32 * H, 40 * H - 1, 40 * H];
    expect(onDutyAt(at).map((m) => m[0])).toEqual([false, true, true, false, false, true, true, false]);
  });

  it('a night shift crossing midnight is on at the run start, off at 06:00, on at 22:00, on through midnight', () => {
    const at = [0, 6 * H - 1, 6 * H, 22 * H - 1, 22 * H, 24 * H, 30 * H - 1, 30 * H];
    expect(onDutyAt(at).map((m) => m[1])).toEqual([true, true, false, false, true, true, true, false]);
  });

  it('minutes count: 08:30–16:15', () => {
    const at = [8.5 * H - 1, 8.5 * H, 16.25 * H - 1, 16.25 * H];
    expect(onDutyAt(at).map((m) => m[2])).toEqual([false, true, true, false]);
  });

  it('on-duty staff by hour of day and staff-hours follow the roster to the minute', () => {
    const r = runScenario(shifts(), { seed: 1 });
    const by = (id: string) => r.byTeam.find((t) => t.id === id)!.onDutyByHour;
    const day = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 16 ? 1 : 0));
    const night = Array.from({ length: 24 }, (_, h) => (h < 6 || h >= 22 ? 1 : 0));
    const odd = Array.from({ length: 24 }, (_, h) => (h === 8 ? 0.5 : h === 16 ? 0.25 : h > 8 && h < 16 ? 1 : 0));
    by('day').forEach((v, h) => expect(v).toBeCloseTo(day[h], 12));
    by('night').forEach((v, h) => expect(v).toBeCloseTo(night[h], 12));
    by('odd').forEach((v, h) => expect(v).toBeCloseTo(odd[h], 12));
    // two days: 8 h + 8 h + 7.75 h a day, no cases so no overtime
    expect(r.kpis.staffHours).toBeCloseTo(2 * (8 + 8 + 7.75), 9);
  });
});

describe('shift end with a case in hand', () => {
  // one member, shift 00:00–01:00; a 30-minute case at 00:50 at its own cell (50 s away)
  const late = (shiftEnd: 'overtime' | 'handover') =>
    lineCity(
      1,
      [caseType('job', { handlingMin: 30 })],
      [
        team('early', { shiftEnd, shifts: [{ start: '00:00', end: '01:00', staff: 1 }] }),
        team('late', { shifts: [{ start: '02:00', end: '03:00', staff: 1 }] }),
      ],
    );

  it('overtime: the member finishes the case; the 20 min 50 s past 01:00 are paid as overtime', () => {
    const { records, session } = playInjects(late('overtime'), [{ atMin: 50, type: 'job', x: 0 }]);
    expect(records[0].handledS).toBe(50 * 60 + 50 + 30 * 60);
    session.engine.runUntil(session.engine.horizonS);
    const result = session.engine.frame().result!;
    const early = result.byTeam.find((t) => t.id === 'early')!;
    expect(early.overtimeHours).toBeCloseTo((20 * 60 + 50) / 3600, 12);
    expect(early.staffHours).toBeCloseTo(1 + (20 * 60 + 50) / 3600, 12);
  });

  it('handover: at 01:00 the case goes back to the queue and the next shift (02:00) finishes it; no overtime', () => {
    const { records, session } = playInjects(late('handover'), [{ atMin: 50, type: 'job', x: 0 }]);
    // handled 9 min 10 s before 01:00; the remaining 20 min 50 s start after the 02:00 member's 50 s trip
    expect(records[0].handledS).toBe(2 * H + 50 + 20 * 60 + 50);
    expect(records[0].handlingS).toBe(30 * 60);
    session.engine.runUntil(session.engine.horizonS);
    expect(session.engine.frame().result!.kpis.overtimeHours).toBe(0);
  });
});

describe('warm-up', () => {
  const input = lineCity(
    1,
    [caseType('job', { ratePerDay: 96, handlingMin: 5 })],
    [team('one', { shifts: [{ start: '00:00', end: '24:00', staff: 3 }] })],
    { run: { days: 1, warmupHours: 6, seed: 4 }, travel: { enabled: false } },
  );
  const r = runScenario(Scenario.parse(input), { seed: 4, log: true });

  it('cases before the warm-up ends are not counted; every case after it is', () => {
    expect(r.log!.length).toBeGreaterThan(50);
    expect(r.log!.every((c) => c.occurredS >= 6 * H)).toBe(true);
    expect(r.kpis.casesArrived).toBe(r.log!.length);
    // the same run without a warm-up over the same 30 h: its cases from 06:00 on are these
    const all = runScenario(Scenario.parse({ ...input, run: { days: 1.25, warmupHours: 0, seed: 4 } }), {
      seed: 4,
      log: true,
    });
    const after = all.log!.filter((c) => c.occurredS >= 6 * H).map((c) => c.occurredS);
    expect(r.log!.map((c) => c.occurredS).sort((a, b) => a - b)).toEqual(after.sort((a, b) => a - b));
  });

  it('staff-hours count from the end of the warm-up: 3 members x 24 h', () => {
    expect(r.kpis.staffHours).toBeCloseTo(3 * 24, 9);
  });
});
