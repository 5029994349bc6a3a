/**
 * The trainer's timeline of pending injects (the master scenario events
 * list still to come), in time order. While the clock is paused each
 * inject's minute can be edited (Enter or leaving the field applies it) and
 * an inject deleted; the service validates the new list and refuses it with
 * errors (shown under the inject form) when an inject would be in the past.
 */
import { useState } from 'react';
import type { Inject } from '../../drill/schema.ts';
import { useTrainer } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { timeOfDay } from '../format.ts';
import { useT } from './i18n/index.ts';
import { describeInject, namesFromLayout } from './describe.ts';

function keyOf(x: Inject, i: number): string {
  return x.id ?? `${i}-${x.kind}-${x.atMin}`;
}

export function InjectTimeline() {
  const t = useT();
  const ctl = useTrainer();
  const lang = useDrill((s) => s.lang);
  const layout = useDrill((s) => s.layout);
  const st = useDrill((s) => s.state);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  if (!layout || !st) return null;
  const editable = !st.playing && !st.done;
  const names = namesFromLayout(layout, lang);
  const pending = st.pending;

  const commit = async (i: number) => {
    const k = keyOf(pending[i], i);
    const v = drafts[k];
    if (v === undefined) return;
    const at = Number(v);
    if (v.trim() === '' || !Number.isFinite(at)) return;
    if (at === pending[i].atMin) {
      setDrafts(({ [k]: _, ...rest }) => rest);
      return;
    }
    const list = pending.map((x, j) => (j === i ? { ...x, atMin: at } : x));
    if (await ctl.setPending(list)) setDrafts(({ [k]: _, ...rest }) => rest);
  };
  const remove = (i: number) => void ctl.setPending(pending.filter((_, j) => j !== i));

  return (
    <section
      className="panel inject-timeline"
      data-testid="pending-injects"
      data-count={pending.length}
      aria-labelledby="pending-title"
    >
      <div className="panel-head">
        <h2 id="pending-title" className="panel-title">
          {t('timeline.pendingTitle', { n: pending.length })}
        </h2>
        <span className="hint">
          {editable ? t('timeline.editHint') : st.done ? t('timeline.ended') : t('timeline.pauseToEdit')}
        </span>
      </div>
      {pending.length === 0 ? (
        <p className="muted empty-note">{t('timeline.noPending')}</p>
      ) : (
        <ol className="timeline-list">
          {pending.map((x, i) => {
            const k = keyOf(x, i);
            const draft = drafts[k];
            const atS = st.startS + x.atMin * 60;
            return (
              <li
                key={k}
                className="timeline-item pending"
                data-inject-id={x.id ?? ''}
                data-kind={x.kind}
                data-at-min={x.atMin}
              >
                <span className="tl-time">
                  {editable ? (
                    <label>
                      <span className="visually-hidden">{t('timeline.editMinute', { id: x.id ?? i + 1 })}</span>
                      T+
                      <input
                        className={`input num tiny ${draft !== undefined && !Number.isFinite(Number(draft)) ? 'invalid' : ''}`}
                        inputMode="decimal"
                        data-testid="pending-at"
                        value={draft ?? String(x.atMin)}
                        onChange={(e) => setDrafts((d) => ({ ...d, [k]: e.target.value }))}
                        onBlur={() => void commit(i)}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') void commit(i);
                          if (e.key === 'Escape') setDrafts(({ [k]: _, ...rest }) => rest);
                        }}
                      />
                      {t('unit.minutes')}
                    </label>
                  ) : (
                    <>
                      T+{x.atMin} {t('unit.minutes')}
                    </>
                  )}
                  <span className="muted"> · {timeOfDay(atS)}</span>
                </span>
                <span className={`tl-kind kind-${x.kind}`}>{t(`kind.inject.${x.kind}`)}</span>
                <span className="tl-detail">
                  {x.id && <code className="muted">{x.id} </code>}
                  {describeInject(x, t, lang, names)}
                </span>
                {editable && (
                  <button
                    type="button"
                    className="btn small"
                    data-testid="pending-delete"
                    aria-label={t('timeline.delete', { id: x.id ?? i + 1 })}
                    onClick={() => remove(i)}
                  >
                    {t('common.delete')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
