/**
 * The trainee's feed: messages from the drill (bulletins, orders, calls)
 * and the trainee's own actions, newest first, each at its simulated time.
 * New entries are announced politely to screen readers.
 */
import type { Action, Inject } from '../../drill/schema.ts';
import type { LogEntry } from '../../drill/session.ts';
import type { CityLayout } from '../../sim/frame.ts';
import { useDrill } from '../../app/drill/store.ts';
import { timeOfDay } from '../format.ts';
import { pick, useT } from './i18n/index.ts';
import { describeAction, namesFromLayout } from './describe.ts';

export interface MessageFeedProps {
  timeline: readonly LogEntry[];
  layout: CityLayout;
}

export function MessageFeed({ timeline, layout }: MessageFeedProps) {
  const t = useT();
  const lang = useDrill((s) => s.lang);
  const names = namesFromLayout(layout, lang);
  const items = timeline
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.kind === 'message' || e.kind === 'action')
    .reverse();
  const nMessages = timeline.filter((e) => e.kind === 'message').length;
  return (
    <section
      className="panel message-feed"
      data-testid="message-feed"
      data-messages={nMessages}
      aria-labelledby="feed-title"
    >
      <h2 id="feed-title" className="panel-title">
        {t('feed.title')}{' '}
        <span className="count-badge" data-value={nMessages}>
          {nMessages}
        </span>
      </h2>
      {items.length === 0 ? (
        <p className="muted empty-note">{t('feed.empty')}</p>
      ) : (
        <ol className="feed-list" aria-live="polite" aria-relevant="additions">
          {items.map(({ e, i }) => (
            <li
              key={i}
              className={`feed-item ${e.kind === 'message' ? 'is-message' : 'is-action'}`}
              data-kind={e.kind}
              data-ts={e.tS}
            >
              <time className="feed-time">{timeOfDay(e.tS)}</time>
              <span className="feed-tag">{e.kind === 'message' ? t('feed.message') : t('feed.action')}</span>
              <span className="feed-text">
                {e.kind === 'message'
                  ? pick(lang, (e.detail as Extract<Inject, { kind: 'message' }>).text)
                  : describeAction(e.detail as Action, t, lang, names)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
