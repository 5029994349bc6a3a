/**
 * Staff and open cases on the 2D map, drawn with level of detail: each is
 * ONE Points object (one draw call each, one shader program for both), a
 * round dot with a dark rim whose size in pixels follows the zoom
 * (mapView.markerPx): zoomed out, thousands of members and cases are
 * small dots over the coloured cells (the backlog colouring is their
 * aggregate per cell); zoomed in they grow to about a cell. Colours are
 * the 3D markers' (staff by state, cases by type, latent cases dimmed);
 * cases past a deadline get a red rim, the 3D view's ring. Off-duty
 * members are not drawn (size 0).
 *
 * Each new frame rewrites the position, colour and size arrays in place
 * (no allocation) and uploads the used part; the case buffers double when
 * a frame carries more cases than fit.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, Group, Points, ShaderMaterial } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import type { SceneMetrics } from './cityGeometry.ts';
import type { FrameStore } from './frameStore.ts';
import { markerPx } from './mapView.ts';
import { BACKGROUND, CASE_TYPE_COLORS, LATE_COLOR, STAFF_STATE_COLORS } from './palette.ts';
import { linear, paletteArray } from './paletteGl.ts';

export interface MapMarkersProps {
  layout: CityLayout;
  metrics: SceneMetrics;
  store: FrameStore;
}

const FLOATS_PER_CASE = 6;
/** Relative size by priority 1..4 (as the 3D markers). */
const CASE_SIZE = [1.25, 1.25, 1.05, 0.9, 0.8];
const STAFF_SIZE = 1;
const LATENT_DIM = 0.45;

const VERTEX = /* glsl */ `
attribute vec3 color;
attribute float size;
attribute float late;
uniform float uPx;
varying vec3 vColor;
varying float vLate;
void main() {
  vColor = color;
  vLate = late;
  gl_PointSize = size * uPx;
  // size 0 (off duty): outside the clip volume, not a one-pixel point (point sizes are clamped to at least 1)
  gl_Position = size > 0.0 ? projectionMatrix * modelViewMatrix * vec4(position, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
}`;
const FRAGMENT = /* glsl */ `
uniform vec3 uRim;
uniform vec3 uLate;
varying vec3 vColor;
varying float vLate;
void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  float r = dot(p, p);
  if (r > 1.0) discard;
  vec3 c = r > 0.5 ? (vLate > 0.5 ? uLate : uRim) : vColor;
  gl_FragColor = vec4(c, 1.0);
  #include <colorspace_fragment>
}`;

function makePoints(capacity: number, material: ShaderMaterial, name: string): Points {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(capacity * 3), 3));
  g.setAttribute('color', new BufferAttribute(new Float32Array(capacity * 3), 3));
  g.setAttribute('size', new BufferAttribute(new Float32Array(capacity), 1));
  g.setAttribute('late', new BufferAttribute(new Float32Array(capacity), 1));
  g.setDrawRange(0, 0);
  const p = new Points(g, material);
  p.frustumCulled = false;
  p.renderOrder = 3;
  p.name = name;
  return p;
}

/** Mark the first `count` items of every attribute for upload. */
function upload(g: BufferGeometry, count: number): void {
  for (const name of ['position', 'color', 'size', 'late']) {
    const a = g.getAttribute(name) as BufferAttribute;
    a.clearUpdateRanges();
    a.addUpdateRange(0, count * a.itemSize);
    a.needsUpdate = true;
  }
}

/** The marker size uniform (pixels for a relative size of 1). */
function setPx(material: ShaderMaterial, px: number): void {
  material.uniforms.uPx.value = px;
}

export function MapMarkers({ layout, metrics, store }: MapMarkersProps) {
  const nStaff = layout.nStaff;
  const res = useMemo(() => {
    const material = new ShaderMaterial({
      vertexShader: VERTEX,
      fragmentShader: FRAGMENT,
      uniforms: { uPx: { value: 4 }, uRim: { value: linear(BACKGROUND) }, uLate: { value: linear(LATE_COLOR) } },
      depthTest: false,
      depthWrite: false,
    });
    return {
      material,
      staffPal: paletteArray(STAFF_STATE_COLORS),
      casePal: paletteArray(CASE_TYPE_COLORS),
      bg: linear(BACKGROUND),
    };
  }, []);
  const group = useMemo(() => new Group(), []);
  const state = useRef<{ staff: Points; cases: Points; capacity: number } | null>(null);
  const applied = useRef({ version: -1, zoom: -1 });

  useEffect(() => {
    const staff = makePoints(Math.max(1, nStaff), res.material, 'staff-map');
    const cases = makePoints(256, res.material, 'cases-map');
    group.add(cases, staff); // staff drawn over cases
    state.current = { staff, cases, capacity: 256 };
    applied.current.version = -1;
    return () => {
      group.remove(staff, cases);
      staff.geometry.dispose();
      cases.geometry.dispose();
      state.current = null;
    };
  }, [group, res, nStaff]);
  useEffect(() => () => res.material.dispose(), [res]);

  useFrame(({ camera }) => {
    const m = state.current;
    if (!m) return;
    const zoom = (camera as { zoom?: number }).zoom ?? 1;
    if (zoom !== applied.current.zoom) {
      applied.current.zoom = zoom;
      setPx(m.staff.material as ShaderMaterial, markerPx(zoom));
    }
    const f = store.frame;
    if (!f || store.version === applied.current.version) return;
    applied.current.version = store.version;
    const y = metrics.overlayY + 0.1;

    // staff, in roster order
    if (f.staffState.length === nStaff) {
      const g = m.staff.geometry;
      const pos = g.getAttribute('position').array as Float32Array,
        col = g.getAttribute('color').array as Float32Array,
        size = g.getAttribute('size').array as Float32Array;
      const pal = res.staffPal;
      for (let i = 0; i < nStaff; i++) {
        const st = f.staffState[i];
        pos[i * 3] = f.staffXY[2 * i] - metrics.halfX;
        pos[i * 3 + 1] = y;
        pos[i * 3 + 2] = f.staffXY[2 * i + 1] - metrics.halfZ;
        const p = Math.min(st, 5) * 3;
        col[i * 3] = pal[p];
        col[i * 3 + 1] = pal[p + 1];
        col[i * 3 + 2] = pal[p + 2];
        size[i] = st === 0 ? 0 : STAFF_SIZE;
      }
      g.setDrawRange(0, nStaff);
      upload(g, nStaff);
    }

    // open cases
    const n = f.nCases;
    if (n > m.capacity) {
      let cap = m.capacity;
      while (cap < n) cap *= 2;
      group.remove(m.cases);
      m.cases.geometry.dispose();
      m.cases = makePoints(cap, res.material, 'cases-map');
      m.capacity = cap;
      group.add(m.cases);
    }
    const g = m.cases.geometry;
    const pos = g.getAttribute('position').array as Float32Array,
      col = g.getAttribute('color').array as Float32Array,
      size = g.getAttribute('size').array as Float32Array,
      late = g.getAttribute('late').array as Float32Array;
    const pal = res.casePal,
      nPal = pal.length / 3,
      bg = res.bg,
      c = f.cases;
    for (let i = 0; i < n; i++) {
      const b = i * FLOATS_PER_CASE;
      pos[i * 3] = c[b] - metrics.halfX;
      pos[i * 3 + 1] = y;
      pos[i * 3 + 2] = c[b + 1] - metrics.halfZ;
      const p = ((c[b + 2] | 0) % nPal) * 3;
      const k = c[b + 5] === 1 ? LATENT_DIM : 1;
      col[i * 3] = bg[0] + (pal[p] - bg[0]) * k;
      col[i * 3 + 1] = bg[1] + (pal[p + 1] - bg[1]) * k;
      col[i * 3 + 2] = bg[2] + (pal[p + 2] - bg[2]) * k;
      size[i] = CASE_SIZE[Math.min(4, Math.max(1, c[b + 3] | 0))];
      late[i] = c[b + 4] === 1 ? 1 : 0;
    }
    g.setDrawRange(0, n);
    m.cases.visible = n > 0;
    if (n > 0) upload(g, n);
  });

  return <primitive object={group} />;
}
