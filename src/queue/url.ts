/**
 * The queue's address: `redis://[user][:password@]host[:port][/db]` (or
 * `rediss://` for TLS), as given to `--queue`.
 *
 * A password may be in it, so the URL as typed is never printed: every log
 * line and error message shows `display` (the password replaced by `***`),
 * and `redact` scrubs the secret from any text that might carry it (an
 * error message from the Redis client, say). Where a command line would
 * show the password to other users of the machine (`ps`), the password can
 * come from the environment instead: `ALLWEATHER_REDIS_PASSWORD` fills a URL
 * that has none (the Kubernetes manifests take it from a Secret that way).
 */

/** A parsed, checked queue address. */
export interface QueueTarget {
  /** The URL to connect to (password included). Never print it: use `display`. */
  url: string;
  /** The URL with the password masked: safe for logs and errors. */
  display: string;
  /** Secrets to scrub from any text before it is printed. */
  secrets: string[];
  host: string;
  port: number;
  db: number;
  tls: boolean;
}

/** A `--queue` value that is not a usable Redis URL (bad input: exit 2). */
export class QueueUrlError extends Error {
  override name = 'QueueUrlError';
}

export const PASSWORD_ENV = 'ALLWEATHER_REDIS_PASSWORD';

/** The URL with its password (and a username's password part) replaced by `***`. */
export function maskUrl(raw: string): string {
  // by hand, not through URL: a malformed URL must be masked too
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@/i, (_m, scheme: string, auth: string) => {
    const colon = auth.indexOf(':');
    if (colon < 0) return `${scheme}${auth === '' ? '' : '***'}@`;
    return `${scheme}${auth.slice(0, colon)}:***@`;
  });
}

/** `text` with every secret (raw and URL-encoded) replaced by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 1) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join('***');
  }
  return out;
}

/**
 * Parses and checks a `--queue` URL: scheme redis or rediss, a host, a port
 * in 1..65535 (default 6379), a database number 0..15 as the path (default
 * 0), nothing else. A password comes from the URL or, when the URL has none,
 * from `env.ALLWEATHER_REDIS_PASSWORD`.
 */
export function parseQueueUrl(raw: string, env: Record<string, string | undefined> = process.env): QueueTarget {
  const shown = maskUrl(raw);
  const bad = (zh: string, en: string) =>
    new QueueUrlError(`--queue 地址无效：${zh} / Invalid --queue URL: ${en} (${shown})`);
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw bad('应为 redis://主机:端口[/库号]', 'expected redis://host:port[/db]');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw bad(`不支持的协议 ${u.protocol}`, `unsupported scheme ${u.protocol} (use redis:// or rediss://)`);
  if (u.hostname === '') throw bad('缺少主机', 'no host');
  const port = u.port === '' ? 6379 : Number(u.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad('端口无效', 'bad port');
  const path = u.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d{1,2}$/.test(path)) throw bad('库号应为 0–15 的整数', 'the database must be 0–15');
  const db = path === '' ? 0 : Number(path);
  if (db > 15) throw bad('库号应为 0–15 的整数', 'the database must be 0–15');
  if (u.search !== '' || u.hash !== '') throw bad('不接受查询参数', 'no query or fragment allowed');
  const secrets: string[] = [];
  let password = decodeURIComponent(u.password);
  if (password === '' && env[PASSWORD_ENV]) {
    password = env[PASSWORD_ENV]!;
    u.password = encodeURIComponent(password);
  }
  if (password !== '') secrets.push(password);
  return {
    url: u.toString(),
    display: maskUrl(u.toString()),
    secrets,
    host: u.hostname,
    port,
    db,
    tls: u.protocol === 'rediss:',
  };
}
