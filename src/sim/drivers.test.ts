import { describe, it, expect } from 'vitest';
import { runScenario } from './run.ts';
import { Simulation } from './simulation.ts';
import { Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { toyDistrict } from './fixtures.ts';
import { rainSeries, warningLevels, WARNING_LEVELS } from './weather.ts';

function stormy(): ScenarioInput {
  const input = toyDistrict();
  input.weather = {
    designStorm: { startHour: 20, durationH: 6, totalMm: 160, peak: 0.4 },
    drainageMmPerH: 30,
    travelSlowdownPerMm: 0.02,
  };
  input.eventTypes.push({
    id: 'waterlogging',
    name: { zh: '道路积水', en: 'Waterlogging' },
    ratePerDay: 0,
    weights: { only: 'lowLying' },
    priority: 1,
    discovery: { patrol: 0, citizen: 0.5, sensor: 0.5 },
    skill: 'repair',
    handlingMin: { dist: 'lognormal', mean: 60, sd: 20 },
    responseDeadlineMin: 30,
    resolutionDeadlineMin: 180,
    rain: { excessCasesPerMm: 1.5 },
  });
  return input;
}

describe('rainstorm driver', () => {
  const sc = Scenario.parse(stormy());
  const r = runScenario(sc, { seed: 21, log: true });
  const rain = r.weather!.rainMmByHour;

  it('a design storm puts its total depth on the hours it covers', () => {
    expect(r.weather!.totalMm).toBeCloseTo(160, 6);
    rain.forEach((mm, h) => {
      if (h < 20 || h >= 26) expect(mm).toBe(0);
    });
    expect(r.weather!.peakMmPerH).toBeGreaterThan(30);
  });

  it('waterlogging appears only in low-lying cells and only while rain exceeds drainage', () => {
    const wl = r.log!.filter((c) => c.type === 'waterlogging');
    expect(wl.length).toBeGreaterThan(5);
    for (const c of wl) {
      const x = c.cell % 12,
        y = Math.floor(c.cell / 12);
      expect(x >= 6 && y >= 4).toBe(true); // the low-lying zone of the toy district
      expect(rain[Math.floor(c.occurredS / 3600)]).toBeGreaterThan(30);
    }
    // and the count grows with the excess: expected = 1.5 x sum of excess mm
    const expected = rain.reduce((s, mm) => s + 1.5 * Math.max(0, mm - 30), 0);
    expect(Math.abs(wl.length - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('travel is slower while it rains', () => {
    const sim = new Simulation(sc, 1);
    const from = 0,
      to = 12 * 8 - 1;
    sim.now = 10 * 3600;
    const dry = sim.travelS(from, to, 4);
    const wettest = rain.indexOf(Math.max(...rain));
    sim.now = wettest * 3600 + 60;
    const wet = sim.travelS(from, to, 4);
    expect(wet / dry).toBeCloseTo(1 + 0.02 * rain[wettest], 9);
  });

  it("rain scales other cases' rates by their own factor", () => {
    const input = stormy();
    input.eventTypes[2].rain = { ratePerMm: -0.05 }; // street vendors leave in rain
    const dryRun = runScenario(Scenario.parse(toyDistrict()), { seed: 21, log: true });
    const wetRun = runScenario(Scenario.parse(input), { seed: 21, log: true });
    const inStorm = (log: typeof dryRun.log) =>
      log!.filter((c) => c.type === 'vending' && c.occurredS >= 21 * 3600 && c.occurredS < 25 * 3600).length;
    expect(inStorm(wetRun.log)).toBeLessThan(inStorm(dryRun.log));
  });

  it('warning levels follow the 3/6/12-hour rules', () => {
    const series = new Float64Array(50);
    series.set([10, 10, 10, 10, 10, 10], 0); // 60 mm in 6 h: yellow
    series.set([40, 40, 40], 40); // 120 mm in 3 h: red
    const lv = Array.from(warningLevels(series), (l) => WARNING_LEVELS[l]);
    expect(lv[2]).toBe('yellow');
    expect(lv[20]).toBe('none');
    expect(lv[41]).toBe('red');
    expect(lv[38]).toBe('yellow'); // ahead of the downpour: 50 mm within the coming 6 h
    expect(lv[39]).toBe('orange');
    expect(lv[30]).toBe('blue');
    expect(rainSeries(Scenario.parse(toyDistrict()), 24).every((x) => x === 0)).toBe(true);
  });
});

function metro(opts: { lanes?: number; surge?: number } = {}): ScenarioInput {
  const input = toyDistrict();
  input.city.stations = [
    { id: 'big', name: { zh: '人民广场', en: "People's Square" }, x: 7, y: 2, dailyRidership: 60000 },
    { id: 'small', name: { zh: '华夏中路', en: 'Huaxia Middle Rd' }, x: 2, y: 6, dailyRidership: 200 },
  ];
  const curve = [0, 0, 0, 0, 0, 0.6, 2, 6, 9, 5, 3, 2.5, 2.5, 2.5, 2.5, 3, 4, 7, 8, 4, 2.5, 2, 1, 0.5];
  input.metro = {
    curve,
    securityServiceS: 4,
    crowdThreshold: 150,
    incidentCooldownMin: 10,
    surges: opts.surge ? [{ station: 'big', startHour: 20, durationH: 2, extraPassengers: opts.surge }] : [],
  };
  input.teams.push(
    {
      id: 'security',
      name: { zh: '安检', en: 'Security' },
      skills: ['security'],
      placement: 'pooled',
      station: 'big',
      role: 'securityLanes',
      patrol: false,
      shifts: [{ start: '05:00', end: '24:00', staff: opts.lanes ?? 8 }],
    },
    {
      id: 'security-small',
      name: { zh: '安检', en: 'Security' },
      skills: ['security'],
      placement: 'pooled',
      station: 'small',
      role: 'securityLanes',
      patrol: false,
      shifts: [{ start: '05:00', end: '24:00', staff: 1 }],
    },
    {
      id: 'marshal',
      name: { zh: '疏导员', en: 'Marshals' },
      skills: ['crowd'],
      placement: 'pooled',
      station: 'big',
      patrol: false,
      shifts: [{ start: '06:00', end: '23:00', staff: 3 }],
    },
  );
  input.eventTypes.push({
    id: 'crowd',
    name: { zh: '客流拥挤', en: 'Crowding' },
    ratePerDay: 0,
    crowdIncident: true,
    priority: 1,
    skill: 'crowd',
    handlingMin: { dist: 'fixed', value: 20 },
    responseDeadlineMin: 10,
    resolutionDeadlineMin: 45,
  });
  input.run = { days: 3, warmupHours: 0, seed: 3 };
  return input;
}

describe('metro crowd driver', () => {
  const sc = Scenario.parse(metro());
  const r = runScenario(sc, { seed: 31, log: true });
  const big = r.stations.find((s) => s.id === 'big')!;
  const small = r.stations.find((s) => s.id === 'small')!;
  const curve = sc.metro!.curve;
  const curveSum = curve.reduce((a, b) => a + b, 0);

  it('passengers per day sum to the daily ridership within sampling error', () => {
    const perDay = big.passengers / 3;
    expect(Math.abs(big.passengers - 3 * 60000)).toBeLessThan(4 * Math.sqrt(3 * 60000));
    expect(perDay / (small.passengers / 3)).toBeGreaterThan(200);
  });

  it('hourly counts follow the curve (chi-square over the open hours, p = 0.001)', () => {
    let chi = 0,
      dof = -1;
    big.passengersByHour.forEach((perDay, h) => {
      const obs = perDay * 3,
        exp = (3 * 60000 * curve[h]) / curveSum;
      if (exp === 0) return expect(obs).toBe(0); // closed hours: nobody
      chi += (obs - exp) ** 2 / exp;
      dof++;
    });
    expect(dof).toBe(18);
    expect(chi).toBeLessThan(42.312); // chi-square(18) upper 0.1% point
  });

  it('the security wait grows at the peaks', () => {
    const w = big.meanWaitByHour;
    expect(w[8]!).toBeGreaterThan(5 * (w[12]! + 1));
    expect(w[18]!).toBeGreaterThan(5 * (w[12]! + 1));
    expect(big.meanQueueByHour[8]).toBeGreaterThan(big.meanQueueByHour[12]);
  });

  it('crowding raises incidents in the station cell or its neighbours, and only then', () => {
    const crowd = r.log!.filter((c) => c.type === 'crowd');
    expect(crowd.length).toBeGreaterThan(0);
    expect(big.crowdIncidents).toBe(crowd.length);
    for (const c of crowd) {
      expect(Math.abs((c.cell % 12) - 7)).toBeLessThanOrEqual(1);
      expect(Math.abs(Math.floor(c.cell / 12) - 2)).toBeLessThanOrEqual(1);
      expect(big.maxQueueByHour[Math.floor(c.occurredS / 3600) % 24]).toBeGreaterThanOrEqual(150);
    }
    expect(small.crowdIncidents).toBe(0);
  });

  it('more lanes cut the wait; a surge adds passengers in its hours', () => {
    const more = runScenario(Scenario.parse(metro({ lanes: 12 })), { seed: 31 }).stations[0];
    expect(more.meanWaitS!).toBeLessThan(big.meanWaitS! / 2);
    const surged = runScenario(Scenario.parse(metro({ surge: 20000 })), { seed: 31 }).stations[0];
    // day one, 20:00-22:00 only
    expect(surged.passengers - big.passengers).toBeGreaterThan(20000 - 4 * Math.sqrt(20000));
    expect(surged.passengers - big.passengers).toBeLessThan(20000 + 4 * Math.sqrt(20000 + (2 * big.passengers) / 72));
  });
});
