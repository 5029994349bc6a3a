import { describe, it, expect } from 'vitest';
import type { CityLayout, Frame } from '../../sim/frame.ts';
import type { DrillState } from '../../client/drillClient.ts';
import type { DrillMeta } from '../../client/drillChannel.ts';
import { cellGrids } from '../../scene/cityGeometry.ts';
import {
  gridOfCell,
  maskFrame,
  scopeMask,
  seatGrids,
  seatHoldsCase,
  seatMask,
  seatState,
  seatView,
  traineeFrame,
  traineeState,
} from './traineeView.ts';

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

describe('what each seat receives', () => {
  // a city of three grids in a row: G01-01 outside the command scope, G01-02 seat A's, G01-03 seat B's
  const wide = {
    cols: 6,
    rows: 2,
    gridSize: 2,
    gridCols: 3,
    gridRows: 1,
    gridIds: ['G01-01', 'G01-02', 'G01-03'],
    cellGrid: cellGrids({ cols: 6, rows: 2, gridSize: 2, gridCols: 3, gridRows: 1 }),
  } as unknown as CityLayout;
  const seated = (sees: 'all' | 'scope'): DrillMeta => ({
    ...meta(sees),
    scopeGrids: ['G01-02', 'G01-03'],
    seats: [
      { id: 'a', name: { zh: 'A', en: 'A' }, grids: ['G01-02'] },
      { id: 'b', name: { zh: 'B', en: 'B' }, grids: ['G01-03'] },
    ],
  });
  const item = (caseId: number, grid: string) => ({
    caseId,
    type: 't',
    cell: 0,
    grid,
    priority: 2,
    channel: 'patrol',
    filedS: 0,
    responseDueS: 600,
    crew: 1,
    skill: 's',
  });
  const state = {
    pending: [{ kind: 'storm', atMin: 5, rainMmPerH: [1] }],
    inbox: [item(1, 'G01-02'), item(2, 'G01-03'), item(3, 'G01-02')],
    timeline: [
      { tS: 1, kind: 'message', detail: { kind: 'message', atMin: 0, text: { zh: 'm', en: 'm' } } },
      { tS: 2, kind: 'action', detail: { kind: 'assign', tS: 2, caseId: 7, staff: [1], seat: 'a' } },
      { tS: 3, kind: 'action', detail: { kind: 'assign', tS: 3, caseId: 8, staff: [2], seat: 'b' } },
      { tS: 4, kind: 'action', detail: { kind: 'escalate', tS: 4, caseId: 9 } },
    ],
  } as unknown as DrillState;
  // one case marker in each grid (x, y in cell units), and one backlog cell in each
  const frame = {
    nCases: 3,
    cases: Float32Array.from([0.5, 0.5, 0, 2, 0, 3, 2.5, 1.5, 0, 1, 0, 3, 4.5, 0.5, 0, 2, 0, 3]),
    cellBacklog: Float32Array.from([1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0]),
  } as unknown as Frame;

  it('the grids of a seat: its own; the whole scope; none for an unknown seat or, with seats, for a window without one', () => {
    expect(seatGrids(seated('all'), 'a')).toEqual(['G01-02']);
    expect(seatGrids(seated('all'), 'all')).toBe('all');
    expect(seatGrids(seated('all'), 'ghost')).toEqual([]);
    expect(seatGrids(seated('all'), undefined)).toEqual([]);
    // a drill without seats: one trainee holds the whole scope
    expect(seatGrids(meta('all'), undefined)).toBe('all');
  });

  it("a seat's inbox holds its own cases only, and its feed its own dispatches (and every message)", () => {
    const a = seatState(state, seated('all'), 'a');
    expect(a.inbox.map((i) => i.caseId)).toEqual([1, 3]);
    expect(a.timeline.map((e) => e.tS)).toEqual([1, 2]);
    expect(a.pending).toEqual([]);
    const b = seatState(state, seated('all'), 'b');
    expect(b.inbox.map((i) => i.caseId)).toEqual([2]);
    expect(b.timeline.map((e) => e.tS)).toEqual([1, 3]);
    // nothing for a window that has not chosen its seat yet
    const none = seatState(state, seated('all'), undefined);
    expect(none.inbox).toEqual([]);
    expect(none.timeline.map((e) => e.tS)).toEqual([1]);
    // the whole-scope seat: everything a trainee may see
    const all = seatState(state, seated('all'), 'all');
    expect(all.inbox.map((i) => i.caseId)).toEqual([1, 2, 3]);
    expect(all.timeline.map((e) => e.tS)).toEqual([1, 2, 3, 4]);
  });

  it("a seat's map shows its own cases, never another seat's; the city outside the scope only when the trainee sees all", () => {
    const grid = (f: Frame) =>
      Array.from(
        { length: f.nCases },
        (_, i) => wide.gridIds[gridOfCell(wide, Math.floor(f.cases[i * 6 + 1]) * 6 + Math.floor(f.cases[i * 6]))],
      );
    const seesAll = seatView({ frame, state }, wide, seated('all'), 'a');
    expect(grid(seesAll.frame)).toEqual(['G01-01', 'G01-02']);
    expect(Array.from(seesAll.frame.cellBacklog)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(grid(seatView({ frame, state }, wide, seated('scope'), 'b').frame)).toEqual(['G01-03']);
    expect(grid(seatView({ frame, state }, wide, seated('scope'), 'all').frame)).toEqual(['G01-02', 'G01-03']);
    expect(seatView({ frame, state }, wide, seated('all'), 'all').frame).toBe(frame);
    expect(Array.from(seatMask(wide, seated('scope'), undefined))).toEqual([0, 0, 0]);
    expect(maskFrame(frame, wide, Uint8Array.from([0, 0, 0])).nCases).toBe(0);
    expect(frame.nCases).toBe(3);
  });

  it('a seat hears of the crews for its own waiting cases only', () => {
    expect(seatHoldsCase(state, seated('all'), 'a', 1)).toBe(true);
    expect(seatHoldsCase(state, seated('all'), 'a', 2)).toBe(false);
    expect(seatHoldsCase(state, seated('all'), 'b', 2)).toBe(true);
    expect(seatHoldsCase(state, seated('all'), 'all', 2)).toBe(true);
    expect(seatHoldsCase(state, seated('all'), undefined, 1)).toBe(false);
    expect(seatHoldsCase(state, seated('all'), 'a', 99)).toBe(false);
    expect(seatHoldsCase(null, seated('all'), 'a', 1)).toBe(false);
  });
});
