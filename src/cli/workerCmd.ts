/**
 * `allweather worker`: a long-running process that takes replication jobs
 * from the queue and runs them (src/queue/worker.ts), on a pool of
 * simulation threads (the same NodePool and service as a local run).
 *
 *   allweather worker --queue redis://[:password@]host:port[/db] [--concurrency N]
 *                     [--grace-seconds 20] [--lock-ms 30000] [--stalled-ms 30000]
 *
 * The URL may also come from ALLWEATHER_QUEUE_URL, and the password from
 * ALLWEATHER_REDIS_PASSWORD (neither then shows in `ps`). Logs go to
 * stderr, one line per event, the password masked. SIGTERM or SIGINT:
 * no new jobs, the running ones finished within the grace period or
 * released back to the queue, exit 0. Redis unreachable at start: a clear
 * error and exit 2 (a supervisor restarts it); lost later: it reconnects.
 */
import os from 'node:os';
import { NodePool } from '../analysis/pool.ts';
import { startQueueWorker } from '../queue/worker.ts';
import { probeRedis } from '../queue/connection.ts';
import { intArg, parse, readVersion, UsageError, workerUrl, type CliIO } from './common.ts';
import { queueTargetArg } from './queueArgs.ts';
import { USAGE } from './usage.ts';

/** Where SIGTERM/SIGINT are heard: the process by default; tests pass an EventEmitter. */
export interface StopSignals {
  once(event: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  removeListener(event: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
}

export async function workerCommand(args: string[], io: CliIO, signals: StopSignals = process): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      queue: { type: 'string' },
      concurrency: { type: 'string' },
      'grace-seconds': { type: 'string' },
      'lock-ms': { type: 'string' },
      'stalled-ms': { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length > 0)
    throw new UsageError(`worker 不接受位置参数 / worker takes no positional arguments: ${positionals.join(' ')}`);
  const raw = (values.queue as string | undefined) ?? process.env.ALLWEATHER_QUEUE_URL;
  if (raw === undefined || raw === '')
    throw new UsageError(
      `worker 需要 --queue redis://主机:端口 / worker needs --queue redis://host:port (or ALLWEATHER_QUEUE_URL)\n\n${USAGE}`,
    );
  const target = queueTargetArg(raw);
  const concurrency =
    intArg('concurrency', values.concurrency as string | undefined, 1, 256) ?? Math.max(1, os.availableParallelism());
  const graceS = intArg('grace-seconds', values['grace-seconds'] as string | undefined, 0, 86_400) ?? 20;
  const lockMs = intArg('lock-ms', values['lock-ms'] as string | undefined, 100, 3_600_000);
  const stalledMs = intArg('stalled-ms', values['stalled-ms'] as string | undefined, 100, 3_600_000);
  const log = (line: string) => io.stderr.write(`${new Date().toISOString()} ${line}\n`);

  try {
    await probeRedis(target);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }

  // the simulation threads; a pool broken by a dead thread (out of memory) is replaced for the next job
  let pool = new NodePool({ workers: concurrency, workerUrl: workerUrl() });
  let stopping = false;
  const worker = await startQueueWorker({
    target,
    appVersion: readVersion(),
    concurrency,
    log,
    lockDurationMs: lockMs,
    stalledIntervalMs: stalledMs,
    graceMs: graceS * 1000,
    runReplication: async (text, seed, ro) => {
      const p = pool;
      try {
        const [result] = await p.run(text, [seed], ro);
        return result;
      } catch (err) {
        if (!stopping && (err as Error)?.name !== 'InvalidScenarioError' && pool === p) {
          void p.close();
          pool = new NodePool({ workers: concurrency, workerUrl: workerUrl() });
        }
        throw err;
      }
    },
    abortRunning: () => pool.close(),
  });

  await new Promise<void>((resolve) => {
    const onSignal = (name: string) => () => {
      stopping = true;
      signals.removeListener('SIGTERM', onTerm);
      signals.removeListener('SIGINT', onInt);
      void worker.stop(name).then(resolve, resolve);
    };
    const onTerm = onSignal('SIGTERM');
    const onInt = onSignal('SIGINT');
    signals.once('SIGTERM', onTerm);
    signals.once('SIGINT', onInt);
  });
  await pool.close();
  return 0;
}
