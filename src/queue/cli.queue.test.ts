/**
 * `allweather worker` and `--queue` as a user runs them: real processes of
 * the built CLI (bin/allweather.mjs, the bundle the global setup builds)
 * against a real redis-server on 127.0.0.1 (testRedis.ts).
 *
 * - queued = local byte for byte: run (the one wall-clock figure masked),
 *   export (every file of the bundle) and sweep (stdout as it is);
 * - two workers share the work (both finish jobs);
 * - a worker killed with SIGKILL mid-job loses nothing: its job is stalled,
 *   recovered by the other worker, and the output is still identical;
 * - a bad scenario fails as locally (the same bilingual stderr, exit 2);
 * - Redis unreachable at the start, or stopped during a run, is a clear
 *   error (exit 2) within seconds, the password never printed;
 * - SIGTERM stops a worker cleanly (exit 0).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_QUEUE_TESTS, freePort, startRedis, type TestRedis } from './testRedis.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MMC = 'scenarios/validation-mmc.json';
const BASELINE = 'scenarios/baseline-weekday.json';
/** Short locks so that a killed worker's job is recovered in about a second, not 30. */
const FAST_STALL = ['--lock-ms', '1000', '--stalled-ms', '500'];

function cli(args: string[], env: Record<string, string> = {}) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['bin/allweather.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 110_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

/** The CLI in the background (for a run that a test interrupts); `stderr()` so far, `result` at its exit. */
function cliAsync(args: string[]) {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['bin/allweather.mjs', ...args], { cwd: ROOT });
  let stdout = '',
    stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const result = new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 })),
  );
  return { stderr: () => stderr, result };
}

/** Waits until `f()` holds (polling), failing after `ms`. */
async function until(f: () => boolean, what: string, ms = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!f()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The run table's one wall-clock figure ("用时 wall 1.23 s"), which no two runs share. */
const maskWall = (s: string) => s.replace(/用时 wall [\d.,]+ s/g, '用时 wall _ s');

interface WorkerProc {
  child: ChildProcess;
  log: () => string;
  done: () => number;
  exited: Promise<number | null>;
}

const workers: WorkerProc[] = [];

async function startWorker(url: string, extra: string[] = []): Promise<WorkerProc> {
  const child = spawn(process.execPath, ['bin/allweather.mjs', 'worker', '--queue', url, ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const w = { child, log: () => log, done: () => (log.match(/完成 done /g) ?? []).length, exited };
  workers.push(w);
  for (let i = 0; !/worker started/.test(log); i++) {
    if (child.exitCode !== null || i > 600) throw new Error(`worker did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return w;
}

async function stopWorkers(): Promise<void> {
  for (const w of workers.splice(0)) {
    if (w.child.exitCode === null && w.child.signalCode === null) {
      w.child.kill('SIGTERM');
      await Promise.race([w.exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (w.child.exitCode === null) w.child.kill('SIGKILL');
    }
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'allweather-queue-cli-'));

describe.skipIf(SKIP_QUEUE_TESTS)('allweather worker and --queue (real redis-server, built CLI)', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(stopWorkers);
  afterAll(async () => {
    await stopWorkers();
    await redis?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('run, sweep and export through the queue print exactly what the local runs print; two workers share the work', async () => {
    const a = await startWorker(redis.url, ['--concurrency', '1']);
    const b = await startWorker(redis.url, ['--concurrency', '1']);

    const runArgs = ['run', MMC, '--replications', '8', '--days', '1', '--seed', '101'];
    const local = cli(runArgs);
    expect(local.code).toBe(0);
    const queued = cli([...runArgs, '--queue', redis.url]);
    expect(queued.stderr).toMatch(/2 个工作进程在线 workers connected/);
    expect(queued.code).toBe(0);
    expect(maskWall(queued.stdout)).toBe(maskWall(local.stdout));
    const localJson = cli([...runArgs, '--json']);
    const queuedJson = cli([...runArgs, '--json', '--queue', redis.url]);
    const noWall = (s: string) => s.replace(/"wallS": [\d.e-]+/, '"wallS": 0');
    expect(noWall(queuedJson.stdout)).toBe(noWall(localJson.stdout));
    expect(queuedJson.stderr).toMatch(/0 次由工作进程计算 computed by workers · 8 次复用 reused/);

    const sweepArgs = ['sweep', MMC, '--param', 'teams.0.shifts.0.staff=3,4,5', '--replications', '3', '--days', '1'];
    const localSweep = cli(sweepArgs);
    const queuedSweep = cli([...sweepArgs, '--queue', redis.url]);
    expect(localSweep.code).toBe(0);
    expect(queuedSweep.code).toBe(0);
    expect(queuedSweep.stdout).toBe(localSweep.stdout);

    const exportArgs = ['export', MMC, '--replications', '3', '--days', '1', '--cases', '--format', 'csv,json'];
    expect(cli([...exportArgs, '--out', join(tmp, 'local')]).code).toBe(0);
    const qe = cli([...exportArgs, '--out', join(tmp, 'queued'), '--queue', redis.url]);
    expect(qe.code, qe.stderr).toBe(0);
    const files = readdirSync(join(tmp, 'local')).sort();
    expect(readdirSync(join(tmp, 'queued')).sort()).toEqual(files);
    // the manifest (and result.json, which embeds it) says when and how it was made: its time and command line,
    // and so result.json's size and checksum; everything else is the same, byte for byte
    const made = (b: Buffer) => {
      const m = JSON.parse(b.toString('utf8').replace(/"(createdAt|command)": "[^"]*"/g, '"$1": "_"')) as {
        files?: { name?: string; path?: string; bytes?: number; sha256?: string }[];
      };
      for (const f of m.files ?? []) {
        if ((f.name ?? f.path) !== 'result.json') continue;
        f.bytes = 0;
        f.sha256 = '_';
      }
      return JSON.stringify(m);
    };
    for (const f of files) {
      const [q, l] = [readFileSync(join(tmp, 'queued', f)), readFileSync(join(tmp, 'local', f))];
      if (f === 'manifest.json' || f === 'result.json') expect(made(q), f).toBe(made(l));
      else expect(q.equals(l), `${f} differs`).toBe(true);
    }
    expect(readFileSync(join(tmp, 'queued', 'manifest.json'), 'utf8')).toContain('--queue redis://127.0.0.1:');

    // replications of a baseline day (~1 s each): while one worker runs one, the other takes the next
    const shareArgs = ['run', BASELINE, '--replications', '4', '--days', '1', '--seed', '900'];
    const shared = cli([...shareArgs, '--queue', redis.url]);
    expect(shared.code, shared.stderr).toBe(0);
    expect(maskWall(shared.stdout)).toBe(maskWall(cli(shareArgs).stdout));
    // spawnSync held this event loop: read what the workers logged meanwhile
    await new Promise((r) => setTimeout(r, 300));
    expect(a.done(), `worker a:\n${a.log()}`).toBeGreaterThan(0);
    expect(b.done(), `worker b:\n${b.log()}`).toBeGreaterThan(0);
    // each replication computed once: run 8, sweep 3 points x 3, export 3 (with the log: other keys), 4 here;
    // the --json run was all reused
    expect(a.done() + b.done()).toBe(8 + 9 + 3 + 4);
  });

  it('compare, staffing and optimise through the queue print exactly what the local runs print', async () => {
    await startWorker(redis.url, ['--concurrency', '2']);
    const cases: string[][] = [
      ['compare', MMC, '--set', 'teams.0.shifts.0.staff=11', '--replications', '4', '--days', '1', '--seed', '7'],
      ['staffing', MMC, '--shift', 'servers.0', '--replications', '3', '--days', '1', '--max-staff', '12'],
      [
        'optimise',
        MMC,
        '--replications',
        '2',
        '--days',
        '1',
        '--budget-evaluations',
        '4',
        '--verify-replications',
        '2',
      ],
    ];
    for (const args of cases) {
      const local = cli(args);
      expect(local.code, `${args[0]} locally: ${local.stderr}`).toBe(0);
      const queued = cli([...args, '--queue', redis.url]);
      expect(queued.code, `${args[0]} queued: ${queued.stderr}`).toBe(0);
      expect(maskWall(queued.stdout), args[0]).toBe(maskWall(local.stdout));
    }
  });

  it('a worker killed with SIGKILL mid-job loses nothing: the other takes its job over, the output is the same', async () => {
    const args = ['run', BASELINE, '--replications', '4', '--days', '1', '--seed', '500'];
    const local = cli(args);
    expect(local.code).toBe(0);
    const victim = await startWorker(redis.url, ['--concurrency', '1', ...FAST_STALL]);
    const queued = cliAsync([...args, '--queue', redis.url]);
    await until(() => /开始 start/.test(victim.log()), 'the worker to take a job');
    victim.child.kill('SIGKILL'); // mid-replication (a baseline day takes ~1 s)
    await victim.exited;
    expect(victim.done()).toBe(0);
    const killedJob = /开始 start (\S+)/.exec(victim.log())![1];
    const rescuer = await startWorker(redis.url, ['--concurrency', '1', ...FAST_STALL]);
    const r = await queued.result;
    expect(r.code, r.stderr).toBe(0);
    expect(maskWall(r.stdout)).toBe(maskWall(local.stdout));
    expect(rescuer.log()).toMatch(/recovered a stalled job/);
    expect(rescuer.log()).toContain(`完成 done ${killedJob}`);
  });

  it('a bad scenario fails as locally: the same bilingual message, exit 2', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(join(ROOT, MMC), 'utf8')), teams: 'none' }));
    const local = cli(['run', bad]);
    const queued = cli(['run', bad, '--queue', redis.url]);
    expect(local.code).toBe(2);
    expect(queued.code).toBe(2);
    expect(queued.stderr).toBe(local.stderr);
    expect(queued.stderr).toMatch(/场景无效 \/ Invalid scenario/);
  });

  it('SIGTERM stops an idle worker cleanly', async () => {
    const w = await startWorker(redis.url, ['--concurrency', '1']);
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(w.log()).toMatch(/已停止 \/ stopped/);
  });

  it('an unreachable Redis is a clear error within seconds (exit 2), the password masked', async () => {
    const port = await freePort();
    const url = `redis://:topsecret@127.0.0.1:${port}`;
    for (const args of [
      ['run', MMC, '--queue', url],
      ['worker', '--queue', url],
    ]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.ms).toBeLessThan(15_000);
      expect(r.stderr).toContain(`无法连接队列 Redis`);
      expect(r.stderr).toContain(`Cannot connect to the queue's Redis at redis://:***@127.0.0.1:${port}`);
      expect(r.stderr).not.toContain('topsecret');
    }
  });

  it('a Redis stopped during a run fails the command within seconds instead of hanging', async () => {
    const doomed = await startRedis();
    try {
      // no worker: the jobs wait, then Redis goes away under the waiting command
      const running = cliAsync(['run', MMC, '--replications', '3', '--days', '1', '--queue', doomed.url]);
      await until(() => /0 个工作进程在线/.test(running.stderr()), 'the command to connect');
      await new Promise((r) => setTimeout(r, 500));
      await doomed.stop();
      const t0 = Date.now();
      const r = await running.result;
      expect(r.code).toBe(2);
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(r.stderr).toMatch(/与队列 Redis 的连接中断.*Lost the connection to the queue's Redis/);
      expect(r.stdout).toBe('');
    } finally {
      await doomed.stop();
    }
  });
});
