/**
 * The administrative hierarchy 区 → 街道 → 社区 → 网格 of an imported district, from its grid features'
 * properties: a street's code is `streetCode` if given, else its name (`street`); likewise communities
 * (`communityCode`, `community`) and the district (`districtCode`, `district`). A community belongs to the
 * street of its first grid; a grid that names a street but no community gets the street's "unassigned"
 * community, and one that names a community but no street the district's "unassigned" street, so that every
 * grid with a place in the hierarchy keeps it (the scenario links grid → community → street).
 *
 * English names (`districtEn`, `streetEn`, `communityEn`: the GeoJSON's `district:en`, …) become the places'
 * `nameEn`, the first grid that gives one naming the place; a place no grid names in English has none (it shows
 * its name in both languages).
 *
 * Pure.
 */
import type { GridFeature } from './geojsonRead.ts';

export interface Place {
  code: string;
  name: string;
  nameEn?: string;
}
export interface Hierarchy {
  district: Place;
  streets: Place[];
  communities: (Place & { street: string })[];
}

const UNASSIGNED_STREET: Place = { code: 'street-unassigned', name: '未指定街道 (unassigned street)' };

/** The hierarchy, each grid's community code (or undefined) in grid order, and notes on what was inferred. */
export function buildHierarchy(grids: readonly GridFeature[]): {
  hierarchy: Hierarchy;
  gridCommunity: (string | undefined)[];
  notes: string[];
} {
  const notes: string[] = [];
  const districts = new Map<string, { name: string; nameEn?: string; n: number }>();
  const streets = new Map<string, Place>();
  const communities = new Map<string, Place & { street: string }>();
  const conflicts: string[] = [];
  const gridCommunity = grids.map((g) => {
    const dCode = g.districtCode ?? g.district;
    if (dCode !== undefined) {
      const d = districts.get(dCode) ?? { name: g.district ?? dCode, n: 0 };
      d.n++;
      if (d.nameEn === undefined && g.districtEn !== undefined) d.nameEn = g.districtEn;
      districts.set(dCode, d);
    }
    let sCode = g.streetCode ?? g.street;
    if (sCode !== undefined && !streets.has(sCode)) streets.set(sCode, { code: sCode, name: g.street ?? sCode });
    if (sCode !== undefined) withEnglish(streets.get(sCode)!, g.streetEn);
    let cCode = g.communityCode ?? g.community;
    if (cCode === undefined && sCode === undefined) return undefined;
    if (cCode === undefined) {
      cCode = `${sCode}-unassigned`;
      if (!communities.has(cCode)) {
        const sName = streets.get(sCode!)!.name;
        communities.set(cCode, { code: cCode, name: `${sName}·未指定社区 (unassigned community)`, street: sCode! });
        notes.push(
          `街道 ${sName} 有未指明社区的网格，归入社区 "${cCode}" / street ${sName} has grids that name no community: they are put in community "${cCode}"`,
        );
      }
      return cCode;
    }
    if (sCode === undefined) {
      const known = communities.get(cCode);
      if (known) return cCode;
      sCode = UNASSIGNED_STREET.code;
      if (!streets.has(sCode)) {
        streets.set(sCode, UNASSIGNED_STREET);
        notes.push(
          `有网格指明了社区但没有街道，这些社区归入街道 "${sCode}" / some grids name a community but no street: those communities are put in street "${sCode}"`,
        );
      }
    }
    const known = communities.get(cCode);
    if (!known)
      communities.set(cCode, withEnglish({ code: cCode, name: g.community ?? cCode, street: sCode }, g.communityEn));
    else {
      withEnglish(known, g.communityEn);
      if (known.street !== sCode && conflicts.length < 20)
        conflicts.push(`${g.code}: ${cCode} ∈ ${sCode} ≠ ${known.street}`);
    }
    return cCode;
  });
  if (conflicts.length > 0) {
    notes.push(
      `社区跨街道：按社区的第一个网格所属街道归属 / a community named under two streets keeps the street of its first grid: ${conflicts.join('; ')}`,
    );
  }
  const ranked = [...districts.entries()].sort((a, b) => b[1].n - a[1].n);
  const district =
    ranked.length > 0 ? withEnglish({ code: ranked[0][0], name: ranked[0][1].name }, ranked[0][1].nameEn) : undefined;
  if (ranked.length > 1) {
    notes.push(
      `网格属于 ${ranked.length} 个区，取网格最多的 "${ranked[0][0]}" / the grids name ${ranked.length} districts; the scenario is named after the one with most grids, "${ranked[0][0]}" (${ranked.map(([c, d]) => `${c}: ${d.n}`).join(', ')})`,
    );
  }
  return {
    hierarchy: {
      district: district ?? { code: 'district', name: '导入的辖区 (imported district)' },
      streets: [...streets.values()],
      communities: [...communities.values()],
    },
    gridCommunity,
    notes,
  };
}

/** `p` with the English name `en`, unless it has one already (the first grid to give one names the place). */
function withEnglish<T extends Place>(p: T, en: string | undefined): T {
  if (en !== undefined && p.nameEn === undefined) p.nameEn = en;
  return p;
}
