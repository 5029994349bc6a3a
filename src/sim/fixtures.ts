/**
 * Small scenarios built in code for the engine's tests: the M/M/c queue at
 * any load, a toy district with every channel, several teams and a
 * night shift that crosses midnight, and that district imported with grids
 * of its own shapes.
 */
import { Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { encodeRuns } from '../scenario/runs.ts';

/** The plain M/M/c queue: lambda per hour, mean handling in minutes, c servers. */
export function mmcScenario(
  lambdaPerHour: number,
  meanHandlingMin: number,
  c: number,
  days = 20,
  warmupHours = 24,
): Scenario {
  const input: ScenarioInput = {
    schemaVersion: 2,
    id: 'mmc',
    name: { zh: 'M/M/c', en: 'M/M/c' },
    run: { days, warmupHours, seed: 1 },
    city: { cols: 1, rows: 1, gridSize: 1 },
    eventTypes: [
      {
        id: 'job',
        name: { zh: '案件', en: 'job' },
        ratePerDay: lambdaPerHour * 24,
        discovery: { patrol: 0, citizen: 0, sensor: 1 },
        skill: 'any',
        handlingMin: { dist: 'exponential', mean: meanHandlingMin },
        responseDeadlineMin: 10,
        resolutionDeadlineMin: 30,
      },
    ],
    teams: [
      {
        id: 'servers',
        name: { zh: '人员', en: 'servers' },
        skills: ['any'],
        placement: 'pooled',
        patrol: false,
        shifts: [{ start: '00:00', end: '24:00', staff: c }],
      },
    ],
    dispatch: { policy: 'nearest', order: 'fifo' },
    travel: { enabled: false },
  };
  return Scenario.parse(input);
}

/** A 12 x 8 toy district, grids of 4 x 4 cells, with patrol, citizen and sensor cases. */
export function toyDistrict(
  over: { dayStaff?: number; nightStaff?: number; policy?: 'gridBound' | 'nearest' | 'gridFirst' } = {},
): ScenarioInput {
  const hump = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2.5, 2, 1.6, 1.3, 1.1];
  return {
    schemaVersion: 2,
    id: 'toy',
    name: { zh: '玩具城区', en: 'Toy district' },
    run: { days: 2, warmupHours: 0, seed: 7 },
    city: {
      cols: 12,
      rows: 8,
      gridSize: 4,
      zones: [
        { x: 0, y: 0, w: 6, h: 8, landUse: 'residential' },
        { x: 6, y: 0, w: 6, h: 4, landUse: 'commercial' },
        { x: 6, y: 4, w: 6, h: 4, landUse: 'green', lowLying: true },
      ],
    },
    eventTypes: [
      {
        id: 'garbage',
        name: { zh: '暴露垃圾', en: 'Exposed garbage' },
        ratePerDay: 120,
        profile: hump,
        weights: { population: 'byHour' },
        priority: 3,
        discovery: { patrol: 0.6, citizen: 0.3, sensor: 0.1 },
        skill: 'sanitation',
        handlingMin: { dist: 'lognormal', mean: 15, sd: 8 },
        responseDeadlineMin: 30,
        resolutionDeadlineMin: 120,
      },
      {
        id: 'manhole',
        name: { zh: '井盖破损', en: 'Broken manhole cover' },
        ratePerDay: 12,
        priority: 1,
        discovery: { patrol: 0, citizen: 1, sensor: 0 },
        skill: 'repair',
        crew: 2,
        handlingMin: { dist: 'triangular', min: 20, mode: 40, max: 90 },
        responseDeadlineMin: 20,
        resolutionDeadlineMin: 180,
      },
      {
        id: 'vending',
        name: { zh: '占道经营', en: 'Street vending' },
        ratePerDay: 40,
        profile: hump,
        weights: { landUse: { commercial: 4, green: 0 } },
        priority: 4,
        discovery: { patrol: 1, citizen: 0, sensor: 0 },
        skill: 'enforcement',
        handlingMin: { dist: 'uniform', min: 5, max: 25 },
        responseDeadlineMin: 60,
        resolutionDeadlineMin: 240,
      },
    ],
    teams: [
      {
        id: 'grid',
        name: { zh: '网格员', en: 'Grid workers' },
        skills: ['sanitation', 'enforcement'],
        mode: 'ebike',
        placement: 'perGrid',
        shifts: [
          { start: '08:00', end: '16:00', staff: over.dayStaff ?? 2 },
          { start: '16:00', end: '22:00', staff: 1 },
          { start: '22:00', end: '08:00+1', staff: over.nightStaff ?? 1 },
        ],
      },
      {
        id: 'repair',
        name: { zh: '市政维修', en: 'Repair crew' },
        skills: ['repair'],
        mode: 'vehicle',
        placement: 'pooled',
        patrol: false,
        shiftEnd: 'handover',
        shifts: [
          { start: '07:00', end: '19:00', staff: 3 },
          { start: '19:00', end: '07:00+1', staff: 2 },
        ],
      },
    ],
    dispatch: { policy: over.policy ?? 'gridFirst', neighbourWaitMin: 15, order: 'priority' },
    workflow: {
      fileMin: { dist: 'uniform', min: 1, max: 4 },
      dispatchMin: { dist: 'fixed', value: 2 },
      verifyMin: { dist: 'exponential', mean: 10 },
      closeMin: { dist: 'fixed', value: 5 },
    },
  };
}

/**
 * The toy district as an imported one (city.layout): 6 x 4 cells, '.' outside the district, own grids A, B, C
 * (an L of 5 cells, a bar of 5, a block of 6 with a hole) coded 310101001001, 310101001002, 310101002001;
 * A and B in community c1 of street s1, C in c2 of s2. `names` names A, B, C (undefined: no name); `city`
 * adds or replaces fields of the city (e.g. mergeToGrids).
 */
export const TOY_DISTRICT_MAP = ['.AABBB', '.ACC.B', 'AACC.B', '..CC..'];
export function toyImportedDistrict(
  names: readonly (string | undefined)[] = ['甲网格'],
  city: Record<string, unknown> = {},
): ScenarioInput {
  const cells = TOY_DISTRICT_MAP.join('')
    .split('')
    .map((ch) => ({ '.': -1, A: 0, B: 1, C: 2 })[ch]!);
  const grid = (code: string, i: number, community: string) => ({
    code,
    ...(names[i] !== undefined ? { name: names[i] } : {}),
    community,
  });
  return {
    ...toyDistrict(),
    id: 'imported',
    city: {
      cols: 6,
      rows: 4,
      gridSize: 1,
      layout: {
        grids: [grid('310101001001', 0, 'c1'), grid('310101001002', 1, 'c1'), grid('310101002001', 2, 'c2')],
        grid: encodeRuns(cells),
      },
      hierarchy: {
        district: { code: '310101', name: '黄浦区' },
        streets: [
          { code: 's1', name: '南京东路街道' },
          { code: 's2', name: '外滩街道' },
        ],
        communities: [
          { code: 'c1', name: '一社区', street: 's1' },
          { code: 'c2', name: '二社区', street: 's2' },
        ],
      },
      ...city,
    },
  } as ScenarioInput;
}
