/**
 * What the trainer's and the trainee's consoles share: the latest frame and
 * drill state in the page store (about four times a second, always the
 * last), the case the user selected and its candidate crews (refreshed
 * every second while selected), and the dispatching actions with their
 * outcome as a notice. The two roles differ only in their link: the
 * trainer's goes to the drill worker, the trainee's through the
 * BroadcastChannel to the trainer's window.
 */
import { asyncScheduler, type Observable, type Subscription } from 'rxjs';
import { throttleTime } from 'rxjs/operators';
import type { Frame } from '../../sim/frame.ts';
import type { TraineeAction } from '../../drill/schema.ts';
import type { ActResult, Candidate, DrillState } from '../../client/drillClient.ts';
import type { Bilingual, DrillPageState, Lang, Store } from './store.ts';
import { both } from '../../i18n/drill/index.ts';
import { parseLang } from '../../i18n/lang.ts';

export interface ConsoleLink {
  /** Frame + state updates (every one; the console throttles them for the DOM). */
  updates$: Observable<{ frame: Frame; state: DrillState }>;
  act(action: TraineeAction): Promise<ActResult>;
  candidates(caseId: number): Promise<Candidate[]>;
}

export interface ConsoleActions {
  setLang(lang: Lang): void;
  selectCase(caseId: number | null): void;
  assign(caseId: number, staff: number[]): Promise<boolean>;
  /** Assign the nearest qualified crew (free members with the skill, as many as the case needs) to a waiting case. */
  assignNearest(caseId: number): Promise<boolean>;
  reprioritise(caseId: number, priority: number): Promise<boolean>;
  escalate(caseId: number): Promise<boolean>;
  mutualAid(caseId: number): Promise<boolean>;
  notify(kind: 'error' | 'ok', msg: Bilingual): void;
  openReview(): void;
  closeReview(): void;
}

const LANG_KEY = 'allweather.drill.lang';

export function savedLang(): Lang | null {
  try {
    return parseLang(localStorage.getItem(LANG_KEY));
  } catch {
    return null;
  }
}

export function createConsole(store: Store<DrillPageState>, link: ConsoleLink): ConsoleActions & { dispose(): void } {
  let seq = 0;
  let candTimer: ReturnType<typeof setInterval> | null = null;
  let candGen = 0;

  const notify = (kind: 'error' | 'ok', msg: Bilingual) =>
    store.setState({ notice: { kind, zh: msg.zh, en: msg.en, seq: ++seq } });

  const refreshCandidates = async () => {
    const id = store.getState().selectedCase;
    if (id === null) return;
    const g = ++candGen;
    const c = await link.candidates(id);
    if (g === candGen && store.getState().selectedCase === id) store.setState({ candidates: c });
  };

  const sub: Subscription = link.updates$
    .pipe(throttleTime(250, asyncScheduler, { leading: true, trailing: true }))
    .subscribe(({ frame, state }) => {
      const sel = store.getState().selectedCase;
      const still = sel !== null && state.inbox.some((i) => i.caseId === sel);
      store.setState(still || sel === null ? { frame, state } : { frame, state, selectedCase: null, candidates: null });
      if (!still && candTimer) {
        clearInterval(candTimer);
        candTimer = null;
      }
    });

  const act = async (a: TraineeAction, ok: Bilingual): Promise<boolean> => {
    store.setState({ busy: true });
    try {
      const r = await link.act(a);
      if (r.ok) {
        notify('ok', ok);
        if (a.kind !== 'reprioritise' && store.getState().selectedCase === a.caseId) actions.selectCase(null);
        else void refreshCandidates();
      } else notify('error', r);
      return r.ok;
    } finally {
      store.setState({ busy: false });
    }
  };

  const actions: ConsoleActions = {
    setLang(lang) {
      document.documentElement.lang = lang;
      try {
        localStorage.setItem(LANG_KEY, lang);
      } catch {
        /* private mode */
      }
      store.setState({ lang });
    },
    selectCase(caseId) {
      if (candTimer) {
        clearInterval(candTimer);
        candTimer = null;
      }
      candGen++;
      store.setState({ selectedCase: caseId, candidates: null });
      if (caseId === null) return;
      void refreshCandidates();
      candTimer = setInterval(() => void refreshCandidates(), 1000);
    },
    assign: (caseId, staff) =>
      act(
        { kind: 'assign', tS: 0, caseId, staff },
        both('notice.assigned', { id: caseId, staff: staff.map((s) => `#${s}`).join(', ') }),
      ),
    async assignNearest(caseId) {
      const item = store.getState().state?.inbox.find((i) => i.caseId === caseId);
      if (!item) return false;
      const cands = await link.candidates(caseId);
      if (cands.length < item.crew) {
        notify('error', both('notice.noCrew', { id: caseId, crew: item.crew, free: cands.length }));
        return false;
      }
      return actions.assign(
        caseId,
        cands.slice(0, item.crew).map((c) => c.staff),
      );
    },
    reprioritise: (caseId, priority) =>
      act({ kind: 'reprioritise', tS: 0, caseId, priority }, both('notice.reprioritised', { id: caseId, p: priority })),
    escalate: (caseId) => act({ kind: 'escalate', tS: 0, caseId }, both('notice.escalated', { id: caseId })),
    mutualAid: (caseId) => act({ kind: 'mutualAid', tS: 0, caseId }, both('notice.mutualAid', { id: caseId })),
    notify,
    openReview: () => store.setState({ view: 'review' }),
    closeReview: () => store.setState({ view: 'console' }),
  };
  return {
    ...actions,
    dispose() {
      sub.unsubscribe();
      if (candTimer) clearInterval(candTimer);
    },
  };
}
