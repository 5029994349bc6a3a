/** A failed job's reason and, for an invalid scenario or override, each error by the field's name (its JSON path as the tooltip), in both languages. */
import { fieldLabel } from '../../analysis/paramLabels.ts';
import type { JobError } from '../../app/experiments.ts';
import { useStore } from '../../app/useStore.ts';
import { BilingualMessage } from '../BilingualMessage.tsx';

export function JobErrors({ error, testId }: { error: JobError | null; testId: string }) {
  const lang = useStore((s) => s.lang);
  if (!error) return null;
  const pick = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  return (
    <div className="job-errors" role="alert" data-testid={testId}>
      <p className="error-msg">{pick(error)}</p>
      {error.errors && error.errors.length > 0 && (
        <ul>
          {error.errors.map((e, i) => (
            <li key={i} data-path={e.path}>
              <strong className="error-field" title={e.path}>
                {pick(fieldLabel(e.path) ?? { zh: '（整个场景）', en: '(the whole scenario)' })}
              </strong>{' '}
              <BilingualMessage msg={e} lang={lang} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
