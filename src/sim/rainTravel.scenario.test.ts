/**
 * rainstorm-red-night, on the real scenario file: rain slows travel by the
 * scenario's factor. (Moved here from src/scenario/scenarios.test.ts: it
 * sets the engine's clock and asks for a travel time, which only the
 * engine's own tests may do; test/floors.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { loadBuiltin } from '../../scripts/goldens.ts';

const H = 3600;

describe('rainstorm-red-night', () => {
  it('rain slows travel by the scenario factor', () => {
    const sc = loadBuiltin('rainstorm-red-night');
    const sim = new Simulation(sc, 1);
    const rain = Array.from(sim.rain);
    // two dry cells far apart (the top row and the east edge are the river: no way into the middle of it)
    const from = 1 * sim.city.cols,
      to = sim.city.nCells - 4;
    sim.now = 14 * H;
    const dryS = sim.travelS(from, to, 4);
    const wettest = rain.indexOf(Math.max(...rain));
    sim.now = wettest * H + 60;
    expect(sim.travelS(from, to, 4) / dryS).toBeCloseTo(1 + sc.weather!.travelSlowdownPerMm * rain[wettest], 9);
  });
});
