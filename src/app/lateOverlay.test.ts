import { describe, expect, it } from 'vitest';
import type { Diagnosis, Limit } from '../analysis/diagnose.ts';
import { ALL_LATE, lateOverlay, limitKey, overlayTotals } from './lateOverlay.ts';

const limit = (p: Partial<Limit>): Limit => ({
  stage: 'queue',
  eventType: 'waterlogging',
  team: 'drainage-crew',
  hours: [22],
  peakHours: [22],
  grids: [],
  lateCases: 0,
  share: 0,
  byHour: Array(24).fill(0),
  gridCases: [],
  lever: { zh: '', en: '', fields: [] },
  ...p,
});

const d: Diagnosis = {
  replications: 2,
  decided: 100,
  late: 9,
  stages: {} as Diagnosis['stages'],
  limits: [
    limit({ grids: ['G01-02', 'G01-01'], gridCases: [4, 2], lateCases: 6 }),
    limit({
      stage: 'travel',
      eventType: 'exposed-garbage',
      team: null,
      grids: ['G01-01', 'G09-09'],
      gridCases: [1.5, 1.5],
      lateCases: 3,
    }),
  ],
};
const grids = ['G01-01', 'G01-02', 'G01-03'];

describe('late-cases overlay', () => {
  it('colours one limit by grid, on a sequential scale up to its busiest grid', () => {
    const o = lateOverlay(d, grids, limitKey(d.limits[0]), { source: 'live', label: { zh: '排队', en: 'Queue' } });
    expect(Array.from(o.values)).toEqual([2, 4, 0]);
    expect(o.maxAbs).toBe(4);
    expect(o.scale).toBe('sequential');
    expect(Array.from(o.significant)).toEqual([1, 1, 1]);
    expect(o.late).toEqual({
      source: 'live',
      key: 'queue|waterlogging|drainage-crew',
      label: { zh: '排队', en: 'Queue' },
      replications: 2,
    });
    expect(overlayTotals(o)).toEqual({ grids: 2, cases: 6 });
  });

  it('all late cases add the limits up; grids not in the layout are left out', () => {
    const o = lateOverlay(d, grids, ALL_LATE, { source: 'experiments', label: { zh: '全部', en: 'all' } });
    expect(Array.from(o.values)).toEqual([3.5, 4, 0]);
    expect(o.maxAbs).toBe(4);
  });

  it('a limit that is gone (a fresher diagnosis) colours every grid as none, with a usable scale', () => {
    const o = lateOverlay(d, grids, 'handling|x|', { source: 'live', label: { zh: '', en: '' } });
    expect(Array.from(o.values)).toEqual([0, 0, 0]);
    expect(o.maxAbs).toBe(1);
    expect(overlayTotals(o)).toEqual({ grids: 0, cases: 0 });
  });
});
