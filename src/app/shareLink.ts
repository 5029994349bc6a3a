/**
 * Share a scenario as a link, in the URL hash: the hash never reaches a
 * server, so a link works for the built app opened from a file share or an
 * intranet host, and the scenario stays on the machines of the people who
 * share it. Two forms:
 *
 * - **difference** (`#b=<built-in id>&h=<its hash>&t=<result hash>&d=<patch>`):
 *   the changes from a built-in scenario as a JSON Patch, compressed with
 *   lz-string (shareDiff.ts). A built-in with one change is ~150
 *   characters instead of ~15,700. It opens only to the very scenario that
 *   was shared (checked by content hash); a link made for another version
 *   of the built-in is refused with a clear error.
 * - **full** (`#s=<the scenario's JSON, lz-string>`): the whole scenario,
 *   independent of the app version; used when there is no built-in to
 *   start from, when it is shorter, or when asked for (`full: true`).
 *   Old links (all `#s=`) keep opening.
 *
 *     const link = shareLink(location.href, scenarioText);  // { url: 'https://host/app/#b=night-incidents&h=…', form: 'diff', baseId: 'night-incidents' }
 *     const r = readShareHash(location.hash);               // { kind: 'scenario', text } | { kind: 'none' } | { kind: 'damaged' } | { kind: 'refused', errors }
 *
 * Reading never throws: a hash that is not ours is `none`, one that does
 * not decompress is `damaged`, a difference that cannot be applied here is
 * `refused` with bilingual errors (the app shows them and carries on). The
 * text read back is validated like any file before it runs.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { ScenarioError } from '../scenario/messages.ts';
import { draftFromText } from './editor.ts';
import { builtinScenarios } from './scenarios.ts';
import { applyDiff, diffFrom, shortHash, type DiffBase } from './shareDiff.ts';

/** The full form's key (`#s=`). */
export const HASH_KEY = 's';
/** The difference form's keys: base id, base hash, result hash, compressed patch. */
export const DIFF_KEYS = { base: 'b', baseHash: 'h', targetHash: 't', patch: 'd' } as const;

export type ShareHash =
  | { kind: 'none' }
  | { kind: 'damaged' }
  | { kind: 'refused'; errors: ScenarioError[] }
  | { kind: 'scenario'; text: string };

/** A link made by shareLink: its URL, its form and the built-in a difference starts from. */
export interface ShareLink {
  url: string;
  form: 'diff' | 'full';
  baseId: string | null;
}

/** The scenario text as the hash's value (compact JSON when it parses, else as is). */
export function encodeScenario(text: string): string {
  let compact = text;
  try {
    compact = JSON.stringify(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch {
    // not JSON: share the text as it is; the receiver shows why it does not load
  }
  return compressToEncodedURIComponent(compact);
}

/**
 * The shortest link for a scenario: the difference from a built-in (the one
 * with the scenario's id, else any) when there is one and it is shorter,
 * else the full scenario. `full: true` always gives the full form.
 */
export function shareLink(
  href: string,
  scenarioText: string,
  opts: { full?: boolean; bases?: readonly DiffBase[] } = {},
): ShareLink {
  const page = href.split('#')[0];
  const full: ShareLink = { url: `${page}#${HASH_KEY}=${encodeScenario(scenarioText)}`, form: 'full', baseId: null };
  const draft = opts.full ? null : draftFromText(scenarioText);
  if (draft === null) return full;
  const bases = opts.bases ?? builtinScenarios();
  const same = bases.filter((b) => b.id === draft.id);
  const targetHash = shortHash(draft);
  if (targetHash === null) return full; // an invalid scenario: shared whole, the receiver sees its errors
  let best = full;
  for (const base of same.length > 0 ? same : bases) {
    const d = diffFrom(base, draft, targetHash);
    if (d === null) continue;
    const k = DIFF_KEYS;
    const url = `${page}#${k.base}=${encodeURIComponent(d.baseId)}&${k.baseHash}=${d.baseHash}&${k.targetHash}=${d.targetHash}&${k.patch}=${compressToEncodedURIComponent(JSON.stringify(d.ops))}`;
    if (url.length < best.url.length) best = { url, form: 'diff', baseId: d.baseId };
  }
  return best;
}

/** The URL of shareLink (`href` without its hash, plus the link's hash). */
export function shareUrl(
  href: string,
  scenarioText: string,
  opts: { full?: boolean; bases?: readonly DiffBase[] } = {},
): string {
  return shareLink(href, scenarioText, opts).url;
}

function decompress(value: string): string | null {
  try {
    return decompressFromEncodedURIComponent(value) || null;
  } catch {
    return null;
  }
}

/** A difference link's scenario, rebuilt from this version's built-in. */
function readDiff(params: URLSearchParams, bases: readonly DiffBase[]): ShareHash {
  const k = DIFF_KEYS;
  const json = decompress(params.get(k.patch) ?? '');
  if (json === null) return { kind: 'damaged' };
  let ops: unknown;
  try {
    ops = JSON.parse(json);
  } catch {
    return { kind: 'damaged' };
  }
  const r = applyDiff(bases, {
    baseId: params.get(k.base),
    baseHash: params.get(k.baseHash),
    targetHash: params.get(k.targetHash),
    ops,
  });
  if (!r.ok) return { kind: 'refused', errors: r.errors };
  return { kind: 'scenario', text: JSON.stringify(r.value, null, 2) + '\n' };
}

/** What a location hash carries (`bases`: the built-ins a difference may start from). */
export function readShareHash(hash: string, bases: readonly DiffBase[] = builtinScenarios()): ShareHash {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = new URLSearchParams(h.replace(/\+/g, '%2B')); // '+' is part of the encoding, not a space
  const value = params.get(HASH_KEY);
  if (value === null) return params.has(DIFF_KEYS.patch) ? readDiff(params, bases) : { kind: 'none' };
  let text: string | null = null;
  try {
    text = decompressFromEncodedURIComponent(value);
  } catch {
    text = null;
  }
  if (!text) return { kind: 'damaged' };
  return { kind: 'scenario', text };
}
