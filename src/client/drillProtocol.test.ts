/**
 * The drill channel's gate (issue 10, forged drill actions): what a window
 * hears on `allweather-drill-<id>` is dropped unless it is small enough,
 * carries the session's token, comes from the right side and has the right
 * shape; valid messages, built from a real drill, pass. Then the channel
 * itself, on Node's BroadcastChannel: a third party's posts reach neither
 * the trainer's handlers nor a trainee's state.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { checkBudget } from './messageBudget.ts';
import {
  createRejectLog,
  decodeAtTrainee,
  decodeAtTrainer,
  DrillMessage,
  TRAINEE_INBOUND,
  TRAINER_INBOUND,
  type DrillMeta,
  type Hello,
} from './drillProtocol.ts';
import { newSessionToken, tokenFromHash, tokenFromPaste, TOKEN_RE } from './sessionToken.ts';
import { openTraineeChannel, openTrainerChannel, channelName } from './drillChannel.ts';
import { drillHarness, drillText, scenarioText } from '../analysis/testdata/drillHarness.ts';
import { traineeState } from '../app/drill/traineeView.ts';

const TOKEN = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);
const ME = 'trainee-1';

const storm1e308 = { kind: 'inject', tS: 0, inject: { kind: 'storm', atMin: 0, rainMmPerH: [1e308] } };
const teamOff = { kind: 'inject', tS: 0, inject: { kind: 'teamOff', atMin: 0, team: 'enforcement' } };
const farCase = { kind: 'inject', tS: 0, inject: { kind: 'case', atMin: 0, type: 'road-ponding', x: 99999, y: 3 } };
const assign = { kind: 'assign', tS: 0, caseId: 12, staff: [3] };

/** A drill as the trainer would relay it: hello, a frame with its state, the record at the end. */
function realDrill() {
  const { svc, frames, tickN } = drillHarness();
  const r = svc.load(drillText, scenarioText);
  if (!r.ok) throw new Error('load');
  const d = r.drill;
  const meta: DrillMeta = {
    id: d.id,
    name: d.name,
    description: d.description,
    traineeSees: d.traineeSees,
    scopeGrids: d.scope.grids,
    autoOutside: d.scope.autoOutside,
    startHour: d.startHour,
    durationMin: d.durationMin,
  };
  const hello: Hello = { layout: r.layout, meta };
  svc.play(60);
  tickN(40);
  const frame = frames.at(-1)!;
  svc.finish();
  return { hello, frame: frame.frame, state: traineeState(frame.state), record: svc.record()! };
}

describe('the session token', () => {
  it('is 128 random bits as 32 hex digits, from crypto.getRandomValues', () => {
    const a = newSessionToken(),
      b = newSessionToken();
    expect(a).toMatch(TOKEN_RE);
    expect(a).not.toBe(b);
    const fake = vi.fn((x: Uint8Array) => x.fill(255));
    expect(newSessionToken(fake)).toBe('f'.repeat(32));
    expect(fake.mock.calls[0][0]).toHaveLength(16);
  });

  it('is read from the fragment, or from a pasted link or token, and nothing else', () => {
    expect(tokenFromHash(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromHash('#token=abc')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
    const link = `http://127.0.0.1:4173/drill.html?drill=red-night-drill&role=trainee#token=${TOKEN}`;
    expect(tokenFromPaste(`  ${link}\n`)).toBe(TOKEN);
    expect(tokenFromPaste(` ${TOKEN.toUpperCase()} `)).toBe(TOKEN);
    expect(tokenFromPaste(`token=${TOKEN}`)).toBe(TOKEN);
    // in the query it is not taken: the token lives in fragments only
    expect(tokenFromPaste(`http://x/drill.html?token=${TOKEN}`)).toBeNull();
    expect(tokenFromPaste('hello')).toBeNull();
  });
});

describe('the size gate', () => {
  it('stops at once on huge strings, arrays, typed arrays, deep nesting and cycles; refuses __proto__ keys', () => {
    expect(checkBudget({ t: 'join', from: 'x' }, TRAINER_INBOUND)).toBe('ok');
    expect(checkBudget({ from: 'x'.repeat(5000) }, TRAINER_INBOUND)).toBe('size');
    expect(checkBudget(new Array(2e6), TRAINEE_INBOUND)).toBe('size');
    expect(checkBudget({ a: new Float32Array(10) }, TRAINER_INBOUND)).toBe('size');
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { deep };
    expect(checkBudget(deep, TRAINEE_INBOUND)).toBe('size');
    const cyclic: Record<string, unknown> = { t: 'join' };
    cyclic.self = cyclic;
    expect(checkBudget(cyclic, TRAINER_INBOUND)).toBe('size');
    expect(checkBudget(JSON.parse('{"t":"join","__proto__":{"polluted":1}}'), TRAINER_INBOUND)).toBe('shape');
  });
});

describe('what the trainer accepts', () => {
  const at = (m: unknown, token = TOKEN) => decodeAtTrainer(m, token);
  const reason = (m: unknown) => {
    const d = at(m);
    return d.ok ? 'ok' : d.reason;
  };

  it('garbage, null and wrong shapes are dropped, never thrown', () => {
    for (const m of [
      null,
      undefined,
      0,
      42,
      'garbage',
      true,
      [],
      {},
      [1, 2],
      { t: 7 },
      { t: 'nonsense', token: TOKEN },
      new Map(),
      new Date(0),
    ]) {
      expect(() => at(m)).not.toThrow();
      expect(at(m).ok).toBe(false);
    }
    expect(reason({ t: 'join', token: TOKEN })).toBe('shape');
    expect(reason({ t: 'join', token: TOKEN, from: 'x', extra: 1 })).toBe('shape');
    expect(
      reason({
        t: 'act',
        token: TOKEN,
        from: 'x',
        id: 1,
        action: { kind: 'reprioritise', tS: 0, caseId: 1, priority: 9 },
      }),
    ).toBe('shape');
    expect(reason({ t: 'candidates', token: TOKEN, from: 'x', id: -1, caseId: 1 })).toBe('shape');
  });

  it("without this session's token, nothing passes", () => {
    expect(reason({ t: 'join', from: ME })).toBe('token');
    expect(reason({ t: 'join', token: OTHER, from: ME })).toBe('token');
    expect(reason({ t: 'act', from: ME, id: 1, action: storm1e308 })).toBe('token');
    expect(reason({ t: 'act', token: '', from: ME, id: 1, action: assign })).toBe('token');
  });

  it('a trainee may only dispatch: injects (storm, team off duty, a case) and trainer messages are refused', () => {
    for (const action of [storm1e308, teamOff, farCase, { kind: 'play', speed: 60 }, { kind: 'finish' }]) {
      expect(reason({ t: 'act', token: TOKEN, from: ME, id: 1, action })).toBe('role');
    }
    for (const t of ['hello', 'frame', 'record', 'reply', 'ping', 'bye'])
      expect(reason({ t, token: TOKEN })).toBe('role');
  });

  it('too large is dropped before anything else is read', () => {
    expect(reason({ t: 'join', token: TOKEN, from: 'x'.repeat(100_000) })).toBe('size');
    expect(
      reason({ t: 'act', token: TOKEN, from: ME, id: 1, action: { ...assign, staff: new Array(100_000).fill(1) } }),
    ).toBe('size');
  });

  it("a trainee's valid requests pass", () => {
    expect(at({ t: 'join', token: TOKEN, from: ME })).toEqual({ ok: true, msg: { t: 'join', token: TOKEN, from: ME } });
    for (const action of [
      assign,
      { kind: 'reprioritise', tS: 0, caseId: 1, priority: 2 },
      { kind: 'escalate', tS: 0, caseId: 1 },
      { kind: 'mutualAid', tS: 0, caseId: 1 },
    ]) {
      expect(reason({ t: 'act', token: TOKEN, from: ME, id: 3, action })).toBe('ok');
    }
    expect(reason({ t: 'candidates', token: TOKEN, from: ME, id: 4, caseId: 7 })).toBe('ok');
  });

  it('requests name their seat (join, the heartbeat, act, candidates); a malformed seat is dropped', () => {
    for (const m of [
      { t: 'join', token: TOKEN, from: ME, seat: 'yuyuan' },
      { t: 'here', token: TOKEN, from: ME, seat: 'all' },
      { t: 'here', token: TOKEN, from: ME },
      { t: 'act', token: TOKEN, from: ME, id: 5, seat: 'yuyuan', action: { ...assign, seat: 'yuyuan' } },
      { t: 'candidates', token: TOKEN, from: ME, id: 6, caseId: 7, seat: 'the-bund' },
    ])
      expect(reason(m), m.t).toBe('ok');
    expect(reason({ t: 'here', token: TOKEN, from: ME, seat: '' })).toBe('shape');
    expect(reason({ t: 'here', token: TOKEN, from: ME, seat: 'x'.repeat(200) })).toBe('shape');
    expect(reason({ t: 'join', token: TOKEN, from: ME, seat: 42 })).toBe('shape');
    expect(reason({ t: 'here', token: 'b'.repeat(32), from: ME })).toBe('token');
  });
});

describe('what a trainee accepts', () => {
  const real = realDrill();
  const at = (m: unknown, token = TOKEN) => decodeAtTrainee(m, token, ME);
  const reason = (m: unknown) => {
    const d = at(m);
    return d.ok ? 'ok' : d.reason;
  };

  it("the trainer's real hello, frame, record, replies, ping and bye pass (the schemas fit what the trainer sends)", () => {
    expect(reason({ t: 'hello', token: TOKEN, hello: real.hello })).toBe('ok');
    expect(reason({ t: 'frame', token: TOKEN, frame: real.frame, state: real.state })).toBe('ok');
    expect(reason({ t: 'record', token: TOKEN, record: structuredClone(real.record), edited: false })).toBe('ok');
    expect(reason({ t: 'reply', token: TOKEN, to: ME, id: 1, result: { ok: true } })).toBe('ok');
    expect(reason({ t: 'ping', token: TOKEN })).toBe('ok');
    expect(reason({ t: 'bye', token: TOKEN })).toBe('ok');
    expect(DrillMessage.safeParse({ t: 'frame', token: TOKEN, frame: real.frame, state: real.state }).success).toBe(
      true,
    );
  });

  it("a layout's English grid names (an imported district's name:en) pass when one a grid, as strings", () => {
    const layout = real.hello.layout;
    const withNames = (gridNamesEn: unknown) => ({
      t: 'hello',
      token: TOKEN,
      hello: { ...real.hello, layout: { ...layout, hierarchy: { ...layout.hierarchy, gridNamesEn } } },
    });
    expect(reason(withNames(layout.gridIds.map((id) => `Grid ${id}`)))).toBe('ok');
    expect(reason(withNames(['one']))).toBe('shape'); // not one a grid
    expect(reason(withNames(layout.gridIds.map(() => 7)))).toBe('shape');
  });

  it('a forged trainer message without the token, with another, or malformed is dropped', () => {
    expect(reason({ t: 'bye' })).toBe('token');
    expect(reason({ t: 'record', token: OTHER, record: real.record, edited: false })).toBe('token');
    expect(reason({ t: 'record', token: TOKEN, record: { app: 'allweather' }, edited: false })).toBe('shape');
    expect(reason({ t: 'frame', token: TOKEN, frame: { ...real.frame, nCases: 1e6 }, state: real.state })).toBe(
      'shape',
    );
    expect(reason({ t: 'frame', token: TOKEN, frame: { ...real.frame, cases: [1, 2, 3] }, state: real.state })).toBe(
      'shape',
    );
    expect(
      reason({ t: 'hello', token: TOKEN, hello: { ...real.hello, layout: { ...real.hello.layout, cols: 99999 } } }),
    ).toBe('shape');
    expect(
      reason({
        t: 'frame',
        token: TOKEN,
        frame: real.frame,
        state: { ...real.state, pending: [{ kind: 'storm', atMin: 1, rainMmPerH: [1e308] }] },
      }),
    ).toBe('shape');
    for (const m of [null, 'garbage', 3, [], { t: 'frame' }]) expect(at(m).ok).toBe(false);
  });

  it("fellow trainees' requests and replies to other windows are not for it (peer, not counted)", () => {
    expect(reason({ t: 'join', token: TOKEN, from: 'someone' })).toBe('peer');
    expect(reason({ t: 'reply', token: TOKEN, to: 'someone', id: 1, result: { ok: true } })).toBe('peer');
  });
});

describe('dropped messages', () => {
  afterEach(() => vi.restoreAllMocks());
  it('are counted by reason and logged once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const log = createRejectLog('test');
    log.note('token');
    log.note('token');
    log.note('shape');
    log.note('peer');
    expect(log.counts()).toEqual({ size: 0, token: 2, role: 0, shape: 1 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/token/);
  });
});

describe('the channel, on a real BroadcastChannel', () => {
  afterEach(() => vi.restoreAllMocks());
  const settle = () => new Promise((r) => setTimeout(r, 60));

  it("a third party's forged posts reach neither the trainer's handlers nor the trainee; the session's own requests do", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const drillId = 'protocol-test';
    const token = newSessionToken();
    const act = vi.fn(async () => ({ ok: true as const }));
    const candidates = vi.fn(async () => [{ staff: 1, team: 'sanitation', distanceCells: 2 }]);
    const real = realDrill();
    const trainer = openTrainerChannel(drillId, token, {
      act,
      candidates,
      snapshot: () => ({ hello: real.hello, frame: real.frame, state: real.state, record: null }),
    });
    const trainee = openTraineeChannel(drillId, token);
    const forger = new BroadcastChannel(channelName(drillId));
    try {
      await settle();
      expect(trainee.status$.value).toBe('connected');
      expect(trainee.hello$.value?.meta.id).toBe('red-night-drill');

      for (const m of [
        null,
        'garbage',
        12,
        [],
        { t: 'act' },
        { t: 'act', from: 'x', id: 1, action: storm1e308 },
        { t: 'act', token: newSessionToken(), from: 'x', id: 1, action: assign },
        { t: 'act', token, from: 'x', id: 1, action: teamOff },
        { t: 'act', token, from: 'x', id: 1, action: farCase },
        { t: 'candidates', token: OTHER, from: 'x', id: 2, caseId: 1 },
        { t: 'join', token, from: 'y'.repeat(1e6) },
        { t: 'bye' },
        { t: 'bye', token: OTHER },
        { t: 'record', token: OTHER, record: real.record, edited: false },
      ])
        forger.postMessage(m);
      await settle();
      expect(act).not.toHaveBeenCalled();
      expect(candidates).not.toHaveBeenCalled();
      expect(trainee.status$.value).toBe('connected');
      expect(trainee.record$.value).toBeNull();
      const atTrainer = trainer.rejected();
      expect(atTrainer.token + atTrainer.role + atTrainer.shape + atTrainer.size).toBeGreaterThanOrEqual(10);
      expect(atTrainer.role).toBeGreaterThanOrEqual(2);
      expect(trainee.rejected().token).toBeGreaterThanOrEqual(3);
      // each window said so once
      expect(warn.mock.calls.filter((c) => String(c[0]).includes('trainer'))).toHaveLength(1);
      expect(warn.mock.calls.filter((c) => String(c[0]).includes('trainee'))).toHaveLength(1);

      expect(await trainee.act({ kind: 'assign', tS: 0, caseId: 5, staff: [2] })).toEqual({ ok: true });
      expect(act).toHaveBeenCalledTimes(1);
      expect(await trainee.candidates(5)).toEqual([{ staff: 1, team: 'sanitation', distanceCells: 2 }]);
    } finally {
      forger.close();
      trainee.close();
      trainer.close();
    }
  });
});
