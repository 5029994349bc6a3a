/**
 * Cross-field checks: what zod's per-field schema cannot see.
 *
 * These run after `Scenario.safeParse` has succeeded, on the parsed scenario
 * (defaults filled in). Each finds a scenario that is well-typed but cannot
 * mean what its author wanted, and says so with the JSON path of the field to
 * change:
 *
 * - the responsibility-grid size must divide the city (`$.city.gridSize`);
 * - merging an imported district's grids to a count (`$.city.mergeToGrids`) needs its layout and grid size 1;
 * - zones, stations and districts must lie inside the city;
 * - ids must be unique within event types, teams, stations and districts;
 * - a shift must end after it starts ("22:00" → "06:00" needs "06:00+1") and
 *   last at most 24 hours;
 * - every event type's skill must be held by some team, and every team must
 *   hold some skill that an event type needs;
 * - an event's crew must fit the largest number of staff ever on duty;
 * - distributions must be well-formed (min ≤ mode ≤ max);
 * - an event type with a positive rate needs a profile that is not all zero,
 *   a discovery channel with a positive share, and somewhere to happen
 *   (`only: "station"` needs stations);
 * - the warm-up must be shorter than the run;
 * - a replayed case log (`trace`, `run.arrivals: "trace"`) names known event types and cells inside the city;
 * - metro: stations named by teams and surges must exist, security-lane teams
 *   need a station, two stations cannot share a cell, at most one event type
 *   is the crowd incident;
 * - size (limits.ts): at most 1,000,000 cells, 50,000 responsibility grids
 *   and 100,000 rostered staff (a perGrid shift counts once per grid), so a
 *   valid-looking file cannot build a city no machine can hold.
 *
 * A team with zero staff on every shift is allowed: it is how a planner
 * switches a team off in a what-if.
 *
 * Pure: no I/O, no clock, no randomness.
 */
import type { Dist, Runs, Scenario } from './schema.ts';
import { LAND_USES } from './schema.ts';
import { decodeRuns, gridCount, runsLength } from './runs.ts';
import { cityGridCount } from './gridShape.ts';
import { formatPath, type ScenarioError } from './messages.ts';
import { LIMITS } from './limits.ts';

type Path = readonly (string | number)[];

/** Every cross-field problem in `s`, grouped by check; an empty list means the scenario is usable. */
export function validateScenario(s: Scenario): ScenarioError[] {
  const size = checkSize(s);
  // a city too big to hold is reported alone: the other checks would walk it
  if (size.some((e) => e.code === 'city_too_large')) return size;
  const grid = checkGrid(s);
  // staff per grid are counted over the grids a run builds (an imported district merged or regrouped), once the
  // layout is known to decode and its own grids are within the limit; a refused grid count counts no staff
  const tooManyGrids = size.some((e) => e.code === 'too_many_grids');
  const grids = grid.length === 0 && !tooManyGrids ? cityGridCount(s.city) : gridCount(s.city);
  return [
    ...size,
    ...(tooManyGrids ? [] : checkStaffTotal(s, grids)),
    ...grid,
    ...checkInsideCity(s),
    ...checkDuplicateIds(s),
    ...checkRun(s),
    ...checkEventTypes(s),
    ...checkShifts(s),
    ...checkSkills(s),
    ...checkCrews(s, grids),
    ...checkDists(s),
    ...checkMetro(s),
    ...checkTrace(s),
  ];
}

function err(path: Path, code: string, zh: string, en: string): ScenarioError {
  return { path: formatPath(path), code, zh, en };
}

const list = (xs: readonly unknown[], zh: boolean) => xs.map((x) => `"${x}"`).join(zh ? '、' : ', ');

// ---------------------------------------------------------------------------
// City

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function checkGrid(s: Scenario): ScenarioError[] {
  const { cols, rows, gridSize: k } = s.city;
  if (s.city.mergeToGrids !== undefined && !s.city.layout) {
    return [
      err(
        ['city', 'mergeToGrids'],
        'merge_without_layout',
        `city.mergeToGrids（合并到 ${s.city.mergeToGrids} 个网格）只用于导入的辖区（需要 city.layout）；k × k 网格请改 city.gridSize`,
        `city.mergeToGrids (merge to ${s.city.mergeToGrids} grids) applies to an imported district only (it needs city.layout); for k × k grids change city.gridSize`,
      ),
    ];
  }
  if (s.city.mergeToGrids !== undefined && k > 1) {
    return [
      err(
        ['city', 'mergeToGrids'],
        'merge_with_grid_size',
        `city.mergeToGrids 合并的是辖区自己的网格，不能与 city.gridSize ${k}（k × k 重组）同时使用；请把 gridSize 设为 1 或去掉 mergeToGrids`,
        `city.mergeToGrids merges the district's own grids and cannot be combined with city.gridSize ${k} (k × k regrouping); set gridSize to 1 or leave mergeToGrids out`,
      ),
      ...checkLayout(s),
    ];
  }
  if (s.city.layout) return checkLayout(s);
  if (cols % k === 0 && rows % k === 0) return [];
  const g = gcd(cols, rows);
  const ok: number[] = [];
  for (let d = 1; d <= g; d++) if (g % d === 0) ok.push(d);
  return [
    err(
      ['city', 'gridSize'],
      'grid_size_not_dividing',
      `网格边长 ${k} 必须同时整除城市列数 ${cols} 和行数 ${rows}（余数 ${cols % k} 和 ${rows % k}）；可选：${ok.join('、')}`,
      `grid size ${k} must divide both cols ${cols} and rows ${rows} (remainders ${cols % k} and ${rows % k}); valid sizes: ${ok.join(', ')}`,
    ),
  ];
}

const n0 = (x: number) => x.toLocaleString('en-US');

/**
 * An imported district's layout: every raster covers the city exactly, grid indices and land uses are in range,
 * flags are 0/1, every grid has a cell, grid codes are unique, communities name known streets and grids known
 * communities, and stations stand inside the district.
 */
function checkLayout(s: Scenario): ScenarioError[] {
  const lay = s.city.layout!;
  const { cols, rows } = s.city;
  const n = cols * rows;
  const out: ScenarioError[] = [];
  const rasters: [string, Runs | undefined, number, number, string, string][] = [
    ['grid', lay.grid, -1, lay.grids.length - 1, '网格序号', 'grid index'],
    ['landUse', lay.landUse, 0, LAND_USES.length - 1, '用地类型序号', 'land-use index'],
    ['lowLying', lay.lowLying, 0, 1, '低洼标志', 'low-lying flag'],
    ['bridge', lay.bridge, 0, 1, '桥梁标志', 'bridge flag'],
  ];
  for (const [key, runs, lo, hi, zh, en] of rasters) {
    if (!runs) continue;
    const total = runsLength(runs);
    if (total !== n) {
      out.push(
        err(
          ['city', 'layout', key],
          'layout_length',
          `city.layout.${key} 覆盖 ${n0(total)} 个单元网格，应为 cols × rows = ${n0(n)}`,
          `city.layout.${key} covers ${n0(total)} cells; it must cover cols × rows = ${n0(n)}`,
        ),
      );
    }
    const bad = runs.findIndex(([v]) => v < lo || v > hi);
    if (bad >= 0) {
      out.push(
        err(
          ['city', 'layout', key, bad, 0],
          'layout_value',
          `${zh} ${runs[bad][0]} 超出范围 ${lo}–${hi}`,
          `${en} ${runs[bad][0]} is out of range ${lo}–${hi}`,
        ),
      );
    }
  }
  if (out.length > 0) return out;
  const cells = decodeRuns(lay.grid, n, -1);
  const count = new Int32Array(lay.grids.length);
  for (let i = 0; i < n; i++) if (cells[i] >= 0) count[cells[i]]++;
  const empty = count.findIndex((c) => c === 0);
  if (empty >= 0) {
    out.push(
      err(
        ['city', 'layout', 'grids', empty],
        'grid_without_cells',
        `网格 "${lay.grids[empty].code}" 没有任何单元网格`,
        `grid "${lay.grids[empty].code}" has no cell`,
      ),
    );
  }
  const seen = new Map<string, number>();
  lay.grids.forEach((g, i) => {
    if (seen.has(g.code)) {
      out.push(
        err(
          ['city', 'layout', 'grids', i, 'code'],
          'duplicate_grid_code',
          `网格编码 "${g.code}" 重复（第 ${seen.get(g.code)! + 1} 个网格已使用）`,
          `grid code "${g.code}" is used twice (grid ${seen.get(g.code)! + 1} has it too)`,
        ),
      );
    } else seen.set(g.code, i);
  });
  const h = s.city.hierarchy;
  const streets = new Set((h?.streets ?? []).map((st) => st.code));
  const communities = new Set((h?.communities ?? []).map((c) => c.code));
  (h?.communities ?? []).forEach((c, i) => {
    if (!streets.has(c.street)) {
      out.push(
        err(
          ['city', 'hierarchy', 'communities', i, 'street'],
          'unknown_street',
          `社区 "${c.code}" 所属街道 "${c.street}" 不在 city.hierarchy.streets 中`,
          `community "${c.code}" names street "${c.street}", which is not in city.hierarchy.streets`,
        ),
      );
    }
  });
  lay.grids.forEach((g, i) => {
    if (g.community !== undefined && !communities.has(g.community)) {
      out.push(
        err(
          ['city', 'layout', 'grids', i, 'community'],
          'unknown_community',
          `网格 "${g.code}" 所属社区 "${g.community}" 不在 city.hierarchy.communities 中`,
          `grid "${g.code}" names community "${g.community}", which is not in city.hierarchy.communities`,
        ),
      );
    }
  });
  s.city.stations.forEach((st, i) => {
    if (st.x < cols && st.y < rows && cells[st.y * cols + st.x] < 0) {
      out.push(
        err(
          ['city', 'stations', i],
          'station_outside_district',
          `车站 "${st.id}" 位于辖区之外的单元网格 (${st.x}, ${st.y})`,
          `station "${st.id}" stands in a cell outside the district (${st.x}, ${st.y})`,
        ),
      );
    }
  });
  return out;
}

/** Rostered staff members of a team: every shift, a perGrid shift once per grid (a station-based team stays at its station). */
export function rosteredStaff(team: Scenario['teams'][number], grids: number): number {
  const perGrid = team.placement === 'perGrid' && team.station === undefined;
  return team.shifts.reduce((n, sh) => n + sh.staff * (perGrid ? grids : 1), 0);
}

function checkSize(s: Scenario): ScenarioError[] {
  const { cols, rows, gridSize: k } = s.city;
  const cells = cols * rows;
  if (cells > LIMITS.cells) {
    return [
      err(
        ['city'],
        'city_too_large',
        `城市 ${cols} × ${rows} = ${n0(cells)} 个单元网格，超过上限 ${n0(LIMITS.cells)}；请缩小 cols/rows（或加大 cellSizeM 用更粗的单元）`,
        `the city has ${cols} × ${rows} = ${n0(cells)} cells, over the limit of ${n0(LIMITS.cells)}; make cols/rows smaller (or cellSizeM larger, for coarser cells)`,
      ),
    ];
  }
  const grids = gridCount(s.city);
  const out: ScenarioError[] = [];
  if (grids > LIMITS.grids) {
    out.push(
      err(
        ['city', 'gridSize'],
        'too_many_grids',
        `网格边长 ${k} 把城市分成 ${n0(grids)} 个责任网格，超过上限 ${n0(LIMITS.grids)}；请加大 gridSize（至少 ${Math.ceil(Math.sqrt(cells / LIMITS.grids))}）`,
        `grid size ${k} cuts the city into ${n0(grids)} responsibility grids, over the limit of ${n0(LIMITS.grids)}; use a larger gridSize (at least ${Math.ceil(Math.sqrt(cells / LIMITS.grids))})`,
      ),
    );
  }
  return out;
}

/** All teams' rostered staff within the limit, `grids` the grids a run builds. */
function checkStaffTotal(s: Scenario, grids: number): ScenarioError[] {
  const out: ScenarioError[] = [];
  const perTeam = s.teams.map((t) => rosteredStaff(t, grids));
  const total = perTeam.reduce((a, b) => a + b, 0);
  if (total > LIMITS.staffTotal) {
    const i = perTeam.indexOf(Math.max(...perTeam));
    const t = s.teams[i];
    const perGrid = t.placement === 'perGrid' && t.station === undefined;
    out.push(
      err(
        ['teams', i, 'shifts'],
        'too_many_staff',
        `全部队伍共排班 ${n0(total)} 人，超过上限 ${n0(LIMITS.staffTotal)}；其中本队 ${n0(perTeam[i])} 人${perGrid ? `（按网格排班：每班人数 × ${n0(grids)} 个网格）` : ''}`,
        `the teams roster ${n0(total)} staff in all, over the limit of ${n0(LIMITS.staffTotal)}; this team alone has ${n0(perTeam[i])}${perGrid ? ` (placed per grid: staff per shift × ${n0(grids)} grids)` : ''}`,
      ),
    );
  }
  return out;
}

function checkRect(
  base: Path,
  r: { x: number; y: number; w?: number; h?: number },
  cols: number,
  rows: number,
): ScenarioError[] {
  const out: ScenarioError[] = [];
  const w = r.w ?? 1;
  const h = r.h ?? 1;
  const axes = [
    { pos: 'x', size: 'w', p: r.x, n: w, limit: cols, zh: '列数', en: 'cols' },
    { pos: 'y', size: 'h', p: r.y, n: h, limit: rows, zh: '行数', en: 'rows' },
  ] as const;
  for (const a of axes) {
    if (a.p >= a.limit) {
      out.push(
        err(
          [...base, a.pos],
          'outside_city',
          `${a.pos} = ${a.p} 超出城市范围（${a.zh} ${a.limit}，坐标应在 0..${a.limit - 1}）`,
          `${a.pos} = ${a.p} is outside the city (${a.en} ${a.limit}, valid 0..${a.limit - 1})`,
        ),
      );
    } else if (r.w !== undefined && a.p + a.n > a.limit) {
      out.push(
        err(
          [...base, a.size],
          'outside_city',
          `超出城市范围：${a.pos} + ${a.size} = ${a.p + a.n} > ${a.zh} ${a.limit}（${a.size} 最大为 ${a.limit - a.p}）`,
          `extends outside the city: ${a.pos} + ${a.size} = ${a.p + a.n} > ${a.en} ${a.limit} (${a.size} at most ${a.limit - a.p})`,
        ),
      );
    }
  }
  return out;
}

function checkInsideCity(s: Scenario): ScenarioError[] {
  const { cols, rows, zones, stations, districts } = s.city;
  return [
    ...zones.flatMap((z, i) => checkRect(['city', 'zones', i], z, cols, rows)),
    ...stations.flatMap((st, i) => checkRect(['city', 'stations', i], { x: st.x, y: st.y }, cols, rows)),
    ...districts.flatMap((d, i) => checkRect(['city', 'districts', i], d, cols, rows)),
  ];
}

function checkDuplicateIds(s: Scenario): ScenarioError[] {
  const lists: [Path, readonly { id: string }[]][] = [
    [['eventTypes'], s.eventTypes],
    [['teams'], s.teams],
    [['city', 'stations'], s.city.stations],
    [['city', 'districts'], s.city.districts],
  ];
  const out: ScenarioError[] = [];
  for (const [base, items] of lists) {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const j = first.get(item.id);
      if (j === undefined) {
        first.set(item.id, i);
        return;
      }
      const firstPath = formatPath([...base, j, 'id']);
      out.push(
        err(
          [...base, i, 'id'],
          'duplicate_id',
          `id "${item.id}" 重复（已用于 ${firstPath}）；同一列表中的 id 必须唯一`,
          `duplicate id "${item.id}" (already used by ${firstPath}); ids must be unique within a list`,
        ),
      );
    });
  }
  return out;
}

function checkRun(s: Scenario): ScenarioError[] {
  const hours = s.run.days * 24;
  if (s.run.warmupHours < hours) return [];
  return [
    err(
      ['run', 'warmupHours'],
      'warmup_too_long',
      `预热 ${s.run.warmupHours} 小时不短于运行总时长 ${hours} 小时，统计将为空`,
      `warm-up of ${s.run.warmupHours} h is not shorter than the run (${hours} h); nothing would be measured`,
    ),
  ];
}

// ---------------------------------------------------------------------------
// Event types

function checkEventTypes(s: Scenario): ScenarioError[] {
  const out: ScenarioError[] = [];
  const hasLowLying =
    s.city.zones.some((z) => z.lowLying === true) || (s.city.layout?.lowLying ?? []).some(([v]) => v === 1);
  s.eventTypes.forEach((et, i) => {
    if (et.ratePerDay <= 0) return;
    if (et.profile && et.profile.reduce((a, b) => a + b, 0) === 0) {
      out.push(
        err(
          ['eventTypes', i, 'profile'],
          'profile_all_zero',
          `到达曲线全为 0，但 ratePerDay = ${et.ratePerDay} > 0：事件无时可发生；请至少给一个小时正权重，或把 ratePerDay 设为 0`,
          `the arrival profile is all zero but ratePerDay = ${et.ratePerDay} > 0: there is no hour for events to happen; give some hour a positive weight or set ratePerDay to 0`,
        ),
      );
    }
    const d = et.discovery;
    if (d.patrol + d.citizen + d.sensor === 0) {
      out.push(
        err(
          ['eventTypes', i, 'discovery'],
          'discovery_all_zero',
          '巡查 (patrol)、市民 (citizen)、传感器 (sensor) 三种发现渠道的份额全为 0，事件永远不会被发现',
          'the patrol, citizen and sensor shares are all zero, so these events would never be discovered',
        ),
      );
    }
    const only = et.weights.only;
    if ((only === 'station' && s.city.stations.length === 0) || (only === 'lowLying' && !hasLowLying)) {
      const [zh, en] = only === 'station' ? ['地铁站', 'station'] : ['低洼（lowLying）', 'low-lying'];
      out.push(
        err(
          ['eventTypes', i, 'weights', 'only'],
          'no_cells_for_event',
          `只允许发生在${zh}单元，但城市中没有这样的单元`,
          `may only happen in ${en} cells, but the city has none`,
        ),
      );
    }
  });
  return out;
}

// ---------------------------------------------------------------------------
// Shifts

/** "HH:MM" or "HH:MM+1" → minutes after the start of the first day (+1 adds 1440); null if malformed or past 24:00. */
export function parseTimeOfDay(t: string): { minutes: number; nextDay: boolean } | null {
  const m = /^(\d{2}):(\d{2})(\+1)?$/.exec(t);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) return null;
  const nextDay = m[3] !== undefined;
  return { minutes: h * 60 + min + (nextDay ? 1440 : 0), nextDay };
}

/** A shift's start and end in minutes from the start of its day; end > start for a valid shift. */
export function shiftSpanMin(shift: { start: string; end: string }): { startMin: number; endMin: number } | null {
  const a = parseTimeOfDay(shift.start);
  const b = parseTimeOfDay(shift.end);
  return a && b ? { startMin: a.minutes, endMin: b.minutes } : null;
}

function checkShifts(s: Scenario): ScenarioError[] {
  const out: ScenarioError[] = [];
  s.teams.forEach((team, i) => {
    team.shifts.forEach((sh, j) => {
      const base = ['teams', i, 'shifts', j] as const;
      const a = parseTimeOfDay(sh.start);
      const b = parseTimeOfDay(sh.end);
      for (const [key, t, v] of [
        ['start', sh.start, a],
        ['end', sh.end, b],
      ] as const) {
        if (v === null) {
          out.push(
            err(
              [...base, key],
              'time_out_of_range',
              `时间 "${t}" 超出范围：24 点只能写作 "24:00"`,
              `time "${t}" is out of range: the only time in hour 24 is "24:00"`,
            ),
          );
        }
      }
      if (!a || !b) return;
      if (a.nextDay) {
        out.push(
          err(
            [...base, 'start'],
            'shift_start_next_day',
            `开始时间 "${sh.start}" 不应带 +1；跨过午夜的班次请把 +1 写在结束时间上`,
            `start "${sh.start}" must not carry +1; for a shift that crosses midnight put +1 on the end`,
          ),
        );
        return;
      }
      if (b.minutes <= a.minutes) {
        const fix = !b.nextDay && b.minutes < a.minutes;
        out.push(
          err(
            [...base, 'end'],
            'shift_end_before_start',
            fix
              ? `结束时间 "${sh.end}" 早于开始时间 "${sh.start}"；若班次跨过午夜，请写作 "${sh.end}+1"`
              : `结束时间 "${sh.end}" 不晚于开始时间 "${sh.start}"，班次长度为 0`,
            fix
              ? `end "${sh.end}" is before start "${sh.start}"; if the shift crosses midnight, write "${sh.end}+1"`
              : `end "${sh.end}" is not after start "${sh.start}": the shift is empty`,
          ),
        );
        return;
      }
      const len = b.minutes - a.minutes;
      if (len > 1440) {
        out.push(
          err(
            [...base, 'end'],
            'shift_too_long',
            `班次从 "${sh.start}" 到 "${sh.end}" 共 ${len / 60} 小时，超过 24 小时`,
            `the shift from "${sh.start}" to "${sh.end}" lasts ${len / 60} h, more than 24 h`,
          ),
        );
      }
    });
  });
  return out;
}

// ---------------------------------------------------------------------------
// Skills and crews

function checkSkills(s: Scenario): ScenarioError[] {
  const out: ScenarioError[] = [];
  // Security-lane staff open lanes at their station; they are never dispatched to cases.
  const field = s.teams.filter((t) => t.role !== 'securityLanes');
  const held = new Set(field.flatMap((t) => t.skills));
  const needed = new Set(s.eventTypes.map((e) => e.skill));
  s.eventTypes.forEach((et, i) => {
    if (held.has(et.skill)) return;
    out.push(
      err(
        ['eventTypes', i, 'skill'],
        'skill_without_team',
        `没有任何队伍具备技能 "${et.skill}"，此类事件将无人处置；请把它加入某个队伍的 skills（现有技能：${list([...held], true)}）`,
        `no team has skill "${et.skill}", so these events can never be handled; add it to some team's skills (skills held: ${list([...held], false)})`,
      ),
    );
  });
  s.teams.forEach((team, i) => {
    if (team.role === 'securityLanes' || team.skills.some((k) => needed.has(k))) return;
    out.push(
      err(
        ['teams', i, 'skills'],
        'team_skill_unused',
        `该队伍的技能 ${list(team.skills, true)} 没有任何事件类型需要，队伍将始终闲置（事件需要的技能：${list([...needed], true)}）`,
        `no event type needs any of this team's skills ${list(team.skills, false)}, so the team would always be idle (skills needed: ${list([...needed], false)})`,
      ),
    );
  });
  return out;
}

/** The most staff of `team` ever on duty at once in the whole city. */
function peakStaff(team: Scenario['teams'][number], grids: number): number {
  const marks: [number, number][] = [];
  for (const sh of team.shifts) {
    const span = shiftSpanMin(sh);
    if (!span || span.endMin <= span.startMin) continue;
    // as rosteredStaff: a per-grid team based at a station has its staff there, once
    const n = team.placement === 'perGrid' && team.station === undefined ? sh.staff * grids : sh.staff;
    // A shift past midnight also covers the start of the next day: fold it back.
    for (const off of [0, -1440]) marks.push([span.startMin + off, n], [span.endMin + off, -n]);
  }
  marks.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  let cur = 0;
  let peak = 0;
  for (const [, d] of marks) peak = Math.max(peak, (cur += d));
  return peak;
}

function checkCrews(s: Scenario, grids: number): ScenarioError[] {
  const out: ScenarioError[] = [];
  s.eventTypes.forEach((et, i) => {
    if (et.crew <= 1) return;
    const teams = s.teams.filter((t) => t.role !== 'securityLanes' && t.skills.includes(et.skill));
    const peak = Math.max(0, ...teams.map((t) => peakStaff(t, grids)));
    // Zero staff everywhere is a switched-off team (allowed); a crew that can never assemble is not.
    if (peak === 0 || peak >= et.crew) return;
    out.push(
      err(
        ['eventTypes', i, 'crew'],
        'crew_too_large',
        `需要 ${et.crew} 人同时出动，但具备技能 "${et.skill}" 的任一队伍同时在岗最多 ${peak} 人`,
        `needs a crew of ${et.crew}, but no team with skill "${et.skill}" ever has more than ${peak} on duty`,
      ),
    );
  });
  return out;
}

// ---------------------------------------------------------------------------
// Distributions

function checkDist(path: Path, d: Dist): ScenarioError[] {
  if (d.dist !== 'uniform' && d.dist !== 'triangular') return [];
  if (d.min > d.max) {
    return [
      err(
        [...path, 'min'],
        'dist_min_gt_max',
        `最小值 min = ${d.min} 大于最大值 max = ${d.max}`,
        `min = ${d.min} is greater than max = ${d.max}`,
      ),
    ];
  }
  if (d.dist === 'triangular' && (d.mode < d.min || d.mode > d.max)) {
    return [
      err(
        [...path, 'mode'],
        'dist_mode_outside',
        `众数 mode = ${d.mode} 应在 [min, max] = [${d.min}, ${d.max}] 之内`,
        `mode = ${d.mode} must lie within [min, max] = [${d.min}, ${d.max}]`,
      ),
    ];
  }
  return [];
}

function checkDists(s: Scenario): ScenarioError[] {
  const out: ScenarioError[] = [];
  s.eventTypes.forEach((et, i) => {
    out.push(...checkDist(['eventTypes', i, 'handlingMin'], et.handlingMin));
    out.push(...checkDist(['eventTypes', i, 'discovery', 'citizenDelayMin'], et.discovery.citizenDelayMin));
    out.push(...checkDist(['eventTypes', i, 'discovery', 'patrolFallbackMin'], et.discovery.patrolFallbackMin));
  });
  for (const key of ['fileMin', 'dispatchMin', 'verifyMin', 'closeMin'] as const) {
    out.push(...checkDist(['workflow', key], s.workflow[key]));
  }
  return out;
}

// ---------------------------------------------------------------------------
// A replayed case log

/** `run.arrivals: "trace"` needs a trace; each of its cases names an event type and a cell of the city (inside an imported district). */
function checkTrace(s: Scenario): ScenarioError[] {
  const out: ScenarioError[] = [];
  if (s.run.arrivals === 'trace' && !s.trace) {
    out.push(
      err(
        ['run', 'arrivals'],
        'trace_missing',
        'run.arrivals 为 "trace"（回放案件记录），但场景没有 trace；请导入案件记录或改为 "poisson"',
        'run.arrivals is "trace" (replay a case log) but the scenario has no trace; import a case log or set it to "poisson"',
      ),
    );
  }
  if (!s.trace) return out;
  const n = s.city.cols * s.city.rows;
  const grid = s.city.layout ? decodeRuns(s.city.layout.grid, n, -1) : null;
  const cases = s.trace.cases;
  for (let i = 0; i < cases.length && out.length < 10; i++) {
    const [ti, , cell] = cases[i];
    if (ti >= s.eventTypes.length) {
      out.push(
        err(
          ['trace', 'cases', i, 0],
          'trace_unknown_type',
          `事件类型序号 ${ti} 超出范围（场景有 ${s.eventTypes.length} 个事件类型）`,
          `event type index ${ti} is out of range (the scenario has ${s.eventTypes.length} event types)`,
        ),
      );
    }
    if (cell >= n || (grid !== null && grid[cell] < 0)) {
      out.push(
        err(
          ['trace', 'cases', i, 2],
          'trace_cell_outside',
          cell >= n
            ? `单元 ${cell} 不在城市内（共 ${n0(n)} 个单元）`
            : `单元 ${cell} 在辖区之外（city.layout.grid 为 -1）`,
          cell >= n
            ? `cell ${cell} is not in the city (${n0(n)} cells)`
            : `cell ${cell} is outside the district (city.layout.grid is -1 there)`,
        ),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Metro stations, security lanes and crowd incidents

function checkMetro(s: Scenario): ScenarioError[] {
  const out: ScenarioError[] = [];
  const ids = s.city.stations.map((st) => st.id);
  const unknown = (path: Path, id: string) =>
    err(
      path,
      'unknown_station',
      `没有 id 为 "${id}" 的车站（city.stations 中有：${list(ids, true) || '无'}）`,
      `there is no station with id "${id}" (city.stations has: ${list(ids, false) || 'none'})`,
    );
  const cells = new Map<string, number>();
  s.city.stations.forEach((st, i) => {
    const key = `${st.x},${st.y}`;
    const j = cells.get(key);
    if (j === undefined) cells.set(key, i);
    else
      out.push(
        err(
          ['city', 'stations', i],
          'station_cell_taken',
          `与 ${formatPath(['city', 'stations', j])} 位于同一单元 (${key})；每个单元最多一个车站`,
          `shares cell (${key}) with ${formatPath(['city', 'stations', j])}; a cell holds at most one station`,
        ),
      );
  });
  s.teams.forEach((t, i) => {
    if (t.station !== undefined && !ids.includes(t.station)) out.push(unknown(['teams', i, 'station'], t.station));
    if (t.role === 'securityLanes' && t.station === undefined) {
      out.push(
        err(
          ['teams', i, 'station'],
          'lanes_without_station',
          '安检通道队伍 (role: "securityLanes") 必须指定所在车站 station',
          'a security-lane team (role: "securityLanes") needs a station',
        ),
      );
    }
  });
  s.metro?.surges.forEach((sg, i) => {
    if (!ids.includes(sg.station)) out.push(unknown(['metro', 'surges', i, 'station'], sg.station));
  });
  if (s.metro && s.metro.curve.every((w) => w === 0) && s.city.stations.some((st) => (st.dailyRidership ?? 0) > 0)) {
    out.push(
      err(
        ['metro', 'curve'],
        'profile_all_zero',
        '客流时段曲线全为 0，但有车站的日客流大于 0',
        'the hourly ridership curve is all zero, but some station has a positive daily ridership',
      ),
    );
  }
  const crowd = s.eventTypes.flatMap((et, i) => (et.crowdIncident ? [i] : []));
  for (const i of crowd.slice(1)) {
    out.push(
      err(
        ['eventTypes', i, 'crowdIncident'],
        'crowd_incident_duplicate',
        `只能有一个事件类型标记为拥挤事件 (crowdIncident)，${formatPath(['eventTypes', crowd[0]])} 已标记`,
        `only one event type may be the crowd incident; ${formatPath(['eventTypes', crowd[0]])} already is`,
      ),
    );
  }
  return out;
}
