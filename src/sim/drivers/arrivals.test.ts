/**
 * The arrivals driver's rule: each type's rates from its profile, one live
 * arrival per type, a redraw replaces (not adds) the pending arrival.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../scenario/schema.ts';
import { Simulation } from '../simulation.ts';
import { hourlyRates } from '../arrivals.ts';
import { worldInput } from '../policies/testWorld.ts';

function sim(ratePerDay: number): Simulation {
  const input = worldInput();
  input.eventTypes[0].ratePerDay = ratePerDay;
  input.eventTypes[0].discovery = { patrol: 0, citizen: 0, sensor: 1 };
  input.run = { days: 4, warmupHours: 0, seed: 1 };
  return new Simulation(Scenario.parse(input), 3);
}

describe('arrivals driver', () => {
  it('builds each type’s hourly rates from its profile (dry: rates = base)', () => {
    const s = sim(480);
    const et = s.sc.eventTypes[0];
    expect(Array.from(s.types[0].baseRates)).toEqual(Array.from(hourlyRates(et, s.hours, s.sc.run.startDayOfWeek)));
    expect(Array.from(s.types[0].rates)).toEqual(Array.from(s.types[0].baseRates));
  });

  it('cases arrive at the type’s rate; a type at rate zero has none', () => {
    const s = sim(480);
    s.runUntil(s.horizonS);
    // 4 days at 480 a day: 1,920 expected, sd ≈ 44
    expect(s.types[0].arrived).toBeGreaterThan(1920 - 5 * 44);
    expect(s.types[0].arrived).toBeLessThan(1920 + 5 * 44);
    expect(s.types[1].arrived).toBe(0);
  });

  it('a redraw replaces the pending arrival instead of adding one', () => {
    const s = sim(480);
    for (let i = 0; i < 50; i++) {
      s.runUntil(i * 3600);
      s.drivers.arrivals.redraw(0);
      s.drivers.arrivals.redraw(0);
    }
    s.runUntil(s.horizonS);
    expect(s.types[0].arrived).toBeLessThan(1920 + 5 * 44);
    expect(s.types[0].arrived).toBeGreaterThan(1920 - 5 * 44);
  });
});
