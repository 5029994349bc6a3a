/**
 * Injects and actions in words, for the timelines, the feed and the
 * printable report. Names of case types, teams and stations come from the
 * city layout (live) or the scenario (report).
 */
import type { CityLayout } from '../../sim/frame.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Action, Inject } from '../../drill/schema.ts';
import type { Lang } from '../../app/drill/store.ts';
import { pick, type T } from './i18n/index.ts';

export interface Names {
  type(id: string): string;
  team(id: string): string;
  station(id: string): string;
}

function namer(lang: Lang, list: { id: string; name: { zh: string; en: string } }[]): (id: string) => string {
  const m = new Map(list.map((x) => [x.id, pick(lang, x.name)]));
  return (id) => m.get(id) ?? id;
}

export function namesFromLayout(layout: CityLayout, lang: Lang): Names {
  return { type: namer(lang, layout.types), team: namer(lang, layout.teams), station: namer(lang, layout.stations) };
}

export function namesFromScenario(sc: Scenario, lang: Lang): Names {
  return { type: namer(lang, sc.eventTypes), team: namer(lang, sc.teams), station: namer(lang, sc.city.stations) };
}

export function describeInject(inj: Inject, t: T, lang: Lang, names: Names): string {
  switch (inj.kind) {
    case 'message':
      return pick(lang, inj.text);
    case 'case':
      return t('describe.case', {
        type: names.type(inj.type),
        x: inj.x,
        y: inj.y,
        p: inj.priority ? `P${inj.priority}` : t('describe.defaultPriority'),
      });
    case 'storm':
      return t('describe.storm', { list: inj.rainMmPerH.join(' / ') });
    case 'surge':
      return t('describe.surge', { station: names.station(inj.station), n: inj.extraPassengers, min: inj.durationMin });
    case 'teamOff':
      return t('describe.teamOff', { team: names.team(inj.team) });
    case 'teamOn':
      return t('describe.teamOn', { team: names.team(inj.team) });
  }
}

export function describeAction(a: Action, t: T, lang: Lang, names: Names): string {
  switch (a.kind) {
    case 'assign':
      return t('describe.assign', { id: a.caseId, staff: a.staff.map((s) => `#${s}`).join(', ') });
    case 'reprioritise':
      return t('describe.reprioritise', { id: a.caseId, p: a.priority });
    case 'escalate':
      return t('describe.escalate', { id: a.caseId });
    case 'mutualAid':
      return t('describe.mutualAid', { id: a.caseId });
    case 'inject':
      return t('describe.live', { what: describeInject(a.inject, t, lang, names) });
  }
}
