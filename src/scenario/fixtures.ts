/**
 * Small valid scenarios for tests: a 10 x 10 city with 2 x 2 grids of 5 x 5
 * cells, two event types and two teams. Tests copy one and break a field.
 *
 *     const s = minimalScenario();
 *     s.city.gridSize = 3;                      // now invalid
 *     expect(parseScenarioObject(s).ok).toBe(false);
 */
import { SCHEMA_VERSION, type ScenarioInput } from './schema.ts';
import type { ScenarioError } from './messages.ts';

/** A scenario as written in a file. Tests that write wrong values into it do so through `fields`. */
export type RawScenario = ScenarioInput;

/** An object's own fields, for a test that writes a value or a key its type does not allow (the point of the test). */
export const fields = (o: object): Record<string, unknown> => o as Record<string, unknown>;

export function minimalScenario(): RawScenario {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'mini',
    name: { zh: '迷你城', en: 'Mini city' },
    run: { days: 1, seed: 7 },
    city: {
      cols: 10,
      rows: 10,
      gridSize: 5,
      zones: [
        { x: 0, y: 0, w: 5, h: 10, landUse: 'residential' },
        { x: 8, y: 8, w: 2, h: 2, lowLying: true },
      ],
      stations: [{ id: 's1', name: { zh: '一号站', en: 'Station 1' }, x: 5, y: 5, dailyRidership: 1000 }],
      districts: [{ id: 'd1', name: { zh: '东街道', en: 'East' }, x: 0, y: 0, w: 10, h: 10 }],
    },
    eventTypes: [
      {
        id: 'garbage',
        name: { zh: '暴露垃圾', en: 'Exposed garbage' },
        ratePerDay: 48,
        skill: 'sanitation',
        handlingMin: { dist: 'lognormal', mean: 15, sd: 5 },
        responseDeadlineMin: 10,
        resolutionDeadlineMin: 60,
      },
      {
        id: 'noise',
        name: { zh: '施工噪声', en: 'Construction noise' },
        ratePerDay: 4,
        skill: 'enforcement',
        crew: 2,
        handlingMin: { dist: 'triangular', min: 10, mode: 20, max: 40 },
        responseDeadlineMin: 30,
        resolutionDeadlineMin: 120,
      },
    ],
    teams: [
      {
        id: 'sanitation',
        name: { zh: '环卫', en: 'Sanitation' },
        skills: ['sanitation'],
        placement: 'perGrid',
        shifts: [
          { start: '08:00', end: '16:00', staff: 1 },
          { start: '22:00', end: '06:00+1', staff: 1 },
        ],
      },
      {
        id: 'enforcement',
        name: { zh: '城管执法', en: 'Enforcement' },
        skills: ['enforcement'],
        mode: 'vehicle',
        shifts: [{ start: '08:00', end: '20:00', staff: 2 }],
      },
    ],
  };
}

/** The same scenario as written in schemaVersion 1 (`run.horizonDays`, `city.gridK`). */
export function minimalScenarioV1() {
  const s = minimalScenario();
  const { days, ...run } = s.run!;
  const { gridSize, ...city } = s.city;
  return { ...s, schemaVersion: 1, run: { horizonDays: days, ...run }, city: { ...city, gridK: gridSize } };
}

const CJK_RE = /[\u3400-\u9fff]/;

/** True when an error has a Chinese message with CJK characters and a non-empty English one. */
export function isBilingual(e: ScenarioError): boolean {
  return e.zh.trim() !== '' && CJK_RE.test(e.zh) && e.en.trim() !== '';
}

/** The first error at `path` (and with `code`, if given). */
export function findError(errors: readonly ScenarioError[], path: string, code?: string): ScenarioError | undefined {
  return errors.find((e) => e.path === path && (code === undefined || e.code === code));
}
