/**
 * The drill's own weather: what the drill header shows.
 *
 * A drill tells its story through injects: a bulletin announces a yellow
 * warning at 20:00, raises it to red at 20:20 and lowers it to orange at
 * 22:30; a storm inject replaces the forecast rain. The header must follow
 * that story, not the base scenario's forecast: the engine derives a
 * warning level from the rain series alone (src/sim/weather.ts), which for
 * the red-night drill says orange at 20:00 (while I01 announces yellow) and
 * red until after the drill (while I12 has lowered it to orange).
 *
 * So:
 * - **rain** is the rain the drill's simulation runs on this hour: the base
 *   scenario's series as changed by the storm injects fired so far (the
 *   engine's `rainMmPerH`, which `setRain` updates);
 * - **warning** is the level the last fired inject with a `warning` field
 *   announced (a bulletin message or a storm), 'none' before the first
 *   one. A drill that announces no warning anywhere in its schedule keeps
 *   the engine's level (derived from the drill's own rain, storms included).
 *
 * Pure: the session calls it with what has fired; tests call it with a
 * drill's inject list and check the header at every inject time.
 */
import { WARNING_NAMES, type Inject, type WarningName } from './schema.ts';
import { warningLevels } from '../sim/weather.ts';

export interface DrillWeather {
  /** Rain this hour, mm/h. */
  rainMmPerH: number;
  /** Warning level, 0 none .. 4 red (index into WARNING_NAMES). */
  warning: number;
  /** Where the level comes from: an announcing inject (its id), or the engine's forecast-derived level. */
  source: { kind: 'inject'; id: string } | { kind: 'forecast' };
}

export const warningIndex = (w: WarningName): number => WARNING_NAMES.indexOf(w);

/** The inject's announced warning, if it carries one. */
export function announced(inj: Inject): WarningName | undefined {
  return inj.kind === 'message' || inj.kind === 'storm' ? inj.warning : undefined;
}

/**
 * The warning in force after the injects `fired` (in firing order): the last
 * announcement, else 'none' when the drill announces warnings at all
 * (`announces`), else null (the caller keeps the forecast's level).
 */
export function warningAfter(
  fired: readonly Inject[],
  announces: boolean,
): { level: number; id: string } | { level: 0; id: null } | null {
  for (let i = fired.length - 1; i >= 0; i--) {
    const w = announced(fired[i]);
    if (w) return { level: warningIndex(w), id: fired[i].id ?? `#${i}` };
  }
  return announces ? { level: 0, id: null } : null;
}

/**
 * Rain at `tS` given the base series (mm per hour of the run) and the storm
 * injects fired by then, each with the time it fired: a storm replaces the
 * series from the hour it fired in (as the engine's `setRain` does).
 */
export function rainAt(
  tS: number,
  base: (hour: number) => number,
  storms: readonly { tS: number; rainMmPerH: readonly number[] }[],
): number {
  const hour = Math.floor(tS / 3600);
  for (let i = storms.length - 1; i >= 0; i--) {
    const s = storms[i];
    if (s.tS > tS) continue;
    const from = Math.floor(s.tS / 3600);
    return s.rainMmPerH[hour - from] ?? 0;
  }
  return base(hour);
}

/**
 * The level the engine's rule (src/sim/weather.ts: the wettest 3, 6 and 12 h
 * windows that contain the hour) gives hour `hour` of the rain series
 * `rainOf`: the forecast's level, for drills that announce none.
 */
export function forecastWarning(hour: number, rainOf: (hour: number) => number): number {
  const from = Math.max(0, hour - 11);
  const around = Float64Array.from({ length: hour + 12 - from }, (_, i) => rainOf(from + i));
  return warningLevels(around)[hour - from];
}
