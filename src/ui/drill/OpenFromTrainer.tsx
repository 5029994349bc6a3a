/**
 * A trainee window opened without its session token (typed in by hand, a
 * bookmark, the start page of an older version): it follows no trainer, and
 * says where to open it from. A trainee link (or the token alone) pasted
 * here reloads the window with the token.
 */
import { useId, useState } from 'react';
import { usePageController } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { useT } from './i18n/index.ts';

export function OpenFromTrainer() {
  const t = useT();
  const ctl = usePageController();
  const drillId = useDrill((s) => s.drillId) ?? '';
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const id = useId();
  const trainerUrl = `./drill.html?drill=${encodeURIComponent(drillId)}&role=trainer`;
  return (
    <main className="drill-waiting" data-testid="trainee-no-token">
      <div className="waiting-card panel">
        <h1>{t('noToken.title')}</h1>
        <p>{t('noToken.body')}</p>
        <form
          className="token-form"
          onSubmit={(e) => {
            e.preventDefault();
            setInvalid(!(ctl.role === 'trainee' && ctl.enterToken(text)));
          }}
        >
          <label htmlFor={id}>{t('noToken.pasteLabel')}</label>
          <div className="token-row">
            <input
              id={id}
              type="text"
              value={text}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${id}-err` : undefined}
              data-testid="token-input"
              onChange={(e) => {
                setText(e.target.value);
                setInvalid(false);
              }}
            />
            <button type="submit" className="btn primary" data-testid="token-submit">
              {t('noToken.connect')}
            </button>
          </div>
          {invalid && (
            <p id={`${id}-err`} className="field-error" role="alert" data-testid="token-error">
              {t('noToken.invalid')}
            </p>
          )}
        </form>
        <p>
          <a className="link" href={trainerUrl} target="_blank" rel="noopener">
            {t('waiting.openTrainer')}
          </a>
        </p>
      </div>
    </main>
  );
}
