/**
 * The score beside the console. The trainer sees it live (refreshed every
 * few seconds while the clock runs, with the time it refers to); the
 * trainee sees nothing until the drill ends. At the end both see the final
 * score next to the automatic-dispatch baseline, and open the review.
 */
import { useConsole } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { timeOfDay } from '../format.ts';
import { useT } from './i18n/index.ts';
import { ScoreComparison } from './ScoreComparison.tsx';

export function ScoreBoard() {
  const t = useT();
  const ctl = useConsole();
  const role = useDrill((s) => s.role);
  const live = useDrill((s) => s.liveScore);
  const record = useDrill((s) => s.record);
  const edited = useDrill((s) => s.timelineEdited);
  const done = useDrill((s) => s.state?.done ?? false);
  if (record) {
    return (
      <div className="end-of-drill" data-testid="end-of-drill">
        <ScoreComparison
          title={t('score.finalTitle')}
          testId="final-score"
          columns={[
            { id: 'trainee', label: t('score.trainee'), score: record.score },
            { id: 'baseline', label: t('score.baseline'), score: record.baseline },
          ]}
          footnote={`${t('score.formula')} ${t(edited ? 'score.baselineNoteEdited' : 'score.baselineNote')}`}
        />
        <button type="button" className="btn primary wide" data-testid="open-review" onClick={() => ctl.openReview()}>
          {t('review.open')}
        </button>
      </div>
    );
  }
  if (role !== 'trainer') {
    return (
      <section className="panel score-panel" data-testid="score-hidden">
        <h2 className="panel-title">{t('score.title')}</h2>
        <p className="muted">{done ? t('score.computing') : t('score.hiddenUntilEnd')}</p>
      </section>
    );
  }
  return (
    <ScoreComparison
      title={t('score.liveTitle')}
      testId="live-score"
      columns={[
        {
          id: 'trainee',
          label: t('score.trainee'),
          score: live?.score ?? null,
          note: live ? t('score.asOf', { time: timeOfDay(live.tS) }) : t('score.computing'),
        },
        { id: 'baseline', label: t('score.baseline'), score: live?.baseline ?? null },
      ]}
    />
  );
}
