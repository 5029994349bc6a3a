import { describe, expect, it } from 'vitest';
import { BufferAttribute, BufferGeometry, Mesh, MeshBasicMaterial, Raycaster, Vector3 } from 'three';
import { LAND_USES } from '../scenario/schema.ts';
import { cellBlocks, OUTSIDE_WATER_H, shadeCells, type CellBlocks } from './cellBlocks.ts';

const MIXED = LAND_USES.indexOf('mixed');
const WATER = LAND_USES.indexOf('water');

function city(cols: number, rows: number, opts: { grid?: number[]; land?: number[] } = {}) {
  const n = cols * rows;
  return {
    cols,
    rows,
    cellGrid: Int32Array.from(opts.grid ?? Array.from({ length: n }, () => 0)),
    landUse: Uint8Array.from(opts.land ?? Array.from({ length: n }, () => MIXED)),
  };
}
const touching = (cols: number, rows: number) => ({ halfX: cols / 2, halfZ: rows / 2, cellGap: 0 });
const apart = (cols: number, rows: number) => ({ halfX: cols / 2, halfZ: rows / 2, cellGap: 0.1 });

/** Cell i's faces as [min y, max y, kind] where kind is 'top' or the wall's outward side (+x, -x, +z, -z). */
function faces(b: CellBlocks, i: number, cols = 3): string[] {
  const cx = (i % cols) + 0.5 - cols / 2;
  const out: string[] = [];
  for (let v = b.cellVertStart[i]; v < b.cellVertStart[i + 1]; v += 4) {
    const ys = [0, 1, 2, 3].map((k) => b.position[(v + k) * 3 + 1]);
    const xs = [0, 1, 2, 3].map((k) => b.position[(v + k) * 3]);
    const zs = [0, 1, 2, 3].map((k) => b.position[(v + k) * 3 + 2]);
    const lo = Math.min(...ys).toFixed(2),
      hi = Math.max(...ys).toFixed(2);
    let kind = 'top';
    if (lo !== hi) {
      const same = (a: number[]) => a.every((x) => x === a[0]);
      if (same(xs)) kind = xs[0] > cx ? '+x' : '-x';
      else if (same(zs)) kind = '±z';
    }
    out.push(`${kind} ${lo}-${hi}`);
  }
  return out.sort();
}

/** Normal of triangle t (from its winding: three draws counter-clockwise faces). */
function normal(b: CellBlocks, t: number): Vector3 {
  const p = (k: number) => new Vector3().fromArray(b.position, b.index[t * 3 + k] * 3);
  const a = p(0);
  return new Vector3().crossVectors(p(1).sub(a), p(2).sub(a)).normalize();
}

describe('cellBlocks: the 3D cells as one merged mesh', () => {
  it('cells standing apart (a gap between them) are whole boxes without a bottom: top + 4 walls from the ground, 10 triangles', () => {
    const b = cellBlocks(city(3, 2), apart(3, 2), [0.1, 0.2, 0.3, 0.4, 0.2, 0.1]);
    for (let i = 0; i < 6; i++) {
      expect(b.cellVertStart[i + 1] - b.cellVertStart[i]).toBe(20);
      expect(faces(b, i).filter((s) => s.startsWith('±z'))).toHaveLength(2);
      const h = [0.1, 0.2, 0.3, 0.4, 0.2, 0.1][i].toFixed(2);
      const f = faces(b, i);
      expect(f.filter((s) => s.startsWith('top'))).toEqual([`top ${h}-${h}`]);
      expect(f.filter((s) => !s.startsWith('top'))).toHaveLength(4);
      for (const s of f.filter((s) => !s.startsWith('top'))) expect(s.endsWith(`0.00-${h}`)).toBe(true);
    }
    expect(b.index.length / 3).toBe(60);
    expect(b.faceCell.length).toBe(60);
  });

  it('cells that touch (no gap) keep only the part of a wall above the neighbour on that side', () => {
    // one row of three: 0.3 | 0.1 | 0.1
    const b = cellBlocks(city(3, 1), touching(3, 1), [0.3, 0.1, 0.1]);
    // the tall cell: top, its west wall (city edge) whole, its east wall only above its neighbour, north and south whole
    expect(faces(b, 0)).toEqual(['+x 0.10-0.30', '-x 0.00-0.30', 'top 0.30-0.30', '±z 0.00-0.30', '±z 0.00-0.30']);
    // the middle cell: no wall towards the taller cell nor towards its equal
    expect(faces(b, 1)).toEqual(['top 0.10-0.10', '±z 0.00-0.10', '±z 0.00-0.10']);
    // the last: its east wall at the city's edge
    expect(faces(b, 2)).toEqual(['+x 0.00-0.10', 'top 0.10-0.10', '±z 0.00-0.10', '±z 0.00-0.10']);
  });

  it('every face points outwards (counter-clockwise from outside), so none is culled as a back face', () => {
    const b = cellBlocks(city(3, 3), touching(3, 3), [0.1, 0.2, 0.1, 0.3, 0.4, 0.3, 0.1, 0.2, 0.1]);
    for (let t = 0; t < b.index.length / 3; t++) {
      const i = b.faceCell[t];
      const cx = (i % 3) + 0.5 - 1.5,
        cz = Math.floor(i / 3) + 0.5 - 1.5;
      const c = new Vector3().fromArray(b.position, b.index[t * 3] * 3);
      const n = normal(b, t);
      // a top faces up; a wall faces away from its cell's centre
      if (n.y > 0.5) expect(n.y).toBeCloseTo(1);
      else expect(n.x * (c.x - cx) + n.z * (c.z - cz)).toBeGreaterThan(0);
    }
  });

  it('cells outside an imported district get no block, except water, which lies flat', () => {
    const b = cellBlocks(
      city(3, 1, { grid: [0, -1, -1], land: [MIXED, MIXED, WATER] }),
      touching(3, 1),
      [0.2, 0.3, 0.02],
    );
    expect(b.cellVertStart[2] - b.cellVertStart[1]).toBe(0);
    const water = faces(b, 2);
    expect(water).toContain(`top ${OUTSIDE_WATER_H.toFixed(2)}-${OUTSIDE_WATER_H.toFixed(2)}`);
    // the district's cell has its whole east wall: nothing stands beside it
    expect(faces(b, 0)).toContain('+x 0.00-0.20');
  });

  it('above wallsMaxCells the blocks are tops only', () => {
    const b = cellBlocks(city(2, 2), touching(2, 2), [0.1, 0.2, 0.3, 0.4], { wallsMaxCells: 3 });
    for (let i = 0; i < 4; i++) expect(faces(b, i, 2)).toHaveLength(1);
    expect(b.index.length / 3).toBe(8);
  });

  it('a ray picks the cell it hits (faceCell of the hit triangle), the nearer block first', () => {
    const heights = [0.1, 0.4, 0.2, 0.3];
    const b = cellBlocks(city(2, 2), touching(2, 2), heights);
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(b.position, 3));
    g.setIndex(new BufferAttribute(b.index, 1));
    const mesh = new Mesh(g, new MeshBasicMaterial());
    const ray = new Raycaster();
    for (let i = 0; i < 4; i++) {
      const x = (i % 2) + 0.5 - 1,
        z = Math.floor(i / 2) + 0.5 - 1;
      ray.set(new Vector3(x + 0.1, 5, z - 0.2), new Vector3(0, -1, 0));
      const hit = ray.intersectObject(mesh)[0];
      expect(b.faceCell[hit.faceIndex!]).toBe(i);
      expect(hit.point.y).toBeCloseTo(heights[i]);
    }
    // from the west at height 0.15, through cell 0 (0.1 high, passed over) into cell 1's wall
    ray.set(new Vector3(-3, 0.15, -0.5), new Vector3(1, 0, 0));
    const hit = ray.intersectObject(mesh)[0];
    expect(b.faceCell[hit.faceIndex!]).toBe(1);
    expect(hit.point.x).toBeCloseTo(0);
  });

  it('shadeCells colours a cell’s vertices with its colour times each face’s grey, and says which vertices it wrote', () => {
    const b = cellBlocks(city(2, 1), apart(2, 1), [0.2, 0.2]);
    const rgb = Float32Array.from([0.5, 0.25, 1, 0.1, 0.2, 0.3]);
    const dst = new Float32Array(b.shade.length * 3).fill(-1);
    expect(shadeCells(b, rgb, dst, 1, 1)).toEqual([20, 40]);
    expect(dst[0]).toBe(-1); // cell 0 untouched
    for (let v = 20; v < 40; v++) {
      expect(dst[v * 3]).toBeCloseTo(0.1 * b.shade[v]);
      expect(dst[v * 3 + 2]).toBeCloseTo(0.3 * b.shade[v]);
    }
    // a top keeps the palette colour exactly (what the legends show); walls are darker
    const tops = [...b.shade.subarray(20, 40)].filter((s) => s === 1);
    expect(tops).toHaveLength(4);
    expect(Math.min(...b.shade)).toBeLessThan(1);
  });
});
