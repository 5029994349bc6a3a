/**
 * The editor's actions: apply the draft to the live run (reloads the
 * scenario in the live worker; only a valid draft), discard the edits (back
 * to the live scenario), save the draft as a JSON file, open a file into the
 * draft (its errors are shown field by field, nothing runs until applied),
 * and share it as a link.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { draftFromText } from '../../app/editor.ts';
import { useController, useEditor, useEditorState, useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { both } from '../../i18n/app/index.ts';
import { BilingualMessage } from '../BilingualMessage.tsx';
import { Icon } from '../Icon.tsx';
import { saveFile } from '../experiments/download.ts';
import { ShareLink } from './ShareLink.tsx';

export function EditorToolbar() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const ed = useEditor();
  const ctl = useController();
  const valid = useEditorState((s) => s.valid);
  const dirty = useEditorState((s) => s.dirty);
  const applying = useEditorState((s) => s.applying);
  const draftId = useEditorState((s) => (typeof s.draft?.id === 'string' ? s.draft.id : 'scenario'));
  const fileRef = useRef<HTMLInputElement>(null);
  const [openError, setOpenError] = useState<string | null>(null);

  const onOpen = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file || ctl.refuseLargeFile(file)) return; // over 20 MB: said in the errors panel, never read
    const draft = draftFromText(await file.text());
    if (!draft) setOpenError(file.name);
    else {
      setOpenError(null);
      ed.replace(draft);
    }
  };
  const onRevert = () => {
    const s = ctl.store.getState();
    ed.reset(s.scenarioText, s.fileName ?? s.scenarioId);
  };

  const openMsg = openError === null ? null : both('ed.openNotJson', { name: openError });
  return (
    <div className="ed-toolbar" role="toolbar" aria-label={t('ed.toolbar')}>
      <button
        type="button"
        className="btn primary"
        data-testid="ed-apply"
        disabled={!valid || !dirty || applying}
        title={!valid ? t('ed.needValid') : !dirty ? t('ed.nothingToApply') : t('ed.applyTitle')}
        onClick={() => void ed.apply()}
      >
        <Icon name="play" filled /> {t('ed.apply')}
      </button>
      <button type="button" className="btn" data-testid="ed-revert" disabled={!dirty} onClick={onRevert}>
        <Icon name="restart" /> {t('ed.revert')}
      </button>
      <button
        type="button"
        className="btn"
        data-testid="ed-save"
        onClick={() => saveFile(`${draftId}.json`, 'application/json', ed.text())}
      >
        {t('ed.saveFile')}
      </button>
      <button type="button" className="btn" data-testid="ed-open" onClick={() => fileRef.current?.click()}>
        <Icon name="open" /> {t('ed.openFile')}
      </button>
      <input
        ref={fileRef}
        className="visually-hidden"
        data-testid="ed-file"
        type="file"
        accept=".json,application/json"
        tabIndex={-1}
        aria-label={t('ed.openFile')}
        onChange={(e) => void onOpen(e)}
      />
      <ShareLink />
      {openMsg && (
        // both languages, as every error is shown: the page's first, the other after it
        <p className="field-error" role="alert" data-testid="ed-open-error">
          <BilingualMessage msg={openMsg} lang={lang} />
        </p>
      )}
    </div>
  );
}
