/**
 * Behaviour: rain changes three things, each by its own factor per mm/h,
 * and each factor has one default, the schema's:
 * - arrivals: an event type's rate x (1 + rain.ratePerMm x mm), never below 0
 *   (default ratePerMm: the schema's, 0);
 * - travel (and patrol): time x (1 + weather.travelSlowdownPerMm x mm)
 *   (default: the schema's, 0.01 — also when the rain comes from a drill's
 *   storm inject on a scenario that had no weather at all);
 * - handling: time x (1 + rain.handlingPerMm x mm) (default: the schema's, 0);
 * plus waterlogging: rain above the drainage capacity (default: the
 * schema's, 36 mm/h) adds cases.
 *
 * Travel and handling are exact in the hand-built line city
 * (src/drill/handBuilt.ts: a trip of d cells takes 100 d s at 1 m/s).
 * Arrivals are a Poisson process, so their factor is checked on counts over
 * many hours (and exactly where the factor is 0 or 1).
 */
import { describe, it, expect } from 'vitest';
import { caseType, lineCity, playInjects, team, tripS } from '../drill/handBuilt.ts';
import { EventType, Scenario, Weather, type ScenarioInput } from '../scenario/schema.ts';
import { runScenario } from './run.ts';

const MM = 20;
/** The schema's defaults, read from the schema itself (what a scenario that leaves the field out gets). */
const DEFAULT_WEATHER = Weather.parse({});
const DEFAULT_RAIN_EFFECT = EventType.parse({ ...caseType('probe'), rain: {} }).rain!;

/** Five cells; one member living at cell 2; a 10-minute case type with the given rain effect. */
function fiveCells(rain?: ScenarioInput['eventTypes'][number]['rain'], weather?: ScenarioInput['weather']) {
  return lineCity(5, [caseType('job', { handlingMin: 10, rain })], [team('one')], weather ? { weather } : {});
}
const allDay = (mm: number) => Array.from({ length: 24 }, () => mm);
/** A case at cell 0 one hour in: the member travels two cells. */
const oneCase = [{ atMin: 60, type: 'job', x: 0 }];

describe('the schema holds the defaults', () => {
  it('travel slows by 0.01 per mm/h; rates and handling do not change; drainage takes 36 mm/h', () => {
    expect(DEFAULT_WEATHER.travelSlowdownPerMm).toBe(0.01);
    expect(DEFAULT_WEATHER.drainageMmPerH).toBe(36);
    expect(DEFAULT_RAIN_EFFECT).toEqual({ ratePerMm: 0, handlingPerMm: 0, excessCasesPerMm: 0 });
  });
});

describe('rain and travel', () => {
  it('dry: a trip of two cells takes 200 s', () => {
    const [r] = playInjects(fiveCells(), oneCase).records;
    expect(r.responseTravelS).toBe(tripS(2));
  });

  it('travel takes (1 + travelSlowdownPerMm x mm) times as long', () => {
    const [r] = playInjects(
      fiveCells(undefined, { rainMmPerH: allDay(MM), travelSlowdownPerMm: 0.03 }),
      oneCase,
    ).records;
    expect(r.responseTravelS).toBeCloseTo(tripS(2) * (1 + 0.03 * MM), 9);
  });

  it("a weather block without travelSlowdownPerMm gets the schema's default", () => {
    const [r] = playInjects(fiveCells(undefined, { rainMmPerH: allDay(MM) }), oneCase).records;
    expect(r.responseTravelS).toBeCloseTo(tripS(2) * (1 + DEFAULT_WEATHER.travelSlowdownPerMm * MM), 9);
  });

  it("rain set during the run (a drill's storm) on a scenario without weather slows travel by the schema's default", () => {
    const [r] = playInjects(fiveCells(), [{ atMin: 0, rainMmPerH: allDay(MM) }, ...oneCase]).records;
    expect(r.responseTravelS).toBeCloseTo(tripS(2) * (1 + DEFAULT_WEATHER.travelSlowdownPerMm * MM), 9);
  });

  it("rain set during the run uses the scenario's own factor when it has one", () => {
    const input = fiveCells(undefined, { travelSlowdownPerMm: 0.03 });
    const [r] = playInjects(input, [{ atMin: 0, rainMmPerH: allDay(MM) }, ...oneCase]).records;
    expect(r.responseTravelS).toBeCloseTo(tripS(2) * (1 + 0.03 * MM), 9);
  });

  it('travel is timed by the rain of the hour the trip starts in', () => {
    // rain only in hour 1: a trip at 00:30 is dry, one at 01:30 is wet
    const input = fiveCells(undefined, { rainMmPerH: [0, MM], travelSlowdownPerMm: 0.05 });
    const dry = playInjects(input, [{ atMin: 30, type: 'job', x: 0 }]).records[0];
    const wet = playInjects(input, [{ atMin: 90, type: 'job', x: 0 }]).records[0];
    expect(dry.responseTravelS).toBe(tripS(2));
    expect(wet.responseTravelS).toBeCloseTo(tripS(2) * (1 + 0.05 * MM), 9);
  });

  it('the travel factor leaves handling alone', () => {
    const [r] = playInjects(
      fiveCells(undefined, { rainMmPerH: allDay(MM), travelSlowdownPerMm: 0.05 }),
      oneCase,
    ).records;
    expect(r.handlingS).toBe(10 * 60);
  });
});

describe('rain and handling', () => {
  const noSlowdown = { rainMmPerH: allDay(MM), travelSlowdownPerMm: 0 };

  it('handling takes (1 + handlingPerMm x mm) times as long: 10 min at 20 mm/h and 0.05 per mm is 20 min', () => {
    const [r] = playInjects(fiveCells({ handlingPerMm: 0.05 }, noSlowdown), oneCase).records;
    expect(r.handlingS).toBeCloseTo(10 * 60 * (1 + 0.05 * MM), 9);
    expect(r.handledS - r.handlingStartS).toBeCloseTo(20 * 60, 9);
    // the handling factor leaves travel alone
    expect(r.responseTravelS).toBe(tripS(2));
  });

  it("handling keeps its dry length under the schema's default factor (a rain block without handlingPerMm, or none)", () => {
    for (const rain of [{ ratePerMm: 0.5 }, undefined]) {
      const [r] = playInjects(fiveCells(rain, noSlowdown), oneCase).records;
      expect(r.handlingS).toBe(10 * 60 * (1 + DEFAULT_RAIN_EFFECT.handlingPerMm * MM));
    }
  });

  it('rain set during the run lengthens handling too', () => {
    const [r] = playInjects(fiveCells({ handlingPerMm: 0.05 }, { travelSlowdownPerMm: 0 }), [
      { atMin: 0, rainMmPerH: allDay(MM) },
      ...oneCase,
    ]).records;
    expect(r.handlingS).toBeCloseTo(10 * 60 * (1 + 0.05 * MM), 9);
  });
});

/** A busy type over many days, rain in even hours only; returns the cases' occurrence times. */
function arrivals(rain: ScenarioInput['eventTypes'][number]['rain'], weather = true, days = 20): number[] {
  const input = lineCity(
    1,
    [caseType('job', { ratePerDay: 480, handlingMin: 0, rain })],
    [team('many', { shifts: [{ start: '00:00', end: '24:00', staff: 50 }] })],
    {
      run: { days, warmupHours: 0, seed: 5 },
      travel: { enabled: false },
      weather: weather
        ? { rainMmPerH: Array.from({ length: days * 24 }, (_, h) => (h % 2 === 0 ? 10 : 0)), travelSlowdownPerMm: 0.1 }
        : undefined,
    },
  );
  return runScenario(Scenario.parse(input), { seed: 5, log: true }).log!.map((c) => c.occurredS);
}
const wetDry = (times: number[]) => {
  const wet = times.filter((t) => Math.floor(t / 3600) % 2 === 0).length;
  return { wet, dry: times.length - wet };
};

describe('rain and arrivals', () => {
  it('the rate is multiplied by (1 + ratePerMm x mm): 0.05 per mm at 10 mm/h gives 1.5 times the cases', () => {
    const { wet, dry } = wetDry(arrivals({ ratePerMm: 0.05 }));
    // about 4,800 dry and 7,200 wet: the ratio's standard error is under 0.03
    expect(dry).toBeGreaterThan(4000);
    expect(wet / dry).toBeGreaterThan(1.4);
    expect(wet / dry).toBeLessThan(1.6);
  });

  it('a negative factor thins them (0.5 times), and never below zero', () => {
    const half = wetDry(arrivals({ ratePerMm: -0.05 }));
    expect(half.wet / half.dry).toBeGreaterThan(0.45);
    expect(half.wet / half.dry).toBeLessThan(0.55);
    const none = wetDry(arrivals({ ratePerMm: -0.5 }));
    expect(none.dry).toBeGreaterThan(4000);
    expect(none.wet).toBe(0);
  });

  it("under the schema's default (no ratePerMm, or no rain block) arrivals are exactly the dry ones, whatever travel and handling do", () => {
    expect(DEFAULT_RAIN_EFFECT.ratePerMm).toBe(0);
    const dry = arrivals(undefined, false, 3);
    expect(dry.length).toBeGreaterThan(1000);
    expect(arrivals({ handlingPerMm: 0.1 }, true, 3)).toEqual(dry);
    expect(arrivals(undefined, true, 3)).toEqual(dry);
  });
});

describe('waterlogging', () => {
  const flood = (mm: number, drainageMmPerH?: number) =>
    runScenario(
      Scenario.parse(
        lineCity(1, [caseType('water', { rain: { excessCasesPerMm: 2 } })], [team('one')], {
          run: { days: 1, warmupHours: 0, seed: 3 },
          weather: { rainMmPerH: allDay(mm), ...(drainageMmPerH ? { drainageMmPerH } : {}) },
        }),
      ),
      { seed: 3 },
    ).kpis.casesArrived;

  it("rain at or below the default drainage (the schema's 36 mm/h) floods nothing; above it, 2 cases an hour per mm over", () => {
    expect(flood(DEFAULT_WEATHER.drainageMmPerH)).toBe(0);
    // 10 mm over for 24 h at 2 cases per mm: 480 expected
    const n = flood(DEFAULT_WEATHER.drainageMmPerH + 10);
    expect(n).toBeGreaterThan(480 - 4 * Math.sqrt(480));
    expect(n).toBeLessThan(480 + 4 * Math.sqrt(480));
  });

  it('a drainage capacity given in the scenario moves the threshold', () => {
    expect(flood(40, 50)).toBe(0);
    expect(flood(40, 30)).toBeGreaterThan(0);
  });
});
