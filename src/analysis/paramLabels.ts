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
