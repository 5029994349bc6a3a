/**
 * Variants: a base scenario plus overrides.
 *
 * A planner's "what if" is a small change to a scenario: one more staff
 * member on the night shift, grids of 3 x 3 cells instead of 5 x 5, another
 * dispatch policy. An override names the field by a dotted path and gives its
 * new value:
 *
 *     applyOverrides(raw, {
 *       'teams.grid-workers.shifts.2.staff': 1,   // team by id, shift by index
 *       'city.gridSize': 4,
 *       'dispatch.policy': 'gridBound',
 *       'teams.sanitation.shiftEnd': 'handover',
 *       'eventTypes.exposed-garbage.ratePerDay': 300,
 *       staffScale: 1.2,                          // every shift's staff x 1.2, rounded
 *       nightStaff: 6,                            // staff of every shift on duty at 02:00
 *     })
 *
 * Paths address the scenario as written in its file (current format: older
 * files are migrated first). In an array an element is found by its `id`
 * first, else by its index (0-based). A missing object on the way is created,
 * so `dispatch.policy` works on a file that leaves `dispatch` to its
 * defaults; a misspelt key is then caught by the schema, which knows every
 * field. Team and event-type ids containing a dot cannot be addressed.
 *
 * Paths come from outside (a command line, a manifest file, a form), so
 * they are followed through own properties only, and the segments
 * `__proto__`, `constructor` and `prototype` are refused before anything is
 * touched (`不允许的路径段 __proto__ / forbidden path segment __proto__`,
 * code `forbidden_key`): followed naively, `__proto__.x=1` would write onto
 * Object.prototype, i.e. into every object of the program (safeKeys.ts).
 * A value nested deeper than MAX_JSON_DEPTH levels is refused too (code
 * `too_deep`): copying or printing it would overflow the stack.
 *
 * Named conveniences (no dot in the name):
 * - `staffScale` (number >= 0): every shift's `staff`, of every team, times
 *   the factor, rounded to the nearest integer.
 * - `nightStaff` (integer >= 0): the `staff` of every shift that is on duty
 *   at 02:00 (including shifts that cross midnight). For a `perGrid` team the
 *   number is per grid, as `staff` always is. It is a level for the whole
 *   night, not one team's shift: in baseline-weekday it sets the grid
 *   workers' 00:00–08:00 shift (per grid: × 48 grids), the night patrol,
 *   and the sanitation, enforcement and repair night shifts alike.
 * - `holdHeadcount` (boolean): keep the headcount of the base scenario when
 *   the grids change. Applied AFTER every other override of the variant,
 *   wherever it stands among them. Each `perGrid` team's shift is held at
 *   (staff per grid as the other overrides leave it) × (grids of the BASE
 *   scenario) members and spread over the variant's grids: per grid when
 *   that divides evenly, else by turning the team `spread` with that total
 *   (so totals are kept exactly, never rounded). An explicit path override
 *   of a shift's staff takes precedence: that number stands, per grid of the
 *   variant. The rule, with examples, is in headcount.ts; `false` does
 *   nothing.
 *
 * Overrides apply in the order given (object key order), `holdHeadcount` last. The result is a new
 * object (the input is never modified), validated again with the same schema
 * and cross-field checks as a file; a path that leads nowhere or a value the
 * scenario cannot take throws an `OverrideError` that names the override, in
 * Chinese and English. Pure: runs in the browser and in Node.
 */
import { formatErrors, formatPath, scenarioError, type ScenarioError } from '../scenario/messages.ts';
import { migrate } from '../scenario/migrate.ts';
import { notJsonError, parseScenarioObject } from '../scenario/load.ts';
import { forbiddenKeyError, isForbiddenKey, nestingErrors, ownValue } from '../scenario/safeKeys.ts';
import type { Scenario } from '../scenario/schema.ts';
import { applyHoldPlan, holdHeadcountPlan, type TeamHold } from './headcount.ts';

/** Path (or named convenience) → new value. */
export type Overrides = Record<string, unknown>;

/** The named conveniences, with what they do. */
export const NAMED_OVERRIDES = {
  staffScale: { zh: '所有班次人数乘以该系数（四舍五入）', en: "multiply every shift's staff (rounded)" },
  nightStaff: {
    zh: '所有队伍中 02:00 在岗的每个班次的人数（含跨午夜班次；按网格排班的队伍为每网格人数）',
    en: 'staff of every shift of every team on duty at 02:00 (shifts across midnight included; per grid for per-grid teams)',
  },
  holdHeadcount: {
    zh: '网格数变化时保持基准场景的在岗人数（按网格排班的队伍重新分配，最后应用）',
    en: "keep the base scenario's headcount when the grids change (per-grid teams redistributed; applied last)",
  },
} as const;

/** An override that does not apply: a path that leads nowhere, or a value the scenario rejects. */
export class OverrideError extends Error {
  override name = 'OverrideError';
  /** The override(s) at fault, as `path=value`. */
  readonly override: string;
  readonly errors: ScenarioError[];
  constructor(override: string, errors: ScenarioError[]) {
    super(`覆盖项无效 / invalid override: ${override}\n${formatErrors(errors)}`);
    this.override = override;
    this.errors = errors;
  }
}

/** A base scenario that does not parse or validate, before any override was applied. */
export class InvalidBaseScenarioError extends Error {
  override name = 'InvalidBaseScenarioError';
  readonly errors: ScenarioError[];
  constructor(errors: ScenarioError[]) {
    super(`场景无效 / invalid scenario:\n${formatErrors(errors)}`);
    this.errors = errors;
  }
}

type Json = Record<string, unknown>;
type Key = string | number;

/** `path=value` for messages. */
export function describeOverride(path: string, value: unknown): string {
  return `${path}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

/** All overrides, `a=1, b=x`, for messages and labels. */
export function describeOverrides(overrides: Overrides): string {
  return Object.entries(overrides)
    .map(([p, v]) => describeOverride(p, v))
    .join(', ');
}

/** Top-level scenario fields a one-segment path may set (anything else without a dot is a named convenience). */
const TOP_LEVEL = new Set([
  'id',
  'name',
  'description',
  'notes',
  'run',
  'city',
  'eventTypes',
  'teams',
  'dispatch',
  'workflow',
  'travel',
  'targets',
  'weather',
  'metro',
]);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follow `path` through `doc`, creating missing objects; returns the parent and the last key (resolved to concrete keys). */
function resolve(doc: Json, override: string, path: string): { parent: Json | unknown[]; key: Key; concrete: Key[] } {
  const segments = path.split('.');
  const fail = (zh: string, en: string, at: Key[]): never => {
    throw new OverrideError(override, [scenarioError(at, 'override_path', zh, en)]);
  };
  if (segments.some((s) => s === '')) fail(`路径 “${path}” 含空段`, `path "${path}" has an empty segment`, []);
  checkOverridePath(override, path);
  let cur: Json | unknown[] = doc;
  const concrete: Key[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    let key: Key;
    if (Array.isArray(cur)) {
      const byId = cur.findIndex((el) => isObject(el) && el.id === seg);
      if (byId >= 0) key = byId;
      else if (/^\d+$/.test(seg) && Number(seg) < cur.length) key = Number(seg);
      else {
        const ids = cur.map((el, k) => (isObject(el) && typeof el.id === 'string' ? el.id : String(k)));
        fail(
          `没有 id 或下标为 “${seg}” 的元素（可选：${ids.join(', ')}）`,
          `no element with id or index "${seg}" (choose from: ${ids.join(', ')})`,
          concrete,
        );
      }
    } else {
      key = seg;
    }
    concrete.push(key!);
    if (last) return { parent: cur, key: key!, concrete };
    const next: unknown = ownValue(cur, key!); // never an inherited member (toString, constructor)
    if (next === undefined && !Array.isArray(cur)) {
      const created: Json = {};
      (cur as Json)[key! as string] = created;
      cur = created;
    } else if (isObject(next) || Array.isArray(next)) {
      cur = next;
    } else {
      fail(
        `此处是 ${JSON.stringify(next)}，不能再往下取 “${segments.slice(i + 1).join('.')}”`,
        `this is ${JSON.stringify(next)}, so "${segments.slice(i + 1).join('.')}" cannot be reached through it`,
        concrete,
      );
    }
  }
  throw new Error('unreachable');
}

/**
 * Throws an OverrideError (naming `override`, e.g. the whole `--param` text)
 * when a segment of `path` is `__proto__`, `constructor` or `prototype`,
 * located at the path up to that segment (`run.__proto__.x` →
 * `$.run.__proto__`). For paths taken by other means than `applyOverrides`
 * and `parseAssignment`, which check already.
 */
export function checkOverridePath(override: string, path: string): void {
  const segments = path.split('.');
  const at = segments.findIndex(isForbiddenKey);
  if (at < 0) return;
  throw new OverrideError(override, [forbiddenKeyError(pathKeys(segments.slice(0, at + 1).join('.')), segments[at])]);
}

/** A dotted path as JSON path keys, digits as indices: `teams.0.staff` → ['teams', 0, 'staff']. */
const pathKeys = (path: string): Key[] => path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** Minutes from midnight of "HH:MM" or "HH:MM+1". */
function minutesOf(t: unknown): number | null {
  if (typeof t !== 'string') return null;
  const m = /^(\d\d):(\d\d)(\+1)?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]) + (m[3] ? 1440 : 0);
}

/** Whether a shift (start, end as in the file) is on duty at minute `at` of the day. */
export function shiftCovers(start: string, end: string, at: number): boolean {
  const s = minutesOf(start);
  let e = minutesOf(end);
  if (s === null || e === null) return false;
  if (e <= s) e += 1440; // tolerated here; the validator reports it
  return (s <= at && at < e) || (s <= at + 1440 && at + 1440 < e);
}

/** Every shift object of every team, with its concrete path. */
function eachShift(doc: Json, f: (shift: Json, at: Key[]) => void): void {
  const teams = doc.teams;
  if (!Array.isArray(teams)) return;
  teams.forEach((team, t) => {
    if (!isObject(team) || !Array.isArray(team.shifts)) return;
    team.shifts.forEach((shift, s) => {
      if (isObject(shift)) f(shift, ['teams', t, 'shifts', s, 'staff']);
    });
  });
}

function applyNamed(doc: Json, name: string, value: unknown, override: string): Key[][] {
  const touched: Key[][] = [];
  const bad = (zh: string, en: string, code = 'override_value'): never => {
    throw new OverrideError(override, [scenarioError([name], code, zh, en)]);
  };
  if (name === 'staffScale') {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      bad('须为非负数', `must be a number >= 0, got ${JSON.stringify(value)}`);
    eachShift(doc, (shift, at) => {
      if (typeof shift.staff === 'number') shift.staff = Math.round(shift.staff * (value as number));
      touched.push(at);
    });
  } else if (name === 'nightStaff') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      bad('须为非负整数', `must be an integer >= 0, got ${JSON.stringify(value)}`);
    eachShift(doc, (shift, at) => {
      if (shiftCovers(String(shift.start), String(shift.end), 120)) {
        shift.staff = value;
        touched.push(at);
      }
    });
    if (touched.length === 0) bad('没有班次在 02:00 当班', 'no shift is on duty at 02:00');
  } else {
    bad(
      `未知的覆盖项；路径须用点分隔（如 city.gridSize），或为 ${Object.keys(NAMED_OVERRIDES).join('、')}`,
      `unknown override; give a dotted path (e.g. city.gridSize) or one of ${Object.keys(NAMED_OVERRIDES).join(', ')}`,
      'override_path',
    );
  }
  return touched;
}

/** Whether JSON path string `a` is `b` or lies inside it, or the other way round. */
function related(a: string, b: string): boolean {
  const inside = (x: string, y: string) => x === y || x.startsWith(y + '.') || x.startsWith(y + '[');
  return inside(a, b) || inside(b, a);
}

/**
 * Applies `overrides` to a scenario given as a raw object (as read from a
 * file), returning a new raw object in the current format. Throws
 * `InvalidBaseScenarioError` when the base itself is invalid, `OverrideError`
 * when an override does not apply or makes the scenario invalid.
 */
export function applyOverrides(raw: unknown, overrides: Overrides): Json {
  return applyOverridesParsed(raw, overrides).raw;
}

/** Whether concrete path `p` is `q` or lies above it. */
const isPrefix = (p: readonly Key[], q: readonly Key[]) => p.length <= q.length && p.every((k, i) => k === q[i]);

/**
 * Like `applyOverrides`, also returning the parsed variant (defaults filled)
 * and, with `holdHeadcount`, what it changed (empty otherwise).
 */
export function applyOverridesParsed(
  raw: unknown,
  overrides: Overrides,
): { raw: Json; scenario: Scenario; held: TeamHold[] } {
  const migrated = migrate(raw);
  if (!migrated.ok) throw new InvalidBaseScenarioError(migrated.errors);
  const base = parseScenarioObject(migrated.value);
  if (!base.ok) throw new InvalidBaseScenarioError(base.errors);

  const doc = structuredClone(migrated.value) as Json;
  const touchedBy: { override: string; paths: string[] }[] = [];
  /** Concrete paths set by path overrides (not conveniences): what holdHeadcount leaves alone. */
  const explicitPaths: Key[][] = [];
  let hold: string | null = null;
  for (const [path, value] of Object.entries(overrides)) {
    // before describeOverride's JSON.stringify (and structuredClone below) recurse through the value
    const tooDeep = nestingErrors(value);
    if (tooDeep.length > 0) throw new OverrideError(`${path}=…`, [{ ...tooDeep[0], path: formatPath(pathKeys(path)) }]);
    const override = describeOverride(path, value);
    checkOverridePath(override, path);
    if (value === undefined)
      throw new OverrideError(override, [scenarioError([], 'override_value', '缺少取值', 'no value given')]);
    if (path === 'holdHeadcount') {
      if (typeof value !== 'boolean') {
        throw new OverrideError(override, [
          scenarioError(
            [path],
            'override_value',
            '须为 true 或 false',
            `must be true or false, got ${JSON.stringify(value)}`,
          ),
        ]);
      }
      if (value) hold = override;
      continue;
    }
    const named =
      Object.hasOwn(NAMED_OVERRIDES, path) ||
      (!path.includes('.') && !TOP_LEVEL.has(path) && !Object.hasOwn(doc, path));
    const touched = named ? applyNamed(doc, path, value, override) : setAt(doc, override, path, value);
    if (!named) explicitPaths.push(...touched);
    touchedBy.push({ override, paths: touched.map((k) => formatPath(k)) });
  }

  let held: TeamHold[] = [];
  if (hold !== null) {
    // Holding needs the variant's defaults (placement, stations); an invalid
    // variant is left as it is, for the check below to report.
    const mid = parseScenarioObject(doc);
    if (mid.ok) {
      const explicit = (t: number, s: number) =>
        explicitPaths.some((k) => isPrefix(k, ['teams', t, 'shifts', s, 'staff']));
      held = holdHeadcountPlan(base.scenario, mid.scenario, explicit);
      applyHoldPlan(doc as { teams: unknown }, held);
      touchedBy.push({
        override: hold,
        paths: held.flatMap((h) => [
          formatPath(['teams', h.team, 'placement']),
          ...h.staff.map((_, s) => formatPath(['teams', h.team, 'shifts', s, 'staff'])),
        ]),
      });
    }
  }

  const parsed = parseScenarioObject(doc);
  if (!parsed.ok) {
    // Name the override(s) each error lies under; errors under none blame them all.
    const blamed = new Set<string>();
    for (const e of parsed.errors) {
      const hits = touchedBy.filter((t) => t.paths.some((p) => related(e.path, p)));
      for (const h of hits.length > 0 ? hits : touchedBy) blamed.add(h.override);
    }
    throw new OverrideError([...blamed].join(', '), parsed.errors);
  }
  return { raw: doc, scenario: parsed.scenario, held };
}

function setAt(doc: Json, override: string, path: string, value: unknown): Key[][] {
  const { parent, key, concrete } = resolve(doc, override, path);
  (parent as Record<Key, unknown>)[key] = structuredClone(value);
  return [concrete];
}

/** `applyOverrides` on scenario file text, returning the variant as JSON text (what runners take). */
export function applyOverridesToText(text: string, overrides: Overrides): string {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const raw = scenarioRaw(src);
  if (Object.keys(overrides).length === 0) {
    const base = parseScenarioObject(raw);
    if (!base.ok) throw new InvalidBaseScenarioError(base.errors);
    return src;
  }
  return JSON.stringify(applyOverrides(raw, overrides));
}

/**
 * A value as typed on a command line or in a form: JSON when it parses
 * (`3`, `1.5`, `true`, `null`, `"x"`, `[1,2]`), the text itself otherwise
 * (`gridBound`, `08:00`).
 */
export function parseOverrideValue(text: string): unknown {
  const t = text.trim();
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
}

/**
 * A path as the scenario's own messages print it (`$.teams[0].shifts[1].staff`, `teams["night-patrol"].mode`)
 * in the dotted form overrides use (`teams.0.shifts.1.staff`, `teams.night-patrol.mode`); a dotted path comes
 * back as it was. What is left wrong (an empty segment, an unknown field) is reported by applying it.
 */
export function normaliseOverridePath(path: string): string {
  const p = path.trim().replace(/^\$(\.|(?=\[))/, '');
  return p
    .replace(/\[\s*(?:"([^"]*)"|'([^']*)'|([^\]]*?))\s*\]/g, (_m, dq?: string, sq?: string, bare?: string) => {
      return `.${dq ?? sq ?? bare ?? ''}`;
    })
    .replace(/^\./, '');
}

/** `path=value` → [path, value]; throws OverrideError without an `=` or with a forbidden segment. */
export function parseAssignment(text: string): [string, unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0) {
    throw new OverrideError(text, [
      scenarioError(
        [],
        'override_syntax',
        '须写作 路径=取值，如 city.gridSize=4',
        'must be path=value, e.g. city.gridSize=4',
      ),
    ]);
  }
  const path = normaliseOverridePath(text.slice(0, eq));
  checkOverridePath(text, path); // before `out[path] = value` could set a prototype
  return [path, parseOverrideValue(text.slice(eq + 1))];
}

/** A base scenario given as JSON text (a BOM allowed) or as an object, as a raw object. */
export function scenarioRaw(base: string | object): unknown {
  if (typeof base !== 'string') return base;
  const src = base.charCodeAt(0) === 0xfeff ? base.slice(1) : base;
  try {
    return JSON.parse(src);
  } catch (e) {
    throw new InvalidBaseScenarioError([notJsonError(src, e)]);
  }
}
