import { describe, expect, it } from 'vitest';
import { mmcScenario } from '../sim/fixtures.ts';
import { fakeRun } from './fakeRun.ts';
import { staffForServiceLevel } from './erlang.ts';
import { OverrideError } from './overrides.ts';
import { createInlineRunner } from './runner.ts';
import { coverageInHours, findStaffing, judge, lowerBound, parseShiftRef, shiftHours } from './staffing.ts';

describe('staffing helpers', () => {
  it('parses team.index, the last dot separating the index', () => {
    expect(parseShiftRef('night-patrol.0')).toEqual({ team: 'night-patrol', shift: 0 });
    expect(parseShiftRef('a.b.2')).toEqual({ team: 'a.b', shift: 2 });
    expect(() => parseShiftRef('night-patrol')).toThrow(OverrideError);
  });

  it('lists the hours a shift overlaps, from its start', () => {
    expect(shiftHours('08:00', '16:00')).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(shiftHours('21:00', '05:00+1')).toEqual([21, 22, 23, 0, 1, 2, 3, 4]);
    expect(shiftHours('13:00', '23:30')).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(shiftHours('00:00', '24:00')).toHaveLength(24);
  });

  it('gives the one-sided Student-t lower bound', () => {
    // [1, 2, 3]: mean 2, s = 1, t(0.95, 2) = 2.919986
    const b = lowerBound([1, 2, 3, null], 0.95);
    expect(b.n).toBe(3);
    expect(b.lower!).toBeCloseTo(2 - 2.919986 / Math.sqrt(3), 5);
    expect(lowerBound([0.7], 0.95)).toEqual({ mean: 0.7, lower: null, n: 1 });
  });

  it("judges coverage over the shift's hours only", () => {
    const r = fakeRun(1);
    let n = 0,
      ok = 0;
    for (let g = 0; g < 2; g++)
      for (const h of [8, 9]) {
        const a = r.coverage.attainment[g][h];
        if (a !== null) {
          n++;
          if (a >= 0.8) ok++;
        }
      }
    expect(coverageInHours(r, [8, 9])).toBe(ok / n);
    const j = judge([fakeRun(1), fakeRun(2), fakeRun(3)], [8, 9], 'coverage', 0, 0.95);
    expect(j.value.n).toBe(3);
    expect(j.feasible).toBe(j.value.lower! >= 0);
    const hourly = judge([fakeRun(1), fakeRun(2), fakeRun(3)], [8, 9], 'hourly', 0.99, 0.95);
    expect(hourly.feasible).toBe(false);
    expect([8, 9]).toContain(hourly.value.worstHour);
  });
});

describe('findStaffing on M/M/c (λ = 20/h, 6-minute service, no travel, one grid)', () => {
  const opts = { seed: 1, replications: 4, target: 0.9, criterion: 'coverage' as const };
  const shift = { team: 'servers', shift: 0 };

  it('finds the fewest staff whatever the starting count, and every count below it fails', async () => {
    for (const start of [3, 8]) {
      const plan = await findStaffing(createInlineRunner(), mmcScenario(20, 6, start, 2, 2), [shift], opts);
      const s = plan.shifts[0];
      expect(s.original).toBe(start);
      expect(s.feasible).toBe(true);
      expect(s.staff).toBe(4);
      expect(plan.overrides).toEqual({ 'teams.servers.shifts.0.staff': 4 });
      for (const e of s.evaluations) expect(e.feasible, `staff ${e.staff}`).toBe(e.staff >= 4);
      expect(s.evaluations.some((e) => e.staff === 3)).toBe(true); // the answer's neighbour was tried
      expect(s.hours).toHaveLength(24);
    }
  });

  it("puts Erlang C beside it, from the simulation's own arrivals and handling times", async () => {
    const plan = await findStaffing(createInlineRunner(), mmcScenario(20, 6, 4, 2, 2), [shift], opts);
    expect(plan.erlangLevel).toBe(0.8); // coverage criterion: the scenario's standard
    const hours = plan.shifts[0].erlang;
    expect(hours).toHaveLength(24);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(hours.map((h) => h.arrivalsPerHour))).toBeGreaterThan(18);
    expect(mean(hours.map((h) => h.arrivalsPerHour))).toBeLessThan(22);
    expect(hours[0].meanHandlingMin!).toBeGreaterThan(5.5);
    expect(hours[0].meanHandlingMin!).toBeLessThan(6.5);
    expect(hours[0].deadlineMin).toBe(10);
    // At the true rates Erlang C asks for 3 servers (80 % start within 10 min); the simulated figures agree.
    expect(staffForServiceLevel(20, 10, 1 / 6, 0.8)).toBe(3);
    expect(hours.filter((h) => h.erlangStaff === 3).length).toBeGreaterThanOrEqual(20);
    for (const h of hours) {
      expect(h.simStaff).toBeCloseTo(4, 9);
      expect(h.difference).toBeCloseTo(4 - h.erlangStaff, 9);
    }
  });

  it('reports when no count up to the maximum is enough, and keeps the original', async () => {
    const plan = await findStaffing(createInlineRunner(), mmcScenario(20, 6, 2, 1, 1), [shift], {
      ...opts,
      target: 1.01,
      maxStaff: 4,
    });
    expect(plan.shifts[0]).toMatchObject({ feasible: false, staff: null, original: 2 });
    expect(plan.overrides).toEqual({ 'teams.servers.shifts.0.staff': 2 });
  });

  it('rejects an unknown shift and fewer than 2 replications', async () => {
    await expect(
      findStaffing(createInlineRunner(), mmcScenario(20, 6, 3, 1, 1), [{ team: 'servers', shift: 5 }], opts),
    ).rejects.toThrow(OverrideError);
    await expect(
      findStaffing(createInlineRunner(), mmcScenario(20, 6, 3, 1, 1), [shift], { ...opts, replications: 1 }),
    ).rejects.toThrow(RangeError);
  });
});
