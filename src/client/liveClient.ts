/**
 * The main-thread side of the live twin.
 *
 * Starts the worker, wraps it with comlink and turns its frame callbacks
 * into an rxjs Observable. Frames can arrive faster than the screen
 * refreshes; `frames$` keeps only the latest per animation frame, so the
 * page draws at most once per vsync whatever the simulation speed.
 */
import { wrap, proxy, releaseProxy, type Remote } from 'comlink';
import { BehaviorSubject, Subject, animationFrameScheduler, type Observable } from 'rxjs';
import { auditTime, shareReplay } from 'rxjs/operators';
import type { LiveService, LoadResult, Speed, CityLayout, Frame } from '../analysis/liveTypes.ts';

export interface LiveClient {
  /** Latest frame per animation frame. */
  frames$: Observable<Frame>;
  /** Every frame as it arrives (for counting bytes, tests). */
  rawFrames$: Observable<Frame>;
  layout$: BehaviorSubject<CityLayout | null>;
  load(text: string, seed?: number): Promise<LoadResult>;
  play(speed: Speed): Promise<void>;
  pause(): Promise<void>;
  setSpeed(speed: Speed): Promise<void>;
  step(seconds: number): Promise<void>;
  restart(seed: number): Promise<void>;
  seek(tS: number): Promise<void>;
  dispose(): void;
}

export function createLiveClient(worker: Worker = new Worker(new URL('../../workers/live.worker.ts', import.meta.url), { type: 'module' })): LiveClient {
  const remote: Remote<LiveService> = wrap<LiveService>(worker);
  const raw = new Subject<Frame>();
  const layout$ = new BehaviorSubject<CityLayout | null>(null);
  void remote.subscribe(proxy((f: Frame) => raw.next(f)));
  // replay the latest frame to late subscribers (the scene mounts after the frame sent on load)
  const frames$ = raw.pipe(auditTime(0, animationFrameScheduler), shareReplay({ bufferSize: 1, refCount: true }));
  return {
    frames$,
    rawFrames$: raw.asObservable(),
    layout$,
    async load(text, seed) {
      const r = await remote.load(text, seed);
      if (r.ok) layout$.next(r.layout);
      return r;
    },
    play: (s) => remote.play(s),
    pause: () => remote.pause(),
    setSpeed: (s) => remote.setSpeed(s),
    step: (sec) => remote.step(sec),
    restart: (seed) => remote.restart(seed),
    seek: (t) => remote.seek(t),
    dispose() {
      remote[releaseProxy]();
      worker.terminate();
      raw.complete();
    },
  };
}
