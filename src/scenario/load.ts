/**
 * Loading a scenario: text → JSON → migrated → parsed → validated.
 *
 *     const r = parseScenario(fileText);
 *     if (!r.ok) console.error(formatErrors(r.errors));
 *     else run(r.scenario);
 *
 * Each stage stops the pipeline with bilingual, path-located errors:
 * 1. `JSON.parse` (code `not_json`, with line and column);
 * 2. keys named `__proto__`, `constructor` or `prototype`, and ids so
 *    spelled (code `forbidden_key`: they lead onto Object.prototype, see
 *    safeKeys.ts), before any code walks or copies the object;
 * 3. `migrate` (missing/invalid `schemaVersion`, `schema_too_new`);
 * 4. the zod schema (types, ranges, unknown fields; every issue reported);
 * 5. `validateScenario` (fields that must agree with each other).
 *
 * `scenarioHash` identifies a scenario by content: the parsed scenario
 * (defaults filled, v1 files migrated) as canonical JSON with sorted keys,
 * hashed with 64-bit FNV-1a. Key order, whitespace, spelled-out defaults, the
 * format version a file was saved in and its `$schema` pointer do not change
 * the hash; any change to what the engine would see does. Pure TypeScript, so
 * the browser worker and the CLI compute the same hash.
 */
import { Scenario } from './schema.ts';
import { migrate } from './migrate.ts';
import { formatErrors, knownKeysIn, scenarioError, zodIssuesToErrors, type ScenarioError } from './messages.ts';
import { validateScenario } from './validate.ts';
import { forbiddenKeyErrors } from './safeKeys.ts';

export type { ScenarioError } from './messages.ts';
export { formatErrors } from './messages.ts';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const knownKeys = knownKeysIn(Scenario);

/** Parse a scenario file's text. A UTF-8 byte-order mark (as Windows editors and WPS write) is ignored. */
export function parseScenario(text: string): ParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(src);
  } catch (e) {
    return { ok: false, errors: [notJsonError(src, e)] };
  }
  return parseScenarioObject(raw);
}

/** Parse an already-decoded object (from JSON, IndexedDB, a worker message). The input is not modified. */
export function parseScenarioObject(raw: unknown): ParseResult {
  const forbidden = forbiddenKeyErrors(raw);
  if (forbidden.length > 0) return { ok: false, errors: forbidden };
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;
  const parsed = Scenario.safeParse(migrated.value, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: zodIssuesToErrors(parsed.error.issues, knownKeys) };
  const errors = validateScenario(parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: parsed.data };
}

/** Like `parseScenario`/`parseScenarioObject` but throws an Error listing every problem. */
export function loadScenarioOrThrow(input: string | unknown): Scenario {
  const r = typeof input === 'string' ? parseScenario(input) : parseScenarioObject(input);
  if (!r.ok) throw new Error(`场景无效 / invalid scenario:\n${formatErrors(r.errors)}`);
  return r.scenario;
}

// ---------------------------------------------------------------------------
// JSON syntax errors

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Where JSON.parse stopped. V8 says "... at position 42 (line 3 column 7)" or
 * "... at position 42"; Firefox says "at line 3 column 7"; an empty or cut-off
 * text ends "Unexpected end of JSON input" (the position is then the end).
 */
function errorLocation(text: string, message: string): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/i.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/i.exec(message);
  if (pos) return lineColumn(text, Number(pos[1]));
  if (/end of (JSON )?(input|data)/i.test(message)) return lineColumn(text, text.length);
  return undefined;
}

/** The error for text that `JSON.parse` refused (`e`): line, column and the text near it where the parser says where. */
export function notJsonError(text: string, e: unknown): ScenarioError {
  const message = e instanceof Error ? e.message : String(e);
  if (text.trim() === '')
    return scenarioError('$', 'not_json', '不是有效的 JSON：文件为空', 'not valid JSON: the file is empty');
  const at = errorLocation(text, message);
  const where = at
    ? { zh: `（第 ${at.line} 行第 ${at.column} 列）`, en: ` (line ${at.line}, column ${at.column})` }
    : { zh: '', en: '' };
  let near = '';
  if (at) {
    const lineText = text.split('\n')[at.line - 1] ?? '';
    const from = Math.max(0, at.column - 16);
    near = lineText.slice(from, at.column + 15).trim();
  }
  // with no place to point at, the parser's own words (in English) are all there is: in both lines
  const nearZh = near ? `，附近：${near}` : at ? '' : `（解析器：${message}）`;
  const nearEn = near ? `, near: ${near}` : '';
  return scenarioError(
    '$',
    'not_json',
    `不是有效的 JSON${where.zh}${nearZh}`,
    `not valid JSON${where.en}: ${message}${nearEn}`,
  );
}

// ---------------------------------------------------------------------------
// Content hash

/**
 * JSON with object keys sorted at every level, no whitespace; `undefined`
 * members dropped and non-finite numbers written as null, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/**
 * 64-bit FNV-1a over the UTF-8 bytes of `text`, as 16 hex digits.
 * The 64-bit product is done in two 32-bit halves (FNV prime = 2^40 + 0x1b3).
 */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const step = (byte: number) => {
    lo = (lo ^ byte) >>> 0;
    const loMul = lo * 0x1b3;
    const carry = Math.floor(loMul / 0x100000000);
    hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = loMul >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) step(c);
    else if (c < 0x800) {
      step(0xc0 | (c >> 6));
      step(0x80 | (c & 63));
    } else if (c < 0x10000) {
      step(0xe0 | (c >> 12));
      step(0x80 | ((c >> 6) & 63));
      step(0x80 | (c & 63));
    } else {
      step(0xf0 | (c >> 18));
      step(0x80 | ((c >> 12) & 63));
      step(0x80 | ((c >> 6) & 63));
      step(0x80 | (c & 63));
    }
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/**
 * Content hash of a scenario given as file text, a raw object, or an already
 * parsed `Scenario`. The scenario is parsed first (so defaults and migrations
 * apply) and `$schema` is left out. Throws if the scenario is invalid.
 */
export function scenarioHash(input: string | unknown): string {
  const { $schema: _editorHint, ...content } = loadScenarioOrThrow(input);
  return fnv1a64(canonicalJson(content));
}
