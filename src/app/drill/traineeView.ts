/**
 * What a trainee window may see of the drill. The trainer's window filters
 * every frame and state before relaying it, so hidden facts never reach the
 * trainee's window at all:
 *
 * - never: the pending inject timeline, the injects themselves (storms,
 *   surges, teams taken off) — the trainee meets their effects, and the
 *   messages addressed to them;
 * - with `traineeSees: 'scope'`: cases (markers and backlog) outside the
 *   drill's command scope.
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
  if (meta.traineeSees === 'all') return f;
  const cols = layout.cols;
  const inScope = (x: number, y: number) => mask[gridOfCell(layout, Math.floor(y) * cols + Math.floor(x))] === 1;
  const keep: number[] = [];
  for (let i = 0; i < f.nCases; i++) if (inScope(f.cases[i * 6], f.cases[i * 6 + 1])) keep.push(i);
  const cases = new Float32Array(keep.length * 6);
  keep.forEach((i, k) => cases.set(f.cases.subarray(i * 6, i * 6 + 6), k * 6));
  const cellBacklog = f.cellBacklog.slice();
  for (let c = 0; c < cellBacklog.length; c++) if (!mask[gridOfCell(layout, c)]) cellBacklog[c] = 0;
  return { ...f, cases, nCases: keep.length, cellBacklog };
}
