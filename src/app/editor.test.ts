import { describe, expect, it, vi, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';

const db = new Map<string, unknown>();
/** Every write, in order. */
const writes: unknown[] = [];
vi.mock('idb-keyval', () => ({
  get: async (k: string) => structuredClone(db.get(k)),
  set: async (k: string, v: unknown) => {
    writes.push(structuredClone(v));
    db.set(k, structuredClone(v));
  },
}));

const { createEditor, draftFromText, getIn, setIn, DRAFT_KEY } = await import('./editor.ts');
const { createStore, initialState } = await import('./store.ts');
type Controller = import('./controller.ts').Controller;

const text = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');

/** Just enough controller: a store, and loadText that "runs" valid JSON. */
function fakeController() {
  const store = createStore(initialState('zh-CN'));
  const loads: string[] = [];
  const ctl = {
    store,
    async loadText(t: string, source: 'edited' | 'link' | 'file') {
      loads.push(t);
      store.setState({ scenarioText: t, scenarioId: JSON.parse(t).id, scenarioSource: source });
      return true;
    },
  } as unknown as Controller;
  return { ctl, store, loads };
}

beforeEach(() => {
  db.clear();
  writes.length = 0;
});

describe('path helpers', () => {
  it('setIn copies along the path and leaves the input alone', () => {
    const a = { teams: [{ shifts: [{ staff: 1 }] }], city: { gridSize: 5 } };
    const b = setIn(a, ['teams', 0, 'shifts', 0, 'staff'], 3);
    expect(getIn(b, ['teams', 0, 'shifts', 0, 'staff'])).toBe(3);
    expect(a.teams[0].shifts[0].staff).toBe(1);
    expect(b.city).toBe(a.city); // untouched branches are shared
    expect(getIn(setIn(a, ['dispatch', 'policy'], 'nearest'), ['dispatch', 'policy'])).toBe('nearest');
    expect('gridSize' in (setIn(a, ['city', 'gridSize'], undefined).city as object)).toBe(false);
  });
  it('draftFromText migrates and rejects non-objects', () => {
    expect(draftFromText('[1]')).toBeNull();
    expect(draftFromText('{')).toBeNull();
    expect(draftFromText(text)!.schemaVersion).toBe(2);
  });
});

describe('the scenario editor', () => {
  it('follows the live scenario, validates every edit with JSON paths and autosaves it', async () => {
    const { ctl, store } = fakeController();
    const ed = createEditor(ctl);
    expect(await ed.restore()).toBe(false);
    ed.follow();
    store.setState({ scenarioText: text, scenarioId: 'baseline-weekday' });
    expect(ed.store.getState()).toMatchObject({ valid: true, dirty: false });

    ed.set(['teams', 0, 'shifts', 0, 'staff'], 'abc');
    let s = ed.store.getState();
    expect(s.valid).toBe(false);
    expect(s.errors.map((e) => e.path)).toContain('$.teams[0].shifts[0].staff');
    expect(s.errors[0].zh).toMatch(/[\u4e00-\u9fff]/);

    ed.set(['city', 'gridSize'], 7); // cross-field rules too, once the types are right
    ed.set(['teams', 0, 'shifts', 0, 'staff'], 4);
    s = ed.store.getState();
    expect(s.errors.map((e) => e.path)).toContain('$.city.gridSize');
    ed.set(['city', 'gridSize'], 10);
    s = ed.store.getState();
    expect(s).toMatchObject({ valid: true, dirty: true });
    await ed.flush();
    const saved = db.get(DRAFT_KEY) as { draftText: string };
    expect(JSON.parse(saved.draftText).teams[0].shifts[0].staff).toBe(4);
  });

  it('an edit made before the scheduled follow has run edits the scenario now live, not the one before', () => {
    const { ctl, store } = fakeController();
    const ed = createEditor(ctl);
    const tasks: (() => void)[] = [];
    ed.follow((run) => tasks.push(run)); // the next task, run by hand below
    store.setState({ scenarioText: text, scenarioId: 'baseline-weekday' });
    tasks.shift()!();
    expect(ed.store.getState().draft!.id).toBe('baseline-weekday');

    // another scenario goes live; the user edits before the follow's task has run
    const other = JSON.stringify({ ...JSON.parse(text), id: 'other' });
    store.setState({ scenarioText: other, scenarioId: 'other' });
    expect(ed.store.getState().draft!.id).toBe('baseline-weekday'); // not followed yet
    ed.set(['teams', 0, 'shifts', 0, 'staff'], 9);
    let s = ed.store.getState();
    expect(s.draft!.id).toBe('other');
    expect(s.baseText).toBe(other);
    expect(getIn(s.draft, ['teams', 0, 'shifts', 0, 'staff'])).toBe(9);
    expect(s.dirty).toBe(true);
    // the scheduled task, when it runs, changes nothing: the edit stays
    tasks.shift()!();
    s = ed.store.getState();
    expect(getIn(s.draft, ['teams', 0, 'shifts', 0, 'staff'])).toBe(9);
    expect(s.draft!.id).toBe('other');

    // the draft's text (a share link) also reads the live scenario's draft
    const third = JSON.stringify({ ...JSON.parse(text), id: 'third' });
    const ed2 = createEditor(ctl);
    const later: (() => void)[] = [];
    ed2.follow((run) => later.push(run));
    store.setState({ scenarioText: third, scenarioId: 'third' });
    expect(JSON.parse(ed2.text()).id).toBe('third');
  });

  it('restores the autosaved draft, keeps a dirty draft when the live scenario changes, and applies it', async () => {
    const first = fakeController();
    const ed1 = createEditor(first.ctl);
    ed1.follow();
    first.store.setState({ scenarioText: text, scenarioId: 'baseline-weekday' });
    ed1.set(['teams', 0, 'shifts', 0, 'staff'], 5);
    await ed1.flush();

    // a reload: a new editor over a new controller
    const { ctl, store, loads } = fakeController();
    const ed = createEditor(ctl);
    expect(await ed.restore()).toBe(true);
    ed.follow();
    store.setState({ scenarioText: text, scenarioId: 'baseline-weekday' }); // the live run loads the built-in
    expect(ed.store.getState()).toMatchObject({ dirty: true, restored: true, valid: true });
    expect(getIn(ed.store.getState().draft, ['teams', 0, 'shifts', 0, 'staff'])).toBe(5);

    const other = JSON.stringify({ ...JSON.parse(text), id: 'other' });
    store.setState({ scenarioText: other, scenarioId: 'other' });
    expect(getIn(ed.store.getState().draft, ['teams', 0, 'shifts', 0, 'staff'])).toBe(5); // a dirty draft stays

    expect(await ed.apply()).toBe(true);
    expect(JSON.parse(loads[0]).teams[0].shifts[0].staff).toBe(5);
    expect(ed.store.getState()).toMatchObject({ dirty: false, applying: false });

    // clean now: another scenario replaces it
    store.setState({ scenarioText: other, scenarioId: 'other' });
    expect(ed.store.getState().draft!.id).toBe('other');
  });

  it('apply saves the draft as clean before the load ends: a navigation during the load finds no stale edit', async () => {
    const store = createStore(initialState('zh-CN'));
    let finish: (ok: boolean) => void = () => {};
    const ctl = {
      store,
      loadText: (t: string) =>
        new Promise<boolean>((resolve) => {
          store.setState({ scenarioText: t, scenarioId: JSON.parse(t).id, scenarioSource: 'edited' });
          finish = resolve;
        }),
    } as unknown as Controller;
    const ed = createEditor(ctl);
    ed.follow();
    store.setState({ scenarioText: text, scenarioId: 'baseline-weekday' });
    ed.set(['teams', 0, 'shifts', 0, 'staff'], 7);
    const applying = ed.apply();
    await ed.flush();
    const rec = db.get(DRAFT_KEY) as { draftText: string; baseText: string };
    expect(rec.baseText).toBe(rec.draftText); // saved clean while the load is still out

    // the page goes away now; the next one opens the built-in by URL: the clean draft follows it
    const next = fakeController();
    const ed2 = createEditor(next.ctl);
    expect(await ed2.restore()).toBe(true);
    ed2.follow();
    next.store.setState({ scenarioText: text, scenarioId: 'baseline-weekday' });
    expect(getIn(ed2.store.getState().draft, ['teams', 0, 'shifts', 0, 'staff'])).toBe(1);
    expect(ed2.store.getState().dirty).toBe(false);
    finish(true);
    expect(await applying).toBe(true);
  });

  it('apply saves once when the load succeeds, and saves the edit again when it fails', async () => {
    for (const ok of [true, false]) {
      writes.length = 0;
      const store = createStore(initialState('zh-CN'));
      const ctl = {
        store,
        async loadText(t: string) {
          if (ok) store.setState({ scenarioText: t, scenarioId: JSON.parse(t).id, scenarioSource: 'edited' });
          return ok;
        },
      } as unknown as Controller;
      const ed = createEditor(ctl);
      ed.follow();
      store.setState({ scenarioText: text, scenarioId: 'baseline-weekday' });
      ed.set(['teams', 0, 'shifts', 0, 'staff'], 7);
      await ed.flush();
      const before = writes.length;
      expect(await ed.apply()).toBe(ok);
      await ed.flush();
      const saved = writes.slice(before) as { draftText: string; baseText: string }[];
      // success: one write, the draft as its own base; failure: that write, then the edit over the old base again
      expect(saved.length).toBe(ok ? 1 : 2);
      expect(saved[0].baseText).toBe(saved[0].draftText);
      if (!ok) {
        expect(saved[1].baseText).toBe(text);
        expect(saved[1].draftText).not.toBe(text);
        expect(ed.store.getState().dirty).toBe(true);
      }
    }
  });
});
