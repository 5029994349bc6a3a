import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../analysis/diagnose.ts';
import type { Frame, LiveDiagnosis } from '../analysis/liveTypes.ts';
import type { Controller } from './controller.ts';
import { createLiveDiagnosis } from './liveDiagnosis.ts';
import { ALL_LATE } from './lateOverlay.ts';
import { createStore, initialState, type DeltaOverlay } from './store.ts';

const diagnosis = (late: number): Diagnosis => ({
  replications: 1,
  decided: 10,
  late,
  stages: {} as Diagnosis['stages'],
  limits:
    late > 0
      ? [
          {
            stage: 'queue',
            eventType: 'a',
            team: 't',
            hours: [1],
            peakHours: [1],
            grids: ['G01-01'],
            lateCases: late,
            share: 1,
            byHour: Array(24).fill(0),
            gridCases: [late],
            lever: { zh: '', en: '', fields: [] },
          },
        ]
      : [],
});

function setup() {
  let clock = 0;
  let asked = 0;
  let late = 0;
  const pending: (() => void)[] = [];
  const store = createStore({ ...initialState('zh-CN'), layout: { gridIds: ['G01-01', 'G01-02'] } as never });
  const client = {
    diagnosis: () =>
      new Promise<LiveDiagnosis>((resolve) => {
        asked++;
        const d = diagnosis(late);
        pending.push(() => resolve({ tS: 0, final: false, seed: 1, scenarioId: 's', diagnosis: d }));
      }),
  };
  const ctl = {
    store,
    client,
    setDelta: (delta: DeltaOverlay | null) =>
      store.setState((s) => ({ delta, colorBy: !delta && s.colorBy === 'delta' ? 'landUse' : s.colorBy })),
    setColorBy: (colorBy: 'delta') => store.setState({ colorBy }),
  } as unknown as Controller;
  const ld = createLiveDiagnosis(ctl, { everyMs: 3000, now: () => clock });
  const frame = (p: Partial<Frame> = {}) => ({ tS: 0, done: false, ...p }) as Frame;
  const answer = async () => {
    while (pending.length) {
      pending.shift()!();
      await Promise.resolve();
      await Promise.resolve();
    }
  };
  return {
    store,
    ld,
    frame,
    answer,
    refreshNow: async () => {
      const p = ld.refresh();
      await answer();
      await p;
    },
    asked: () => asked,
    tick: (ms: number) => {
      clock += ms;
    },
    setLate: (n: number) => {
      late = n;
    },
  };
}

describe('live diagnosis controller', () => {
  it('asks while playing at most every few seconds, at once when paused and at the end, one request at a time', async () => {
    const h = setup();
    h.store.setState({ playing: true, frame: h.frame() });
    expect(h.asked()).toBe(1);
    h.tick(250);
    h.store.setState({ frame: h.frame({ tS: 600 }) });
    h.tick(250);
    h.store.setState({ frame: h.frame({ tS: 1200 }) });
    expect(h.asked()).toBe(1);
    await h.answer();
    h.tick(3000);
    h.store.setState({ frame: h.frame({ tS: 1800 }) });
    expect(h.asked()).toBe(2);
    // asked again while one is out: it follows the first, once
    h.store.setState({ playing: false, frame: h.frame({ tS: 1900 }) });
    h.store.setState({ frame: h.frame({ tS: 2000 }) });
    expect(h.asked()).toBe(2);
    await h.answer();
    expect(h.asked()).toBe(3);
    await h.answer();
    h.store.setState({ playing: true, frame: h.frame({ tS: 86400, done: true }) });
    expect(h.asked()).toBe(4);
    await h.answer();
    expect(h.ld.store.getState().live!.diagnosis.limits).toEqual([]);
  });

  it('colours the city by a limit and keeps the colours in step with fresher diagnoses; off goes back to land use', async () => {
    const h = setup();
    h.setLate(2);
    await h.refreshNow();
    h.ld.colour('queue|a|t', { zh: '排队', en: 'Queue' });
    let s = h.store.getState();
    expect(s.colorBy).toBe('delta');
    expect(Array.from(s.delta!.values)).toEqual([2, 0]);
    expect(s.delta!.late).toMatchObject({ source: 'live', key: 'queue|a|t' });
    h.setLate(5);
    h.store.setState({ playing: false, frame: h.frame({ tS: 100 }) });
    await h.answer();
    expect(Array.from(h.store.getState().delta!.values)).toEqual([5, 0]);
    h.ld.colour(ALL_LATE, { zh: '全部', en: 'all' });
    expect(h.store.getState().delta!.late!.key).toBe(ALL_LATE);
    h.ld.colour(null);
    s = h.store.getState();
    expect(s.delta).toBeNull();
    expect(s.colorBy).toBe('landUse');
  });

  it('a new layout (another scenario) drops the old diagnosis', async () => {
    const h = setup();
    await h.refreshNow();
    expect(h.ld.store.getState().live).not.toBeNull();
    h.store.setState({ layout: { gridIds: ['X'] } as never });
    expect(h.ld.store.getState().live).toBeNull();
  });
});
