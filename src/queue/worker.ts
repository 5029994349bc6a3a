/**
 * The worker side of the queue: takes replication jobs from BullMQ, checks
 * them, runs them, stores their results. `allweather worker` (src/cli/
 * workerCmd.ts) is this with a `worker_threads` pool behind `runReplication`.
 *
 * A job is data from the network, so nothing in it is trusted: its fields
 * are checked with `JobData` (protocol.ts), its version against ours (a job
 * made by a newer app is refused: this engine might not give its numbers),
 * its scenario parsed with the same schema as a file and its content hash
 * recomputed. A job refused for its input fails at once and for good
 * (UnrecoverableError: no retry would change it), its reason tagged so that
 * the command that enqueued it prints the same bilingual error as a local
 * run would. Anything else (a worker thread that died) throws an ordinary
 * error, which BullMQ retries.
 *
 * The simulation runs off the event loop (the pool's threads), so BullMQ
 * keeps renewing the job's lock however long a replication takes. A worker
 * killed outright stops renewing it: after `lockDurationMs` the job is
 * stalled and another worker's stalled check (every `stalledIntervalMs`)
 * puts it back in the queue. Nothing is lost and, since a replication is a
 * pure function of its data, nothing changes.
 *
 * `stop()` (SIGTERM, SIGINT) takes no new job, waits up to `graceMs` for the
 * running ones to finish, then releases the rest (back to the queue at
 * once, for another worker) and closes.
 */
import { Worker, UnrecoverableError, WaitingError, type Job } from 'bullmq';
import os from 'node:os';
import { formatErrors, parseScenario, scenarioHash } from '../scenario/load.ts';
import type { RunResult } from '../sim/result.ts';
import type { ReplicationOptions } from '../analysis/service.ts';
import { redisClient } from './connection.ts';
import {
  CACHE_TTL_S,
  INPUT_ERROR_TAG,
  JobData,
  KEY_PREFIX,
  PROTOCOL_VERSION,
  QUEUE_NAME,
  VERSION_ERROR_TAG,
  compareVersions,
  encodeResult,
  resultKey,
  scenarioKey,
  type JobReturn,
} from './protocol.ts';
import { redact, type QueueTarget } from './url.ts';

export interface QueueWorkerOptions {
  target: QueueTarget;
  /** This app's version: jobs from a newer one are refused. */
  appVersion: string;
  /** Jobs at once (one simulation thread each). */
  concurrency: number;
  /** Runs one replication off the event loop. */
  runReplication: (text: string, seed: number, opts: ReplicationOptions) => Promise<RunResult>;
  /** Called when running replications must stop now (releasing them at shutdown). */
  abortRunning?: () => Promise<void> | void;
  /** One line at a time (stderr in the CLI); never carries the password. */
  log: (line: string) => void;
  /** A job's lock, renewed at half of it while it runs (default 30000). */
  lockDurationMs?: number;
  /** How often this worker looks for jobs whose worker died (default 30000). */
  stalledIntervalMs?: number;
  /** How often a job may be recovered from a dead worker before it fails (default 3). */
  maxStalledCount?: number;
  /** How long stop() waits for running jobs before releasing them (default 20000). */
  graceMs?: number;
}

export interface QueueWorker {
  /** Jobs finished by this worker (results stored). */
  readonly processed: () => number;
  /** Stops: no new jobs, running ones finished within the grace or released. Resolves when closed. */
  stop(reason?: string): Promise<void>;
}

/** A bilingual, tagged reason for a job refused for its input. */
function inputError(zh: string, en: string): UnrecoverableError {
  return new UnrecoverableError(`${INPUT_ERROR_TAG}${zh} / ${en}`);
}

export async function startQueueWorker(opts: QueueWorkerOptions): Promise<QueueWorker> {
  const { target, log } = opts;
  const say = (line: string) => log(redact(line, target.secrets));
  const client = redisClient(target, `allweather-worker-${os.hostname()}-${process.pid}`);
  /** Parsed scenarios by hash (the few a worker sees, kept for its life). */
  const scenarios = new Map<string, { text: string; days: number }>();
  let processed = 0;
  let releasing = false;
  let stopping: Promise<void> | null = null;

  async function scenarioFor(data: JobData): Promise<{ text: string; days: number }> {
    const known = scenarios.get(data.hash);
    // a text in the job is checked even when its hash is known: it must be the very scenario
    if (known && (data.text === undefined || data.text === known.text)) return known;
    const text = data.text ?? (await client.get(scenarioKey(data.hash)));
    if (text === null)
      throw inputError(
        `场景不在缓存中（${data.hash}，可能已过期；重新运行命令即可）`,
        `The scenario ${data.hash} is not in the queue's cache (expired?): run the command again`,
      );
    const parsed = parseScenario(text);
    if (!parsed.ok) throw inputError('场景无效', `Invalid scenario:\n${formatErrors(parsed.errors)}`);
    if (scenarioHash(text) !== data.hash)
      throw inputError(
        `场景内容与哈希 ${data.hash} 不符`,
        `The scenario's content does not match its hash ${data.hash}`,
      );
    const s = { text, days: parsed.scenario.run.days };
    if (scenarios.size > 256) scenarios.clear();
    scenarios.set(data.hash, s);
    return s;
  }

  async function processJob(job: Job, token?: string): Promise<JobReturn> {
    const checked = JobData.safeParse(job.data);
    if (!checked.success) {
      const where = checked.error.issues.map((i) => `$.${i.path.join('.')}: ${i.message}`).join('; ');
      throw inputError('任务数据无效', `Invalid job data: ${where}`);
    }
    const data = checked.data;
    if (data.protocol > PROTOCOL_VERSION || compareVersions(data.app, opts.appVersion) > 0)
      throw new UnrecoverableError(
        `${VERSION_ERROR_TAG}工作进程版本 ${opts.appVersion}（协议 ${PROTOCOL_VERSION}）旧于任务的 ${data.app}（协议 ${data.protocol}），已拒绝；请升级工作进程 / ` +
          `Worker ${opts.appVersion} (protocol ${PROTOCOL_VERSION}) refused a job from the newer app ${data.app} (protocol ${data.protocol}): upgrade the workers`,
      );
    const sc = await scenarioFor(data);
    const key = resultKey({
      app: data.app,
      hash: data.hash,
      seed: data.seed,
      days: data.days ?? sc.days,
      log: data.log,
    });
    if ((await client.exists(key)) === 1) return { key, bytes: 0, wallS: 0 }; // done meanwhile (a recovered job)
    const t0 = performance.now();
    let result: RunResult;
    try {
      const ro: ReplicationOptions = {};
      if (data.days !== undefined) ro.days = data.days;
      if (data.log) ro.log = true;
      result = await opts.runReplication(sc.text, data.seed, ro);
    } catch (err) {
      if (releasing && token) {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      const e = err as Error;
      if (e?.name === 'InvalidScenarioError') throw inputError('场景无效', `Invalid scenario:\n${e.message}`);
      throw err;
    }
    const wallS = (performance.now() - t0) / 1000;
    const bytes = encodeResult(result);
    await client.set(key, bytes, 'EX', CACHE_TTL_S);
    return { key, bytes: bytes.length, wallS };
  }

  const worker = new Worker(QUEUE_NAME, processJob, {
    connection: client,
    prefix: KEY_PREFIX,
    concurrency: opts.concurrency,
    lockDuration: opts.lockDurationMs ?? 30_000,
    stalledInterval: opts.stalledIntervalMs ?? 30_000,
    maxStalledCount: opts.maxStalledCount ?? 3,
    name: `${os.hostname()}:${process.pid}`,
    autorun: false,
  });

  let lastError = 0;
  worker.on('error', (err) => {
    // a lost Redis: ioredis reconnects; say so at most every 10 s
    const now = Date.now();
    if (now - lastError < 10_000) return;
    lastError = now;
    say(`Redis 错误 / Redis error (${target.display}): ${err.message}（重试中 / retrying）`);
  });
  worker.on('active', (job) => say(`开始 start ${job.id} (seed ${(job.data as JobData).seed})`));
  worker.on('completed', (job, ret: JobReturn) => {
    processed++;
    const kb = (ret.bytes / 1024).toFixed(1);
    say(
      ret.bytes === 0
        ? `已有结果 already done ${job.id}`
        : `完成 done ${job.id} in ${ret.wallS.toFixed(2)} s (${kb} KB)`,
    );
  });
  worker.on('failed', (job, err) => {
    if (err instanceof WaitingError || err?.name === 'WaitingError') return;
    say(`失败 failed ${job?.id ?? '?'}: ${err.message.split('\n')[0]}`);
  });
  worker.on('stalled', (id) => say(`恢复停滞任务 recovered a stalled job ${id} (its worker died)`));

  await worker.waitUntilReady();
  void worker.run().catch((err: Error) => say(`工作进程停止 / worker stopped: ${err.message}`));
  say(
    `工作进程已启动 / worker started: allweather ${opts.appVersion} (protocol ${PROTOCOL_VERSION}) · ` +
      `${target.display} · ${opts.concurrency} 并发 concurrency`,
  );

  return {
    processed: () => processed,
    stop(reason = 'stop') {
      stopping ??= (async () => {
        const grace = opts.graceMs ?? 20_000;
        say(
          `${reason}：不再取任务，等待运行中的任务（至多 ${grace / 1000} 秒）/ ${reason}: taking no new jobs, finishing the running ones (up to ${grace / 1000} s)`,
        );
        const closing = worker.close();
        const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), grace).unref());
        if ((await Promise.race([closing.then(() => 'closed' as const), timer])) === 'late') {
          say('释放未完成的任务回队列 / releasing the unfinished jobs back to the queue');
          releasing = true;
          await opts.abortRunning?.();
          await closing;
        }
        client.disconnect();
        say(`已停止 / stopped (${processed} 个任务 jobs done)`);
      })();
      return stopping;
    },
  };
}
