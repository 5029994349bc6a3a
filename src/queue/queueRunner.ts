/**
 * The queue-backed `Runner`: replications executed by `allweather worker`
 * processes anywhere, through a BullMQ queue on Redis.
 *
 * It has exactly the shape of the local pool's `run` (runner.ts): a
 * scenario's text and a list of seeds in, the results in the order of the
 * seeds out, `onResult` as each finishes, `signal` to stop waiting. Every
 * experiment (compare, sweep, staffing, optimise, export) runs on it
 * unchanged, and since a worker runs the same service on the same data, the
 * results are the very objects the local pool would return: the command's
 * output is byte for byte the same.
 *
 * For each replication:
 *  1. its result key (protocol.ts: app version, scenario hash, seed, days,
 *     log) is looked up: a result already there (an earlier, interrupted run;
 *     another command that asked the same) is used as it is;
 *  2. otherwise the scenario is put in the scenario cache once (by hash) and
 *     a job is added under the result key as its id (the same replication
 *     asked twice is one job); BullMQ hands it to a worker, retries it on a
 *     transient failure, and gives it to another worker when its worker dies
 *     (stalled-job recovery);
 *  3. the job's `completed` event (QueueEvents), or a poll every few seconds
 *     as a safety net, says the result is there; it is read and decoded.
 *
 * A job that fails for its input (a scenario a worker finds invalid) rejects
 * the batch with `QueueInputError` carrying the worker's bilingual message;
 * a job refused for a newer version, with `QueueVersionError`. Redis that
 * cannot be reached fails `connect` within seconds; Redis lost for longer
 * than `lostAfterMs` while replications are pending fails them all with a
 * `QueueConnectionError` — never a hang. Jobs already added stay queued when
 * a batch fails, is aborted or the command is interrupted: the workers
 * finish them, and a re-run finds their results.
 */
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { InvalidScenarioError } from '../analysis/service.ts';
import type { Runner } from '../analysis/runner.ts';
import { formatErrors, parseScenario, scenarioHash } from '../scenario/load.ts';
import type { RunResult } from '../sim/result.ts';
import { probeRedis, redisClient } from './connection.ts';
import {
  CACHE_TTL_S,
  INPUT_ERROR_TAG,
  KEY_PREFIX,
  PROTOCOL_VERSION,
  QUEUE_NAME,
  QueueConnectionError,
  QueueInputError,
  QueueVersionError,
  VERSION_ERROR_TAG,
  decodeResult,
  jobId,
  resultKey,
  scenarioKey,
  type JobData,
  type ResultId,
} from './protocol.ts';
import { redact, type QueueTarget } from './url.ts';

export interface QueueRunnerOptions {
  target: QueueTarget;
  /** The app's version (package.json): part of every result key; workers refuse newer ones. */
  appVersion: string;
  /** Status lines (stderr in the CLI); the password never appears in them. */
  log?: (line: string) => void;
  /** How long a lost connection is waited for before every pending replication fails (ms, default 5000). */
  lostAfterMs?: number;
  /** Safety-net poll for finished replications (ms, default 5000). */
  pollMs?: number;
  /** A status line at most this often while replications are pending (ms, default 10000; 0: none). */
  statusMs?: number;
  /** How many times a job is tried on a transient failure (default 3). */
  attempts?: number;
}

interface Waiter {
  id: ResultId;
  key: string;
  resolve: (r: RunResult) => void;
  reject: (e: unknown) => void;
  /** Set while the completion is being read (events and polls may both see it). */
  settling: boolean;
}

export interface QueueRunnerStats {
  /** Replications found done by key. */
  reused: number;
  /** Jobs added (or joined: the same replication already queued). */
  enqueued: number;
  /** Results read after a worker finished them. */
  computed: number;
}

export class QueueRunner {
  readonly stats: QueueRunnerStats = { reused: 0, enqueued: 0, computed: 0 };
  /** The runner (bound; safe to pass around). */
  readonly run: Runner;
  /** Workers connected to the queue when the runner connected. */
  workersAtStart = 0;

  private readonly opts: QueueRunnerOptions;
  private readonly client: Redis;
  private readonly eventsClient: Redis;
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly waiters = new Map<string, Waiter>();
  private readonly inflight = new Map<string, Promise<RunResult>>();
  private readonly scenarios = new Map<string, { hash: string; days: number }>();
  private readonly stored = new Set<string>();
  private broken: Error | null = null;
  private closed = false;
  private notReadySince: number | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private lastStatus = 0;

  /** Checks that Redis answers (a clear error within seconds if not), then connects. */
  static async connect(opts: QueueRunnerOptions): Promise<QueueRunner> {
    await probeRedis(opts.target);
    const runner = new QueueRunner(opts);
    try {
      await runner.ready();
    } catch (err) {
      await runner.close();
      throw err;
    }
    return runner;
  }

  private constructor(opts: QueueRunnerOptions) {
    this.opts = opts;
    this.client = redisClient(opts.target, 'allweather-runner');
    this.eventsClient = redisClient(opts.target, 'allweather-runner-events');
    this.queue = new Queue(QUEUE_NAME, { connection: this.client, prefix: KEY_PREFIX });
    this.queue.on('error', () => {}); // the watchdog reports a lost connection
    this.events = new QueueEvents(QUEUE_NAME, { connection: this.eventsClient, prefix: KEY_PREFIX });
    this.events.on('error', () => {});
    this.events.on('completed', ({ jobId: id }) => void this.finished(id));
    this.events.on('failed', ({ jobId: id }) => void this.finished(id));
    this.run = (text, seeds, ro = {}) => this.submit(text, seeds, ro);
    const every = (ms: number, f: () => void) => {
      const t = setInterval(f, ms);
      t.unref();
      this.timers.push(t);
    };
    every(500, () => this.watchdog());
    every(opts.pollMs ?? 5000, () => void this.poll());
  }

  private async ready(): Promise<void> {
    await Promise.all([this.queue.waitUntilReady(), this.events.waitUntilReady()]);
    this.workersAtStart = (await this.queue.getWorkers()).length;
    const w = this.workersAtStart;
    this.log(
      `队列 queue: ${this.opts.target.display} · ${w} 个工作进程在线 worker${w === 1 ? '' : 's'} connected` +
        (w === 0 ? '（任务将等待工作进程启动 / jobs wait until a worker starts: allweather worker --queue …）' : ''),
    );
  }

  private log(line: string): void {
    this.opts.log?.(redact(line, this.opts.target.secrets));
  }

  /** The scenario's hash and run.days, parsed once per text; an invalid text fails as locally. */
  private scenario(text: string): { hash: string; days: number } {
    let s = this.scenarios.get(text);
    if (!s) {
      const parsed = parseScenario(text);
      if (!parsed.ok) throw new InvalidScenarioError(formatErrors(parsed.errors));
      s = { hash: scenarioHash(text), days: parsed.scenario.run.days };
      this.scenarios.set(text, s);
    }
    return s;
  }

  private submit(text: string, seeds: readonly number[], ro: Parameters<Runner>[2] = {}): Promise<RunResult[]> {
    if (this.closed) return Promise.reject(new Error('QueueRunner is closed'));
    if (this.broken) return Promise.reject(this.broken);
    let sc: { hash: string; days: number };
    try {
      sc = this.scenario(text);
    } catch (err) {
      return Promise.reject(err);
    }
    if (seeds.length === 0) return Promise.resolve([]);
    return new Promise<RunResult[]>((resolve, reject) => {
      const results = new Array<RunResult>(seeds.length);
      let remaining = seeds.length;
      let settled = false;
      const signal = ro.signal;
      const onAbort = () => fail(signal?.reason ?? new Error('aborted'));
      const fail = (err: unknown) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        reject(err);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      seeds.forEach((seed, i) => {
        const id: ResultId = {
          app: this.opts.appVersion,
          hash: sc.hash,
          seed,
          days: ro.days ?? sc.days,
          log: ro.log === true,
        };
        this.replication(id, text, ro.days).then((result) => {
          if (settled) return;
          results[i] = result;
          try {
            ro.onResult?.(i, result);
          } catch (err) {
            return fail(err);
          }
          if (--remaining === 0) {
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            resolve(results);
          }
        }, fail);
      });
    });
  }

  /** One replication's result: found by key, or computed by a worker. Asked twice at once, it is one job. */
  private replication(id: ResultId, text: string, days: number | undefined): Promise<RunResult> {
    const jid = jobId(id);
    let p = this.inflight.get(jid);
    if (!p) {
      p = this.fetch(id, jid, text, days).finally(() => this.inflight.delete(jid));
      this.inflight.set(jid, p);
    }
    return p;
  }

  private async fetch(id: ResultId, jid: string, text: string, days: number | undefined): Promise<RunResult> {
    const key = resultKey(id);
    const hit = await this.client.getBuffer(key);
    if (hit) {
      this.stats.reused++;
      void this.client.expire(key, CACHE_TTL_S).catch(() => {});
      return decodeResult(hit);
    }
    await this.storeScenario(id.hash, text);
    const done = new Promise<RunResult>((resolve, reject) => {
      this.waiters.set(jid, { id, key, resolve, reject, settling: false });
    });
    const data: JobData = { protocol: PROTOCOL_VERSION, app: id.app, hash: id.hash, seed: id.seed, log: id.log };
    if (days !== undefined) data.days = days;
    try {
      await this.add(jid, data);
      this.stats.enqueued++;
      this.status();
      // already finished before we listened (a duplicate of a done or failed job)?
      await this.finished(jid);
    } catch (err) {
      this.settle(jid, (w) => w.reject(this.broken ?? err));
    }
    return done;
  }

  private add(jid: string, data: JobData) {
    return this.queue.add('replication', data, {
      jobId: jid,
      attempts: this.opts.attempts ?? 3,
      backoff: { type: 'exponential', delay: 1000 },
      // the result lives under its own key; the job record only needs to outlive the command
      removeOnComplete: { age: 3600, count: 100_000 },
      removeOnFail: { age: 24 * 3600 },
    });
  }

  private async storeScenario(hash: string, text: string): Promise<void> {
    if (this.stored.has(hash)) return;
    await this.client.set(scenarioKey(hash), text, 'EX', CACHE_TTL_S);
    this.stored.add(hash);
  }

  private settle(jid: string, f: (w: Waiter) => void): void {
    const w = this.waiters.get(jid);
    if (!w) return;
    this.waiters.delete(jid);
    f(w);
    this.status();
  }

  /** A job of ours finished (an event, a poll, or found so on adding): read its result or its failure. */
  private async finished(jid: string): Promise<void> {
    const w = this.waiters.get(jid);
    if (!w || w.settling) return;
    w.settling = true;
    try {
      const bytes = await this.client.getBuffer(w.key);
      if (bytes) {
        this.stats.computed++;
        return this.settle(jid, (x) => x.resolve(decodeResult(bytes)));
      }
      const job = await Job.fromId(this.queue, jid);
      const state = job ? await job.getState() : 'unknown';
      if (state === 'failed' && job) {
        const reason = job.failedReason ?? '';
        if (reason.startsWith(INPUT_ERROR_TAG))
          return this.settle(jid, (x) => x.reject(new QueueInputError(reason.slice(INPUT_ERROR_TAG.length))));
        if (reason.startsWith(VERSION_ERROR_TAG))
          return this.settle(jid, (x) => x.reject(new QueueVersionError(reason.slice(VERSION_ERROR_TAG.length))));
        // a job that failed for another reason (its worker died too often, a crash) at an earlier run:
        // this run tries it again only if it failed before this runner added it
        if (job.attemptsMade >= (job.opts.attempts ?? 1) && (job.finishedOn ?? 0) >= this.startedAt)
          return this.settle(jid, (x) =>
            x.reject(
              new Error(
                `重复在工作进程上失败 / A replication failed on the workers (seed ${w.id.seed}): ${redact(reason, this.opts.target.secrets)}`,
              ),
            ),
          );
        await job.retry('failed');
      } else if (state === 'completed' && job) {
        // done long ago and its result has expired since: run it again
        await job.remove();
        const data = job.data as JobData;
        await this.add(jid, data);
      } else if (state === 'unknown') {
        // removed meanwhile (its record expired): add it again
        const data: JobData = {
          protocol: PROTOCOL_VERSION,
          app: w.id.app,
          hash: w.id.hash,
          seed: w.id.seed,
          log: w.id.log,
        };
        if (w.id.days !== undefined) data.days = w.id.days;
        await this.add(jid, data);
      }
    } catch (err) {
      if (this.broken) this.settle(jid, (x) => x.reject(this.broken));
      else this.settle(jid, (x) => x.reject(err));
    } finally {
      w.settling = false;
    }
  }

  private readonly startedAt = Date.now();

  /** The safety net under the events: which pending replications have a result (or a finished job) now. */
  private async poll(): Promise<void> {
    if (this.waiters.size === 0 || this.broken || this.client.status !== 'ready') return;
    const ids = [...this.waiters.keys()];
    const pipe = this.client.pipeline();
    for (const jid of ids) {
      pipe.exists(this.waiters.get(jid)!.key);
      pipe.hget(this.queue.toKey(jid), 'finishedOn');
    }
    try {
      const replies = (await pipe.exec()) ?? [];
      ids.forEach((jid, i) => {
        const [, exists] = replies[2 * i] ?? [];
        const [, finishedOn] = replies[2 * i + 1] ?? [];
        if (exists === 1 || finishedOn) void this.finished(jid);
      });
    } catch {
      // the watchdog reports a lost connection
    }
  }

  private watchdog(): void {
    if (this.closed || this.broken) return;
    const ok = this.client.status === 'ready' && this.eventsClient.status === 'ready';
    if (ok) {
      this.notReadySince = null;
      return;
    }
    const now = Date.now();
    this.notReadySince ??= now;
    if (now - this.notReadySince < (this.opts.lostAfterMs ?? 5000)) return;
    const secs = Math.round((now - this.notReadySince) / 1000);
    this.broken = new QueueConnectionError(
      `与队列 Redis 的连接中断：${secs} 秒无响应 / Lost the connection to the queue's Redis at ${this.opts.target.display}: no answer for ${secs} s`,
    );
    for (const jid of [...this.waiters.keys()]) this.settle(jid, (w) => w.reject(this.broken));
  }

  private status(): void {
    const every = this.opts.statusMs ?? 10_000;
    if (every <= 0) return;
    const now = Date.now();
    if (now - this.lastStatus < every) return;
    this.lastStatus = now;
    const s = this.stats;
    this.log(`队列 queue: ${this.waiters.size} 待完成 pending · ${s.computed} 已算 computed · ${s.reused} 复用 reused`);
  }

  /** Stops listening and disconnects. Jobs already added stay queued. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    const err = this.broken ?? new Error('QueueRunner closed');
    for (const jid of [...this.waiters.keys()]) this.settle(jid, (w) => w.reject(err));
    const s = this.stats;
    if (s.reused + s.enqueued > 0)
      this.log(`队列 queue: ${s.computed} 次由工作进程计算 computed by workers · ${s.reused} 次复用 reused`);
    // a lost Redis must not hang the exit: close politely, give up after a second
    const polite = Promise.allSettled([this.events.close(), this.queue.close()]);
    await Promise.race([polite, new Promise((r) => setTimeout(r, 1000).unref())]);
    this.client.disconnect();
    this.eventsClient.disconnect();
  }
}

export { QueueConnectionError };
