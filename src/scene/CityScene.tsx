/**
 * The city: the live twin's canvas, as a 3D view or a 2D map (`mode`).
 *
 * One react-three-fiber `<Canvas>` (WebGL2) rendering on demand: a frame
 * from the simulation, a camera move or a prop change requests one render,
 * and nothing is drawn in between, so a paused run costs nothing. The only
 * animation is rain, while the run plays.
 *
 * Every layer is one object, so the scene is a handful of draw calls
 * whatever the size of the city (at most 9: ground, cells, grid lines,
 * staff, cases, late-case rings, station columns, station gauges, rain;
 * empty layers are not drawn). Where there are many of a kind, their
 * copies share one vertex buffer (cellBlocks.ts, mergedMarkers.ts) rather
 * than being instances: a software GPU (SwiftShader) pays per instance, and
 * the instanced cells of lianhu-grids held the 3D view at 2 frames/s. Only
 * the few station columns are instanced.
 *
 *   CityScene
 *   ├─ FrameBridge     frames$ → FrameStore, invalidate()
 *   ├─ RenderStats     renders, publishes window.__allweatherGl
 *   ├─ Deferred        wraps the per-layout layers below: built a task after the canvas
 *   ├─ (per layout, 3D)
 *   │  ├─ CameraRig    framing + MapControls
 *   │  ├─ Ground, CellsMesh, GridLines, SelectedGrid
 *   │  ├─ StationColumns, StaffMarkers, CaseMarkers
 *   │  ├─ Rain
 *   │  └─ Prewarm     compiles every shader before the run plays
 *   └─ (per layout, 2D map: orthographic, north up, for large districts)
 *      ├─ MapCamera    framing + pan/zoom
 *      ├─ Ground, CellsTexture (one textured quad), GridLines, SelectedGrid
 *      ├─ StationColumns, MapMarkers (staff and cases as points, by zoom)
 *      ├─ MapLabels    street names / grid codes in the DOM over the canvas
 *      └─ Prewarm
 *
 * Per-frame updates write straight into vertex (or instance) buffers in `useFrame`
 * (no React state, no allocation). A new layout (another scenario) remounts
 * the per-layout subtree, which disposes the old geometries and materials
 * and builds new ones. Text is not drawn in the canvas: labels, legends
 * and details belong to the DOM, and every fact drawn here has a DOM twin.
 */
import { useMemo, useRef, type RefObject } from 'react';
import { Canvas } from '@react-three/fiber';
import type { Observable } from 'rxjs';
import type { CityLayout, Frame } from '../sim/frame.ts';
import { CameraRig } from './CameraRig.tsx';
import { CaseMarkers } from './CaseMarkers.tsx';
import { CellsMesh, type ColorBy, type GridDelta } from './CellsMesh.tsx';
import { CellsTexture } from './CellsTexture.tsx';
import { sceneMetrics } from './cityGeometry.ts';
import { FrameBridge } from './FrameBridge.tsx';
import { createFrameStore, type FrameStore } from './frameStore.ts';
import { GridLines } from './GridLines.tsx';
import { Ground } from './Ground.tsx';
import { MapCamera } from './MapCamera.tsx';
import { MapLabels } from './MapLabels.tsx';
import { MapMarkers } from './MapMarkers.tsx';
import { BACKGROUND } from './palette.ts';
import { Prewarm } from './Prewarm.tsx';
import { Rain } from './Rain.tsx';
import { RenderStats } from './RenderStats.tsx';
import { StaffMarkers } from './StaffMarkers.tsx';
import { StationColumns } from './StationColumns.tsx';
import { SelectedGrid } from './SelectedGrid.tsx';
import { Deferred } from './Deferred.tsx';

export type { ColorBy, GridDelta } from './CellsMesh.tsx';
export type { GlStats } from './RenderStats.tsx';

/** What was clicked: a cell (index into the layout's cells), a staff member (roster index) or a metro station (index into `layout.stations`). */
export interface ScenePick {
  kind: 'cell' | 'staff' | 'station';
  index: number;
}

export interface CitySceneProps {
  /** The city to draw (static: lattice, land use, grids, stations, staff roster). Required. A new object rebuilds the scene and reframes the camera. */
  layout: CityLayout;
  /** Simulation frames (staff, cases, backlog, coverage, queues, rain). Required. The scene renders once per frame received; it does not replay a frame emitted before it subscribed. */
  frames$: Observable<Frame>;
  /** What the cell colours show: land use, open cases per cell, the grid's attainment this hour of day, the grid's attainment over all hours so far, or the per-grid `delta`. Default `'landUse'`. */
  colorBy?: ColorBy;
  /** Per-grid values (layout grid order) for colorBy `'delta'`, e.g. an A/B comparison's B − A attainment; a new object repaints. Default `null` (all cells no data). */
  delta?: GridDelta | null;
  /** Language of the canvas's accessible label. Default `'zh-CN'`. */
  lang?: 'zh-CN' | 'en';
  /** The run is paused: the rain stops animating and nothing renders until a frame, a camera move or a prop change. Default `false`. */
  paused?: boolean;
  /** Called when a cell, a staff marker or a station column is clicked (a drag to move the camera is not a click). Default: none (nothing is pickable). */
  onPick?: (p: ScenePick) => void;
  /** Passengers waiting at a station's security check at which it counts as crowded (the scenario's `crowdThreshold`). Default `300`, the scenario schema's default. */
  crowdThreshold?: number;
  /** Multisample anti-aliasing (read once, when the canvas is created). Default `true`; under a software GPU (SwiftShader) `false` roughly doubles the frame rate. */
  antialias?: boolean;
  /** Changing it frames the whole city again at the canvas's (new) size, e.g. when the app gives the canvas another shape. Default undefined. */
  reframeKey?: unknown;
  /** A responsibility grid to outline, with a pin on its centre cell (index into `layout.gridIds`). Default `-1` (none). */
  selectedGrid?: number;
  /** `'3d'`: the oblique 3D city; `'2d'`: the map from straight above (orthographic, one textured quad for the cells, labels by zoom), fluid for large districts. Default `'3d'`. */
  mode?: '2d' | '3d';
  /** Asked before each draw: true when the page's panels changed since the last animation frame; the draw then waits one animation frame (RenderStats). Default: none (always draw). */
  holdDraw?: () => boolean;
}

const layoutKeys = new WeakMap<CityLayout, number>();
let nextLayoutKey = 1;
function layoutKey(layout: CityLayout): number {
  let k = layoutKeys.get(layout);
  if (k === undefined) layoutKeys.set(layout, (k = nextLayoutKey++));
  return k;
}

function ariaLabel(
  layout: CityLayout,
  lang: 'zh-CN' | 'en',
  colorBy: ColorBy,
  lateCases = false,
  mode: '2d' | '3d' = '3d',
): string {
  const nGrids = layout.gridIds.length;
  if (lang === 'en') {
    const by = {
      landUse: 'land use',
      backlog: 'open cases per cell',
      coverageHour: 'grid SLA attainment this hour',
      attainment: 'grid SLA attainment so far',
      delta: lateCases ? 'late cases per responsibility grid' : 'the difference B − A of grid SLA attainment',
    }[colorBy];
    return (
      `${mode === '2d' ? '2D map' : '3D city view'} of ${layout.name.en}: ${layout.cols} × ${layout.rows} unit cells in ${nGrids} responsibility grids, ` +
      `${layout.nStaff} staff, ${layout.stations.length} metro stations; cells coloured by ${by}. The same facts are in the panels beside it.`
    );
  }
  const by = {
    landUse: '用地类型',
    backlog: '每个单元网格的待办案件数',
    coverageHour: '本小时责任网格达标率',
    attainment: '责任网格累计达标率',
    delta: lateCases ? '各责任网格的超时案件数' : '责任网格达标率之差（B − A）',
  }[colorBy];
  return (
    `${layout.name.zh}${mode === '2d' ? '二维地图' : '三维城市视图'}：${layout.cols} × ${layout.rows} 个单元网格，${nGrids} 个责任网格，` +
    `${layout.nStaff} 名工作人员，${layout.stations.length} 个地铁站；单元网格按${by}着色。相同信息见旁边的面板。`
  );
}

interface LayerProps {
  layout: CityLayout;
  store: FrameStore;
  colorBy: ColorBy;
  delta: GridDelta | null;
  paused: boolean;
  onPick?: (p: ScenePick) => void;
  crowdThreshold: number;
  reframeKey: unknown;
  selectedGrid: number;
  /** The element over the canvas for the 2D map's labels. */
  labels: RefObject<HTMLDivElement | null>;
  /** The page's language (the 2D map's street names). */
  lang: 'zh-CN' | 'en';
}

/** One click handler per kind of thing on the map (cell, staff member, station), or none when nothing listens. */
function usePickers(onPick: LayerProps['onPick']) {
  return useMemo(() => {
    if (!onPick) return { cell: undefined, staff: undefined, station: undefined };
    return {
      cell: (index: number) => onPick({ kind: 'cell', index }),
      staff: (index: number) => onPick({ kind: 'staff', index }),
      station: (index: number) => onPick({ kind: 'station', index }),
    };
  }, [onPick]);
}

/** Everything that depends on the layout; remounted (and so rebuilt) for each new layout. */
function CityLayers({
  layout,
  store,
  colorBy,
  delta,
  paused,
  onPick,
  crowdThreshold,
  reframeKey,
  selectedGrid,
}: LayerProps) {
  const metrics = useMemo(() => sceneMetrics(layout), [layout]);
  const pick = usePickers(onPick);
  return (
    <>
      <CameraRig metrics={metrics} reframeKey={reframeKey} />
      <Ground metrics={metrics} onPick={pick.cell} />
      <CellsMesh layout={layout} metrics={metrics} store={store} colorBy={colorBy} delta={delta} onPick={pick.cell} />
      <GridLines layout={layout} metrics={metrics} />
      <SelectedGrid layout={layout} metrics={metrics} grid={selectedGrid} />
      <StationColumns
        layout={layout}
        metrics={metrics}
        store={store}
        threshold={crowdThreshold}
        onPick={pick.station}
      />
      <StaffMarkers layout={layout} metrics={metrics} store={store} onPick={pick.staff} />
      <CaseMarkers metrics={metrics} store={store} />
      <Rain metrics={metrics} store={store} paused={paused} />
      <Prewarm />
    </>
  );
}

/** The 2D map of a layout; remounted for each new layout. */
function MapLayers({
  layout,
  store,
  colorBy,
  delta,
  onPick,
  crowdThreshold,
  reframeKey,
  selectedGrid,
  labels,
  lang,
}: LayerProps) {
  const metrics = useMemo(() => sceneMetrics(layout), [layout]);
  const pick = usePickers(onPick);
  return (
    <>
      <MapCamera metrics={metrics} reframeKey={reframeKey} />
      <Ground metrics={metrics} />
      <CellsTexture
        layout={layout}
        metrics={metrics}
        store={store}
        colorBy={colorBy}
        delta={delta}
        onPickCell={pick.cell}
        onPickStaff={pick.staff}
        onPickStation={pick.station}
      />
      <GridLines layout={layout} metrics={metrics} />
      <SelectedGrid layout={layout} metrics={metrics} grid={selectedGrid} />
      <StationColumns
        layout={layout}
        metrics={metrics}
        store={store}
        threshold={crowdThreshold}
        onPick={pick.station}
      />
      <MapMarkers layout={layout} metrics={metrics} store={store} />
      <MapLabels layout={layout} lang={lang} metrics={metrics} container={labels} />
      <Prewarm />
    </>
  );
}

/**
 * The live city, in 3D or as a 2D map. Fills its parent (give the parent a size).
 *
 * @param props.layout the city to draw (required)
 * @param props.frames$ the simulation's frames (required)
 * @param props.colorBy cell colouring, default `'landUse'`
 * @param props.delta per-grid values for colorBy `'delta'`, default `null`
 * @param props.lang accessible label language, default `'zh-CN'`
 * @param props.paused freeze animation, default `false`
 * @param props.onPick click handler for cells, staff and stations, default none
 * @param props.crowdThreshold station crowd threshold in passengers, default `300`
 * @param props.antialias multisampling, default `true`
 * @param props.reframeKey frame the city again when it changes, default undefined
 * @param props.selectedGrid grid to outline (index), default `-1` (none)
 * @param props.mode `'3d'` or `'2d'` (the map), default `'3d'`
 * @param props.holdDraw true to move a draw to the next animation frame (the panels changed), default none
 */
export function CityScene({
  layout,
  frames$,
  colorBy = 'landUse',
  delta = null,
  lang = 'zh-CN',
  paused = false,
  onPick,
  crowdThreshold = 300,
  antialias = true,
  reframeKey,
  selectedGrid = -1,
  mode = '3d',
  holdDraw,
}: CitySceneProps) {
  const store = useMemo(() => createFrameStore(), []);
  const labels = useRef<HTMLDivElement>(null);
  const Layers = mode === '2d' ? MapLayers : CityLayers;
  return (
    <div
      role="img"
      aria-label={ariaLabel(layout, lang, colorBy, delta?.scale === 'sequential', mode)}
      data-map-mode={mode}
      style={{ position: 'relative', width: '100%', height: '100%', background: BACKGROUND }}
    >
      <Canvas
        frameloop="demand"
        flat
        dpr={[1, 2]}
        gl={{ antialias, alpha: false, powerPreference: 'high-performance' }}
        camera={{ fov: 40, near: 0.1, far: 2000, position: [0, 30, 30] }}
        aria-hidden
      >
        <color attach="background" args={[BACKGROUND]} />
        <FrameBridge frames$={frames$} store={store} />
        <RenderStats holdDraw={holdDraw} />
        <Deferred>
          <Layers
            key={`${mode}-${layoutKey(layout)}`}
            labels={labels}
            layout={layout}
            store={store}
            colorBy={colorBy}
            delta={delta}
            paused={paused}
            onPick={onPick}
            crowdThreshold={crowdThreshold}
            reframeKey={reframeKey}
            selectedGrid={selectedGrid}
            lang={lang}
          />
        </Deferred>
      </Canvas>
      {mode === '2d' && (
        <div
          ref={labels}
          data-testid="map-labels"
          aria-hidden
          style={{ position: 'absolute', inset: 0, overflow: 'hidden', pointerEvents: 'none' }}
        />
      )}
    </div>
  );
}
