/**
 * The slot of the 3D city (src/scene/CityScene.tsx): passes it the layout,
 * the frame stream, the colouring and language, and routes picks to the
 * store (the detail panel shows them), and reframes the city when the
 * workspace view (live / experiments / editor) gives the canvas another
 * shape; the grid of a selected cell is outlined. `data-testid="city-canvas"`
 * wraps the canvas.
 */
import { useCallback, useMemo } from 'react';
import { CityScene, type ScenePick } from '../scene/CityScene.tsx';
import { useController, useStore } from '../app/useStore.ts';
import { useT } from './i18n/index.ts';

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
  // the grid of a selected cell is outlined (a grid found in the matrix selects its centre cell)
  const selectedGrid = useStore((s) =>
    s.layout && s.selection?.kind === 'cell' ? (s.layout.cellGrid[s.selection.index] ?? -1) : -1,
  );
  return (
    <div className="scene-slot" data-testid="city-canvas">
      {layout ? (
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
        />
      ) : (
        <div className="scene-placeholder">
          <p>{t('app.loading')}</p>
        </div>
      )}
    </div>
  );
}
