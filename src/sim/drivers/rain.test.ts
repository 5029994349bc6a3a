/**
 * The rain driver's rule: each rate it touches, by its own factor and default.
 */
import { describe, expect, it } from 'vitest';
import { Scenario, WEATHER_DEFAULTS } from '../../scenario/schema.ts';
import { Simulation } from '../simulation.ts';
import { worldInput } from '../policies/testWorld.ts';

const MM = [0, 10, 40, 0];

function wet(weather = true, rain = { ratePerMm: 0.05, handlingPerMm: 0.02, excessCasesPerMm: 2 }) {
  const input = worldInput();
  input.eventTypes[0].ratePerDay = 240; // 10 an hour
  input.eventTypes[0].rain = rain;
  if (weather) input.weather = { rainMmPerH: MM, drainageMmPerH: 30, travelSlowdownPerMm: 0.03 };
  return new Simulation(Scenario.parse(input), 1);
}

describe('rain driver', () => {
  it('writes the series and scales arrivals: base x (1 + ratePerMm x mm) + excessCasesPerMm x (mm - drainage)⁺', () => {
    const sim = wet();
    const t = sim.types[0];
    expect(Array.from(sim.rain.subarray(0, 4))).toEqual(MM);
    expect(t.baseRates[1]).toBeCloseTo(10, 12);
    expect(t.rates[0]).toBeCloseTo(10, 12);
    expect(t.rates[1]).toBeCloseTo(10 * 1.5, 12);
    expect(t.rates[2]).toBeCloseTo(10 * 3 + 2 * 10, 12);
  });

  it('slows travel by its own factor and handling by the type’s own factor', () => {
    const sim = wet();
    expect(Array.from(sim.travelFactor.subarray(0, 3))).toEqual([1, 1 + 0.03 * 10, 1 + 0.03 * 40]);
    expect(Array.from(sim.types[0].handlingFactor.subarray(0, 3))).toEqual([1, 1 + 0.02 * 10, 1 + 0.02 * 40]);
    // a type without rain factors: its handling and rate untouched by rain
    expect(sim.types[1].handlingFactor[2]).toBe(1);
  });

  it('rain never shortens handling or travel', () => {
    const sim = wet();
    for (let h = 0; h < sim.rain.length; h++) {
      expect(sim.travelFactor[h]).toBeGreaterThanOrEqual(1);
      expect(sim.types[0].handlingFactor[h]).toBeGreaterThanOrEqual(1);
    }
  });

  it('a storm injected into a dry scenario uses the schema’s defaults (travel slowdown, drainage)', () => {
    const sim = wet(false);
    expect(sim.travelFactor[2]).toBe(1);
    sim.setRain(0, [0, 10, 50]);
    const d = WEATHER_DEFAULTS;
    expect(sim.travelFactor[1]).toBe(1 + d.travelSlowdownPerMm * 10);
    expect(sim.travelFactor[2]).toBe(1 + d.travelSlowdownPerMm * 50);
    expect(sim.types[0].rates[2]).toBeCloseTo(10 * (1 + 0.05 * 50) + 2 * (50 - d.drainageMmPerH), 12);
  });

  it('setRain from an hour on changes only that hour and later, and redraws the pending arrivals', () => {
    const sim = wet();
    sim.runUntil(3600);
    const tokens = sim.types.map((t) => t.arrivalToken);
    sim.setRain(2, [5]);
    expect(Array.from(sim.rain.subarray(0, 4))).toEqual([0, 10, 5, 0]);
    expect(sim.travelFactor[1]).toBe(1 + 0.03 * 10);
    expect(sim.types.map((t) => t.arrivalToken)).toEqual(tokens.map((x) => x + 1));
  });
});
