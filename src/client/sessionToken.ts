/**
 * The drill's session token: what binds a trainee window to the trainer
 * window that opened it.
 *
 * A BroadcastChannel is no boundary: every page of the origin can open
 * `allweather-drill-<id>` and post on it. So the trainer draws 128 random
 * bits (`crypto.getRandomValues`) when it loads a drill, and gives them only
 * to the trainee windows it opens, in the link's fragment:
 *
 *   drill.html?drill=red-night-drill&role=trainee#token=5f0c…(32 hex digits)
 *
 * The fragment never leaves the browser (it is not sent to the server, nor
 * in a Referer), and the token is never put in the query, the store, a saved
 * record or an export. Every message in both directions carries it; one
 * without it, or with another, is dropped (drillProtocol.ts). A page that
 * merely shares the origin cannot read another window's URL, so it cannot
 * learn the token; a guess has one chance in 2^128.
 *
 * A new trainer window (or a reload) is a new session with a new token:
 * trainee windows of the old one stop hearing it and must be opened again
 * from the trainer's console (or be given the new link).
 */

export const TOKEN_BYTES = 16;
/** 32 lower-case hex digits. */
export const TOKEN_RE = /^[0-9a-f]{32}$/;

/** A fresh token: 128 random bits as hex. */
export function newSessionToken(
  getRandomValues: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a),
): string {
  const bytes = getRandomValues(new Uint8Array(TOKEN_BYTES));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The token in a URL fragment (`#token=…`), or null. */
export function tokenFromHash(hash: string): string | null {
  const t = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return t !== null && TOKEN_RE.test(t) ? t : null;
}

/**
 * The token in what a user pasted: the trainee link the trainer's console
 * gives (its fragment), a bare `token=…`, or the 32 hex digits alone
 * (spaces around are forgiven; upper-case hex is read as lower-case). Null
 * when there is none.
 */
export function tokenFromPaste(text: string): string | null {
  const s = text.trim();
  if (TOKEN_RE.test(s.toLowerCase())) return s.toLowerCase();
  const hash = s.includes('#') ? s.slice(s.indexOf('#')) : s;
  return tokenFromHash(hash);
}

/** The fragment that carries a token. */
export const tokenFragment = (token: string) => `#token=${token}`;
