/**
 * What the experiment forms can offer for a scenario: its teams and their
 * shifts (for "staff of a shift"), the grid sizes that divide the city (an
 * imported district: also its own grid count, for merging to fewer grids), the
 * dispatch policies and shift-end rules, read from the scenario text
 * without running it. Override paths are those of src/analysis/overrides.ts
 * (team by id, shift by index). It keeps the parsed scenario too, for the
 * names of override paths (analysis/paramLabels.ts), and says which shifts
 * the `nightStaff` convenience would set.
 */
import type { Overrides } from '../../analysis/overrides.ts';
import { nightStaffHelp, type Bilingual } from '../../analysis/paramLabels.ts';
import { parseScenario } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';

export const POLICIES = ['gridBound', 'nearest', 'gridFirst'] as const;
export const ORDERS = ['fifo', 'priority', 'easyFirst'] as const;
export const SHIFT_END_RULES = ['overtime', 'handover'] as const;

export interface ShiftChoice {
  index: number;
  start: string;
  end: string;
  staff: number;
}

export interface TeamChoice {
  id: string;
  name: { zh: string; en: string };
  perGrid: boolean;
  role: 'field' | 'securityLanes';
  shiftEnd: 'overtime' | 'handover';
  shifts: ShiftChoice[];
}

export interface ScenarioChoices {
  id: string;
  cols: number;
  rows: number;
  gridSize: number;
  /** Grid sizes k that divide both cols and rows. */
  gridSizes: number[];
  /** An imported district's own grid count (what `city.mergeToGrids` merges down from); null for a k × k city. */
  ownGrids: number | null;
  /** The scenario's `city.mergeToGrids`, null when it has none. */
  mergeToGrids: number | null;
  policy: string;
  teams: TeamChoice[];
  coverageTarget: number;
  seed: number;
  /** Every shift `nightStaff` sets, in words (empty when none is on duty at 02:00). */
  nightStaffHelp: Bilingual;
  /** The parsed scenario the choices were read from. */
  scenario: Scenario;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Every k dividing both the lattice's columns and rows. */
export function dividingGridSizes(cols: number, rows: number): number[] {
  const g = gcd(cols, rows);
  const out: number[] = [];
  for (let k = 1; k <= g; k++) if (g % k === 0) out.push(k);
  return out;
}

export function choicesOf(s: Scenario): ScenarioChoices {
  return {
    id: s.id,
    cols: s.city.cols,
    rows: s.city.rows,
    gridSize: s.city.gridSize,
    gridSizes: dividingGridSizes(s.city.cols, s.city.rows),
    ownGrids: s.city.layout ? s.city.layout.grids.length : null,
    mergeToGrids: s.city.mergeToGrids ?? null,
    policy: s.dispatch.policy,
    teams: s.teams.map((t) => ({
      id: t.id,
      name: t.name,
      perGrid: t.placement === 'perGrid',
      role: t.role,
      shiftEnd: t.shiftEnd,
      shifts: t.shifts.map((sh, index) => ({ index, start: sh.start, end: sh.end, staff: sh.staff })),
    })),
    coverageTarget: s.targets.coverage,
    seed: s.run.seed,
    nightStaffHelp: nightStaffHelp(s),
    scenario: s,
  };
}

/** Choices of scenario text, or null when it does not parse. */
export function choicesOfText(text: string): ScenarioChoices | null {
  if (!text) return null;
  const r = parseScenario(text);
  return r.ok ? choicesOf(r.scenario) : null;
}

/** The override path of a shift's staff. */
export const staffOverridePath = (team: string, shift: number) => `teams.${team}.shifts.${shift}.staff`;

/** What a variant form holds; empty fields leave A's value. */
export interface VariantForm {
  team: string;
  shift: number;
  /** Staff of that shift in B, as typed ('' = unchanged). */
  staff: string;
  gridSize: string;
  /** An imported district: merge its grids to this many in B, as typed ('' or left out = unchanged). */
  mergeToGrids?: string;
  policy: string;
  shiftEnd: string;
}

/** A variant form as overrides, or the list of fields that are not valid numbers. */
export function formOverrides(
  f: VariantForm,
  c: ScenarioChoices,
): { overrides: Overrides; bad: (keyof VariantForm)[] } {
  const overrides: Overrides = {};
  const bad: (keyof VariantForm)[] = [];
  const team = c.teams.find((t) => t.id === f.team);
  if (f.staff.trim() !== '') {
    const n = Number(f.staff);
    if (!Number.isInteger(n) || n < 0 || !team) bad.push('staff');
    else if (team.shifts[f.shift] && team.shifts[f.shift].staff !== n)
      overrides[staffOverridePath(team.id, f.shift)] = n;
  }
  if (f.gridSize !== '' && Number(f.gridSize) !== c.gridSize) overrides['city.gridSize'] = Number(f.gridSize);
  const merge = f.mergeToGrids?.trim() ?? '';
  if (merge !== '') {
    const n = Number(merge);
    if (!Number.isInteger(n) || n < 1 || c.ownGrids === null) bad.push('mergeToGrids');
    else if (n !== (c.mergeToGrids ?? c.ownGrids)) overrides['city.mergeToGrids'] = n;
  }
  if (f.policy !== '' && f.policy !== c.policy) overrides['dispatch.policy'] = f.policy;
  if (f.shiftEnd !== '' && team && f.shiftEnd !== team.shiftEnd) overrides[`teams.${team.id}.shiftEnd`] = f.shiftEnd;
  return { overrides, bad };
}

/** Inclusive integer range from..to by step (at most `max` values). */
export function intRange(from: number, to: number, step: number, max = 60): number[] {
  const out: number[] = [];
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(step > 0)) return out;
  for (let v = from; v <= to && out.length < max; v += step) out.push(Math.round(v));
  return out;
}
