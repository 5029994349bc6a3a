/**
 * The drill record as it really ran.
 *
 * The service's `record()` carries the drill file as loaded; when the
 * trainer edited the inject timeline while paused, the injects that really
 * fired (and those still pending at the end) differ from the file's. For an
 * exact replay the record must carry the timeline that ran: the injects the
 * timeline shows as fired from the schedule, then the ones still pending.
 * Injects fired live are in the action log already (kind `inject`) and are
 * replayed from there, so they are left out of the schedule.
 *
 * In the session's timeline a live inject is the entry the inject itself
 * pushed, immediately followed by the action entry that carried it.
 *
 * `seatReport` is the report's table of seats: each seat's scope, cases and
 * score parts beside its baseline's, and the drill's total.
 */
import type { DrillRecord } from '../../client/drillClient.ts';
import { scoreParts, type DrillScore, type ScoreParts } from '../../drill/scoring.ts';
import type { Inject } from '../../drill/schema.ts';
import type { LogEntry } from '../../drill/session.ts';

/** The timeline entry at `i` is the effect of a live inject (the action carrying it follows). */
export function isLiveInjectEffect(timeline: readonly LogEntry[], i: number): boolean {
  const e = timeline[i],
    next = timeline[i + 1];
  return (
    e.kind !== 'action' &&
    next !== undefined &&
    next.kind === 'action' &&
    next.detail.kind === 'inject' &&
    next.tS === e.tS
  );
}

/** The timeline without the effect entries of live injects (their action entry says it once). */
export function withoutLiveDuplicates(timeline: readonly LogEntry[]): LogEntry[] {
  return timeline.filter((_, i) => !isLiveInjectEffect(timeline, i));
}

/** Injects that fired from the schedule (not live), in firing order. */
export function firedFromSchedule(timeline: readonly LogEntry[]): Inject[] {
  const out: Inject[] = [];
  for (let i = 0; i < timeline.length; i++) {
    const e = timeline[i];
    if (e.kind !== 'action' && !isLiveInjectEffect(timeline, i)) out.push(e.detail as Inject);
  }
  return out;
}

const strip = (x: Inject) => JSON.stringify({ ...x, id: undefined });

/** The record with the inject schedule that really ran; `edited` when it differs from the drill file's. */
export function effectiveRecord(
  rec: DrillRecord,
  pendingAtEnd: readonly Inject[],
): { record: DrillRecord; edited: boolean } {
  const injects = [...firedFromSchedule(rec.timeline), ...pendingAtEnd];
  const before = [...rec.drill.injects].sort((a, b) => a.atMin - b.atMin).map(strip);
  const after = injects.map(strip);
  const liveInjects = rec.actions.some((a) => a.kind === 'inject');
  const edited = liveInjects || before.length !== after.length || before.some((x, i) => x !== after[i]);
  return { record: { ...rec, drill: { ...rec.drill, injects } }, edited };
}

/** One row of the report's table of seats (or its total). */
export interface SeatReportRow {
  /** The seat's id; "total" for the drill's row. */
  seat: string;
  /** The seat's name (null for the total). */
  name: { zh: string; en: string } | null;
  /** The seat's grids ("all": the drill's whole command scope). */
  grids: 'all' | string[];
  /** Cases of its grids filed during the drill. */
  cases: number;
  /** Of them, dispatched by a trainee (by hand or mutual aid). */
  byTrainee: number;
  dispatched: number;
  onTimeShare: number | null;
  late: number;
  priorityShare: number | null;
  parts: ScoreParts;
  score: number;
  baseline: { score: number; onTimeShare: number | null; parts: ScoreParts };
}

function row(
  seat: string,
  name: SeatReportRow['name'],
  grids: SeatReportRow['grids'],
  s: DrillScore,
  b: DrillScore,
): SeatReportRow {
  return {
    seat,
    name,
    grids,
    cases: s.n,
    byTrainee: s.cases.filter((c) => c.by === 'trainee').length,
    dispatched: s.dispatches,
    onTimeShare: s.onTimeShare,
    late: s.late,
    priorityShare: s.priorityShare,
    parts: scoreParts(s),
    score: s.score,
    baseline: { score: b.score, onTimeShare: b.onTimeShare, parts: scoreParts(b) },
  };
}

/**
 * The record's seats, each scored on its own cases (the seats' scores the
 * session took: `seatScores`), in the drill's seat order, then the drill's
 * total. A drill without seats has the total only.
 */
export function seatReport(rec: DrillRecord): { seats: SeatReportRow[]; total: SeatReportRow } {
  const bySeat = new Map((rec.seatScores ?? []).map((x) => [x.seat, x]));
  const seats = (rec.drill.seats ?? []).flatMap((x) => {
    const sc = bySeat.get(x.id);
    return sc ? [row(x.id, x.name, x.grids.slice(), sc.score, sc.baseline)] : [];
  });
  return { seats, total: row('total', null, rec.drill.scope.grids, rec.score, rec.baseline) };
}
