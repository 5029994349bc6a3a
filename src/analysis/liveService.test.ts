import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createLiveService, FRAME_MAX_MS } from './liveService.ts';
import { parseScenario } from '../scenario/load.ts';
import { runScenario } from '../sim/run.ts';
import { diagnose } from './diagnose.ts';
import type { Frame } from '../sim/frame.ts';

const text = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');

/** A service whose slices run from a queue we drain by hand, with a fake clock that moves `tickMs` at each reading. */
function harness(tickMs = 1) {
  let clock = 0;
  const queue: (() => void)[] = [];
  const svc = createLiveService({ now: () => (clock += tickMs), later: (fn) => void queue.push(fn) });
  const frames: Frame[] = [];
  svc.subscribe((f) => frames.push(f));
  const drain = (max = 1e6) => {
    for (let i = 0; i < max && queue.length; i++) queue.shift()!();
  };
  return { svc, frames, drain };
}

describe('live service', () => {
  it('at maximum speed sends a frame at most every FRAME_MAX_MS of wall time, losing no series sample', () => {
    let clock = 0;
    const queue: (() => void)[] = [];
    const svc = createLiveService({ now: () => (clock += 10), later: (fn) => void queue.push(fn) });
    const sent: { wall: number; f: Frame }[] = [];
    svc.subscribe((f) => sent.push({ wall: clock, f }));
    svc.load(text, 3);
    svc.play('max');
    for (let i = 0; i < 1e6 && queue.length; i++) queue.shift()!();
    const playing = sent.slice(1); // the frame of the load, then the run's
    expect(playing.at(-1)!.f.done).toBe(true);
    expect(playing.length).toBeGreaterThan(5);
    for (let i = 1; i < playing.length - 1; i++) {
      expect(playing[i].wall - playing[i - 1].wall).toBeGreaterThanOrEqual(FRAME_MAX_MS);
    }
    // every 5-minute sample of the day, once, in order
    const times = playing.flatMap(({ f }) => Array.from({ length: f.series.length / 3 }, (_, k) => f.series[3 * k]));
    expect(times).toEqual(Array.from({ length: 86400 / 300 + 1 }, (_, k) => k * 300));
  });

  it('played at maximum speed to the end, it reports exactly what a batch run reports', () => {
    const { svc, frames, drain } = harness();
    const r = svc.load(text, 7);
    expect(r.ok).toBe(true);
    svc.play('max');
    drain();
    const last = frames.at(-1)!;
    expect(last.done).toBe(true);
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error('baseline must parse');
    const batch = runScenario(parsed.scenario, { seed: 7 });
    expect(last.result!.kpis).toEqual(batch.kpis);
    expect(last.kpis.casesArrived).toBe(batch.kpis.casesArrived);
    expect(last.kpis.slaAttainment).toBe(batch.kpis.slaAttainment);
    expect(frames.length).toBeGreaterThan(2);
  });

  it('the open-cases KPI is the backlog the map and the chart show, at every frame and at the end', () => {
    const { svc, frames, drain } = harness(10); // wall time enough for many frames at maximum speed (FRAME_MAX_MS)
    svc.load(text, 1);
    svc.play('max');
    drain();
    const last = frames.at(-1)!;
    expect(last.done).toBe(true);
    // the chart's backlog sample at each simulated time (every 5 minutes)
    const backlogAt = new Map<number, number>();
    for (const f of frames) for (let i = 0; i < f.series.length; i += 3) backlogAt.set(f.series[i], f.series[i + 1]);
    const seen: { tS: number; kpi: number; map: number; cells: number; chart: number | undefined }[] = [];
    const want: typeof seen = [];
    for (const f of frames) {
      const cells = f.cellBacklog.reduce((a, b) => a + b, 0);
      seen.push({ tS: f.tS, kpi: f.kpis.casesOpen, map: f.nCases, cells, chart: backlogAt.get(f.tS) });
      want.push({
        tS: f.tS,
        kpi: f.nCases,
        map: f.nCases,
        cells: f.nCases,
        chart: backlogAt.has(f.tS) ? f.nCases : undefined,
      });
    }
    expect(seen.length).toBeGreaterThan(5);
    expect(seen).toEqual(want);
    // a weekday ends with cases in hand: the KPI says so, as the chart's last point does
    expect(last.kpis.casesOpen).toBeGreaterThan(0);
    expect(last.kpis.casesOpen).toBe(backlogAt.get(86400));
    // a frame asked for after the end (pause, a late subscriber) shows the same day's end, not the state after the drain
    svc.pause();
    const again = frames.at(-1)!;
    expect(again).not.toBe(last);
    expect(again.done).toBe(true);
    expect(again.kpis).toEqual(last.kpis);
    expect(again.nCases).toBe(last.nCases);
    expect(Array.from(again.cases)).toEqual(Array.from(last.cases));
    expect(Array.from(again.staffXY)).toEqual(Array.from(last.staffXY));
  });

  it('sends the time series every 5 simulated minutes, none lost between frames', () => {
    const { svc, frames, drain } = harness();
    svc.load(text, 2);
    svc.play('max');
    drain();
    const t: number[] = [];
    for (const f of frames) for (let i = 0; i < f.series.length; i += 3) t.push(f.series[i]);
    expect(t).toEqual(Array.from({ length: 86400 / 300 + 1 }, (_, i) => i * 300));
  });

  it('leaves the coverage matrix out of frames when no verdict changed it', () => {
    const { svc, frames } = harness();
    svc.load(text, 1);
    svc.step(8 * 3600);
    expect(frames.at(-1)!.coverage.length).toBeGreaterThan(0);
    svc.requestFrame(); // nothing happened since: no new verdicts
    expect(frames.at(-1)!.coverage.length).toBe(0);
    svc.step(3600);
    expect(frames.at(-1)!.coverage.length).toBeGreaterThan(0);
  });

  it('a bad scenario is refused with its errors and the current run is untouched', () => {
    const { svc, frames } = harness();
    svc.load(text, 3);
    svc.step(3 * 3600);
    const before = frames.at(-1)!.tS;
    const bad = svc.load('{"schemaVersion": 2, "id": 5}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.length).toBeGreaterThan(0);
    svc.requestFrame();
    expect(frames.at(-1)!.tS).toBe(before);
  });

  it('seeking re-runs to the same state a continuous run reaches', () => {
    const a = harness(),
      b = harness();
    a.svc.load(text, 5);
    b.svc.load(text, 5);
    a.svc.step(5 * 3600);
    a.svc.step(4 * 3600);
    b.svc.seek(9 * 3600);
    const fa = a.frames.at(-1)!,
      fb = b.frames.at(-1)!;
    expect(fb.tS).toBe(fa.tS);
    expect(fb.kpis).toEqual(fa.kpis);
    expect(Array.from(fb.staffXY)).toEqual(Array.from(fa.staffXY));
    expect(fb.nCases).toBe(fa.nCases);
  });

  it('frames carry typed arrays sized to the city', () => {
    const { svc, frames } = harness();
    const r = svc.load(text, 1);
    if (!r.ok) throw new Error('load');
    svc.step(10 * 3600);
    const f = frames.at(-1)!;
    expect(f.staffXY.length).toBe(2 * r.layout.nStaff);
    expect(f.cellBacklog.length).toBe(r.layout.cols * r.layout.rows);
    expect(f.coverage.length).toBe(r.layout.gridIds.length * 24);
    expect(f.cases.length).toBe(6 * f.nCases);
  });

  it('diagnoses the run so far without finishing it, and at the end exactly as the batch run', () => {
    const { svc, frames, drain } = harness();
    expect(svc.diagnosis()).toBeNull();
    svc.load(text, 7);
    const start = svc.diagnosis()!;
    expect(start.final).toBe(false);
    expect(start.diagnosis.decided).toBe(0);
    expect(start.diagnosis.limits).toEqual([]);
    svc.step(14 * 3600);
    const mid = svc.diagnosis()!;
    expect(mid.tS).toBe(14 * 3600);
    expect(mid.final).toBe(false);
    expect(mid.diagnosis.replications).toBe(1);
    expect(mid.diagnosis.decided).toBeGreaterThan(0);
    // asking changes nothing: the run goes on to the batch run's end
    svc.play('max');
    drain();
    expect(frames.at(-1)!.done).toBe(true);
    const end = svc.diagnosis()!;
    expect(end.final).toBe(true);
    expect(end.diagnosis.decided).toBeGreaterThan(mid.diagnosis.decided);
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error('baseline must parse');
    const batch = runScenario(parsed.scenario, { seed: 7 });
    expect(frames.at(-1)!.result!.kpis).toEqual(batch.kpis);
    expect(end.diagnosis).toEqual(diagnose(parsed.scenario, [batch]));
    const shares = end.diagnosis.limits.reduce((a, l) => a + l.share, 0);
    if (end.diagnosis.late > 0) expect(shares).toBeCloseTo(1, 9);
  });
});
