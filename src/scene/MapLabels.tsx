/**
 * Labels of the 2D map, in the DOM over the canvas (text is never drawn in
 * the canvas): street (街道) names when zoomed out, responsibility-grid
 * codes once a grid is large enough on screen to carry one
 * (mapView.labelLevel). Only labels inside the view are placed, at most
 * `MAX_LABELS`. The elements are a pool created once and moved with
 * `transform` when the camera moves (checked each rendered frame; nothing
 * is touched while the view is still), so panning and zooming never
 * re-render React. The labels are not given `will-change: transform`:
 * as their own compositing layers (a hundred-odd zoomed in) they cost the
 * GPU process more on every frame the canvas draws, and panning was slower
 * too, than painted together into the few layers the browser makes of
 * them (README, "Large districts", fourteenth session).
 *
 * The container (`container`, owned by CityScene, over the canvas) gets
 * `data-level` ('street' | 'grid') and `data-count`; each label
 * `data-kind` and its code in `data-code`.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { OrthographicCamera } from 'three';
import type { CityLayout } from '../sim/frame.ts';
import type { Lang } from '../i18n/lang.ts';
import { placeName } from '../i18n/place.ts';
import type { SceneMetrics } from './cityGeometry.ts';
import { cellsPerGrid, codeWidthPx, labelLevel, streetAnchors, type MapView, screenX, screenY } from './mapView.ts';

export interface MapLabelsProps {
  layout: CityLayout;
  /** Street names in this language where the scenario gives them in it. */
  lang: Lang;
  metrics: SceneMetrics;
  /** The element over the canvas that holds the labels. */
  container: RefObject<HTMLDivElement | null>;
}

const MAX_LABELS = 400;
/** Labels this far outside the view (px) are still placed, so they slide in when panning. */
const MARGIN = 40;

const BASE_STYLE =
  'position:absolute;left:0;top:0;white-space:nowrap;pointer-events:none;' +
  'text-shadow:0 0 3px #0e131a,0 0 3px #0e131a,0 0 2px #0e131a;font-family:inherit;';
const STREET_STYLE = 'font-size:13px;font-weight:600;color:#f3f6fa;letter-spacing:0.04em;';
const GRID_STYLE = 'font-size:11px;font-weight:500;color:#e6edf5;font-variant-numeric:tabular-nums;';

interface Anchors {
  sx: Float32Array;
  sy: Float32Array;
  gx: Float32Array;
  gy: Float32Array;
  perGrid: number;
  /** Median width of a grid code label, px. */
  codePx: number;
}
interface Pool {
  els: HTMLDivElement[];
  kind: string[];
  text: string[];
  /** Boxes of the labels placed in this pass (x0, y0, x1, y1 each), to leave out a label that would overlap one. */
  boxes: Float32Array;
}

/** Place the labels for the camera's view (nothing when the view is the one last placed). */
function placeLabels(
  root: HTMLDivElement,
  p: Pool,
  last: { key: string },
  v: MapView,
  cam: OrthographicCamera,
  size: { width: number; height: number },
  layout: CityLayout,
  metrics: SceneMetrics,
  anchors: Anchors,
  streetNames: readonly string[],
): void {
  if (!cam.isOrthographicCamera) return;
  const key = `${cam.zoom}|${cam.position.x}|${cam.position.z}|${size.width}|${size.height}`;
  if (key === last.key) return;
  last.key = key;
  v.cx = cam.position.x + metrics.halfX;
  v.cy = cam.position.z + metrics.halfZ;
  v.zoom = cam.zoom;
  v.width = size.width;
  v.height = size.height;
  const level = labelLevel(cam.zoom, anchors.perGrid, anchors.codePx);
  let used = 0;
  const place = (x: number, y: number, kind: string, text: string, code: string) => {
    if (used >= MAX_LABELS || Number.isNaN(x)) return;
    const px = screenX(v, x),
      py = screenY(v, y);
    if (px < -MARGIN || py < -MARGIN || px > v.width + MARGIN || py > v.height + MARGIN) return;
    // greedy: a label overlapping one already placed is left out (irregular grids of different sizes)
    const hw = (kind === 'street' ? text.length * 14 + 8 : codeWidthPx(text)) / 2,
      hh = kind === 'street' ? 10 : 8;
    const b = p.boxes;
    for (let k = 0; k < used; k++) {
      const o = k * 4;
      if (px - hw < b[o + 2] && px + hw > b[o] && py - hh < b[o + 3] && py + hh > b[o + 1]) return;
    }
    b[used * 4] = px - hw;
    b[used * 4 + 1] = py - hh;
    b[used * 4 + 2] = px + hw;
    b[used * 4 + 3] = py + hh;
    let el = p.els[used];
    if (!el) {
      el = document.createElement('div');
      p.els.push(el);
      p.kind.push('');
      p.text.push('');
      root.appendChild(el);
    }
    if (p.kind[used] !== kind) {
      p.kind[used] = kind;
      el.style.cssText = BASE_STYLE + (kind === 'street' ? STREET_STYLE : GRID_STYLE);
      el.dataset.kind = kind;
    }
    if (p.text[used] !== text) {
      p.text[used] = text;
      el.textContent = text;
      el.dataset.code = code;
    }
    el.style.transform = `translate(${px.toFixed(1)}px, ${py.toFixed(1)}px) translate(-50%, -50%)`;
    el.style.display = '';
    used++;
  };
  const h = layout.hierarchy;
  if (level === 'street') {
    for (let s = 0; s < h.streets.length; s++)
      place(anchors.sx[s], anchors.sy[s], 'street', streetNames[s], h.streets[s].code);
  } else {
    for (let g = 0; g < layout.gridIds.length; g++)
      place(anchors.gx[g], anchors.gy[g], 'grid', layout.gridIds[g], layout.gridIds[g]);
  }
  for (let i = used; i < p.els.length; i++) if (p.els[i].style.display !== 'none') p.els[i].style.display = 'none';
  root.dataset.level = level;
  root.dataset.count = String(used);
}

export function MapLabels({ layout, lang, metrics, container }: MapLabelsProps): null {
  const anchors = useMemo((): Anchors => {
    const s = streetAnchors(layout);
    const gx = new Float32Array(layout.gridIds.length),
      gy = new Float32Array(layout.gridIds.length);
    for (let g = 0; g < gx.length; g++) {
      gx[g] = (layout.gridCentre[g] % layout.cols) + 0.5;
      gy[g] = Math.floor(layout.gridCentre[g] / layout.cols) + 0.5;
    }
    const widths = layout.gridIds.map(codeWidthPx).sort((a, b) => a - b);
    return { sx: s.x, sy: s.y, gx, gy, perGrid: cellsPerGrid(layout), codePx: widths[widths.length >> 1] ?? 0 };
  }, [layout]);

  const pool = useRef<Pool>({ els: [], kind: [], text: [], boxes: new Float32Array(MAX_LABELS * 4) });
  const last = useRef({ key: '' });
  const view = useRef<MapView>({ cx: 0, cy: 0, zoom: 1, width: 1, height: 1 });

  // street names in the page's language (where the scenario has them in it): a new language places them again
  const streetNames = useMemo(() => layout.hierarchy.streets.map((st) => placeName(st, lang)), [layout, lang]);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    last.current.key = '';
    invalidate();
  }, [streetNames, invalidate]);

  useEffect(() => {
    const p = pool.current;
    last.current.key = '';
    return () => {
      for (const el of p.els) el.remove();
      p.els.length = 0;
      p.kind.length = 0;
      p.text.length = 0;
    };
  }, [layout]);

  useFrame(({ camera, size }) => {
    const root = container.current;
    if (!root) return;
    placeLabels(
      root,
      pool.current,
      last.current,
      view.current,
      camera as OrthographicCamera,
      size,
      layout,
      metrics,
      anchors,
      streetNames,
    );
  });
  return null;
}
