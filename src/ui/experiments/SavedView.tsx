/**
 * A saved experiment reopened: what it was (kind, scenario, seed,
 * replications, date, the changes in words, the command) and its results as
 * they were saved, without re-running; from here the briefing page and the
 * export of this one experiment.
 */
import { metaOf, scenarioNameOf, type SavedExperiment } from '../../app/savedFormat.ts';
import { kindName, overridesInWords } from '../../app/savedExperiments.ts';
import { useSaved } from '../../app/useSaved.ts';
import { useStore } from '../../app/useStore.ts';
import { describeOverrides } from '../../analysis/overrides.ts';
import { pickName, useT } from '../i18n/index.ts';
import { openBriefing } from './briefingLink.ts';
import { saveFile } from './download.ts';
import { fmtDate, shownTitle } from './savedText.ts';
import { SavedResultView } from './SavedResultView.tsx';

export function SavedView({ record: r }: { record: SavedExperiment }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const saved = useSaved();
  const changes = describeOverrides(r.overrides);
  return (
    <section className="sub-section saved-view" data-testid="saved-view" data-id={r.id} data-kind={r.kind}>
      <div className="saved-view-head">
        <h3 data-testid="saved-view-name" data-scenario-id={r.scenario.id}>
          {shownTitle(lang, metaOf(r))}
        </h3>
        <div className="button-row">
          <button type="button" data-testid="saved-view-briefing" onClick={() => openBriefing(r.id, lang)}>
            {t('hist.briefing')}
          </button>
          <button
            type="button"
            data-testid="saved-view-export"
            onClick={() =>
              void saved.exportFile([r.id], lang).then((f) => saveFile(f.name, 'application/json', f.text))
            }
          >
            {t('hist.export')}
          </button>
          <button type="button" data-testid="saved-view-close" onClick={() => saved.close()}>
            {t('hist.close')}
          </button>
        </div>
      </div>
      <p className="muted small">
        {t('hist.meta', {
          kind: pickName(lang, kindName(r.kind)),
          scenario: pickName(lang, scenarioNameOf(r.scenario.text) ?? { zh: r.scenario.id, en: r.scenario.id }),
          seed: r.seed,
          reps: r.replications,
          date: fmtDate(r.createdAt),
        })}
      </p>
      <dl className="saved-facts small">
        <dt>{t('hist.changes')}</dt>
        <dd data-overrides={changes} title={changes || undefined}>
          {changes ? pickName(lang, overridesInWords(r.scenario.text, r.overrides)) : t('hist.noChanges')}
        </dd>
        <dt>{t('hist.hash')}</dt>
        <dd>
          <code>{r.scenario.hash ?? '—'}</code>
        </dd>
        <dt>{t('hist.command')}</dt>
        <dd>
          <code>{r.command}</code>
        </dd>
      </dl>
      <p className="muted small">{t('hist.reopened')}</p>
      <SavedResultView record={r} />
    </section>
  );
}
