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
import { auditTime, map, shareReplay } from 'rxjs/operators';
import type { LiveService, LoadResult, Speed, CityLayout, Frame, LiveDiagnosis } from '../analysis/liveTypes.ts';

export interface LiveClient {
  /** Latest frame per animation frame. */
  frames$: Observable<Frame>;
  /** Every frame as it arrives, as sent (the coverage matrix may be left out: for counting bytes, the time series). */
  rawFrames$: Observable<Frame>;
  layout$: BehaviorSubject<CityLayout | null>;
  load(text: string, seed?: number): Promise<LoadResult>;
  play(speed: Speed): Promise<void>;
  pause(): Promise<void>;
  setSpeed(speed: Speed): Promise<void>;
  step(seconds: number): Promise<void>;
  restart(seed: number): Promise<void>;
  seek(tS: number): Promise<void>;
  /** What limits coverage in the run so far (asked for now and then, never per frame). */
  diagnosis(): Promise<LiveDiagnosis | null>;
  dispose(): void;
}

/**
 * Frames leave out the coverage matrix when it has not changed; put the last
 * one back so every subscriber sees a complete frame.
 */
export function coverageKeeper(): (f: Frame) => Frame {
  let last: Frame | null = null;
  return (f) => {
    if (f.coverage.length === 0 && last) {
      f.coverage = last.coverage;
      f.coverageCases = last.coverageCases;
    } else {
      last = f;
    }
    return f;
  };
}

export function createLiveClient(
  worker: Worker = new Worker(new URL('../../workers/live.worker.ts', import.meta.url), { type: 'module' }),
): LiveClient {
  const remote: Remote<LiveService> = wrap<LiveService>(worker);
  const raw = new Subject<Frame>();
  const layout$ = new BehaviorSubject<CityLayout | null>(null);
  const withCoverage = coverageKeeper();
  void remote.subscribe(proxy((f: Frame) => raw.next(f)));
  // complete every frame (coverage kept from the last that carried it), keep the latest per animation frame,
  // and replay it to late subscribers (the scene mounts after the frame sent on load)
  const frames$ = raw.pipe(
    map(withCoverage),
    auditTime(0, animationFrameScheduler),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
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
    diagnosis: () => remote.diagnosis(),
    dispose() {
      remote[releaseProxy]();
      worker.terminate();
      raw.complete();
    },
  };
}
