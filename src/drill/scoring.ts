/**
 * Scoring a drill.
 *
 * Per case of the command scope filed during the drill: was someone on
 * scene within the response deadline, did the case go late (a deadline
 * missed, by the drill's end), and was it dispatched while a more urgent
 * case waited (a priority inversion). Overall:
 *
 *   score = 100 x (0.5 x on-time share + 0.3 x (1 - late share) + 0.2 x priority share)
 *
 * where the priority share is the share of dispatches with no more urgent
 * case waiting. The same function scores the automatic-dispatch baseline,
 * so the two can stand side by side.
 */
import type { CaseRecord, CaseTypeInfo } from '../sim/api.ts';
import type { Action } from './schema.ts';

export interface CaseScore {
  caseId: number;
  type: string;
  /** Where and when it happened: pairs a case across runs even when case ids differ. */
  cell: number;
  occurredS: number;
  priority: number;
  filedS: number;
  dispatchedS: number | null;
  onSceneS: number | null;
  responseS: number | null;
  responseDueS: number;
  /** null: no one on scene yet and the deadline has not passed. */
  onTime: boolean | null;
  late: boolean;
  /** More urgent cases waiting when this one was dispatched. */
  inversions: number;
  by: 'trainee' | 'auto' | 'none';
}

export interface DrillScore {
  cases: CaseScore[];
  n: number;
  onTimeShare: number | null;
  late: number;
  dispatches: number;
  inversions: number;
  priorityShare: number | null;
  /** 0..100 */
  score: number;
}

/** Score `records` (the drill's cases) given the event types, the priorities the trainee changed and the action log. */
export function scoreDrill(
  records: CaseRecord[],
  types: readonly CaseTypeInfo[],
  priorityOf: ReadonlyMap<number, number>,
  actions: Action[],
  endS: number,
): DrillScore {
  const byTrainee = new Set<number>();
  for (const a of actions) if (a.kind === 'assign' || a.kind === 'mutualAid') byTrainee.add(a.caseId);
  const prio = (r: CaseRecord) => priorityOf.get(r.id) ?? r.priority;
  const typeOf = new Map(types.map((t) => [t.id, t]));
  const dispatched = (r: CaseRecord) => (r.dispatchedS >= 0 ? r.dispatchedS : Infinity);
  const cases: CaseScore[] = records.map((r) => {
    const t = typeOf.get(r.type)!;
    const due = r.filedS + t.responseS;
    const onScene = r.onSceneS >= 0 ? r.onSceneS : null;
    // a case nobody has reported yet has no response clock running
    const onTime = r.filedS < 0 ? null : onScene !== null ? onScene <= due : endS > due ? false : null;
    const resolvedBy = r.closedS >= 0 ? r.closedS : endS;
    const late = onTime === false || resolvedBy - r.occurredS > t.resolutionS;
    const d = dispatched(r);
    let inversions = 0;
    if (d < Infinity) {
      for (const o of records) if (o !== r && prio(o) < prio(r) && o.filedS <= d && dispatched(o) > d) inversions++;
    }
    return {
      caseId: r.id,
      type: r.type,
      cell: r.cell,
      occurredS: r.occurredS,
      priority: prio(r),
      filedS: r.filedS,
      dispatchedS: d < Infinity ? d : null,
      onSceneS: onScene,
      responseS: onScene !== null ? onScene - r.filedS : null,
      responseDueS: due,
      onTime,
      late,
      inversions,
      by: byTrainee.has(r.id) ? 'trainee' : d < Infinity ? 'auto' : 'none',
    };
  });
  const judged = cases.filter((c) => c.onTime !== null);
  const onTimeShare = judged.length ? judged.filter((c) => c.onTime).length / judged.length : null;
  const late = cases.filter((c) => c.late).length;
  const disp = cases.filter((c) => c.dispatchedS !== null);
  const inversions = disp.reduce((s, c) => s + (c.inversions > 0 ? 1 : 0), 0);
  const priorityShare = disp.length ? 1 - inversions / disp.length : null;
  // no dispatch at all earns no credit for dispatch order (unless there was nothing to dispatch)
  const orderCredit = priorityShare ?? (cases.length ? 0 : 1);
  const score = Math.round(
    100 * (0.5 * (onTimeShare ?? 0) + 0.3 * (cases.length ? 1 - late / cases.length : 1) + 0.2 * orderCredit),
  );
  return { cases, n: cases.length, onTimeShare, late, dispatches: disp.length, inversions, priorityShare, score };
}

/**
 * The score's three parts in points, as the formula weighs them: on time
 * (of 50), not late (of 30) and dispatch order (of 20). They add up to the
 * score before it is rounded.
 */
export interface ScoreParts {
  onTime: number;
  notLate: number;
  order: number;
}

export function scoreParts(s: Pick<DrillScore, 'n' | 'onTimeShare' | 'late' | 'priorityShare'>): ScoreParts {
  // the same credits as scoreDrill: no judged case earns no on-time credit; no dispatch, no order credit (unless nothing was to dispatch)
  return {
    onTime: 50 * (s.onTimeShare ?? 0),
    notLate: 30 * (s.n ? 1 - s.late / s.n : 1),
    order: 20 * (s.priorityShare ?? (s.n ? 0 : 1)),
  };
}

/** One seat's score: the drill's score over the cases of the seat's grids only. */
export interface SeatScore {
  seat: string;
  score: DrillScore;
}

/**
 * Score each seat on its own cases (those filed in its grids): its on-time
 * and late shares, and priority inversions among its own cases only (a
 * dispatcher is not blamed for another seat's queue).
 */
export function scoreSeats(
  records: CaseRecord[],
  seats: readonly { id: string; grids: 'all' | readonly string[] }[],
  types: readonly CaseTypeInfo[],
  priorityOf: ReadonlyMap<number, number>,
  actions: Action[],
  endS: number,
): SeatScore[] {
  return seats.map((seat) => {
    const mine = seat.grids === 'all' ? records : records.filter((r) => seat.grids.includes(r.gridCode));
    return { seat: seat.id, score: scoreDrill(mine, types, priorityOf, actions, endS) };
  });
}
