/**
 * Names of places in a language: in English a place's (or grid's) English name when the data gives one, else the
 * name as the data has it.
 */
import type { Lang } from './lang.ts';

export function placeName(p: { name: string; nameEn?: string }, lang: Lang): string {
  return lang === 'en' && p.nameEn ? p.nameEn : p.name;
}

/** The grids' names of a hierarchy (HierarchyView): `gridNamesEn` only where the data gives English names. */
type GridNames = { gridNames: readonly string[]; gridNamesEn?: readonly string[] };

/** Grid `g`'s name in a language: its English name in English where it has one, else its name ('' for none). */
export function gridNameIn(h: GridNames, g: number, lang: Lang): string {
  return (lang === 'en' && h.gridNamesEn?.[g]) || (h.gridNames[g] ?? '');
}

/** The grids' names in a language: per grid, its English name in English where it has one, else its name. */
export function gridNamesIn(h: GridNames, lang: Lang): readonly string[] {
  if (lang !== 'en' || !h.gridNamesEn) return h.gridNames;
  return h.gridNames.map((_, g) => gridNameIn(h, g, lang));
}
