/**
 * Keys from outside: three names no file, link or path may use.
 *
 * Everything AllWeather reads from outside (scenario and drill files,
 * manifests and result.json, share links, `--set path=value` overrides)
 * becomes plain JavaScript objects that our code walks and copies. Three
 * property names are not data in JavaScript but doors into its object model:
 *
 * - `__proto__` is an accessor on Object.prototype: `obj['__proto__'] = v`
 *   replaces obj's prototype, and `obj['__proto__'].x = 1` writes onto
 *   Object.prototype itself, so every object of the program (every
 *   scenario, every zod result) suddenly has an `x`. That is *prototype
 *   pollution*: the run that follows, and every later file opened in the
 *   same page, sees a field nobody wrote;
 * - `constructor` leads from any object to its class (`({}).constructor` is
 *   `Object`) and `prototype` from a class to its instances' prototype, so
 *   `obj.constructor.prototype.x = 1` does the same.
 *
 * `JSON.parse` itself is safe: `{"__proto__": {...}}` becomes an ordinary own
 * property. The danger is in the code after it: following an outside key
 * with `obj[key]` (which also finds *inherited* properties) or copying one
 * with `target[key] = value` (the `__proto__` setter). No AllWeather format
 * uses these names, so rather than trust every walk and copy to be careful
 * we refuse them at the door, with one message that names where they stand:
 *
 *     $.overrides["run.__proto__.x"]: 不允许的路径段 __proto__ / forbidden path segment __proto__
 *
 * and the walks that follow outside keys read own properties only
 * (`ownValue`, `Object.hasOwn`).
 *
 * - `isForbiddenKey(k)`: one path segment or key.
 * - `forbiddenKeyErrors(json)`: every own key so named anywhere in parsed
 *   JSON, and every `id` so spelled (ids become keys: `teams.<id>.…`
 *   override paths, per-team tables). The walk is iterative, so a file
 *   nested a million levels deep cannot overflow the stack.
 * - `nestingErrors(json)`: the same door for depth. `JSON.parse` reads
 *   `[[[[…]]]]` fifty thousand levels deep, but `JSON.stringify` and
 *   `structuredClone` recurse and overflow the stack on it; where a format
 *   lets any JSON through (a manifest's override values and embedded
 *   scenario, `--set path=[[…]]`), values nested deeper than
 *   MAX_JSON_DEPTH are refused before anything copies or prints them.
 *
 * Pure: floor 0.
 */
import { scenarioError, type ScenarioError } from './messages.ts';

/** Deepest nesting accepted where a format lets any JSON through (no AllWeather file goes past ~8). */
export const MAX_JSON_DEPTH = 64;

/** The names refused as keys, path segments and ids. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const FORBIDDEN: ReadonlySet<string> = new Set(FORBIDDEN_KEYS);

type PathKey = string | number;

/** Whether `key` is one of FORBIDDEN_KEYS. */
export function isForbiddenKey(key: PropertyKey): boolean {
  return typeof key === 'string' && FORBIDDEN.has(key);
}

/** `obj[key]` when `obj` is an object that has `key` as its own property, else undefined: inherited members are never followed. */
export function ownValue(obj: unknown, key: PropertyKey): unknown {
  return typeof obj === 'object' && obj !== null && Object.hasOwn(obj, key)
    ? (obj as Record<PropertyKey, unknown>)[key]
    : undefined;
}

/** The error for a forbidden key or path segment `key` at `path`. */
export function forbiddenKeyError(path: string | readonly PathKey[], key: string): ScenarioError {
  return scenarioError(
    path,
    'forbidden_key',
    `不允许的路径段 ${key}（__proto__、constructor、prototype 会改写 JavaScript 的对象原型，AllWeather 的文件和路径从不使用）`,
    `forbidden path segment ${key} (__proto__, constructor and prototype reach into JavaScript's object prototypes; no AllWeather file or path uses them)`,
  );
}

/** The error for an `id` spelled as a forbidden key. */
function forbiddenIdError(path: readonly PathKey[], id: string): ScenarioError {
  return scenarioError(
    path,
    'forbidden_key',
    `不允许的 id ${id}（id 会用作路径段和对象键；__proto__、constructor、prototype 不能用）`,
    `forbidden id ${id} (ids are used as path segments and object keys; __proto__, constructor and prototype cannot be)`,
  );
}

/** One error per forbidden segment of a dotted override path (`run.__proto__.x`), located at `path`. */
export function forbiddenSegmentErrors(dotted: string, path: string | readonly PathKey[]): ScenarioError[] {
  return dotted
    .split('.')
    .filter(isForbiddenKey)
    .map((seg) => forbiddenKeyError(path, seg));
}

/**
 * Every own key named `__proto__`, `constructor` or `prototype` in a parsed
 * JSON value, and every string `id` spelled so, as errors located by their
 * JSON path (under `at`). Empty when the value is clean. At most `limit`
 * errors are returned (the first in document order).
 */
export function forbiddenKeyErrors(value: unknown, at: readonly PathKey[] = [], limit = 20): ScenarioError[] {
  const errors: ScenarioError[] = [];
  // Each node keeps its parent link, not its whole path: a path is built only
  // for an error, so a deeply nested file costs linear memory.
  interface Node {
    value: unknown;
    key: PathKey | null;
    parent: Node | null;
  }
  const pathOf = (n: Node): PathKey[] => {
    const keys: PathKey[] = [];
    for (let p: Node | null = n; p !== null && p.key !== null; p = p.parent) keys.push(p.key);
    return [...at, ...keys.reverse()];
  };
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0 && errors.length < limit) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: node });
      continue;
    }
    const keys = Object.keys(v);
    for (const k of keys) {
      if (FORBIDDEN.has(k)) errors.push(forbiddenKeyError(pathOf({ value: undefined, key: k, parent: node }), k));
    }
    const id = Object.hasOwn(v, 'id') ? (v as { id: unknown }).id : undefined;
    if (typeof id === 'string' && FORBIDDEN.has(id))
      errors.push(forbiddenIdError(pathOf({ value: id, key: 'id', parent: node }), id));
    for (let i = keys.length - 1; i >= 0; i--) {
      if (!FORBIDDEN.has(keys[i]))
        stack.push({ value: (v as Record<string, unknown>)[keys[i]], key: keys[i], parent: node });
    }
  }
  return errors.slice(0, limit);
}

/**
 * An error when arrays and objects nest more than `maxDepth` levels below
 * `value` (itself at depth 0), empty otherwise. It is located two levels
 * down the first such chain, under `at` (`$.overrides["run.days"]` rather
 * than a path with 64 `[0]`s). Iterative.
 */
export function nestingErrors(value: unknown, at: readonly PathKey[] = [], maxDepth = MAX_JSON_DEPTH): ScenarioError[] {
  const stack: { value: unknown; path: PathKey[] }[] = [{ value, path: [...at] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (path.length - at.length >= maxDepth) {
      return [
        scenarioError(
          path.slice(0, at.length + 2),
          'too_deep',
          `此处嵌套超过 ${maxDepth} 层（AllWeather 的文件不会这么深）`,
          `nests deeper than ${maxDepth} levels here (no AllWeather file does)`,
        ),
      ];
    }
    // paths stay short here: the walk stops at maxDepth
    const entries: [PathKey, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], path: [...path, entries[i][0]] });
  }
  return [];
}
