import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../scenario/load.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import {
  applyOverrides,
  applyOverridesParsed,
  applyOverridesToText,
  InvalidBaseScenarioError,
  OverrideError,
  normaliseOverridePath,
  parseAssignment,
  parseOverrideValue,
  shiftCovers,
} from './overrides.ts';

const baselineText = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
/** The baseline file as written (a scenario file's type: the overrides' results are files of the same kind). */
const baseline = () => JSON.parse(baselineText) as ScenarioInput;

function errorOf(f: () => unknown): OverrideError {
  try {
    f();
  } catch (e) {
    if (e instanceof OverrideError) return e;
    throw e;
  }
  throw new Error('expected an OverrideError');
}

describe('applyOverrides: paths', () => {
  it('addresses array elements by id and by index', () => {
    const v = applyOverrides(baseline(), {
      'teams.grid-workers.shifts.2.staff': 1,
      'teams.4.shifts.0.staff': 9,
    }) as ScenarioInput;
    expect(v.teams[0].id).toBe('grid-workers');
    expect(v.teams[0].shifts[2].staff).toBe(1);
    expect(v.teams[4].shifts[0].staff).toBe(9);
  });

  it('sets plain fields: grid size, policy, shift-end rule, event rate', () => {
    const v = applyOverrides(baseline(), {
      'city.gridSize': 10,
      'dispatch.policy': 'gridBound',
      'teams.sanitation.shiftEnd': 'handover',
      'eventTypes.exposed-garbage.ratePerDay': 300,
    }) as ScenarioInput;
    expect(v.city.gridSize).toBe(10);
    expect(v.dispatch?.policy).toBe('gridBound');
    expect(v.teams.find((t) => t.id === 'sanitation')?.shiftEnd).toBe('handover');
    expect(v.eventTypes.find((t) => t.id === 'exposed-garbage')?.ratePerDay).toBe(300);
  });

  it('creates a missing object on the way (a field left to its default)', () => {
    const raw = baseline();
    delete raw.dispatch;
    const { raw: v, scenario } = applyOverridesParsed(raw, { 'dispatch.order': 'fifo' });
    expect(v.dispatch).toEqual({ order: 'fifo' });
    expect(scenario.dispatch).toMatchObject({ order: 'fifo', policy: 'nearest' }); // the rest from defaults
  });

  it('never mutates its input and returns a new object', () => {
    const raw = baseline();
    const before = JSON.stringify(raw);
    const v = applyOverrides(raw, { 'teams.sanitation.shifts.0.staff': 20, staffScale: 2 });
    expect(JSON.stringify(raw)).toBe(before);
    expect(v).not.toBe(raw);
    expect((v as ScenarioInput).teams).not.toBe(raw.teams);
  });

  it('with no overrides gives the same scenario (same hash)', () => {
    expect(scenarioHash(applyOverrides(baseline(), {}))).toBe(scenarioHash(baselineText));
    expect(applyOverridesToText(baselineText, {})).toBe(baselineText);
  });

  it('applies overrides in order', () => {
    const v = applyOverrides(baseline(), { 'teams.sanitation.shifts.0.staff': 3, staffScale: 2 }) as ScenarioInput;
    expect(v.teams[2].shifts[0].staff).toBe(6);
    const w = applyOverrides(baseline(), { staffScale: 2, 'teams.sanitation.shifts.0.staff': 3 }) as ScenarioInput;
    expect(w.teams[2].shifts[0].staff).toBe(3);
  });

  it('works on a v1 file (paths are in the current format)', () => {
    const raw = baseline();
    const { gridSize, ...city } = raw.city;
    const v1 = { ...raw, schemaVersion: 1, city: { ...city, gridK: gridSize } };
    const v = applyOverrides(v1, { 'city.gridSize': 10 }) as ScenarioInput;
    expect(v.schemaVersion).toBe(2);
    expect(v.city.gridSize).toBe(10);
    expect((v.city as Record<string, unknown>).gridK).toBeUndefined();
  });
});

describe('applyOverrides: named conveniences', () => {
  it('staffScale multiplies every shift and rounds', () => {
    const raw = baseline();
    const v = applyOverrides(raw, { staffScale: 1.5 }) as ScenarioInput;
    raw.teams.forEach((t, i) =>
      t.shifts.forEach((s, j) => {
        expect(v.teams[i].shifts[j].staff).toBe(Math.round(s.staff * 1.5));
      }),
    );
  });

  it('nightStaff sets every shift on duty at 02:00, including ones across midnight', () => {
    const v = applyOverrides(baseline(), { nightStaff: 3 }) as ScenarioInput;
    const staff = (team: string, i: number) => v.teams.find((t) => t.id === team)?.shifts[i].staff;
    expect(staff('grid-workers', 2)).toBe(3); // 00:00–08:00, per grid
    expect(staff('night-patrol', 0)).toBe(3);
    expect(staff('sanitation', 2)).toBe(3); // 21:00–05:00+1
    expect(staff('municipal-repair', 2)).toBe(3); // 22:00–06:00+1
    expect(staff('sanitation', 0)).toBe(12); // 05:00–13:00 untouched
    expect(staff('ps-security', 0)).toBe(12);
  });

  it('shiftCovers handles plain, midnight-crossing and full-day shifts', () => {
    expect(shiftCovers('00:00', '08:00', 120)).toBe(true);
    expect(shiftCovers('21:00', '05:00+1', 120)).toBe(true);
    expect(shiftCovers('22:00', '02:00+1', 120)).toBe(false); // ends at 02:00
    expect(shiftCovers('02:00', '10:00', 120)).toBe(true);
    expect(shiftCovers('00:00', '24:00', 120)).toBe(true);
    expect(shiftCovers('08:00', '16:00', 120)).toBe(false);
  });
});

describe('applyOverrides: errors name the override, in Chinese and English', () => {
  it('an unknown id lists the choices', () => {
    const e = errorOf(() => applyOverrides(baseline(), { 'teams.nobody.shifts.0.staff': 1 }));
    expect(e.override).toBe('teams.nobody.shifts.0.staff=1');
    expect(e.message).toContain('teams.nobody.shifts.0.staff=1');
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(e.message).toContain('grid-workers');
    expect(e.errors[0].code).toBe('override_path');
  });

  it('an index out of range', () => {
    const e = errorOf(() => applyOverrides(baseline(), { 'teams.sanitation.shifts.7.staff': 1 }));
    expect(e.errors[0].code).toBe('override_path');
  });

  it('a value the schema rejects names its JSON path', () => {
    const e = errorOf(() => applyOverrides(baseline(), { 'teams.sanitation.shifts.0.staff': -1 }));
    expect(e.override).toBe('teams.sanitation.shifts.0.staff=-1');
    expect(e.errors[0].path).toBe('$.teams[2].shifts[0].staff');
  });

  it('a misspelt key gets the schema\'s "did you mean"', () => {
    const e = errorOf(() => applyOverrides(baseline(), { 'dispatch.polcy': 'gridBound' }));
    expect(e.message).toContain('policy');
  });

  it('a cross-field error (grid size not dividing the city) blames the override that caused it', () => {
    const e = errorOf(() =>
      applyOverrides(baseline(), { 'eventTypes.street-vending.ratePerDay': 10, 'city.gridSize': 3 }),
    );
    expect(e.override).toBe('city.gridSize=3');
    expect(e.message).toContain('1, 2, 5, 10');
  });

  it('a path through a number, an empty segment, an unknown convenience, a bad convenience value', () => {
    expect(errorOf(() => applyOverrides(baseline(), { 'city.gridSize.x': 1 })).errors[0].code).toBe('override_path');
    expect(errorOf(() => applyOverrides(baseline(), { 'city..gridSize': 1 })).errors[0].code).toBe('override_path');
    expect(errorOf(() => applyOverrides(baseline(), { staffscale: 2 })).message).toContain('staffScale');
    expect(errorOf(() => applyOverrides(baseline(), { staffScale: -1 })).errors[0].code).toBe('override_value');
    expect(errorOf(() => applyOverrides(baseline(), { nightStaff: 1.5 })).errors[0].code).toBe('override_value');
  });

  it('an invalid base scenario is its own error', () => {
    const raw = baseline();
    raw.eventTypes[0].ratePerDay = -5;
    expect(() => applyOverrides(raw, { staffScale: 1 })).toThrow(InvalidBaseScenarioError);
    expect(() => applyOverridesToText('{ not json', {})).toThrow(InvalidBaseScenarioError);
  });
});

describe('command-line values', () => {
  it('parses JSON when it can, text otherwise', () => {
    expect(parseOverrideValue('3')).toBe(3);
    expect(parseOverrideValue('1.5')).toBe(1.5);
    expect(parseOverrideValue('true')).toBe(true);
    expect(parseOverrideValue('gridBound')).toBe('gridBound');
    expect(parseOverrideValue('08:00')).toBe('08:00');
    expect(parseOverrideValue('[1,2]')).toEqual([1, 2]);
    expect(parseOverrideValue('"3"')).toBe('3');
  });

  it('splits path=value at the first =', () => {
    expect(parseAssignment('city.gridSize=4')).toEqual(['city.gridSize', 4]);
    expect(parseAssignment('name.zh=a=b')).toEqual(['name.zh', 'a=b']);
    expect(() => parseAssignment('city.gridSize')).toThrow(OverrideError);
    expect(() => parseAssignment('=4')).toThrow(OverrideError);
  });

  it('takes a path as the error messages print it ($.teams[0].shifts[1].staff) as its dotted form', () => {
    expect(normaliseOverridePath('$.teams[0].shifts[1].staff')).toBe('teams.0.shifts.1.staff');
    expect(normaliseOverridePath('teams[0].shifts[1].staff')).toBe('teams.0.shifts.1.staff');
    expect(normaliseOverridePath('$["city"].gridSize')).toBe('city.gridSize');
    expect(normaliseOverridePath(`teams["night-patrol"].shifts[0].staff`)).toBe('teams.night-patrol.shifts.0.staff');
    expect(normaliseOverridePath(`teams['night-patrol'].mode`)).toBe('teams.night-patrol.mode');
    expect(normaliseOverridePath(' city.gridSize ')).toBe('city.gridSize'); // a dotted path stays as it is
    expect(parseAssignment('$.teams[0].shifts[0].staff=3')).toEqual(['teams.0.shifts.0.staff', 3]);
    // the bracket form sets the same field as the dotted one
    const viaBrackets = applyOverrides(baseline(), { [parseAssignment('$.teams[1].shifts[0].staff=7')[0]]: 7 });
    const viaDots = applyOverrides(baseline(), { 'teams.1.shifts.0.staff': 7 });
    expect(viaBrackets).toEqual(viaDots);
    expect((viaDots as unknown as ScenarioInput).teams[1].shifts[0].staff).toBe(7);
    // what is wrong is still said: an empty segment, and a forbidden key however it is written
    expect(() => applyOverrides(baseline(), { [normaliseOverridePath('teams[].x')]: 1 })).toThrow(OverrideError);
    expect(() => parseAssignment('$["__proto__"].x=1')).toThrow(OverrideError);
  });
});
