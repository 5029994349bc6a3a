/**
 * How the experiments panels show KPIs: in the units a planner reads
 * (minutes, %, percentage points for differences of shares, staff-hours,
 * yuan), converted from the stored units (seconds, shares 0..1, hours, CNY;
 * see src/export/units.ts). The exact stored value always goes into a
 * `data-value` attribute beside the rounded text. One source for the app's
 * panels, its readable CSVs and the CLI's tables (src/cli/labels.ts): a KPI's
 * display unit follows from its stored unit, so adding a KPI adds no line here.
 */
import { KPI_NAMES, type Estimate, type KpiName } from '../analysis/aggregate.ts';
import { KPI_UNITS } from '../export/units.ts';
import type { Lang } from './lang.ts';
import { formatNumber } from './number.ts';
import type { GenericKey } from './shared.ts';

export { KPI_NAMES };
export type { KpiName };

export type StoredUnit = 'share' | 's' | 'cases' | 'h' | 'CNY';

export const unitOf = (k: KpiName) => KPI_UNITS[k] as StoredUnit;

/** Stored value → display value (seconds → minutes, share → percent). */
export function toDisplay(unit: StoredUnit, v: number): number {
  return unit === 's' ? v / 60 : unit === 'share' ? v * 100 : v;
}

/** Display value → stored value. */
export function fromDisplay(unit: StoredUnit, v: number): number {
  return unit === 's' ? v * 60 : unit === 'share' ? v / 100 : v;
}

/** i18n key (shared by every page) of the display unit of a value, and of a difference. */
export function unitKey(unit: StoredUnit, diff = false): GenericKey {
  switch (unit) {
    case 'share':
      return diff ? 'unit.pp' : 'unit.percent';
    case 's':
      return 'unit.minutes';
    case 'cases':
      return 'unit.cases';
    case 'h':
      return 'unit.hours';
    case 'CNY':
      return 'unit.cny';
  }
}

/** Digits to show for a display value of this size and unit. */
export function digitsFor(unit: StoredUnit, ref: number | null): number {
  if (unit === 'share') return 1;
  const a = Math.abs(toDisplay(unit, ref ?? 0));
  return a >= 1000 ? 0 : a >= 100 ? 1 : 2;
}

const num = (v: number, lang: Lang, digits: number): string => formatNumber(lang, v, digits);

/** A stored value as display text, no unit; '—' for none. */
export function fmtValue(
  unit: StoredUnit,
  v: number | null | undefined,
  lang: Lang,
  digits = digitsFor(unit, v ?? null),
): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return num(toDisplay(unit, v), lang, digits);
}

/** A signed difference (+1.2, −0.4, 0.0); '—' for none. */
export function fmtSigned(
  unit: StoredUnit,
  v: number | null | undefined,
  lang: Lang,
  digits = digitsFor(unit, v ?? null),
): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const d = toDisplay(unit, v);
  const s = num(Math.abs(d), lang, digits);
  return Number(s.replace(/[^0-9.]/g, '')) === 0 ? s : d > 0 ? `+${s}` : `−${s}`;
}

/**
 * An estimate's 95 % interval as shown: within the figure's range. No KPI is below 0 and a share is at most 100 %,
 * but the Student-t interval of a figure near its bound reaches past it (overtime [−0.23, 6.34] h over four
 * replications, two of them without any). The part outside cannot hold the mean, so it is cut here, for display;
 * exports and every decision (staffing, "until precise enough") keep the interval as computed. Differences (A/B) are
 * signed and shown as they are.
 */
export function shownCi(unit: StoredUnit, ci: [number, number]): [number, number] {
  return [Math.max(0, ci[0]), unit === 'share' ? Math.min(1, ci[1]) : ci[1]];
}

/** "[a, b]" of an interval, or '—'; an estimate's (not `signed`) within its figure's range (shownCi). */
export function fmtCi(
  unit: StoredUnit,
  ci: [number, number] | null,
  lang: Lang,
  digits: number,
  signed = false,
): string {
  if (ci === null) return '—';
  if (signed) return `[${fmtSigned(unit, ci[0], lang, digits)}, ${fmtSigned(unit, ci[1], lang, digits)}]`;
  const [lo, hi] = shownCi(unit, ci);
  return `[${fmtValue(unit, lo, lang, digits)}, ${fmtValue(unit, hi, lang, digits)}]`;
}

/** Half-width of an estimate's interval (stored unit), or null. */
export function halfWidthOf(e: Estimate | null | undefined): number | null {
  return e?.ci95 ? (e.ci95[1] - e.ci95[0]) / 2 : null;
}

/** The exact stored value for a data-value attribute. */
export function dv(v: number | null | undefined): string {
  return JSON.stringify(v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v);
}
