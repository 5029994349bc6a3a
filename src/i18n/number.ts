/**
 * Numbers and clock times in words of a language, through `Intl` with the
 * fixed locale of our language (lang.ts `intlLocale`), never a browser's own
 * tag. Formatters are made once per locale and option set and reused.
 * Non-finite and missing values read '—'.
 */
import { intlLocale, type Lang } from './lang.ts';

export const NONE = '—';

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** Digits after the point: exactly `digits`, or between `min` and `max`. */
export type Digits = number | { min: number; max: number };

function numberFormat(lang: Lang, digits: Digits | undefined): Intl.NumberFormat {
  const locale = intlLocale(lang);
  const [min, max] =
    digits === undefined ? [0, 3] : typeof digits === 'number' ? [digits, digits] : [digits.min, digits.max];
  const key = `${locale}|${min}|${max}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(key, f);
  }
  return f;
}

/** A number with the language's grouping and point: 12,345.6; '—' for none. Default: up to 3 decimals. */
export function formatNumber(lang: Lang, v: number | null | undefined, digits?: Digits): string {
  return v === null || v === undefined || !Number.isFinite(v) ? NONE : numberFormat(lang, digits).format(v);
}

/** A whole number (rounded), grouped: 220,000. */
export function formatInteger(lang: Lang, v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? NONE : numberFormat(lang, 0).format(Math.round(v));
}

/** The plural category of a count in a language ('one', 'other', …). */
export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  const locale = intlLocale(lang);
  let r = pluralRules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    pluralRules.set(locale, r);
  }
  return r.select(n);
}

/** A wall-clock time of day, 24-hour (00–23), with seconds: 21:05:09. For real time (saved at), not simulated time. */
export function formatWallTime(lang: Lang, ms: number): string {
  return new Date(ms).toLocaleTimeString(intlLocale(lang), {
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
