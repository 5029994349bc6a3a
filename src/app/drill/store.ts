/**
 * The drill page's state: a tiny framework-free store (the same shape as
 * src/app/store.ts's, kept separate so the drill page does not depend on the
 * main app's state) and the React adapter beside it.
 *
 * Per-frame data reaches the store at most about four times a second (and
 * always the last frame), so the DOM panels re-render rarely while the 3D
 * scene takes every frame from its Observable.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CityLayout, Frame } from '../../sim/frame.ts';
import type { ScenarioError } from '../../scenario/messages.ts';
import type { DrillScore } from '../../drill/scoring.ts';
import type { Candidate, DrillRecord, DrillState } from '../../client/drillClient.ts';
import type { DrillMeta } from '../../client/drillChannel.ts';
import type { Bilingual, Lang } from '../../i18n/lang.ts';
import { createStore, type Store } from '../store.ts';

// the same framework-free store as the main app
export { createStore, type Store };

export function useStoreOf<T extends object, U>(store: Store<T>, selector: (s: T) => U): U {
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}

export type { Bilingual, Lang } from '../../i18n/lang.ts';
export type Role = 'trainer' | 'trainee' | 'review' | 'home';
/** A message in both languages (errors and confirmations from the engine come this way). */
export interface Notice extends Bilingual {
  kind: 'error' | 'ok';
  /** Increases with each notice, so the same text twice is announced twice. */
  seq: number;
}

export interface LiveScore {
  score: DrillScore;
  baseline: DrillScore;
  /** Each seat's score and baseline (drills with seats). */
  seats?: { seat: string; score: DrillScore; baseline: DrillScore }[];
  /** The drill time the scores refer to. */
  tS: number;
}

export interface DrillPageState {
  role: Role;
  lang: Lang;
  drillId: string | null;
  /** Trainee: a trainer window answers. Trainer: the drill is loaded. */
  connected: boolean;
  /** Trainee: the window was opened without its session token (by hand, not from the trainer's console). */
  tokenMissing: boolean;
  loadErrors: ScenarioError[] | null;
  layout: CityLayout | null;
  meta: DrillMeta | null;
  frame: Frame | null;
  state: DrillState | null;
  selectedCase: number | null;
  candidates: Candidate[] | null;
  busy: boolean;
  notice: Notice | null;
  /** Trainer: the score so far (refreshed every few seconds while the clock runs). */
  liveScore: LiveScore | null;
  /** Trainer: errors of the last timeline edit or live inject. */
  timelineErrors: ScenarioError[] | null;
  /** Trainer: the cell last clicked in the 3D city (fills the case inject's x, y). */
  pickedCell: { x: number; y: number; seq: number } | null;
  /** The finished drill (scores, action log), for both windows. */
  record: DrillRecord | null;
  /** The record's timeline differs from the drill file's (the trainer edited it or fired injects live). */
  timelineEdited: boolean;
  view: 'console' | 'review';
  /** Trainee: the seat this window holds ("all": the whole scope), null until chosen. */
  seat: string | null;
  /** Trainer: trainee windows heard in the last few seconds, by seat ("" for a window that has not chosen yet). */
  seatWindows: Record<string, number>;
  /** Trainer: the seat whose inbox the trainer looks at ("all": every seat's). */
  seatShown: string;
  /** Trainee: P1 cases that arrived since the window joined (highlighted), and how many alerts sounded. */
  alerts: { fresh: number[]; count: number };
  /** Trainee: the P1 alert's sound is on. */
  sound: boolean;
}

export function initialPageState(role: Role, lang: Lang, drillId: string | null): DrillPageState {
  return {
    role,
    lang,
    drillId,
    connected: false,
    tokenMissing: false,
    loadErrors: null,
    layout: null,
    meta: null,
    frame: null,
    state: null,
    selectedCase: null,
    candidates: null,
    busy: false,
    notice: null,
    liveScore: null,
    timelineErrors: null,
    pickedCell: null,
    record: null,
    timelineEdited: false,
    view: 'console',
    seat: null,
    seatWindows: {},
    seatShown: 'all',
    alerts: { fresh: [], count: 0 },
    sound: true,
  };
}

export const PageStoreContext = createContext<Store<DrillPageState> | null>(null);

export function usePageStore(): Store<DrillPageState> {
  const s = useContext(PageStoreContext);
  if (!s) throw new Error('usePageStore: no PageStoreContext provider');
  return s;
}

/** Select a slice of the drill page's state. */
export function useDrill<U>(selector: (s: DrillPageState) => U): U {
  return useStoreOf(usePageStore(), selector);
}
