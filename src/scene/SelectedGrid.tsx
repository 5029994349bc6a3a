/**
 * The selected responsibility grid: its outline in a bright colour (drawn
 * three times side by side, as the street boundaries, so it reads wider
 * than one pixel) and a pin standing on its centre cell
 * (`layout.gridCentre`, where its label goes and its members start), so a
 * grid found by the matrix's search is easy to spot in a large district.
 * One LineSegments object (one draw call); nothing when no grid is selected.
 *
 * Props: `layout`, `metrics` (required); `grid` — the grid's index into
 * `layout.gridIds`, -1 for none (default -1).
 */
import { useEffect, useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute, LineBasicMaterial, LineSegments } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import { regionEdges, type SceneMetrics } from './cityGeometry.ts';
import { SELECTED_GRID_COLOR } from './palette.ts';

export interface SelectedGridProps {
  layout: CityLayout;
  metrics: SceneMetrics;
  grid?: number;
}

const OFFSETS = [-0.05, 0, 0.05];
/** Height of the centre pin above the overlay plane, in cells (grows a little with the city). */
const PIN_H = 1.2;

export function SelectedGrid({ layout, metrics, grid = -1 }: SelectedGridProps) {
  const lines = useMemo(() => {
    if (grid < 0 || grid >= layout.gridIds.length) return null;
    const cg = layout.cellGrid;
    const segs = regionEdges(
      layout.cols,
      layout.rows,
      (i) => (cg[i] === grid ? 1 : 0),
      (i) => cg[i] === grid,
    );
    const y = metrics.overlayY + 0.02;
    const pos: number[] = [];
    for (const off of OFFSETS) {
      for (let s = 0; s < segs.length; s += 4) {
        const vertical = segs[s] === segs[s + 2];
        for (let e = 0; e < 2; e++) {
          pos.push(
            segs[s + 2 * e] - metrics.halfX + (vertical ? off : 0),
            y,
            segs[s + 2 * e + 1] - metrics.halfZ + (vertical ? 0 : off),
          );
        }
      }
    }
    const c = layout.gridCentre[grid];
    const cx = (c % layout.cols) + 0.5 - metrics.halfX,
      cz = ((c / layout.cols) | 0) + 0.5 - metrics.halfZ;
    pos.push(cx, y, cz, cx, y + PIN_H * metrics.markerScale, cz);
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(pos, 3));
    g.computeBoundingSphere();
    const obj = new LineSegments(g, new LineBasicMaterial({ color: SELECTED_GRID_COLOR, depthWrite: false }));
    obj.name = 'selected-grid';
    obj.renderOrder = 2;
    return obj;
  }, [layout, metrics, grid]);

  useEffect(
    () => () => {
      if (!lines) return;
      lines.geometry.dispose();
      (lines.material as LineBasicMaterial).dispose();
    },
    [lines],
  );

  return lines ? <primitive object={lines} /> : null;
}
