/**
 * What has happened so far: injects that fired, messages to the trainee,
 * and every action (the trainee's dispatches, the trainer's live injects),
 * each at its simulated time. In the review, entries after the scrubber's
 * time are greyed (`uptoS`). Newest first (`newestFirst`, default true).
 * A live inject is listed once, as the trainer's action.
 */
import type { Action, Inject } from '../../drill/schema.ts';
import type { LogEntry } from '../../drill/session.ts';
import { useDrill } from '../../app/drill/store.ts';
import type { CityLayout } from '../../sim/frame.ts';
import { timeOfDay } from '../format.ts';
import { useT } from './i18n/index.ts';
import { describeAction, describeInject, namesFromLayout } from './describe.ts';
import { fmtDuration } from './model.ts';
import { isLiveInjectEffect } from '../../app/drill/record.ts';

export interface FiredTimelineProps {
  timeline: readonly LogEntry[];
  startS: number;
  layout: CityLayout;
  title: string;
  uptoS?: number;
  newestFirst?: boolean;
  testId?: string;
}

export function FiredTimeline({
  timeline,
  startS,
  layout,
  title,
  uptoS,
  newestFirst = true,
  testId = 'fired-timeline',
}: FiredTimelineProps) {
  const t = useT();
  const lang = useDrill((s) => s.lang);
  const names = namesFromLayout(layout, lang);
  const items = timeline.map((e, i) => ({ e, i })).filter(({ i }) => !isLiveInjectEffect(timeline, i));
  if (newestFirst) items.reverse();
  return (
    <section className="panel fired-timeline" data-testid={testId} data-count={items.length} aria-label={title}>
      <h2 className="panel-title">
        {title} <span className="muted">({items.length})</span>
      </h2>
      {timeline.length === 0 ? (
        <p className="muted empty-note">{t('timeline.nothingYet')}</p>
      ) : (
        <ol className="timeline-list">
          {items.map(({ e, i }) => {
            const isAction = e.kind === 'action';
            const kind = isAction ? (e.detail as Action).kind : (e.detail as Inject).kind;
            const text = isAction
              ? describeAction(e.detail as Action, t, lang, names)
              : describeInject(e.detail as Inject, t, lang, names);
            const future = uptoS !== undefined && e.tS > uptoS;
            return (
              <li
                key={i}
                className={`timeline-item ${isAction ? 'is-action' : 'is-inject'} ${future ? 'future' : ''}`}
                data-kind={e.kind}
                data-detail-kind={kind}
                data-ts={e.tS}
              >
                <span className="tl-time">
                  {timeOfDay(e.tS)} <span className="muted">T+{fmtDuration(e.tS - startS, true)}</span>
                </span>
                <span className={`tl-kind kind-${kind}`}>
                  {isAction ? t(`kind.action.${kind as Action['kind']}`) : t(`kind.inject.${kind as Inject['kind']}`)}
                </span>
                <span className="tl-detail">{text}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
