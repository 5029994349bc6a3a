/** Shown while files are dragged over the page: what dropping them opens. */
import { useT } from '../i18n/index.ts';

export function DropHint() {
  const t = useT();
  return (
    <div className="drop-hint" data-testid="drop-hint" aria-hidden="true">
      <p>{t('import.drop')}</p>
    </div>
  );
}
