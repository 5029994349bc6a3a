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
 */
import type { DrillRecord } from '../../client/drillClient.ts';
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
