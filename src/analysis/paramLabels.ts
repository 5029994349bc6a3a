/**
 * Names for override paths, as a planner reads them.
 *
 * Sweeps and comparisons are keyed by override paths (overrides.ts):
 * `teams.grid-workers.shifts.0.staff`, `city.gridSize`, `nightStaff`. Those
 * are exact and what the CLI takes, but a table header should say what
 * varies: "网格员 · 班次 08:00–16:00 人数（每网格）/ Grid workers · shift
 * 08:00–16:00 staff per grid", "网格大小 / Grid size". `paramLabel` gives
 * that name in Chinese and English, reading team and event-type names and
 * shift times from the scenario when it has one; a path it does not know
 * keeps the path itself, so a label is never wrong, only plain.
 *
 * This module sits below the app and the UI (floor 1) so that both, and the
 * CLI, share one wording. Pure.
 */
import type { Scenario } from '../scenario/schema.ts';
import { shiftCovers } from './overrides.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

const FIXED: Record<string, Bilingual> = {
  'city.gridSize': { zh: '网格大小', en: 'Grid size' },
  'city.mergeToGrids': { zh: '合并到网格数', en: 'Grids after merging' },
  'dispatch.policy': { zh: '派遣策略', en: 'Dispatch policy' },
  'dispatch.order': { zh: '派遣顺序', en: 'Dispatch order' },
  'dispatch.preemption': { zh: '抢占', en: 'Preemption' },
  'dispatch.neighbourWaitMin': { zh: '邻格支援等待（分钟）', en: 'Wait before neighbours help (min)' },
  'targets.coverage': { zh: '覆盖标准', en: 'Coverage standard' },
  'run.days': { zh: '天数', en: 'Days' },
  staffScale: { zh: '人数系数（所有班次）', en: 'Staff factor (every shift)' },
  nightStaff: { zh: '02:00 在岗班次人数（所有队伍）', en: 'Staff of shifts on duty at 02:00 (all teams)' },
  holdHeadcount: { zh: '保持在岗人数', en: 'Hold headcount' },
};

const TEAM_FIELDS: Record<string, Bilingual> = {
  shiftEnd: { zh: '交班规则', en: 'shift-end rule' },
  placement: { zh: '排班方式', en: 'placement' },
  hourlyCostCny: { zh: '小时成本（元）', en: 'hourly cost (CNY)' },
  mode: { zh: '出行方式', en: 'travel mode' },
  speedKmh: { zh: '速度（km/h）', en: 'speed (km/h)' },
  patrol: { zh: '空闲巡查', en: 'patrol when idle' },
};

const TYPE_FIELDS: Record<string, Bilingual> = {
  ratePerDay: { zh: '日均案件数', en: 'cases per day' },
  responseDeadlineMin: { zh: '响应时限（分钟）', en: 'response deadline (min)' },
  resolutionDeadlineMin: { zh: '办结时限（分钟）', en: 'resolution deadline (min)' },
  crew: { zh: '出动人数', en: 'crew size' },
  priority: { zh: '优先级', en: 'priority' },
};

/** An element of an array found as overrides.ts finds it: by id first, else by index. */
function byIdOrIndex<T extends { id: string }>(
  xs: readonly T[] | undefined,
  seg: string,
): { item: T; index: number } | null {
  if (!xs) return null;
  const i = xs.findIndex((x) => x.id === seg);
  if (i >= 0) return { item: xs[i], index: i };
  if (/^\d+$/.test(seg) && Number(seg) < xs.length) return { item: xs[Number(seg)], index: Number(seg) };
  return null;
}

/** What a shift is called: "班次 08:00–16:00" / "shift 08:00–16:00". */
export function shiftLabel(sh: { start: string; end: string }): Bilingual {
  return { zh: `班次 ${sh.start}–${sh.end}`, en: `shift ${sh.start}–${sh.end}` };
}

/** The planner's name of an override path (or named convenience), in both languages. */
export function paramLabel(path: string, sc?: Scenario | null): Bilingual {
  // own keys only: a path from outside may say `__proto__` or `constructor`
  if (Object.hasOwn(FIXED, path)) return FIXED[path];
  const seg = path.split('.');
  if (seg[0] === 'teams' && seg.length >= 3) {
    const team = byIdOrIndex(sc?.teams, seg[1]);
    const name = team ? team.item.name : { zh: seg[1], en: seg[1] };
    if (seg[2] === 'shifts' && seg.length === 5 && seg[4] === 'staff') {
      const sh = team?.item.shifts[Number(seg[3])];
      const when = sh ? shiftLabel(sh) : { zh: `班次 ${seg[3]}`, en: `shift ${seg[3]}` };
      const perGrid = team?.item.placement === 'perGrid' && !team.item.station;
      return {
        zh: `${name.zh} · ${when.zh} 人数${perGrid ? '（每网格）' : ''}`,
        en: `${name.en} · ${when.en} staff${perGrid ? ' per grid' : ''}`,
      };
    }
    if (seg.length === 3 && Object.hasOwn(TEAM_FIELDS, seg[2])) {
      return { zh: `${name.zh} · ${TEAM_FIELDS[seg[2]].zh}`, en: `${name.en} · ${TEAM_FIELDS[seg[2]].en}` };
    }
  }
  if (seg[0] === 'eventTypes' && seg.length === 3 && Object.hasOwn(TYPE_FIELDS, seg[2])) {
    const type = byIdOrIndex(sc?.eventTypes, seg[1]);
    const name = type ? type.item.name : { zh: seg[1], en: seg[1] };
    return { zh: `${name.zh} · ${TYPE_FIELDS[seg[2]].zh}`, en: `${name.en} · ${TYPE_FIELDS[seg[2]].en}` };
  }
  return { zh: path, en: path };
}

/**
 * The values planners choose among, in words: dispatch policies, dispatch
 * orders, shift-end rules, placements and travel modes. The one source: the
 * app's dictionaries take `policy.*`, `order.*` and `shiftEnd.*` from here
 * (src/i18n/shared.ts), and overrides are shown with them (`overrideLabel`).
 */
export const POLICY_LABELS = {
  gridBound: { zh: '网格专属', en: 'Grid-bound' },
  nearest: { zh: '就近派遣', en: 'Nearest available' },
  gridFirst: { zh: '本网格优先', en: 'Own grid first' },
} satisfies Record<string, Bilingual>;
export const ORDER_LABELS = {
  fifo: { zh: '先到先办', en: 'First come first served' },
  priority: { zh: '按优先级', en: 'By priority' },
  easyFirst: { zh: '易办先办（刷分）', en: 'Easy first (score gaming)' },
} satisfies Record<string, Bilingual>;
export const SHIFT_END_LABELS = {
  overtime: { zh: '加班办完', en: 'Finish as overtime' },
  handover: { zh: '交接班', en: 'Hand over' },
} satisfies Record<string, Bilingual>;
const PLACEMENT_LABELS: Record<string, Bilingual> = {
  perGrid: { zh: '按网格排班', en: 'per grid' },
  spread: { zh: '分散布设', en: 'spread' },
  pooled: { zh: '集中调度', en: 'pooled' },
};
const MODE_LABELS: Record<string, Bilingual> = {
  walk: { zh: '步行', en: 'on foot' },
  ebike: { zh: '电动车', en: 'e-bike' },
  vehicle: { zh: '机动车', en: 'vehicle' },
};

const known = (table: Readonly<Record<string, Bilingual>>, id: string): Bilingual =>
  Object.hasOwn(table, id) ? table[id] : { zh: id, en: id };

/** A dispatch policy in words ("nearest" → 就近派遣 / Nearest available); an unknown id as written. */
export function policyLabel(id: string): Bilingual {
  return known(POLICY_LABELS, id);
}

/**
 * An override's value in words, by what its path sets: a policy, an order, a
 * shift-end rule, a placement or a travel mode by name, yes/no for a switch;
 * a number or any other text as written.
 */
export function valueLabel(path: string, value: unknown): Bilingual {
  const last = path.split('.').pop() ?? '';
  if (typeof value === 'string') {
    if (path === 'dispatch.policy') return policyLabel(value);
    if (path === 'dispatch.order') return known(ORDER_LABELS, value);
    if (last === 'shiftEnd') return known(SHIFT_END_LABELS, value);
    if (last === 'placement') return known(PLACEMENT_LABELS, value);
    if (last === 'mode') return known(MODE_LABELS, value);
    return { zh: value, en: value };
  }
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  const t = typeof value === 'number' ? String(value) : JSON.stringify(value);
  return { zh: t, en: t };
}

/** "派遣策略 = 就近派遣" / "Dispatch policy = Nearest available": an override's field and value in words. */
export function overrideLabel(path: string, value: unknown, sc?: Scenario | null, name?: Bilingual): Bilingual {
  const n = name ?? paramLabel(path, sc);
  const v = valueLabel(path, value);
  return { zh: `${n.zh} = ${v.zh}`, en: `${n.en} = ${v.en}` };
}

/** One shift that `nightStaff` sets. */
export interface NightShift {
  team: string;
  name: Bilingual;
  shift: number;
  start: string;
  end: string;
  /** Current staff (per grid when perGrid). */
  staff: number;
  perGrid: boolean;
}

/** Every shift `nightStaff` sets in a scenario: those on duty at 02:00, of every team (the same rule overrides.ts applies). */
export function nightStaffShifts(sc: Scenario): NightShift[] {
  const out: NightShift[] = [];
  for (const team of sc.teams) {
    team.shifts.forEach((sh, i) => {
      if (!shiftCovers(sh.start, sh.end, 120)) return;
      out.push({
        team: team.id,
        name: team.name,
        shift: i,
        start: sh.start,
        end: sh.end,
        staff: sh.staff,
        perGrid: team.placement === 'perGrid' && !team.station,
      });
    });
  }
  return out;
}

/** "nightStaff sets: 网格员 00:00–08:00（每网格）, …" in both languages; empty strings when no shift is on duty at 02:00. */
export function nightStaffHelp(sc: Scenario): Bilingual {
  const shifts = nightStaffShifts(sc);
  if (shifts.length === 0) return { zh: '', en: '' };
  return {
    zh: `同时设定以下 ${shifts.length} 个班次的人数：${shifts.map((s) => `${s.name.zh} ${s.start}–${s.end}${s.perGrid ? '（每网格）' : ''}`).join('、')}`,
    en: `Sets the staff of these ${shifts.length} shifts at once: ${shifts.map((s) => `${s.name.en} ${s.start}–${s.end}${s.perGrid ? ' (per grid)' : ''}`).join(', ')}`,
  };
}

/** Names of scenario fields seen in editor errors (a field not listed keeps its key). */
const FIELD_NAMES: Record<string, Bilingual> = {
  staff: { zh: '人数', en: 'staff' },
  start: { zh: '开始时间', en: 'start' },
  end: { zh: '结束时间', en: 'end' },
  skills: { zh: '技能', en: 'skills' },
  name: { zh: '名称', en: 'name' },
  id: { zh: '编号', en: 'id' },
  gridSize: { zh: '网格大小', en: 'grid size' },
  mergeToGrids: { zh: '合并到网格数', en: 'grids after merging' },
  coverage: { zh: '覆盖标准', en: 'coverage standard' },
  policy: { zh: '派遣策略', en: 'dispatch policy' },
  days: { zh: '天数', en: 'days' },
  warmupHours: { zh: '预热小时数', en: 'warm-up hours' },
  ...TEAM_FIELDS,
  ...TYPE_FIELDS,
};

const SECTIONS: Record<string, Bilingual> = {
  city: { zh: '城市', en: 'City' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  targets: { zh: '目标', en: 'Targets' },
  run: { zh: '运行', en: 'Run' },
  teams: { zh: '队伍', en: 'Team' },
  eventTypes: { zh: '事件类型', en: 'Event type' },
  shifts: { zh: '班次', en: 'shift' },
};

/**
 * A field's name from the JSON path of a validation error, as a planner reads
 * it: `$.teams[1].shifts[0].staff` → "城管执法 · 班次 08:00–16:00 人数 /
 * Enforcement · shift 08:00–16:00 staff" (team and shift named from the
 * scenario when it has them, else "队伍 2 · 第 1 班 人数"); null for the root.
 */
export function fieldLabel(jsonPath: string, sc?: Scenario | null): Bilingual | null {
  const seg = jsonPath
    .replace(/^\$\.?/, '')
    .split(/\.|\[(\d+)\]/)
    .filter((s) => s !== undefined && s !== '');
  if (seg.length === 0) return null;
  const joined = seg.join('.');
  if (Object.hasOwn(FIXED, joined) || sc) {
    const direct = paramLabel(joined, sc);
    if (direct.en !== joined) return direct;
  }
  const zh: string[] = [],
    en: string[] = [];
  let i = 0;
  while (i < seg.length) {
    const s = seg[i],
      next = seg[i + 1];
    if ((s === 'teams' || s === 'eventTypes') && next !== undefined && /^\d+$/.test(next)) {
      const item = (s === 'teams' ? sc?.teams : sc?.eventTypes)?.[Number(next)];
      zh.push(item ? item.name.zh : `${SECTIONS[s].zh} ${Number(next) + 1}`);
      en.push(item ? item.name.en : `${SECTIONS[s].en} ${Number(next) + 1}`);
      i += 2;
      continue;
    }
    if (s === 'shifts' && next !== undefined && /^\d+$/.test(next)) {
      const team = seg[0] === 'teams' ? sc?.teams[Number(seg[1])] : undefined;
      const sh = team?.shifts[Number(next)];
      const l = sh ? shiftLabel(sh) : { zh: `第 ${Number(next) + 1} 班`, en: `shift ${Number(next) + 1}` };
      zh.push(l.zh);
      en.push(l.en);
      i += 2;
      continue;
    }
    if (/^\d+$/.test(s)) {
      zh.push(`第 ${Number(s) + 1} 项`);
      en.push(`item ${Number(s) + 1}`);
    } else {
      const f = Object.hasOwn(FIELD_NAMES, s) ? FIELD_NAMES[s] : Object.hasOwn(SECTIONS, s) ? SECTIONS[s] : null;
      zh.push(f ? f.zh : s);
      en.push(f ? f.en : s);
    }
    i++;
  }
  return { zh: zh.join(' · '), en: en.join(' · ') };
}

const isLabel = (x: unknown): x is Bilingual =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Bilingual).zh === 'string' &&
  typeof (x as Bilingual).en === 'string';

/**
 * What `fieldLabel` needs of a draft that may not validate: its teams and
 * event types with an id and a bilingual name, and shifts with their times
 * (anything else dropped), so an error in a broken draft is still named.
 */
export function namesOfDraft(draft: unknown): Scenario | null {
  if (typeof draft !== 'object' || draft === null) return null;
  const d = draft as Record<string, unknown>;
  const list = (x: unknown) => (Array.isArray(x) ? (x as unknown[]) : []);
  const named = (x: unknown, i: number) => {
    const o = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
    return {
      ...o,
      id: typeof o.id === 'string' ? o.id : String(i),
      name: isLabel(o.name)
        ? o.name
        : { zh: typeof o.id === 'string' ? o.id : `${i + 1}`, en: typeof o.id === 'string' ? o.id : `${i + 1}` },
    };
  };
  const teams = list(d.teams).map((x, i) => {
    const t = named(x, i) as Record<string, unknown>;
    const shifts = list(t.shifts).map((sh) => {
      const s = (typeof sh === 'object' && sh !== null ? sh : {}) as Record<string, unknown>;
      return {
        start: typeof s.start === 'string' ? s.start : '?',
        end: typeof s.end === 'string' ? s.end : '?',
        staff: 0,
      };
    });
    return { ...t, shifts };
  });
  return { ...d, teams, eventTypes: list(d.eventTypes).map(named) } as unknown as Scenario;
}
