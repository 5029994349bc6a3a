/**
 * Responsibility-grid boundaries and the outline of low-lying areas, as ONE
 * LineSegments geometry with per-vertex colours (one draw call). Collinear
 * cell edges are merged, so a 1,615-grid city is a few hundred segments.
 * The lines float just above the tallest cell so blocks never hide them.
 */
import { useEffect, useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute, LineBasicMaterial, LineSegments } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import { regionEdges, type SceneMetrics } from './cityGeometry.ts';
import { GRID_LINE_COLOR, LOW_LYING_COLOR, linear } from './palette.ts';

const GRID_ALPHA = 0.42;
const LOW_LYING_ALPHA = 0.95;

export interface GridLinesProps {
  layout: CityLayout;
  metrics: SceneMetrics;
}

export function GridLines({ layout, metrics }: GridLinesProps) {
  const lines = useMemo(() => {
    const { cols, rows } = layout;
    const grids = layout.cellGrid;
    const gridSegs = regionEdges(
      cols,
      rows,
      (i) => grids[i],
      () => true,
    );
    const lowSegs = regionEdges(
      cols,
      rows,
      (i) => layout.lowLying[i],
      (i) => layout.lowLying[i] === 1,
    );
    const nSeg = gridSegs.length / 4 + lowSegs.length / 4;
    const pos = new Float32Array(nSeg * 6);
    const col = new Float32Array(nSeg * 8);
    const gridC = [...linear(GRID_LINE_COLOR), GRID_ALPHA],
      lowC = [...linear(LOW_LYING_COLOR), LOW_LYING_ALPHA];
    let v = 0;
    const put = (segs: Float32Array, c: number[], y: number) => {
      for (let s = 0; s < segs.length; s += 4) {
        for (let e = 0; e < 2; e++) {
          pos[v * 3] = segs[s + 2 * e] - metrics.halfX;
          pos[v * 3 + 1] = y;
          pos[v * 3 + 2] = segs[s + 2 * e + 1] - metrics.halfZ;
          col.set(c, v * 4);
          v++;
        }
      }
    };
    put(gridSegs, gridC, metrics.overlayY);
    put(lowSegs, lowC, metrics.overlayY + 0.005);
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
