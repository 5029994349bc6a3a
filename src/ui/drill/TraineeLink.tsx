/**
 * The trainer's way to open trainee windows: a link to this session's
 * trainee console (the session token rides in its fragment, so only windows
 * opened from here, or given this link, follow the drill) and a button that
 * copies it. Trainee windows must be in this browser: the two talk over a
 * BroadcastChannel.
 */
import { useState } from 'react';
import { useTrainer } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { useT } from './i18n/index.ts';

export function TraineeLink() {
  const t = useT();
  const ctl = useTrainer();
  const lang = useDrill((s) => s.lang);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const href = ctl.traineeUrl(lang);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(new URL(href, location.href).href);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="trainee-link" data-testid="trainee-link">
      <a
        className="btn"
        href={href}
        target="_blank"
        rel="noopener"
        data-testid="open-trainee-window"
        title={t('trainer.traineeLinkHint')}
      >
        {t('trainer.openTrainee')}
      </a>
      <button
        type="button"
        className="btn"
        onClick={() => void copy()}
        data-testid="copy-trainee-link"
        data-copied={copied}
        title={t('trainer.traineeLinkHint')}
      >
        {t(
          copied === 'yes'
            ? 'trainer.linkCopied'
            : copied === 'failed'
              ? 'trainer.linkNotCopied'
              : 'trainer.copyTraineeLink',
        )}
      </button>
    </div>
  );
}
