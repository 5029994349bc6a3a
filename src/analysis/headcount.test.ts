import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioObject } from '../scenario/load.ts';
import { encodeRuns } from '../scenario/runs.ts';
import type { Scenario } from '../scenario/schema.ts';
import { City } from '../sim/city.ts';
import { buildRoster } from '../sim/roster.ts';
import { runScenario } from '../sim/run.ts';
import { applyHoldHeadcount, gridCount, headcountChange, headcountOf, holdHeadcountPlan } from './headcount.ts';
import { applyOverridesParsed, OverrideError, type Overrides } from './overrides.ts';

const baselineText = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const baseline = () => JSON.parse(baselineText) as Record<string, unknown>;
const base = (parseScenario(baselineText) as { scenario: Scenario }).scenario;
const variant = (o: Overrides) => applyOverridesParsed(baseline(), o);

/**
 * Staff on duty per hour of day counted from the engine's own roster
 * (members and their shifts' times), independently of headcount.ts.
 */
function rosterByHour(sc: Scenario): number[] {
  const roster = buildRoster(sc, new City(sc));
  const minutes = new Float64Array(1440);
  for (const sh of roster.shifts) {
    const s = sh.startS / 60,
      e = s + sh.durationS / 60;
    for (let m = s; m < e; m++) minutes[m % 1440] += sh.members.length;
  }
  return Array.from({ length: 24 }, (_, h) => minutes.slice(h * 60, h * 60 + 60).reduce((a, b) => a + b, 0) / 60);
}

describe('headcountOf', () => {
  const h = headcountOf(base);

  it('counts per-grid staff times the grids, pooled and station staff as written', () => {
    expect(h.grids).toBe(48);
    const gw = h.byTeam.find((t) => t.id === 'grid-workers')!;
    expect(gw.peakOnDuty).toBe(48); // 1 per grid, 08-16 and 16-24
    expect(gw.staffHoursPerDay).toBe(48 * 16);
    const np = h.byTeam.find((t) => t.id === 'night-patrol')!;
    expect(np.staffHoursPerDay).toBe(14 * 8);
    // People's Square lanes: 12 (05-13) + 13 (13-23:30) + 14 (07-10) + 12 (16:30-20:30)
    expect(h.byTeam.find((t) => t.id === 'ps-security')!.staffHoursPerDay).toBe(12 * 8 + 13 * 10.5 + 14 * 3 + 12 * 4);
  });

  it('folds shifts across midnight into the start of the day, counts half hours as halves', () => {
    const san = headcountOf(base).byTeam.find((t) => t.id === 'sanitation')!;
    expect(san.staffHoursPerDay).toBe(8 * (12 + 14 + 6));
    expect(h.byHour[2]).toBe(0 + 14 + 6 + 5 + 5); // grid workers' night shift is 0; patrol, sanitation, enforcement, repair
    expect(h.byHour[23]).toBe(h.byHour[22] - (13 + 6 + 1) / 2 - 3); // lanes off at 23:30 (half the hour), marshals at 23:00
  });

  it('is what the engine rosters, hour by hour', () => {
    expect(h.byHour).toEqual(rosterByHour(base));
    expect(h.staffHoursPerDay).toBeCloseTo(
      h.byHour.reduce((s, x) => s + x, 0),
      9,
    );
    expect(h.peakOnDuty).toBeGreaterThanOrEqual(Math.max(...h.byHour));
  });
});

describe('headcountOf an imported district', () => {
  // the baseline's 48 grids of 6 x 6 cells as a district's own grids (city.layout, gridSize 1)
  const city = new City(base);
  const district = (extra: Record<string, unknown>) => {
    const raw = baseline() as { city: Record<string, unknown> };
    raw.city = {
      ...raw.city,
      gridSize: 1,
      layout: { grids: city.gridIds.map((code) => ({ code })), grid: encodeRuns([...city.cellGrid]) },
      ...extra,
    };
    const r = parseScenarioObject(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.scenario;
  };

  it.each([
    ['its own grids', {}, 48],
    ['merged to 20', { mergeToGrids: 20 }, 20],
    ['regrouped into 12 x 12 blocks', { gridSize: 12 }, 12],
  ])('counts per-grid staff in %s, as the engine rosters them', (_, extra, grids) => {
    const sc = district(extra);
    expect(gridCount(sc)).toBe(grids);
    expect(new City(sc).nGrids).toBe(grids);
    const h = headcountOf(sc);
    expect(h.grids).toBe(grids);
    expect(h.byHour).toEqual(rosterByHour(sc));
  });
});

describe('holdHeadcount', () => {
  it('without it, a grid-size change changes the headcount (per-grid staff are per grid)', () => {
    const v10 = variant({ 'city.gridSize': 10 }).scenario;
    const change = headcountChange(headcountOf(base), headcountOf(v10));
    expect(change).not.toBeNull();
    expect(change!.teams.map((t) => t.id)).toEqual(['grid-workers']);
    expect(headcountOf(v10).byTeam[0].peakOnDuty).toBe(12);
    expect(change!.message.zh).toContain('B 改变了在岗人数：峰值 122 → 86');
    expect(change!.message.en).toContain('B changes headcount: peak on duty 122 → 86');
  });

  for (const k of [10, 2]) {
    it(`keeps the staff on duty in every hour at grid size 5 → ${k} (by the engine's roster)`, () => {
      const { scenario: v } = variant({ 'city.gridSize': k, holdHeadcount: true });
      expect(gridCount(v)).toBe((40 / k) * (30 / k));
      expect(rosterByHour(v)).toEqual(rosterByHour(base));
      expect(headcountOf(v).byHour).toEqual(headcountOf(base).byHour);
      expect(headcountChange(headcountOf(base), headcountOf(v))).toBeNull();
    });
  }

  it('stays per grid when the total divides evenly (48 on 12 grids: 4 each)', () => {
    const { scenario: v, held } = variant({ 'city.gridSize': 10, holdHeadcount: true });
    const gw = v.teams.find((t) => t.id === 'grid-workers')!;
    expect(gw.placement).toBe('perGrid');
    expect(gw.shifts.map((s) => s.staff)).toEqual([4, 4, 0]);
    expect(held).toEqual([
      expect.objectContaining({
        id: 'grid-workers',
        placement: 'perGrid',
        totalsBase: [48, 48, 0],
        totalsHeld: [48, 48, 0],
      }),
    ]);
  });

  it('becomes spread with the exact total when it does not (48 on 300 grids), never rounding', () => {
    const { scenario: v } = variant({ 'city.gridSize': 2, holdHeadcount: true });
    const gw = v.teams.find((t) => t.id === 'grid-workers')!;
    expect(gw.placement).toBe('spread');
    expect(gw.shifts.map((s) => s.staff)).toEqual([48, 48, 0]);
    // 48 on 30 grids (k = 2 on a 12 x 10 city would do too): every grid gets 1 or 2, none is left out
    const small = applyHoldHeadcount(base, {
      ...structuredClone(base),
      city: { ...base.city, cols: 30, rows: 30, gridSize: 6 },
    });
    expect(small.plan[0]).toMatchObject({ placement: 'spread', staff: [48, 48, 0] });
  });

  it('a spread roster with a total that divides is member for member the per-grid one', () => {
    const perGrid = variant({ 'city.gridSize': 10, holdHeadcount: true }).scenario;
    const spread = structuredClone(perGrid);
    spread.teams[0].placement = 'spread';
    spread.teams[0].shifts.forEach((s) => {
      s.staff *= 12;
    });
    const a = buildRoster(perGrid, new City(perGrid)),
      b = buildRoster(spread, new City(spread));
    expect(Array.from(b.staffHome)).toEqual(Array.from(a.staffHome));
    expect(Array.from(b.staffShift)).toEqual(Array.from(a.staffShift));
  });

  it('applies after the other overrides, whatever their order', () => {
    const first = variant({ holdHeadcount: true, 'city.gridSize': 10 });
    const last = variant({ 'city.gridSize': 10, holdHeadcount: true });
    expect(first.raw).toEqual(last.raw);
  });

  it('an explicit staff path for a shift takes precedence (per grid of the variant); the others are held', () => {
    const { scenario: v, held } = variant({
      'city.gridSize': 10,
      'teams.grid-workers.shifts.0.staff': 2,
      holdHeadcount: true,
    });
    expect(v.teams[0].shifts.map((s) => s.staff)).toEqual([2, 4, 0]);
    expect(held[0].explicit).toEqual([0]);
    expect(held[0].totalsHeld).toEqual([24, 48, 0]);
    // at 300 grids the team turns spread: the explicit 2 per grid becomes 600 in total
    const v2 = variant({ 'city.gridSize': 2, 'teams.grid-workers.shifts.0.staff': 2, holdHeadcount: true }).scenario;
    expect(v2.teams[0]).toMatchObject({ placement: 'spread' });
    expect(v2.teams[0].shifts.map((s) => s.staff)).toEqual([600, 48, 0]);
  });

  it('reads staffScale and nightStaff in the base grids, so the headcount they ask for is held', () => {
    const night = variant({ nightStaff: 1, 'city.gridSize': 10, holdHeadcount: true }).scenario;
    expect(night.teams[0].shifts[2].staff).toBe(4); // 1 per grid of 48 = 48 on duty, = 4 per grid of 12
    const same = variant({ nightStaff: 1 }).scenario;
    expect(headcountOf(night).byHour).toEqual(headcountOf(same).byHour);
    const scaled = variant({ staffScale: 2, 'city.gridSize': 10, holdHeadcount: true }).scenario;
    expect(headcountOf(scaled).byHour).toEqual(headcountOf(variant({ staffScale: 2 }).scenario).byHour);
  });

  it('does nothing when false or when the grids do not change; rejects a non-boolean', () => {
    expect(variant({ 'city.gridSize': 10, holdHeadcount: false }).raw).toEqual(variant({ 'city.gridSize': 10 }).raw);
    expect(variant({ holdHeadcount: true }).held).toEqual([]);
    expect(holdHeadcountPlan(base, base)).toEqual([]);
    expect(() => variant({ holdHeadcount: 1 })).toThrow(OverrideError);
  });

  it('a run of the held variant puts the base headcount on duty, hour by hour (engine onDutyByHour)', () => {
    const { scenario: v } = variant({ 'city.gridSize': 2, holdHeadcount: true });
    const r = runScenario(v, { seed: 1, days: 1 });
    const engine = Array.from({ length: 24 }, (_, h) => r.byTeam.reduce((s, t) => s + t.onDutyByHour[h], 0));
    const want = headcountOf(base).byHour;
    engine.forEach((x, h) => expect(x).toBeCloseTo(want[h], 6));
    expect(r.byTeam.find((t) => t.id === 'grid-workers')!.onDutyByHour[9]).toBeCloseTo(48, 6);
  });
});
