/**
 * The coverage matrix's rows grouped by the hierarchy 街道 → 社区 → 网格,
 * and the search that finds a grid by code or name. Pure functions of the
 * layout's hierarchy and the matrix model: no React.
 *
 * Grouping: when any grid has a street, the rows are the streets in the
 * hierarchy's order, each followed (when expanded) by its communities and
 * their grids; grids of a street without a community come after its
 * communities, grids without a street last, under "no street". A city
 * without streets keeps the flat list. Inside a group the grids keep the
 * chosen order (by id, or worst first).
 *
 * A group's aggregate row is the attainment over its grids: per hour, met
 * cases over decided cases summed over the group's grid-hours (the same
 * rule as one grid's row, applied to the group), and over the whole day.
 * An hour is below target when that share is.
 */
import type { HierarchyView } from '../sim/frame.ts';
import type { Lang } from '../i18n/lang.ts';
import { placeName } from '../i18n/place.ts';
import { HOURS, type MatrixModel } from './matrixModel.ts';

/** A street or community with its grids (indices into layout.gridIds). */
export interface GridGroup {
  /** 'street' (level 0) or 'community' (level 1). */
  kind: 'street' | 'community';
  /** Stable key: `s<street index>` (s-1: no street), `c<community index>`. */
  key: string;
  /** Code and name from the hierarchy ('' for the "no street" group). */
  code: string;
  name: string;
  /** Every grid in the group, a street's including its communities'. */
  grids: number[];
  /** A street's communities, in the hierarchy's order (empty for a community). */
  children: GridGroup[];
  /** A street's grids that are in none of its communities. */
  loose: number[];
}

/** One row of the matrix: a group's aggregate row or a grid's row. */
export type MatrixRow =
  { kind: 'group'; group: GridGroup; level: 0 | 1; collapsed: boolean } | { kind: 'grid'; g: number; level: 0 | 1 | 2 };

/** The groups of a hierarchy, or null when no grid has a street (the flat list); names in `lang`. */
export function groupGrids(h: HierarchyView, nGrids: number, lang: Lang = 'zh-CN'): GridGroup[] | null {
  let any = false;
  for (let g = 0; g < nGrids; g++) if (h.gridStreet[g] >= 0) any = true;
  if (!any) return null;
  const streets: GridGroup[] = h.streets.map((s, i) => ({
    kind: 'street',
    key: `s${i}`,
    code: s.code,
    name: placeName(s, lang),
    grids: [],
    children: [],
    loose: [],
  }));
  const none: GridGroup = { kind: 'street', key: 's-1', code: '', name: '', grids: [], children: [], loose: [] };
  const communities: GridGroup[] = h.communities.map((c, i) => ({
    kind: 'community',
    key: `c${i}`,
    code: c.code,
    name: placeName(c, lang),
    grids: [],
    children: [],
    loose: [],
  }));
  h.communities.forEach((c, i) => {
    if (c.street >= 0 && c.street < streets.length) streets[c.street].children.push(communities[i]);
  });
  for (let g = 0; g < nGrids; g++) {
    const s = h.gridStreet[g];
    const street = s >= 0 && s < streets.length ? streets[s] : none;
    street.grids.push(g);
    const c = h.gridCommunity[g];
    const com = c >= 0 && c < communities.length ? communities[c] : null;
    // a community under another street than the grid's would split the grid's street: keep it loose
    if (com && street.children.includes(com)) com.grids.push(g);
    else street.loose.push(g);
  }
  const out = streets.filter((s) => s.grids.length > 0);
  for (const s of out) s.children = s.children.filter((c) => c.grids.length > 0);
  if (none.grids.length > 0) out.push(none);
  return out;
}

/**
 * The rows to draw, in order. `order` is the grid order (gridOrder), `collapsed` the keys of collapsed groups,
 * `only` (when given) the grids to keep: groups without any of them disappear, the others are shown expanded.
 */
export function matrixRows(
  groups: GridGroup[] | null,
  order: ArrayLike<number>,
  collapsed: ReadonlySet<string>,
  only: ReadonlySet<number> | null = null,
): MatrixRow[] {
  const rank = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r;
  const keep = (g: number) => only === null || only.has(g);
  const sorted = (gs: number[]) => gs.filter(keep).sort((a, b) => rank[a] - rank[b]);
  const rows: MatrixRow[] = [];
  if (!groups) {
    for (let r = 0; r < order.length; r++) if (keep(order[r])) rows.push({ kind: 'grid', g: order[r], level: 0 });
    return rows;
  }
  for (const s of groups) {
    if (!s.grids.some(keep)) continue;
    const sClosed = only === null && collapsed.has(s.key);
    rows.push({ kind: 'group', group: s, level: 0, collapsed: sClosed });
    if (sClosed) continue;
    for (const c of s.children) {
      if (!c.grids.some(keep)) continue;
      const cClosed = only === null && collapsed.has(c.key);
      rows.push({ kind: 'group', group: c, level: 1, collapsed: cClosed });
      if (!cClosed) for (const g of sorted(c.grids)) rows.push({ kind: 'grid', g, level: 2 });
    }
    for (const g of sorted(s.loose)) rows.push({ kind: 'grid', g, level: 1 });
  }
  return rows;
}

/** A group's aggregate: decided and met cases per hour, and the day's attainment (NaN without cases). */
export interface GroupAggregate {
  n: Float64Array;
  met: Float64Array;
  dayAtt: number;
  /** Hours with cases whose attainment over the group is below target. */
  missHours: number;
}

/** The aggregate of every group (streets and communities), by key. */
export function groupAggregates(m: MatrixModel, groups: GridGroup[] | null): Map<string, GroupAggregate> {
  const out = new Map<string, GroupAggregate>();
  if (!groups) return out;
  const one = (grp: GridGroup) => {
    const n = new Float64Array(HOURS),
      met = new Float64Array(HOURS);
    for (const g of grp.grids) {
      for (let h = 0; h < HOURS; h++) {
        n[h] += m.n[g * HOURS + h];
        met[h] += m.met[g * HOURS + h];
      }
    }
    let sn = 0,
      sm = 0,
      missHours = 0;
    for (let h = 0; h < HOURS; h++) {
      sn += n[h];
      sm += met[h];
      if (n[h] > 0 && met[h] / n[h] < m.target) missHours++;
    }
    out.set(grp.key, { n, met, dayAtt: sn > 0 ? sm / sn : NaN, missHours });
  };
  for (const s of groups) {
    one(s);
    for (const c of s.children) one(c);
  }
  return out;
}

/** Attainment of a group in one hour (NaN without decided cases). */
export function groupAtt(a: GroupAggregate, h: number): number {
  return a.n[h] > 0 ? a.met[h] / a.n[h] : NaN;
}

/**
 * Grids whose code or name contains `query` (case- and width-insensitive, spaces ignored at the ends), best first:
 * the exact code, then codes starting with it, exact names, names starting with it, then any other match; ties in
 * grid order. An empty query matches nothing (the caller shows every row).
 */
export function searchGrids(codes: readonly string[], names: readonly string[], query: string): number[] {
  const q = norm(query);
  if (!q) return [];
  const hits: { g: number; score: number }[] = [];
  for (let g = 0; g < codes.length; g++) {
    const code = norm(codes[g]),
      name = norm(names[g] ?? '');
    let score = -1;
    if (code === q) score = 0;
    else if (code.startsWith(q)) score = 1;
    else if (name === q) score = 2;
    else if (name.startsWith(q)) score = 3;
    else if (code.includes(q) || name.includes(q)) score = 4;
    if (score >= 0) hits.push({ g, score });
  }
  hits.sort((a, b) => a.score - b.score || a.g - b.g);
  return hits.map((h) => h.g);
}

/** Lower case, full-width ASCII folded to half-width (Ｇ０１ finds G01), trimmed. */
function norm(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

/** "code name" of a grid, or the code alone when it has no name. */
export function gridLabel(codes: readonly string[], names: readonly string[], g: number): string {
  const name = names[g];
  return name ? `${codes[g]} ${name}` : codes[g];
}

/** The community and street of a grid as "community · street" (either may be missing; '' when both are), in `lang`. */
export function gridPlace(h: HierarchyView, g: number, lang: Lang = 'zh-CN'): string {
  const c = h.gridCommunity[g],
    s = h.gridStreet[g];
  const parts: string[] = [];
  if (c >= 0 && c < h.communities.length) parts.push(placeName(h.communities[c], lang));
  if (s >= 0 && s < h.streets.length) parts.push(placeName(h.streets[s], lang));
  return parts.join(' · ');
}
