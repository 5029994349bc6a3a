import { describe, expect, it } from 'vitest';
import { cellCentre, cellOf, EARTH_RADIUS_M, toLonLat, toMetres } from './project.ts';

const g = { originLon: 121.45, originLat: 31.25, lat0: 31.22 };

describe('local equirectangular projection', () => {
  it('one degree of latitude is R·π/180 metres south; longitude shrinks by cos(lat0)', () => {
    expect(toMetres(g, 121.45, 30.25).y).toBeCloseTo((EARTH_RADIUS_M * Math.PI) / 180, 6);
    expect(toMetres(g, 121.46, 31.25).x).toBeCloseTo(
      ((EARTH_RADIUS_M * Math.PI) / 180) * 0.01 * Math.cos((31.22 * Math.PI) / 180),
      6,
    );
  });

  it('round-trips and puts a cell centre back in its own cell', () => {
    const p = toLonLat(g, 1234.5, 678.9);
    const m = toMetres(g, p.lon, p.lat);
    expect(m.x).toBeCloseTo(1234.5, 6);
    expect(m.y).toBeCloseTo(678.9, 6);
    for (const cell of [0, 7, 41, 99]) {
      const c = cellCentre(g, 10, 100, cell);
      expect(cellOf(g, 10, 10, 100, c.lon, c.lat)).toBe(cell);
    }
    expect(cellOf(g, 10, 10, 100, 121.44, 31.24)).toBe(-1);
  });
});
