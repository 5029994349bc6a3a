/**
 * The cheapest plan in words: team names and shift times from the scenario,
 * the criterion's name, signed yuan, the form's numbers read back. Pure.
 */
import type { OptimiseCriterion } from '../../analysis/optimise.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Lang } from '../../i18n/lang.ts';
import { formatInteger } from '../../i18n/number.ts';
import type { DictKey } from '../i18n/index.ts';

export function teamNameOf(sc: Scenario | null, id: string, lang: Lang): string {
  const team = sc?.teams.find((t) => t.id === id);
  return team ? (lang === 'en' ? team.name.en : team.name.zh) : id;
}

/** "08:00–16:00" (the end may carry +1 for the next day). */
export function shiftOf(sc: Scenario | null, team: string, shift: number): string {
  const s = sc?.teams.find((t) => t.id === team)?.shifts[shift];
  return s ? `${s.start}–${s.end}` : `#${shift + 1}`;
}

export const criterionKey = (c: OptimiseCriterion) => `opt.criterion.${c}` as DictKey;

/** What the criterion's `worst` names, in words: an hour stays as it is, an event type by name. */
export function worstText(
  sc: Scenario | null,
  criterion: OptimiseCriterion,
  worst: string | undefined,
  lang: Lang,
): string | null {
  if (!worst) return null;
  if (criterion !== 'types') return worst;
  const et = sc?.eventTypes.find((e) => e.id === worst);
  return et ? (lang === 'en' ? et.name.en : et.name.zh) : worst;
}

/** Whole yuan with separators and a sign for a change: +51,840 / −1,920 / 0. */
export function fmtYuan(v: number, lang: Lang, signed = false): string {
  const r = Math.round(v);
  const s = formatInteger(lang, Math.abs(r));
  if (!signed || r === 0) return r < 0 ? `−${s}` : s;
  return r > 0 ? `+${s}` : `−${s}`;
}

/** A signed staff change: +3 / −2 / ·. */
export function fmtChange(d: number): string {
  return d === 0 ? '·' : d > 0 ? `+${d}` : `−${-d}`;
}

/** A whole number ≥ 0 typed in a field, null when empty, NaN when not valid. */
export function readCount(s: string): number | null {
  if (s.trim() === '') return null;
  const n = Number(s);
  return Number.isInteger(n) && n >= 0 ? n : NaN;
}
