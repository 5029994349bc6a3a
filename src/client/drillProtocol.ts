/**
 * The drill channel's messages, and the gate every one of them passes.
 *
 *   trainer → trainees   hello · frame · record · reply · ping · bye
 *   trainee → trainer    join · here · act · candidates
 *
 * Any page of the origin can post on `allweather-drill-<id>` (drillChannel.ts),
 * so a window believes nothing it hears until four gates have passed, in
 * this order (the cheap ones first):
 *
 * 1. size: the message is small enough to look at (messageBudget.ts); a
 *    trainer hears only small requests, so its budget is tight;
 * 2. token: it carries this session's token (sessionToken.ts);
 * 3. role: it is the other side's kind, and a trainee's `act` carries one of
 *    the dispatcher's actions (assign, reprioritise, escalate, mutual aid:
 *    `TraineeAction`). An inject (a case, a storm, a team off duty, a surge,
 *    a message), or anything that would drive the clock, is the trainer's
 *    and never comes over the channel;
 * 4. shape: the zod schema of its kind, down to every field the receiver
 *    uses (a frame's typed arrays, the record's drill and scenario, …).
 *
 * A message that fails is dropped: `decodeAtTrainer` / `decodeAtTrainee`
 * return why (`size`, `token`, `role`, `shape`) and never throw, whatever
 * they are given. Messages of the window's own side that are not for it (a
 * fellow trainee's request, a reply to another window) are `peer`: normal
 * traffic, ignored silently. After the gate, the trainer's drill service
 * checks an action once more against the drill and its scenario, exactly as
 * it checks the drill file (src/drill/validate.ts: a cell inside the city, a
 * case that waits for dispatch, a member who exists).
 *
 * Objects the trainer produces (layout, frame, state) are checked as loose
 * objects: every field the trainee uses is checked and a field added later
 * passes through; `satisfies z.ZodType<…>` makes the compiler say when a
 * schema no longer covers its type.
 */
import { z } from 'zod';
import type { CityLayout, Frame, LiveKpis } from '../sim/frame.ts';
import type { RunResult } from '../sim/result.ts';
import { Scenario } from '../scenario/schema.ts';
import { Action, Drill, DRILL_LIMITS, Inject, TRAINEE_ACTION_KINDS, TraineeAction } from '../drill/schema.ts';
import type { InboxItem, LogEntry } from '../drill/session.ts';
import type { CaseScore, DrillScore } from '../drill/scoring.ts';
import type { DrillRecord, DrillState } from '../analysis/drillService.ts';
import { checkBudget, type MessageLimits } from './messageBudget.ts';
import { TOKEN_RE } from './sessionToken.ts';

/** What the trainee needs to know of the drill to draw it. */
export interface DrillMeta {
  id: string;
  name: { zh: string; en: string };
  description?: { zh: string; en: string };
  traineeSees: 'all' | 'scope';
  scopeGrids: 'all' | string[];
  autoOutside: boolean;
  startHour: number;
  durationMin: number;
  /** The drill's trainee seats (none: one trainee holds the whole scope). */
  seats?: { id: string; name: { zh: string; en: string }; grids: string[] }[];
}

export interface Hello {
  layout: CityLayout;
  meta: DrillMeta;
}

/** An action's outcome: done, or refused with a message in both languages. */
export type ActResult = { ok: true } | { ok: false; zh: string; en: string };

export interface Candidate {
  staff: number;
  team: string;
  distanceCells: number;
}

export type FromTrainer =
  | { t: 'hello'; token: string; hello: Hello }
  | { t: 'frame'; token: string; frame: Frame; state: DrillState }
  | { t: 'record'; token: string; record: DrillRecord; edited: boolean }
  | { t: 'reply'; token: string; to: string; id: number; result: unknown }
  | { t: 'ping'; token: string }
  | { t: 'bye'; token: string };

/**
 * A trainee's requests name its seat (`seat`: a seat id of the drill, or
 * "all" for the whole scope; absent while it has not chosen one). The
 * trainer counts the windows of each seat from them, and the session
 * refuses an action on a case outside the seat's grids.
 */
export type FromTrainee =
  | { t: 'join'; token: string; from: string; seat?: string }
  | { t: 'here'; token: string; from: string; seat?: string }
  | { t: 'act'; token: string; from: string; id: number; action: TraineeAction; seat?: string }
  | { t: 'candidates'; token: string; from: string; id: number; caseId: number; seat?: string };

/** Why a message was dropped; `peer` is normal traffic not meant for this window. */
export type RejectReason = 'size' | 'token' | 'role' | 'shape';
export type Decoded<M> = { ok: true; msg: M } | { ok: false; reason: RejectReason | 'peer' };

// ---------------------------------------------------------------------------
// Budgets: a trainer hears small requests; a trainee hears frames and, once, the record.

export const TRAINER_INBOUND: MessageLimits = {
  values: 2_000,
  depth: 8,
  stringChars: 4_096,
  arrayItems: 256,
  typedBytes: 0,
};
export const TRAINEE_INBOUND: MessageLimits = {
  values: 2_000_000,
  depth: 48,
  stringChars: 1_000_000,
  arrayItems: 1_000_000,
  typedBytes: 256 * 2 ** 20,
};

// ---------------------------------------------------------------------------
// Schemas of what the trainer sends

const MAX_ITEMS = 100_000;
const num = z.number().finite();
const int = z.number().int();
const count = int.nonnegative();
const str = z.string().max(4_096);
const id = z.string().min(1).max(DRILL_LIMITS.idChars);
const Label = z.strictObject({ zh: str, en: str });
const Named = { id, name: Label };
const f32 = z.instanceof(Float32Array);
const f64 = z.instanceof(Float64Array);
const u8 = z.instanceof(Uint8Array);
const i16 = z.instanceof(Int16Array);
const i32 = z.instanceof(Int32Array);
const MAX_SIDE = 10_000;

const CityLayoutSchema = z
  .looseObject({
    scenarioId: id,
    name: Label,
    description: Label.optional(),
    seed: int,
    cols: int.min(1).max(MAX_SIDE),
    rows: int.min(1).max(MAX_SIDE),
    cellSizeM: num.positive(),
    gridSize: int.min(1),
    gridCols: int.min(0),
    gridRows: int.min(0),
    gridIds: z.array(id).max(MAX_ITEMS),
    cellGrid: i32,
    gridCentre: i32,
    irregular: z.boolean(),
    hierarchy: z.looseObject({
      district: z.looseObject({ code: id, name: id }),
      streets: z.array(z.looseObject({ code: id, name: id })).max(MAX_ITEMS),
      communities: z.array(z.looseObject({ code: id, name: id, street: int })).max(MAX_ITEMS),
      gridNames: z.array(z.string().max(200)).max(MAX_ITEMS),
      gridNamesEn: z.array(z.string().max(200)).max(MAX_ITEMS).optional(),
      gridStreet: i16,
      gridCommunity: i32,
    }),
    landUse: u8,
    lowLying: u8,
    dayPop: f32,
    stations: z.array(z.looseObject({ ...Named, cell: count, dailyRidership: num })).max(MAX_ITEMS),
    types: z.array(z.looseObject({ ...Named, priority: int })).max(MAX_ITEMS),
    teams: z.array(z.looseObject({ ...Named, role: z.enum(['field', 'securityLanes']) })).max(MAX_ITEMS),
    nStaff: count,
    staffTeam: i16,
    horizonS: num,
    warmupS: num,
    rainByHour: f32,
    warningByHour: u8,
    coverageTarget: num,
    crowdThreshold: num,
  })
  .refine((l) => {
    const cells = l.cols * l.rows;
    return (
      l.landUse.length === cells &&
      l.lowLying.length === cells &&
      l.dayPop.length === cells &&
      l.staffTeam.length === l.nStaff &&
      l.cellGrid.length === cells &&
      l.gridCentre.length === l.gridIds.length &&
      l.hierarchy.gridNames.length === l.gridIds.length &&
      (l.hierarchy.gridNamesEn === undefined || l.hierarchy.gridNamesEn.length === l.gridIds.length) &&
      l.hierarchy.gridStreet.length === l.gridIds.length &&
      l.hierarchy.gridCommunity.length === l.gridIds.length &&
      (l.irregular || l.gridIds.length === l.gridCols * l.gridRows)
    );
  }, "layout arrays do not match the city's size") satisfies z.ZodType<CityLayout>;

const DrillMetaSchema = z.looseObject({
  id,
  name: Label,
  description: Label.optional(),
  traineeSees: z.enum(['all', 'scope']),
  scopeGrids: z.union([z.literal('all'), z.array(id).max(MAX_ITEMS)]),
  autoOutside: z.boolean(),
  startHour: num,
  durationMin: num,
  seats: z
    .array(z.looseObject({ id, name: Label, grids: z.array(id).max(MAX_ITEMS) }))
    .max(DRILL_LIMITS.seats)
    .optional(),
}) satisfies z.ZodType<DrillMeta>;

const HelloSchema = z.strictObject({ layout: CityLayoutSchema, meta: DrillMetaSchema }) satisfies z.ZodType<Hello>;

const nullableNum = num.nullable();
const LiveKpisSchema = z.looseObject({
  casesArrived: num,
  casesClosed: num,
  casesOpen: num,
  meanWaitS: nullableNum,
  meanResponseS: nullableNum,
  p90ResponseS: nullableNum,
  slaAttainment: nullableNum,
  coverageIndex: nullableNum,
  staffHours: num,
  utilisation: nullableNum,
  overtimeHours: num,
  staffOnDuty: num,
  staffBusy: num,
}) satisfies z.ZodType<LiveKpis>;

const FrameSchema = z
  .looseObject({
    tS: num,
    done: z.boolean(),
    events: num,
    kpis: LiveKpisSchema,
    staffXY: f32,
    staffState: u8,
    cases: f32,
    nCases: count,
    cellBacklog: f32,
    coverage: f32,
    coverageCases: f32,
    stationQueue: f32,
    rainMmPerH: num,
    warning: int,
    series: f64,
    result: z.custom<RunResult>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)).optional(),
  })
  .refine(
    (f) => f.nCases * 6 <= f.cases.length && f.staffXY.length === 2 * f.staffState.length,
    'frame arrays do not match their counts',
  ) satisfies z.ZodType<Frame>;

const InboxItemSchema = z.looseObject({
  caseId: count,
  type: id,
  cell: count,
  grid: id,
  priority: int,
  channel: id,
  filedS: num,
  responseDueS: num,
  crew: count,
  skill: id,
}) satisfies z.ZodType<InboxItem>;

const LogEntrySchema = z.strictObject({
  tS: num,
  kind: z.enum(['inject', 'action', 'message']),
  detail: z.union([Inject, Action]),
}) satisfies z.ZodType<LogEntry>;

const DrillStateSchema = z.looseObject({
  drillId: id,
  tS: num,
  startS: num,
  endS: num,
  playing: z.boolean(),
  speed: num,
  done: z.boolean(),
  inbox: z.array(InboxItemSchema).max(MAX_ITEMS),
  pending: z.array(Inject).max(DRILL_LIMITS.injects),
  timeline: z.array(LogEntrySchema).max(MAX_ITEMS),
  actions: count,
  weather: z.looseObject({
    rainMmPerH: num.nonnegative(),
    warning: int.min(0).max(4),
    source: z.union([
      z.strictObject({ kind: z.literal('inject'), id }),
      z.strictObject({ kind: z.literal('forecast') }),
    ]),
  }),
}) satisfies z.ZodType<DrillState>;

const CaseScoreSchema = z.looseObject({
  caseId: count,
  type: id,
  cell: count,
  occurredS: num,
  priority: int,
  filedS: num,
  dispatchedS: nullableNum,
  onSceneS: nullableNum,
  responseS: nullableNum,
  responseDueS: num,
  onTime: z.boolean().nullable(),
  late: z.boolean(),
  inversions: count,
  by: z.enum(['trainee', 'auto', 'none']),
}) satisfies z.ZodType<CaseScore>;

const DrillScoreSchema = z.looseObject({
  cases: z.array(CaseScoreSchema).max(MAX_ITEMS),
  n: count,
  onTimeShare: nullableNum,
  late: count,
  dispatches: count,
  inversions: count,
  priorityShare: nullableNum,
  score: num,
}) satisfies z.ZodType<DrillScore>;

const DrillRecordSchema = z.looseObject({
  app: z.literal('allweather'),
  kind: z.literal('drill-record'),
  drill: Drill,
  scenario: Scenario,
  scenarioHash: z.string().max(256),
  seed: int,
  actions: z.array(Action).max(MAX_ITEMS),
  score: DrillScoreSchema,
  baseline: DrillScoreSchema,
  timeline: z.array(LogEntrySchema).max(MAX_ITEMS),
  endedAt: z.string().max(64).optional(),
  seatScores: z
    .array(z.looseObject({ seat: id, score: DrillScoreSchema, baseline: DrillScoreSchema }))
    .max(DRILL_LIMITS.seats)
    .optional(),
}) satisfies z.ZodType<DrillRecord>;

/** What a trainee accepts as the answer to an `act`. */
export const ActResultSchema = z.union([
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({
    ok: z.literal(false),
    zh: z.string().max(DRILL_LIMITS.textChars * 4),
    en: z.string().max(DRILL_LIMITS.textChars * 4),
  }),
]) satisfies z.ZodType<ActResult>;

/** What a trainee accepts as the answer to `candidates`. */
export const CandidatesSchema = z
  .array(z.strictObject({ staff: count, team: id, distanceCells: num.nonnegative() }))
  .max(MAX_ITEMS) satisfies z.ZodType<Candidate[]>;

// ---------------------------------------------------------------------------
// Messages

const token = z.string().regex(TOKEN_RE);
const windowId = z.string().min(1).max(64);
const requestId = int.min(0).max(2 ** 31);
const seat = id.optional();

const TRAINER_MESSAGES = {
  hello: z.strictObject({ t: z.literal('hello'), token, hello: HelloSchema }),
  frame: z.strictObject({ t: z.literal('frame'), token, frame: FrameSchema, state: DrillStateSchema }),
  record: z.strictObject({ t: z.literal('record'), token, record: DrillRecordSchema, edited: z.boolean() }),
  reply: z.strictObject({ t: z.literal('reply'), token, to: windowId, id: requestId, result: z.unknown() }),
  ping: z.strictObject({ t: z.literal('ping'), token }),
  bye: z.strictObject({ t: z.literal('bye'), token }),
};

const TRAINEE_MESSAGES = {
  join: z.strictObject({ t: z.literal('join'), token, from: windowId, seat }),
  /** A connected trainee's heartbeat (every 1.5 s): the trainer counts the windows in each seat. */
  here: z.strictObject({ t: z.literal('here'), token, from: windowId, seat }),
  act: z.strictObject({ t: z.literal('act'), token, from: windowId, id: requestId, action: TraineeAction, seat }),
  candidates: z.strictObject({
    t: z.literal('candidates'),
    token,
    from: windowId,
    id: requestId,
    caseId: count,
    seat,
  }),
};

/** Every message of the channel, as one discriminated union (on `t`). */
export const DrillMessage = z.discriminatedUnion('t', [
  TRAINER_MESSAGES.hello,
  TRAINER_MESSAGES.frame,
  TRAINER_MESSAGES.record,
  TRAINER_MESSAGES.reply,
  TRAINER_MESSAGES.ping,
  TRAINER_MESSAGES.bye,
  TRAINEE_MESSAGES.join,
  TRAINEE_MESSAGES.here,
  TRAINEE_MESSAGES.act,
  TRAINEE_MESSAGES.candidates,
]);

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The message's kind and token, read without trusting anything else about it. */
function envelope(data: unknown): { t: string; token: unknown; raw: Record<string, unknown> } | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const raw = data as Record<string, unknown>;
  return typeof raw.t === 'string' ? { t: raw.t, token: raw.token, raw } : null;
}

/** A message heard by the trainer's window: a request of one of this session's trainees, or the reason it is dropped. */
export function decodeAtTrainer(data: unknown, sessionToken: string): Decoded<FromTrainee> {
  if (checkBudget(data, TRAINER_INBOUND) !== 'ok') return { ok: false, reason: 'size' };
  const e = envelope(data);
  if (!e || !(has(TRAINEE_MESSAGES, e.t) || has(TRAINER_MESSAGES, e.t))) return { ok: false, reason: 'shape' };
  if (e.token !== sessionToken) return { ok: false, reason: 'token' };
  // a trainer's message, or a trainee asking for what only the trainer does
  if (!has(TRAINEE_MESSAGES, e.t)) return { ok: false, reason: 'role' };
  if (e.t === 'act') {
    const action = e.raw.action;
    const kind = typeof action === 'object' && action !== null ? (action as { kind?: unknown }).kind : undefined;
    if (typeof kind === 'string' && !TRAINEE_ACTION_KINDS.has(kind)) return { ok: false, reason: 'role' };
  }
  const r = TRAINEE_MESSAGES[e.t as keyof typeof TRAINEE_MESSAGES].safeParse(data);
  return r.success ? { ok: true, msg: r.data } : { ok: false, reason: 'shape' };
}

/** A message heard by a trainee's window (`me`: its own id): the trainer's, or the reason it is dropped. */
export function decodeAtTrainee(data: unknown, sessionToken: string, me: string): Decoded<FromTrainer> {
  if (checkBudget(data, TRAINEE_INBOUND) !== 'ok') return { ok: false, reason: 'size' };
  const e = envelope(data);
  if (!e || !(has(TRAINEE_MESSAGES, e.t) || has(TRAINER_MESSAGES, e.t))) return { ok: false, reason: 'shape' };
  if (e.token !== sessionToken) return { ok: false, reason: 'token' };
  // fellow trainees' requests and replies to them are not for this window
  if (has(TRAINEE_MESSAGES, e.t) || (e.t === 'reply' && e.raw.to !== me)) return { ok: false, reason: 'peer' };
  const r = TRAINER_MESSAGES[e.t as keyof typeof TRAINER_MESSAGES].safeParse(data);
  return r.success ? { ok: true, msg: r.data } : { ok: false, reason: 'shape' };
}

const REASONS: Record<RejectReason, string> = {
  size: 'too large to read',
  token: "without this session's token",
  role: 'not allowed from that side (a trainee may only dispatch, reprioritise, escalate and ask for mutual aid)',
  shape: 'not a drill message of this app',
};

export type RejectCounts = Record<RejectReason, number>;

/**
 * Dropped messages, counted by reason. The first one is logged with
 * console.warn (what and why); the rest are only counted, so a page that
 * floods the channel cannot flood the console too.
 */
export function createRejectLog(label: string) {
  const counts: RejectCounts = { size: 0, token: 0, role: 0, shape: 0 };
  let warned = false;
  return {
    note(reason: RejectReason | 'peer'): void {
      if (reason === 'peer') return;
      counts[reason]++;
      if (warned) return;
      warned = true;
      console.warn(`[${label}] ignored a message ${REASONS[reason]}; further ones are counted, not logged`);
    },
    counts: (): RejectCounts => ({ ...counts }),
  };
}
