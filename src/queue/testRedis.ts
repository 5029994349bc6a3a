/**
 * A real `redis-server` for the queue's tests: started on 127.0.0.1 and a
 * free port, never persisting (`--save '' --appendonly no`), stopped after.
 * Not a mock: the tests exercise BullMQ's own Lua scripts, locks and
 * stalled-job recovery against the real thing.
 *
 * redis-server is a system package (Debian `redis-server`). `.ci/run`
 * installs it and sets ALLWEATHER_REQUIRE_QUEUE_TESTS=1: there a missing
 * redis-server fails the tests with the way to install it. Elsewhere (a bare
 * `npm install && npm test` on a machine without it) the queue tests are
 * skipped with a warning that says so, as is ALLWEATHER_SKIP_QUEUE_TESTS=1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The redis-server binary: $REDIS_SERVER, else on PATH, else /usr/bin/redis-server; null if none. */
export function findRedisServer(): string | null {
  if (process.env.REDIS_SERVER) return process.env.REDIS_SERVER;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, 'redis-server');
    if (dir && existsSync(p)) return p;
  }
  return existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null;
}

export const MISSING_REDIS =
  'redis-server not found: the queue tests start a real Redis. Install it (Debian: apt-get install redis-server; ' +
  '.ci/run does it), or set ALLWEATHER_SKIP_QUEUE_TESTS=1 to skip these tests knowingly.';

const REQUIRED = process.env.ALLWEATHER_REQUIRE_QUEUE_TESTS === '1';
const ASKED_TO_SKIP = process.env.ALLWEATHER_SKIP_QUEUE_TESTS === '1';
/** Skip the queue tests: asked to, or no redis-server where they are not required. */
export const SKIP_QUEUE_TESTS = ASKED_TO_SKIP || (!REQUIRED && findRedisServer() === null);
if (ASKED_TO_SKIP)
  console.warn('ALLWEATHER_SKIP_QUEUE_TESTS=1: the queue tests (real redis-server) are skipped on purpose');
else if (SKIP_QUEUE_TESTS)
  console.warn(
    'redis-server not found: the queue tests (src/queue) are SKIPPED here. Install it (apt-get install redis-server) to run them; .ci/run installs it and requires them (ALLWEATHER_REQUIRE_QUEUE_TESTS=1).',
  );

/** A free TCP port on 127.0.0.1 (closed again at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Sends PING over a raw socket; resolves true on +PONG (or -NOAUTH: up, with a password). */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(500, () => done(false));
    sock.once('error', () => done(false));
    sock.once('connect', () => sock.write('PING\r\n'));
    sock.once('data', (d) => done(/^(\+PONG|-NOAUTH)/.test(d.toString())));
  });
}

export interface TestRedis {
  port: number;
  /** redis://127.0.0.1:port (with the password when one was set). */
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts redis-server on 127.0.0.1 and a free port; throws MISSING_REDIS without one. */
export async function startRedis(opts: { password?: string } = {}): Promise<TestRedis> {
  const bin = findRedisServer();
  if (!bin) throw new Error(MISSING_REDIS);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'allweather-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  args.push('--dir', dir, '--protected-mode', 'yes', '--daemonize', 'no', '--loglevel', 'warning');
  if (opts.password) args.push('--requirepass', opts.password);
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const t0 = Date.now();
  while (!(await ping(port))) {
    if (child.exitCode !== null || Date.now() - t0 > 10_000) {
      kill();
      throw new Error(`redis-server did not start on 127.0.0.1:${port}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const auth = opts.password ? `:${encodeURIComponent(opts.password)}@` : '';
  return {
    port,
    url: `redis://${auth}127.0.0.1:${port}`,
    process: child,
    async stop() {
      process.removeListener('exit', kill);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
