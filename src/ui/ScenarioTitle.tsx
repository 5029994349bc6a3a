/** The running scenario's name (and id, seed) over the 3D view. */
import { useStore } from '../app/useStore.ts';
import { pickName, useT } from './i18n/index.ts';

export function ScenarioTitle() {
  const t = useT();
  const layout = useStore((s) => s.layout);
  const lang = useStore((s) => s.lang);
  const seed = useStore((s) => s.seed);
  if (!layout) return null;
  return (
    <div className="scenario-title" data-testid="scenario-title">
      <span className="scenario-name">{pickName(lang, layout.name)}</span>
      <span className="muted">
        {layout.scenarioId} · {t('controls.seed')} {seed}
      </span>
    </div>
  );
}
