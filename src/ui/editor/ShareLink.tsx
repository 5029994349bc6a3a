/**
 * "Share link": the draft compressed with lz-string into the URL hash
 * (`#s=…`), shown in a read-only field to copy; opening it loads the same
 * scenario (validated). Only a valid draft can be shared.
 */
import { useState } from 'react';
import { shareUrl } from '../../app/shareLink.ts';
import { useEditor, useEditorState } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';

export function ShareLink() {
  const t = useT();
  const ed = useEditor();
  const valid = useEditorState((s) => s.valid);
  const draft = useEditorState((s) => s.draft);
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [forDraft, setForDraft] = useState<unknown>(null);
  const stale = url !== null && forDraft !== draft;

  const make = () => {
    setUrl(shareUrl(location.href, ed.text()));
    setForDraft(draft);
    setCopied(null);
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div className="share-link">
      <button type="button" className="btn" data-testid="ed-share" disabled={!valid} title={valid ? t('ed.shareTitle') : t('ed.needValid')} onClick={make}>
        {t('ed.share')}
      </button>
      {url && (
        <>
          <input
            className="input share-url"
            data-testid="share-url"
            readOnly
            value={url}
            aria-label={t('ed.shareUrl')}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="btn small" onClick={() => void copy()}>{t('ed.copy')}</button>
          <span className="muted small" role="status">
            {copied === 'yes' ? t('ed.copied') : copied === 'no' ? t('ed.copyManually') : stale ? t('ed.shareStale') : t('ed.shareLength', { n: url.length })}
          </span>
        </>
      )}
    </div>
  );
}
