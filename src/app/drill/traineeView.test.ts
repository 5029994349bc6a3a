import { describe, it, expect } from 'vitest';
import type { CityLayout, Frame } from '../../sim/frame.ts';
import type { DrillState } from '../../client/drillClient.ts';
import type { DrillMeta } from '../../client/drillChannel.ts';
import { cellGrids } from '../../scene/cityGeometry.ts';
import { gridOfCell, scopeMask, traineeFrame, traineeState } from './traineeView.ts';

const layout = {
  cols: 4,
  rows: 2,
  gridSize: 2,
  gridCols: 2,
  gridRows: 1,
  gridIds: ['G01-01', 'G01-02'],
  // the engine's k x k grid of every cell (cityGeometry's copy of the rule)
  cellGrid: cellGrids({ cols: 4, rows: 2, gridSize: 2, gridCols: 2, gridRows: 1 }),
} as unknown as CityLayout;
const meta = (sees: 'all' | 'scope'): DrillMeta => ({
  id: 'd',
  name: { zh: 'd', en: 'd' },
  traineeSees: sees,
  scopeGrids: ['G01-02'],
  autoOutside: true,
  startHour: 0,
  durationMin: 60,
});

describe('what the trainee may see', () => {
  it('grids of cells and the scope mask', () => {
    expect([0, 1, 2, 3, 4, 7].map((c) => gridOfCell(layout, c))).toEqual([0, 0, 1, 1, 0, 1]);
    expect(Array.from(scopeMask(layout, ['G01-02']))).toEqual([0, 1]);
    expect(Array.from(scopeMask(layout, 'all'))).toEqual([1, 1]);
  });

  it('an imported district: grids of any shape, cells outside none', () => {
    const irregular = { ...layout, irregular: true, cellGrid: Int32Array.from([-1, 1, 1, 0, 0, 0, 1, -1]) };
    expect([0, 1, 3, 6, 7].map((c) => gridOfCell(irregular, c))).toEqual([-1, 1, 0, 1, -1]);
  });

  it('no pending injects and no injects in the timeline; messages and dispatches stay', () => {
    const s = {
      pending: [{ kind: 'storm', atMin: 5, rainMmPerH: [1] }],
      timeline: [
        { tS: 1, kind: 'message', detail: { kind: 'message', atMin: 0, text: { zh: 'a', en: 'a' } } },
        { tS: 2, kind: 'inject', detail: { kind: 'teamOff', atMin: 0, team: 'x' } },
        { tS: 3, kind: 'action', detail: { kind: 'assign', tS: 3, caseId: 1, staff: [2] } },
        {
          tS: 4,
          kind: 'action',
          detail: { kind: 'inject', tS: 4, inject: { kind: 'storm', atMin: 0, rainMmPerH: [9] } },
        },
      ],
    } as unknown as DrillState;
    const v = traineeState(s);
    expect(v.pending).toEqual([]);
    expect(v.timeline.map((e) => e.tS)).toEqual([1, 3]);
  });

  it('with traineeSees "scope", cases and backlog outside the scope are dropped', () => {
    const f = {
      nCases: 2,
      cases: Float32Array.from([0.5, 0.5, 0, 1, 0, 3, /* in scope: */ 2.5, 1.5, 1, 2, 0, 3]),
      cellBacklog: Float32Array.from([1, 0, 0, 0, 0, 0, 1, 0]),
    } as unknown as Frame;
    const mask = scopeMask(layout, ['G01-02']);
    expect(traineeFrame(f, layout, meta('all'), mask)).toBe(f);
    const v = traineeFrame(f, layout, meta('scope'), mask);
    expect(v.nCases).toBe(1);
    expect(Array.from(v.cases)).toEqual([2.5, 1.5, 1, 2, 0, 3]);
    expect(Array.from(v.cellBacklog)).toEqual([0, 0, 0, 0, 0, 0, 1, 0]);
    expect(f.nCases).toBe(2);
  });
});
