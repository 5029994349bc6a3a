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
/** Response part: centre, queue, travel (in that order in `cResp`). */
export const RESP_STAGES: readonly StageName[] = ['centre', 'queue', 'travel'];

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
  // late cases: plain arrays that grow by push (amortised, no copy of typed arrays, no zero-fill)
  n = 0;
  readonly lType: number[] = [];
  readonly lTeam: number[] = [];
  readonly lGrid: number[] = [];
  readonly lHour: number[] = [];
  /** Response and resolution, seconds. */
  readonly lResp: number[] = [];
  readonly lResol: number[] = [];
  /** STAGE_COUNT resolution stages then 3 response stages per late case. */
  readonly lStages: number[] = [];

  constructor(readonly nTypes: number) {
    this.decided = new Float64Array(nTypes);
    this.onTime = new Float64Array(nTypes);
    this.sumAll = new Float64Array(nTypes * STAGE_COUNT);
    this.sumOk = new Float64Array(nTypes * STAGE_COUNT);
    this.respAll = new Float64Array(nTypes * 3);
    this.respOk = new Float64Array(nTypes * 3);
  }

  /**
   * Record a decided case: its stages (5 values at `st[so..]`) and response split (3 at `rp[ro..]`); for a
   * late case (`met` false) also its team (-1: none), grid, hour of day, response and resolution seconds.
   * Unrolled and allocation-free: this runs once per decided case.
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
    this.decided[type]++;
    const b = type * STAGE_COUNT,
      r = type * 3;
    const s0 = st[so],
      s1 = st[so + 1],
      s2 = st[so + 2],
      s3 = st[so + 3],
      s4 = st[so + 4];
    const r0 = rp[ro],
      r1 = rp[ro + 1],
      r2 = rp[ro + 2];
    const all = this.sumAll,
      ra = this.respAll;
    all[b] += s0;
    all[b + 1] += s1;
    all[b + 2] += s2;
    all[b + 3] += s3;
    all[b + 4] += s4;
    ra[r] += r0;
    ra[r + 1] += r1;
    ra[r + 2] += r2;
    if (met) {
      this.onTime[type]++;
      const ok = this.sumOk,
        rok = this.respOk;
      ok[b] += s0;
      ok[b + 1] += s1;
      ok[b + 2] += s2;
      ok[b + 3] += s3;
      ok[b + 4] += s4;
      rok[r] += r0;
      rok[r + 1] += r1;
      rok[r + 2] += r2;
      return;
    }
    this.n++;
    this.lType.push(type);
    this.lTeam.push(team);
    this.lGrid.push(grid);
    this.lHour.push(hour);
    this.lResp.push(respS);
    this.lResol.push(resolS);
    this.lStages.push(s0, s1, s2, s3, s4, r0, r1, r2);
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
  let maxGrid = 0;
  for (let i = 0; i < book.n; i++) if (book.lGrid[i] > maxGrid) maxGrid = book.lGrid[i];
  const nGridKeys = maxGrid + 1;
  for (let i = 0; i < book.n; i++) {
    const t = book.lType[i];
    const R = ctx.responseS[t],
      S = ctx.resolutionS[t];
    const resp = book.lResp[i],
      resol = book.lResol[i];
    let best = -1,
      bestFix = false,
      bestEx = -Infinity;
    for (let k = 0; k < STAGE_COUNT; k++) {
      const exResol = Math.max(0, book.lStages[i * 8 + k] - share[t * STAGE_COUNT + k]);
      const ri = k === STAGE.centre ? 0 : k === STAGE.queue ? 1 : k === STAGE.travel ? 2 : -1;
      const exResp = ri < 0 ? 0 : Math.max(0, book.lStages[i * 8 + 5 + ri] - shareResp[t * 3 + ri]);
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
    const teamIdx = best === STAGE.queue && book.lTeam[i] >= 0 ? book.lTeam[i] : -1;
    const team = teamIdx >= 0 ? ctx.teamIds[teamIdx] : null;
    const key = (((best * nT + t) * nTeams + teamIdx + 1) * 24 + book.lHour[i]) * nGridKeys + book.lGrid[i];
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { stage, type: ctx.typeIds[t], team, hour: book.lHour[i], grid: book.lGrid[i], n: 1 });
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
