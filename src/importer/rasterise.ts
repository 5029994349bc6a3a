/**
 * From polygons and lines in WGS84 lon/lat to the unit cells of the scenario's lattice.
 *
 * - The lattice covers a bounding box: its origin is the box's north-west corner, lat0 its middle latitude
 *   (project.ts), `cols × rows` cells of `cellSizeM` to cover it.
 * - A polygon (holes and MultiPolygons included: @turf/boolean-point-in-polygon) holds the cells whose
 *   **centre** is inside it or on its boundary.
 * - A line holds every cell it passes through: the segments are walked cell by cell in projected metres
 *   (the grid traversal of Amanatides & Woo, 1987), so the cells form a 4-connected chain — a bridge drawn as a
 *   line is a path that 4-neighbour travel can follow. A segment through a cell corner takes the cell on one side.
 *
 * Pure.
 */
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { LineString, MultiLineString, Position } from 'geojson';
import type { Area } from './geojsonRead.ts';
import { cellCentre, toMetres, type GeoFrame } from './project.ts';

export interface Lattice extends GeoFrame {
  cols: number;
  rows: number;
  cellSizeM: number;
}

/** The lattice of `cellSizeM` cells over the box [west, south, east, north] (at least one cell). */
export function latticeOver(box: readonly number[], cellSizeM: number): Lattice {
  const [west, south, east, north] = box;
  const frame: GeoFrame = { originLon: west, originLat: north, lat0: (south + north) / 2 };
  const far = toMetres(frame, east, south);
  return {
    ...frame,
    cellSizeM,
    cols: Math.max(1, Math.ceil(far.x / cellSizeM - 1e-9)),
    rows: Math.max(1, Math.ceil(far.y / cellSizeM - 1e-9)),
  };
}

/** The cell range [x0, x1] × [y0, y1] (inclusive, clamped to the lattice) a lon/lat box overlaps; null if none. */
function cellRange(l: Lattice, box: readonly number[]): [number, number, number, number] | null {
  const nw = toMetres(l, box[0], box[3]);
  const se = toMetres(l, box[2], box[1]);
  const x0 = Math.max(0, Math.floor(nw.x / l.cellSizeM)),
    y0 = Math.max(0, Math.floor(nw.y / l.cellSizeM));
  const x1 = Math.min(l.cols - 1, Math.floor(se.x / l.cellSizeM)),
    y1 = Math.min(l.rows - 1, Math.floor(se.y / l.cellSizeM));
  return x0 > x1 || y0 > y1 ? null : [x0, x1, y0, y1];
}

/** Cells (ids, ascending) whose centre lies inside the polygon or on its boundary. */
export function polygonCells(l: Lattice, area: Area): number[] {
  const range = cellRange(l, bbox(area));
  if (!range) return [];
  const [x0, x1, y0, y1] = range;
  const out: number[] = [];
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const cell = y * l.cols + x;
      const c = cellCentre(l, l.cols, l.cellSizeM, cell);
      if (booleanPointInPolygon([c.lon, c.lat], area)) out.push(cell);
    }
  }
  return out;
}

/** Cells (ids, in the order walked, each once) a LineString or MultiLineString passes through, inside the lattice. */
export function lineCells(l: Lattice, line: LineString | MultiLineString): number[] {
  const parts: Position[][] = line.type === 'LineString' ? [line.coordinates] : line.coordinates;
  const seen = new Set<number>();
  const out: number[] = [];
  const add = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= l.cols || y >= l.rows) return;
    const cell = y * l.cols + x;
    if (!seen.has(cell)) {
      seen.add(cell);
      out.push(cell);
    }
  };
  for (const part of parts) {
    for (let i = 0; i + 1 < part.length; i++) {
      const a = toMetres(l, part[i][0], part[i][1]);
      const b = toMetres(l, part[i + 1][0], part[i + 1][1]);
      walkSegment(a.x / l.cellSizeM, a.y / l.cellSizeM, b.x / l.cellSizeM, b.y / l.cellSizeM, add);
    }
  }
  return out;
}

/**
 * Visits the unit squares a segment (in cell units) passes through, from its start to its end, one axis step at
 * a time (Amanatides & Woo); at an exact corner the x step comes first.
 */
export function walkSegment(ax: number, ay: number, bx: number, by: number, visit: (x: number, y: number) => void) {
  let x = Math.floor(ax),
    y = Math.floor(ay);
  const ex = Math.floor(bx),
    ey = Math.floor(by);
  const dx = bx - ax,
    dy = by - ay;
  const sx = dx > 0 ? 1 : -1,
    sy = dy > 0 ? 1 : -1;
  const tdx = dx === 0 ? Infinity : Math.abs(1 / dx),
    tdy = dy === 0 ? Infinity : Math.abs(1 / dy);
  let tx = dx === 0 ? Infinity : (dx > 0 ? x + 1 - ax : ax - x) * tdx;
  let ty = dy === 0 ? Infinity : (dy > 0 ? y + 1 - ay : ay - y) * tdy;
  visit(x, y);
  // at most |ex - x| + |ey - y| steps: the bound guards against rounding at the very end
  for (let n = Math.abs(ex - x) + Math.abs(ey - y); n > 0; n--) {
    if (tx <= ty) {
      x += sx;
      tx += tdx;
    } else {
      y += sy;
      ty += tdy;
    }
    visit(x, y);
  }
}
