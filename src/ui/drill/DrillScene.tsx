/**
 * The 3D city of a drill console or the review: src/scene/CityScene.tsx,
 * reused as is, in a sized slot. The drill's facts drawn there (cases,
 * staff, rain) all have DOM twins in the panels beside it.
 *
 * Props: `layout` and `frames$` (required), `paused` (default false),
 * `onPick` (default none), `testId` (default "drill-canvas").
 */
import type { Observable } from 'rxjs';
import { CityScene, type ScenePick } from '../../scene/CityScene.tsx';
import type { CityLayout, Frame } from '../../sim/frame.ts';
import { useDrill } from '../../app/drill/store.ts';

export interface DrillSceneProps {
  layout: CityLayout;
  frames$: Observable<Frame>;
  paused?: boolean;
  onPick?: (p: ScenePick) => void;
  testId?: string;
  /** A line over the canvas (e.g. "click a cell to fill x, y"). */
  hint?: string;
}

export function DrillScene({
  layout,
  frames$,
  paused = false,
  onPick,
  testId = 'drill-canvas',
  hint,
}: DrillSceneProps) {
  const lang = useDrill((s) => s.lang);
  return (
    <div className="scene-slot drill-scene" data-testid={testId}>
      <CityScene
        layout={layout}
        frames$={frames$}
        lang={lang}
        paused={paused}
        onPick={onPick}
        crowdThreshold={layout.crowdThreshold}
      />
      {hint && <p className="scene-hint">{hint}</p>}
    </div>
  );
}
