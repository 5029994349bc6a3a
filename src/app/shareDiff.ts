/**
 * A scenario as a difference from a built-in one: the short form of a share
 * link.
 *
 * A whole scenario compressed into a link is 12,000–16,000 characters, long
 * enough for chat tools and mail clients to cut. Most shared scenarios are a
 * built-in with a few fields changed (a night patrol of 16 instead of 8), so
 * a link carries only those changes, as a JSON Patch (RFC 6902, generated
 * and applied by the fast-json-patch library), and names the built-in they
 * apply to with two short content hashes:
 *
 *     const d = diffFrom(builtin, draft);      // { baseId, baseHash, targetHash, ops: [{ op: 'replace', path: '/teams/1/shifts/0/staff', value: 16 }] }
 *     const r = applyDiff(builtins, d);        // { ok: true, value: <the draft again> } | { ok: false, errors }
 *
 * - `baseHash` is the first HASH_CHARS hex digits of the built-in's
 *   `scenarioHash` when the link was made; `targetHash` those of the
 *   scenario the link stands for (the hash the editor shows).
 * - Opening applies the patch to this version's built-in and accepts the
 *   result only when its hash is `targetHash`: the scenario opened is
 *   exactly the one shared, or the link is refused with a clear error
 *   ("this link was made for another version of <scenario>") — never a
 *   silently different scenario. A link made against an older built-in
 *   whose changes do not touch what changed still opens (same result hash).
 * - Patches are outside input: an operation whose path (or `from`) has a
 *   `__proto__`, `constructor` or `prototype` segment is refused at its path
 *   (safeKeys.ts) before anything is applied, as is a malformed operation or
 *   one nested too deep. Values the patch brings in are validated with the
 *   scenario afterwards like any file. Nothing here throws.
 *
 * The patch is taken between drafts as the editor holds them (the file's
 * JSON migrated to the current format: draftFromText), so what a reader
 * gets back is the sender's draft field for field.
 */
import jsonpatch, { type Operation } from 'fast-json-patch';
import { scenarioHash } from '../scenario/load.ts';
import { scenarioError, type ScenarioError } from '../scenario/messages.ts';
import { forbiddenKeyError, isForbiddenKey, nestingErrors } from '../scenario/safeKeys.ts';
import { draftFromText, type Json } from './editor.ts';

/** Hex digits of a content hash kept in a link (48 bits). */
export const HASH_CHARS = 12;
/** Most operations a link may carry (a hand-made scenario has a few dozen). */
export const MAX_OPS = 5000;

/** A built-in scenario a link can be based on. */
export interface DiffBase {
  id: string;
  name: { zh: string; en: string };
  text: string;
}

/** What a diff link carries. */
export interface ScenarioDiff {
  baseId: string;
  baseHash: string;
  targetHash: string;
  ops: Operation[];
}

export type ApplyResult = { ok: true; value: Json; baseId: string } | { ok: false; errors: ScenarioError[] };

/** The first HASH_CHARS digits of a scenario's content hash; null when it is not a valid scenario. */
export function shortHash(scenario: string | Json): string | null {
  try {
    return scenarioHash(scenario).slice(0, HASH_CHARS);
  } catch {
    return null;
  }
}

const baseHashes = new Map<string, string | null>();
/** shortHash of a built-in's text, computed once per text. */
function baseHashOf(base: DiffBase): string | null {
  if (!baseHashes.has(base.text)) baseHashes.set(base.text, shortHash(base.text));
  return baseHashes.get(base.text)!;
}

/** The patch that turns `base` into `draft`; null when either is not a valid scenario. `targetHash`: the draft's shortHash when known. */
export function diffFrom(
  base: DiffBase,
  draft: Json,
  targetHash: string | null = shortHash(draft),
): ScenarioDiff | null {
  const from = draftFromText(base.text);
  const baseHash = baseHashOf(base);
  if (from === null || baseHash === null || targetHash === null) return null;
  return { baseId: base.id, baseHash, targetHash, ops: jsonpatch.compare(from, draft) };
}

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);
const HEX = new RegExp(`^[0-9a-f]{${HASH_CHARS}}$`);

/** The segments of a JSON Pointer (`/teams/1/~1x` → ['teams', 1, '/x']); null when it is not one. */
function pointerSegments(pointer: string): (string | number)[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => {
      const k = s.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9]\d{0,8})$/.test(k) ? Number(k) : k;
    });
}

function damaged(en: string, zh: string): ScenarioError[] {
  return [
    scenarioError(
      '$',
      'link_damaged',
      `分享链接已损坏（${zh}），请重新复制完整链接`,
      `The share link is damaged (${en}); copy the whole link again`,
    ),
  ];
}

/**
 * Check an untrusted patch: an array of at most MAX_OPS operations, each
 * with a known `op` and string pointers whose segments are no forbidden
 * keys. Returns the errors (empty when it may be applied).
 */
export function patchErrors(ops: unknown): ScenarioError[] {
  if (!Array.isArray(ops)) return damaged('no list of changes', '没有改动列表');
  if (ops.length > MAX_OPS) return damaged(`more than ${MAX_OPS} changes`, `改动超过 ${MAX_OPS} 处`);
  const deep = nestingErrors(ops);
  if (deep.length > 0) return deep;
  const errors: ScenarioError[] = [];
  for (const op of ops) {
    if (typeof op !== 'object' || op === null || Array.isArray(op))
      return damaged('a change is not an object', '某处改动不是对象');
    const o = op as Record<string, unknown>;
    if (typeof o.op !== 'string' || !OPS.has(o.op) || typeof o.path !== 'string')
      return damaged('a change has no valid op or path', '某处改动缺少有效的 op 或 path');
    for (const pointer of [o.path, ...(o.op === 'move' || o.op === 'copy' ? [o.from] : [])]) {
      const segs = typeof pointer === 'string' ? pointerSegments(pointer) : null;
      if (segs === null)
        return damaged(
          `"${String(pointer).slice(0, 40)}" is not a JSON pointer`,
          `“${String(pointer).slice(0, 40)}”不是 JSON 指针`,
        );
      const bad = segs.findIndex(isForbiddenKey);
      if (bad >= 0) errors.push(forbiddenKeyError(segs.slice(0, bad + 1), String(segs[bad])));
    }
  }
  return errors;
}

/** The error for a link whose base is not this version's built-in. */
export function otherVersionError(base: DiffBase): ScenarioError {
  return scenarioError(
    '$',
    'link_other_version',
    `此链接是为另一版本的“${base.name.zh}”（${base.id}）制作的，无法在本版本中还原；请向发送者索取场景文件或“完整链接”`,
    `This link was made for another version of "${base.name.en}" (${base.id}) and cannot be restored in this version; ask the sender for the scenario file or a full link`,
  );
}

/**
 * Rebuild the scenario a diff link stands for from this version's built-ins.
 * Never throws: unknown base, malformed or forbidden patch, another
 * version's base are all errors.
 */
export function applyDiff(
  bases: readonly DiffBase[],
  diff: { baseId: unknown; baseHash: unknown; targetHash: unknown; ops: unknown },
): ApplyResult {
  const { baseId, baseHash, targetHash, ops } = diff;
  if (
    typeof baseId !== 'string' ||
    typeof baseHash !== 'string' ||
    typeof targetHash !== 'string' ||
    !HEX.test(baseHash) ||
    !HEX.test(targetHash)
  ) {
    return { ok: false, errors: damaged('its base or hash is garbled', '基准场景或哈希值有误') };
  }
  const base = bases.find((b) => b.id === baseId);
  if (!base) {
    return {
      ok: false,
      errors: [
        scenarioError(
          '$',
          'link_unknown_base',
          `此链接基于内置场景“${baseId.slice(0, 60)}”，本版本没有这个场景；请向发送者索取场景文件或“完整链接”`,
          `This link is based on the built-in scenario "${baseId.slice(0, 60)}", which this version does not have; ask the sender for the scenario file or a full link`,
        ),
      ],
    };
  }
  const errors = patchErrors(ops);
  if (errors.length > 0) return { ok: false, errors };
  const from = draftFromText(base.text);
  if (from === null) return { ok: false, errors: [otherVersionError(base)] };
  let value: Json;
  try {
    value = jsonpatch.applyPatch(from, ops as Operation[], true, true, true).newDocument;
  } catch {
    // an operation that does not fit this version's built-in (a path that is not there)
    return { ok: false, errors: [otherVersionError(base)] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, errors: damaged('it does not give a scenario', '还原结果不是场景') };
  // the result must be the very scenario that was shared
  const got = shortHash(value);
  if (got !== targetHash) {
    if (got === null && baseHashOf(base) === baseHash) return { ok: true, value, baseId }; // same base, an invalid draft: its errors show on load
    return { ok: false, errors: [otherVersionError(base)] };
  }
  return { ok: true, value, baseId };
}
