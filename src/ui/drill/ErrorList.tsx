/**
 * Validation errors (a drill file, a timeline edit, a live inject), each
 * with its JSON path, in the page's language and, below it, the other one.
 */
import type { ScenarioError } from '../../scenario/messages.ts';
import { useDrill } from '../../app/drill/store.ts';
import { useT } from './i18n/index.ts';
import { BilingualMessage } from '../BilingualMessage.tsx';

export interface ErrorListProps {
  errors: readonly ScenarioError[];
  /** Heading, default "validation errors". */
  title?: string;
  onClose?: () => void;
  testId?: string;
}

export function ErrorList({ errors, title, onClose, testId = 'drill-errors' }: ErrorListProps) {
  const t = useT();
  const lang = useDrill((s) => s.lang);
  return (
    <div className="drill-errors" role="alert" data-testid={testId} data-count={errors.length}>
      <div className="drill-errors-head">
        <strong>{title ?? t('errors.title')}</strong>
        {onClose && (
          <button type="button" className="link" onClick={onClose}>
            {t('common.close')}
          </button>
        )}
      </div>
      <ul>
        {errors.map((e, i) => (
          <li key={i} data-code={e.code} data-path={e.path}>
            {e.path !== '$' && <code className="error-path">{e.path}</code>}
            <BilingualMessage msg={e} lang={lang} />
          </li>
        ))}
      </ul>
    </div>
  );
}
