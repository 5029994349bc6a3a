import { describe, expect, it } from 'vitest';
import {
  cellsPerGrid,
  codeWidthPx,
  defaultMapMode,
  frameZoom,
  labelLevel,
  markerPx,
  screenX,
  screenY,
  streetAnchors,
} from './mapView.ts';

describe('the 2D map view', () => {
  it('opens large cities in 2D: lianhu-grids (255 × 57 cells, 1,615 grids) yes, the baseline (48 × 36) no', () => {
    expect(defaultMapMode({ cols: 255, rows: 57, gridIds: new Array(1615).fill('g') })).toBe('2d');
    expect(defaultMapMode({ cols: 48, rows: 36, gridIds: new Array(48).fill('g') })).toBe('3d');
    expect(defaultMapMode({ cols: 20, rows: 20, gridIds: new Array(401).fill('g') })).toBe('2d');
  });

  it('frames the whole city and maps the centre of the canvas to the centre of the plan', () => {
    const z = frameZoom(255, 57, 1000, 600);
    expect(frameZoom(10, 10, 1000, 600) * 10).toBeLessThanOrEqual(600 - 2 * 44);
    expect(z * 255).toBeLessThanOrEqual(1000);
    expect(z * 255).toBeGreaterThan(900);
    const v = { cx: 127.5, cy: 28.5, zoom: z, width: 1000, height: 600 };
    expect(screenX(v, 127.5)).toBe(500);
    expect(screenY(v, 28.5)).toBe(300);
    expect(screenX(v, 0)).toBeCloseTo(500 - 127.5 * z);
  });

  it('markers are dots zoomed out and grow, bounded, zoomed in; labels switch from streets to grid codes', () => {
    expect(markerPx(1)).toBe(3);
    expect(markerPx(10)).toBeCloseTo(5.5);
    expect(markerPx(100)).toBe(14);
    expect(labelLevel(5, 9)).toBe('street');
    expect(labelLevel(30, 9)).toBe('grid');
    // a long code needs a wider grid
    expect(labelLevel(30, 9, codeWidthPx('31019900100101'))).toBe('street');
    expect(labelLevel(40, 9, codeWidthPx('31019900100101'))).toBe('grid');
  });

  it('puts a street label on one of its own grids, near their middle', () => {
    // 6 × 1 cells, grids of 1 cell: street 0 owns grids 0-2, street 1 grids 3-5
    const layout = {
      cols: 6,
      gridCentre: Int32Array.from([0, 1, 2, 3, 4, 5]),
      hierarchy: {
        district: { code: 'd', name: 'd' },
        streets: [
          { code: 'a', name: 'A' },
          { code: 'b', name: 'B' },
          { code: 'c', name: 'C' },
        ],
        communities: [],
        gridNames: [],
        gridStreet: Int16Array.from([0, 0, 0, 1, 1, 1]),
        gridCommunity: new Int32Array(6).fill(-1),
      },
    };
    const a = streetAnchors(layout);
    expect([a.x[0], a.y[0]]).toEqual([1.5, 0.5]);
    expect([a.x[1], a.y[1]]).toEqual([4.5, 0.5]);
    expect(Number.isNaN(a.x[2])).toBe(true);
    expect(cellsPerGrid({ cellGrid: Int32Array.from([0, 0, 1, -1]), gridIds: ['a', 'b'] })).toBe(1.5);
  });
});
