import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { applyOverridesToText } from '../../analysis/overrides.ts';
import { encodeRuns } from '../../scenario/runs.ts';
import { parseScenario } from '../../scenario/load.ts';
import { choicesOfText, dividingGridSizes, formOverrides, intRange } from './choices.ts';

const text = readFileSync(new URL('../../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');

describe('experiment form choices', () => {
  const c = choicesOfText(text)!;

  it('reads teams, shifts and the grid sizes that divide the city', () => {
    expect(c.id).toBe('baseline-weekday');
    expect(c.gridSizes).toEqual(dividingGridSizes(40, 30));
    expect(dividingGridSizes(40, 30)).toEqual([1, 2, 5, 10]);
    const gw = c.teams.find((t) => t.id === 'grid-workers')!;
    expect(gw.perGrid).toBe(true);
    expect(gw.shifts[0]).toEqual({ index: 0, start: '08:00', end: '16:00', staff: 1 });
    expect(choicesOfText('{')).toBeNull();
  });

  it('turns a variant form into overrides the analysis layer applies', () => {
    const { overrides, bad } = formOverrides(
      { team: 'grid-workers', shift: 0, staff: '3', gridSize: '10', policy: 'nearest', shiftEnd: 'overtime' },
      c,
    );
    expect(bad).toEqual([]);
    expect(overrides).toEqual({
      'teams.grid-workers.shifts.0.staff': 3,
      'city.gridSize': 10,
      'dispatch.policy': 'nearest',
      'teams.grid-workers.shiftEnd': 'overtime',
    });
    const b = JSON.parse(applyOverridesToText(text, overrides));
    expect(b.city.gridSize).toBe(10);
    expect(b.teams[0].shifts[0].staff).toBe(3);
  });

  it('leaves unchanged fields out and flags bad numbers', () => {
    expect(
      formOverrides({ team: 'grid-workers', shift: 0, staff: '1', gridSize: '5', policy: '', shiftEnd: 'handover' }, c)
        .overrides,
    ).toEqual({});
    expect(
      formOverrides({ team: 'grid-workers', shift: 0, staff: '-1', gridSize: '', policy: '', shiftEnd: '' }, c).bad,
    ).toEqual(['staff']);
    expect(
      formOverrides({ team: 'grid-workers', shift: 0, staff: 'x', gridSize: '', policy: '', shiftEnd: '' }, c).bad,
    ).toEqual(['staff']);
  });

  it('merges an imported district to a grid count (city.mergeToGrids), and only a district', () => {
    const raw = JSON.parse(text);
    raw.city.gridSize = 1;
    raw.city.layout = {
      grids: Array.from({ length: 12 }, (_, g) => ({ code: `D${g}` })),
      grid: encodeRuns(Array.from({ length: 1200 }, (_, i) => ((i / 400) | 0) * 4 + (((i % 40) / 10) | 0))),
    };
    const districtText = JSON.stringify(raw);
    const d = choicesOfText(districtText)!;
    expect([d.ownGrids, d.mergeToGrids, c.ownGrids]).toEqual([12, null, null]);
    const form = { team: 'grid-workers', shift: 0, staff: '', gridSize: '', policy: '', shiftEnd: '' };
    const five = formOverrides({ ...form, mergeToGrids: '5' }, d);
    expect(five).toEqual({ overrides: { 'city.mergeToGrids': 5 }, bad: [] });
    const b = parseScenario(applyOverridesToText(districtText, five.overrides));
    expect(b.ok && b.scenario.city.mergeToGrids).toBe(5);
    expect(formOverrides({ ...form, mergeToGrids: '12' }, d).overrides).toEqual({}); // all its grids: unchanged
    expect(formOverrides({ ...form, mergeToGrids: '0' }, d).bad).toEqual(['mergeToGrids']);
    expect(formOverrides({ ...form, mergeToGrids: '5' }, c).bad).toEqual(['mergeToGrids']); // a k x k city
  });

  it('makes ranges', () => {
    expect(intRange(2, 10, 2)).toEqual([2, 4, 6, 8, 10]);
    expect(intRange(5, 1, 1)).toEqual([]);
    expect(intRange(0, 1000, 1).length).toBe(60);
  });
});

describe('nightStaff, said exactly', () => {
  it('the choices list every shift the one number sets, per grid where it is per grid', () => {
    const c = choicesOfText(text)!;
    expect(c.nightStaffHelp.en).toBe(
      'Sets the staff of these 5 shifts at once: Grid workers 00:00–08:00 (per grid), Night grid patrol 00:00–08:00, Sanitation crew 21:00–05:00+1, City-management enforcement 00:00–08:00, Municipal repair 22:00–06:00+1',
    );
    expect(c.nightStaffHelp.zh).toMatch(/^同时设定以下 5 个班次的人数：网格员 00:00–08:00（每网格）、/);
  });
});
