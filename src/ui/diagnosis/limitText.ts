/**
 * A diagnosis in words: event-type and team names instead of ids, the hours
 * that matter, the lever sentence without the CLI hint, and a limit's name
 * in both languages (for the legend of the city's colouring).
 */
import { hoursText, type Lever, type Limit } from '../../analysis/diagnose.ts';
import type { StageName } from '../../sim/stages.ts';
import { parseScenario } from '../../scenario/load.ts';
import type { Lang } from '../../i18n/lang.ts';
import { formatNumber } from '../../i18n/number.ts';
import { translate, type DictKey } from '../i18n/index.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

/** Names of a scenario's event types and teams, by id. */
export interface Names {
  types: ReadonlyMap<string, Bilingual>;
  teams: ReadonlyMap<string, Bilingual>;
}

export const NO_NAMES: Names = { types: new Map(), teams: new Map() };

export function namesOf(
  types: readonly { id: string; name: Bilingual }[],
  teams: readonly { id: string; name: Bilingual }[],
): Names {
  return { types: new Map(types.map((t) => [t.id, t.name])), teams: new Map(teams.map((t) => [t.id, t.name])) };
}

/** Names of scenario text (NO_NAMES when it does not parse). */
export function namesOfText(text: string): Names {
  const r = text ? parseScenario(text) : null;
  return r?.ok ? namesOf(r.scenario.eventTypes, r.scenario.teams) : NO_NAMES;
}

/** The name of an id in a language; the id itself only when the scenario has no such name. */
export function nameOf(map: ReadonlyMap<string, Bilingual>, id: string, lang: Lang): string {
  const n = map.get(id);
  return n ? (lang === 'en' ? n.en : n.zh) : id;
}

export const stageKey = (s: StageName) => `diag.stage.${s}` as DictKey;

/**
 * The hours that hold most of a limit's late cases (its peak hours, as the
 * lever names them: a storm's queue reads "22:00–01:00", not every stray
 * hour with one late case), and every hour with a late case (for a title).
 */
export function limitHours(l: Pick<Limit, 'peakHours' | 'hours'>): { main: string; all: string } {
  return { main: hoursText(l.peakHours), all: hoursText([...l.hours].sort((a, b) => a - b)) };
}

/** The lever in a language, without the command-line hint the CLI prints. */
export function leverText(lever: Lever, lang: Lang): string {
  const s = lang === 'en' ? lever.en : lever.zh;
  return s.replace(/\s*[（(]allweather [^)）]*[)）]\s*$/, '');
}

/** A limit's name in one language: "排队 · 内涝积水 · 等待排水抢险队". */
export function limitName(l: Pick<Limit, 'stage' | 'eventType' | 'team'>, names: Names, lang: Lang): string {
  const parts = [translate(lang, stageKey(l.stage)), nameOf(names.types, l.eventType, lang)];
  if (l.team) parts.push(translate(lang, 'diag.waitsFor', { team: nameOf(names.teams, l.team, lang) }));
  return parts.join(' · ');
}

/** A limit's name in both languages. */
export function limitLabel(l: Pick<Limit, 'stage' | 'eventType' | 'team'>, names: Names): Bilingual {
  return { zh: limitName(l, names, 'zh-CN'), en: limitName(l, names, 'en') };
}

/** "All late cases" in both languages. */
export function allLateLabel(): Bilingual {
  return { zh: translate('zh-CN', 'diag.all'), en: translate('en', 'diag.all') };
}

/** A count of late cases: whole numbers for one run, one decimal for a mean over replications. */
export function fmtCases(v: number, perReplication: boolean, lang: Lang): string {
  const digits = perReplication && Math.abs(v - Math.round(v)) > 1e-9 ? 1 : 0;
  return formatNumber(lang, v, digits);
}
