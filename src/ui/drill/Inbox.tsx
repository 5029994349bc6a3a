/**
 * The dispatch inbox: cases of the command scope waiting for the trainee,
 * most urgent first, then oldest. Each shows its type, place (responsibility
 * grid and cell), priority, the response deadline counting down (or how
 * late it is), the channel it came in by and the crew it needs. With
 * `onSelect` the items are buttons (select a case to see its candidate
 * crews); without it the list is read-only (the trainer, the review).
 */
import { useEffect, useRef } from 'react';
import type { InboxItem } from '../../drill/session.ts';
import type { CityLayout } from '../../sim/frame.ts';
import { useDrill } from '../../app/drill/store.ts';
import { timeOfDay } from '../format.ts';
import { useT, type DrillKey } from './i18n/index.ts';
import { namesFromLayout } from './describe.ts';
import { cellXY, fmtDuration } from './model.ts';

export interface InboxProps {
  items: readonly InboxItem[];
  nowS: number;
  layout: CityLayout;
  selected?: number | null;
  onSelect?: (caseId: number) => void;
  title: string;
  testId?: string;
}

export function Inbox({ items, nowS, layout, selected = null, onSelect, title, testId = 'inbox' }: InboxProps) {
  const t = useT();
  const lang = useDrill((s) => s.lang);
  const fresh = useDrill((s) => s.alerts.fresh);
  const names = namesFromLayout(layout, lang);
  const listRef = useRef<HTMLUListElement>(null);
  // the selected case stays in view (up/down walk the list)
  useEffect(() => {
    if (selected === null) return;
    const el = listRef.current?.querySelector(`[data-case-id="${selected}"]`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  return (
    <section className="panel inbox" data-testid={testId} data-count={items.length} aria-label={title}>
      <h2 className="panel-title">
        {title}{' '}
        <span className="count-badge" data-value={items.length}>
          {items.length}
        </span>
      </h2>
      {items.length === 0 ? (
        <p className="muted empty-note">{t('inbox.empty')}</p>
      ) : (
        <ul className="inbox-list" role="list" ref={listRef}>
          {items.map((it) => {
            const left = it.responseDueS - nowS;
            const { x, y } = cellXY(it.cell, layout.cols);
            const body = (
              <>
                <span className="inbox-line1">
                  <span className={`prio prio-${it.priority}`} data-value={it.priority}>
                    P{it.priority}
                  </span>
                  <span className="inbox-type">{names.type(it.type)}</span>
                  <span className="inbox-id muted">#{it.caseId}</span>
                </span>
                <span className="inbox-line2">
                  <span className="inbox-place" data-grid={it.grid} data-cell={it.cell}>
                    {t('inbox.place', { grid: it.grid, x, y })}
                  </span>
                  <span className="muted">{t(`channel.${it.channel}` as DrillKey)}</span>
                  <span className="muted">{t('inbox.crew', { n: it.crew })}</span>
                  <span className="muted">{t('inbox.filed', { time: timeOfDay(it.filedS) })}</span>
                </span>
                <span className={`inbox-due ${left < 0 ? 'overdue' : left < 300 ? 'soon' : ''}`} data-value={left}>
                  {left >= 0
                    ? t('inbox.dueIn', { left: fmtDuration(left) })
                    : t('inbox.overdue', { late: fmtDuration(-left) })}
                </span>
              </>
            );
            return (
              <li
                key={it.caseId}
                className={fresh.includes(it.caseId) ? 'fresh-p1' : undefined}
                data-fresh={fresh.includes(it.caseId) ? 'true' : undefined}
                data-testid="inbox-item"
                data-case-id={it.caseId}
                data-type={it.type}
                data-priority={it.priority}
                data-due-s={it.responseDueS}
                data-crew={it.crew}
              >
                {onSelect ? (
                  <button
                    type="button"
                    className={`inbox-item ${selected === it.caseId ? 'selected' : ''}`}
                    aria-pressed={selected === it.caseId}
                    onClick={() => onSelect(it.caseId)}
                  >
                    {body}
                  </button>
                ) : (
                  <div className="inbox-item">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
