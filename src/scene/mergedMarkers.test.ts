import { describe, expect, it } from 'vitest';
import { BufferAttribute, ConeGeometry, Mesh, MeshBasicMaterial, OctahedronGeometry, Raycaster, Vector3 } from 'three';
import { MergedMarkers } from './mergedMarkers.ts';

const down = new Vector3(0, -1, 0);

function hits(m: MergedMarkers, x: number, z: number): number[] {
  const mesh = new Mesh(m.geometry, new MeshBasicMaterial());
  const ray = new Raycaster(new Vector3(x, 5, z), down);
  return ray.intersectObject(mesh).map((h) => m.markerOf(h.faceIndex!));
}

describe('MergedMarkers: copies of one shape in one mesh', () => {
  it('places copy i at its anchor and scale, leaving the others where they were', () => {
    const cone = new ConeGeometry(0.2, 0.6, 6, 1);
    const m = new MergedMarkers(cone, 3);
    m.place(1, 2, 10, 1, -4);
    const pos = m.geometry.getAttribute('position');
    const tpl = cone.getAttribute('position');
    for (let v = 0; v < m.nv; v++) {
      expect(pos.getX(m.nv + v)).toBeCloseTo(10 + 2 * tpl.getX(v));
      expect(pos.getY(m.nv + v)).toBeCloseTo(1 + 2 * tpl.getY(v));
      expect(pos.getZ(m.nv + v)).toBeCloseTo(-4 + 2 * tpl.getZ(v));
      expect(pos.getX(v)).toBe(0); // copy 0 untouched
    }
    // each copy has the template's triangles, offset to its own vertices
    const idx = m.geometry.getIndex()!;
    const tIdx = cone.getIndex()!;
    expect(idx.count).toBe(3 * tIdx.count);
    expect(m.nt).toBe(tIdx.count / 3);
    for (let k = 0; k < tIdx.count; k++) expect(idx.getX(2 * tIdx.count + k)).toBe(tIdx.getX(k) + 2 * m.nv);
  });

  it('a ray picks the copy it hits, by the hit triangle; a copy at scale 0 is neither drawn nor hit', () => {
    const m = new MergedMarkers(new OctahedronGeometry(0.5, 0), 3);
    m.place(0, 1, 0, 0, 0);
    m.place(1, 1, 3, 0, 0);
    m.place(2, 0, 6, 0, 0); // collapsed
    m.commit(3);
    expect(hits(m, 0, 0)[0]).toBe(0);
    expect(hits(m, 3.1, 0.1)[0]).toBe(1);
    expect(hits(m, 6, 0)).toEqual([]);
    // and once it is placed again it is hit
    m.place(2, 1, 6, 0, 0);
    m.commit(3);
    expect(hits(m, 6, 0)[0]).toBe(2);
  });

  it('draws only the first n copies, and uploads only what changed since the last commit', () => {
    const m = new MergedMarkers(new OctahedronGeometry(0.5, 0), 6);
    for (let i = 0; i < 4; i++) m.place(i, 1, i * 3, 0, 0);
    m.commit(2);
    expect(m.geometry.drawRange).toEqual({ start: 0, count: 2 * m.nt * 3 });
    expect(hits(m, 6, 0)).toEqual([]); // copy 2 is past the draw range
    const pos = m.geometry.getAttribute('position') as BufferAttribute;
    const col = m.geometry.getAttribute('color') as BufferAttribute;
    const range = (lo: number, hi: number) => [{ start: lo * m.nv * 3, count: (hi - lo + 1) * m.nv * 3 }];
    expect(pos.updateRanges).toEqual(range(0, 3)); // placed copies past the draw range go up too
    expect(col.updateRanges).toEqual([]);
    const v0 = pos.version;
    m.commit(3); // nothing placed since: nothing sent, and copy 2 (sent before) is drawn now
    expect(pos.version).toBe(v0);
    expect(hits(m, 6, 0)[0]).toBe(2);
    m.paint(1, 0.5, 0.25, 1);
    m.paint(3, 0.5, 0.25, 1);
    m.place(4, 1, 12, 0, 0);
    m.commit(5);
    expect(col.updateRanges).toEqual(range(1, 3));
    expect(pos.updateRanges).toEqual(range(4, 4));
    for (let v = m.nv; v < 2 * m.nv; v++) expect([col.getX(v), col.getY(v), col.getZ(v)]).toEqual([0.5, 0.25, 1]);
    expect(col.getX(0)).toBe(0);
  });

  it('copies made without colours have no colour attribute; positions still upload', () => {
    const m = new MergedMarkers(new OctahedronGeometry(0.5, 0), 2, false);
    expect(m.geometry.getAttribute('color')).toBeUndefined();
    m.place(0, 1, 0, 0, 0);
    m.commit(1);
    const pos = m.geometry.getAttribute('position') as BufferAttribute;
    expect(pos.updateRanges).toEqual([{ start: 0, count: m.nv * 3 }]);
    expect(hits(m, 0, 0)[0]).toBe(0);
    expect(() => m.paint(0, 1, 1, 1)).toThrow(/without colours/);
  });
});
