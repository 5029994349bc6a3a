/**
 * The applied scenario survives a reload (issue 10): applying an edit saves
 * it (a store-level test over an in-memory KeyValue; idb-keyval in the
 * browser), a reload restores it with a notice and a way back to the
 * built-in, the editor's unapplied draft is kept beside it, and garbage in
 * storage is ignored with a notice, never thrown.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// the editor's draft autosave (idb-keyval) in memory
const idb = new Map<string, unknown>();
vi.mock('idb-keyval', () => ({
  get: async (k: string) => structuredClone(idb.get(k)),
  set: async (k: string, v: unknown) => {
    idb.set(k, structuredClone(v));
  },
  del: async (k: string) => {
    idb.delete(k);
  },
}));

const { APPLIED_KEY, UNREADABLE_KEY, checkRecord, createApplied, memoryKeyValue, recordOf } =
  await import('./applied.ts');
const { createEditor, getIn } = await import('./editor.ts');
const { createStore, initialState } = await import('./store.ts');
const { fnv1a64 } = await import('../scenario/load.ts');
type Controller = import('./controller.ts').Controller;
type ScenarioSource = import('./store.ts').ScenarioSource;

const nightText = readFileSync(new URL('../../scenarios/night-incidents.json', import.meta.url), 'utf8');
const NIGHT_PATROL = ['teams', 1, 'shifts', 0, 'staff'] as const;

/** Just enough controller: a store, loadText that "runs" valid JSON, loadBuiltin for night-incidents. */
function fakeController() {
  const store = createStore(initialState('zh-CN'));
  const loads: { text: string; source: ScenarioSource }[] = [];
  const load = (text: string, source: ScenarioSource) => {
    let id: string;
    try {
      id = JSON.parse(text).id;
    } catch {
      return false;
    }
    loads.push({ text, source });
    store.setState({ scenarioText: text, scenarioId: id, scenarioSource: source });
    return true;
  };
  const ctl = {
    store,
    loadText: async (text: string, source: ScenarioSource) => load(text, source),
    loadBuiltin: async (id: string) => id === 'night-incidents' && load(nightText, 'builtin'),
  } as unknown as Controller;
  return { ctl, store, loads };
}

beforeEach(() => idb.clear());

describe('the applied scenario', () => {
  it('is saved when applied and restored after a reload, with a notice and a way back to the built-in', async () => {
    const kv = memoryKeyValue();
    const first = fakeController();
    const ap1 = createApplied(first.ctl, kv);
    expect(await ap1.read()).toEqual({ kind: 'none' });
    ap1.follow();
    await first.ctl.loadBuiltin('night-incidents');
    expect(kv.data.has(APPLIED_KEY)).toBe(false); // a built-in is not an applied scenario

    // the editor applies night patrol 16
    const ed1 = createEditor(first.ctl);
    ed1.follow();
    ed1.set([...NIGHT_PATROL], 16);
    expect(await ed1.apply()).toBe(true);
    await ap1.flush();
    const rec = kv.data.get(APPLIED_KEY) as { text: string; label: string; baseId: string; sum: string };
    expect(rec).toMatchObject({ v: 1, label: 'night-incidents', baseId: 'night-incidents', seed: 1 });
    expect(JSON.parse(rec.text).teams[1].shifts[0].staff).toBe(16);
    expect(rec.sum).toBe(fnv1a64(rec.text));
    expect(ap1.store.getState().savedAt).not.toBeNull();

    // a reload: new controllers over the same storage
    const { ctl, store, loads } = fakeController();
    const ed = createEditor(ctl);
    await ed.restore();
    ed.follow();
    const ap = createApplied(ctl, kv);
    expect((await ap.read()).kind).toBe('ok');
    ap.follow();
    expect(await ap.restore()).toBe(true);
    expect(loads).toEqual([{ text: rec.text, source: 'edited' }]);
    expect(JSON.parse(store.getState().scenarioText).teams[1].shifts[0].staff).toBe(16);
    expect(getIn(ed.store.getState().draft, [...NIGHT_PATROL])).toBe(16);
    expect(ap.store.getState().notice).toEqual({
      kind: 'restored',
      label: 'night-incidents',
      baseId: 'night-incidents',
    });

    // back to the built-in: 8 again, the notice goes, the applied scenario stays saved
    expect(await ap.useBuiltin()).toBe(true);
    expect(store.getState()).toMatchObject({ scenarioSource: 'builtin', scenarioId: 'night-incidents' });
    expect(JSON.parse(store.getState().scenarioText).teams[1].shifts[0].staff).toBe(8);
    expect(ap.store.getState().notice).toBeNull();
    expect((kv.data.get(APPLIED_KEY) as { text: string }).text).toBe(rec.text);
  });

  it('keeps the unapplied draft and the applied scenario separately', async () => {
    const kv = memoryKeyValue();
    const first = fakeController();
    const ap1 = createApplied(first.ctl, kv);
    ap1.follow();
    const ed1 = createEditor(first.ctl);
    ed1.follow();
    await first.ctl.loadBuiltin('night-incidents');
    ed1.set([...NIGHT_PATROL], 16);
    await ed1.apply();
    ed1.set([...NIGHT_PATROL], 20); // typed after applying, not applied
    await Promise.all([ed1.flush(), ap1.flush()]);

    const { ctl, store } = fakeController();
    const ed = createEditor(ctl);
    expect(await ed.restore()).toBe(true);
    ed.follow();
    const ap = createApplied(ctl, kv);
    await ap.read();
    ap.follow();
    await ap.restore();
    expect(JSON.parse(store.getState().scenarioText).teams[1].shifts[0].staff).toBe(16); // the live run: applied
    expect(getIn(ed.store.getState().draft, [...NIGHT_PATROL])).toBe(20); // the editor: the draft
    expect(ed.store.getState()).toMatchObject({ dirty: true, restored: true });
    // restoring did not save anything new
    expect(JSON.parse((kv.data.get(APPLIED_KEY) as { text: string }).text).teams[1].shifts[0].staff).toBe(16);
  });

  it('an explicit link or ?scenario= opened instead: the notice says the applied scenario is kept, and restores it', async () => {
    const kv = memoryKeyValue({
      [APPLIED_KEY]: recordOf(nightText.replace('"staff": 8', '"staff": 16'), 'night-incidents', 1),
    });
    const { ctl, store } = fakeController();
    const ap = createApplied(ctl, kv);
    await ap.read();
    ap.follow();
    await ctl.loadBuiltin('night-incidents');
    ap.kept('url');
    expect(ap.store.getState().notice).toEqual({ kind: 'kept', label: 'night-incidents', because: 'url' });
    expect(await ap.restore()).toBe(true);
    expect(store.getState().scenarioSource).toBe('edited');
    expect(ap.store.getState().notice?.kind).toBe('restored');
    ap.dismiss();
    expect(ap.store.getState().notice).toBeNull();

    const empty = createApplied(fakeController().ctl, memoryKeyValue());
    await empty.read();
    empty.kept('link');
    expect(empty.store.getState().notice).toBeNull(); // nothing to offer back
  });

  it('ignores garbage in storage with a notice, moves it aside and never throws', async () => {
    const good = recordOf(nightText, 'night-incidents', 1);
    const garbage: unknown[] = [
      'garbage',
      42,
      true,
      [1, 2],
      { v: 2 },
      { v: 1, text: 5, sum: 'x', label: 'y' },
      { ...good, sum: '0000000000000000' },
      { ...good, text: good.text.slice(0, 100) },
      { v: 1, text: '[1]', sum: fnv1a64('[1]'), label: 'x' },
      { v: 1, text: '{', sum: fnv1a64('{'), label: 'x' },
      Object.assign(Object.create(null), { v: 1 }),
      new Uint8Array([1, 2, 3]),
    ];
    for (const g of garbage) {
      expect(checkRecord(g).kind, JSON.stringify(g)).toBe('unreadable');
      const kv = memoryKeyValue({ [APPLIED_KEY]: g });
      const { ctl, loads } = fakeController();
      const ap = createApplied(ctl, kv);
      const r = await ap.read();
      expect(r.kind).toBe('unreadable');
      expect(ap.store.getState().notice?.kind).toBe('unreadable');
      expect(await ap.restore()).toBe(false);
      expect(loads).toEqual([]);
      expect(kv.data.has(APPLIED_KEY)).toBe(false);
      expect(kv.data.get(UNREADABLE_KEY)).toEqual(g);
    }
    // storage that throws
    const broken = {
      get: async () => {
        throw new Error('disk');
      },
      set: async () => {
        throw new Error('disk');
      },
      del: async () => {},
    };
    const ap = createApplied(fakeController().ctl, broken);
    expect(await ap.read()).toMatchObject({ kind: 'unreadable' });
    expect(ap.store.getState().notice?.kind).toBe('unreadable');
    expect(checkRecord(good).kind).toBe('ok');
    expect(checkRecord(undefined).kind).toBe('none');
  });

  it('a save that fails is reported in its state, not thrown', async () => {
    const failing = {
      ...memoryKeyValue(),
      set: async () => {
        throw new Error('quota');
      },
    };
    const { ctl } = fakeController();
    const ap = createApplied(ctl, failing);
    ap.follow();
    await ctl.loadText(nightText, 'edited', 'night-incidents');
    await ap.flush();
    expect(ap.store.getState().saveError).toContain('quota');
  });
});
