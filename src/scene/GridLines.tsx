/**
 * Responsibility-grid boundaries, street (街道) boundaries and the
 * district's outline, and the outline of low-lying areas, as ONE
 * LineSegments geometry with per-vertex colours (one draw call). Collinear
 * cell edges are merged, so a 1,615-grid city is a few hundred segments.
 * The lines float just above the tallest cell so blocks never hide them.
 *
 * WebGL draws every line one pixel wide, so the street and district
 * boundaries read stronger by colour and opacity and by being drawn three
 * times, side by side a few hundredths of a cell apart. Cells outside an
 * imported district (grid -1) have no grid lines; the district's outline
 * runs along them.
 */
import { useEffect, useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute, LineBasicMaterial, LineSegments } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import { regionEdges, type SceneMetrics } from './cityGeometry.ts';
import { GRID_LINE_COLOR, LOW_LYING_COLOR, STREET_LINE_COLOR } from './palette.ts';
import { linear } from './paletteGl.ts';

const GRID_ALPHA = 0.42;
const STREET_ALPHA = 0.95;
const LOW_LYING_ALPHA = 0.95;
/** Offsets (cells) of the copies of a street or district boundary: a line about three pixels wide at most zooms. */
const THICK = [-0.045, 0, 0.045];

export interface GridLinesProps {
  layout: CityLayout;
  metrics: SceneMetrics;
}

export function GridLines({ layout, metrics }: GridLinesProps) {
  const lines = useMemo(() => {
    const { cols, rows } = layout;
    const grids = layout.cellGrid;
    const inDistrict = (i: number) => grids[i] >= 0;
    const gridSegs = regionEdges(cols, rows, (i) => grids[i], inDistrict);
    const gs = layout.hierarchy.gridStreet;
    // streets, with the district's outline (inside against outside) among them
    const streetSegs = regionEdges(cols, rows, (i) => (grids[i] >= 0 ? (gs[grids[i]] ?? -1) : -2), inDistrict);
    const lowSegs = regionEdges(
      cols,
      rows,
      (i) => layout.lowLying[i],
      (i) => layout.lowLying[i] === 1,
    );
    const nSeg = gridSegs.length / 4 + lowSegs.length / 4 + (THICK.length * streetSegs.length) / 4;
    const pos = new Float32Array(nSeg * 6);
    const col = new Float32Array(nSeg * 8);
    const gridC = [...linear(GRID_LINE_COLOR), GRID_ALPHA],
      lowC = [...linear(LOW_LYING_COLOR), LOW_LYING_ALPHA],
      streetC = [...linear(STREET_LINE_COLOR), STREET_ALPHA];
    let v = 0;
    const put = (segs: Float32Array, c: number[], y: number, off = 0) => {
      for (let s = 0; s < segs.length; s += 4) {
        // a copy beside the segment: vertical segments move along x, horizontal ones along z
        const vertical = segs[s] === segs[s + 2];
        for (let e = 0; e < 2; e++) {
          pos[v * 3] = segs[s + 2 * e] - metrics.halfX + (vertical ? off : 0);
          pos[v * 3 + 1] = y;
          pos[v * 3 + 2] = segs[s + 2 * e + 1] - metrics.halfZ + (vertical ? 0 : off);
          col.set(c, v * 4);
          v++;
        }
      }
    };
    put(gridSegs, gridC, metrics.overlayY);
    put(lowSegs, lowC, metrics.overlayY + 0.005);
    for (const off of THICK) put(streetSegs, streetC, metrics.overlayY + 0.01, off);
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(pos, 3));
    g.setAttribute('color', new Float32BufferAttribute(col, 4)); // RGBA: each kind of line has its own opacity
    g.computeBoundingSphere();
    const m = new LineBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false });
    const obj = new LineSegments(g, m);
    obj.name = 'grid-lines';
    obj.renderOrder = 1;
    return obj;
  }, [layout, metrics]);

  useEffect(
    () => () => {
      lines.geometry.dispose();
      (lines.material as LineBasicMaterial).dispose();
    },
    [lines],
  );

  return <primitive object={lines} />;
}
