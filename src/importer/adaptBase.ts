/**
 * The base scenario's event types, teams and metro block, fitted to an imported city (allweather import --base).
 *
 * The base's rectangles (`zones`, `districts`, `stations`) describe its own lattice and are dropped with its city;
 * what pointed into them is rewritten, each change said in a note:
 * - stations: a base station whose id an imported station has keeps its teams and surges; the others are paired
 *   with the remaining imported stations in file order (base station i → imported station i); teams and surges
 *   of base stations left without a partner are dropped;
 * - event types: cell weights (`weights.cells`, ids of the base's cells) are dropped; a type that may only happen
 *   in low-lying or station cells the district lacks gets rate 0; a crowd-incident type or one bound to station
 *   cells is dropped when no team can handle it any more;
 * - teams whose skills no event type needs any more are dropped, the metro block when no station is left.
 *
 * Pure.
 */
import type { Scenario } from '../scenario/schema.ts';

type Station = Scenario['city']['stations'][number];

export interface Adapted {
  eventTypes: Scenario['eventTypes'];
  teams: Scenario['teams'];
  metro: Scenario['metro'];
  notes: string[];
}

export function adaptBase(base: Scenario, stations: readonly Station[], hasLowLying: boolean): Adapted {
  const notes: string[] = [];
  const imported = new Set(stations.map((s) => s.id));
  const map = new Map<string, string>();
  for (const s of base.city.stations) if (imported.has(s.id)) map.set(s.id, s.id);
  const free = stations.filter((s) => !map.has(s.id)).map((s) => s.id);
  for (const s of base.city.stations) {
    if (map.has(s.id)) continue;
    const to = free.shift();
    if (to !== undefined) {
      map.set(s.id, to);
      notes.push(`底本车站 "${s.id}" 对应导入车站 "${to}" / base station "${s.id}" → imported station "${to}"`);
    }
  }
  const droppedTeams: string[] = [];
  let teams = base.teams.flatMap((t) => {
    if (t.station === undefined) return [t];
    const to = map.get(t.station);
    if (to === undefined) {
      droppedTeams.push(t.id);
      return [];
    }
    return [{ ...t, station: to }];
  });
  if (droppedTeams.length > 0) {
    notes.push(
      `底本车站在导入辖区中无对应，删去驻站队伍 / teams at base stations with no imported counterpart dropped: ${droppedTeams.join(', ')}`,
    );
  }
  const heldNow = new Set(teams.filter((t) => t.role !== 'securityLanes').flatMap((t) => t.skills));
  const droppedTypes: string[] = [];
  const eventTypes = base.eventTypes.flatMap((et) => {
    const stationBound = et.crowdIncident || et.weights.only === 'station';
    if (stationBound && !heldNow.has(et.skill)) {
      droppedTypes.push(et.id);
      return [];
    }
    let out = et;
    if (et.weights.cells) {
      const { cells: _cells, ...weights } = et.weights;
      out = { ...out, weights };
      notes.push(
        `事件类型 "${et.id}" 的单元权重属于底本的网格，已删去 / event type "${et.id}": the base's cell weights do not apply to the imported city and were dropped`,
      );
    }
    const none =
      (et.weights.only === 'lowLying' && !hasLowLying) || (et.weights.only === 'station' && stations.length === 0);
    if (none && et.ratePerDay > 0) {
      out = { ...out, ratePerDay: 0 };
      notes.push(
        `事件类型 "${et.id}" 只发生在${et.weights.only === 'lowLying' ? '低洼' : '车站'}单元，辖区中没有，日发生率设为 0 / event type "${et.id}" only happens in ${et.weights.only === 'lowLying' ? 'low-lying' : 'station'} cells, which the district has none of: ratePerDay set to 0`,
      );
    }
    return [out];
  });
  if (droppedTypes.length > 0) {
    notes.push(
      `无车站可发生或无队伍可处置，删去事件类型 / event types with no station to happen at or no team left to handle them dropped: ${droppedTypes.join(', ')}`,
    );
  }
  const needed = new Set(eventTypes.map((e) => e.skill));
  const idle = teams.filter((t) => t.role !== 'securityLanes' && !t.skills.some((k) => needed.has(k)));
  if (idle.length > 0) {
    teams = teams.filter((t) => !idle.includes(t));
    notes.push(
      `没有事件类型需要其技能，删去队伍 / teams no event type needs any more dropped: ${idle.map((t) => t.id).join(', ')}`,
    );
  }
  let metro = base.metro;
  if (metro && stations.length === 0) {
    metro = undefined;
    notes.push('辖区没有车站，删去地铁设置 / the district has no station: the metro block was dropped');
  } else if (metro) {
    const surges = metro.surges.flatMap((sg) => {
      const to = map.get(sg.station);
      return to === undefined ? [] : [{ ...sg, station: to }];
    });
    if (surges.length < metro.surges.length) {
      notes.push(
        `${metro.surges.length - surges.length} 个客流突增的车站无对应，已删去 / ${metro.surges.length - surges.length} surge(s) at base stations with no counterpart dropped`,
      );
    }
    metro = { ...metro, surges };
  }
  return { eventTypes, teams, metro, notes };
}
