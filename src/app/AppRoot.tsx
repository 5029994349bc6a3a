/**
 * The app's root element and the state the end-to-end tests wait on, as
 * attributes: data-scenario, data-seed, data-done, data-playing,
 * data-ready, data-lang, data-view.
 *
 * It is its own component so that these changing (play, pause, restart, the
 * run's end) re-renders only this element: `children` are the same elements
 * as before, and React leaves them alone. When App read them itself, every
 * click on play or restart re-rendered every panel and the scene in the
 * click's task (50–100 ms on a large district, issue 12).
 */
import type { ReactNode } from 'react';
import { useStore } from './useStore.ts';

export interface AppRootProps {
  children: ReactNode;
}

export function AppRoot({ children }: AppRootProps) {
  const scenarioId = useStore((s) => s.scenarioId);
  const seed = useStore((s) => s.seed);
  const done = useStore((s) => s.done);
  const playing = useStore((s) => s.playing);
  const ready = useStore((s) => s.layout !== null);
  const lang = useStore((s) => s.lang);
  const view = useStore((s) => s.view);
  return (
    <div
      className={`app view-${view}`}
      data-testid="app"
      data-scenario={scenarioId}
      data-seed={String(seed)}
      data-done={String(done)}
      data-playing={String(playing)}
      data-ready={String(ready)}
      data-lang={lang}
      data-view={view}
    >
      {children}
    </div>
  );
}
