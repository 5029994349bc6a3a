/**
 * A trainee's window: no worker of its own while the drill runs. It draws
 * the frames the trainer's window relays, and sends its actions (assign,
 * reprioritise, escalate, mutual aid) to the trainer, which applies them and
 * answers with the outcome. Opened alone it waits for the trainer. When the
 * drill ends the trainer sends the record; the review then starts a drill
 * worker in this window to rebuild the drill from it.
 */
import type { Observable, Subscription } from 'rxjs';
import type { Frame } from '../../sim/frame.ts';
import { createDrillClient, type DrillClient } from '../../client/drillClient.ts';
import { openTraineeChannel } from '../../client/drillChannel.ts';
import { createConsole, type ConsoleActions } from './console.ts';
import { createReviewController, type ReviewController } from './review.ts';
import type { DrillPageState, Store } from './store.ts';

export interface TraineeController extends ConsoleActions {
  role: 'trainee';
  store: Store<DrillPageState>;
  frames$: Observable<Frame>;
  review: ReviewController;
  dispose(): void;
}

export function createTrainee(drillId: string, store: Store<DrillPageState>): TraineeController {
  const link = openTraineeChannel(drillId);
  const consoleCtl = createConsole(store, link);
  let client: DrillClient | null = null;
  const review = createReviewController(() => (client ??= createDrillClient()));
  const subs: Subscription[] = [
    link.status$.subscribe((s) => store.setState(s === 'connected' ? { connected: true } : { connected: false })),
    link.hello$.subscribe((h) => { if (h) store.setState({ layout: h.layout, meta: h.meta }); }),
    link.record$.subscribe((fin) => {
      const record = fin?.record ?? null;
      store.setState({ record, timelineEdited: fin?.edited ?? false, liveScore: record ? { score: record.score, baseline: record.baseline, tS: store.getState().state?.tS ?? 0 } : null });
      if (!fin && store.getState().view === 'review') store.setState({ view: 'console' });
    }),
  ];
  return {
    ...consoleCtl,
    role: 'trainee',
    store,
    frames$: link.frames$,
    review,
    dispose() {
      consoleCtl.dispose();
      for (const s of subs) s.unsubscribe();
      link.close();
      client?.dispose();
    },
  };
}
