/**
 * The after-action review. The drill is rebuilt from its record at the
 * scrubber's time (the city, the inbox and the staff at that moment; the
 * timeline greyed after it); the scores stand side by side: the trainee's,
 * the automatic baseline's, the rebuilt drill's at that time (at the end:
 * the trainee's again, exactly) and the what-if plan's. Exports: the record
 * as JSON and a printable report.
 */
import { useEffect } from 'react';
import { usePageController, useReviewController, useReview } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { drillWindow } from '../../app/drill/review.ts';
import { timeOfDay } from '../format.ts';
import { pick, useT } from './i18n/index.ts';
import { DrillScene } from './DrillScene.tsx';
import { ReviewScrubber } from './ReviewScrubber.tsx';
import { ScoreComparison } from './ScoreComparison.tsx';
import { Inbox } from './Inbox.tsx';
import { FiredTimeline } from './FiredTimeline.tsx';
import { StaffBoard } from './StaffBoard.tsx';
import { WhatIfForm } from './WhatIfForm.tsx';
import { ExportBar } from './ExportBar.tsx';
import { CaseScoreTable } from './CaseScoreTable.tsx';
import { RecordLoader } from './RecordLoader.tsx';
import { ErrorList } from './ErrorList.tsx';

export function ReviewPanel() {
  const t = useT();
  const page = usePageController();
  const ctl = useReviewController();
  const lang = useDrill((s) => s.lang);
  const pageRecord = useDrill((s) => s.record);
  const pageLayout = useDrill((s) => s.layout);
  const pageEdited = useDrill((s) => s.timelineEdited);
  const record = useReview((s) => s.record);
  const layout = useReview((s) => s.layout);
  const edited = useReview((s) => s.edited);
  const tS = useReview((s) => s.tS);
  const shown = useReview((s) => s.shown);
  const busy = useReview((s) => s.busy);
  const error = useReview((s) => s.error);
  const loadErrors = useReview((s) => s.loadErrors);
  const whatIf = useReview((s) => s.whatIf);

  // a console window reviews its own drill's record
  useEffect(() => {
    if (pageRecord && ctl.store.getState().record !== pageRecord) void ctl.open(pageRecord, pageEdited, pageLayout);
  }, [ctl, pageRecord, pageLayout, pageEdited]);

  if (!record || !layout) {
    return (
      <main className="drill-review" data-testid="review">
        {page.role === 'review' ? <RecordLoader /> : <p className="scene-placeholder">{t('load.loading')}</p>}
        {loadErrors && page.role !== 'review' && <ErrorList errors={loadErrors} />}
      </main>
    );
  }
  const { startS, endS } = drillWindow(record);
  const columns = [
    { id: 'trainee', label: t('score.trainee'), score: record.score },
    { id: 'baseline', label: t('score.baseline'), score: record.baseline },
    {
      id: 'replay',
      label: t('score.replay'),
      score: shown?.score ?? null,
      note: shown ? t('score.asOf', { time: timeOfDay(shown.tS) }) : t('review.rebuilding'),
    },
    ...(whatIf.score ? [{ id: 'whatif', label: t('score.whatIf'), score: whatIf.score }] : []),
  ];
  return (
    <main
      className="drill-review"
      data-testid="review"
      data-record-score={record.score.score}
      data-baseline-score={record.baseline.score}
    >
      <div className="review-toolbar">
        {(page.role === 'trainer' || page.role === 'trainee') && (
          <button type="button" className="btn" data-testid="review-back" onClick={() => page.closeReview()}>
            {t('review.back')}
          </button>
        )}
        <h1 className="review-title">{t('review.title', { name: pick(lang, record.drill.name) })}</h1>
        <span className="muted review-meta" data-hash={record.scenarioHash} data-seed={record.seed}>
          {t('review.meta', { seed: record.seed, hash: record.scenarioHash.slice(0, 12), n: record.actions.length })}
        </span>
        <ExportBar />
      </div>
      {error && (
        <p className="bad" role="alert">
          {lang === 'en' ? error.en : error.zh}
        </p>
      )}
      <ReviewScrubber
        startS={startS}
        endS={endS}
        tS={tS}
        shownTS={shown?.tS ?? null}
        busy={busy}
        timeline={record.timeline}
        onSeek={(x) => ctl.seek(x)}
      />
      <div className="review-grid">
        <div className="review-stage">
          <DrillScene layout={layout} frames$={ctl.frames$} paused testId="review-canvas" />
        </div>
        <aside className="review-side">
          <ScoreComparison
            title={t('score.compareTitle')}
            testId="review-scores"
            columns={columns}
            footnote={`${t('score.formula')} ${t(edited ? 'score.baselineNoteEdited' : 'score.baselineNote')}`}
          />
          <Inbox
            items={shown?.state.inbox ?? []}
            nowS={shown?.tS ?? tS}
            layout={layout}
            title={t('review.inboxAt', { time: timeOfDay(shown?.tS ?? tS) })}
            testId="review-inbox"
          />
        </aside>
      </div>
      <div className="review-lower">
        <FiredTimeline
          timeline={record.timeline}
          startS={startS}
          layout={layout}
          title={t('review.timelineTitle')}
          uptoS={shown?.tS ?? tS}
          newestFirst={false}
          testId="review-timeline"
        />
        <StaffBoard layout={layout} frame={shown?.frame ?? null} />
        <WhatIfForm scenario={record.scenario} />
      </div>
      <CaseScoreTable score={record.score} baseline={record.baseline} layout={layout} edited={edited} />
      <p className="hint review-endnote">{t('whatIf.note')}</p>
    </main>
  );
}
