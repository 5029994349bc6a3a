/**
 * The sweep form's parameters and how they become the analysis layer's
 * SweepParam (an override path and its values):
 *
 * | kind | path | values |
 * |---|---|---|
 * | staff | teams.<team>.shifts.<i>.staff | from..to by step |
 * | nightStaff | nightStaff (every shift on duty at 02:00) | from..to by step |
 * | gridSize | city.gridSize | the ticked sizes (those that divide the city) |
 * | mergeToGrids | city.mergeToGrids (an imported district only) | from..to by step, each at least 1 |
 * | staffScale | staffScale (every shift × factor) | a list, e.g. 0.8, 1, 1.2 |
 * | policy | dispatch.policy | the ticked policies |
 */
import type { SweepParam } from '../../analysis/sweep.ts';
import { intRange, staffOverridePath, type ScenarioChoices } from './choices.ts';

export type ParamKind = 'none' | 'staff' | 'nightStaff' | 'gridSize' | 'mergeToGrids' | 'staffScale' | 'policy';
export const PARAM_KINDS: ParamKind[] = ['staff', 'nightStaff', 'gridSize', 'mergeToGrids', 'staffScale', 'policy'];

/** The kinds a scenario can take: merging grids needs an imported district. */
export function paramKindsFor(c: ScenarioChoices | null): ParamKind[] {
  return PARAM_KINDS.filter((k) => k !== 'mergeToGrids' || (c?.ownGrids ?? null) !== null);
}

export interface ParamDraft {
  kind: ParamKind;
  team: string;
  shift: number;
  from: string;
  to: string;
  step: string;
  /** staffScale: comma-separated factors. */
  list: string;
  /** gridSize / policy: ticked values. */
  picks: string[];
}

export function defaultParam(kind: ParamKind, c: ScenarioChoices | null): ParamDraft {
  const team = c?.teams.find((t) => t.role === 'field') ?? c?.teams[0];
  const staff = team?.shifts[0]?.staff ?? 1;
  if (kind === 'mergeToGrids') {
    // from a quarter of the district's grids up to all of them, in about four steps
    const own = c?.ownGrids ?? 1;
    const from = Math.max(1, Math.round(own / 4));
    return {
      kind,
      team: team?.id ?? '',
      shift: 0,
      from: String(from),
      to: String(own),
      step: String(Math.max(1, Math.round((own - from) / 3))),
      list: '',
      picks: [],
    };
  }
  return {
    kind,
    team: team?.id ?? '',
    shift: 0,
    from: String(Math.max(0, staff - 2)),
    to: String(staff + 2),
    step: '1',
    list: '0.8, 1, 1.2',
    picks:
      kind === 'gridSize'
        ? (c?.gridSizes.filter((k) => k > 1 && k <= 10).map(String) ?? [])
        : kind === 'policy'
          ? ['gridBound', 'nearest', 'gridFirst']
          : [],
  };
}

/** The draft as a SweepParam, or an error key (i18n) saying what is missing. */
export function paramOf(d: ParamDraft): {
  param: SweepParam | null;
  error: 'sweep.err.range' | 'sweep.err.pick' | 'sweep.err.list' | null;
} {
  switch (d.kind) {
    case 'none':
      return { param: null, error: null };
    case 'staff':
    case 'nightStaff': {
      const vs = intRange(Number(d.from), Number(d.to), Number(d.step));
      if (vs.length === 0 || vs.some((v) => v < 0) || d.from.trim() === '' || d.to.trim() === '')
        return { param: null, error: 'sweep.err.range' };
      return {
        param: { path: d.kind === 'staff' ? staffOverridePath(d.team, d.shift) : 'nightStaff', values: vs },
        error: null,
      };
    }
    case 'mergeToGrids': {
      const vs = intRange(Number(d.from), Number(d.to), Number(d.step));
      if (vs.length === 0 || vs.some((v) => v < 1) || d.from.trim() === '' || d.to.trim() === '')
        return { param: null, error: 'sweep.err.range' };
      return { param: { path: 'city.mergeToGrids', values: vs }, error: null };
    }
    case 'gridSize': {
      const vs = d.picks.map(Number).sort((a, b) => a - b);
      return vs.length === 0
        ? { param: null, error: 'sweep.err.pick' }
        : { param: { path: 'city.gridSize', values: vs }, error: null };
    }
    case 'policy':
      return d.picks.length === 0
        ? { param: null, error: 'sweep.err.pick' }
        : { param: { path: 'dispatch.policy', values: d.picks.slice() }, error: null };
    case 'staffScale': {
      const parts = d.list.split(/[,，\s]+/).filter((s) => s !== '');
      const vs = parts.map(Number);
      if (vs.length === 0 || vs.some((v) => !Number.isFinite(v) || v < 0))
        return { param: null, error: 'sweep.err.list' };
      return { param: { path: 'staffScale', values: vs }, error: null };
    }
  }
}

/**
 * The cheapest plan meeting a coverage-index target: among the points that
 * ran, those whose mean (or, with `byLowerBound`, the lower end of the 95 %
 * CI) is at least `target`, the one with the fewest staff-hours (ties: the
 * higher coverage). Null when none does.
 */
export function cheapestPoint<
  P extends {
    index: number;
    error?: string;
    coverageIndex: { mean: number | null; ci95: [number, number] | null } | null;
    staffHours: { mean: number | null } | null;
  },
>(points: readonly P[], target: number, byLowerBound = false): P | null {
  let best: P | null = null;
  for (const p of points) {
    if (p.error || p.coverageIndex?.mean == null || p.staffHours?.mean == null) continue;
    const level = byLowerBound ? (p.coverageIndex.ci95?.[0] ?? null) : p.coverageIndex.mean;
    if (level === null || level < target) continue;
    if (
      best === null ||
      p.staffHours.mean < best.staffHours!.mean! ||
      (p.staffHours.mean === best.staffHours!.mean! && p.coverageIndex.mean > best.coverageIndex!.mean!)
    )
      best = p;
  }
  return best;
}
