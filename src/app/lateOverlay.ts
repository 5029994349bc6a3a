/**
 * Colouring the 3D city by a diagnosis' late cases.
 *
 * A diagnosis (src/analysis/diagnose.ts) names its limits by stage, event
 * type and team, with the late cases of each per responsibility grid. The
 * city shows them through the same per-grid overlay an A/B comparison uses
 * (store.ts `DeltaOverlay`, colorBy 'delta'), with a sequential scale: late
 * cases per grid (per replication) from 0 up to the largest grid's.
 *
 *     const key = limitKey(d.limits[0]);
 *     ctl.setDelta(lateOverlay(d, layout.gridIds, key, { source: 'live', label }));
 *     ctl.setColorBy('delta');
 *
 * A limit is known by its key (stage|type|team), not its position, so the
 * colouring follows the same limit when a fresher diagnosis reorders them;
 * a limit that is gone colours every grid as "none".
 */
import { lateByGrid, type Diagnosis, type Limit } from '../analysis/diagnose.ts';
import type { DeltaOverlay, LateColouring } from './store.ts';

/** Every late case, not one limit. */
export const ALL_LATE = 'all';

/** A limit's identity across diagnoses of the same scenario. */
export function limitKey(l: Pick<Limit, 'stage' | 'eventType' | 'team'>): string {
  return `${l.stage}|${l.eventType}|${l.team ?? ''}`;
}

/** The overlay of a limit's (or every) late case per grid of the running layout. */
export function lateOverlay(
  d: Diagnosis,
  layoutGridIds: readonly string[],
  key: string,
  what: Pick<LateColouring, 'source' | 'label'>,
): DeltaOverlay {
  const limit = key === ALL_LATE ? undefined : d.limits.find((l) => limitKey(l) === key);
  const byGrid =
    key !== ALL_LATE && !limit ? new Float64Array(layoutGridIds.length) : lateByGrid(d, layoutGridIds, limit);
  const values = Float32Array.from(byGrid);
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return {
    values,
    significant: new Uint8Array(values.length).fill(1),
    maxAbs: max > 0 ? max : 1,
    scale: 'sequential',
    late: { ...what, key, replications: d.replications },
  };
}

/** Grids with at least one late case in an overlay, and the total coloured. */
export function overlayTotals(o: Pick<DeltaOverlay, 'values'>): { grids: number; cases: number } {
  let grids = 0,
    cases = 0;
  for (const v of o.values)
    if (v > 0) {
      grids++;
      cases += v;
    }
  return { grids, cases };
}
