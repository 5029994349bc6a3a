/**
 * The trainer's console: the clock control and the link that opens trainee
 * windows of this session on top; the 3D city (click a
 * cell to fill a case inject's x, y); beside it the score (live, then
 * final), the seats (windows in each, waiting cases, score per seat), the
 * inbox of the seat picked there (read-only) and the staff; below, the pending inject timeline, the inject form (fire now or
 * add while paused) and what has fired so far.
 */
import { useCallback } from 'react';
import type { ScenePick } from '../../scene/CityScene.tsx';
import { useTrainer } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { useT } from './i18n/index.ts';
import { ClockControls } from './ClockControls.tsx';
import { DrillScene } from './DrillScene.tsx';
import { ScoreBoard } from './ScoreBoard.tsx';
import { Inbox } from './Inbox.tsx';
import { StaffBoard } from './StaffBoard.tsx';
import { InjectTimeline } from './InjectTimeline.tsx';
import { InjectForm } from './InjectForm.tsx';
import { FiredTimeline } from './FiredTimeline.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { TraineeLink } from './TraineeLink.tsx';
import { ErrorList } from './ErrorList.tsx';
import { SeatBoard } from './SeatBoard.tsx';
import { seatInbox } from '../../app/drill/dispatchKeys.ts';
import { pick } from './i18n/index.ts';

export function TrainerConsole() {
  const t = useT();
  const ctl = useTrainer();
  const layout = useDrill((s) => s.layout);
  const st = useDrill((s) => s.state);
  const frame = useDrill((s) => s.frame);
  const loadErrors = useDrill((s) => s.loadErrors);
  const lang = useDrill((s) => s.lang);
  const shownSeat = useDrill((s) => s.meta?.seats?.find((x) => x.id === s.seatShown) ?? null);
  const onPick = useCallback(
    (p: ScenePick) => {
      if (p.kind === 'cell') ctl.pickCell(p.index);
    },
    [ctl],
  );
  if (loadErrors)
    return (
      <main className="drill-main">
        <ErrorList errors={loadErrors} title={t('load.failed')} testId="load-errors" />
      </main>
    );
  if (!layout || !st)
    return (
      <main className="drill-main">
        <p className="scene-placeholder">{t('load.loading')}</p>
      </main>
    );
  return (
    <main className="drill-trainer" data-testid="trainer-console">
      <div className="trainer-top">
        <ClockControls />
        <TraineeLink />
        <NoticeBar />
      </div>
      <div className="trainer-stage">
        <DrillScene
          layout={layout}
          frames$={ctl.frames$}
          paused={!st.playing}
          onPick={onPick}
          hint={t('trainer.pickHint')}
        />
      </div>
      <aside className="trainer-side" aria-label={t('trainer.sideLabel')}>
        <ScoreBoard />
        <SeatBoard />
        <Inbox
          items={shownSeat ? seatInbox(st.inbox, shownSeat.grids) : st.inbox}
          nowS={st.tS}
          layout={layout}
          title={shownSeat ? t('seats.inboxOf', { seat: pick(lang, shownSeat.name) }) : t('trainer.inboxTitle')}
          testId="trainer-inbox"
        />
        <StaffBoard layout={layout} frame={frame} />
      </aside>
      <div className="trainer-bottom">
        <InjectTimeline />
        <InjectForm />
        <FiredTimeline timeline={st.timeline} startS={st.startS} layout={layout} title={t('timeline.firedTitle')} />
      </div>
    </main>
  );
}
