/**
 * The scenario applied last: kept in IndexedDB and brought back on load.
 *
 * The editor's draft (editor.ts) is what the planner is typing; the applied
 * scenario is what the live run plays after "apply to the live run" (or
 * "apply" of a cheapest plan). They are kept separately: a reload restores
 * the applied scenario into the live run *and* the unapplied draft into the
 * editor, so nothing is lost either way.
 *
 *     const applied = createApplied(ctl);          // idbKeyValue; memoryKeyValue() in tests
 *     const saved = await applied.read();          // before the first scenario loads
 *     applied.follow();                            // from now on, every applied scenario is saved
 *     if (lastWasApplied) await applied.restore(); // loads it, notice "restored", offers the built-in
 *     else applied.kept('url');                    // an explicit ?scenario= or share link won: say so, offer it back
 *
 * Which wins on load (main.tsx): an explicit request in the URL, a share link
 * or `?scenario=<built-in>`, opens what it asks for, because the person who
 * sent or typed it meant that scenario; when the page was last showing an
 * applied scenario, a notice says it was kept and offers it back. Otherwise,
 * if the page was last showing an applied scenario, it is restored with a
 * notice "已恢复上次应用的场景 / Restored the scenario you applied last" and a
 * way back to its built-in.
 *
 * What IndexedDB holds is outside input (another version, another tab, a
 * broken disk, a curious user). A record is used only when its shape is
 * right and its text matches its checksum; anything else is moved aside
 * (APPLIED_KEY + '.unreadable') and a notice says it was ignored. Reading and
 * writing never throw.
 */
import { del as idbDel, get as idbGet, set as idbSet } from 'idb-keyval';
import { fnv1a64 } from '../scenario/load.ts';
import type { Controller } from './controller.ts';
import { draftFromText } from './editor.ts';
import { builtinById } from './scenarios.ts';
import { createStore, type Store } from './store.ts';

export const APPLIED_KEY = 'allweather.applied.v1';
/** Where an unreadable record is moved, so it is not read again and not lost either. */
export const UNREADABLE_KEY = `${APPLIED_KEY}.unreadable`;

/** The persistence interface: idb-keyval in the browser, a Map in tests. */
export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

export const idbKeyValue: KeyValue = {
  get: (k) => idbGet(k),
  set: (k, v) => idbSet(k, v),
  del: (k) => idbDel(k),
};

/** An in-memory KeyValue (values are structured-cloned, as IndexedDB does). */
export function memoryKeyValue(init: Record<string, unknown> = {}): KeyValue & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(init));
  return {
    data,
    get: async (k) => structuredClone(data.get(k)),
    set: async (k, v) => void data.set(k, structuredClone(v)),
    del: async (k) => void data.delete(k),
  };
}

/** What IndexedDB holds: the text the live run loaded, and a checksum of it. */
export interface AppliedRecord {
  v: 1;
  text: string;
  /** fnv1a64 of text. */
  sum: string;
  /** The scenario's id. */
  label: string;
  /** The built-in it was edited from (its id), when there is one. */
  baseId: string | null;
  /** The live run's seed when it was applied. */
  seed: number | null;
  appliedAt: number;
}

export type AppliedRead =
  { kind: 'none' } | { kind: 'ok'; rec: AppliedRecord } | { kind: 'unreadable'; reason: string };

/** What the notice over the city says. */
export type AppliedNotice =
  /** The applied scenario is back in the live run; `baseId`: the built-in to go back to. */
  | { kind: 'restored'; label: string; baseId: string | null }
  /** An explicit ?scenario= or share link opened instead; the applied scenario is kept and offered back. */
  | { kind: 'kept'; label: string; because: 'url' | 'link' }
  /** What IndexedDB held could not be read and was ignored. */
  | { kind: 'unreadable'; reason: string };

export interface AppliedState {
  notice: AppliedNotice | null;
  /** When the last applied scenario was saved (ms since epoch), and the last save error. */
  savedAt: number | null;
  saveError: string | null;
}

export interface AppliedController {
  store: Store<AppliedState>;
  /** Read the saved record (once, before the first scenario loads); an unreadable one is moved aside and noticed. */
  read(): Promise<AppliedRead>;
  /** Save every scenario the live run loads from the editor (source 'edited') from now on. */
  follow(): void;
  /** Load the saved applied scenario into the live run ('restored' notice). Resolves true when it loaded. */
  restore(): Promise<boolean>;
  /** An explicit request opened instead: notice 'kept' when there is a record to offer back. */
  kept(because: 'url' | 'link'): void;
  /** Back to the built-in the restored scenario was edited from (the record stays until the next apply). */
  useBuiltin(): Promise<boolean>;
  dismiss(): void;
  /** Resolves once the latest save finished (tests). */
  flush(): Promise<void>;
  dispose(): void;
}

const str = (v: unknown): v is string => typeof v === 'string';

/** Check a value read from storage; never throws. */
export function checkRecord(v: unknown): AppliedRead {
  if (v === undefined || v === null) return { kind: 'none' };
  if (typeof v !== 'object' || Array.isArray(v))
    return { kind: 'unreadable', reason: `not a record (${Array.isArray(v) ? 'array' : typeof v})` };
  const r = v as Record<string, unknown>;
  if (r.v !== 1) return { kind: 'unreadable', reason: 'unknown format version' };
  if (!str(r.text) || !str(r.sum) || !str(r.label)) return { kind: 'unreadable', reason: 'fields missing' };
  if (fnv1a64(r.text) !== r.sum) return { kind: 'unreadable', reason: 'checksum mismatch' };
  if (draftFromText(r.text) === null) return { kind: 'unreadable', reason: 'not a JSON object' };
  const baseId = str(r.baseId) ? r.baseId : null;
  const appliedAt = typeof r.appliedAt === 'number' && Number.isFinite(r.appliedAt) ? r.appliedAt : 0;
  const seed = Number.isSafeInteger(r.seed) && (r.seed as number) >= 0 ? (r.seed as number) : null;
  return { kind: 'ok', rec: { v: 1, text: r.text, sum: r.sum, label: r.label, baseId, seed, appliedAt } };
}

/** The record for scenario text the live run loaded. */
export function recordOf(text: string, id: string, now: number, seed: number | null = null): AppliedRecord {
  return { v: 1, text, sum: fnv1a64(text), label: id, baseId: builtinById(id) ? id : null, seed, appliedAt: now };
}

export function createApplied(ctl: Controller, kv: KeyValue = idbKeyValue): AppliedController {
  const store = createStore<AppliedState>({ notice: null, savedAt: null, saveError: null });
  let saved: AppliedRecord | null = null;
  let saving: Promise<void> = Promise.resolve();
  let unfollow: (() => void) | null = null;
  let lastText = '';

  const save = (rec: AppliedRecord) => {
    saved = rec;
    saving = saving
      .then(() => kv.set(APPLIED_KEY, rec))
      .then(
        () => store.setState({ savedAt: rec.appliedAt, saveError: null }),
        (e: unknown) => {
          console.warn('saving the applied scenario failed / 保存已应用的场景失败', e);
          store.setState({ saveError: String(e) });
        },
      );
  };

  const ap: AppliedController = {
    store,
    async read() {
      let raw: unknown;
      try {
        raw = await kv.get(APPLIED_KEY);
      } catch (e) {
        const r: AppliedRead = { kind: 'unreadable', reason: `storage: ${String(e)}` };
        store.setState({ notice: { kind: 'unreadable', reason: r.reason } });
        return r;
      }
      const r = checkRecord(raw);
      if (r.kind === 'ok') saved = r.rec;
      if (r.kind === 'unreadable') {
        console.warn(
          'the saved applied scenario is unreadable and was ignored / 上次应用的场景无法读取，已忽略:',
          r.reason,
        );
        store.setState({ notice: { kind: 'unreadable', reason: r.reason } });
        try {
          await kv.set(UNREADABLE_KEY, raw);
          await kv.del(APPLIED_KEY);
        } catch {
          // left where it is: it is ignored again next time
        }
      }
      return r;
    },
    follow() {
      if (unfollow) return;
      const onLive = () => {
        const s = ctl.store.getState();
        if (s.scenarioSource !== 'edited' || !s.scenarioText || s.scenarioText === lastText) return;
        lastText = s.scenarioText;
        if (saved?.text === s.scenarioText) return; // the restored one itself
        save(recordOf(s.scenarioText, s.scenarioId, Date.now(), s.seed));
        // a new applied scenario: what was said about the old one is past
        if (store.getState().notice?.kind !== 'unreadable') store.setState({ notice: null });
      };
      unfollow = ctl.store.subscribe(onLive);
    },
    async restore() {
      const rec = saved;
      if (!rec) return false;
      const ok = await ctl.loadText(rec.text, 'edited', rec.label, rec.seed ?? undefined);
      if (ok)
        store.setState({
          notice: {
            kind: 'restored',
            label: rec.label,
            baseId: rec.baseId && builtinById(rec.baseId) ? rec.baseId : null,
          },
        });
      else store.setState({ notice: { kind: 'unreadable', reason: 'invalid scenario' } }); // its errors show in the errors panel
      return ok;
    },
    kept(because) {
      if (saved) store.setState({ notice: { kind: 'kept', label: saved.label, because } });
    },
    async useBuiltin() {
      const n = store.getState().notice;
      const id = n?.kind === 'restored' ? n.baseId : null;
      if (!id) return false;
      const ok = await ctl.loadBuiltin(id);
      if (ok) store.setState({ notice: null });
      return ok;
    },
    dismiss() {
      store.setState({ notice: null });
    },
    flush() {
      return saving;
    },
    dispose() {
      unfollow?.();
      unfollow = null;
    },
  };
  return ap;
}
