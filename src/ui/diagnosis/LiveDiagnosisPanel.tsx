/**
 * "覆盖短板 / What limits coverage" in the live twin: the diagnosis of the
 * run so far (liveDiagnosis.ts asks the worker every few seconds while it
 * plays, and at pauses and the end), with the time it is as of, and the
 * toggles that colour the city by a limit's late cases.
 */
import { useDeferredValue, useMemo } from 'react';
import { useStore } from '../../app/useStore.ts';
import { useDecisions, useLiveDiag, useLiveDiagnosis } from '../../app/useDecisions.ts';
import { useT } from '../i18n/index.ts';
import { dayOf, timeOfDay } from '../format.ts';
import { DiagnosisView } from './DiagnosisView.tsx';
import { namesOf, NO_NAMES } from './limitText.ts';

export function LiveDiagnosisPanel() {
  const t = useT();
  const diag = useLiveDiagnosis();
  const dec = useDecisions();
  // a fresher diagnosis arrives in the worker's reply task: rendered there, its stage bars and limit rows made a task
  // over 50 ms at maximum speed (issue 12); as a deferred render, React yields between its parts
  const live = useDeferredValue(useLiveDiag((s) => s.live));
  const layout = useStore((s) => s.layout);
  const delta = useStore((s) => s.delta);
  const colorBy = useStore((s) => s.colorBy);
  const names = useMemo(() => (layout ? namesOf(layout.types, layout.teams) : NO_NAMES), [layout]);
  const shownKey = colorBy === 'delta' && delta?.late?.source === 'live' ? delta.late.key : null;
  const asOf = live
    ? live.final
      ? t('diag.final')
      : t('diag.asOf', { time: t('clock.format', { day: dayOf(live.tS), time: timeOfDay(live.tS) }) })
    : '';
  return (
    <section
      className="panel diag-panel"
      data-testid="live-diagnosis"
      aria-labelledby="live-diag-title"
      data-final={String(live?.final ?? false)}
      data-t={live?.tS ?? ''}
    >
      <div className="panel-head">
        <h2 id="live-diag-title" className="panel-title">
          {t('diag.title')}
        </h2>
        {live && <span className="muted small">{asOf}</span>}
      </div>
      {live && layout ? (
        <DiagnosisView
          diagnosis={live.diagnosis}
          names={names}
          perReplication={false}
          top={4}
          testId="live-diag"
          emptyNote={
            layout.warmupS > 0 && live.tS < layout.warmupS
              ? t('diag.warmup', {
                  time: t('clock.format', { day: dayOf(layout.warmupS), time: timeOfDay(layout.warmupS) }),
                })
              : undefined
          }
          colour={{ shownKey, onColour: (key, label) => diag.colour(key, label) }}
          onOptimise={(team) => dec.draftOptimise([team])}
        />
      ) : (
        <p className="muted small">{t('diag.waiting')}</p>
      )}
    </section>
  );
}
