/**
 * Bilingual error messages for scenario files.
 *
 * A planner who mistypes a field should be told *where* (a JSON path such as
 * `$.teams[2].shifts[0].end`) and *what* in Chinese first, English second:
 *
 *     $.eventTypes[0].ratePerDay: 应为数字，实际为字符串 "12"（请去掉引号） / expected number, got string "12" (remove the quotes)
 *
 * zod reports problems as *issues* (one per failed check, with a `code`); this
 * module turns every issue code zod v4 can raise into a `ScenarioError`. The
 * same type is used by the migration step (`migrate.ts`) and the cross-field
 * checks (`validate.ts`), so callers see one list of errors whatever stage
 * failed. zod's own English messages are not reused: they are written here in
 * both languages from the issue's structured fields.
 *
 * Pass `{ reportInput: true }` to `safeParse` so that messages can say what
 * the file actually contained ("got string"), not only what was expected.
 */
import type { z } from 'zod';
import { RENAMED_FIELDS } from './migrate.ts';

/** One problem in a scenario file, located by a JSON path, in Chinese and English. */
export interface ScenarioError {
  /** JSON path, e.g. `$.teams[2].shifts[0].end`; `$` is the whole file. */
  path: string;
  /** A zod issue code (`invalid_type`, ...) or one of ours (`not_json`, `schema_too_new`, `grid_size_not_dividing`, ...). */
  code: string;
  zh: string;
  en: string;
}

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** Build an error; a small helper so every stage writes errors the same way. */
export function scenarioError(path: string | readonly PathKey[], code: string, zh: string, en: string): ScenarioError {
  return { path: typeof path === 'string' ? path : formatPath(path), code, zh, en };
}

/** `['teams', 2, 'shifts', 0, 'end']` → `$.teams[2].shifts[0].end`; odd keys are quoted: `$["a b"]`. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** One line per error: `$.path: 中文 / English`. */
export function formatErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => `${e.path}: ${e.zh} / ${e.en}`).join('\n');
}

/** Keys that are allowed at a path, used to suggest a fix for an unknown field. */
export type KnownKeys = (path: readonly PathKey[]) => readonly string[];

/** Turn zod issues into bilingual errors. `knownKeys` (see `knownKeysIn`) adds "did you mean" hints. */
export function zodIssuesToErrors(issues: readonly Issue[], knownKeys?: KnownKeys): ScenarioError[] {
  return issues.flatMap((issue) => issueToErrors(issue, [], knownKeys));
}

// ---------------------------------------------------------------------------
// Names of types and values

const TYPE_NAMES: Record<string, [zh: string, en: string]> = {
  string: ['字符串', 'string'],
  number: ['数字', 'number'],
  int: ['整数', 'integer'],
  boolean: ['布尔值', 'boolean'],
  object: ['对象 {…}', 'object {…}'],
  array: ['数组 […]', 'array […]'],
  null: ['null（空值）', 'null'],
  undefined: ['空（缺失）', 'nothing (missing)'],
  bigint: ['大整数', 'bigint'],
  NaN: ['NaN（非数字）', 'NaN (not a number)'],
  Infinity: ['无穷大 Infinity', 'Infinity'],
  '-Infinity': ['负无穷大 -Infinity', '-Infinity'],
  function: ['函数', 'function'],
  symbol: ['符号', 'symbol'],
  date: ['日期', 'date'],
  tuple: ['元组', 'tuple'],
  record: ['对象 {…}', 'object {…}'],
};

function typeName(t: string): [string, string] {
  return TYPE_NAMES[t] ?? [t, t];
}

/** What kind of value `v` is, in the vocabulary of TYPE_NAMES. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  }
  return typeof v;
}

/** A short rendering of a value for a message: `"abc"`, `12`, `[3 items]`. */
export function preview(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return `[${v.length} items]`;
  if (typeof v === 'object') return '{…}';
  return String(v);
}

/** The received kind, from the issue's `received` (NaN, Infinity), its input, or zod's message. */
function receivedKind(issue: Issue): string | undefined {
  const received = (issue as { received?: unknown }).received;
  if (typeof received === 'string') return received;
  if ('input' in issue) return kindOf(issue.input);
  const m = /received (\w+)/.exec(issue.message);
  return m ? m[1] : undefined;
}

function orList(values: readonly unknown[], zh: boolean): string {
  return values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(zh ? '、' : ' | ');
}

const COMMA_ZH = '，';

// ---------------------------------------------------------------------------
// Known messages from schema.ts (regex formats, custom refinements)

const FORMAT_MESSAGES: Record<string, (input: string) => [string, string]> = {
  'HH:MM or HH:MM+1': (v) => [
    `时间格式应为 "HH:MM"（00:00–24:00），跨过午夜的结束时间写作 "HH:MM+1"，实际为 ${preview(v)}`,
    `time must be "HH:MM" (00:00–24:00), or "HH:MM+1" for an end on the next day, got ${preview(v)}`,
  ],
  'lower-case letters, digits and dashes': (v) => [
    `只能使用小写字母、数字和连字符 (-)，实际为 ${preview(v)}`,
    `use lower-case letters, digits and dashes only, got ${preview(v)}`,
  ],
};

const CUSTOM_MESSAGES: Record<string, (input: unknown) => [string, string]> = {
  'profile must have 24 or 168 entries': (v) => {
    const n = Array.isArray(v) ? v.length : '?';
    return [
      `应有 24 个（一天每小时）或 168 个（一周每小时，周一 00:00 起）数值，实际为 ${n} 个`,
      `must have 24 entries (hours of a day) or 168 (hours of a week, Monday 00:00 first), got ${n}`,
    ];
  },
};

// ---------------------------------------------------------------------------
// Issues

function issueToErrors(issue: Issue, prefix: readonly PathKey[], knownKeys?: KnownKeys): ScenarioError[] {
  const path = [...prefix, ...issue.path];
  const one = (zh: string, en: string): ScenarioError[] => [scenarioError(path, issue.code, zh, en)];
  switch (issue.code) {
    case 'invalid_type': {
      const [ezh, een] = typeName(issue.expected);
      const got = receivedKind(issue);
      if (got === undefined || got === 'undefined') {
        return one(`缺少必填字段（应为${ezh}）`, `required field is missing (expected ${een})`);
      }
      const hasInput = 'input' in issue;
      const input = hasInput ? issue.input : undefined;
      if (issue.expected === 'int' && got === 'number') {
        if (!hasInput) return one('应为整数', 'expected an integer');
        return one(`应为整数，实际为 ${preview(input)}`, `expected an integer, got ${preview(input)}`);
      }
      const [rzh, ren] = typeName(got);
      const show = hasInput && (got === 'string' || got === 'boolean') ? ` ${preview(input)}` : '';
      let hzh = '';
      let hen = '';
      if (
        (issue.expected === 'number' || issue.expected === 'int') &&
        typeof input === 'string' &&
        input.trim() !== '' &&
        Number.isFinite(Number(input))
      ) {
        hzh = '（请去掉引号）';
        hen = ' (remove the quotes)';
      }
      return one(`应为${ezh}${COMMA_ZH}实际为${rzh}${show}${hzh}`, `expected ${een}, got ${ren}${show}${hen}`);
    }

    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
      const inclusive = issue.inclusive !== false;
      const input = 'input' in issue ? issue.input : undefined;
      if (issue.origin === 'array' || issue.origin === 'set' || issue.origin === 'string') {
        const isStr = issue.origin === 'string';
        const n = isStr ? (typeof input === 'string' ? input.length : '?') : Array.isArray(input) ? input.length : '?';
        const [uzh, uen] = isStr ? ['个字符', 'character(s)'] : ['项', 'item(s)'];
        if (isStr && small && Number(bound) === 1) return one('不能为空字符串', 'must not be empty');
        if (issue.exact)
          return one(
            `应恰好有 ${bound} ${uzh}${COMMA_ZH}实际为 ${n} ${uzh}`,
            `must have exactly ${bound} ${uen}, got ${n}`,
          );
        return small
          ? one(`至少需要 ${bound} ${uzh}${COMMA_ZH}实际为 ${n} ${uzh}`, `needs at least ${bound} ${uen}, got ${n}`)
          : one(`最多 ${bound} ${uzh}${COMMA_ZH}实际为 ${n} ${uzh}`, `allows at most ${bound} ${uen}, got ${n}`);
      }
      const got = preview(input);
      const op = small ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
      if (small && Number(bound) === 0) {
        return inclusive
          ? one(`不能为负数（应 ≥ 0）${COMMA_ZH}实际为 ${got}`, `must not be negative (≥ 0), got ${got}`)
          : one(`应为正数（> 0）${COMMA_ZH}实际为 ${got}`, `must be positive (> 0), got ${got}`);
      }
      return one(`应 ${op} ${bound}${COMMA_ZH}实际为 ${got}`, `must be ${op} ${bound}, got ${got}`);
    }

    case 'not_multiple_of':
      return one(`应为 ${issue.divisor} 的倍数`, `must be a multiple of ${issue.divisor}`);

    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKeyError([...path, key], path, key, knownKeys));

    case 'invalid_value': {
      const input = 'input' in issue ? issue.input : undefined;
      const got = input === undefined ? '' : `${COMMA_ZH}实际为 ${preview(input)}`;
      const gotEn = input === undefined ? '' : `, got ${preview(input)}`;
      if (issue.values.length === 1)
        return one(`应为 ${orList(issue.values, true)}${got}`, `expected ${orList(issue.values, false)}${gotEn}`);
      return one(
        `应为以下之一：${orList(issue.values, true)}${got}`,
        `expected one of ${orList(issue.values, false)}${gotEn}`,
      );
    }

    case 'invalid_union': {
      if (issue.discriminator !== undefined) {
        // zod puts the discriminator on the path; the input is the whole object.
        const options = 'options' in issue && issue.options ? issue.options : [];
        const input = 'input' in issue ? issue.input : undefined;
        const tag =
          input !== null && typeof input === 'object'
            ? (input as Record<string, unknown>)[issue.discriminator]
            : undefined;
        const d = issue.discriminator;
        if (tag === undefined) {
          return one(
            `缺少 "${d}" 字段，应为以下之一：${orList(options, true)}`,
            `missing "${d}", expected one of ${orList(options, false)}`,
          );
        }
        return one(
          `"${d}" 的取值 ${preview(tag)} 无效，应为以下之一：${orList(options, true)}`,
          `invalid "${d}" ${preview(tag)}, expected one of ${orList(options, false)}`,
        );
      }
      if (issue.inclusive === false) {
        return one('同时符合多个互斥的形式', 'matches more than one of the exclusive forms');
      }
      // Report the branch that came closest (fewest issues), under the union's path.
      const branches = issue.errors.filter((b) => b.length > 0);
      if (branches.length === 0) return one('不符合任何允许的形式', 'does not match any allowed form');
      const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
      const head = scenarioError(
        path,
        issue.code,
        '不符合任何允许的形式（以下为最接近的一种）',
        'does not match any allowed form (closest one below)',
      );
      return [head, ...best.flatMap((sub) => issueToErrors(sub, path, knownKeys))];
    }

    case 'invalid_key': {
      const inner = issue.issues.flatMap((sub) => issueToErrors(sub, path, knownKeys));
      return [scenarioError(path, issue.code, '含有无效的键', 'has an invalid key'), ...inner];
    }

    case 'invalid_element': {
      const inner = issue.issues.flatMap((sub) => issueToErrors(sub, path, knownKeys));
      return [
        scenarioError(path, issue.code, `元素 ${preview(issue.key)} 无效`, `invalid element ${preview(issue.key)}`),
        ...inner,
      ];
    }

    case 'invalid_format': {
      const input = typeof issue.input === 'string' ? issue.input : '';
      const known = FORMAT_MESSAGES[issue.message];
      if (known) {
        const [zh, en] = known(input);
        return one(zh, en);
      }
      if (issue.format === 'regex' && issue.pattern) {
        return one(
          `格式不符合 ${issue.pattern}${COMMA_ZH}实际为 ${preview(input)}`,
          `does not match ${issue.pattern}, got ${preview(input)}`,
        );
      }
      return one(
        `格式无效（应为 ${issue.format}）${COMMA_ZH}实际为 ${preview(input)}`,
        `invalid ${issue.format}, got ${preview(input)}`,
      );
    }

    case 'custom': {
      const known = CUSTOM_MESSAGES[issue.message];
      if (known) {
        const [zh, en] = known('input' in issue ? issue.input : undefined);
        return one(zh, en);
      }
      return one(`校验未通过：${issue.message}`, issue.message || 'failed a custom check');
    }

    default: {
      // A code added by a later zod: keep its message rather than lose the error.
      const unknownIssue = issue as { code?: string; message?: string };
      return [
        scenarioError(
          path,
          unknownIssue.code ?? 'unknown',
          `无效：${unknownIssue.message ?? ''}`,
          unknownIssue.message ?? 'invalid',
        ),
      ];
    }
  }
}

// ---------------------------------------------------------------------------
// Unknown fields: name them, and suggest what was meant

function unknownKeyError(
  path: readonly PathKey[],
  parent: readonly PathKey[],
  key: string,
  knownKeys?: KnownKeys,
): ScenarioError {
  const renamed = RENAMED_FIELDS.find((r) => r.from === key && samePath(r.parent, parent));
  if (renamed) {
    return scenarioError(
      path,
      'unrecognized_keys',
      `未知字段 "${key}"：这是 schemaVersion ${renamed.version} 的写法，当前版本已改名为 "${renamed.to}"（或把 schemaVersion 改为 ${renamed.version} 让程序自动迁移）`,
      `unknown field "${key}": that is the schemaVersion ${renamed.version} name, now "${renamed.to}" (or set schemaVersion to ${renamed.version} to migrate automatically)`,
    );
  }
  const guess = knownKeys ? closest(key, knownKeys(parent)) : undefined;
  const hzh = guess ? `，是否想写 "${guess}"？` : '';
  const hen = guess ? `; did you mean "${guess}"?` : '';
  return scenarioError(
    path,
    'unrecognized_keys',
    `未知字段 "${key}"（此处不允许额外字段）${hzh}`,
    `unknown field "${key}" (no extra fields allowed here)${hen}`,
  );
}

function samePath(a: readonly PathKey[], b: readonly PathKey[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** The known key nearest to `key` (case-insensitive edit distance ≤ 2, or one contains the other). */
function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const k = key.toLowerCase();
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const d = cl === k ? 0 : editDistance(k, cl);
    const near = d <= 2 || (k.length >= 3 && (cl.includes(k) || k.includes(cl)));
    if (near && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * `knownKeysIn(schema)` answers "which keys may appear at this path?" by
 * walking the zod schema: objects give their shape, records with an enum key
 * give the enum, unions give the keys of every option.
 */
export function knownKeysIn(schema: z.ZodType): KnownKeys {
  return (path) => {
    let nodes: unknown[] = [schema];
    for (const key of path) nodes = nodes.flatMap((n) => childrenAt(n, key));
    return [...new Set(nodes.flatMap(keysOf))];
  };
}

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  options?: unknown[];
  in?: unknown;
  keyType?: unknown;
  valueType?: unknown;
  entries?: Record<string, unknown>;
}

function defOf(node: unknown): Def | undefined {
  return (node as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

/** Strip wrappers (default, optional, ...) and spread unions into their options. */
function unwrap(node: unknown): unknown[] {
  const def = defOf(node);
  if (!def) return [];
  if (def.innerType !== undefined) return unwrap(def.innerType);
  if (def.type === 'pipe') return unwrap(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
  return [node];
}

function childrenAt(node: unknown, key: PathKey): unknown[] {
  return unwrap(node).flatMap((n) => {
    const def = defOf(n)!;
    // own keys only: a path from a file may say `__proto__` or `constructor`
    if (def.type === 'object' && def.shape && typeof key === 'string' && Object.hasOwn(def.shape, key))
      return [def.shape[key]];
    if (def.type === 'array' && typeof key === 'number') return [def.element];
    if (def.type === 'record') return [def.valueType];
    return [];
  });
}

function keysOf(node: unknown): string[] {
  return unwrap(node).flatMap((n) => {
    const def = defOf(n)!;
    if (def.type === 'object' && def.shape) return Object.keys(def.shape);
    if (def.type === 'record') {
      const keyDef = defOf(def.keyType);
      if (keyDef?.type === 'enum' && keyDef.entries) return Object.keys(keyDef.entries);
    }
    return [];
  });
}
