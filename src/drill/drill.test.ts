import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { parseDrill, parseDrillObject } from './validate.ts';
import { DrillSession } from './session.ts';
import type { Drill } from './schema.ts';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const parsed = parseScenario(read('scenarios/rainstorm-red-night.json'));
if (!parsed.ok) throw new Error('scenario');
const scenario: Scenario = parsed.scenario;
const drillText = read('scenarios/drills/red-night-drill.json');
const loaded = parseDrill(drillText, scenario);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
const drill: Drill = loaded.drill;

/** A scripted trainee: every `everyMin` minutes, dispatch the most urgent waiting cases to their nearest free crews. */
function playTrainee(s: DrillSession, everyMin = 5): void {
  for (let t = s.startS; t < s.endS; t += everyMin * 60) {
    s.advanceTo(t);
    for (const item of s.inbox()) {
      const cands = s.candidates(item.caseId);
      if (cands.length < item.crew) continue;
      const r = s.act({
        kind: 'assign',
        tS: 0,
        caseId: item.caseId,
        staff: cands.slice(0, item.crew).map((c) => c.staff),
      });
      expect(r.ok).toBe(true);
    }
  }
  s.finish();
}

describe('drill file', () => {
  it('the built-in drill validates and has at least ten injects', () => {
    expect(drill.injects.length).toBeGreaterThanOrEqual(10);
  });

  const raw = () => JSON.parse(drillText) as Record<string, unknown> & { injects: Record<string, unknown>[] };
  it('an inject in the past is refused with its path', () => {
    const d = raw();
    d.injects[3].atMin = -5;
    const r = parseDrillObject(d, scenario);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const e = r.errors.find((x) => x.code === 'inject_in_past')!;
      expect(e.path).toBe('$.injects[3].atMin');
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en).toMatch(/before the drill starts/);
    }
  });
  it('an unknown team is refused', () => {
    const d = raw();
    d.injects[5].team = 'ghost-busters';
    const r = parseDrillObject(d, scenario);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.path, e.code])).toContainEqual(['$.injects[5].team', 'unknown_team']);
  });
  it('a cell outside the city is refused', () => {
    const d = raw();
    d.injects[1].x = 400;
    const r = parseDrillObject(d, scenario);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.path, e.code])).toContainEqual(['$.injects[1].x', 'cell_outside']);
  });
  it('a file newer than the app gets its own error', () => {
    const d = raw();
    d.drillVersion = 9;
    const r = parseDrillObject(d, scenario);
    expect(!r.ok && r.errors[0].code).toBe('drill_too_new');
  });
});

describe('drill session', () => {
  it('an inject at time t takes effect at t and not before', () => {
    const s = new DrillSession(drill, scenario);
    const at = s.startS + 10 * 60; // I02: road ponding at (27, 23)
    const cell = 23 * scenario.city.cols + 27;
    const atCell = () =>
      s.caseRecords().filter((r) => r.type === 'road-ponding' && r.cell === cell && r.occurredS === at);
    s.advanceTo(at - 1e-6);
    expect(atCell()).toEqual([]);
    s.advanceTo(at);
    expect(atCell().length).toBe(1);
    // the storm inject (I04, +25 min) changes the rain from that hour, not before
    const hour = Math.floor((s.startS + 25 * 60) / 3600);
    const before = s.engine.rainMmPerH(hour);
    s.advanceTo(s.startS + 25 * 60 - 1);
    expect(s.engine.rainMmPerH(hour)).toBe(before);
    s.advanceTo(s.startS + 25 * 60);
    expect(s.engine.rainMmPerH(hour)).toBe(12);
  });

  it('held cases wait for the trainee: nothing in scope is dispatched automatically', () => {
    const s = new DrillSession(drill, scenario);
    s.advanceTo(s.startS + 40 * 60);
    const waiting = s.inbox();
    expect(waiting.length).toBeGreaterThan(0);
    for (const w of waiting) expect(drill.scope.grids).toContain(w.grid);
  });

  it('a team taken off duty leaves duty at once and comes back with teamOn', () => {
    const s = new DrillSession(drill, scenario);
    const onDuty = () =>
      Array.from({ length: s.engine.nStaff }, (_, i) => s.engine.member(i)).filter(
        (m) => m.team === 'enforcement' && m.onDuty,
      ).length;
    s.advanceTo(s.startS + 44 * 60);
    expect(onDuty()).toBeGreaterThan(0);
    s.advanceTo(s.startS + 45 * 60);
    expect(onDuty()).toBe(0);
    s.advanceTo(s.startS + 120 * 60);
    expect(onDuty()).toBeGreaterThan(0);
  });

  it('replaying the recorded actions gives the identical event log and score', () => {
    const live = new DrillSession(drill, scenario);
    playTrainee(live);
    expect(live.actions.length).toBeGreaterThan(10);
    const again = DrillSession.replay(drill, scenario, JSON.parse(JSON.stringify(live.actions)));
    expect(JSON.stringify(again.caseRecords())).toBe(JSON.stringify(live.caseRecords()));
    expect(again.score()).toEqual(live.score());
    expect(JSON.stringify(again.timeline)).toBe(JSON.stringify(live.timeline));
  });

  it('a trainee who never dispatches scores below the automatic baseline; the baseline sees the same injected cases', () => {
    const idle = new DrillSession(drill, scenario);
    idle.finish();
    const auto = new DrillSession(drill, scenario, { manual: false });
    auto.finish();
    expect(idle.score().score).toBeLessThan(auto.score().score);
    const injected = (s: DrillSession) =>
      s
        .caseRecords()
        .filter((r) => r.type === 'fallen-tree' && r.cell === 6 * 40 + 31)
        .map((r) => r.occurredS);
    expect(injected(auto)).toEqual(injected(idle));
  });

  it('the same action log replays under another staffing plan ("what would have happened")', () => {
    const live = new DrillSession(drill, scenario);
    playTrainee(live, 10);
    const bigger = structuredClone(scenario);
    for (const t of bigger.teams) if (t.id === 'drainage-crew') for (const sh of t.shifts) sh.staff *= 2;
    const whatIf = DrillSession.replay(drill, scenario, live.actions, { scenarioOverride: bigger });
    expect(whatIf.caseRecords().length).toBeGreaterThan(0);
    expect(whatIf.score().n).toBeGreaterThan(0);
    // the trainee's assignments name people by team, shift and place: with more drainage crew the same people are found
    const assigns = (s: DrillSession) =>
      s.actions.filter((a) => a.kind === 'assign').map((a) => (a.kind === 'assign' ? a.staffKeys!.join('+') : ''));
    const kept = assigns(whatIf).filter((k) => assigns(live).includes(k));
    expect(kept.length).toBeGreaterThan(0.5 * assigns(live).length);
    expect(assigns(live).every((k) => !k.includes('?'))).toBe(true);
  });
});
