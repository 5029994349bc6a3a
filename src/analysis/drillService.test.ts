import { describe, it, expect } from 'vitest';
import { drillHarness as harness, drillText, scenarioText } from './testdata/drillHarness.ts';

describe('drill service', () => {
  it('plays on the clock, takes actions, and its record replays to the same score', () => {
    const { svc, frames, tickN } = harness();
    const r = svc.load(drillText, scenarioText);
    expect(r.ok).toBe(true);
    svc.play(60); // each tick: 1 s of wall at 60x = 1 simulated minute
    tickN(30);
    const st = frames.at(-1)!.state;
    expect(st.tS - st.startS).toBeCloseTo(30 * 60, 6);
    expect(st.timeline.some((e) => e.kind === 'message')).toBe(true);
    for (const item of st.inbox) {
      const c = svc.candidates(item.caseId);
      if (c.length >= item.crew)
        expect(
          svc.act({ kind: 'assign', tS: 0, caseId: item.caseId, staff: c.slice(0, item.crew).map((x) => x.staff) }).ok,
        ).toBe(true);
    }
    expect(svc.fire({ kind: 'message', atMin: 0, text: { zh: '现场报告', en: 'field report' } }).ok).toBe(true);
    svc.pause();
    svc.finish();
    const rec = svc.record()!;
    expect(rec.actions.length).toBeGreaterThan(0);
    const replayed = svc.replayTo(
      JSON.parse(JSON.stringify(rec)),
      rec.drill.startHour * 3600 + rec.drill.durationMin * 60,
    );
    expect(replayed.score).toEqual(rec.score);
  });

  it('refuses a live inject that names an unknown team, and timeline edits while playing', () => {
    const { svc } = harness();
    svc.load(drillText, scenarioText);
    const bad = svc.fire({ kind: 'teamOff', atMin: 0, team: 'nobody' });
    expect(bad.ok).toBe(false);
    svc.play();
    expect(svc.setPending([]).ok).toBe(false);
  });

  it('checks every action and inject like the drill file, and a refused one changes nothing (issue 10)', () => {
    const { svc, frames, tickN } = harness();
    svc.load(drillText, scenarioText);
    svc.play(60);
    tickN(5);
    svc.pause();
    const before = JSON.stringify(svc.state());
    const nFrames = frames.length;
    const storm = { kind: 'storm', atMin: 0, rainMmPerH: [1e308] };
    const farCase = { kind: 'case', atMin: 0, type: 'road-ponding', x: 99999, y: 3 };
    for (const a of [
      null,
      'garbage',
      {},
      { kind: 'inject', tS: 0, inject: farCase },
      { kind: 'inject', tS: 0, inject: storm },
      { kind: 'inject', tS: 0, inject: { kind: 'teamOff', atMin: 0, team: 'nobody' } },
      { kind: 'assign', tS: 0, caseId: 1, staff: [1], extra: true },
      { kind: 'reprioritise', tS: 0, caseId: 1, priority: 7 },
    ]) {
      const r = svc.act(a as never);
      expect(r.ok, JSON.stringify(a)).toBe(false);
      if (!r.ok) {
        expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(r.en).not.toBe('');
      }
    }
    const x = svc.act({ kind: 'inject', tS: 0, inject: farCase as never });
    expect(!x.ok && x.en).toMatch(/\$\.inject\.x: x=99999 is outside the city/);
    for (const inj of [
      farCase,
      storm,
      { kind: 'storm', atMin: 0, rainMmPerH: [] },
      { kind: 'storm', atMin: 0, rainMmPerH: [301] },
      { kind: 'surge', atMin: 0, station: 'peoples-square', durationMin: 30, extraPassengers: 1e12 },
      { kind: 'teamOff', atMin: 0, team: 'ghost' },
      { kind: 'message', atMin: 0, text: { zh: '长'.repeat(5000), en: 'x' } },
    ])
      expect(svc.fire(inj as never).ok, JSON.stringify(inj).slice(0, 80)).toBe(false);
    expect(svc.setPending([...svc.state()!.pending, { kind: 'storm', atMin: 100, rainMmPerH: [1e308] }]).ok).toBe(
      false,
    );
    expect(JSON.stringify(svc.state())).toBe(before);
    expect(frames.length).toBe(nFrames);
    // within the bounds, the trainer's injects still fire
    expect(svc.fire({ kind: 'storm', atMin: 0, rainMmPerH: [300, 120] }).ok).toBe(true);
    expect(svc.fire({ kind: 'case', atMin: 0, type: 'road-ponding', x: 27, y: 23 }).ok).toBe(true);
  });
});
