/**
 * The slot of the city (src/scene/CityScene.tsx): passes it the layout,
 * the frame stream, the colouring and language, and routes picks to the
 * store (the detail panel shows them), and reframes the city when the
 * workspace view (live / experiments / editor) gives the canvas another
 * shape; the grid of a selected cell is outlined. `data-testid="city-canvas"`
 * wraps the canvas (`data-map-mode`: '2d' | '3d').
 *
 * The view switch over the canvas (二维地图 / 三维, `map-mode-2d|3d`) shows
 * the city as a 2D map or in 3D; until the user chooses, a large city
 * (over 5,000 cells or 400 grids, src/scene/mapView.ts) opens in 2D. The
 * canvas is mounted once the GPU is warm (src/scene/gpuWarmup.ts), so the
 * browser's GPU start-up never blocks the page; multisampling is off when
 * the first city is a large one (under a software GPU it halves the frame rate).
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import type { ScenePick } from '../scene/CityScene.tsx';
import { warmGpu } from '../scene/gpuWarmup.ts';
import { defaultMapMode } from '../scene/mapView.ts';
import { changedSince } from '../scene/drawHold.ts';
import { useController, useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';

/**
 * The scene (three, @react-three/fiber: the largest chunk) loads on its own, after the page: evaluated with
 * the page's entry it made one main-thread task of 0.25–0.5 s while a large district loaded. Its download
 * starts with the page (this module), its evaluation is a task of its own.
 */
const sceneModule = import('../scene/CityScene.tsx');
const CityScene = lazy(() => sceneModule.then((m) => ({ default: m.CityScene })));

/** The scenario's station crowd threshold (metro.crowdThreshold, default 300 as in the schema). */
function crowdThresholdOf(text: string): number {
  try {
    const v = (JSON.parse(text) as { metro?: { crowdThreshold?: unknown } }).metro?.crowdThreshold;
    return typeof v === 'number' && v > 0 ? v : 300;
  } catch {
    return 300;
  }
}

export function SceneSlot() {
  const t = useT();
  const ctl = useController();
  const layout = useStore((s) => s.layout);
  const colorBy = useStore((s) => s.colorBy);
  const delta = useStore((s) => s.delta);
  const view = useStore((s) => s.view);
  const lang = useStore((s) => s.lang);
  const playing = useStore((s) => s.playing);
  const text = useStore((s) => s.scenarioText);
  const crowdThreshold = useMemo(() => crowdThresholdOf(text), [text]);
  const onPick = useCallback((p: ScenePick) => ctl.select(p), [ctl]);
  // at maximum speed, a frame the panels took since the scene's last draw: the browser lays them out and paints them in
  // this animation frame, and the scene draws in the next (issue 12: the two in one task went over 50 ms there; at
  // other speeds there is time for both, and every draw counts)
  const holdDraw = useMemo(() => {
    const changed = changedSince(() => {
      const s = ctl.store.getState();
      return [s.frame, s.matrixFrame];
    });
    return () => changed() && ctl.store.getState().speed === 'max';
  }, [ctl]);
  // the user's choice holds for the scenario it was made on; another city opens in the view its size calls for
  const [chosen, setChosen] = useState<{ scenarioId: string; mode: '2d' | '3d' } | null>(null);
  const mode =
    layout && chosen?.scenarioId === layout.scenarioId ? chosen.mode : layout ? defaultMapMode(layout) : '3d';
  const [gpuReady, setGpuReady] = useState(false);
  useEffect(() => {
    let live = true;
    void warmGpu().then(() => live && setGpuReady(true));
    return () => {
      live = false;
    };
  }, []);
  // read by the canvas once, when it is created
  const [antialias, setAntialias] = useState<boolean | null>(null);
  if (layout && antialias === null) setAntialias(defaultMapMode(layout) === '3d');
  // the grid of a selected cell is outlined (a grid found in the matrix selects its centre cell)
  const selectedGrid = useStore((s) =>
    s.layout && s.selection?.kind === 'cell' ? (s.layout.cellGrid[s.selection.index] ?? -1) : -1,
  );
  const placeholder = (
    <div className="scene-placeholder">
      <p>{t('app.loading')}</p>
    </div>
  );
  return (
    <div className="scene-slot" data-testid="city-canvas" data-map-mode={layout ? mode : undefined}>
      {layout && gpuReady ? (
        <Suspense fallback={placeholder}>
          <CityScene
            layout={layout}
            frames$={ctl.client.frames$}
            colorBy={colorBy}
            delta={delta}
            lang={lang}
            paused={!playing}
            onPick={onPick}
            crowdThreshold={crowdThreshold}
            reframeKey={view}
            selectedGrid={selectedGrid}
            mode={mode}
            antialias={antialias ?? true}
            holdDraw={holdDraw}
          />
        </Suspense>
      ) : (
        placeholder
      )}
      {layout && (
        <div className="map-mode segmented small" role="radiogroup" aria-label={t('map.mode')}>
          {(['2d', '3d'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              className={`seg ${mode === m ? 'active' : ''}`}
              data-testid={`map-mode-${m}`}
              title={t(m === '2d' ? 'map.mode.hint2d' : 'map.mode.hint3d')}
              onClick={() => layout && setChosen({ scenarioId: layout.scenarioId, mode: m })}
            >
              {t(m === '2d' ? 'map.mode.2d' : 'map.mode.3d')}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
