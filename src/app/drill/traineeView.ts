/**
 * What a trainee window may see of the drill. The trainer's window filters
 * every frame and state before relaying it, so hidden facts never reach the
 * trainee's window at all:
 *
 * - never: the pending inject timeline, the injects themselves (storms,
 *   surges, teams taken off) — the trainee meets their effects, and the
 *   messages addressed to them;
 * - with `traineeSees: 'scope'`: cases (markers and backlog) outside the
 *   drill's command scope;
 * - in a drill with seats, another seat's cases: each seat receives the
 *   inbox, case markers and dispatches of its own grids only (`seatView`),
 *   and the crews of its own cases only (`seatHoldsCase`). The trainer
 *   sends each seat its own view on a channel of that seat
 *   (src/client/drillChannel.ts), so a window never holds another seat's
 *   cases, not even to filter them out.
 */
import type { CityLayout, Frame } from '../../sim/frame.ts';
import type { DrillState } from '../../client/drillClient.ts';
import type { DrillMeta } from '../../client/drillChannel.ts';

/** 1 for each responsibility grid (layout order) in the drill's command scope. */
export function scopeMask(layout: CityLayout, grids: 'all' | string[]): Uint8Array {
  const m = new Uint8Array(layout.gridIds.length);
  if (grids === 'all') m.fill(1);
  else
    for (const g of grids) {
      const i = layout.gridIds.indexOf(g);
      if (i >= 0) m[i] = 1;
    }
  return m;
}

/** The responsibility grid (layout order) of a cell. */
export function gridOfCell(layout: CityLayout, cell: number): number {
  return layout.cellGrid[cell];
}

export function traineeState(s: DrillState): DrillState {
  return {
    ...s,
    pending: [],
    timeline: s.timeline.filter((e) => e.kind === 'message' || (e.kind === 'action' && e.detail.kind !== 'inject')),
  };
}

/** A copy of the frame with cases outside the scope removed (when the trainee sees only the scope). */
export function traineeFrame(f: Frame, layout: CityLayout, meta: DrillMeta, mask: Uint8Array): Frame {
  return meta.traineeSees === 'all' ? f : maskFrame(f, layout, mask);
}

/**
 * The grids whose cases seat `seat` receives: "all" for the whole-scope
 * seat (and, in a drill without seats, for a window that names none); in a
 * drill with seats, none for a window that has not chosen yet or names a
 * seat the drill does not have.
 */
export function seatGrids(meta: DrillMeta | null, seat: string | undefined): 'all' | string[] {
  const seats = meta?.seats ?? [];
  if (seat === 'all') return 'all';
  if (seat === undefined) return seats.length ? [] : 'all';
  return seats.find((x) => x.id === seat)?.grids.slice() ?? [];
}

/**
 * 1 for each grid whose case markers seat `seat` may see on its map: its own
 * grids (the whole seat: the command scope, or the city when the trainee
 * sees all); with `traineeSees: 'all'` also the city outside the command
 * scope (the automatic dispatcher's cases), never another seat's grids.
 */
export function seatMask(layout: CityLayout, meta: DrillMeta, seat: string | undefined): Uint8Array {
  const grids = seatGrids(meta, seat);
  if (grids === 'all') return scopeMask(layout, meta.traineeSees === 'all' ? 'all' : meta.scopeGrids);
  const m = scopeMask(layout, grids);
  if (meta.traineeSees === 'all') {
    const scope = scopeMask(layout, meta.scopeGrids);
    for (let i = 0; i < m.length; i++) if (!scope[i]) m[i] = 1;
  }
  return m;
}

/** A copy of the frame with the case markers and backlog of grids outside `mask` removed (the frame itself when the mask holds every grid). */
export function maskFrame(f: Frame, layout: CityLayout, mask: Uint8Array): Frame {
  if (mask.every((v) => v === 1)) return f;
  const cols = layout.cols;
  const inMask = (x: number, y: number) => mask[gridOfCell(layout, Math.floor(y) * cols + Math.floor(x))] === 1;
  const keep: number[] = [];
  for (let i = 0; i < f.nCases; i++) if (inMask(f.cases[i * 6], f.cases[i * 6 + 1])) keep.push(i);
  const cases = new Float32Array(keep.length * 6);
  keep.forEach((i, k) => cases.set(f.cases.subarray(i * 6, i * 6 + 6), k * 6));
  const cellBacklog = f.cellBacklog.slice();
  for (let c = 0; c < cellBacklog.length; c++) if (mask[gridOfCell(layout, c)] !== 1) cellBacklog[c] = 0;
  return { ...f, cases, nCases: keep.length, cellBacklog };
}

/**
 * What seat `seat` receives of the drill's state: `traineeState`, with the
 * inbox cut to the seat's grids and, for a seat of its own grids, the
 * actions of that seat only (another seat's dispatches name its cases and
 * crews); the trainer's messages reach every seat.
 */
export function seatState(s: DrillState, meta: DrillMeta | null, seat: string | undefined): DrillState {
  const grids = seatGrids(meta, seat);
  const base = traineeState(s);
  if (grids === 'all') return base;
  return {
    ...base,
    inbox: s.inbox.filter((i) => grids.includes(i.grid)),
    timeline: base.timeline.filter((e) => e.kind !== 'action' || ('seat' in e.detail && e.detail.seat === seat)),
  };
}

/** What seat `seat` receives of a drill frame (`mask`: its seatMask). */
export function seatView(
  d: { frame: Frame; state: DrillState },
  layout: CityLayout,
  meta: DrillMeta,
  seat: string | undefined,
  mask: Uint8Array = seatMask(layout, meta, seat),
): { frame: Frame; state: DrillState } {
  return { frame: maskFrame(d.frame, layout, mask), state: seatState(d.state, meta, seat) };
}

/** Whether seat `seat` may ask about case `caseId` (its crews): the case waits in the seat's own inbox. */
export function seatHoldsCase(
  state: DrillState | null,
  meta: DrillMeta | null,
  seat: string | undefined,
  caseId: number,
): boolean {
  const grids = seatGrids(meta, seat);
  const it = state?.inbox.find((i) => i.caseId === caseId);
  return !!it && (grids === 'all' || grids.includes(it.grid));
}
