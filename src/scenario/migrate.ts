/**
 * Migrations: bring a scenario file written by an older AllWeather up to the
 * current format before it is parsed.
 *
 * Every file carries `schemaVersion`. Each migration lifts a document by one
 * version (`from` → `from + 1`); `migrate` applies them in order until the
 * document reaches `SCHEMA_VERSION`. A migration works on the raw JSON (before
 * zod) and never mutates its input, so the caller's object is left as read.
 *
 * To change the format: bump `SCHEMA_VERSION` in schema.ts, add one entry to
 * `MIGRATIONS` here, list renamed fields in `RENAMED_FIELDS` (so that a new
 * file written with an old name gets a helpful hint), and add a v(N) → v(N+1)
 * test with a twin file. Old migrations are never edited.
 *
 * Version history
 * - 1: first draft. Run length `run.horizonDays`, grid size `city.gridK`.
 * - 2: `run.horizonDays` → `run.days`, `city.gridK` → `city.gridSize`.
 */
import { SCHEMA_VERSION } from './schema.ts';
import type { ScenarioError } from './messages.ts';

type Doc = Record<string, unknown>;

export interface Migration {
  /** The version this migration reads; it writes `from + 1`. */
  from: number;
  /** What changed, for logs and the changelog. */
  summary: { zh: string; en: string };
  up: (doc: Doc) => Doc;
}

/** A field that a migration renamed: `parent` is its object's path. */
export interface RenamedField {
  /** The last version that used the old name. */
  version: number;
  parent: readonly string[];
  from: string;
  to: string;
}

export const RENAMED_FIELDS: readonly RenamedField[] = [
  { version: 1, parent: ['run'], from: 'horizonDays', to: 'days' },
  { version: 1, parent: ['city'], from: 'gridK', to: 'gridSize' },
];

/** Ordered by `from`; there must be one for every version below SCHEMA_VERSION. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    summary: {
      zh: 'run.horizonDays 改名为 run.days；city.gridK 改名为 city.gridSize',
      en: 'run.horizonDays renamed to run.days; city.gridK renamed to city.gridSize',
    },
    up: (doc) =>
      applyRenames(
        doc,
        RENAMED_FIELDS.filter((r) => r.version === 1),
      ),
  },
];

export type MigrateResult =
  { ok: true; value: Doc; fromVersion: number; applied: number[] } | { ok: false; errors: ScenarioError[] };

/**
 * Bring `raw` (parsed JSON) to the current version. Returns the migrated
 * document (a copy where anything changed) with `schemaVersion` set to
 * SCHEMA_VERSION, or errors when the version is missing, malformed or newer
 * than this program (`schema_too_new`).
 */
export function migrate(raw: unknown): MigrateResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const kind = raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw;
    const zh =
      { null: 'null（空值）', array: '数组', string: '字符串', number: '数字', boolean: '布尔值' }[kind as string] ??
      kind;
    return fail(
      '$',
      'invalid_type',
      `场景文件的顶层应为对象 {…}，实际为${zh}`,
      `a scenario file must be an object {…} at the top level, got ${kind}`,
    );
  }
  const doc = raw as Doc;
  if (!Object.hasOwn(doc, 'schemaVersion') || doc.schemaVersion === undefined) {
    return fail(
      '$.schemaVersion',
      'schema_version_missing',
      `缺少 schemaVersion 字段；当前格式请写 "schemaVersion": ${SCHEMA_VERSION}`,
      `schemaVersion is missing; for the current format write "schemaVersion": ${SCHEMA_VERSION}`,
    );
  }
  const v = doc.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    const shown = typeof v === 'string' ? JSON.stringify(v) : String(v);
    const hint =
      typeof v === 'string' && /^\d+$/.test(v)
        ? { zh: '（请去掉引号）', en: ' (remove the quotes)' }
        : { zh: '', en: '' };
    return fail(
      '$.schemaVersion',
      'schema_version_invalid',
      `schemaVersion 应为正整数，实际为 ${shown}${hint.zh}`,
      `schemaVersion must be a positive integer, got ${shown}${hint.en}`,
    );
  }
  if (v > SCHEMA_VERSION) {
    return fail(
      '$.schemaVersion',
      'schema_too_new',
      `此文件由更新版本的 AllWeather 生成 (schemaVersion ${v})，本程序只支持到 ${SCHEMA_VERSION}，请升级`,
      `file was written by a newer AllWeather (schemaVersion ${v}); this program supports up to ${SCHEMA_VERSION}, please upgrade`,
    );
  }
  let cur: Doc = doc;
  const applied: number[] = [];
  for (let version = v; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) {
      return fail(
        '$.schemaVersion',
        'migration_missing',
        `无法从 schemaVersion ${version} 迁移（缺少迁移步骤，这是程序缺陷）`,
        `cannot migrate from schemaVersion ${version} (no migration step; this is a bug)`,
      );
    }
    cur = { ...step.up(cur), schemaVersion: version + 1 };
    applied.push(version);
  }
  return { ok: true, value: cur, fromVersion: v, applied };
}

function fail(path: string, code: string, zh: string, en: string): MigrateResult {
  return { ok: false, errors: [{ path, code, zh, en }] };
}

/**
 * Rename fields in place of the old key (key order is kept). When the object
 * already has the new name too, both are left so that parsing reports the old
 * one as unknown instead of silently dropping a value.
 */
function applyRenames(doc: Doc, renames: readonly RenamedField[]): Doc {
  let out = doc;
  for (const r of renames) out = renameAt(out, r.parent, r.from, r.to);
  return out;
}

function renameAt(obj: Doc, parent: readonly string[], from: string, to: string): Doc {
  if (parent.length > 0) {
    const [head, ...rest] = parent;
    const child = Object.hasOwn(obj, head) ? obj[head] : undefined;
    if (child === null || typeof child !== 'object' || Array.isArray(child)) return obj;
    const next = renameAt(child as Doc, rest, from, to);
    return next === child ? obj : { ...obj, [head]: next };
  }
  if (!Object.hasOwn(obj, from) || Object.hasOwn(obj, to)) return obj;
  // fromEntries defines own properties, so even a "__proto__" key stays plain data.
  return Object.fromEntries(Object.entries(obj).map(([k, val]) => [k === from ? to : k, val]));
}
