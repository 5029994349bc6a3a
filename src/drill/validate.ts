/**
 * Loading a drill file: JSON, then the zod structure, then every reference
 * checked against the scenario the drill extends. Each error names the JSON
 * path and says what is wrong in Chinese and English, like scenario errors.
 *
 * What happens live goes through the same checks: `parseAction` is the gate
 * of every action before the session applies it (a trainee's dispatch, an
 * inject the trainer fires, an action replayed from a record), so a case at
 * x=99999, a team that does not exist or a storm beyond the schema's bounds
 * is refused whoever sent it.
 */
import { Action, Drill, DRILL_VERSION, type Inject } from './schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { scenarioError, zodIssuesToErrors, knownKeysIn, type ScenarioError } from '../scenario/messages.ts';
import { forbiddenKeyErrors } from '../scenario/safeKeys.ts';
import { City } from '../sim/city.ts';

export type DrillParse = { ok: true; drill: Drill } | { ok: false; errors: ScenarioError[] };

/** The scenario id a drill file names, or null (so the caller can load that scenario first). */
export function drillScenarioId(text: string): string | null {
  try {
    const raw = JSON.parse(text) as { scenario?: unknown };
    return typeof raw.scenario === 'string' ? raw.scenario : null;
  } catch {
    return null;
  }
}

export function parseDrill(text: string, scenario: Scenario): DrillParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      errors: [
        scenarioError(
          [],
          'not_json',
          `不是有效的 JSON：${(e as Error).message}`,
          `not valid JSON: ${(e as Error).message}`,
        ),
      ],
    };
  }
  return parseDrillObject(raw, scenario);
}

/** A parsed drill file checked: forbidden keys (`__proto__`, …: safeKeys.ts), version, structure, references. */
export function parseDrillObject(raw: unknown, scenario: Scenario): DrillParse {
  const forbidden = forbiddenKeyErrors(raw);
  if (forbidden.length > 0) return { ok: false, errors: forbidden };
  const v = (raw as { drillVersion?: unknown } | null)?.drillVersion;
  if (typeof v === 'number' && v > DRILL_VERSION) {
    return {
      ok: false,
      errors: [
        scenarioError(
          ['drillVersion'],
          'drill_too_new',
          `此演练文件由更新版本的 AllWeather 生成（drillVersion ${v}），本程序只支持到 ${DRILL_VERSION}`,
          `this drill file was written by a newer AllWeather (drillVersion ${v}); this app reads up to ${DRILL_VERSION}`,
        ),
      ],
    };
  }
  const parsed = Drill.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodIssuesToErrors(parsed.error.issues, knownKeysIn(Drill)) };
  const drill = parsed.data;
  const errors = checkReferences(drill, scenario);
  return errors.length ? { ok: false, errors } : { ok: true, drill };
}

/** Errors in one inject against the scenario (also used for injects fired live). */
export function checkInject(
  inj: Inject,
  path: (string | number)[],
  scenario: Scenario,
  drillMin: number,
): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const at = [...path, 'atMin'];
  if (inj.atMin < 0)
    errors.push(
      scenarioError(
        at,
        'inject_in_past',
        `注入时间 ${inj.atMin} 分钟早于演练开始（0）`,
        `inject at ${inj.atMin} min is before the drill starts (0)`,
      ),
    );
  if (inj.atMin > drillMin)
    errors.push(
      scenarioError(
        at,
        'inject_after_end',
        `注入时间 ${inj.atMin} 分钟晚于演练结束（${drillMin}）`,
        `inject at ${inj.atMin} min is after the drill ends (${drillMin})`,
      ),
    );
  const c = scenario.city;
  switch (inj.kind) {
    case 'case': {
      if (!scenario.eventTypes.some((t) => t.id === inj.type))
        errors.push(
          scenarioError(
            [...path, 'type'],
            'unknown_type',
            `场景中没有事件类型“${inj.type}”`,
            `the scenario has no event type "${inj.type}"`,
          ),
        );
      if (inj.x < 0 || inj.x >= c.cols)
        errors.push(
          scenarioError(
            [...path, 'x'],
            'cell_outside',
            `x=${inj.x} 超出城市范围（0..${c.cols - 1}）`,
            `x=${inj.x} is outside the city (0..${c.cols - 1})`,
          ),
        );
      if (inj.y < 0 || inj.y >= c.rows)
        errors.push(
          scenarioError(
            [...path, 'y'],
            'cell_outside',
            `y=${inj.y} 超出城市范围（0..${c.rows - 1}）`,
            `y=${inj.y} is outside the city (0..${c.rows - 1})`,
          ),
        );
      break;
    }
    case 'surge':
      if (!c.stations.some((s) => s.id === inj.station))
        errors.push(
          scenarioError(
            [...path, 'station'],
            'unknown_station',
            `场景中没有地铁站“${inj.station}”`,
            `the scenario has no station "${inj.station}"`,
          ),
        );
      break;
    case 'teamOff':
    case 'teamOn':
      if (!scenario.teams.some((t) => t.id === inj.team))
        errors.push(
          scenarioError(
            [...path, 'team'],
            'unknown_team',
            `场景中没有队伍“${inj.team}”`,
            `the scenario has no team "${inj.team}"`,
          ),
        );
      break;
    default:
      break;
  }
  return errors;
}

let actionKeys: ReturnType<typeof knownKeysIn> | null = null;

/**
 * An action (any value: it may come from another window) checked against the
 * drill and its scenario: the zod structure and bounds, then, for an inject,
 * its references (`checkInject`). The parsed copy carries no unknown field.
 */
export function parseAction(
  action: unknown,
  scenario: Scenario,
  drillMin: number,
): { ok: true; action: Action } | { ok: false; errors: ScenarioError[] } {
  const parsed = Action.safeParse(action, { reportInput: true });
  if (!parsed.success)
    return { ok: false, errors: zodIssuesToErrors(parsed.error.issues, (actionKeys ??= knownKeysIn(Action))) };
  const a = parsed.data;
  const errors = a.kind === 'inject' ? checkInject(a.inject, ['inject'], scenario, drillMin) : [];
  return errors.length ? { ok: false, errors } : { ok: true, action: a };
}
/** Errors as one bilingual message (for a notice): `$.path: …；…` and `$.path: …; …`. */
export function errorsAsMessage(errors: readonly ScenarioError[]): { zh: string; en: string } {
  return {
    zh: errors.map((e) => `${e.path}：${e.zh}`).join('；'),
    en: errors.map((e) => `${e.path}: ${e.en}`).join('; '),
  };
}

function checkReferences(d: Drill, sc: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  if (d.scenario !== sc.id)
    errors.push(
      scenarioError(
        ['scenario'],
        'scenario_mismatch',
        `演练针对场景“${d.scenario}”，但加载的是“${sc.id}”`,
        `the drill is for scenario "${d.scenario}" but "${sc.id}" is loaded`,
      ),
    );
  const horizonH = sc.run.warmupHours + sc.run.days * 24;
  if (d.startHour * 60 + d.durationMin > horizonH * 60) {
    errors.push(
      scenarioError(
        ['durationMin'],
        'drill_past_horizon',
        `演练（第 ${d.startHour} 小时起 ${d.durationMin} 分钟）超出场景运行时长 ${horizonH} 小时`,
        `the drill (from hour ${d.startHour}, ${d.durationMin} min) runs past the scenario's ${horizonH} h`,
      ),
    );
  }
  if (d.scope.grids !== 'all') {
    const city = new City(sc);
    d.scope.grids.forEach((g, i) => {
      if (!city.gridIds.includes(g))
        errors.push(
          scenarioError(
            ['scope', 'grids', i],
            'unknown_grid',
            `没有责任网格“${g}”（例如 ${city.gridIds[0]}）`,
            `there is no grid "${g}" (e.g. ${city.gridIds[0]})`,
          ),
        );
    });
  }
  errors.push(...checkSeats(d, sc));
  d.injects.forEach((inj, i) => errors.push(...checkInject(inj, ['injects', i], sc, d.durationMin)));
  return errors;
}

/** Seats: ids unique (and not "all", the whole scope's), each grid a grid of the city inside the command scope. */
function checkSeats(d: Drill, sc: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  if (!d.seats.length) return errors;
  const gridIds = new City(sc).gridIds;
  const seen = new Set<string>();
  d.seats.forEach((seat, i) => {
    if (seat.id === 'all' || seen.has(seat.id))
      errors.push(
        scenarioError(
          ['seats', i, 'id'],
          'duplicate_seat',
          seat.id === 'all' ? '席位编号“all”保留给整个指挥范围' : `席位编号“${seat.id}”重复`,
          seat.id === 'all'
            ? 'the seat id "all" is kept for the whole command scope'
            : `seat id "${seat.id}" is used twice`,
        ),
      );
    seen.add(seat.id);
    seat.grids.forEach((g, j) => {
      if (!gridIds.includes(g))
        errors.push(
          scenarioError(
            ['seats', i, 'grids', j],
            'unknown_grid',
            `没有责任网格“${g}”（例如 ${gridIds[0]}）`,
            `there is no grid "${g}" (e.g. ${gridIds[0]})`,
          ),
        );
      else if (d.scope.grids !== 'all' && !d.scope.grids.includes(g))
        errors.push(
          scenarioError(
            ['seats', i, 'grids', j],
            'seat_outside_scope',
            `网格“${g}”不在演练的指挥范围内`,
            `grid "${g}" is outside the drill's command scope`,
          ),
        );
    });
  });
  return errors;
}
