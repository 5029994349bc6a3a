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
      if (c.length >= item.crew) expect(svc.act({ kind: 'assign', tS: 0, caseId: item.caseId, staff: c.slice(0, item.crew).map((x) => x.staff) }).ok).toBe(true);
    }
    expect(svc.fire({ kind: 'message', atMin: 0, text: { zh: '现场报告', en: 'field report' } }).ok).toBe(true);
    svc.pause();
    svc.finish();
    const rec = svc.record()!;
    expect(rec.actions.length).toBeGreaterThan(0);
    const replayed = svc.replayTo(JSON.parse(JSON.stringify(rec)), rec.drill.startHour * 3600 + rec.drill.durationMin * 60);
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
});
