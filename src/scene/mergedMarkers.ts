/**
 * Many copies of one small shape (a marker) in ONE plain mesh: each copy's
 * vertices written out in a shared vertex buffer, moved and coloured from
 * the CPU. What an InstancedMesh does on the GPU, for a software GPU: under
 * SwiftShader (headless Chromium, CI, PCs without GPU acceleration) every
 * instance costs a fixed setup, and `lianhu-grids`' ~1,000 staff pins took
 * 35–40 ms a frame as instances (cellBlocks.ts has the same story for the
 * cells, and the figures).
 *
 * Copy i's vertices are i·nv … i·nv + nv − 1 and its triangles i·nt … i·nt +
 * nt − 1, so a ray hit's `faceIndex` names its copy (`markerOf`). A copy at
 * scale 0 collapses to a point: its triangles have no area, so it is neither
 * drawn nor hit by a ray. Pure three (no WebGL): cheap to test.
 */
import { BufferAttribute, BufferGeometry } from 'three';

export class MergedMarkers {
  /** Position, colour (linear RGB) and index attributes of every copy, `capacity` of them. */
  readonly geometry = new BufferGeometry();
  /** Vertices and triangles per copy. */
  readonly nv: number;
  readonly nt: number;
  private readonly tpl: Float32Array;
  private readonly pos: Float32Array;
  private readonly col: Float32Array;
  /** Copies placed / painted since the last commit: the first and last index (lo > hi: none). */
  private posLo = Infinity;
  private posHi = -1;
  private colLo = Infinity;
  private colHi = -1;

  /**
   * `template`: the shape at scale 1 about its anchor (indexed or not); `capacity`: how many copies; `colored`: false
   * for copies drawn in their material's one colour (no colour attribute: nothing to fill or upload).
   */
  constructor(
    template: BufferGeometry,
    readonly capacity: number,
    readonly colored = true,
  ) {
    const p = template.getAttribute('position');
    this.nv = p.count;
    this.tpl = Float32Array.from({ length: p.count * 3 }, (_, k) => p.getComponent((k / 3) | 0, k % 3));
    const tIdx = template.getIndex();
    const idx = tIdx ? Array.from({ length: tIdx.count }, (_, k) => tIdx.getX(k)) : [...Array(p.count).keys()];
    this.nt = idx.length / 3;
    const n = Math.max(1, capacity);
    this.pos = new Float32Array(n * this.nv * 3);
    this.col = new Float32Array(colored ? n * this.nv * 3 : 0);
    const index = new Uint32Array(n * idx.length);
    for (let i = 0; i < n; i++) for (let k = 0; k < idx.length; k++) index[i * idx.length + k] = idx[k] + i * this.nv;
    this.geometry.setAttribute('position', new BufferAttribute(this.pos, 3));
    if (colored) this.geometry.setAttribute('color', new BufferAttribute(this.col, 3));
    this.geometry.setIndex(new BufferAttribute(index, 1));
  }

  /** Copy i at scale s (0: collapsed, not drawn) with its anchor at (x, y, z). */
  place(i: number, s: number, x: number, y: number, z: number): void {
    if (i < this.posLo) this.posLo = i;
    if (i > this.posHi) this.posHi = i;
    const t = this.tpl,
      p = this.pos;
    for (let v = 0, o = i * this.nv * 3; v < t.length; v += 3, o += 3) {
      p[o] = x + t[v] * s;
      p[o + 1] = y + t[v + 1] * s;
      p[o + 2] = z + t[v + 2] * s;
    }
  }

  /** Copy i's colour (linear RGB); copies made without colours have none to paint. */
  paint(i: number, r: number, g: number, b: number): void {
    if (!this.colored) throw new Error('MergedMarkers: made without colours');
    if (i < this.colLo) this.colLo = i;
    if (i > this.colHi) this.colHi = i;
    const c = this.col;
    for (let o = i * this.nv * 3, e = o + this.nv * 3; o < e; o += 3) {
      c[o] = r;
      c[o + 1] = g;
      c[o + 2] = b;
    }
  }

  /** The copy a ray hit on triangle `faceIndex` belongs to. */
  markerOf(faceIndex: number): number {
    return Math.floor(faceIndex / this.nt);
  }

  /**
   * Draw copies 0 … n − 1 only, and send the GPU what changed: the copies placed since the last commit, and those
   * painted (each as one range, first to last).
   */
  commit(n: number): void {
    const g = this.geometry;
    g.setDrawRange(0, n * this.nt * 3);
    const upload = (a: BufferAttribute, lo: number, hi: number) => {
      a.clearUpdateRanges();
      a.addUpdateRange(lo * this.nv * 3, (hi - lo + 1) * this.nv * 3);
      a.needsUpdate = true;
    };
    if (this.posHi >= this.posLo) {
      upload(g.getAttribute('position') as BufferAttribute, this.posLo, this.posHi);
      g.boundingSphere = null; // stale: recomputed on the next raycast
      g.boundingBox = null;
    }
    if (this.colored && this.colHi >= this.colLo) {
      upload(g.getAttribute('color') as BufferAttribute, this.colLo, this.colHi);
      this.colLo = Infinity;
      this.colHi = -1;
    }
    this.posLo = Infinity;
    this.posHi = -1;
  }
}
