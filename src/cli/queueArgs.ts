/**
 * `--queue redis://…` on the commands that run replications: the queue-backed
 * Runner (src/queue/queueRunner.ts) in place of the local worker pool, with
 * the same contract, so the command's output is byte for byte the same.
 *
 * Loaded only when --queue is given (BullMQ and ioredis are not read by a
 * local run). The queue's errors become the CLI's: Redis unreachable or lost,
 * a worker refusing a job for its version, a job failing for its input —
 * each a bilingual message and exit 2, the URL's password masked.
 */
import { InvalidScenarioError } from '../analysis/service.ts';
import type { Runner } from '../analysis/runner.ts';
import { QueueRunner } from '../queue/queueRunner.ts';
import { QueueConnectionError, QueueInputError, QueueVersionError } from '../queue/protocol.ts';
import { QueueUrlError, parseQueueUrl, redact, type QueueTarget } from '../queue/url.ts';
import { InterruptedError, UsageError, readVersion, type CliIO, type SignalSource } from './common.ts';

/** Replications in flight at once by default for the commands that stream them in order (run, export). */
export const QUEUE_WINDOW = 64;

/** A `--queue` value, checked (bad input: exit 2, the password masked). */
export function queueTargetArg(raw: string): QueueTarget {
  try {
    return parseQueueUrl(raw);
  } catch (err) {
    if (err instanceof QueueUrlError) throw new UsageError(err.message);
    throw err;
  }
}

/** The queue's errors as the CLI says them. */
function asCliError(err: unknown, target: QueueTarget): unknown {
  if (err instanceof QueueConnectionError || err instanceof QueueVersionError || err instanceof QueueInputError)
    return new UsageError(redact(err.message, target.secrets));
  if (err instanceof InvalidScenarioError) return new UsageError(`场景无效 / Invalid scenario:\n${err.message}`);
  if (err instanceof Error) err.message = redact(err.message, target.secrets);
  return err;
}

/**
 * Runs `f` with the queue-backed Runner on `raw`; `window` is what the
 * command streams at once (--workers, else QUEUE_WINDOW). Ctrl-C: stops
 * waiting (exit 130); the jobs already queued stay, and a re-run reuses them.
 */
export async function withQueue<T>(
  raw: string,
  io: CliIO,
  window: number | undefined,
  f: (run: Runner, size: number) => Promise<T>,
  signals: SignalSource,
): Promise<T> {
  const target = queueTargetArg(raw);
  let runner: QueueRunner;
  try {
    runner = await QueueRunner.connect({
      target,
      appVersion: readVersion(),
      log: (line) => io.stderr.write(`${line}\n`),
    });
  } catch (err) {
    throw asCliError(err, target);
  }
  let onInterrupt: () => void = () => {};
  const interruption = new Promise<never>((_, reject) => {
    onInterrupt = () => {
      io.stderr.write(
        '\n队列中的任务保留：工作进程会完成它们，重新运行即复用结果 / ' +
          'The queued jobs stay: the workers finish them, and running the command again reuses their results\n',
      );
      reject(new InterruptedError());
    };
  });
  interruption.catch(() => {});
  signals.once('SIGINT', onInterrupt);
  try {
    return await Promise.race([f(runner.run, window ?? QUEUE_WINDOW), interruption]);
  } catch (err) {
    throw asCliError(err, target);
  } finally {
    signals.removeListener('SIGINT', onInterrupt);
    await runner.close();
  }
}
