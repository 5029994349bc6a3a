/**
 * The scenario editor (场景编辑): forms for staffing per shift, grid size
 * and coverage target, dispatch, event rates and SLA deadlines. Every change
 * is validated as it is typed with the scenario schema (errors by JSON path,
 * beside the field and in a list) and autosaved to IndexedDB; a valid draft
 * can be applied to the live run, saved, opened, or shared as a link.
 */
import { useController, useEditor, useEditorState, useStore } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import type { Lang } from '../../i18n/lang.ts';
import { formatWallTime } from '../../i18n/number.ts';
import { DispatchSection } from './DispatchSection.tsx';
import { EditorToolbar } from './EditorToolbar.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { EventTypesSection } from './EventTypesSection.tsx';
import { GridSection } from './GridSection.tsx';
import { StaffingSection } from './StaffingSection.tsx';

const timeOf = (ms: number, lang: Lang): string => formatWallTime(lang, ms);

export function EditorPanel() {
  const t = useT();
  const ctl = useController();
  const ed = useEditor();
  const lang = useStore((s) => s.lang);
  const liveText = useStore((s) => s.scenarioText);
  const liveId = useStore((s) => s.scenarioId);
  const hasDraft = useEditorState((s) => s.draft !== null);
  const valid = useEditorState((s) => s.valid);
  const dirty = useEditorState((s) => s.dirty);
  const nErrors = useEditorState((s) => s.errors.length);
  const hash = useEditorState((s) => s.hash);
  const savedAt = useEditorState((s) => s.savedAt);
  const saveError = useEditorState((s) => s.saveError);
  const restored = useEditorState((s) => s.restored);
  const baseText = useEditorState((s) => s.baseText);
  const baseLabel = useEditorState((s) => s.baseLabel);
  const draftId = useEditorState((s) => (typeof s.draft?.id === 'string' ? s.draft.id : ''));
  const otherBase = dirty && liveText !== '' && baseText !== liveText;

  return (
    <section
      className="workspace editor"
      id="view-panel-editor"
      role="tabpanel"
      data-testid="editor"
      data-valid={String(valid)}
      data-dirty={String(dirty)}
      data-errors={nErrors}
      data-draft-id={draftId}
      aria-labelledby="editor-title"
    >
      <header className="workspace-head">
        <h2 id="editor-title" className="panel-title">
          {t('ed.title')}
        </h2>
        <code className="small">{draftId}</code>
        <span className={`badge ${valid ? 'ok' : 'bad'}`} data-testid="ed-status">
          {valid ? `✓ ${t('ed.valid')}` : `✗ ${t('ed.invalid', { n: nErrors })}`}
        </span>
        {dirty && <span className="badge warn">{t('ed.unapplied')}</span>}
        <span className="muted small" data-testid="ed-saved" data-saved-at={savedAt ?? ''}>
          {saveError ? t('ed.saveFailed') : savedAt ? t('ed.savedAt', { time: timeOf(savedAt, lang) }) : ''}
        </span>
        {hash && (
          <span className="muted small" title={t('ed.hashTitle')}>
            {t('ed.hash')} <code data-testid="ed-hash">{hash}</code>
          </span>
        )}
      </header>
      <div className="workspace-body">
        <p className="hint">{t('ed.intro')}</p>
        {restored && dirty && (
          <p className="note" data-testid="ed-restored">
            {t('ed.restored')}
          </p>
        )}
        {otherBase && (
          <p className="note warn" data-testid="ed-other-base">
            {t('ed.otherBase', { base: baseLabel, live: liveId })}{' '}
            <button
              type="button"
              className="link"
              onClick={() => {
                const s = ctl.store.getState();
                ed.reset(s.scenarioText, s.fileName ?? s.scenarioId);
              }}
            >
              {t('ed.useLive')}
            </button>
          </p>
        )}
        <EditorToolbar />
        <ErrorSummary />
        {hasDraft ? (
          <>
            <StaffingSection />
            <GridSection />
            <DispatchSection />
            <EventTypesSection />
          </>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </div>
    </section>
  );
}
