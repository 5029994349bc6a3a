/**
 * The notice over the city about the scenario applied last (app/applied.ts):
 * restored on load (with a way back to its built-in), kept while an explicit
 * link or `?scenario=` opened something else (with a way to restore it), or
 * unreadable and ignored. Dismissable; nothing shows when there is nothing
 * to say.
 */
import { builtinById } from '../app/scenarios.ts';
import { useApplied, useAppliedState } from '../app/useApplied.ts';
import { useStore } from '../app/useStore.ts';
import { pickName, useT } from './i18n/index.ts';
import { Icon } from './Icon.tsx';

export function RestoreNotice() {
  const t = useT();
  const applied = useApplied();
  const notice = useAppliedState((s) => s.notice);
  const lang = useStore((s) => s.lang);
  const loading = useStore((s) => s.loading);
  if (!notice) return null;
  const base = notice.kind === 'restored' && notice.baseId ? builtinById(notice.baseId) : undefined;
  return (
    <section
      className={`restore-notice ${notice.kind === 'unreadable' ? 'warn' : ''}`}
      data-testid="restore-notice"
      data-kind={notice.kind}
      role="status"
    >
      <p>
        {notice.kind === 'restored' && (
          <>
            <strong>{t('applied.restored')}</strong> <code>{notice.label}</code>
          </>
        )}
        {notice.kind === 'kept' &&
          t(notice.because === 'link' ? 'applied.keptLink' : 'applied.keptUrl', { name: notice.label })}
        {notice.kind === 'unreadable' && (
          <>
            {t('applied.unreadable')} <span className="muted small">({notice.reason})</span>
          </>
        )}
      </p>
      <div className="restore-actions">
        {base && (
          <button
            type="button"
            className="btn small"
            data-testid="restore-use-builtin"
            disabled={loading}
            onClick={() => void applied.useBuiltin()}
          >
            {t('applied.useBuiltin', { name: pickName(lang, base.name) })}
          </button>
        )}
        {notice.kind === 'kept' && (
          <button
            type="button"
            className="btn small"
            data-testid="restore-applied"
            disabled={loading}
            onClick={() => void applied.restore()}
          >
            {t('applied.restore')}
          </button>
        )}
        <button
          type="button"
          className="btn small icon-btn"
          data-testid="restore-dismiss"
          aria-label={t('scenario.dismiss')}
          onClick={() => applied.dismiss()}
        >
          <Icon name="close" /> {t('scenario.dismiss')}
        </button>
      </div>
    </section>
  );
}
