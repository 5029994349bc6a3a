/**
 * Share a scenario as a link: its JSON, compressed with lz-string into the
 * URL hash (`#s=...`). The hash never reaches a server, so a link works for
 * the built app opened from a file share or an intranet host, and the
 * scenario stays on the machines of the people who share it.
 *
 *     const url = shareUrl(location.href, scenarioText);   // https://host/app/#s=N4Ig…
 *     const r = readShareHash(location.hash);              // { kind: 'scenario', text } | { kind: 'none' } | { kind: 'damaged' }
 *
 * Reading never throws: a hash that is not ours is `none`, one that does
 * not decompress is `damaged` (the app shows an error and carries on). The
 * text read back is validated like any file before it runs.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export const HASH_KEY = 's';

export type ShareHash = { kind: 'none' } | { kind: 'damaged' } | { kind: 'scenario'; text: string };

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

/** `href` without its hash, plus `#s=<compressed scenario>`. */
export function shareUrl(href: string, scenarioText: string): string {
  const base = href.split('#')[0];
  return `${base}#${HASH_KEY}=${encodeScenario(scenarioText)}`;
}

/** What a location hash carries. */
export function readShareHash(hash: string): ShareHash {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = new URLSearchParams(h.replace(/\+/g, '%2B')); // '+' is part of the encoding, not a space
  const value = params.get(HASH_KEY);
  if (value === null) return { kind: 'none' };
  let text: string | null = null;
  try {
    text = decompressFromEncodedURIComponent(value);
  } catch {
    text = null;
  }
  if (!text) return { kind: 'damaged' };
  return { kind: 'scenario', text };
}
