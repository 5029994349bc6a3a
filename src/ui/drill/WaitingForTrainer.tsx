/** A trainee window with no trainer window answering (yet, or any more). */
import { useDrill } from '../../app/drill/store.ts';
import { useT } from './i18n/index.ts';

export function WaitingForTrainer() {
  const t = useT();
  const drillId = useDrill((s) => s.drillId) ?? '';
  const trainerUrl = `./drill.html?drill=${encodeURIComponent(drillId)}&role=trainer`;
  return (
    <main className="drill-waiting" data-testid="waiting-for-trainer">
      <div className="waiting-card panel" role="status" aria-live="polite">
        <div className="spinner" aria-hidden />
        <h1>{t('waiting.title')}</h1>
        <p>{t('waiting.body', { id: drillId })}</p>
        <p>
          <a className="link" href={trainerUrl} target="_blank" rel="noopener">
            {t('waiting.openTrainer')}
          </a>
        </p>
      </div>
    </main>
  );
}
