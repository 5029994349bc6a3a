/**
 * The queue-backed Runner and the queue worker in one process, against a
 * real redis-server (testRedis.ts): the results are the very objects an
 * inline run returns, finished replications are reused by key, jobs are
 * validated by the worker (data, version, scenario, hash), and an
 * unreachable Redis or a wrong password is a clear error within seconds.
 */
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimService } from '../analysis/service.ts';
import { scenarioHash } from '../scenario/load.ts';
import { QueueRunner } from './queueRunner.ts';
import { startQueueWorker, type QueueWorker } from './worker.ts';
import {
  INPUT_ERROR_TAG,
  KEY_PREFIX,
  QUEUE_NAME,
  QueueConnectionError,
  QueueInputError,
  QueueVersionError,
  scenarioKey,
} from './protocol.ts';
import { parseQueueUrl } from './url.ts';
import { SKIP_QUEUE_TESTS, freePort, startRedis, type TestRedis } from './testRedis.ts';

const MMC = readFileSync(new URL('../../scenarios/validation-mmc.json', import.meta.url), 'utf8');
const service = createSimService();
const VERSION = '0.1.0';

describe.skipIf(SKIP_QUEUE_TESTS)('queue runner and worker (real redis-server)', () => {
  let redis: TestRedis;
  let worker: QueueWorker;
  const logs: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    worker = await startQueueWorker({
      target: parseQueueUrl(redis.url),
      appVersion: VERSION,
      concurrency: 1,
      log: (l) => logs.push(l),
      runReplication: async (text, seed, opts) => service.runReplication(text, seed, opts),
    });
  });
  afterAll(async () => {
    await worker?.stop('test over');
    await redis?.stop();
  });

  const connect = (appVersion = VERSION) =>
    QueueRunner.connect({ target: parseQueueUrl(redis.url), appVersion, statusMs: 0, pollMs: 500 });

  it('returns exactly what an inline run returns, in seed order, then reuses it by key', async () => {
    const seeds = [7, 3, 11];
    const runner = await connect();
    try {
      const order: number[] = [];
      const got = await runner.run(MMC, seeds, { days: 1, onResult: (i) => order.push(i) });
      const want = seeds.map((s) => service.runReplication(MMC, s, { days: 1 }));
      const noWall = (r: (typeof want)[number]) => ({ ...r, perf: { ...r.perf, wallS: 0 } });
      expect(got.map(noWall)).toStrictEqual(want.map(noWall));
      expect(order.sort()).toEqual([0, 1, 2]);
      expect(runner.stats).toMatchObject({ computed: 3, reused: 0 });
      // asked again (a re-run after an interruption): nothing is computed again, the same bytes come back
      const again = await runner.run(MMC, seeds, { days: 1 });
      expect(again).toStrictEqual(got);
      expect(runner.stats).toMatchObject({ computed: 3, reused: 3 });
      // with the log: another key, computed once
      const [withLog] = await runner.run(MMC, [7], { days: 1, log: true });
      expect(withLog.log?.length).toBeGreaterThan(0);
      expect(noWall(withLog)).toStrictEqual(noWall(service.runReplication(MMC, 7, { days: 1, log: true })));
    } finally {
      await runner.close();
    }
  });

  it('an invalid scenario fails with the bilingual errors of a local run', async () => {
    const runner = await connect();
    try {
      const bad = JSON.stringify({ ...JSON.parse(MMC), teams: 'none' });
      const err = await runner.run(bad, [1]).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).name).toBe('InvalidScenarioError');
      expect((err as Error).message).toMatch(/teams/);
    } finally {
      await runner.close();
    }
  });

  it('the worker validates every job: data, scenario, hash, version', async () => {
    const conn = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE_NAME, { connection: conn, prefix: KEY_PREFIX });
    try {
      const hash = scenarioHash(MMC);
      const failure = async (data: unknown, id: string) => {
        const job = await queue.add('replication', data, { jobId: id, attempts: 3 });
        for (let i = 0; i < 100; i++) {
          const state = await job.getState();
          if (state === 'failed') break;
          await new Promise((r) => setTimeout(r, 50));
        }
        const done = await queue.getJob(id);
        expect(await done!.getState()).toBe('failed');
        expect(done!.attemptsMade).toBe(1); // refused for its input: no retry
        return done!.failedReason;
      };
      const base = { protocol: 1, app: VERSION, hash, seed: 1, log: false };
      await conn.set(scenarioKey(hash), MMC);
      expect(await failure({ ...base, seed: -1 }, 'bad-seed')).toMatch(/^\[allweather:input\].*\$\.seed/);
      expect(await failure({ ...base, code: 'process.exit()' }, 'extra-key')).toMatch(/Invalid job data/);
      expect(await failure({ ...base, hash: 'ffffffffffffffff' }, 'no-scenario')).toMatch(/not in the queue's cache/);
      const other = JSON.stringify({ ...JSON.parse(MMC), id: 'changed-id' });
      expect(await failure({ ...base, text: other }, 'hash-mismatch')).toMatch(/does not match its hash/);
      const bad = JSON.stringify({ ...JSON.parse(MMC), teams: 'none' });
      const badHash = 'abcdefabcdefabcd';
      expect(await failure({ ...base, hash: badHash, text: bad }, 'bad-scenario')).toMatch(
        new RegExp(`^${INPUT_ERROR_TAG.replace(/[[\]]/g, '\\$&')}场景无效 / Invalid scenario:\\n.*teams`, 's'),
      );
      expect(await failure({ ...base, app: '99.0.0' }, 'newer-app')).toMatch(
        /refused a job from the newer app 99\.0\.0/,
      );
      expect(await failure({ ...base, protocol: 2 }, 'newer-protocol')).toMatch(/protocol 2/);
    } finally {
      await queue.close();
      conn.disconnect();
    }
  });

  it('a runner of a newer app version gets the refusal as QueueVersionError', async () => {
    const runner = await connect('9.9.9');
    try {
      const err = await runner.run(MMC, [1], { days: 1 }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(QueueVersionError);
      expect((err as Error).message).toMatch(/升级工作进程 .*upgrade the workers/);
    } finally {
      await runner.close();
    }
  });

  it('QueueInputError carries the worker message', () => {
    expect(new QueueInputError('x').name).toBe('QueueInputError');
  });

  it('an unreachable Redis is a clear error within seconds, not a hang', async () => {
    const port = await freePort(); // nothing listens there
    const t0 = Date.now();
    const err = await QueueRunner.connect({
      target: parseQueueUrl(`redis://:hunter2@127.0.0.1:${port}`),
      appVersion: VERSION,
    }).catch((e: Error) => e);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(err).toBeInstanceOf(QueueConnectionError);
    expect((err as Error).message).toContain(`redis://:***@127.0.0.1:${port}`);
    expect((err as Error).message).toMatch(/连接被拒绝.*connection refused/);
    expect((err as Error).message).not.toContain('hunter2');
  });

  it('a password-protected Redis: the right password connects, a wrong one is said without showing it', async () => {
    const secured = await startRedis({ password: 's3cr/et:pw' });
    try {
      const wrong = `redis://:not-it@127.0.0.1:${secured.port}`;
      const err = await QueueRunner.connect({ target: parseQueueUrl(wrong), appVersion: VERSION }).catch(
        (e: Error) => e,
      );
      expect(err).toBeInstanceOf(QueueConnectionError);
      expect((err as Error).message).toMatch(/认证失败.*authentication failed/s);
      expect((err as Error).message).not.toContain('not-it');
      const ok = await QueueRunner.connect({ target: parseQueueUrl(secured.url), appVersion: VERSION, statusMs: 0 });
      await ok.close();
    } finally {
      await secured.stop();
    }
  });
});
