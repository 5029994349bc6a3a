/**
 * The app shell: header and controls on top, the 3D city in the centre,
 * KPIs, legend and details in the right column, charts and the coverage
 * matrix in the bottom strip. The root carries the state the end-to-end
 * tests wait on: data-scenario, data-seed, data-done.
 */
import { useController, useStore } from './useStore.ts';
import { useKeyboard } from './useKeyboard.ts';
import { Header } from '../ui/Header.tsx';
import { Controls } from '../ui/Controls.tsx';
import { SceneSlot } from '../ui/SceneSlot.tsx';
import { KpiPanel } from '../ui/KpiPanel.tsx';
import { Legend } from '../ui/Legend.tsx';
import { DetailPanel } from '../ui/DetailPanel.tsx';
import { CoverageMatrix } from '../ui/CoverageMatrix.tsx';
import { ChartsPanel } from '../ui/ChartsPanel.tsx';
import { ScenarioErrors } from '../ui/ScenarioErrors.tsx';
import { ScenarioTitle } from '../ui/ScenarioTitle.tsx';

export function App() {
  const ctl = useController();
  useKeyboard(ctl);
  const scenarioId = useStore((s) => s.scenarioId);
  const seed = useStore((s) => s.seed);
  const done = useStore((s) => s.done);
  const playing = useStore((s) => s.playing);
  const ready = useStore((s) => s.layout !== null);
  const lang = useStore((s) => s.lang);
  return (
    <div
      className="app"
      data-testid="app"
      data-scenario={scenarioId}
      data-seed={String(seed)}
      data-done={String(done)}
      data-playing={String(playing)}
      data-ready={String(ready)}
      data-lang={lang}
    >
      <Header />
      <Controls />
      <main className="stage">
        <ScenarioTitle />
        <SceneSlot />
        <ScenarioErrors />
      </main>
      <aside className="side">
        <KpiPanel />
        <DetailPanel />
        <Legend />
      </aside>
      <section className="bottom">
        <CoverageMatrix />
        <ChartsPanel />
      </section>
    </div>
  );
}
