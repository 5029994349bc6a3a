/**
 * Replications delivered one at a time, in seed order, with bounded memory.
 *
 * A `Runner` resolves when every replication of a batch is done, so the
 * caller holds all of them at once. For a per-case log that is too much:
 * 200 replications × 20 days of an M/M/25 queue are ~23 million cases, far
 * past a 4 GB heap. `runInOrder` instead hands each replication to
 * `consume` as soon as it and every earlier one have finished, and starts a
 * new replication only while fewer than `window` are started but not yet
 * consumed. So at most `window` logs are alive, whatever the number of
 * replications or days:
 *
 *     await runInOrder(pool.run, text, consecutiveSeeds(1, 200), {
 *       log: true, window: 4, consume: (r, result) => writer.add(r, result),
 *     });
 *
 * A replication that finishes before an earlier one waits in a buffer until
 * its turn: `consume` always sees replication 0, 1, 2, ... so anything it
 * writes is the same bytes whichever worker ran what, and however many. Each
 * replication is its own batch of one seed, queued in seed order, so a pool
 * of W workers keeps all W busy as long as `window` > W.
 *
 * What it returns is every replication's result without its log (the log is
 * dropped once consumed, unless `keepLogs`): KPIs, coverage and the rest are
 * small, and aggregating them needs no log. Pure: runs in the browser too.
 */
import type { RunResult } from '../sim/result.ts';
import type { Runner } from './runner.ts';

export interface InOrderOptions {
  /** Overrides the scenario's run.days. */
  days?: number;
  /** Keep the per-case log (passed to the runner). */
  log?: boolean;
  /** At most this many replications started and not yet consumed (default 4, at least 1). */
  window?: number;
  /** Called once per replication, in seed order; may return a promise (the next waits for it). */
  consume?: (index: number, result: RunResult) => void | Promise<void>;
  /** Called as each replication finishes (in completion order): done so far, total. */
  onFinished?: (done: number, total: number) => void;
  /** Keep the logs in the returned results (default: dropped once consumed). */
  keepLogs?: boolean;
  signal?: AbortSignal;
}

export interface InOrderResult {
  /** In seed order; without logs unless `keepLogs`. */
  results: RunResult[];
  /** Most replications alive at once: finished or running, not yet consumed (≤ window). */
  peakHeld: number;
}

/** Runs one replication per seed through `runner`, consuming them in seed order with at most `window` alive. */
export function runInOrder(
  runner: Runner,
  scenarioText: string,
  seeds: readonly number[],
  opts: InOrderOptions = {},
): Promise<InOrderResult> {
  const total = seeds.length;
  const window = Math.max(1, Math.floor(opts.window ?? 4));
  const results: RunResult[] = new Array(total);
  const waiting = new Map<number, RunResult>();
  let started = 0,
    consumed = 0,
    finished = 0,
    peakHeld = 0;
  let consuming = false;
  let failed = false;

  return new Promise<InOrderResult>((resolve, reject) => {
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      waiting.clear();
      reject(err);
    };
    if (total === 0) return resolve({ results, peakHeld });
    if (opts.signal?.aborted) return fail(opts.signal.reason ?? new Error('aborted'));

    const startMore = () => {
      while (!failed && started < total && started - consumed < window) {
        const index = started++;
        peakHeld = Math.max(peakHeld, started - consumed);
        runner(scenarioText, [seeds[index]], { days: opts.days, log: opts.log, signal: opts.signal }).then(
          ([result]) => {
            if (failed) return;
            finished++;
            opts.onFinished?.(finished, total);
            waiting.set(index, result);
            void drain();
          },
          fail,
        );
      }
    };

    // Consumes the replications whose turn has come, one at a time (consume may be async).
    const drain = async () => {
      if (consuming) return;
      consuming = true;
      try {
        while (!failed && waiting.has(consumed)) {
          const index = consumed;
          const result = waiting.get(index)!;
          waiting.delete(index);
          if (opts.consume) await opts.consume(index, result);
          if (failed) return;
          if (opts.keepLogs) results[index] = result;
          else {
            const { log: _log, ...slim } = result;
            results[index] = slim;
          }
          consumed++;
          startMore();
        }
      } catch (err) {
        fail(err);
        return;
      } finally {
        consuming = false;
      }
      if (!failed && consumed === total) resolve({ results, peakHeld });
    };

    startMore();
  });
}
