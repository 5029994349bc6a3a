/**
 * The surges driver's rule: a surge's passengers are added to the station's
 * rates over its span, each hour its overlap's share; mid-run from now.
 */
import { describe, expect, it } from 'vitest';
import { Scenario, type ScenarioInput } from '../../scenario/schema.ts';
import { Simulation } from '../simulation.ts';
import { worldInput } from '../policies/testWorld.ts';

function input(surges: { startHour: number; durationH: number; extraPassengers: number }[]): ScenarioInput {
  const i = worldInput();
  i.city.stations = [{ id: 'st', name: { zh: '站', en: 'st' }, x: 5, y: 1, dailyRidership: 2400 }];
  i.metro = { curve: Array(24).fill(1), surges: surges.map((s) => ({ station: 'st', ...s })) };
  return i;
}

describe('surges driver', () => {
  it('adds a planned surge’s passengers over its hours, pro rata', () => {
    const sim = new Simulation(Scenario.parse(input([{ startHour: 2.5, durationH: 2, extraPassengers: 1000 }])), 1);
    const r = sim.stations[0].rates;
    expect(r[1]).toBeCloseTo(100, 9);
    expect(r[2]).toBeCloseTo(100 + 250, 9);
    expect(r[3]).toBeCloseTo(100 + 500, 9);
    expect(r[4]).toBeCloseTo(100 + 250, 9);
    expect(r[5]).toBeCloseTo(100, 9);
  });

  it('a surge added mid-run starts now and re-draws the station’s pending arrival', () => {
    const sim = new Simulation(Scenario.parse(input([])), 1);
    sim.runUntil(3600 * 10);
    const token = sim.stations[0].arrivalToken;
    sim.addSurge(0, 3600, 600);
    expect(sim.stations[0].rates[9]).toBeCloseTo(100, 9);
    expect(sim.stations[0].rates[10]).toBeCloseTo(700, 9);
    expect(sim.stations[0].arrivalToken).toBe(token + 1);
  });
});
