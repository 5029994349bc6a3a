/**
 * The unit cells: one InstancedMesh of low boxes (one draw call for the
 * whole lattice, 40,000+ cells in the largest city).
 *
 * Heights come from day population and are set once per layout. Colours
 * are per instance and depend on `colorBy`:
 * - `landUse`: the land-use palette, painted once; low-lying cells are
 *   tinted slightly blue (the outline in GridLines marks them in every mode);
 * - `backlog`: open cases in the cell on the viridis scale;
 * - `coverageHour`: the cell's grid attainment for the current hour of day;
 * - `attainment`: the grid's attainment over all hours so far, weighted by
 *   decided cases;
 * - `delta`: a per-grid difference given by the `delta` prop (an A/B
 *   comparison's B − A), on a diverging scale; grids whose difference is
 *   not significant are faded toward the no-data grey. Frames do not
 *   change it; a new `delta` object repaints. A `delta` with
 *   `scale: 'sequential'` holds counts instead (late cases per grid of a
 *   diagnosis): a warm sequential scale from 0 to `maxAbs`, slate for none.
 * In the measure views water cells are a dim, constant blue (no cases
 * arise on water). Cells outside an imported district (grid -1) are not
 * drawn (zero-size instances; the dark ground shows through), except water,
 * which lies flat so a river along the district's edge still reads. For the measures, the value of each cell is remembered and only cells
 * whose value changed are rewritten; the upload to the GPU covers just the
 * changed range, and nothing is uploaded when nothing changed.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { BoxGeometry, BufferAttribute, InstancedBufferAttribute, InstancedMesh, MeshBasicMaterial } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import { LAND_USES } from '../scenario/schema.ts';
import { cellHeights, setScaleTranslate, type SceneMetrics } from './cityGeometry.ts';
import { bakeShading } from './shading.ts';
import type { FrameStore } from './frameStore.ts';
import { instancePick } from './pick.ts';
import {
  DELTA_FADE,
  DELTA_STOPS,
  EMPTY_BACKLOG_COLOR,
  LAND_USE_COLORS,
  LATE_STOPS,
  NO_LATE_COLOR,
  WATER_DIM_COLOR,
  LOW_LYING_COLOR,
  NO_DATA_COLOR,
  VIRIDIS,
  attainmentT,
  backlogT,
  deltaT,
  lateT,
  linear,
  lutInto,
  makeAttainmentLut,
  makeLut,
  paletteArray,
} from './palette.ts';

export type ColorBy = 'landUse' | 'backlog' | 'coverageHour' | 'attainment' | 'delta';

/** Per-grid values for colorBy 'delta' (see CitySceneProps.delta). */
export interface GridDelta {
  /** One value per responsibility grid, in the layout's grid order; NaN for none. */
  values: Float32Array;
  /** 1 where the difference is significant; others are drawn faded. */
  significant: Uint8Array;
  /** The scale's ends are ±maxAbs (the top, for a sequential scale). */
  maxAbs: number;
  /** 'diverging' (default): B − A around 0; 'sequential': counts from 0 (late cases), never faded. */
  scale?: 'diverging' | 'sequential';
}

export interface CellsMeshProps {
  layout: CityLayout;
  metrics: SceneMetrics;
  store: FrameStore;
  /** What the cell colour shows. */
  colorBy: ColorBy;
  /** Called with the cell index when a cell is clicked (not dragged). */
  onPick?: (cell: number) => void;
  /** Per-grid values for colorBy 'delta'; without them 'delta' paints every cell as no data. */
  delta?: GridDelta | null;
}

/** Strength of the low-lying tint in land-use view. */
const LOW_LYING_TINT = 0.28;
/** Value remembered for a cell with no data (NaN does not compare equal to itself). */
const NONE = -1;
/** Value that never matches: forces a full repaint. */
const STALE = -2;
/** Water cells in the measure views: not managed ground, drawn as dim water. */
const WATER_V = -3;
const WATER = LAND_USES.indexOf('water');
/** Height of a water cell outside the district (a river along its edge): flat, below the district's own water. */
const OUTSIDE_WATER_H = 0.01;

/** A box without its bottom face (never seen): 10 triangles instead of 12, base at y = 0, shading baked in. */
function cellBox(): BoxGeometry {
  const g = new BoxGeometry(1, 1, 1);
  g.translate(0, 0.5, 0);
  const idx = g.getIndex()!;
  const src = idx.array as ArrayLike<number>;
  const keep: number[] = [];
  // BoxGeometry groups: +x, -x, +y, -y, +z, -z (6 indices each); drop -y
  for (let i = 0; i < src.length; i++) if (i < 18 || i >= 24) keep.push(src[i]);
  g.setIndex(new BufferAttribute(Uint16Array.from(keep), 1));
  g.clearGroups();
  return bakeShading(g);
}

export function CellsMesh({ layout, metrics, store, colorBy, onPick, delta = null }: CellsMeshProps) {
  const invalidate = useThree((s) => s.invalidate);
  const n = layout.cols * layout.rows;

  const geometry = useMemo(() => cellBox(), []);
  const material = useMemo(() => new MeshBasicMaterial({ vertexColors: true }), []);
  const grids = layout.cellGrid;
  const nGrids = layout.gridIds.length;

  const mesh = useMemo(() => {
    const m = new InstancedMesh(geometry, material, n);
    const heights = cellHeights(layout);
    const mat = m.instanceMatrix.array as Float32Array;
    const w = 1 - metrics.cellGap;
    for (let i = 0; i < n; i++) {
      const x = (i % layout.cols) + 0.5 - metrics.halfX;
      // outside an imported district: no block (the ground shows), except water, drawn flat so a river reads
      const out = layout.cellGrid[i] < 0;
      const s = out && layout.landUse[i] !== WATER ? 0 : w;
      setScaleTranslate(
        mat,
        i,
        s,
        out ? OUTSIDE_WATER_H : heights[i],
        s,
        x,
        0,
        ((i / layout.cols) | 0) + 0.5 - metrics.halfZ,
      );
    }
    m.instanceMatrix.needsUpdate = true;
    m.instanceColor = new InstancedBufferAttribute(new Float32Array(n * 3), 3);
    m.computeBoundingSphere();
    m.computeBoundingBox();
    m.name = 'cells';
    return m;
  }, [geometry, material, layout, metrics, n]);

  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );
  useEffect(
    () => () => {
      mesh.dispose();
    },
    [mesh],
  );

  const luts = useMemo(
    () => ({
      landUse: paletteArray(LAND_USES.map((u) => LAND_USE_COLORS[u])),
      lowLying: linear(LOW_LYING_COLOR),
      viridis: makeLut(VIRIDIS),
      attainment: makeAttainmentLut(),
      none: linear(NO_DATA_COLOR),
      empty: linear(EMPTY_BACKLOG_COLOR),
      water: linear(WATER_DIM_COLOR),
      delta: makeLut(DELTA_STOPS),
      late: makeLut(LATE_STOPS),
      noLate: linear(NO_LATE_COLOR),
    }),
    [],
  );

  // The mesh as mounted (useFrame paints through this ref, the R3F way to mutate per frame).
  const meshRef = useRef<InstancedMesh>(null);
  // What was painted last, and the per-cell value last painted and per-grid scratch (reused every frame;
  // reallocated when the counts change).
  const applied = useRef({
    version: -1,
    colorBy: '' as string,
    mesh: null as InstancedMesh | null,
    delta: null as GridDelta | null,
    last: new Float32Array(0),
    gridVal: new Float32Array(0),
  });

  useEffect(() => {
    invalidate();
  }, [colorBy, delta, invalidate]);

  useFrame(() => {
    const mesh = meshRef.current;
    if (!mesh) return;
    const a = applied.current;
    if (a.last.length !== n) a.last = new Float32Array(n).fill(STALE);
    if (a.gridVal.length !== Math.max(1, nGrids)) a.gridVal = new Float32Array(Math.max(1, nGrids));
    const last = a.last,
      gridVal = a.gridVal;
    const colors = mesh.instanceColor!;
    const dst = colors.array as Float32Array;
    const modeChanged = a.colorBy !== colorBy || a.mesh !== mesh;
    if (modeChanged) last.fill(STALE);

    if (colorBy === 'landUse') {
      if (!modeChanged) return;
      const pal = luts.landUse,
        ll = luts.lowLying;
      for (let i = 0; i < n; i++) {
        const p = layout.landUse[i] * 3,
          o = i * 3;
        const t = layout.lowLying[i] ? LOW_LYING_TINT : 0;
        dst[o] = pal[p] + (ll[0] - pal[p]) * t;
        dst[o + 1] = pal[p + 1] + (ll[1] - pal[p + 1]) * t;
        dst[o + 2] = pal[p + 2] + (ll[2] - pal[p + 2]) * t;
      }
      colors.clearUpdateRanges();
      colors.needsUpdate = true;
      a.colorBy = colorBy;
      a.mesh = mesh;
      a.version = -1;
      return;
    }

    if (colorBy === 'delta') {
      if (!modeChanged && a.delta === delta) return;
      a.colorBy = colorBy;
      a.mesh = mesh;
      a.version = -1;
      a.delta = delta;
      const none = luts.none,
        water = luts.water,
        noLate = luts.noLate;
      const sequential = delta?.scale === 'sequential';
      for (let i = 0; i < n; i++) {
        const o = i * 3;
        const g = grids[i];
        const v = delta && g >= 0 && g < delta.values.length ? delta.values[g] : NaN;
        if (layout.landUse[i] === WATER) {
          dst[o] = water[0];
          dst[o + 1] = water[1];
          dst[o + 2] = water[2];
        } else if (Number.isNaN(v)) {
          dst[o] = none[0];
          dst[o + 1] = none[1];
          dst[o + 2] = none[2];
        } else if (sequential) {
          const t = lateT(v, delta!.maxAbs);
          if (t < 0) {
            dst[o] = noLate[0];
            dst[o + 1] = noLate[1];
            dst[o + 2] = noLate[2];
          } else lutInto(luts.late, t, dst, o);
        } else {
          lutInto(luts.delta, deltaT(v, delta!.maxAbs), dst, o);
          if (!delta!.significant[g]) {
            dst[o] += (none[0] - dst[o]) * DELTA_FADE;
            dst[o + 1] += (none[1] - dst[o + 1]) * DELTA_FADE;
            dst[o + 2] += (none[2] - dst[o + 2]) * DELTA_FADE;
          }
        }
      }
      last.fill(STALE);
      colors.clearUpdateRanges();
      colors.needsUpdate = true;
      return;
    }

    const f = store.frame;
    const usable = f !== null && f.cellBacklog.length === n && f.coverage.length >= nGrids * 24;
    if (!modeChanged && (!usable || store.version === a.version)) return;
    a.colorBy = colorBy;
    a.mesh = mesh;
    a.version = store.version;

    // scalar per grid for the coverage modes
    if (usable && colorBy !== 'backlog') {
      const cov = f.coverage,
        cases = f.coverageCases;
      if (colorBy === 'coverageHour') {
        const h = Math.floor(f.tS / 3600) % 24;
        for (let g = 0; g < nGrids; g++) {
          const v = cov[g * 24 + h];
          gridVal[g] = Number.isNaN(v) ? NONE : v;
        }
      } else {
        for (let g = 0; g < nGrids; g++) {
          let met = 0,
            dec = 0;
          for (let h = 0; h < 24; h++) {
            const c = cases[g * 24 + h];
            if (c > 0) {
              dec += c;
              met += cov[g * 24 + h] * c;
            }
          }
          gridVal[g] = dec > 0 ? met / dec : NONE;
        }
      }
    }

    const target = layout.coverageTarget;
    let lo = n,
      hi = -1;
    for (let i = 0; i < n; i++) {
      const water = layout.landUse[i] === WATER;
      const v = water
        ? WATER_V
        : !usable
          ? NONE
          : colorBy === 'backlog'
            ? f.cellBacklog[i]
            : grids[i] < 0
              ? NONE
              : gridVal[grids[i]];
      if (v === last[i]) continue;
      last[i] = v;
      const o = i * 3;
      if (water) {
        dst[o] = luts.water[0];
        dst[o + 1] = luts.water[1];
        dst[o + 2] = luts.water[2];
      } else if (colorBy === 'backlog') {
        const t = usable ? backlogT(v) : -1;
        if (t < 0) {
          dst[o] = luts.empty[0];
          dst[o + 1] = luts.empty[1];
          dst[o + 2] = luts.empty[2];
        } else lutInto(luts.viridis, t, dst, o);
      } else if (v === NONE) {
        dst[o] = luts.none[0];
        dst[o + 1] = luts.none[1];
        dst[o + 2] = luts.none[2];
      } else {
        lutInto(luts.attainment, attainmentT(v, target), dst, o);
      }
      if (i < lo) lo = i;
      hi = i;
    }
    if (hi >= lo) {
      colors.clearUpdateRanges();
      colors.addUpdateRange(lo * 3, (hi - lo + 1) * 3);
      colors.needsUpdate = true;
    }
  });

  const onClick = instancePick(onPick);

  return <primitive ref={meshRef} object={mesh} onClick={onClick} />;
}
