/**
 * Number and time formatting for the panels. Exact values go into
 * `data-value` attributes; these functions only make them readable.
 */
import type { Lang } from '../i18n/lang.ts';
import { formatInteger, formatNumber } from '../i18n/number.ts';

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** Exactly at a midnight after the start: shown as 24:00 of the day ending, not 00:00 of the next. */
const atMidnightEnd = (tS: number) => tS > 0 && Math.floor(tS) % 86400 === 0;

/** "08:00" for a simulated time (seconds from the run start); the end of a day is "24:00". */
export function timeOfDay(tS: number): string {
  if (atMidnightEnd(tS)) return '24:00';
  const s = Math.max(0, Math.floor(tS)) % 86400;
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}`;
}

/** Day number from 1 (midnight at the end of day d still belongs to day d). */
export function dayOf(tS: number): number {
  if (atMidnightEnd(tS)) return Math.floor(tS) / 86400;
  return Math.floor(Math.max(0, tS) / 86400) + 1;
}

export function isDaytime(tS: number): boolean {
  const h = (Math.max(0, tS) % 86400) / 3600;
  return h >= 6 && h < 18;
}

/** Parse "HH:MM" (or "H:MM") to seconds after midnight; null when invalid. */
export function parseHhMm(s: string): number | null {
  const m = /^\s*(\d{1,2})\s*[:：]\s*(\d{2})\s*$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]),
    min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return h * 3600 + min * 60;
}

/** A whole number with the language's grouping (src/i18n/number.ts); '—' for none. */
export function fmtInt(v: number | null | undefined, lang: Lang): string {
  return formatInteger(lang, v);
}

/** A number with exactly `digits` decimals; '—' for none. */
export function fmtNum(v: number | null | undefined, lang: Lang, digits = 1): string {
  return formatNumber(lang, v, digits);
}

export function fmtPct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`;
}

/** Seconds as minutes with one decimal. */
export function fmtMinutes(s: number | null | undefined, lang: Lang): string {
  return s === null || s === undefined || !Number.isFinite(s) ? '—' : fmtNum(s / 60, lang, 1);
}

/** The exact value for a `data-value` attribute: JSON of the number, or null. */
export function dataValue(v: number | null | undefined): string {
  return JSON.stringify(v === undefined ? null : v);
}
