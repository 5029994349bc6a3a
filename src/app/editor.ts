/**
 * The scenario editor's state: a draft of the scenario as a plain object
 * (the file's JSON, migrated to the current format), validated on every
 * change with the very schema and cross-field checks a file goes through
 * (`parseScenarioObject`), so every error carries the JSON path of its field
 * (`$.teams[0].shifts[1].staff`) and the form shows it beside that field.
 *
 *     const ed = createEditor(ctl);
 *     await ed.restore();                                  // the autosaved draft, if any
 *     ed.follow();                                         // track the live scenario
 *     ed.set(['teams', 0, 'shifts', 1, 'staff'], 3);       // validates, autosaves
 *     if (ed.store.getState().valid) await ed.apply();     // reload the live run with the draft
 *
 * Every edit, valid or not, is autosaved to IndexedDB (idb-keyval) at once,
 * so a reload or a crash loses nothing; `restore` brings it back on start.
 * A value typed into a number field that is not a number is kept as the
 * text typed, and the schema says what is wrong with it.
 *
 * The draft follows the live scenario while it is clean (equal to what it
 * started from): loading another scenario replaces a clean draft. A dirty
 * draft is never replaced silently; the panel offers to discard it.
 */
import { get as idbGet, set as idbSet } from 'idb-keyval';
import { canonicalJson, parseScenarioObject, scenarioHash } from '../scenario/load.ts';
import { formatPath, type ScenarioError } from '../scenario/messages.ts';
import { migrate } from '../scenario/migrate.ts';
import { nestingErrors } from '../scenario/safeKeys.ts';
import type { Controller } from './controller.ts';
import { createStore, type Store } from './store.ts';

export const DRAFT_KEY = 'allweather.editor.draft.v1';

export type Key = string | number;
export type Json = Record<string, unknown>;

export interface EditorState {
  /** The draft (current format), or null before the first scenario arrives. */
  draft: Json | null;
  /** The scenario text the draft started from (the live one at that time, or the last applied draft). */
  baseText: string;
  /** Its label (scenario id or file name). */
  baseLabel: string;
  /** Validation errors of the draft, each with its JSON path. */
  errors: ScenarioError[];
  valid: boolean;
  /** The draft differs from its base. */
  dirty: boolean;
  /** Content hash of the draft when valid. */
  hash: string | null;
  /** When the draft was last written to IndexedDB (ms since epoch), and the last write error. */
  savedAt: number | null;
  saveError: string | null;
  /** The draft was restored from IndexedDB on start. */
  restored: boolean;
  /** An apply is in progress. */
  applying: boolean;
}

/** What IndexedDB holds. */
interface SavedDraft {
  draftText: string;
  baseText: string;
  baseLabel: string;
  savedAt: number;
}

export interface EditorController {
  store: Store<EditorState>;
  /** Bring back the autosaved draft (before the first scenario loads). Resolves true when there was one. */
  restore(): Promise<boolean>;
  /**
   * Start following the live scenario (call after restore). `schedule` runs the draft's update (a parse and a
   * validation, ~0.1 s for a large district) when it is given: main.tsx passes a next-task scheduler, so that work is
   * not in the task that received the scenario. Default: at once. An edit, `text()` or `apply()` before that task
   * runs does the update first, so it reads and edits the scenario now live.
   */
  follow(schedule?: (run: () => void) => void): void;
  /** Start a draft from scenario text (the live scenario, a file). */
  reset(text: string, label: string): void;
  /** Replace the draft with another object (an opened file), keeping the base. */
  replace(draft: Json): void;
  /** Set one field; `undefined` removes it. */
  set(path: readonly Key[], value: unknown): void;
  /** The draft as file text (2-space JSON). */
  text(): string;
  /** Reload the live run with the draft. Resolves true when it loaded. */
  apply(): Promise<boolean>;
  /** Resolves once the latest autosave finished (tests). */
  flush(): Promise<void>;
  dispose(): void;
}

/** A copy of `obj` with `value` at `path` (containers on the way are copied, missing ones created). */
export function setIn(obj: Json, path: readonly Key[], value: unknown): Json {
  if (path.length === 0) return obj;
  const root: Json = { ...obj };
  let src: unknown = obj;
  let dst: Record<Key, unknown> = root as Record<Key, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    const next = (src as Record<Key, unknown> | undefined)?.[k];
    const copy: Record<Key, unknown> = Array.isArray(next)
      ? ([...next] as unknown as Record<Key, unknown>)
      : typeof next === 'object' && next !== null
        ? { ...(next as Json) }
        : typeof path[i + 1] === 'number'
          ? ([] as unknown as Record<Key, unknown>)
          : {};
    dst[k] = copy;
    dst = copy;
    src = next;
  }
  const last = path[path.length - 1];
  if (value === undefined && !Array.isArray(dst)) delete dst[last];
  else dst[last] = value;
  return root;
}

/** The value at `path`, or undefined. */
export function getIn(obj: unknown, path: readonly Key[]): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, k)) return undefined; // own fields only
    cur = (cur as Record<Key, unknown>)[k];
  }
  return cur;
}

/** The JSON path string of a path (as in ScenarioError.path). */
export const pathOf = (path: readonly Key[]) => formatPath(path);

/** Parse scenario text into a draft: JSON, migrated to the current format when possible. Null when not a JSON object. */
export function draftFromText(text: string): Json | null {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(src);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  if (nestingErrors(raw).length > 0) return null; // copying it (structuredClone, canonical JSON) would overflow the stack
  const m = migrate(raw);
  return m.ok ? (structuredClone(m.value) as Json) : (raw as Json);
}

function canon(draft: Json | null): string {
  return draft === null ? '' : canonicalJson(draft);
}

/**
 * The draft's errors, validity and content hash. `loaded`: the draft is the live scenario's text, which the live
 * worker has just validated with the same parseScenario (the store holds a scenario text only once it loaded):
 * validating it again here was ~0.1–0.2 s of main-thread work per scenario opened (issue 12), so only its hash is
 * computed.
 */
function validate(draft: Json | null, loaded = false): Pick<EditorState, 'errors' | 'valid' | 'hash'> {
  if (draft === null) return { errors: [], valid: false, hash: null };
  const r = loaded ? null : parseScenarioObject(draft);
  if (r && !r.ok) return { errors: r.errors, valid: false, hash: null };
  let hash: string | null = null;
  try {
    hash = scenarioHash(draft);
  } catch {
    hash = null;
  }
  return { errors: [], valid: true, hash };
}

export function initialEditorState(): EditorState {
  return {
    draft: null,
    baseText: '',
    baseLabel: '',
    errors: [],
    valid: false,
    dirty: false,
    hash: null,
    savedAt: null,
    saveError: null,
    restored: false,
    applying: false,
  };
}

export function createEditor(ctl: Controller): EditorController {
  const store = createStore<EditorState>(initialEditorState());
  let baseCanon = '';
  let saving: Promise<void> = Promise.resolve();
  let unfollow: (() => void) | null = null;
  /** The scheduled follow of a live scenario, not yet run (follow()); run before an edit reads the draft. */
  let catchUp: (() => void) | null = null;

  const textOf = (draft: Json | null) => (draft === null ? '' : JSON.stringify(draft, null, 2) + '\n');

  const autosave = () => {
    const s = store.getState();
    if (s.draft === null) return;
    const rec: SavedDraft = {
      draftText: textOf(s.draft),
      baseText: s.baseText,
      baseLabel: s.baseLabel,
      savedAt: Date.now(),
    };
    saving = saving
      .then(() => idbSet(DRAFT_KEY, rec))
      .then(
        () => store.setState({ savedAt: rec.savedAt, saveError: null }),
        (e: unknown) => {
          console.warn('autosave failed / 自动保存失败', e);
          store.setState({ saveError: String(e) });
        },
      );
  };

  const setDraft = (draft: Json | null, extra: Partial<EditorState> = {}, save = true, loaded = false) => {
    store.setState({ draft, ...validate(draft, loaded), dirty: canon(draft) !== baseCanon, ...extra });
    if (save) autosave();
  };
  /** The draft becomes `text` (and its base): `loaded` when it is the live scenario's (validated) text. */
  const resetTo = (text: string, label: string, loaded: boolean) => {
    const draft = draftFromText(text);
    baseCanon = canon(draft);
    setDraft(draft, { baseText: text, baseLabel: label, restored: false }, true, loaded);
  };

  const ed: EditorController = {
    store,
    async restore() {
      let rec: SavedDraft | undefined;
      try {
        rec = await idbGet<SavedDraft>(DRAFT_KEY);
      } catch (e) {
        console.warn('restore failed / 恢复草稿失败', e);
        return false;
      }
      if (!rec || typeof rec.draftText !== 'string') return false;
      const draft = draftFromText(rec.draftText);
      if (draft === null) return false;
      baseCanon = canon(draftFromText(rec.baseText ?? ''));
      setDraft(
        draft,
        { baseText: rec.baseText ?? '', baseLabel: rec.baseLabel ?? '', restored: true, savedAt: rec.savedAt ?? null },
        false,
      );
      return true;
    },
    follow(schedule) {
      if (unfollow) return;
      const update = () => {
        const live = ctl.store.getState();
        const s = store.getState();
        if (!live.scenarioText || live.scenarioText === s.baseText) return;
        // the live scenario changed: a clean draft follows it, a dirty one stays (the panel offers to discard it)
        if (s.draft === null || !s.dirty) resetTo(live.scenarioText, live.fileName ?? live.scenarioId, true);
      };
      const onLive = () => {
        const live = ctl.store.getState();
        if (!live.scenarioText || live.scenarioText === store.getState().baseText) return;
        if (!schedule) return update();
        if (catchUp) return;
        // an edit before the scheduled task runs catches up first: it edits the scenario the user now sees
        const run = () => {
          if (catchUp !== run) return;
          catchUp = null;
          if (unfollow) update();
        };
        catchUp = run;
        schedule(run);
      };
      unfollow = ctl.store.subscribe(onLive);
      onLive();
    },
    reset(text, label) {
      resetTo(text, label, false);
    },
    replace(draft) {
      catchUp?.();
      setDraft(draft, { restored: false });
    },
    set(path, value) {
      catchUp?.();
      const d = store.getState().draft;
      if (d === null) return;
      setDraft(setIn(d, path, value));
    },
    text() {
      catchUp?.();
      return textOf(store.getState().draft);
    },
    async apply() {
      catchUp?.();
      const s = store.getState();
      if (!s.valid || s.draft === null) return false;
      const text = textOf(s.draft);
      const label = typeof s.draft.id === 'string' ? s.draft.id : 'scenario';
      const prev = { baseText: s.baseText, baseCanon };
      // the draft becomes the base first, so following the live scenario keeps it
      baseCanon = canon(s.draft);
      store.setState({ applying: true, baseText: text, baseLabel: label, dirty: false });
      // saved clean now, not after the load: a reload or a navigation during the load must not find the applied
      // draft saved as an edit of the scenario before (it would stay, dirty, over the scenario opened next)
      autosave();
      const ok = await ctl.loadText(text, 'edited', label);
      if (!ok) {
        // not applied: the draft is again an edit of the scenario before, and saved as such
        baseCanon = prev.baseCanon;
        store.setState({ baseText: prev.baseText, dirty: canon(store.getState().draft) !== baseCanon });
        autosave();
      }
      store.setState({ applying: false });
      return ok;
    },
    flush() {
      return saving;
    },
    dispose() {
      unfollow?.();
      unfollow = null;
      catchUp = null;
    },
  };
  return ed;
}
