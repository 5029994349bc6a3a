/**
 * The KPI glossary: what each figure means, in which unit it is shown, and
 * which cases (or staff-time, or grid-hours) it counts. zh-CN first, English
 * second. One source for the app's "?" popovers, the CLI and the README's
 * "KPI glossary / 指标说明" table (`npx tsx scripts/glossary-md.ts` prints it;
 * a test checks the README holds exactly that table).
 *
 * The definitions follow the engine (src/sim/report.ts, src/sim/result.ts).
 * A word on the vocabulary used below:
 * - counted cases: those that occurred after the warm-up (`run.warmupHours`);
 * - decided cases: counted cases with an SLA verdict, i.e. closed (by the
 *   horizon or during the drain), or still open after the drain with a
 *   deadline passed (a miss);
 * - the drain: cases open at the horizon are worked on for up to 24 more
 *   simulated hours (no new cases, rosters go on) only to learn their verdict.
 *
 * The names are the KPI labels of every page: src/i18n/shared.ts spreads them
 * into the dictionaries as `kpi.<key>` (and the warm-up as `warmup.label`).
 * Pure data: no imports, runs anywhere.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

/** How a figure is shown to a person. */
export type GlossaryUnit = 'cases' | 'minutes' | 'percent' | 'hours' | 'staffHours' | 'cny' | 'people';

export interface GlossaryEntry {
  /** The name panels and tables show. */
  name: Bilingual;
  unit: GlossaryUnit;
  /** What it measures. */
  def: Bilingual;
  /** Which cases (or staff-time, grid-hours) it counts. */
  counts: Bilingual;
  /** Shown only in the live twin's panel, not in run results. */
  liveOnly?: boolean;
}

export const UNIT_LABELS: Record<GlossaryUnit, Bilingual> = {
  cases: { zh: '件', en: 'cases' },
  minutes: { zh: '分钟（导出文件中为秒）', en: 'minutes (seconds in exports)' },
  percent: { zh: '%（导出文件中为 0–1 的比例）', en: '% (a 0–1 share in exports)' },
  hours: { zh: '小时', en: 'hours' },
  staffHours: { zh: '人·时', en: 'staff-hours' },
  cny: { zh: '元', en: 'CNY' },
  people: { zh: '人', en: 'staff' },
};

const CLOSED: Bilingual = {
  zh: '预热后发生、已结案的案件（含终点后补跑中结案的）；运行中为到目前为止已结案的。补跑后仍未结案的不计入。',
  en: 'cases that occurred after the warm-up and were closed (including those closed in the drain after the horizon); while a run plays, those closed so far. Cases still open after the drain are left out.',
};
const DECIDED: Bilingual = {
  zh: '预热后发生、已有判定的案件：已结案的（含补跑中结案的），以及补跑后仍未结案且已过时限的（记为未达标）；运行中为到目前为止已判定的。',
  en: 'decided cases that occurred after the warm-up: closed ones (including those closed in the drain) and those still open after the drain with a deadline passed (misses); while a run plays, those decided so far.',
};
const GRID_HOURS: Bilingual = {
  zh: '已判定案件按发生地的责任网格和发生时刻（一天中的小时）归入“网格×小时”；仅预热后发生的案件。',
  en: 'decided cases after the warm-up, each in the grid-hour where and when it occurred (responsibility grid × hour of day).',
};
const STAFF_TIME: Bilingual = {
  zh: '预热结束到仿真终点之间的人员时间（补跑期间不计）；运行中为到目前为止的。',
  en: 'staff-time between the end of the warm-up and the horizon (the drain adds none); while a run plays, so far.',
};

/** The duration a family of time KPIs measures: its mean entry and the phrase its percentiles use. */
interface TimeFamily {
  mean: GlossaryEntry;
  /** Short name for percentiles: "{p}% {zh}", "{zh}中位数". */
  short: Bilingual;
  /** The duration, as a noun phrase: "the time from … to …". */
  what: Bilingual;
}

const timeFamily = (mean: { name: Bilingual; def: Bilingual }, short: Bilingual, what: Bilingual): TimeFamily => ({
  mean: { ...mean, unit: 'minutes', counts: CLOSED },
  short,
  what,
});

function percentile(f: TimeFamily, p: 50 | 90 | 95): GlossaryEntry {
  const histo = { zh: '（由固定直方图求得，误差在 1.6% 以内）', en: ' (from a fixed histogram, within 1.6 %)' };
  return {
    name:
      p === 50
        ? { zh: `${f.short.zh}中位数`, en: `Median ${f.short.en}` }
        : { zh: `${p}% ${f.short.zh}`, en: `${p}% ${f.short.en}` },
    unit: 'minutes',
    def:
      p === 50
        ? {
            zh: `${f.what.zh}的中位数：一半案件不超过此值${histo.zh}。`,
            en: `Median of ${f.what.en}: half the cases took no longer${histo.en}.`,
          }
        : {
            zh: `${f.what.zh}的第 ${p} 百分位数：${p}% 的案件不超过此值${histo.zh}。`,
            en: `${p}th percentile of ${f.what.en}: ${p} % of the cases took no longer${histo.en}.`,
          },
    counts: CLOSED,
  };
}

const RESPONSE = timeFamily(
  {
    name: { zh: '平均响应', en: 'Mean response' },
    def: {
      zh: '从立案到第一名人员到达现场的平均时间（含排队等人、派遣延迟和路途）。',
      en: 'Mean time from filing to the first member on scene (queueing for staff, dispatch delay and travel).',
    },
  },
  { zh: '响应', en: 'response' },
  { zh: '立案到第一名人员到场的时间', en: 'the time from filing to the first member on scene' },
);
const WAIT = timeFamily(
  {
    name: { zh: '平均等待开工', en: 'Mean wait to handling start' },
    def: {
      zh: '从立案到开始处置（所需人员全部到场）的平均时间：排队等人、派遣延迟和路途都在其中，所以不小于平均响应。只看排队等人的时间请见“平均排队等待”。',
      en: 'Mean time from filing to the start of handling (the whole crew on scene): queueing for staff, dispatch delay and travel are all in it, so it is at least the mean response. For the time spent waiting for staff alone, see Mean queue wait.',
    },
  },
  { zh: '等待开工', en: 'wait to handling start' },
  { zh: '立案到开始处置的时间', en: 'the time from filing to the start of handling' },
);
const QUEUE = timeFamily(
  {
    name: { zh: '平均排队等待', en: 'Mean queue wait' },
    def: {
      zh: '案件等待一名有相应技能的空闲人员的平均时间（立案 → 指派到人），被抢占或交接后再次等待的时间也算在内；不含派遣延迟和路途。',
      en: 'Mean time a case waits for a free member with the skill (filed → a member assigned), counting every wait, including those after preemption or a handover; dispatch delay and travel are not in it.',
    },
  },
  { zh: '排队等待', en: 'queue wait' },
  { zh: '排队等待有空闲人员的时间', en: 'the time spent waiting for a free member' },
);
const RESOLUTION = timeFamily(
  {
    name: { zh: '平均办结', en: 'Mean resolution' },
    def: {
      zh: '从案件发生到结案的平均时间：发现、立案、等待、路途、处置、核查和结案都在其中。',
      en: 'Mean time from occurrence to closing: discovery, filing, waiting, travel, handling, verification and closing are all in it.',
    },
  },
  { zh: '办结', en: 'resolution' },
  { zh: '案件发生到结案的时间', en: 'the time from occurrence to closing' },
);

/** Every term, in the order the README lists them. */
export const GLOSSARY = {
  casesArrived: {
    name: { zh: '发生案件', en: 'Cases arrived' },
    unit: 'cases',
    def: {
      zh: '预热结束后到仿真终点之间发生的案件数（无论是否已被发现）。',
      en: 'Cases that occurred between the end of the warm-up and the horizon, found or not.',
    },
    counts: { zh: '预热后发生的每一件案件。', en: 'every case that occurred after the warm-up.' },
  },
  casesClosed: {
    name: { zh: '已结案件', en: 'Closed cases' },
    unit: 'cases',
    def: {
      zh: '发生案件中在仿真终点前结案的件数；终点后补跑中结案的不计入。',
      en: 'Of the cases arrived, those closed by the horizon; those closed in the drain after it are not included.',
    },
    counts: {
      zh: '预热后发生、在终点前结案的案件。',
      en: 'cases that occurred after the warm-up and closed by the horizon.',
    },
  },
  casesOpen: {
    name: { zh: '在办案件', en: 'Open cases' },
    unit: 'cases',
    def: {
      zh: '此刻尚未结案的案件数：已发生未发现、待立案、排队、在途、处置中和待核查结案的都算；与积压曲线和地图上的案件点是同一个数。运行结束时为终点时刻的数（补跑之前）。',
      en: 'Cases not yet closed right now: occurred but not found, awaiting filing, queued, staff on the way, being handled, or awaiting verification and closing; the same count as the backlog chart and the cases on the map. At the end of a run, the count at the horizon (before the drain).',
    },
    counts: {
      zh: '所有未结案件，包括预热期间发生的。',
      en: 'every open case, including those that occurred during the warm-up.',
    },
    liveOnly: true,
  },
  casesOpenAfterDrain: {
    name: { zh: '补跑后仍未结案', en: 'Open after drain' },
    unit: 'cases',
    def: {
      zh: '仿真终点后继续补跑最多 24 小时（不再有新案件，排班照常）后仍未结案的案件数。时间类指标不含这些案件；已过时限的判为未达标，其余不判定。',
      en: 'Cases still open after the drain: up to 24 simulated hours past the horizon, with no new cases and rosters going on. Time KPIs leave them out; their SLA verdict is a miss once a deadline has passed, otherwise they have none.',
    },
    counts: { zh: '预热后发生的案件。', en: 'cases that occurred after the warm-up.' },
  },
  slaAttainment: {
    name: { zh: '时限达标率', en: 'SLA attainment' },
    unit: 'percent',
    def: {
      zh: '已判定案件中同时满足两个时限的比例：立案后在响应时限内到场，并且发生后在办结时限内结案。',
      en: 'Share of decided cases that met both deadlines: on scene within the response deadline of filing, and closed within the resolution deadline of occurrence.',
    },
    counts: DECIDED,
  },
  coverageIndex: {
    name: { zh: '覆盖指数', en: 'Coverage index' },
    unit: 'percent',
    def: {
      zh: '在至少有一件已判定案件的“网格×小时”中，时限达标率不低于场景覆盖目标（targets.coverage）的所占比例。',
      en: "Among grid-hours with at least one decided case, the share whose SLA attainment is at or above the scenario's coverage target (targets.coverage).",
    },
    counts: GRID_HOURS,
  },
  gridHourAttainment: {
    name: { zh: '网格小时达标率', en: 'Grid-hour attainment' },
    unit: 'percent',
    def: {
      zh: '覆盖矩阵的一格：在该责任网格、该小时（一天中的时刻）发生的已判定案件中达标的比例。低于目标的格标 ×，没有已判定案件的格留空，预热小时加斜纹（不计入统计）。底行“达标网格 %”是该小时达标网格所占比例，“全天”列下的合计即覆盖指数。',
      en: 'One cell of the coverage matrix: of the decided cases that occurred in that responsibility grid in that hour of the day, the share that met their SLA. Cells below target are marked ×, cells without decided cases are blank, warm-up hours are hatched (not counted). The bottom row, On target %, is the share of grids on target in that hour; its All-day total is the coverage index.',
    },
    counts: GRID_HOURS,
  },
  meanResponseS: RESPONSE.mean,
  p50ResponseS: percentile(RESPONSE, 50),
  p90ResponseS: percentile(RESPONSE, 90),
  p95ResponseS: percentile(RESPONSE, 95),
  meanWaitS: WAIT.mean,
  p50WaitS: percentile(WAIT, 50),
  p90WaitS: percentile(WAIT, 90),
  p95WaitS: percentile(WAIT, 95),
  meanQueueWaitS: QUEUE.mean,
  p90QueueWaitS: percentile(QUEUE, 90),
  meanResolutionS: RESOLUTION.mean,
  p50ResolutionS: percentile(RESOLUTION, 50),
  p90ResolutionS: percentile(RESOLUTION, 90),
  p95ResolutionS: percentile(RESOLUTION, 95),
  utilisation: {
    name: { zh: '人员利用率', en: 'Utilisation' },
    unit: 'percent',
    def: {
      zh: '忙碌的人员时间（已派出、在途、在现场）占排班在岗人员时间的比例。加班计入工时，但不计入此比值。',
      en: 'Busy staff-time (dispatched, travelling, on scene) over rostered on-duty staff-time. Overtime is paid but not in the ratio.',
    },
    counts: STAFF_TIME,
  },
  staffHours: {
    name: { zh: '投入工时', en: 'Staff-hours' },
    unit: 'staffHours',
    def: { zh: '应付工时：排班在岗时数加上加班时数。', en: 'Paid staff-hours: rostered on-duty hours plus overtime.' },
    counts: STAFF_TIME,
  },
  overtimeHours: {
    name: { zh: '加班', en: 'Overtime' },
    unit: 'staffHours',
    def: {
      zh: '下班后继续完成手头案件的人员工时（交班规则为“加班完成”时），计到仿真终点为止。',
      en: "Staff-hours worked past the end of a shift to finish a case in hand (under the 'overtime' shift-end rule), up to the horizon.",
    },
    counts: STAFF_TIME,
  },
  costCny: {
    name: { zh: '人力成本', en: 'Staff cost' },
    unit: 'cny',
    def: {
      zh: '投入工时乘以各队的小时成本（hourlyCostCny）。',
      en: "Staff-hours times each team's hourly cost (hourlyCostCny).",
    },
    counts: STAFF_TIME,
  },
  meanBacklog: {
    name: { zh: '平均积压', en: 'Mean backlog' },
    unit: 'cases',
    def: {
      zh: '已立案、未结案的案件数在预热结束到终点之间的时间平均。与“在办案件”不同，不含尚未发现或尚未立案的案件。',
      en: 'Time-averaged number of cases filed and not yet closed, from the end of the warm-up to the horizon. Unlike Open cases, it leaves out cases not yet found or filed.',
    },
    counts: {
      zh: '所有已立案未结案件，包括预热期间发生的。',
      en: 'every filed, unclosed case, including those that occurred during the warm-up.',
    },
  },
  staffOnDuty: {
    name: { zh: '在岗 / 忙碌', en: 'On duty / busy' },
    unit: 'people',
    def: {
      zh: '此刻在班的人数 / 其中正在赶往或在现场处置案件的人数。',
      en: 'Members on shift right now / of them, those travelling to a case or on scene.',
    },
    counts: {
      zh: '所有队伍的人员；运行结束时为终点时刻的人数。',
      en: 'members of every team; at the end of a run, at the horizon.',
    },
    liveOnly: true,
  },
  warmup: {
    name: { zh: '预热（不计入统计）', en: 'Warm-up (not counted)' },
    unit: 'hours',
    def: {
      zh: '运行开头的 run.warmupHours 小时：系统从空载进入常态。此间发生的案件、工时和积压都不计入任何统计；覆盖矩阵和曲线中以斜纹标出。',
      en: 'The first run.warmupHours of a run, while the system fills from empty. Cases that occur then, staff-time and backlog in it are left out of every statistic; the coverage matrix and the charts hatch it.',
    },
    counts: { zh: '不计入任何案件。', en: 'no case.' },
  },
} satisfies Record<string, GlossaryEntry>;

export type GlossaryKey = keyof typeof GLOSSARY;
export const GLOSSARY_KEYS = Object.keys(GLOSSARY) as GlossaryKey[];

/** An entry by key (typed as the general entry). */
export function glossaryEntry(key: GlossaryKey): GlossaryEntry {
  return GLOSSARY[key];
}

/** The README's glossary table sits between these two lines. */
export const GLOSSARY_BEGIN =
  '<!-- glossary:begin (generated by scripts/glossary-md.ts; edit src/analysis/glossary.ts) -->';
export const GLOSSARY_END = '<!-- glossary:end -->';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The glossary as a Markdown table (the README's "KPI glossary / 指标说明" section holds exactly this). */
export function glossaryMarkdown(): string {
  const rows = [
    '| 键 key | 指标 | KPI | 单位 unit | 定义与计入 | definition, and what it counts |',
    '|---|---|---|---|---|---|',
  ];
  for (const key of GLOSSARY_KEYS) {
    const e: GlossaryEntry = GLOSSARY[key];
    const u = UNIT_LABELS[e.unit];
    const live = e.liveOnly ? { zh: '（仅实时面板）', en: ' (live panel only)' } : { zh: '', en: '' };
    rows.push(
      `| \`${key}\` | ${cell(e.name.zh)}${live.zh} | ${cell(e.name.en)}${live.en} | ${cell(u.zh)} · ${cell(u.en)} | ${cell(e.def.zh)} 计入：${cell(e.counts.zh)} | ${cell(e.def.en)} Counts: ${cell(e.counts.en)} |`,
    );
  }
  return `${rows.join('\n')}\n`;
}
