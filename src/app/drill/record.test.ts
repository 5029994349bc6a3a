import { describe, it, expect } from 'vitest';
import { effectiveRecord, firedFromSchedule } from './record.ts';
import { applyStaffDeltas, parseRecordFile } from './review.ts';
import { renderReport } from '../../ui/drill/report.ts';
import { drillHarness as harness, drillText, scenarioText } from '../../analysis/testdata/drillHarness.ts';

/** A drill as the consoles run it: timeline edits while paused, live injects, hand dispatches. */
function runEditedDrill() {
  const { svc, frames, tickN } = harness();
  expect(svc.load(drillText, scenarioText).ok).toBe(true);
  svc.play(60);
  tickN(15);
  svc.pause();
  const pending = svc.state()!.pending;
  // delete the manhole case (I05), move the fallen tree (I08) earlier, add a message
  const edited = pending.filter((x) => x.id !== 'I05').map((x) => (x.id === 'I08' ? { ...x, atMin: 40 } : x));
  edited.push({ id: 'A1', kind: 'message', atMin: 50, text: { zh: '加一条 <消息>', en: 'an added <message>' } });
  expect(svc.setPending(edited).ok).toBe(true);
  expect(svc.fire({ id: 'L1', kind: 'message', atMin: 0, text: { zh: '现场', en: 'live' } }).ok).toBe(true);
  expect(svc.fire({ id: 'L2', kind: 'case', atMin: 0, type: 'road-ponding', x: 27, y: 23, priority: 1 }).ok).toBe(true);
  svc.play(60);
  for (let k = 0; k < 6; k++) {
    tickN(10);
    for (const item of frames.at(-1)!.state.inbox) {
      const c = svc.candidates(item.caseId);
      if (c.length >= item.crew)
        svc.act({ kind: 'assign', tS: 0, caseId: item.caseId, staff: c.slice(0, item.crew).map((x) => x.staff) });
    }
  }
  svc.pause();
  svc.finish();
  return { svc, rec: svc.record()!, pendingAtEnd: svc.state()!.pending };
}

describe('the drill record as it ran', () => {
  const { svc, rec, pendingAtEnd } = runEditedDrill();
  const endS = rec.drill.startHour * 3600 + rec.drill.durationMin * 60;

  it('live injects are told apart from scheduled ones in the timeline', () => {
    const fired = firedFromSchedule(rec.timeline);
    expect(fired.map((x) => x.id)).not.toContain('L1');
    expect(fired.map((x) => x.id)).not.toContain('L2');
    expect(fired.map((x) => x.id)).toContain('A1');
    expect(fired.map((x) => x.id)).not.toContain('I05');
    expect(fired.find((x) => x.id === 'I08')!.atMin).toBe(40);
  });

  it('with the schedule that ran, replaying to the end gives exactly the live score', () => {
    const { record, edited } = effectiveRecord(rec, pendingAtEnd);
    expect(edited).toBe(true);
    const again = svc.replayTo(JSON.parse(JSON.stringify(record)), endS);
    expect(again.score).toEqual(rec.score);
    expect(JSON.stringify(again.state.timeline)).toBe(JSON.stringify(rec.timeline));
    // the record as the service returns it carries the schedule that ran too: it replays to the same drill
    const direct = svc.replayTo(JSON.parse(JSON.stringify(rec)), endS);
    expect(direct.score).toEqual(rec.score);
    expect(JSON.stringify(direct.state.timeline)).toBe(JSON.stringify(rec.timeline));
  });

  it('an unedited drill is not flagged as edited', () => {
    const { svc: s2 } = harness();
    s2.load(drillText, scenarioText);
    s2.finish();
    const r = s2.record()!;
    expect(effectiveRecord(r, s2.state()!.pending).edited).toBe(false);
  });

  it('a what-if plan changes staff on every shift, never below zero, and leaves the record alone', () => {
    const more = applyStaffDeltas(rec.scenario, { 'municipal-repair': 2, sanitation: -100 });
    expect(more.teams.find((t) => t.id === 'municipal-repair')!.shifts.map((s) => s.staff)).toEqual(
      rec.scenario.teams.find((t) => t.id === 'municipal-repair')!.shifts.map((s) => s.staff + 2),
    );
    expect(more.teams.find((t) => t.id === 'sanitation')!.shifts.every((s) => s.staff === 0)).toBe(true);
    expect(rec.scenario.teams.find((t) => t.id === 'sanitation')!.shifts[0].staff).toBeGreaterThan(0);
    const whatIf = svc.replayTo(rec, endS, more);
    expect(whatIf.score.n).toBeGreaterThan(0);
  });

  it('a record file reads back; other files get a bilingual error', () => {
    const text = JSON.stringify({ ...effectiveRecord(rec, pendingAtEnd).record, timelineEdited: true });
    const r = parseRecordFile(`\uFEFF${text}`);
    expect(r.ok && r.edited).toBe(true);
    const bad = parseRecordFile('{"app":"allweather"}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(bad.error.en).toMatch(/drill record/);
    }
    expect(parseRecordFile('{').ok).toBe(false);
  });

  it('the report is one printable page with the scores, the timeline and every case, text escaped', () => {
    const { record } = effectiveRecord(rec, pendingAtEnd);
    for (const lang of ['zh-CN', 'en'] as const) {
      const html = renderReport(record, {
        lang,
        edited: true,
        whatIf: { deltas: { 'municipal-repair': 1 }, score: rec.baseline },
        appVersion: '0.0.0',
        generatedAt: 'T',
      });
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('@media print');
      expect(html).toContain(`data-score="${rec.score.score}"`);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).not.toContain('<message>');
      expect(html).not.toContain('<消息>');
      expect(html).toContain(lang === 'en' ? 'an added &lt;message&gt;' : '加一条 &lt;消息&gt;');
      expect((html.match(/<tr><td class="num">\d+<\/td>/g) ?? []).length).toBe(rec.score.cases.length);
      expect(html).not.toMatch(/<script|src=|href="http/);
    }
    expect(renderReport(record, { lang: 'en', edited: false, whatIf: null, appVersion: '0' })).not.toMatch(
      /[\u4e00-\u9fff]/,
    );
  });
});
