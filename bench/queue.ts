/**
 * (h) The queue (BENCH_ONLY=queue): replications/s through BullMQ on a local
 * redis-server with 1 and 2 `allweather worker` processes, against the
 * in-process worker pool (NodePool) with 1 and 2 threads; the overhead per
 * job on tiny replications; and the payload sizes of a 30-day lianhu-grids
 * replication (the figures behind the README's 100-worker estimate).
 *
 * Needs redis-server (started here on 127.0.0.1 and a free port, stopped
 * after) and the built CLI (npm run build:cli). Each queued batch uses seeds
 * not used before, so no result is reused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { NodePool } from '../src/analysis/pool.ts';
import { consecutiveSeeds } from '../src/analysis/runner.ts';
import { createSimService } from '../src/analysis/service.ts';
import { QueueRunner } from '../src/queue/queueRunner.ts';
import { encodeResult } from '../src/queue/protocol.ts';
import { parseQueueUrl } from '../src/queue/url.ts';
import { startRedis } from '../src/queue/testRedis.ts';

const ROOT = new URL('..', import.meta.url);
const text = (name: string) => readFileSync(new URL(`scenarios/${name}`, ROOT), 'utf8');
const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/allweather.mjs', 'worker', '--queue', url, '--concurrency', '1'], {
    cwd: new URL('.', ROOT),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  while (!/worker started/.test(log)) {
    if (child.exitCode !== null) throw new Error(`worker failed:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

let nextSeed = 1_000_000;
/** Seconds for `n` replications through `run` (fresh seeds). */
async function timed(
  run: (t: string, s: number[], o: { days: number }) => Promise<unknown>,
  t: string,
  n: number,
  days: number,
): Promise<number> {
  const seeds = consecutiveSeeds(nextSeed, n);
  nextSeed += n;
  const t0 = performance.now();
  await run(t, seeds, { days });
  return (performance.now() - t0) / 1000;
}

export async function benchQueue(): Promise<void> {
  console.log('(h) queue: BullMQ on a local redis-server vs the in-process pool');
  const redis = await startRedis();
  const target = parseQueueUrl(redis.url);
  const baseline = text('baseline-weekday.json');
  const mmc = text('validation-mmc.json');
  const N = 12; // baseline days per configuration
  const TINY = 200; // tiny replications for the overhead per job
  const TINY_DAYS = 0.01;
  const rows: [string, number, number][] = [];
  let noopPerS = 0;
  try {
    // in-process pool
    for (const workers of [1, 2]) {
      const pool = new NodePool({ workers });
      try {
        await pool.run(baseline, consecutiveSeeds(1, workers * 2), { days: 1 }); // warm-up
        const s = await timed(pool.run, baseline, N, 1);
        const tiny = await timed(pool.run, mmc, TINY, TINY_DAYS);
        rows.push([`pool, ${workers} thread${workers > 1 ? 's' : ''}`, N / s, tiny / TINY]);
      } finally {
        await pool.close();
      }
    }
    // what BullMQ on this Redis sustains by itself: no-op jobs, added in bulk, one worker at concurrency 50
    {
      const conn = new Redis(redis.url, { maxRetriesPerRequest: null });
      const q = new Queue('noop', { connection: conn });
      const JOBS = 5000;
      let done = 0;
      const t0 = performance.now();
      const finished = new Promise<void>((resolve) => {
        const w = new Worker('noop', async () => 1, { connection: conn, concurrency: 50 });
        w.on('completed', () => {
          if (++done === JOBS) void w.close().then(resolve);
        });
      });
      for (let i = 0; i < JOBS; i += 500)
        await q.addBulk(Array.from({ length: 500 }, (_, k) => ({ name: 'n', data: { i: i + k } })));
      await finished;
      noopPerS = JOBS / ((performance.now() - t0) / 1000);
      await q.close();
      conn.disconnect();
    }
    // through the queue: 1, then 2 worker processes (one simulation thread each)
    const workers: ChildProcess[] = [];
    const runner = await QueueRunner.connect({
      target,
      appVersion: (JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string }).version,
      statusMs: 0,
    });
    try {
      for (const count of [1, 2]) {
        while (workers.length < count) workers.push(await startWorker(redis.url));
        await runner.run(baseline, consecutiveSeeds(nextSeed, count * 2), { days: 1 }); // warm-up
        nextSeed += count * 2;
        const s = await timed(runner.run, baseline, N, 1);
        const tiny = await timed(runner.run, mmc, TINY, TINY_DAYS);
        rows.push([`queue, ${count} worker${count > 1 ? 's' : ''}`, N / s, tiny / TINY]);
      }
    } finally {
      await runner.close();
      for (const w of workers) await stop(w);
    }
  } finally {
    await redis.stop();
  }
  console.log('  configuration        baseline-weekday 1 day: repl/s   tiny replication (mmc 0.01 day): s/job');
  for (const [name, rps, perJob] of rows)
    console.log(`  ${name.padEnd(20)} ${fmt(rps, 2).padStart(10)}                        ${fmt(perJob * 1000, 2)} ms`);
  const pool1 = rows[0][2],
    queue1 = rows[2][2];
  console.log(`  overhead per job through the queue (1 worker, tiny jobs): ${fmt((queue1 - pool1) * 1000, 2)} ms`);

  console.log(
    `  BullMQ alone on this Redis: ${fmt(noopPerS, 0)} no-op jobs/s (added in bulk, one worker, concurrency 50)`,
  );

  // payloads of the sweep of the README's estimate: lianhu-grids, 30 days
  const lianhu = text('lianhu-grids.json');
  const t0 = performance.now();
  const result = createSimService().runReplication(lianhu, 1, { days: 30 });
  const s = (performance.now() - t0) / 1000;
  const json = JSON.stringify(result).length;
  const stored = encodeResult(result).length;
  const job = JSON.stringify({ protocol: 1, app: '0.1.0', hash: '0123456789abcdef', seed: 1, days: 30, log: false });
  console.log(
    `  lianhu-grids 30 days: ${fmt(s, 1)} s per replication; scenario ${fmt(lianhu.length / 1024, 1)} KB ` +
      `(${fmt(gzipSync(lianhu).length / 1024, 1)} KB gzipped, stored once per variant); job data ${job.length} B; ` +
      `result ${fmt(json / 1024, 0)} KB as JSON, ${fmt(stored / 1024, 1)} KB stored (gzip)`,
  );
}
