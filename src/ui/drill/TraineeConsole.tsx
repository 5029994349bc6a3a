/**
 * The trainee's console: its seat, the P1 alert and the inbox on the left
 * (click a case, or work it at the keyboard: useDispatchKeys), the 3D city
 * in the middle (clicking a cell with a waiting case selects it), the
 * selected case with its candidate crews on the right (or the score once
 * the drill is over) and the staff; below the city, the messages and
 * actions feed.
 * No clock control, no injects, no score until the end.
 */
import { useCallback } from 'react';
import type { ScenePick } from '../../scene/CityScene.tsx';
import { useTrainee } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { useT } from './i18n/index.ts';
import { DrillScene } from './DrillScene.tsx';
import { Inbox } from './Inbox.tsx';
import { CasePanel } from './CasePanel.tsx';
import { ScoreBoard } from './ScoreBoard.tsx';
import { MessageFeed } from './MessageFeed.tsx';
import { StaffBoard } from './StaffBoard.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { SeatBar } from './SeatBar.tsx';
import { useDispatchKeys } from './useDispatchKeys.ts';

export function TraineeConsole() {
  const t = useT();
  const ctl = useTrainee();
  const layout = useDrill((s) => s.layout);
  const st = useDrill((s) => s.state);
  const frame = useDrill((s) => s.frame);
  const selected = useDrill((s) => s.selectedCase);
  const meta = useDrill((s) => s.meta);
  const record = useDrill((s) => s.record);
  const onPick = useCallback(
    (p: ScenePick) => {
      if (p.kind !== 'cell') return;
      const hit = ctl.store.getState().state?.inbox.find((i) => i.cell === p.index);
      if (hit) ctl.selectCase(hit.caseId);
    },
    [ctl],
  );
  useDispatchKeys(ctl);
  if (!layout || !st)
    return (
      <main className="drill-main">
        <p className="scene-placeholder">{t('load.loading')}</p>
      </main>
    );
  return (
    <main className="drill-trainee" data-testid="trainee-console" data-sees={meta?.traineeSees ?? 'all'}>
      <div className="trainee-left">
        <SeatBar />
        <Inbox
          items={st.inbox}
          nowS={st.tS}
          layout={layout}
          selected={selected}
          onSelect={(id) => {
            // clicking the selected case again keeps it open (close with its button or Esc)
            if (selected !== id) ctl.selectCase(id);
          }}
          title={t('inbox.title')}
        />
      </div>
      <div className="trainee-stage">
        <DrillScene layout={layout} frames$={ctl.frames$} paused={!st.playing} onPick={onPick} />
      </div>
      <aside className="trainee-right" aria-label={t('trainee.sideLabel')}>
        <NoticeBar />
        {record || st.done ? <ScoreBoard /> : <CasePanel />}
        <StaffBoard layout={layout} frame={frame} />
      </aside>
      <div className="trainee-bottom">
        <MessageFeed timeline={st.timeline} layout={layout} />
      </div>
    </main>
  );
}
