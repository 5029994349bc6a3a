import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatErrors, formatPath, knownKeysIn, zodIssuesToErrors, type ScenarioError } from './messages.ts';
import { Dist, EventType, Scenario, Team, TimeOfDay } from './schema.ts';
import { isBilingual } from './fixtures.ts';

function errorsOf(schema: z.ZodType, value: unknown): ScenarioError[] {
  const r = schema.safeParse(value, { reportInput: true });
  expect(r.success).toBe(false);
  const errors = r.success ? [] : zodIssuesToErrors(r.error.issues, knownKeysIn(schema));
  for (const e of errors) expect(isBilingual(e), JSON.stringify(e)).toBe(true);
  return errors;
}

function only(errors: ScenarioError[], path: string): ScenarioError {
  const found = errors.filter((e) => e.path === path);
  expect(found, formatErrors(errors)).toHaveLength(1);
  return found[0];
}

const validType = {
  id: 'a',
  name: { zh: '甲', en: 'A' },
  ratePerDay: 1,
  skill: 's',
  handlingMin: { dist: 'fixed', value: 1 },
  responseDeadlineMin: 1,
  resolutionDeadlineMin: 2,
};

describe('formatPath', () => {
  it('writes JSON paths', () => {
    expect(formatPath([])).toBe('$');
    expect(formatPath(['teams', 2, 'shifts', 0, 'end'])).toBe('$.teams[2].shifts[0].end');
    expect(formatPath(['$schema'])).toBe('$.$schema');
    expect(formatPath(['a b', 'x-y'])).toBe('$["a b"]["x-y"]');
  });
});

describe('formatErrors', () => {
  it('gives one line per error, Chinese first', () => {
    const text = formatErrors([
      { path: '$.a', code: 'x', zh: '甲', en: 'A' },
      { path: '$.b', code: 'y', zh: '乙', en: 'B' },
    ]);
    expect(text).toBe('$.a: 甲 / A\n$.b: 乙 / B');
  });
});

describe('zod issues in both languages', () => {
  it('invalid_type: expected number, got string', () => {
    const e = only(errorsOf(EventType, { ...validType, ratePerDay: 'many' }), '$.ratePerDay');
    expect(e.code).toBe('invalid_type');
    expect(e.zh).toBe('应为数字，实际为字符串 "many"');
    expect(e.en).toBe('expected number, got string "many"');
  });

  it('invalid_type: NaN and Infinity are named', () => {
    expect(only(errorsOf(EventType, { ...validType, ratePerDay: NaN }), '$.ratePerDay').zh).toContain('NaN');
    expect(only(errorsOf(EventType, { ...validType, ratePerDay: -Infinity }), '$.ratePerDay').en).toContain(
      '-Infinity',
    );
  });

  it('invalid_type: integer expected', () => {
    const e = only(errorsOf(EventType, { ...validType, crew: 1.5 }), '$.crew');
    expect(e.zh).toBe('应为整数，实际为 1.5');
    expect(e.en).toBe('expected an integer, got 1.5');
  });

  it('invalid_type: object, array and null', () => {
    expect(only(errorsOf(EventType, { ...validType, name: 'x' }), '$.name').en).toContain('expected object');
    expect(
      only(errorsOf(Team, { id: 't', name: { zh: '队', en: 'T' }, skills: 's', shifts: [] }), '$.skills').zh,
    ).toContain('应为数组');
    expect(only(errorsOf(EventType, { ...validType, skill: null }), '$.skill').en).toBe('expected string, got null');
  });

  it('too_small / too_big for numbers', () => {
    expect(only(errorsOf(EventType, { ...validType, ratePerDay: -1 }), '$.ratePerDay').en).toBe(
      'must not be negative (≥ 0), got -1',
    );
    expect(only(errorsOf(EventType, { ...validType, responseDeadlineMin: 0 }), '$.responseDeadlineMin').en).toBe(
      'must be positive (> 0), got 0',
    );
    expect(only(errorsOf(EventType, { ...validType, priority: 0 }), '$.priority').en).toBe('must be ≥ 1, got 0');
    const big = only(errorsOf(EventType, { ...validType, priority: 9 }), '$.priority');
    expect(big.code).toBe('too_big');
    expect(big.zh).toBe('应 ≤ 4，实际为 9');
  });

  it('too_small / too_big for arrays and strings', () => {
    const errors = errorsOf(Team, { id: '', name: { zh: '队', en: 'T' }, skills: [], shifts: [] });
    expect(only(errors, '$.skills').en).toBe('needs at least 1 item(s), got 0');
    expect(only(errors, '$.skills').zh).toBe('至少需要 1 项，实际为 0 项');
    expect(only(errors, '$.id').zh).toBe('不能为空字符串');
    expect(only(errorsOf(z.array(z.number()).max(2), [1, 2, 3]), '$').en).toBe('allows at most 2 item(s), got 3');
    expect(only(errorsOf(z.string().length(3), 'ab'), '$').en).toBe('must have exactly 3 character(s), got 2');
  });

  it('unrecognized_keys: one error per unknown key, with a hint', () => {
    const errors = errorsOf(EventType, { ...validType, ratePerDya: 3, foo: 1 });
    const typo = only(errors, '$.ratePerDya');
    expect(typo.code).toBe('unrecognized_keys');
    expect(typo.zh).toContain('未知字段 "ratePerDya"');
    expect(typo.zh).toContain('是否想写 "ratePerDay"');
    expect(only(errors, '$.foo').en).toBe('unknown field "foo" (no extra fields allowed here)');
  });

  it('invalid_value: lists the options and what was given', () => {
    const e = only(
      errorsOf(Team, {
        id: 't',
        name: { zh: '队', en: 'T' },
        skills: ['s'],
        shifts: [{ start: '08:00', end: '16:00', staff: 1 }],
        mode: 'car',
      }),
      '$.mode',
    );
    expect(e.code).toBe('invalid_value');
    expect(e.zh).toBe('应为以下之一："walk"、"ebike"、"vehicle"，实际为 "car"');
    expect(e.en).toBe('expected one of "walk" | "ebike" | "vehicle", got "car"');
  });

  it('discriminated union: a bad or missing tag', () => {
    const bad = only(errorsOf(Dist, { dist: 'weibull', mean: 3 }), '$.dist');
    expect(bad.code).toBe('invalid_union');
    expect(bad.zh).toContain('"weibull" 无效');
    expect(bad.en).toContain('"lognormal"');
    expect(only(errorsOf(Dist, { mean: 3 }), '$.dist').zh).toContain('缺少 "dist"');
  });

  it('discriminated union: errors inside the chosen option', () => {
    const e = only(errorsOf(Dist, { dist: 'lognormal', mean: 3 }), '$.sd');
    expect(e.zh).toContain('缺少必填字段');
  });

  it('plain union: reports the closest branch under the union path', () => {
    const U = z.object({ a: z.union([z.object({ x: z.number() }), z.object({ y: z.string(), z: z.string() })]) });
    const errors = errorsOf(U, { a: { x: 'q' } });
    expect(only(errors, '$.a').code).toBe('invalid_union');
    expect(only(errors, '$.a.x').en).toBe('expected number, got string "q"');
  });

  it('invalid_format: times and ids', () => {
    expect(only(errorsOf(TimeOfDay, '25:00'), '$').zh).toContain('HH:MM+1');
    const id = only(errorsOf(Scenario.shape.id, 'My City'), '$');
    expect(id.code).toBe('invalid_format');
    expect(id.zh).toContain('小写字母');
    expect(only(errorsOf(z.string().regex(/^x$/), 'y'), '$').en).toContain('/^x$/');
    expect(only(errorsOf(z.email(), 'nope'), '$').en).toContain('email');
  });

  it('custom: the profile length refinement', () => {
    const e = only(errorsOf(EventType, { ...validType, profile: [1, 2, 3] }), '$.profile');
    expect(e.code).toBe('custom');
    expect(e.zh).toContain('实际为 3 个');
    const other = only(
      errorsOf(
        z.number().refine((n) => n > 5, { message: 'over five' }),
        1,
      ),
      '$',
    );
    expect(other.zh).toBe('校验未通过：over five');
  });

  it('not_multiple_of, invalid_key and invalid_element', () => {
    expect(only(errorsOf(z.number().multipleOf(5), 7), '$').zh).toBe('应为 5 的倍数');
    const keyErrors = errorsOf(z.record(z.string().min(3), z.number()), { ab: 1 });
    expect(keyErrors.some((e) => e.code === 'invalid_key')).toBe(true);
    const setErrors = errorsOf(z.set(z.number()), new Set(['x']));
    expect(setErrors.length).toBeGreaterThan(0);
  });

  it('works without reportInput, from zod messages', () => {
    const r = EventType.safeParse({ ...validType, ratePerDay: 'x' });
    const [e] = r.success ? [] : zodIssuesToErrors(r.error.issues);
    expect(e.en).toBe('expected number, got string');
  });
});

describe('knownKeysIn', () => {
  it('finds keys through defaults, arrays, unions and enum records', () => {
    const keys = knownKeysIn(Scenario);
    expect(keys(['run'])).toContain('warmupHours');
    expect(keys(['teams', 0, 'shifts', 3])).toEqual(['start', 'end', 'staff']);
    expect(keys(['eventTypes', 0, 'handlingMin'])).toContain('mode');
    expect(keys(['city', 'density'])).toContain('residential');
    expect(keys(['nowhere'])).toEqual([]);
  });
});
