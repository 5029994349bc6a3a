/**
 * The confirmation before a very large run (issue 10): a scenario opened from
 * a file, a share link or the editor whose run-size estimate
 * (src/sim/runSize.ts) is over the app's limits waits here. The dialog
 * shows the estimate — cases a day, events, memory — and what playing it
 * would do, in the current language with the other beneath; "Cancel" (the
 * default, also Escape) keeps the current run untouched, "Open and run
 * anyway" loads it.
 */
import { useEffect, useRef } from 'react';
import { useController, useStore } from '../app/useStore.ts';
import { formatBytes } from '../scenario/limits.ts';
import type { Lang } from '../i18n/lang.ts';
import { formatInteger } from '../i18n/number.ts';
import { useT } from './i18n/index.ts';
import './runSize.css';

const big = (x: number, lang: Lang) => formatInteger(lang, x);

export function RunSizeConfirm() {
  const t = useT();
  const ctl = useController();
  const q = useStore((s) => s.runSizeQuestion);
  const lang = useStore((s) => s.lang);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!q) return;
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') ctl.answerRunSize(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [q, ctl]);

  if (!q) return null;
  const [main, alt] = lang === 'en' ? [q.message.en, q.message.zh] : [q.message.zh, q.message.en];
  return (
    <div className="run-size-backdrop">
      <section
        className="run-size-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="run-size-title"
        aria-describedby="run-size-message"
        data-testid="run-size-confirm"
      >
        <h2 id="run-size-title">{t('runSize.title')}</h2>
        <p className="errors-source">{t('scenario.errorsSource', { name: q.label })}</p>
        <dl className="run-size-figures">
          <div>
            <dt>{t('runSize.casesPerDay')}</dt>
            <dd data-testid="run-size-cases">{big(q.casesPerDay, lang)}</dd>
          </div>
          <div>
            <dt>{t('runSize.days')}</dt>
            <dd>{q.days}</dd>
          </div>
          <div>
            <dt>{t('runSize.events')}</dt>
            <dd>{big(q.events, lang)}</dd>
          </div>
          <div>
            <dt>{t('runSize.memory')}</dt>
            <dd>{formatBytes(q.memoryBytes)}</dd>
          </div>
        </dl>
        <p id="run-size-message" className="run-size-message" data-testid="run-size-message">
          {main}
        </p>
        <p className="run-size-message-alt" lang={lang === 'en' ? 'zh-CN' : 'en'}>
          {alt}
        </p>
        <div className="run-size-actions">
          <button
            type="button"
            className="btn"
            ref={cancelRef}
            data-testid="run-size-cancel"
            onClick={() => ctl.answerRunSize(false)}
          >
            {t('runSize.cancel')}
          </button>
          <button
            type="button"
            className="btn danger"
            data-testid="run-size-go"
            onClick={() => ctl.answerRunSize(true)}
          >
            {t('runSize.go')}
          </button>
        </div>
      </section>
    </div>
  );
}
