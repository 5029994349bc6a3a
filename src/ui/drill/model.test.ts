import { describe, expect, it } from 'vitest';
import { crewsFrom, fmtDuration, parseRainList, drillMinutes, staffCounts, cellXY } from './model.ts';
import type { CityLayout, Frame } from '../../sim/frame.ts';

const cand = (staff: number, d: number) => ({ staff, team: 't', distanceCells: d });

describe('drill console helpers', () => {
  it('crews are the nearest members taken crew-size at a time', () => {
    const c = [cand(4, 1), cand(9, 2), cand(2, 3), cand(7, 5), cand(1, 8)];
    expect(crewsFrom(c, 1).map((x) => x.map((m) => m.staff))).toEqual([[4], [9], [2], [7], [1]]);
    expect(crewsFrom(c, 2).map((x) => x.map((m) => m.staff))).toEqual([
      [4, 9],
      [2, 7],
    ]);
    expect(crewsFrom(c, 3, 6)).toHaveLength(1);
    expect(crewsFrom(c.slice(0, 1), 2)).toEqual([]);
    expect(crewsFrom(c, 1, 2)).toHaveLength(2);
  });

  it('durations read as mm:ss or h:mm:ss, with a sign', () => {
    expect(fmtDuration(0)).toBe('00:00');
    expect(fmtDuration(65.9)).toBe('01:05');
    expect(fmtDuration(3 * 3600)).toBe('3:00:00');
    expect(fmtDuration(-90)).toBe('-01:30');
    expect(fmtDuration(65, true)).toBe('0:01:05');
  });

  it('rain lists accept commas, spaces and Chinese separators', () => {
    expect(parseRainList('12, 60 80，40、0')).toEqual([12, 60, 80, 40, 0]);
    expect(parseRainList('')).toBeNull();
    expect(parseRainList('12, -3')).toBeNull();
    expect(parseRainList('a')).toBeNull();
  });

  it('drill minutes and cells', () => {
    expect(drillMinutes(72000 + 630, 72000)).toBe(10.5);
    expect(cellXY(23 * 40 + 27, 40)).toEqual({ x: 27, y: 23 });
  });

  it('staff are counted by team and state', () => {
    const layout = {
      teams: [{ id: 'a' }, { id: 'b' }],
      nStaff: 4,
      staffTeam: Int16Array.from([0, 0, 1, 1]),
    } as unknown as CityLayout;
    const frame = { staffState: Uint8Array.from([0, 4, 1, 3]) } as unknown as Frame;
    const c = staffCounts(layout, frame);
    expect(c.total).toEqual([1, 1, 0, 1, 1, 0]);
    expect(c.byTeam).toEqual([
      [1, 0, 0, 0, 1, 0],
      [0, 1, 0, 1, 0, 0],
    ]);
    expect(staffCounts(layout, null).total).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
