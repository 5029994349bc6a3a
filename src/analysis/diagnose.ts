/**
 * Why cases are late, over replications: the limits of coverage and the
 * levers that act on them.
 *
 * Each replication's engine classifies its late cases by their limiting
 * stage (src/sim/stages.ts: the stage whose shrinking to its on-time share
 * would have made the case on time, else the one with the largest excess).
 * Here those are summed over replications into *limits*: one row per
 * (stage, event type, team) — team only for the queue stage, where it is the
 * team that served (or would have served) the case — with the hours of day
 * and the responsibility grids where its late cases occurred, the mean number
 * of late cases per replication, and its share of all late cases. Rows are
 * sorted by that mean, largest first; shares add up to 1.
 *
 * Each row names its levers in words (zh + en):
 * - queue → that team's shifts at those hours (`optimise --teams <team>`);
 * - travel → grid size, dispatch scope (policy), team placement, travel mode;
 * - centre → the command centre's workflow delays (file, dispatch, verify, close);
 * - discovery → discovery channels (citizen reports, sensors) and patrol;
 * - handling → handling time (crew, equipment) or the standard itself.
 *
 * Pure (floor 1): the same replications give the same diagnosis, byte for byte.
 */
import type { RunResult } from '../sim/result.ts';
import type { Scenario } from '../scenario/schema.ts';
import { STAGE_NAMES, type RunDiagnosis, type StageName } from '../sim/stages.ts';

/** What acts on a limit: a sentence in each language (no field names in it) and the scenario fields it means. */
export interface Lever {
  zh: string;
  en: string;
  fields: string[];
}

export interface Limit {
  stage: StageName;
  eventType: string;
  /** The team whose queue it is (queue stage only), else null. */
  team: string | null;
  /** Hours of day (0–23) with late cases of this row, most cases first. */
  hours: number[];
  /** Grid codes with late cases of this row, most cases first. */
  grids: string[];
  /** Late cases per replication (mean). */
  lateCases: number;
  /** Share of all late cases. */
  share: number;
  /** The fewest hours holding at least 80 % of this row's late cases, in clock order (what the lever names). */
  peakHours: number[];
  /** Late cases per replication by hour of day (24 values). */
  byHour: number[];
  /** Late cases per replication per grid, in the order of `grids`. */
  gridCases: number[];
  /** What acts on this limit, in words. */
  lever: Lever;
}

export interface StageTotal {
  /** Mean seconds a decided case spends in the stage (resolution split), over replications. */
  meanS: number | null;
  /** Mean seconds of the response (filed → on scene) in the stage. */
  meanResponseS: number | null;
  /** Late cases per replication that this stage limits. */
  lateCases: number;
  share: number;
}

export interface Diagnosis {
  replications: number;
  /** Decided and late cases per replication (means). */
  decided: number;
  late: number;
  stages: Record<StageName, StageTotal>;
  limits: Limit[];
}

const pad2 = (h: number) => String(h).padStart(2, '0');

/** The stages' names, zh and en: the one source (the CLI prints them; src/i18n/shared.ts puts them in the dictionaries). */
export const STAGE_LABELS: Record<StageName, { zh: string; en: string }> = {
  discovery: { zh: '发现', en: 'Discovery' },
  centre: { zh: '指挥中心', en: 'Command centre' },
  queue: { zh: '排队', en: 'Queue' },
  travel: { zh: '路途', en: 'Travel' },
  handling: { zh: '处置', en: 'Handling' },
};

/** The fewest hours holding at least `share` of the cases counted by hour, in clock order. */
export function peakHours(byHour: readonly number[], share = 0.8): number[] {
  const total = byHour.reduce((a, b) => a + b, 0);
  if (total <= 0) return [];
  const order = [...byHour.keys()].filter((h) => byHour[h] > 0).sort((a, b) => byHour[b] - byHour[a] || a - b);
  const out: number[] = [];
  let sum = 0;
  for (const h of order) {
    if (sum >= share * total - 1e-9) break;
    out.push(h);
    sum += byHour[h];
  }
  return out.sort((a, b) => a - b);
}

/** Hours as ranges, e.g. [21,22,23,0,1] → "21:00–02:00". */
export function hoursText(hours: readonly number[]): string {
  if (hours.length === 0) return '—';
  if (hours.length === 24) return '00:00–24:00';
  const set = new Set(hours);
  const out: string[] = [];
  for (let h = 0; h < 24; h++) {
    if (!set.has(h) || set.has((h + 23) % 24)) continue;
    let e = h;
    while (set.has((e + 1) % 24) && (e + 1) % 24 !== h) e = (e + 1) % 24;
    out.push(`${pad2(h)}:00–${pad2((e + 1) % 24 === 0 ? 24 : (e + 1) % 24)}:00`);
  }
  if (out.length === 0) out.push('00:00–24:00');
  return out.join(', ');
}

const label = (l: { zh: string; en: string } | undefined, id: string) => l ?? { zh: id, en: id };
/** Ids of the teams that hold a skill (security lanes aside). */
const servingTeams = (sc: Scenario, skill: string | undefined) =>
  sc.teams
    .filter((t) => t.role !== 'securityLanes' && skill !== undefined && t.skills.includes(skill))
    .map((t) => t.id);

/** The lever for a limit, in words. */
export function leverFor(
  sc: Scenario,
  stage: StageName,
  eventType: string,
  team: string | null,
  hours: readonly number[],
): Lever {
  const et = sc.eventTypes.find((e) => e.id === eventType);
  const etName = label(et?.name, eventType);
  const when = hoursText([...hours].sort((a, b) => a - b));
  switch (stage) {
    case 'queue': {
      const tm = sc.teams.find((t) => t.id === team);
      const tn = label(tm?.name, team ?? '?');
      return {
        zh: `「${etName.zh}」在排队等「${tn.zh}」：增加该队 ${when} 在岗班次的人数（allweather optimise --teams ${team ?? ''}）`,
        en: `"${etName.en}" waits in the queue for ${tn.en}: add staff to that team's shifts on duty ${when} (allweather optimise --teams ${team ?? ''})`,
        fields: (tm?.shifts ?? []).map((_, i) => `teams.${team}.shifts.${i}.staff`),
      };
    }
    case 'travel':
      return {
        zh: `「${etName.zh}」路途过长：缩小网格、放宽派遣范围、调整队伍布设或换更快的出行方式`,
        en: `"${etName.en}" loses its time travelling: smaller grids, a wider dispatch scope, team placement, or a faster travel mode`,
        fields: [
          'city.gridSize',
          'dispatch.policy',
          ...servingTeams(sc, et?.skill).flatMap((t) => [`teams.${t}.placement`, `teams.${t}.mode`]),
        ],
      };
    case 'centre':
      return {
        zh: `「${etName.zh}」耗在指挥中心流程：缩短立案、派遣、核查、结案时限`,
        en: `"${etName.en}" loses its time at the command centre: shorten the filing, dispatch, verification and closing delays`,
        fields: [
          'workflow.fileMin',
          'workflow.dispatchMin',
          'workflow.verifyMin',
          'workflow.closeMin',
          `eventTypes.${eventType}.centre`,
        ],
      };
    case 'discovery':
      return {
        zh: `「${etName.zh}」发现太晚：加强发现渠道（市民上报、传感器）或巡查（巡查人员、巡查速度）`,
        en: `"${etName.en}" is found too late: stronger discovery channels (citizen reports, sensors) or more patrol`,
        fields: [
          `eventTypes.${eventType}.discovery`,
          'travel.patrolSpeedFactor',
          ...sc.teams.filter((t) => t.patrol).map((t) => `teams.${t.id}.patrol`),
        ],
      };
    case 'handling':
      return {
        zh: `「${etName.zh}」处置耗时超过时限：缩短处置（人手、装备）或复核该类标准（办结时限）`,
        en: `"${etName.en}" takes longer to handle than its deadline allows: shorter handling (crew, equipment) or review the standard (resolution deadline)`,
        fields: [`eventTypes.${eventType}.handlingMin`, `eventTypes.${eventType}.resolutionDeadlineMin`],
      };
  }
}

/** What `diagnose` reads of a replication: its diagnosis, and its grids when no `gridIds` are given. */
export type DiagnosedRun = Pick<RunResult, 'diagnosis'> & { coverage?: Pick<RunResult['coverage'], 'grids'> };

/** Sum the replications' diagnoses into stage totals and sorted limits (a live run so far counts as one). */
export function diagnose(sc: Scenario, results: readonly DiagnosedRun[], gridIds?: readonly string[]): Diagnosis {
  const R = results.length;
  const rows = new Map<
    string,
    {
      stage: StageName;
      eventType: string;
      team: string | null;
      n: number;
      byHour: number[];
      byGrid: Map<number, number>;
    }
  >();
  const stageSum: Record<StageName, { s: number; sr: number; w: number; late: number }> = Object.fromEntries(
    STAGE_NAMES.map((n) => [n, { s: 0, sr: 0, w: 0, late: 0 }]),
  ) as Record<StageName, { s: number; sr: number; w: number; late: number }>;
  let decided = 0,
    late = 0;
  const ids = gridIds ?? results[0]?.coverage?.grids ?? [];
  for (const r of results) {
    const d: RunDiagnosis = r.diagnosis;
    decided += d.decided;
    late += d.late;
    for (const n of STAGE_NAMES) {
      const st = d.stages[n];
      if (st.meanS !== null) {
        stageSum[n].s += st.meanS * d.decided;
        stageSum[n].sr += (st.meanResponseS ?? 0) * d.decided;
        stageSum[n].w += d.decided;
      }
      stageSum[n].late += st.lateCases;
    }
    for (const g of d.groups) {
      const key = `${g.stage}|${g.type}|${g.team ?? ''}`;
      let row = rows.get(key);
      if (!row)
        rows.set(
          key,
          (row = {
            stage: g.stage,
            eventType: g.type,
            team: g.team,
            n: 0,
            byHour: Array(24).fill(0),
            byGrid: new Map(),
          }),
        );
      row.n += g.n;
      row.byHour[g.hour] += g.n;
      row.byGrid.set(g.grid, (row.byGrid.get(g.grid) ?? 0) + g.n);
    }
  }
  const perRep = (x: number) => (R > 0 ? x / R : 0);
  const stages = Object.fromEntries(
    STAGE_NAMES.map((n) => [
      n,
      {
        meanS: stageSum[n].w > 0 ? stageSum[n].s / stageSum[n].w : null,
        meanResponseS: stageSum[n].w > 0 ? stageSum[n].sr / stageSum[n].w : null,
        lateCases: perRep(stageSum[n].late),
        share: late > 0 ? stageSum[n].late / late : 0,
      },
    ]),
  ) as Record<StageName, StageTotal>;
  const limits: Limit[] = [...rows.values()]
    .sort(
      (a, b) =>
        b.n - a.n ||
        STAGE_NAMES.indexOf(a.stage) - STAGE_NAMES.indexOf(b.stage) ||
        a.eventType.localeCompare(b.eventType) ||
        (a.team ?? '').localeCompare(b.team ?? ''),
    )
    .map((row) => {
      const hours = [...row.byHour.keys()]
        .filter((h) => row.byHour[h] > 0)
        .sort((a, b) => row.byHour[b] - row.byHour[a] || a - b);
      const grids = [...row.byGrid.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const peak = peakHours(row.byHour);
      return {
        stage: row.stage,
        eventType: row.eventType,
        team: row.team,
        hours,
        peakHours: peak,
        grids: grids.map(([g]) => ids[g] ?? String(g)),
        lateCases: perRep(row.n),
        share: late > 0 ? row.n / late : 0,
        byHour: row.byHour.map(perRep),
        gridCases: grids.map(([, n]) => perRep(n)),
        lever: leverFor(sc, row.stage, row.eventType, row.team, peak),
      };
    });
  return { replications: R, decided: perRep(decided), late: perRep(late), stages, limits };
}

/** Late cases per replication by grid index for one limit (or all), for colouring the city. */
export function lateByGrid(d: Diagnosis, gridIds: readonly string[], limit?: Limit): Float64Array {
  const idx = new Map(gridIds.map((g, i) => [g, i]));
  const out = new Float64Array(gridIds.length);
  for (const l of limit ? [limit] : d.limits)
    l.grids.forEach((g, i) => {
      const k = idx.get(g);
      if (k !== undefined) out[k] += l.gridCases[i];
    });
  return out;
}
