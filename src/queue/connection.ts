/**
 * Connecting to the queue's Redis, failing fast and clearly.
 *
 * ioredis retries a refused connection for ever by default, and BullMQ
 * queues its commands meanwhile: a command pointed at a stopped Redis would
 * hang without a word. So before anything else `probeRedis` makes one
 * connection with a short timeout and no retries, sends PING and reads the
 * server's version, and turns a failure into a bilingual
 * `QueueConnectionError` that names the (masked) URL and what went wrong:
 * refused, timed out, unknown host, wrong password. Only then are the
 * long-lived connections made (`redisClient`): those reconnect on their own
 * (a blip of the network), and the runner and the worker decide how long
 * they wait for it.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { QueueConnectionError } from './protocol.ts';
import { redact, type QueueTarget } from './url.ts';

/** Oldest Redis that BullMQ supports. */
const MIN_REDIS = [6, 2, 0];

/** Why a connection failed, in both languages, the secret scrubbed. */
export function describeRedisError(err: unknown, target: QueueTarget): { zh: string; en: string } {
  const e = err as NodeJS.ErrnoException & { message?: string };
  const msg = redact(String(e?.message ?? err), target.secrets);
  const code = e?.code ?? '';
  if (code === 'ECONNREFUSED' || /ECONNREFUSED/.test(msg))
    return { zh: '连接被拒绝（Redis 未运行或端口不对）', en: `connection refused (is Redis running there?)` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /ENOTFOUND|EAI_AGAIN/.test(msg))
    return { zh: '找不到主机', en: `unknown host ${target.host}` };
  if (code === 'ETIMEDOUT' || /ETIMEDOUT|timed? ?out/i.test(msg)) return { zh: '连接超时', en: 'connection timed out' };
  if (/NOAUTH|WRONGPASS|invalid password|AUTH/i.test(msg))
    return { zh: '认证失败（密码错误或缺少密码）', en: `authentication failed (${msg})` };
  return { zh: '连接失败', en: msg };
}

export function connectionError(target: QueueTarget, err: unknown, lost = false): QueueConnectionError {
  const why = describeRedisError(err, target);
  return lost
    ? new QueueConnectionError(
        `与队列 Redis 的连接中断：${why.zh} / Lost the connection to the queue's Redis at ${target.display}: ${why.en}`,
      )
    : new QueueConnectionError(
        `无法连接队列 Redis：${why.zh} / Cannot connect to the queue's Redis at ${target.display}: ${why.en}`,
      );
}

/** Options for a long-lived connection (BullMQ needs maxRetriesPerRequest null for blocking commands). */
export function redisOptions(extra: RedisOptions = {}): RedisOptions {
  return {
    maxRetriesPerRequest: null,
    connectTimeout: 5000,
    // reconnect quickly and keep trying; the runner's watchdog decides when it has waited long enough
    retryStrategy: (times) => Math.min(200 * times, 2000),
    ...extra,
  };
}

/** A long-lived connection (connects in the background). */
export function redisClient(target: QueueTarget, name: string, extra: RedisOptions = {}): Redis {
  const client = new Redis(target.url, redisOptions({ connectionName: name, ...extra }));
  // errors are read from the status by the callers; an 'error' without a listener would crash the process
  client.on('error', () => {});
  return client;
}

/**
 * One connection with a short timeout and no retry: PING and the server's
 * version. Resolves to the version; rejects with QueueConnectionError.
 */
export async function probeRedis(target: QueueTarget, timeoutMs = 3000): Promise<string> {
  const client = new Redis(target.url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectionName: 'allweather-probe',
  });
  let lastError: unknown = null;
  client.on('error', (e) => {
    lastError = e;
  });
  const timer = new Promise<never>((_, reject) => {
    const t = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), timeoutMs + 500);
    t.unref();
  });
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        await client.ping();
      })(),
      timer,
    ]);
    const info = await client.info('server');
    const version = /redis_version:([\d.]+)/.exec(info)?.[1] ?? '0.0.0';
    const v = version.split('.').map(Number);
    for (let i = 0; i < 3; i++) {
      if ((v[i] ?? 0) > MIN_REDIS[i]) break;
      if ((v[i] ?? 0) < MIN_REDIS[i])
        throw new QueueConnectionError(
          `队列 Redis 版本过旧：${version}（至少 6.2）/ The queue's Redis at ${target.display} is too old: ${version} (BullMQ needs 6.2 or later)`,
        );
    }
    return version;
  } catch (err) {
    if (err instanceof QueueConnectionError) throw err;
    throw connectionError(target, lastError ?? err);
  } finally {
    client.disconnect();
  }
}
