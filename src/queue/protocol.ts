/**
 * What a replication job is, on the wire: the contract between the queue
 * runner (the command that enqueues) and `allweather worker`.
 *
 * A job carries data only, never code: the protocol version, the app
 * version that made it, the scenario's content hash (the scenario itself
 * sits once in Redis under that hash, the *scenario cache*, or inline in
 * `text`), the seed, the days and whether to keep the case log. The worker
 * validates all of it (this schema, then the scenario with the very schema
 * that checks files, `parseScenario`) before it runs anything.
 *
 * Results do not travel through BullMQ's job records: the worker stores
 * each replication's result under its *result key*, (app version, scenario
 * hash, seed, days, log), gzipped, and the job returns only its size. So a
 * result is written once and read once, events stay small, and a command
 * re-run after an interruption finds the replications already done by key
 * and enqueues only the rest. The job id is the result key too: the same
 * replication asked twice (two commands, a re-run) is one job.
 *
 * Results are JSON, with the numbers JSON cannot spell (-0, NaN,
 * ±Infinity) tagged, so that what a worker returns decodes to exactly the
 * object the local pool returns (structured clone keeps them all).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { RunResult } from '../sim/result.ts';

/** Bumped when a job's or a result's shape changes; workers refuse newer protocols. */
export const PROTOCOL_VERSION = 1;

/** The BullMQ queue every runner and worker of this protocol uses. */
export const QUEUE_NAME = 'allweather-replications';
/** BullMQ's key prefix, and ours for the scenario cache and the results. */
export const KEY_PREFIX = 'allweather';

/** How long a stored scenario and a result are kept (refreshed by every run that uses them). */
export const CACHE_TTL_S = 7 * 24 * 3600;

/** The failure reason of a job refused for its input (its scenario, its data): not retried, exit 2 at the command. */
export const INPUT_ERROR_TAG = '[allweather:input] ';
/** The failure reason of a job a worker refused for its version. */
export const VERSION_ERROR_TAG = '[allweather:version] ';

const HASH = /^[0-9a-f]{16}$/;
const VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

/** A replication job as the worker accepts it. */
export const JobData = z
  .object({
    protocol: z.number().int().min(1),
    app: z.string().regex(VERSION).max(64),
    hash: z.string().regex(HASH),
    /** The scenario's text, when it is not in the cache (`hash` must still match it). */
    text: z
      .string()
      .max(20 * 1024 * 1024)
      .optional(),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    days: z.number().positive().max(366).optional(),
    log: z.boolean(),
  })
  .strict();
export type JobData = z.infer<typeof JobData>;

/** What a job returns to BullMQ: where the result is and how big (the result itself is under `key`). */
export interface JobReturn {
  key: string;
  bytes: number;
  /** Seconds the replication took on the worker (0 when it was found done). */
  wallS: number;
}

/** Identifies one replication's result: app version, scenario hash, seed, effective days, log. */
export interface ResultId {
  app: string;
  hash: string;
  seed: number;
  /** The days actually simulated (the scenario's run.days when not overridden). */
  days: number;
  log: boolean;
}

export function resultKey(id: ResultId): string {
  return `${KEY_PREFIX}:result:${id.app}:${id.hash}:${id.seed}:${id.days}:${id.log ? 1 : 0}`;
}

/** BullMQ's job id for a replication (its ids may not contain ':'). */
export function jobId(id: ResultId): string {
  return `r_${id.app}_${id.hash}_${id.seed}_${id.days}_${id.log ? 1 : 0}`;
}

export function scenarioKey(hash: string): string {
  return `${KEY_PREFIX}:scenario:${hash}`;
}

/** Compares two x.y.z versions (pre-release tags ignored): negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[-+]/)[0].split('.').map(Number);
  const pb = b.split(/[-+]/)[0].split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

const TAG = '$aw_num';

/** A result as bytes: JSON with -0, NaN and ±Infinity tagged, gzipped (level 1: ~10x smaller, ~1 ms). */
export function encodeResult(result: RunResult): Buffer {
  const json = JSON.stringify(result, (_k, v: unknown) =>
    typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))
      ? { [TAG]: Object.is(v, -0) ? '-0' : String(v) }
      : v,
  );
  return gzipSync(json, { level: 1 });
}

export function decodeResult(bytes: Buffer): RunResult {
  return JSON.parse(gunzipSync(bytes).toString('utf8'), (_k, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o[TAG] === 'string' && Object.keys(o).length === 1) return Number(o[TAG]);
    }
    return v;
  }) as RunResult;
}

/** Connecting to Redis failed, or the connection was lost (a bilingual message; the URL masked). */
export class QueueConnectionError extends Error {
  override name = 'QueueConnectionError';
}

/** A worker refused the job for its version: the workers must be upgraded. */
export class QueueVersionError extends Error {
  override name = 'QueueVersionError';
}

/** A job failed on the worker for a reason in its input (the same message as a local run). */
export class QueueInputError extends Error {
  override name = 'QueueInputError';
}
