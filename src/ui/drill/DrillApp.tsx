/**
 * The drill page (drill.html): the start page, the trainer's console, a
 * trainee's console (or "waiting for the trainer", "choose your seat", or "open this window
 * from the trainer's console" when it came without its token), or the after-action
 * review, by the window's role and view.
 */
import { useDrill } from '../../app/drill/store.ts';
import { DrillHeader } from './DrillHeader.tsx';
import { DrillHome } from './DrillHome.tsx';
import { TrainerConsole } from './TrainerConsole.tsx';
import { TraineeConsole } from './TraineeConsole.tsx';
import { WaitingForTrainer } from './WaitingForTrainer.tsx';
import { OpenFromTrainer } from './OpenFromTrainer.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { SeatChooser } from './SeatChooser.tsx';

function Body() {
  const role = useDrill((s) => s.role);
  const view = useDrill((s) => s.view);
  const connected = useDrill((s) => s.connected);
  const hasLayout = useDrill((s) => s.layout !== null);
  const finished = useDrill((s) => s.record !== null);
  const tokenMissing = useDrill((s) => s.tokenMissing);
  const mustChoose = useDrill((s) => s.role === 'trainee' && s.seat === null && (s.meta?.seats?.length ?? 0) > 0);
  if (role === 'home') return <DrillHome />;
  if (role === 'review' || view === 'review') return <ReviewPanel />;
  if (role === 'trainer') return <TrainerConsole />;
  if (tokenMissing) return <OpenFromTrainer />;
  if (mustChoose && connected && hasLayout && !finished) return <SeatChooser />;
  return (connected || finished) && hasLayout ? <TraineeConsole /> : <WaitingForTrainer />;
}

export function DrillApp() {
  const role = useDrill((s) => s.role);
  const view = useDrill((s) => s.view);
  return (
    <div className={`drill-app role-${role} view-${view}`} data-testid="drill-app" data-role={role} data-view={view}>
      <DrillHeader />
      <Body />
    </div>
  );
}
