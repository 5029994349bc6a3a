/**
 * Switch the workspace beside the 3D view: the live twin's panels, the
 * experiments, the scenario editor, and — once a district was imported —
 * its import and calibration report.
 */
import type { View } from '../app/store.ts';
import { useController, useStore } from '../app/useStore.ts';
import { useT, type DictKey } from './i18n/index.ts';
import { TabList } from './TabList.tsx';

const VIEWS: View[] = ['live', 'experiments', 'editor'];

export function WorkspaceTabs() {
  const t = useT();
  const ctl = useController();
  const view = useStore((s) => s.view);
  const imported = useStore((s) => s.imported !== null);
  const views: View[] = imported || view === 'import' ? [...VIEWS, 'import'] : VIEWS;
  return (
    <TabList
      label={t('view.label')}
      idPrefix="view"
      tabs={views.map((v) => ({ id: v, label: t(`view.${v}` as DictKey) }))}
      value={view}
      onChange={(v) => ctl.setView(v as View)}
    />
  );
}
