import { describe, it, expect } from 'vitest';
import { effectiveRecord, firedFromSchedule, seatReport } from './record.ts';
import { scoreParts } from '../../drill/scoring.ts';
import { applyStaffDeltas, parseRecordFile } from './review.ts';
import { fmtLocalDateTime, renderReport } from '../../ui/drill/report.ts';
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

  it("the report dates the drill and itself in local time, in the report's language (not ISO UTC)", () => {
    const iso = '2026-11-30T15:17:21.261Z';
    expect(fmtLocalDateTime(iso, 'zh-CN', 'Asia/Shanghai')).toBe('2026年11月30日星期一 23:17（GMT+8）');
    expect(fmtLocalDateTime(iso, 'en', 'Asia/Shanghai')).toBe('Monday, November 30, 2026, 23:17 (GMT+8)');
    expect(fmtLocalDateTime(iso, 'en', 'Europe/Berlin')).toBe('Monday, November 30, 2026, 16:17 (GMT+1)');
    expect(fmtLocalDateTime('T', 'en')).toBe('T');
    const { record } = effectiveRecord(rec, pendingAtEnd);
    const held = { ...record, endedAt: iso };
    for (const lang of ['zh-CN', 'en'] as const) {
      const html = renderReport(held, { lang, edited: true, whatIf: null, appVersion: '0', generatedAt: iso });
      // both the drill's date and the report's, in the machine's local time, the ISO text only in data-iso
      const local = fmtLocalDateTime(iso, lang);
      expect(html).toContain(`<dd data-iso="${iso}">${local}</dd>`);
      expect(html).toContain(`<dd data-iso="${iso}">AllWeather 0 · ${local}</dd>`);
      expect(html).toContain(lang === 'en' ? 'Drill held' : '演练日期');
      expect(html.replace(/data-iso="[^"]*"/g, '')).not.toContain(iso);
    }
    // an older record without its date: the report's date only
    expect(renderReport(record, { lang: 'en', edited: true, whatIf: null, appVersion: '0' })).not.toContain(
      'Drill held',
    );
  });

  it("the report's seats: each seat's grids, cases, on-time share and score parts (adding up to its score), then the whole drill", () => {
    const { record } = effectiveRecord(rec, pendingAtEnd);
    const { seats, total } = seatReport(record);
    expect(seats.map((x) => x.seat)).toEqual(record.drill.seats.map((x) => x.id));
    // the seats cover the command scope exactly once: their cases add up to the drill's
    expect(seats.reduce((n, x) => n + x.cases, 0)).toBe(total.cases);
    expect(total.cases).toBe(record.score.n);
    expect(seats.reduce((n, x) => n + x.byTrainee, 0)).toBe(total.byTrainee);
    expect(total.byTrainee).toBeGreaterThan(0);
    for (const r of [...seats, total]) {
      const sc = r.seat === 'total' ? record.score : record.seatScores!.find((x) => x.seat === r.seat)!.score;
      const bl = r.seat === 'total' ? record.baseline : record.seatScores!.find((x) => x.seat === r.seat)!.baseline;
      if (r.seat !== 'total') {
        const seat = record.drill.seats.find((x) => x.id === r.seat)!;
        expect(r.name).toEqual(seat.name);
        expect(r.grids).toEqual(seat.grids);
      } else expect(r.grids).toEqual(record.drill.scope.grids);
      expect(r.cases).toBe(sc.n);
      expect(r.byTrainee).toBe(sc.cases.filter((c) => c.by === 'trainee').length);
      // the on-time share over the seat's judged cases, counted here from its cases
      const judged = sc.cases.filter((c) => c.onTime !== null);
      expect(r.onTimeShare).toBe(judged.length ? judged.filter((c) => c.onTime).length / judged.length : null);
      expect(r.late).toBe(sc.cases.filter((c) => c.late).length);
      // the three parts are the formula's weights of the shares and add up to the score
      expect(r.parts.onTime).toBeCloseTo(50 * (r.onTimeShare ?? 0), 10);
      expect(r.parts.notLate).toBeCloseTo(30 * (r.cases ? 1 - r.late / r.cases : 1), 10);
      expect(r.parts.order).toBeCloseTo(20 * (r.priorityShare ?? (r.cases ? 0 : 1)), 10);
      expect(Math.round(r.parts.onTime + r.parts.notLate + r.parts.order)).toBe(r.score);
      expect(r.score).toBe(sc.score);
      expect(r.baseline.score).toBe(bl.score);
      expect(Math.round(r.baseline.parts.onTime + r.baseline.parts.notLate + r.baseline.parts.order)).toBe(bl.score);
    }
    // a seat with no case at all: full marks for lateness and order, none for response
    expect(scoreParts({ n: 0, onTimeShare: null, late: 0, priorityShare: null })).toEqual({
      onTime: 0,
      notLate: 30,
      order: 20,
    });
    // a drill without seats: the whole drill only
    const bare = { ...record, drill: { ...record.drill, seats: [] }, seatScores: undefined };
    expect(seatReport(bare).seats).toEqual([]);
    expect(seatReport(bare).total.score).toBe(record.score.score);
  });

  it('the printed report shows a row per seat (name, grids, cases, parts) and the total, and each case its seat', () => {
    const { record } = effectiveRecord(rec, pendingAtEnd);
    const { seats, total } = seatReport(record);
    for (const lang of ['zh-CN', 'en'] as const) {
      const html = renderReport(record, { lang, edited: true, whatIf: null, appVersion: '0', generatedAt: 'T' });
      expect(html).toContain(lang === 'en' ? 'Scores by seat' : '按席位得分');
      for (const r of [...seats, total]) {
        const m = html.match(
          new RegExp(`<tr data-seat="${r.seat}" data-score="(\\d+)" data-cases="(\\d+)"[^>]*>(.*?)</tr>`),
        );
        expect(m, r.seat).not.toBeNull();
        expect(Number(m![1])).toBe(r.score);
        expect(Number(m![2])).toBe(r.cases);
        const row = m![3];
        if (r.name) {
          expect(row).toContain(lang === 'en' ? r.name.en : r.name.zh);
          expect(row).toContain((r.grids as string[]).join(', '));
        } else expect(row).toContain(lang === 'en' ? 'Whole drill' : '全演练合计');
        expect(row).toContain(`data-part="onTime">${r.parts.onTime.toFixed(1)}<`);
        expect(row).toContain(`data-part="notLate">${r.parts.notLate.toFixed(1)}<`);
        expect(row).toContain(`data-part="order">${r.parts.order.toFixed(1)}<`);
        expect(row).toContain(
          `data-metric="onTimeShare">${r.onTimeShare === null ? '—' : `${(r.onTimeShare * 100).toFixed(1)}%`}<`,
        );
      }
      // each case row names its seat
      const yuyuan = record.drill.seats.find((x) => x.id === 'yuyuan')!;
      const yuyuanCases = record.seatScores!.find((x) => x.seat === 'yuyuan')!.score.cases;
      const seatName = lang === 'en' ? yuyuan.name.en : yuyuan.name.zh;
      expect(yuyuanCases.length).toBeGreaterThan(0);
      for (const c of yuyuanCases) expect(html).toContain(`<tr><td class="num">${c.caseId}</td><td>${seatName}</td>`);
    }
    // no seats, no seat table and no seat column
    const bare = renderReport(
      { ...record, drill: { ...record.drill, seats: [] }, seatScores: undefined },
      { lang: 'en', edited: true, whatIf: null, appVersion: '0' },
    );
    expect(bare).not.toContain('Scores by seat');
    expect(bare).not.toContain('<th>Seat</th>');
  });
});
