import { describe, it, expect } from 'vitest';
import { runScenario } from './run.ts';
import { Scenario } from '../scenario/schema.ts';
import { toyDistrict } from './fixtures.ts';
import { parseTimeOfDay } from './roster.ts';

describe('shifts', () => {
  const sc = Scenario.parse(toyDistrict());
  const r = runScenario(sc, { seed: 3 });
  const nGrids = (12 / 4) * (8 / 4);

  it('staff on duty per hour equals the roster, across midnight', () => {
    const grid = r.byTeam.find((t) => t.id === 'grid')!;
    // 08-16: 2 per grid, 16-22: 1 per grid, 22-08+1: 1 per grid (on duty from 00:00 of day one too)
    const expected = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 16 ? 2 : 1) * nGrids);
    grid.onDutyByHour.forEach((v, h) => expect(v).toBeCloseTo(expected[h], 9));
    const repair = r.byTeam.find((t) => t.id === 'repair')!;
    repair.onDutyByHour.forEach((v, h) => expect(v).toBeCloseTo(h >= 7 && h < 19 ? 3 : 2, 9));
  });

  it('rostered staff-hours are the roster times the days; overtime is on top', () => {
    const rostered = (8 * 2 + 6 * 1 + 10 * 1) * nGrids * 2 + (12 * 3 + 12 * 2) * 2;
    const overtime = r.kpis.overtimeHours;
    expect(r.kpis.staffHours).toBeCloseTo(rostered + overtime, 6);
  });

  it('handover teams never work overtime; finish-as-overtime teams do (two busy days end some shifts mid-case)', () => {
    expect(r.byTeam.find((t) => t.id === 'repair')!.overtimeHours).toBe(0);
    // exact overtime on a hand-built case: roster.behaviour.test.ts
    expect(r.byTeam.find((t) => t.id === 'grid')!.overtimeHours).toBeGreaterThan(0);
  });

  it('cases open at the horizon are worked to their verdict; staff-hours stop at the horizon', () => {
    const withLog = runScenario(sc, { seed: 3, log: true });
    expect(withLog.log!.length).toBe(withLog.kpis.casesArrived);
    expect(withLog.log!.filter((c) => c.slaMet === null)).toEqual([]);
    const decided = withLog.byType.reduce((s, t) => s + t.slaDecided, 0);
    expect(decided).toBe(withLog.kpis.casesArrived);
    expect(withLog.log!.some((c) => c.closedS > 2 * 86400)).toBe(true); // some closed during the drain
  });

  it('parses times of day, next-day ends included', () => {
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('22:30')).toBe(22 * 60 + 30);
    expect(parseTimeOfDay('06:00+1')).toBe(1440 + 360);
    expect(parseTimeOfDay('24:00')).toBe(1440);
  });
});
