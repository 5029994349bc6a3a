/**
 * The built-in all-weather scenarios do what their notes claim, each shown
 * on the real scenario file (not a fixture):
 * - rainstorm-red-night: the warning reaches red; waterlogging only in
 *   low-lying cells and only in hours whose rain passes drainage; the storm
 *   hours are served worse than the same hours of the same day without the
 *   storm (same seed: common random numbers); that travel is slower in the
 *   rain is src/sim/rainTravel.scenario.test.ts (it sets the engine's clock);
 * - night-incidents: night hours are covered worse than day hours with the
 *   thin night roster, and better when night staff are added (same seed);
 *   citizens report less at night;
 * - peoples-square-surge: 220,000+ individual passengers at People's Square,
 *   hourly counts on the curve plus the surge, Huaxia Middle Road at ≈ 1/300,
 *   security waits up at the peaks and the surge, crowd incidents only at
 *   People's Square and only when its queue is long;
 * - lianhu-grids: 1,615 grids, staff on duty hour by hour as rostered;
 * - every scenario validates, and the CLI prints one JSON object for it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scenario } from './schema.ts';
import { runScenario } from '../sim/run.ts';
import type { CaseRecord, RunResult } from '../sim/result.ts';
import { City } from '../sim/city.ts';
import { parseTimeOfDay } from '../sim/roster.ts';
import { loadBuiltin, scenarioIds } from '../../scripts/goldens.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const H = 3600;
const hourOfDay = (s: number) => Math.floor(s / H) % 24;

/** Case-weighted SLA attainment and share of covered grid-hours over hours of day [from, to), from the coverage matrix. */
function coverageOver(r: RunResult, hours: number[]): { attainment: number; covered: number; cases: number } {
  const { attainment, cases, target } = r.coverage;
  let n = 0,
    met = 0,
    gridHours = 0,
    ok = 0;
  attainment.forEach((row, g) => {
    for (const h of hours) {
      const a = row[h];
      if (a === null) continue;
      n += cases[g][h];
      met += a * cases[g][h];
      gridHours++;
      if (a >= target) ok++;
    }
  });
  return { attainment: met / n, covered: ok / gridHours, cases: n };
}
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
const slaShare = (cases: CaseRecord[]) =>
  cases.filter((c) => c.slaMet === true).length / cases.filter((c) => c.slaMet !== null).length;

describe('rainstorm-red-night', () => {
  const sc = loadBuiltin('rainstorm-red-night');
  const city = new City(sc);
  const wet = runScenario(sc, { seed: 1, log: true });
  const dryScenario: Scenario = structuredClone(sc);
  delete dryScenario.weather;
  const dry = runScenario(dryScenario, { seed: 1, log: true });
  const rain = wet.weather!.rainMmByHour;
  const drainage = sc.weather!.drainageMmPerH;
  const stormStart = sc.weather!.designStorm!.startHour;
  const stormHours = rain.flatMap((mm, h) => (mm > 0 ? [h] : []));

  it('is a night storm of 150-180 mm whose warning reaches red', () => {
    expect(wet.weather!.totalMm).toBeGreaterThanOrEqual(150);
    expect(wet.weather!.totalMm).toBeLessThanOrEqual(180 + 1e-9);
    expect(stormHours[0]).toBe(21); // starts at 21:00 ...
    expect(stormHours.at(-1)).toBeLessThan(24 + 6); // ... and is over by 06:00
    const red = wet.weather!.warningByHour.flatMap((w, h) => (w === 'red' ? [h] : []));
    expect(red.length).toBeGreaterThan(0);
    for (const h of red) expect(h >= stormStart - 2 && h <= stormHours.at(-1)!).toBe(true);
    // red: 100 mm within 3 hours
    const r3 = Math.max(...rain.map((_, h) => (rain[h] ?? 0) + (rain[h + 1] ?? 0) + (rain[h + 2] ?? 0)));
    expect(r3).toBeGreaterThanOrEqual(100);
  });

  it('waterlogging appears only in low-lying cells, only in hours with rain above drainage, in proportion to the excess', () => {
    const wl = wet.log!.filter((c) => c.type === 'waterlogging');
    for (const c of wl) {
      expect(city.lowLying[c.cell], `cell ${c.cell}`).toBe(1);
      expect(rain[Math.floor(c.occurredS / H)]).toBeGreaterThan(drainage);
    }
    const expected = 2 * rain.reduce((s, mm) => s + Math.max(0, mm - drainage), 0);
    expect(expected).toBeGreaterThan(20);
    expect(Math.abs(wl.length - expected)).toBeLessThan(4 * Math.sqrt(expected));
    expect(dry.log!.filter((c) => c.type === 'waterlogging')).toHaveLength(0);
  });

  it('fallen trees rise and street vending falls in the rain', () => {
    const inStorm = (r: RunResult, type: string) =>
      r.log!.filter(
        (c) => c.type === type && c.occurredS >= stormHours[0] * H && c.occurredS < (stormHours.at(-1)! + 1) * H,
      ).length;
    expect(inStorm(wet, 'fallen-tree')).toBeGreaterThan(inStorm(dry, 'fallen-tree'));
    expect(inStorm(wet, 'street-vending')).toBeLessThan(inStorm(dry, 'street-vending'));
  });

  it('the storm hours are served worse than the same hours without the storm (common random numbers)', () => {
    expect(wet.kpis.slaAttainment!).toBeLessThan(dry.kpis.slaAttainment!);
    const span = (r: RunResult) => r.log!.filter((c) => c.occurredS >= 22 * H && c.occurredS < 26 * H);
    const wetCases = span(wet),
      dryCases = span(dry);
    expect(slaShare(wetCases)).toBeLessThan(slaShare(dryCases) - 0.2);
    // the routine cases themselves (same types both runs) wait longer to be reached
    const response = (cs: CaseRecord[]) => {
      const ok = cs.filter((c) => c.onSceneS >= 0 && c.type !== 'waterlogging' && c.type !== 'fallen-tree');
      return ok.reduce((s, c) => s + c.onSceneS - c.filedS, 0) / ok.length;
    };
    expect(response(wetCases)).toBeGreaterThan(1.3 * response(dryCases));
    // and the coverage matrix shows it: storm hours 22:00-02:00
    const stormCov = coverageOver(wet, [22, 23, 0, 1]),
      dryCov = coverageOver(dry, [22, 23, 0, 1]);
    expect(stormCov.covered).toBeLessThan(dryCov.covered - 0.2);
  });
});

describe('night-incidents', () => {
  const sc = loadBuiltin('night-incidents');
  const r = runScenario(sc, { seed: 1, log: true });
  const NIGHT = range(0, 6),
    DAY = range(9, 17);
  const isNightShift = (start: string) => {
    const m = parseTimeOfDay(start);
    return m >= 19 * 60 || m === 0;
  };

  it('the night roster is thin: fewer field staff on duty at night than by day', () => {
    const field = r.byTeam.filter((t) => sc.teams.find((x) => x.id === t.id)!.role === 'field');
    const onDuty = (h: number) => field.reduce((s, t) => s + t.onDutyByHour[h], 0);
    expect(onDuty(3)).toBeLessThan(0.5 * onDuty(11));
  });

  it('night incidents happen mostly at night', () => {
    for (const type of ['waste-gas', 'overloaded-truck', 'noise-nuisance', 'street-fight']) {
      const cs = r.log!.filter((c) => c.type === type);
      const night = cs.filter((c) => hourOfDay(c.occurredS) >= 20 || hourOfDay(c.occurredS) < 6);
      expect(night.length / cs.length, type).toBeGreaterThan(0.6);
    }
  });

  it('citizens report less at night', () => {
    const generic = new Set(
      sc.eventTypes
        .filter((e) => e.discovery.citizen > 0 && e.discovery.citizenReportByHour?.[3] === 0.25)
        .map((e) => e.id),
    );
    expect(generic.size).toBeGreaterThan(3);
    const share = (hours: number[]) => {
      const cs = r.log!.filter((c) => generic.has(c.type) && hours.includes(hourOfDay(c.occurredS)));
      return cs.filter((c) => c.channel === 'citizen').length / cs.length;
    };
    expect(share(NIGHT)).toBeLessThan(0.6 * share(DAY));
  });

  it('coverage at night (00-06) is worse than by day (09-17)', () => {
    const night = coverageOver(r, NIGHT),
      day = coverageOver(r, DAY);
    expect(night.cases).toBeGreaterThan(100);
    expect(night.attainment).toBeLessThan(day.attainment - 0.05);
    expect(night.covered).toBeLessThan(day.covered);
  });

  it('adding night staff improves night coverage (same seed: common random numbers)', () => {
    const more: Scenario = structuredClone(sc);
    for (const t of more.teams)
      if (t.role === 'field') for (const s of t.shifts) if (isNightShift(s.start)) s.staff *= 2;
    const r2 = runScenario(more, { seed: 1 });
    expect(r2.byType.map((t) => t.arrived)).toEqual(r.byType.map((t) => t.arrived));
    const before = coverageOver(r, NIGHT),
      after = coverageOver(r2, NIGHT);
    expect(after.attainment).toBeGreaterThan(before.attainment + 0.05);
    expect(after.covered).toBeGreaterThan(before.covered + 0.05);
    expect(r2.kpis.staffHours).toBeGreaterThan(r.kpis.staffHours);
  });
});

describe('peoples-square-surge', () => {
  const sc = loadBuiltin('peoples-square-surge');
  const r = runScenario(sc, { seed: 1, log: true });
  const metro = sc.metro!;
  const ps = r.stations.find((s) => s.id === 'peoples-square')!;
  const hx = r.stations.find((s) => s.id === 'huaxia-middle-road')!;
  const daily = sc.city.stations.find((s) => s.id === 'peoples-square')!.dailyRidership!;
  const surge = metro.surges.find((s) => s.station === 'peoples-square')!;
  const curveSum = metro.curve.reduce((a, b) => a + b, 0);
  /** Expected People's Square entries in hour h of the day: the curve plus the surge spread over its hours. */
  const expectedPs = (h: number) => {
    const overlap = Math.max(0, Math.min(h + 1, surge.startHour + surge.durationH) - Math.max(h, surge.startHour));
    return (daily * metro.curve[h]) / curveSum + (surge.extraPassengers * overlap) / surge.durationH;
  };

  it("puts at least 220,000 individual passengers through People's Square, within sampling error of ridership + surge", () => {
    expect(daily).toBe(220_000);
    expect(ps.passengers).toBeGreaterThanOrEqual(220_000);
    const mean = daily + surge.extraPassengers;
    expect(Math.abs(ps.passengers - mean)).toBeLessThan(4 * Math.sqrt(mean));
  });

  it('hourly counts follow the curve plus the surge (chi-square, p = 0.001)', () => {
    let chi = 0,
      open = 0;
    ps.passengersByHour.forEach((obs, h) => {
      const exp = expectedPs(h);
      if (exp === 0) return expect(obs, `closed hour ${h}`).toBe(0);
      chi += (obs - exp) ** 2 / exp;
      open++;
    });
    expect(open).toBe(18); // 05:00-23:00
    expect(chi).toBeLessThan(42.312); // chi-square(18) upper 0.1% point
  });

  it("Huaxia Middle Road carries about 1/300 of People's Square's ridership", () => {
    const exp = daily / 300;
    expect(Math.abs(hx.passengers - exp)).toBeLessThan(4 * Math.sqrt(exp));
    const psOutsideSurge = ps.passengersByHour.reduce((s, v, h) => s + (h >= 20 && h < 23 ? 0 : v), 0);
    const hxOutsideSurge = hx.passengersByHour.reduce((s, v, h) => s + (h >= 20 && h < 23 ? 0 : v), 0);
    expect(psOutsideSurge / hxOutsideSurge).toBeGreaterThan(250);
    expect(psOutsideSurge / hxOutsideSurge).toBeLessThan(360);
  });

  it('the security wait is far higher at the peaks and at the surge than at mid-day', () => {
    const w = ps.meanWaitByHour.map((x) => x ?? 0);
    const midday = Math.max(w[11], w[12], w[13], w[14]);
    expect(w[8]).toBeGreaterThan(5 * (midday + 1));
    const surgeWait = Math.max(w[20], w[21], w[22]);
    expect(surgeWait).toBeGreaterThan(5 * (midday + 1));
    expect(surgeWait).toBeGreaterThan(w[8]); // the concert is the worst hour of the day
    expect(Math.max(...ps.maxQueueByHour.slice(20, 23))).toBeGreaterThan(1000);
  });

  it("raises crowd incidents only at People's Square, only when its queue passes the threshold, mostly at the surge", () => {
    const crowd = r.log!.filter((c) => c.type === 'crowd-incident');
    expect(crowd.length).toBeGreaterThan(0);
    expect(ps.crowdIncidents).toBe(crowd.length);
    expect(hx.crowdIncidents).toBe(0);
    const st = sc.city.stations.find((s) => s.id === 'peoples-square')!;
    const cols = sc.city.cols;
    for (const c of crowd) {
      expect(Math.abs((c.cell % cols) - st.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(Math.floor(c.cell / cols) - st.y)).toBeLessThanOrEqual(1);
      expect(ps.maxQueueByHour[hourOfDay(c.occurredS)]).toBeGreaterThanOrEqual(metro.crowdThreshold);
    }
    const atSurge = crowd.filter(
      (c) => c.occurredS >= surge.startHour * H && c.occurredS < (surge.startHour + surge.durationH) * H,
    );
    expect(atSurge.length).toBeGreaterThan(crowd.length / 2);
    expect(crowd.filter((c) => hourOfDay(c.occurredS) >= 10 && hourOfDay(c.occurredS) < 16)).toHaveLength(0);
  });
});

describe('lianhu-grids', () => {
  const sc = loadBuiltin('lianhu-grids');
  const r = runScenario(sc, { seed: 1 });

  it('cuts the district into exactly 1,615 responsibility grids in 9 streets', () => {
    expect(new City(sc).nGrids).toBe(1615);
    expect(r.coverage.grids).toHaveLength(1615);
    expect(new Set(r.coverage.grids).size).toBe(1615);
    expect(sc.city.districts).toHaveLength(9);
  });

  it('has about 1,000 grid staff spread over the grids, on duty hour by hour as rostered', () => {
    const grid = sc.teams.find((t) => t.id === 'grid-staff')!;
    expect(grid.placement).toBe('spread');
    expect(grid.shifts.reduce((s, x) => s + x.staff, 0)).toBe(1000);
    for (const team of sc.teams) {
      const got = r.byTeam.find((t) => t.id === team.id)!.onDutyByHour;
      for (let h = 0; h < 24; h++) {
        // staff of every shift covering hour h (a shift past midnight also covers the small hours)
        let want = 0;
        for (const s of team.shifts) {
          const a = parseTimeOfDay(s.start) / 60,
            b = parseTimeOfDay(s.end) / 60;
          for (const off of [0, -24]) want += s.staff * Math.max(0, Math.min(h + 1, b + off) - Math.max(h, a + off));
        }
        expect(got[h], `${team.id} at ${h}:00`).toBeCloseTo(want, 6);
      }
    }
  });

  it('runs a full day without errors', () => {
    expect(r.kpis.casesArrived).toBeGreaterThan(1500);
    expect(r.kpis.casesClosed).toBeGreaterThan(0.8 * r.kpis.casesArrived);
    for (const v of Object.values(r.kpis)) if (v !== null) expect(Number.isFinite(v)).toBe(true);
    expect(r.kpis.slaAttainment).not.toBeNull();
  });
});

describe('every built-in scenario', () => {
  const ids = scenarioIds();

  it('includes the all-weather library', () => {
    expect(ids).toEqual(
      expect.arrayContaining([
        'baseline-weekday',
        'rainstorm-red-night',
        'night-incidents',
        'peoples-square-surge',
        'lianhu-grids',
        'validation-mmc',
      ]),
    );
  });

  it.each(ids)('%s validates', (id) => {
    expect(() => loadBuiltin(id)).not.toThrow();
  });

  // The CLI in a real process, for the two scenarios the benchmark plays (each spawn costs a couple of seconds).
  it.each(['peoples-square-surge', 'rainstorm-red-night'])(
    '`allweather run %s --json --seed 1` prints one JSON object with the in-process numbers',
    (id) => {
      const p = spawnSync(
        process.execPath,
        ['bin/allweather.mjs', 'run', `scenarios/${id}.json`, '--json', '--seed', '1'],
        { cwd: ROOT, encoding: 'utf8', timeout: 110_000 },
      );
      expect(p.status, p.stderr).toBe(0);
      const out = JSON.parse(p.stdout) as {
        manifest: { scenario: string; seed: number };
        summary: Record<string, { mean: number | null }>;
      };
      expect(out.manifest.scenario).toBe(id);
      expect(out.manifest.seed).toBe(1);
      const sc = loadBuiltin(id);
      const r = runScenario(sc, { seed: 1, days: sc.run.days });
      expect(out.summary.casesArrived.mean).toBe(r.kpis.casesArrived);
      expect(out.summary.slaAttainment.mean).toBe(r.kpis.slaAttainment);
    },
  );
});
