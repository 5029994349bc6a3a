/** Switch the workspace beside the 3D view: the live twin's panels, the experiments, or the scenario editor. */
import type { View } from '../app/store.ts';
import { useController, useStore } from '../app/useStore.ts';
import { useT, type DictKey } from './i18n/index.ts';
import { TabList } from './TabList.tsx';

const VIEWS: View[] = ['live', 'experiments', 'editor'];

export function WorkspaceTabs() {
  const t = useT();
  const ctl = useController();
  const view = useStore((s) => s.view);
  return (
    <TabList
      label={t('view.label')}
      idPrefix="view"
      tabs={VIEWS.map((v) => ({ id: v, label: t(`view.${v}` as DictKey) }))}
      value={view}
      onChange={(v) => ctl.setView(v as View)}
    />
  );
}
