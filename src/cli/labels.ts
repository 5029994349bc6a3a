/**
 * Bilingual labels and display units of the KPIs, for the CLI's tables.
 * zh-CN first, English second. Nothing here is per KPI: names come from the
 * glossary (src/analysis/glossary.ts), the display unit follows from the
 * stored unit (src/export/units.ts) through src/i18n/kpi.ts, the same
 * conversion the app uses. Adding a KPI adds no line here.
 */
import { KPI_NAMES, type KpiName } from '../analysis/aggregate.ts';
import { GLOSSARY } from '../analysis/glossary.ts';
import { toDisplay, unitOf, type StoredUnit } from '../i18n/kpi.ts';

export { toDisplay };

export interface KpiLabel {
  zh: string;
  en: string;
  /** The stored unit; `toDisplay` converts a value to what the table shows. */
  unit: StoredUnit;
}

export const KPI_LABELS = Object.fromEntries(
  KPI_NAMES.map((k) => [k, { ...GLOSSARY[k].name, unit: unitOf(k) }]),
) as Record<KpiName, KpiLabel>;

/** The unit a table column shows after `toDisplay`: counts bare, seconds as minutes, shares as percent. */
export const UNIT_SUFFIX: Record<StoredUnit, string> = {
  cases: '',
  s: 'min',
  share: '%',
  h: 'h',
  CNY: '¥',
};
