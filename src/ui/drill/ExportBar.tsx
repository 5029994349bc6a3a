/** Export the drill: the record as JSON (it replays anywhere), and the readable report (a page that prints well, in a new tab). */
import { useReviewController } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { useT } from './i18n/index.ts';

export function ExportBar() {
  const t = useT();
  const ctl = useReviewController();
  const lang = useDrill((s) => s.lang);
  return (
    <div className="export-bar" role="group" aria-label={t('export.label')}>
      <button type="button" className="btn" data-testid="export-json" onClick={() => ctl.exportJson()}>
        {t('export.json')}
      </button>
      <button type="button" className="btn" data-testid="open-report" onClick={() => ctl.openReport(lang)}>
        {t('export.report')}
      </button>
    </div>
  );
}
