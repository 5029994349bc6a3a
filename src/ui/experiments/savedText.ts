import { pick, type Bilingual, type Lang } from '../../i18n/lang.ts';

/** Dates of saved experiments, the same in both languages: 2025-06-02 08:30 (local time). */
export function fmtDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * A saved experiment's title as shown: the planner's name when given, else
 * the saved title ("重复运行 · baseline-weekday · …") with the scenario's
 * name in the current language in place of its id ("重复运行 · 工作日基准 ·
 * …"); the id stays where the scenario has no name. Titles are saved with
 * the id (older records too), so the name is put in when shown.
 */
export function shownTitle(
  lang: Lang,
  r: { name: string; title: Bilingual; scenarioId: string; scenarioName?: Bilingual | null },
): string {
  if (r.name) return r.name;
  const title = pick(lang, r.title);
  if (!r.scenarioName) return title;
  const scName = pick(lang, r.scenarioName);
  return title
    .split(' · ')
    .map((part) => (part === r.scenarioId ? scName : part))
    .join(' · ');
}
