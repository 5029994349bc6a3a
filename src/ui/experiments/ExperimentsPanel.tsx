/**
 * The Experiments workspace (实验): replications with confidence intervals,
 * A/B comparison, sweeps with the cost frontier and the staffing search, the
 * diagnosis of what limits coverage, the cheapest plan, downloads, and the
 * history of saved experiments (every finished one is kept).
 * Every job runs the scenario loaded in the live twin on the worker pool;
 * the header says which scenario and how many workers.
 */
import { useExperiments, useExp, useStore } from '../../app/useStore.ts';
import type { ExperimentsTab } from '../../app/experiments.ts';
import { pickName, useT, type DictKey } from '../i18n/index.ts';
import { TabList } from '../TabList.tsx';
import { ReplicationsPanel } from './ReplicationsPanel.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { SweepPanel } from './SweepPanel.tsx';
import { DiagnosePanel } from './DiagnosePanel.tsx';
import { OptimisePanel } from './OptimisePanel.tsx';
import { DownloadsPanel } from './DownloadsPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';

const TABS: ExperimentsTab[] = ['replications', 'compare', 'sweep', 'diagnose', 'optimise', 'downloads', 'history'];

export function ExperimentsPanel() {
  const t = useT();
  const exp = useExperiments();
  const tab = useExp((s) => s.tab);
  const poolSize = useExp((s) => s.poolSize);
  const load = useExp((s) => s.load);
  const scenarioId = useStore((s) => s.scenarioId);
  const layout = useStore((s) => s.layout);
  const lang = useStore((s) => s.lang);
  return (
    <section
      className="workspace experiments"
      id="view-panel-experiments"
      role="tabpanel"
      data-testid="experiments"
      aria-labelledby="experiments-title"
    >
      <header className="workspace-head">
        <h2 id="experiments-title" className="panel-title">
          {t('exp.title')}
        </h2>
        <span
          className="muted small"
          data-testid="pool-status"
          data-workers={load.workers}
          data-running={load.running}
          data-queued={load.queued}
        >
          {t('exp.pool', { size: poolSize, running: load.running, queued: load.queued })}
        </span>
        <span className="muted small ellipsis" title={scenarioId} data-scenario-id={scenarioId}>
          {/* the dictionary's {id} holds the scenario's name; its id is the tooltip */}
          {t('exp.scenario', { id: layout ? pickName(lang, layout.name) : scenarioId })}
        </span>
      </header>
      <TabList
        label={t('exp.title')}
        idPrefix="exp-tab"
        tabs={TABS.map((k) => ({ id: k, label: t(`exp.tab.${k}` as DictKey) }))}
        value={tab}
        onChange={(k) => exp.setTab(k as ExperimentsTab)}
        small
      />
      <div className="workspace-body" role="tabpanel" id={`exp-tab-panel-${tab}`} aria-labelledby={`exp-tab-${tab}`}>
        {tab === 'replications' && <ReplicationsPanel />}
        {tab === 'compare' && <ComparePanel />}
        {tab === 'sweep' && <SweepPanel />}
        {tab === 'diagnose' && <DiagnosePanel />}
        {tab === 'optimise' && <OptimisePanel />}
        {tab === 'downloads' && <DownloadsPanel />}
        {tab === 'history' && <HistoryPanel />}
      </div>
    </section>
  );
}
