/**
 * Headcount: how many staff a scenario puts on duty, read from its roster
 * (not from a run), and how to keep that number when the grids change.
 *
 * Why it matters. A team placed `perGrid` has `staff` members of each shift
 * *in every responsibility grid*. Change the grid size and the number of
 * grids changes, and with it the headcount: baseline-weekday has 48 grids of
 * 5 × 5 cells, so its 1 grid worker per grid is 48 people; at 10 × 10 cells
 * there are 12 grids and the same file means 12 people. A comparison of grid
 * sizes that does not say so compares a quarter of the staff with the whole
 * and calls the staff-hours saved a result. So every comparison and sweep
 * carries the headcount of each variant, and `holdHeadcount` can keep it.
 *
 * ## Counting (`headcountOf`)
 *
 * Exactly as the engine's roster (src/sim/roster.ts) builds members: a shift
 * of a team based at a metro station has `staff` members; otherwise a
 * `perGrid` team has `staff` × the number of grids; `spread` and `pooled`
 * teams have `staff` in total. A shift runs daily from `start` to `end`
 * ("HH:MM+1" ends the next day and also covers the start of every day, as
 * the previous night's shift does in a run). Per minute of the day this
 * gives the staff on duty; from it
 *
 * - `byHour[h]`: the mean on duty in hour h (a member on for half the hour
 *   counts ½), what a run reports as its teams' `onDutyByHour`;
 * - `peakOnDuty`: the most on duty at any one minute;
 * - `staffHoursPerDay`: rostered staff-hours in a day, Σ byHour (a run's
 *   `staffHours` KPI is this × days plus overtime).
 *
 * ## Holding it (`holdHeadcount`, see overrides.ts)
 *
 * For each `perGrid` team (one not based at a station; those do not depend on
 * the grids), each shift is held at a *total*:
 *
 *     total = staff per grid (as the variant's other overrides leave it) × grids of the BASE scenario
 *
 * With no staff override that is the base scenario's total. The named
 * conveniences `staffScale` and `nightStaff` set a level per grid, which is
 * read in the base scenario's grids, so the headcount they ask for is held
 * too. An explicit path override of that shift's staff (`teams.<t>.shifts.<i>.staff`,
 * or any path above it, e.g. `teams.<t>.shifts`) takes precedence: its number
 * stands as written, per grid of the variant's own grids.
 *
 * The total is then spread over the variant's G grids, and kept exactly:
 *
 * - when every shift's total divides by G, the team stays `perGrid` with
 *   staff = total / G per grid (48 grid workers on 12 grids: 4 per grid);
 * - otherwise the team becomes `spread` with staff = total for each shift.
 *   The engine then gives, when total ≥ G, every grid ⌊total/G⌋ or
 *   ⌈total/G⌉ members (homes evenly spaced: `floor((j + ½)·G / total)`),
 *   each answering for its own grid exactly as a per-grid member would; and
 *   when total < G, each member answers for a run of neighbouring grids
 *   (48 grid workers on 300 grids of 2 × 2 cells: each looks after 6 or 7
 *   grids) and patrols them all. Dispatch treats `spread` members as it
 *   treats per-grid ones (bound by the grid rules, never a city-wide pool).
 *   With a total that divides by G the `spread` roster is member for member
 *   the `perGrid` one, so the switch changes nothing but the bookkeeping.
 *
 * No rounding is needed, so each shift's total on duty, and with it
 * `byHour`, `peakOnDuty` and `staffHoursPerDay`, is the same as the base's.
 *
 * Pure: runs in the browser and in Node.
 */
import { parseScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { parseTimeOfDay } from '../sim/roster.ts';
import { cityGridCount } from '../scenario/gridShape.ts';

export interface TeamHeadcount {
  id: string;
  name: { zh: string; en: string };
  /** Most members of this team on duty at one minute. */
  peakOnDuty: number;
  staffHoursPerDay: number;
}

export interface Headcount {
  /** Responsibility grids of the scenario (what `perGrid` staff multiply by). */
  grids: number;
  /** Most staff on duty at any one minute of the day, all teams. */
  peakOnDuty: number;
  /** Rostered staff-hours in one day, all teams (Σ byHour). */
  staffHoursPerDay: number;
  /** 24 entries: mean staff on duty in each hour of day (hour 0 = 00:00–00:59). */
  byHour: number[];
  byTeam: TeamHeadcount[];
}

type Team = Scenario['teams'][number];

/**
 * Responsibility grids of a scenario, as City builds them: (cols / k) × (rows / k) blocks, or an imported
 * district's own grids (regrouped into k × k blocks, or merged to `city.mergeToGrids`).
 */
export function gridCount(sc: Pick<Scenario, 'city'>): number {
  return cityGridCount(sc.city);
}

/** Whether a team's shifts are based at a metro station (then `staff` is a total, whatever the placement). */
function atStation(sc: Scenario, team: Team): boolean {
  return team.station !== undefined && sc.city.stations.some((s) => s.id === team.station);
}

/** Members a shift puts on duty, as the roster builds them. */
export function shiftMembers(sc: Scenario, team: Team, staff: number, grids = gridCount(sc)): number {
  return !atStation(sc, team) && team.placement === 'perGrid' ? staff * grids : staff;
}

/** Staff on duty in each minute of the day (1440 entries) for one team. */
function teamMinutes(sc: Scenario, team: Team, grids: number): Float64Array {
  const minutes = new Float64Array(1440);
  for (const sh of team.shifts) {
    const n = shiftMembers(sc, team, sh.staff, grids);
    if (n === 0) continue;
    const s = parseTimeOfDay(sh.start),
      e = parseTimeOfDay(sh.end);
    for (let m = s; m < e; m++) minutes[m % 1440] += n;
  }
  return minutes;
}

function summarise(minutes: Float64Array): { peak: number; byHour: number[] } {
  let peak = 0;
  const byHour: number[] = [];
  for (let h = 0; h < 24; h++) {
    let sum = 0;
    for (let m = h * 60; m < h * 60 + 60; m++) {
      sum += minutes[m];
      if (minutes[m] > peak) peak = minutes[m];
    }
    byHour.push(sum / 60);
  }
  return { peak, byHour };
}

const total = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** The headcount a (parsed) scenario rosters: per hour of day, its peak and its staff-hours a day. */
export function headcountOf(sc: Scenario): Headcount {
  const grids = gridCount(sc);
  const all = new Float64Array(1440);
  const byTeam: TeamHeadcount[] = sc.teams.map((team) => {
    const minutes = teamMinutes(sc, team, grids);
    for (let m = 0; m < 1440; m++) all[m] += minutes[m];
    const s = summarise(minutes);
    return { id: team.id, name: team.name, peakOnDuty: s.peak, staffHoursPerDay: total(s.byHour) };
  });
  const s = summarise(all);
  return { grids, peakOnDuty: s.peak, staffHoursPerDay: total(s.byHour), byHour: s.byHour, byTeam };
}

/** The headcount of scenario text (a file, or a variant as runners take it); null when it does not parse. */
export function headcountOfText(text: string): Headcount | null {
  const r = parseScenario(text);
  return r.ok ? headcountOf(r.scenario) : null;
}

/** Whether two headcounts put the same staff on duty in every hour (and per team). */
export function sameHeadcount(a: Headcount, b: Headcount): boolean {
  const eq = (x: number, y: number) => Math.abs(x - y) < 1e-9;
  if (!a.byHour.every((x, h) => eq(x, b.byHour[h])) || !eq(a.peakOnDuty, b.peakOnDuty)) return false;
  const teamsB = new Map(b.byTeam.map((t) => [t.id, t]));
  return (
    a.byTeam.length === b.byTeam.length &&
    a.byTeam.every((t) => {
      const u = teamsB.get(t.id);
      return u !== undefined && eq(t.peakOnDuty, u.peakOnDuty) && eq(t.staffHoursPerDay, u.staffHoursPerDay);
    })
  );
}

/** A count as text: grouped thousands, at most one decimal (12.5 staff-hours from a half-hour shift end). */
export function fmtCount(x: number): string {
  const r = Math.round(x * 10) / 10;
  return r.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

export interface HeadcountChange {
  /** Teams whose peak on duty or staff-hours differ, with both sides. */
  teams: { id: string; name: { zh: string; en: string }; a: TeamHeadcount | null; b: TeamHeadcount | null }[];
  /** One sentence, e.g. "B 改变了在岗人数：峰值 205 → 133 …" / "B changes headcount: peak on duty 205 → 133 …". */
  message: { zh: string; en: string };
}

/** How B's headcount differs from A's, in words; null when they roster the same staff hour by hour. */
export function headcountChange(a: Headcount, b: Headcount): HeadcountChange | null {
  if (sameHeadcount(a, b)) return null;
  const ids = [...new Set([...a.byTeam.map((t) => t.id), ...b.byTeam.map((t) => t.id)])];
  const teams = ids
    .map((id) => {
      const ta = a.byTeam.find((t) => t.id === id) ?? null,
        tb = b.byTeam.find((t) => t.id === id) ?? null;
      return { id, name: (ta ?? tb)!.name, a: ta, b: tb };
    })
    .filter(
      (t) =>
        !t.a ||
        !t.b ||
        Math.abs(t.a.peakOnDuty - t.b.peakOnDuty) > 1e-9 ||
        Math.abs(t.a.staffHoursPerDay - t.b.staffHoursPerDay) > 1e-9,
    );
  const arrow = (x: number | undefined, y: number | undefined) =>
    `${x === undefined ? '—' : fmtCount(x)} → ${y === undefined ? '—' : fmtCount(y)}`;
  const shown = teams.slice(0, 4);
  const more = teams.length - shown.length;
  const teamZh =
    shown.map((t) => `${t.name.zh} 峰值 ${arrow(t.a?.peakOnDuty, t.b?.peakOnDuty)}`).join('，') +
    (more > 0 ? ` 等 ${teams.length} 个队伍` : '');
  const teamEn =
    shown.map((t) => `${t.name.en} peak ${arrow(t.a?.peakOnDuty, t.b?.peakOnDuty)}`).join('; ') +
    (more > 0 ? `; ${more} more teams` : '');
  const grids = a.grids !== b.grids;
  return {
    teams,
    message: {
      zh:
        `B 改变了在岗人数：峰值 ${arrow(a.peakOnDuty, b.peakOnDuty)} 人，排班人·时/日 ${arrow(a.staffHoursPerDay, b.staffHoursPerDay)}（${teamZh}）。` +
        (grids
          ? `网格数 ${arrow(a.grids, b.grids)} 也改变了按网格排班的人数，差异中有一部分来自人数本身；用 holdHeadcount（保持在岗人数）可在相同人数下比较网格大小。`
          : ''),
      en:
        `B changes headcount: peak on duty ${arrow(a.peakOnDuty, b.peakOnDuty)}, rostered staff-hours a day ${arrow(a.staffHoursPerDay, b.staffHoursPerDay)} (${teamEn}).` +
        (grids
          ? ` The grid count ${arrow(a.grids, b.grids)} changed the per-grid teams' headcount, so part of any difference is the headcount itself; holdHeadcount compares grid sizes at the same headcount.`
          : ''),
    },
  };
}

/** What holding the headcount did to one team. */
export interface TeamHold {
  /** Index in the variant's `teams`. */
  team: number;
  id: string;
  placement: 'perGrid' | 'spread';
  /** New `staff` per shift: per grid when `placement` is perGrid, in total when spread. */
  staff: number[];
  /** Members on duty per shift in the base scenario, and in the held variant (equal unless a shift's staff was set explicitly). */
  totalsBase: number[];
  totalsHeld: number[];
  /** Shifts left as an explicit override wrote them. */
  explicit: number[];
}

/**
 * The redistribution `holdHeadcount` makes (rule in the module comment).
 * `base` is the scenario before any override, `variant` after the other
 * overrides; `explicit(team, shift)` says whether an override set that
 * shift's staff by path (team and shift as indices into the variant).
 * Teams that need no change are left out.
 */
export function holdHeadcountPlan(
  base: Scenario,
  variant: Scenario,
  explicit: (team: number, shift: number) => boolean = () => false,
): TeamHold[] {
  const gBase = gridCount(base),
    gVar = gridCount(variant);
  const out: TeamHold[] = [];
  variant.teams.forEach((team, ti) => {
    const before = base.teams.find((t) => t.id === team.id);
    if (
      !before ||
      team.placement !== 'perGrid' ||
      before.placement !== 'perGrid' ||
      atStation(variant, team) ||
      atStation(base, before)
    )
      return;
    const kept: number[] = [];
    const totals = team.shifts.map((sh, si) => {
      if (explicit(ti, si)) {
        kept.push(si);
        return sh.staff * gVar;
      }
      return sh.staff * gBase;
    });
    const divides = totals.every((n) => n % gVar === 0);
    const staff = divides ? totals.map((n) => n / gVar) : totals.slice();
    if (divides && staff.every((n, si) => n === team.shifts[si].staff)) return; // nothing to change
    out.push({
      team: ti,
      id: team.id,
      placement: divides ? 'perGrid' : 'spread',
      staff,
      totalsBase: team.shifts.map((_, si) => (before.shifts[si] ? before.shifts[si].staff * gBase : 0)),
      totalsHeld: totals,
      explicit: kept,
    });
  });
  return out;
}

/** Writes a plan into a scenario, raw (as in a file) or parsed: placement and each shift's staff of the teams it names. */
export function applyHoldPlan(doc: { teams: unknown }, plan: readonly TeamHold[]): void {
  const teams = doc.teams as { placement?: string; shifts: { staff: number }[] }[];
  for (const h of plan) {
    const team = teams[h.team];
    team.placement = h.placement;
    h.staff.forEach((n, si) => {
      team.shifts[si].staff = n;
    });
  }
}

/**
 * `holdHeadcount` on parsed scenarios, for callers that build variants
 * themselves (the optimiser): `variant` with its per-grid teams
 * redistributed to `base`'s headcount. Returns a new scenario and the plan;
 * `explicit` as in holdHeadcountPlan.
 */
export function applyHoldHeadcount(
  base: Scenario,
  variant: Scenario,
  explicit?: (team: number, shift: number) => boolean,
): { scenario: Scenario; plan: TeamHold[] } {
  const plan = holdHeadcountPlan(base, variant, explicit);
  const scenario = structuredClone(variant);
  applyHoldPlan(scenario, plan);
  return { scenario, plan };
}
