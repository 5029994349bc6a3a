/**
 * Where a case's time goes: its stages, and what limited the late ones.
 *
 * Every moment of a case's life, from occurrence to closing, is in exactly
 * one of five stages:
 *
 * | stage       | from → to                                                        |
 * |-------------|------------------------------------------------------------------|
 * | `discovery` | occurred → discovered (patrol passing, citizen report, sensor)   |
 * | `centre`    | the command centre's delays: discovered → filed, the dispatch    |
 * |             | delay of every dispatch, handled → verified → closed             |
 * | `queue`     | filed (or put back after preemption or a handover) → a member    |
 * |             | with the skill is assigned; every wait counts                    |
 * | `travel`    | the dispatch delay ends → the whole crew is on scene             |
 * | `handling`  | the whole crew on scene → handled (every stretch of it)          |
 *
 * The engine moves a case from stage to stage as its workflow goes on
 * (`EngineState.enterStage`), so the five add up to its resolution time
 * (occurred → closed), and the response's part (filed → first on scene:
 * centre, queue and travel only) is frozen when the first member arrives,
 * so those three add up to its response time. Both up to float rounding
 * (sums of differences; nanoseconds).
 *
 * **The limiting stage of a late case.** A stage's *on-time share* is its
 * mean duration over the cases of the same event type that met their SLA in
 * the same run (zero when none did: then nothing about that type is "on
 * time"). For a late case each stage is shrunk, alone, to its on-time share
 * (in the response and in the resolution); a stage whose shrinking would
 * have made the case on time *limits* it; among several such stages, or if
 * none would suffice alone, the one with the largest excess over its share
 * (the larger of its response and resolution excess) is named. For the
 * queue stage the row also names the team that served the case (the first
 * member of its last crew) or, never served, the first team that holds the
 * case's skill.
 *
 * Pure and bounded: per event type a handful of sums, and one compact
 * record per late case.
 */

/** Stage indices, in the order of a case's life. */
export const STAGE = { discovery: 0, centre: 1, queue: 2, travel: 3, handling: 4 } as const;
export const STAGE_COUNT = 5;
export type StageName = keyof typeof STAGE;
export const STAGE_NAMES: readonly StageName[] = ['discovery', 'centre', 'queue', 'travel', 'handling'];
/** Numbers kept per late case in `StageBook.late` (see there). */
export const LATE_FIELDS = 14;
/** Response part: centre, queue, travel (in that order in `cResp`). */
export const RESP_STAGES: readonly StageName[] = ['centre', 'queue', 'travel'];

/** Late records per chunk of the late-case store (one chunk: 4,096 x 14 doubles, 448 KiB). */
export const LATE_CHUNK = 4096;
/**
 * Chunks of released books, kept for the next book on this thread (see `release`). The store grows by
 * whole chunks, never by copying; fresh memory is dear (the first write to each page of a new buffer
 * costs a page fault), so replications in a worker reuse the chunks a run before them filled.
 */
const pool: Float64Array[] = [];
/** Chunks kept in the pool at most (8 MiB doubles = 64 MiB); the rest are left to the collector. */
const POOL_MAX = Math.floor((8 * 1024 * 1024) / (LATE_CHUNK * LATE_FIELDS));

/** Per-type sums over decided cases, and the late cases one by one. */
export class StageBook {
  /** Per type: decided cases, on-time cases. */
  readonly decided: Float64Array;
  readonly onTime: Float64Array;
  /** Per type × stage: seconds summed over decided cases / over on-time cases. */
  readonly sumAll: Float64Array;
  readonly sumOk: Float64Array;
  /** Per type × response stage (centre, queue, travel): seconds over decided / on-time cases. */
  readonly respAll: Float64Array;
  readonly respOk: Float64Array;
  /** Late cases recorded. */
  n = 0;
  /**
   * The late cases, LATE_FIELDS numbers each: type, team, grid, hour of day, response and resolution
   * seconds, the STAGE_COUNT resolution stages, the 3 response stages. Record i is at
   * (i % LATE_CHUNK) * LATE_FIELDS in chunk floor(i / LATE_CHUNK): typed arrays of a fixed size, no
   * per-case allocation, nothing for the collector to trace, and growth never copies.
   */
  readonly lateChunks: Float64Array[] = [];
  /** The chunk being filled, and the offset of its next record. */
  private cur: Float64Array = new Float64Array(0);
  private curO = 0;

  readonly nTypes: number = 0;

  constructor(nTypes: number) {
    this.nTypes = nTypes;
    this.decided = new Float64Array(nTypes);
    this.onTime = new Float64Array(nTypes);
    this.sumAll = new Float64Array(nTypes * STAGE_COUNT);
    this.sumOk = new Float64Array(nTypes * STAGE_COUNT);
    this.respAll = new Float64Array(nTypes * 3);
    this.respOk = new Float64Array(nTypes * 3);
  }

  /**
   * The book will not be read again: hand its late-case chunks to the next book made on this thread.
   * Reading the book afterwards is an error (its records may be overwritten).
   */
  release(): void {
    // every record is written before it is read (records below n), so a reused chunk needs no clearing
    for (const ch of this.lateChunks) if (pool.length < POOL_MAX) pool.push(ch);
    this.lateChunks.length = 0;
    this.cur = new Float64Array(0);
    this.curO = 0;
    this.n = 0;
  }

  /**
   * Record a decided case: its stages (5 values at `st[so..]`) and response split (3 at `rp[ro..]`); for a
   * late case (`met` false) also its team (-1: none), grid, hour of day, response and resolution seconds.
   * The engine calls the two halves itself (`addSums`, then `addLate` for a late case only), so that the
   * common on-time case passes no doubles across a call.
   */
  add(
    type: number,
    met: boolean,
    st: Float64Array,
    so: number,
    rp: Float64Array,
    ro: number,
    team: number,
    grid: number,
    hour: number,
    respS: number,
    resolS: number,
  ): void {
    this.addSums(type, met, st, so, rp, ro);
    if (!met) this.addLate(type, team, grid, hour, respS, resolS, st, so, rp, ro);
  }

  /** A decided case's stages into its type's sums (and the on-time sums when `met`). Unrolled: once per decided case. */
  addSums(type: number, met: boolean, st: Float64Array, so: number, rp: Float64Array, ro: number): void {
    this.decided[type]++;
    const b = type * STAGE_COUNT,
      r = type * 3;
    const all = this.sumAll,
      ra = this.respAll;
    all[b] += st[so];
    all[b + 1] += st[so + 1];
    all[b + 2] += st[so + 2];
    all[b + 3] += st[so + 3];
    all[b + 4] += st[so + 4];
    ra[r] += rp[ro];
    ra[r + 1] += rp[ro + 1];
    ra[r + 2] += rp[ro + 2];
    if (!met) return;
    this.onTime[type]++;
    const ok = this.sumOk,
      rok = this.respOk;
    ok[b] += st[so];
    ok[b + 1] += st[so + 1];
    ok[b + 2] += st[so + 2];
    ok[b + 3] += st[so + 3];
    ok[b + 4] += st[so + 4];
    rok[r] += rp[ro];
    rok[r + 1] += rp[ro + 1];
    rok[r + 2] += rp[ro + 2];
  }

  /** A late case's record (its sums went in by `addSums`): no per-case allocation, growth by whole chunks. */
  addLate(
    type: number,
    team: number,
    grid: number,
    hour: number,
    respS: number,
    resolS: number,
    st: Float64Array,
    so: number,
    rp: Float64Array,
    ro: number,
  ): void {
    let L = this.cur;
    let o = this.curO;
    if (o === L.length) {
      L = this.cur = pool.pop() ?? new Float64Array(LATE_CHUNK * LATE_FIELDS);
      this.lateChunks.push(L);
      o = 0;
    }
    this.curO = o + LATE_FIELDS;
    this.n++;
    L[o] = type;
    L[o + 1] = team;
    L[o + 2] = grid;
    L[o + 3] = hour;
    L[o + 4] = respS;
    L[o + 5] = resolS;
    L[o + 6] = st[so];
    L[o + 7] = st[so + 1];
    L[o + 8] = st[so + 2];
    L[o + 9] = st[so + 3];
    L[o + 10] = st[so + 4];
    L[o + 11] = rp[ro];
    L[o + 12] = rp[ro + 1];
    L[o + 13] = rp[ro + 2];
  }
}

/** One replication's diagnosis: per-stage totals and the late cases grouped by what limited them. */
export interface RunDiagnosis {
  /** Decided cases (met or not) and late ones. */
  decided: number;
  late: number;
  /** Per stage: mean seconds over decided cases (resolution split), mean seconds in the response, late cases it limits. */
  stages: Record<StageName, { meanS: number | null; meanResponseS: number | null; lateCases: number }>;
  /** Per event type and stage: the on-time share used (seconds; resolution split). */
  onTimeShareS: Record<string, Record<StageName, number>>;
  /** Late cases grouped by (stage, event type, team, hour of day, grid index). */
  groups: { stage: StageName; type: string; team: string | null; hour: number; grid: number; n: number }[];
}

export interface DiagnoseContext {
  typeIds: readonly string[];
  teamIds: readonly string[];
  responseS: ArrayLike<number>;
  resolutionS: ArrayLike<number>;
}

/** Classify every late case of a run by its limiting stage (see the module comment). */
export function diagnoseBook(book: StageBook, ctx: DiagnoseContext): RunDiagnosis {
  const nT = book.nTypes;
  const share = new Float64Array(nT * STAGE_COUNT);
  const shareResp = new Float64Array(nT * 3);
  for (let t = 0; t < nT; t++) {
    const ok = book.onTime[t];
    for (let k = 0; k < STAGE_COUNT; k++)
      share[t * STAGE_COUNT + k] = ok > 0 ? book.sumOk[t * STAGE_COUNT + k] / ok : 0;
    for (let k = 0; k < 3; k++) shareResp[t * 3 + k] = ok > 0 ? book.respOk[t * 3 + k] / ok : 0;
  }
  const limitedBy = new Float64Array(STAGE_COUNT);
  // grouped by a numeric key (stage, type, team, hour, grid): no string per late case
  const groups = new Map<
    number,
    { stage: StageName; type: string; team: string | null; hour: number; grid: number; n: number }
  >();
  const nTeams = ctx.teamIds.length + 1;
  const chunks = book.lateChunks;
  /** Records in chunk j. */
  const inChunk = (j: number): number => Math.min(LATE_CHUNK, book.n - j * LATE_CHUNK);
  let maxGrid = 0;
  for (let j = 0; j < chunks.length; j++) {
    const L = chunks[j];
    for (let i = 0, m = inChunk(j); i < m; i++) if (L[i * LATE_FIELDS + 2] > maxGrid) maxGrid = L[i * LATE_FIELDS + 2];
  }
  const nGridKeys = maxGrid + 1;
  for (let i = 0; i < book.n; i++) {
    const L = chunks[Math.floor(i / LATE_CHUNK)];
    const o = (i % LATE_CHUNK) * LATE_FIELDS;
    const t = L[o],
      lTeam = L[o + 1],
      lGrid = L[o + 2],
      lHour = L[o + 3];
    const R = ctx.responseS[t],
      S = ctx.resolutionS[t];
    const resp = L[o + 4],
      resol = L[o + 5];
    let best = -1,
      bestFix = false,
      bestEx = -Infinity;
    for (let k = 0; k < STAGE_COUNT; k++) {
      const exResol = Math.max(0, L[o + 6 + k] - share[t * STAGE_COUNT + k]);
      const ri = k === STAGE.centre ? 0 : k === STAGE.queue ? 1 : k === STAGE.travel ? 2 : -1;
      const exResp = ri < 0 ? 0 : Math.max(0, L[o + 11 + ri] - shareResp[t * 3 + ri]);
      const fixes = resp - exResp <= R && resol - exResol <= S;
      const ex = Math.max(exResp, exResol);
      // a stage that fixes the case beats one that does not; then the larger excess; then the earlier stage
      if ((fixes && !bestFix) || (fixes === bestFix && ex > bestEx)) {
        best = k;
        bestFix = fixes;
        bestEx = ex;
      }
    }
    limitedBy[best]++;
    const stage = STAGE_NAMES[best];
    const teamIdx = best === STAGE.queue && lTeam >= 0 ? lTeam : -1;
    const team = teamIdx >= 0 ? ctx.teamIds[teamIdx] : null;
    const key = (((best * nT + t) * nTeams + teamIdx + 1) * 24 + lHour) * nGridKeys + lGrid;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { stage, type: ctx.typeIds[t], team, hour: lHour, grid: lGrid, n: 1 });
  }
  let decided = 0;
  for (let t = 0; t < nT; t++) decided += book.decided[t];
  const stages = {} as RunDiagnosis['stages'];
  STAGE_NAMES.forEach((name, k) => {
    let sum = 0,
      sumResp = 0;
    for (let t = 0; t < nT; t++) {
      sum += book.sumAll[t * STAGE_COUNT + k];
      const ri = RESP_STAGES.indexOf(name);
      if (ri >= 0) sumResp += book.respAll[t * 3 + ri];
    }
    stages[name] = {
      meanS: decided > 0 ? sum / decided : null,
      meanResponseS: decided > 0 ? sumResp / decided : null,
      lateCases: limitedBy[k],
    };
  });
  const onTimeShareS: RunDiagnosis['onTimeShareS'] = {};
  for (let t = 0; t < nT; t++) {
    onTimeShareS[ctx.typeIds[t]] = Object.fromEntries(
      STAGE_NAMES.map((n, k) => [n, share[t * STAGE_COUNT + k]]),
    ) as Record<StageName, number>;
  }
  return { decided, late: book.n, stages, onTimeShareS, groups: [...groups.values()] };
}
