/** Event rates and SLA deadlines: per event type, cases per day over the city, response deadline (filed → on scene) and resolution deadline (occurred → closed), in minutes. */
import type { Json } from '../../app/editor.ts';
import { pathOf } from '../../app/editor.ts';
import { useEditorState, useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';
import { FieldErrors } from './FieldErrors.tsx';
import { NumberField } from './NumberField.tsx';

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function EventTypesSection() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const types = useEditorState((s) => (Array.isArray(s.draft?.eventTypes) ? (s.draft!.eventTypes as unknown[]) : null));
  return (
    <section className="ed-section" data-testid="ed-events" aria-labelledby="ed-events-title">
      <h3 id="ed-events-title" className="sub-title">
        {t('ed.events')}
      </h3>
      <FieldErrors path="$.eventTypes" />
      {types && (
        <table className="ed-table">
          <thead>
            <tr>
              <th scope="col">{t('ed.eventType')}</th>
              <th scope="col">{t('ed.ratePerDay')}</th>
              <th scope="col">{t('ed.responseDeadline')}</th>
              <th scope="col">{t('ed.resolutionDeadline')}</th>
            </tr>
          </thead>
          <tbody>
            {types.map((et, i) => {
              const name =
                isObj(et) && isObj(et.name) ? pickName(lang, et.name as { zh: string; en: string }) : String(i);
              return (
                <tr key={i} data-type={isObj(et) ? String(et.id) : ''}>
                  <th scope="row" className="ellipsis" title={name}>
                    {name}
                    <FieldErrors path={pathOf(['eventTypes', i])} />
                  </th>
                  <td>
                    <NumberField
                      path={['eventTypes', i, 'ratePerDay']}
                      label={`${name} ${t('ed.ratePerDay')}`}
                      hideLabel
                      width="narrow"
                    />
                  </td>
                  <td>
                    <NumberField
                      path={['eventTypes', i, 'responseDeadlineMin']}
                      label={`${name} ${t('ed.responseDeadline')}`}
                      hideLabel
                      width="narrow"
                    />
                  </td>
                  <td>
                    <NumberField
                      path={['eventTypes', i, 'resolutionDeadlineMin']}
                      label={`${name} ${t('ed.resolutionDeadline')}`}
                      hideLabel
                      width="narrow"
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
