/**
 * Rivers in the engine: travel goes around water and crosses it at bridges (paths.ts); the members picked
 * for a case are the nearest by that distance, not as the crow flies.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../scenario/schema.ts';
import { Simulation } from './simulation.ts';
import { toyDistrict } from './fixtures.ts';

/** The 12 x 8 toy district with a river along row 4 from x = 0 to x = 9 (open at the east end), maybe a bridge at x = 2. */
function riverCity(bridge: boolean): Scenario {
  const base = toyDistrict();
  const zones = [...(base.city.zones ?? []), { x: 0, y: 4, w: 10, h: 1, landUse: 'water' as const }];
  if (bridge) zones.push({ x: 2, y: 4, w: 1, h: 1, bridge: true } as (typeof zones)[number]);
  return Scenario.parse({ ...base, city: { ...base.city, zones }, travel: { enabled: true, detourFactor: 1 } });
}

const cell = (x: number, y: number) => y * 12 + x;

describe('rivers and bridges', () => {
  it('crossing a river without a bridge costs the way around its end', () => {
    const sim = new Simulation(riverCity(false), 1);
    // (2, 3) to (2, 5): 2 cells as the crow flies; around the end at x = 10: 8 + 2 + 8 = 18
    expect(sim.city.cellDistance(cell(2, 3), cell(2, 5))).toBe(18);
    const speed = 5; // m/s
    expect(sim.travelS(cell(2, 3), cell(2, 5), speed)).toBeCloseTo((18 * 100) / speed, 9);
  });

  it('a bridge makes the far bank near', () => {
    const sim = new Simulation(riverCity(true), 1);
    expect(sim.city.cellDistance(cell(2, 3), cell(2, 5))).toBe(2);
    expect(sim.travelS(cell(2, 3), cell(2, 5), 5)).toBeCloseTo(200 / 5, 9);
  });

  it('where no water lies between two cells, nothing changes: the lattice distance', () => {
    const sim = new Simulation(riverCity(false), 1);
    expect(sim.city.cellDistance(cell(0, 0), cell(11, 3))).toBe(14);
    expect(sim.city.cellDistance(cell(0, 5), cell(11, 7))).toBe(13);
  });
});
