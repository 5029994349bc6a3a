/**
 * The unit cells of the 2D map: ONE quad the size of the city, textured
 * with a DataTexture of one texel per cell (one draw call, two triangles,
 * whatever the size of the city). The colours are those of the 3D cells
 * (cellColors.ts, the same `colorBy` modes); each frame only the cells
 * whose colour changed are converted and uploaded (a row's span, or the
 * whole texture when the change spans many rows). Texels are sRGB bytes,
 * written to the canvas as they are (asIsMaterials.ts: no decode and
 * encode per pixel), magnified without filtering so cells stay crisp.
 * Cells outside an imported district are transparent (the ground shows),
 * water outside it is drawn.
 *
 * A click (not a drag) picks: a staff member or a station within a few
 * pixels of it, else the cell under it.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { DataTexture, LinearFilter, Mesh, NearestFilter, PlaneGeometry, RGBAFormat, UnsignedByteType } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import { LAND_USES } from '../scenario/schema.ts';
import type { SceneMetrics } from './cityGeometry.ts';
import { createCellPainter, type ColorBy, type GridDelta } from './cellColors.ts';
import type { FrameStore } from './frameStore.ts';
import { markerPx } from './mapView.ts';
import { asIsTextureMaterial } from './asIsMaterials.ts';

export interface CellsTextureProps {
  layout: CityLayout;
  metrics: SceneMetrics;
  store: FrameStore;
  colorBy: ColorBy;
  delta?: GridDelta | null;
  /** A click on a cell (its index). */
  onPickCell?: (cell: number) => void;
  /** A click on a staff marker (roster index). */
  onPickStaff?: (staff: number) => void;
  /** A click on a station (index into layout.stations). */
  onPickStation?: (station: number) => void;
}

const WATER = LAND_USES.indexOf('water');
/** Above this many rows changed at once, upload the whole texture (one call) rather than a range per row. */
const MAX_ROW_RANGES = 8;

/** linear [0, 1] → sRGB byte, by a table (no pow per texel). */
const SRGB_STEPS = 4096;
let srgbLut: Uint8Array | null = null;
function srgbTable(): Uint8Array {
  if (srgbLut) return srgbLut;
  srgbLut = new Uint8Array(SRGB_STEPS + 1);
  for (let i = 0; i <= SRGB_STEPS; i++) {
    const c = i / SRGB_STEPS;
    const s = c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    srgbLut[i] = Math.round(Math.min(1, Math.max(0, s)) * 255);
  }
  return srgbLut;
}

/** Convert the painted cells lo..hi (linear RGB floats) to the texture's sRGB bytes and mark them for upload. */
function uploadPainted(
  tex: DataTexture,
  dst: Uint8Array,
  src: Float32Array,
  r: { lo: number; hi: number },
  cols: number,
): void {
  const lut = srgbTable();
  for (let i = r.lo; i <= r.hi; i++) {
    const o = i * 3,
      t = i * 4;
    dst[t] = lut[(Math.min(1, Math.max(0, src[o])) * SRGB_STEPS + 0.5) | 0];
    dst[t + 1] = lut[(Math.min(1, Math.max(0, src[o + 1])) * SRGB_STEPS + 0.5) | 0];
    dst[t + 2] = lut[(Math.min(1, Math.max(0, src[o + 2])) * SRGB_STEPS + 0.5) | 0];
  }
  tex.clearUpdateRanges();
  const n = dst.length / 4;
  const r0 = (r.lo / cols) | 0,
    r1 = (r.hi / cols) | 0;
  if (r1 - r0 < MAX_ROW_RANGES && !(r.lo === 0 && r.hi === n - 1)) {
    // one range per row (three uploads a range within one row), in components: 4 per texel
    for (let row = r0; row <= r1; row++) {
      const a = Math.max(r.lo, row * cols),
        b = Math.min(r.hi, row * cols + cols - 1);
      tex.addUpdateRange(a * 4, (b - a + 1) * 4);
    }
  }
  tex.needsUpdate = true;
}

export function CellsTexture({
  layout,
  metrics,
  store,
  colorBy,
  delta = null,
  onPickCell,
  onPickStaff,
  onPickStation,
}: CellsTextureProps) {
  const invalidate = useThree((s) => s.invalidate);
  const { cols, rows } = layout;
  const n = cols * rows;

  const res = useMemo(() => {
    const data = new Uint8Array(n * 4);
    // alpha: drawn (in the district, or water) or not
    for (let i = 0; i < n; i++) data[i * 4 + 3] = layout.cellGrid[i] >= 0 || layout.landUse[i] === WATER ? 255 : 0;
    const tex = new DataTexture(data, cols, rows, RGBAFormat, UnsignedByteType);
    tex.magFilter = NearestFilter;
    tex.minFilter = LinearFilter;
    tex.generateMipmaps = false;
    tex.needsUpdate = true;
    const geo = new PlaneGeometry(cols, rows);
    geo.rotateX(-Math.PI / 2); // in the x/z plan; the plane's +y (v = 1) is now -z, the north (row 0)
    // texel row r holds lattice row r, which lies at v = 1 - (r + 0.5) / rows: flip v
    const uv = geo.getAttribute('uv');
    for (let k = 0; k < uv.count; k++) uv.setY(k, 1 - uv.getY(k));
    // the texels are sRGB bytes (uploadPainted), written to the canvas as they are (asIsMaterials.ts)
    const mat = asIsTextureMaterial(tex, 0.5);
    const mesh = new Mesh(geo, mat);
    mesh.name = 'cells-map';
    return { data, tex, mat, mesh, scratch: new Float32Array(n * 3) };
  }, [layout, cols, rows, n]);

  useEffect(
    () => () => {
      res.tex.dispose();
      res.mesh.geometry.dispose();
      res.mat.dispose();
    },
    [res],
  );

  const painter = useMemo(() => createCellPainter(layout), [layout]);
  useEffect(() => {
    invalidate();
  }, [colorBy, delta, invalidate]);

  const meshRef = useRef<Mesh>(null);
  useFrame(() => {
    if (!meshRef.current) return;
    const r = painter.paint(res.scratch, res.tex, colorBy, delta, store.frame, store.version);
    if (r.hi >= r.lo) uploadPainted(res.tex, res.data, res.scratch, r, cols);
  });

  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (e.delta > 4) return;
    const x = e.point.x + metrics.halfX,
      y = e.point.z + metrics.halfZ;
    if (x < 0 || y < 0 || x >= cols || y >= rows) return;
    e.stopPropagation();
    const zoom = (e.camera as { zoom?: number }).zoom ?? 1;
    // markers are picked within their drawn radius plus a few pixels, in cells
    const reach = (markerPx(zoom) / 2 + 4) / zoom;
    const f = store.frame;
    if (onPickStaff && f && f.staffState.length === layout.nStaff) {
      let best = -1,
        bestD = reach * reach;
      for (let s = 0; s < layout.nStaff; s++) {
        if (f.staffState[s] === 0) continue;
        const d = (f.staffXY[2 * s] - x) ** 2 + (f.staffXY[2 * s + 1] - y) ** 2;
        if (d <= bestD) {
          bestD = d;
          best = s;
        }
      }
      if (best >= 0) return onPickStaff(best);
    }
    if (onPickStation) {
      for (let s = 0; s < layout.stations.length; s++) {
        const c = layout.stations[s].cell;
        const d = ((c % cols) + 0.5 - x) ** 2 + (((c / cols) | 0) + 0.5 - y) ** 2;
        if (d <= Math.max(reach, 0.75) ** 2) return onPickStation(s);
      }
    }
    onPickCell?.(Math.floor(y) * cols + Math.floor(x));
  };

  return (
    <primitive
      ref={meshRef}
      object={res.mesh}
      onClick={onPickCell || onPickStaff || onPickStation ? onClick : undefined}
    />
  );
}
