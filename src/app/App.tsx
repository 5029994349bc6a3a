/**
 * The app shell: header (with the workspace tabs) and controls on top, the
 * 3D city in the centre. In the live view: KPIs, details, what limits
 * coverage and the legend in the right column, charts and the coverage
 * matrix in the bottom strip. In the experiments and editor views that
 * workspace takes the right half beside the city (which stays mounted, so
 * the delta colouring shows next to the comparison). The root (AppRoot)
 * carries the state the end-to-end tests wait on: data-scenario, data-seed,
 * data-done, data-view. Files dropped on the page open like "Open" (a hint shows while
 * they are dragged over it); the import view shows the last import's report.
 */
import { lazy, Suspense } from 'react';
import { useController, useStore } from './useStore.ts';
import { useKeyboard } from './useKeyboard.ts';
import { AppRoot } from './AppRoot.tsx';
import { useFileDrop } from './useFileDrop.ts';
import { Header } from '../ui/Header.tsx';
import { Controls } from '../ui/Controls.tsx';
import { SceneSlot } from '../ui/SceneSlot.tsx';
import { KpiPanel } from '../ui/KpiPanel.tsx';
import { Legend } from '../ui/Legend.tsx';
import { DetailPanel } from '../ui/DetailPanel.tsx';
import { CoverageMatrix } from '../ui/CoverageMatrix.tsx';
import { ScenarioErrors } from '../ui/ScenarioErrors.tsx';
import { RunSizeConfirm } from '../ui/RunSizeConfirm.tsx';
import { RestoreNotice } from '../ui/RestoreNotice.tsx';
import { ScenarioTitle } from '../ui/ScenarioTitle.tsx';
import { DeltaLegend } from '../ui/DeltaLegend.tsx';
import { LateLegend } from '../ui/diagnosis/LateLegend.tsx';
import { LiveDiagnosisPanel } from '../ui/diagnosis/LiveDiagnosisPanel.tsx';
import { DropHint } from '../ui/import/DropHint.tsx';

// Loaded when first shown, each its own chunk (uPlot, the analysis and export code), so the first screen's script
// is smaller and evaluates in shorter tasks (issue 12: no long task while loading a large district).
const ChartsPanel = lazy(() => import('../ui/ChartsPanel.tsx').then((m) => ({ default: m.ChartsPanel })));
const ExperimentsPanel = lazy(() =>
  import('../ui/experiments/ExperimentsPanel.tsx').then((m) => ({ default: m.ExperimentsPanel })),
);
const EditorPanel = lazy(() => import('../ui/editor/EditorPanel.tsx').then((m) => ({ default: m.EditorPanel })));
const ImportPanel = lazy(() => import('../ui/import/ImportPanel.tsx').then((m) => ({ default: m.ImportPanel })));

export function App() {
  const ctl = useController();
  useKeyboard(ctl);
  const dragging = useFileDrop(ctl);
  // the root's attributes (seed, done, playing…) live in AppRoot: they change on every play, restart and run end,
  // and re-rendering every panel then made the click's task long (issue 12); App re-renders only on a new view
  const view = useStore((s) => s.view);
  return (
    <AppRoot>
      <Header />
      <Controls />
      <main className="stage">
        <ScenarioTitle />
        <SceneSlot />
        <DeltaLegend />
        <LateLegend />
        <ScenarioErrors />
        <RunSizeConfirm />
        <RestoreNotice />
      </main>
      {view === 'live' && (
        <>
          <aside className="side" id="view-panel-live">
            <KpiPanel />
            <DetailPanel />
            <LiveDiagnosisPanel />
            <Legend />
          </aside>
          <section className="bottom">
            <CoverageMatrix />
            <Suspense fallback={null}>
              <ChartsPanel />
            </Suspense>
          </section>
        </>
      )}
      <Suspense fallback={null}>
        {view === 'experiments' && <ExperimentsPanel />}
        {view === 'editor' && <EditorPanel />}
        {view === 'import' && <ImportPanel />}
      </Suspense>
      {dragging && <DropHint />}
    </AppRoot>
  );
}
