/**
 * "Share link": the draft in the URL hash, shown in a read-only field to
 * copy, with its length and its form; opening it loads the same scenario
 * (validated). By default the link carries only the draft's changes from a
 * built-in scenario (a few hundred characters, app/shareLink.ts); "full
 * link" carries the whole scenario, for an app of another version. Only a
 * valid draft can be shared.
 */
import { useState } from 'react';
import { shareLink, type ShareLink as Link } from '../../app/shareLink.ts';
import { builtinById } from '../../app/scenarios.ts';
import { useEditor, useEditorState, useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';

export function ShareLink() {
  const t = useT();
  const ed = useEditor();
  const lang = useStore((s) => s.lang);
  const valid = useEditorState((s) => s.valid);
  const draft = useEditorState((s) => s.draft);
  const [link, setLink] = useState<Link | null>(null);
  const [full, setFull] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [forDraft, setForDraft] = useState<unknown>(null);
  const stale = link !== null && forDraft !== draft;

  const make = (asFull = full) => {
    setLink(shareLink(location.href, ed.text(), { full: asFull }));
    setForDraft(draft);
    setCopied(null);
  };
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  const base = link?.baseId ? builtinById(link.baseId) : undefined;
  const form =
    link?.form === 'diff'
      ? t('ed.shareDiffOf', { name: base ? pickName(lang, base.name) : (link.baseId ?? '') })
      : t('ed.shareWhole');
  return (
    <div className="share-link">
      <button
        type="button"
        className="btn"
        data-testid="ed-share"
        disabled={!valid}
        title={valid ? t('ed.shareTitle') : t('ed.needValid')}
        onClick={() => make()}
      >
        {t('ed.share')}
      </button>
      <label className="small" title={t('ed.shareFullTitle')}>
        <input
          type="checkbox"
          data-testid="ed-share-full"
          checked={full}
          onChange={(e) => {
            setFull(e.target.checked);
            if (link) make(e.target.checked);
          }}
        />{' '}
        {t('ed.shareFull')}
      </label>
      {link && (
        <>
          <input
            className="input share-url"
            data-testid="share-url"
            data-form={link.form}
            readOnly
            value={link.url}
            aria-label={t('ed.shareUrl')}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="btn small" onClick={() => void copy()}>
            {t('ed.copy')}
          </button>
          <span className="muted small" data-testid="share-length" data-n={link.url.length} data-form={link.form}>
            {t('ed.shareLength', { n: link.url.length })} · {form}
          </span>
          {(copied !== null || stale) && (
            <span className="muted small" role="status">
              {copied === 'yes' ? t('ed.copied') : copied === 'no' ? t('ed.copyManually') : t('ed.shareStale')}
            </span>
          )}
        </>
      )}
    </div>
  );
}
