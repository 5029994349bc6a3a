/**
 * The main-thread side of the drill worker (workers/drill.worker.ts).
 *
 * Wraps the worker with comlink and turns its frame callbacks into rxjs
 * Observables, like liveClient.ts does for the live twin:
 *
 * - `drillFrames$`: every DrillFrame (city snapshot + drill state) as it
 *   arrives, for the trainer's relay to the trainee windows and the panels;
 * - `frames$`: the city snapshots only, the latest per animation frame and
 *   replayed to late subscribers (the 3D scene mounts after the first frame).
 *
 * The same client serves the after-action review (`replayTo`), which needs
 * no running session: a trainee window creates its own client for it.
 */
import { wrap, proxy, releaseProxy, type Remote } from 'comlink';
import { Subject, animationFrameScheduler, type Observable } from 'rxjs';
import { auditTime, map, shareReplay } from 'rxjs/operators';
import type { DrillFrame, DrillLoad, DrillRecord, DrillService, DrillState } from '../analysis/drillService.ts';
import type { ActResult, Candidate } from './drillProtocol.ts';
import type { Action, Inject } from '../drill/schema.ts';
import type { DrillScore } from '../drill/scoring.ts';
import type { ScenarioError } from '../scenario/messages.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Frame } from '../sim/frame.ts';

export type { DrillFrame, DrillLoad, DrillRecord, DrillState } from '../analysis/drillService.ts';

export type { ActResult, Candidate } from './drillProtocol.ts';

export interface DrillClient {
  /** Every drill frame as it arrives. */
  drillFrames$: Observable<DrillFrame>;
  /** City snapshots, latest per animation frame, the last one replayed to late subscribers. */
  frames$: Observable<Frame>;
  load(drillText: string, scenarioText: string): Promise<DrillLoad>;
  play(speed?: number): Promise<void>;
  pause(): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  act(action: Action): Promise<ActResult>;
  fire(inject: Inject): Promise<ActResult>;
  setPending(list: Inject[]): Promise<{ ok: true } | { ok: false; errors: ScenarioError[] }>;
  candidates(caseId: number): Promise<Candidate[]>;
  state(): Promise<DrillState | null>;
  finish(): Promise<void>;
  record(): Promise<DrillRecord | null>;
  replayTo(rec: DrillRecord, tS: number, scenarioOverride?: Scenario): Promise<DrillFrame & { score: DrillScore }>;
  dispose(): void;
}

export function createDrillClient(
  worker: Worker = new Worker(new URL('../../workers/drill.worker.ts', import.meta.url), { type: 'module' }),
): DrillClient {
  const remote: Remote<DrillService> = wrap<DrillService>(worker);
  const raw = new Subject<DrillFrame>();
  void remote.subscribe(proxy((f: DrillFrame) => raw.next(f)));
  const frames$ = raw.pipe(
    map((d) => d.frame),
    auditTime(0, animationFrameScheduler),
    shareReplay({ bufferSize: 1, refCount: false }),
  );
  return {
    drillFrames$: raw.asObservable(),
    frames$,
    load: (d, s) => remote.load(d, s),
    play: (sp) => remote.play(sp),
    pause: () => remote.pause(),
    setSpeed: (sp) => remote.setSpeed(sp),
    act: (a) => remote.act(a),
    fire: (i) => remote.fire(i),
    setPending: (l) => remote.setPending(l),
    candidates: (id) => remote.candidates(id),
    state: () => remote.state(),
    finish: () => remote.finish(),
    record: () => remote.record(),
    replayTo: (rec, tS, sc) => remote.replayTo(rec, tS, sc),
    dispose() {
      remote[releaseProxy]();
      worker.terminate();
      raw.complete();
    },
  };
}
