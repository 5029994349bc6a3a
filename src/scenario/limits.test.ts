/**
 * The format's upper bounds (limits.ts): each input of issue 10 that hung or
 * exhausted memory, as a small mutation of a built-in scenario, is refused by
 * parsing with a bilingual message at its JSON path; every built-in stays
 * valid, with room to spare.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenarioObject } from './load.ts';
import { formatErrors, type ScenarioError } from './messages.ts';
import { LIMITS, fileTooLargeMessage, formatBytes } from './limits.ts';
import { rosteredStaff } from './validate.ts';
import { isBilingual, type RawScenario } from './fixtures.ts';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const builtin = (name: string): RawScenario => JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8'));

function errorsOf(raw: RawScenario): ScenarioError[] {
  const r = parseScenarioObject(raw);
  return r.ok ? [] : r.errors;
}

function expectRefused(raw: RawScenario, path: string, code?: string): ScenarioError {
  const errors = errorsOf(raw);
  const e = errors.find((x) => x.path === path && (code === undefined || x.code === code));
  expect(e, `no ${code ?? 'error'} at ${path} in:\n${formatErrors(errors)}`).toBeDefined();
  expect(isBilingual(e!), JSON.stringify(e)).toBe(true);
  return e!;
}

describe('schema bounds refuse the inputs that hung or ran out of memory', () => {
  it('ratePerDay 1e9', () => {
    const s = builtin('baseline-weekday');
    s.eventTypes[0].ratePerDay = 1e9;
    const e = expectRefused(s, '$.eventTypes[0].ratePerDay', 'too_big');
    expect(e.en).toContain('10000000');
  });

  it('a profile weight of 1e308', () => {
    const s = builtin('baseline-weekday');
    s.eventTypes[1].profile![5] = 1e308;
    expectRefused(s, '$.eventTypes[1].profile[5]', 'too_big');
  });

  it('staff 1e9 on a shift', () => {
    const s = builtin('baseline-weekday');
    s.teams[1].shifts[0].staff = 1e9;
    expectRefused(s, '$.teams[1].shifts[0].staff', 'too_big');
  });

  it('1e5 staff in the baseline, as a per-grid shift of 2,100 (100,800 rostered)', () => {
    const s = builtin('baseline-weekday');
    expect(s.teams[0].placement).toBe('perGrid');
    s.teams[0].shifts[0].staff = 2100; // within the per-shift bound, × 48 grids
    const e = expectRefused(s, '$.teams[0].shifts', 'too_many_staff');
    expect(e.en).toContain('100,');
    expect(e.en).toContain('48 grids');
  });

  it('metro ridership 1e12', () => {
    const s = builtin('baseline-weekday');
    s.city.stations![0].dailyRidership = 1e12;
    expectRefused(s, '$.city.stations[0].dailyRidership', 'too_big');
    const t = builtin('peoples-square-surge');
    t.metro!.surges![0].extraPassengers = 1e12;
    expectRefused(t, '$.metro.surges[0].extraPassengers', 'too_big');
  });

  it('a 2000 × 2000 city at grid size 1: too many cells, reported alone', () => {
    const s = builtin('lianhu-grids');
    s.city.cols = 2000;
    s.city.rows = 2000;
    s.city.gridSize = 1;
    const errors = errorsOf(s);
    expect(errors.map((e) => e.code)).toEqual(['city_too_large']);
    expect(errors[0].path).toBe('$.city');
    expect(errors[0].en).toContain('4,000,000');
  });

  it('1000 × 1000 at grid size 1: within the cells, too many grids; the message names the smallest grid size that fits', () => {
    const s = builtin('lianhu-grids');
    s.city.cols = 1000;
    s.city.rows = 1000;
    s.city.gridSize = 1;
    s.city.zones = [];
    s.city.districts = [];
    const e = expectRefused(s, '$.city.gridSize', 'too_many_grids');
    expect(e.en).toContain('at least 5');
  });

  it('days 1e308 and an endless warm-up', () => {
    const s = builtin('validation-mmc');
    s.run!.days = 1e308;
    expectRefused(s, '$.run.days', 'too_big');
    const t = builtin('validation-mmc');
    t.run!.warmupHours = 1e12;
    expectRefused(t, '$.run.warmupHours', 'too_big');
  });

  it('a 200 MB note (here 10,001 characters: the bound is on the length) and too many notes', () => {
    const s = builtin('baseline-weekday');
    s.notes!.push('x'.repeat(LIMITS.noteChars + 1));
    const e = expectRefused(s, `$.notes[${s.notes!.length - 1}]`, 'too_big');
    expect(e.en).toContain('at most 10000 character');
    const t = builtin('baseline-weekday');
    t.notes = Array.from({ length: LIMITS.notes + 1 }, () => 'n');
    expectRefused(t, '$.notes', 'too_big');
  });

  it('names and ids are bounded too', () => {
    const s = builtin('baseline-weekday');
    s.name.en = 'n'.repeat(LIMITS.nameChars + 1);
    s.teams[0].id = 't'.repeat(LIMITS.nameChars + 1);
    expectRefused(s, '$.name.en', 'too_big');
    expectRefused(s, '$.teams[0].id', 'too_big');
  });

  it('rain, storms and surges stay within a run of the longest length', () => {
    const s = builtin('rainstorm-red-night');
    s.weather!.designStorm!.totalMm = 1e9;
    s.weather!.rainMmPerH = [1e6];
    expectRefused(s, '$.weather.designStorm.totalMm', 'too_big');
    expectRefused(s, '$.weather.rainMmPerH[0]', 'too_big');
    const t = builtin('peoples-square-surge');
    t.metro!.surges![0].durationH = 1e12;
    expectRefused(t, '$.metro.surges[0].durationH', 'too_big');
  });

  it('minutes are at most a year; tiny cells and absurd speeds are refused', () => {
    const s = builtin('baseline-weekday');
    s.eventTypes[0].handlingMin = { dist: 'exponential', mean: 1e12 };
    s.city.cellSizeM = 0.001;
    s.travel = { speedKmh: { walk: 4.5, ebike: 15, vehicle: 1e9 } };
    expectRefused(s, '$.eventTypes[0].handlingMin.mean', 'too_big');
    expectRefused(s, '$.city.cellSizeM', 'too_small');
    expectRefused(s, '$.travel.speedKmh.vehicle', 'too_big');
  });
});

describe('every built-in scenario is well within the bounds', () => {
  it.each([
    'baseline-weekday',
    'lianhu-grids',
    'night-incidents',
    'peoples-square-surge',
    'rainstorm-red-night',
    'validation-mmc',
  ])('%s', (name) => {
    const raw = builtin(name);
    const r = parseScenarioObject(raw);
    if (!r.ok) throw new Error(formatErrors(r.errors));
    const s = r.scenario;
    const cells = s.city.cols * s.city.rows;
    const grids = cells / s.city.gridSize ** 2;
    const staff = s.teams.reduce((n, t) => n + rosteredStaff(t, grids), 0);
    // a tenth of each bound at most: the bounds are not tight around today's files
    expect(cells).toBeLessThan(LIMITS.cells / 10);
    expect(grids).toBeLessThan(LIMITS.grids / 10);
    expect(staff).toBeLessThan(LIMITS.staffTotal / 10);
    expect(Math.max(...s.eventTypes.map((e) => e.ratePerDay))).toBeLessThan(LIMITS.ratePerDay / 10);
    expect(Math.max(0, ...s.notes.map((n) => n.length))).toBeLessThan(LIMITS.noteChars / 10);
    expect(readFileSync(`${dir}${name}.json`).length).toBeLessThan(LIMITS.fileBytes / 100);
  });

  it('lianhu-grids keeps its 1,615 grids and ~1,150 rostered staff', () => {
    const r = parseScenarioObject(builtin('lianhu-grids'));
    if (!r.ok) throw new Error(formatErrors(r.errors));
    const s = r.scenario;
    const grids = (s.city.cols / s.city.gridSize) * (s.city.rows / s.city.gridSize);
    expect(grids).toBe(1615);
    expect(s.teams.reduce((n, t) => n + rosteredStaff(t, grids), 0)).toBeGreaterThan(1000);
  });
});

describe('file sizes', () => {
  it('says how big the file is and the limit, in both languages', () => {
    const m = fileTooLargeMessage('big.json', 200e6);
    expect(m.zh).toContain('200 MB');
    expect(m.zh).toContain('20 MB');
    expect(m.en).toContain('"big.json" is 200 MB, over the 20 MB limit');
    expect(formatBytes(LIMITS.fileBytes)).toBe('20 MB');
    expect(formatBytes(1.5e9)).toBe('1.5 GB');
  });
});
