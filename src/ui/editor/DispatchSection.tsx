/** Dispatch: policy (grid-bound, nearest, grid first), queue order (incl. the score-gaming "easy first"), preemption, and the wait before neighbours help. */
import { useT } from '../i18n/index.ts';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';

export function DispatchSection() {
  const t = useT();
  return (
    <section className="ed-section" data-testid="ed-dispatch" aria-labelledby="ed-dispatch-title">
      <h3 id="ed-dispatch-title" className="sub-title">
        {t('ed.dispatch')}
      </h3>
      <div className="form-grid">
        <SelectField
          path={['dispatch', 'policy']}
          label={t('cmp.policy')}
          defaultValue="nearest"
          options={(['gridBound', 'nearest', 'gridFirst'] as const).map((p) => ({ value: p, label: t(`policy.${p}`) }))}
        />
        <SelectField
          path={['dispatch', 'order']}
          label={t('ed.order')}
          defaultValue="priority"
          options={(['fifo', 'priority', 'easyFirst'] as const).map((p) => ({ value: p, label: t(`order.${p}`) }))}
        />
        <SelectField
          path={['dispatch', 'preemption']}
          label={t('ed.preemption')}
          defaultValue={false}
          options={[
            { value: false, label: t('detail.no') },
            { value: true, label: t('detail.yes') },
          ]}
        />
        <NumberField path={['dispatch', 'neighbourWaitMin']} label={t('ed.neighbourWait')} optional placeholder="10" />
      </div>
    </section>
  );
}
