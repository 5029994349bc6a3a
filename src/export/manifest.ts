/**
 * The manifest: what identifies a run, and enough to run it again.
 *
 * A run is identified by (scenario content hash, seed, replications, days,
 * app version). Every export carries a manifest with those, plus when and how
 * it was made, the overrides applied, and the base scenario itself, so the
 * manifest re-runs standalone, without the original file:
 *
 *     { "app": "allweather", "version": "0.1.0", "createdAt": "2025-…Z",
 *       "scenario": "baseline-weekday", "scenarioHash": "…", "seed": 1,
 *       "replications": 10, "days": 1, "overrides": { "nightStaff": 6 },
 *       "command": "allweather export …", "scenarioFile": { …the base file… } }
 *
 * `scenarioHash` is the hash of the scenario that ran (the base with the
 * overrides applied); loading a manifest re-applies the overrides and checks
 * the hash, so an edited manifest is caught rather than silently giving other
 * numbers. Replication r used seed + r.
 *
 * A bundle written to disk (`allweather export`) lists its other files last,
 * with their sizes and SHA-256 hashes (`files`); the manifest is written
 * after them, so a manifest that lists a file promises that the file was
 * complete, and `allweather replay` checks every one. result.json embeds the
 * manifest without that list (it is one of the files listed). Pure: runs in
 * the browser and in Node.
 */
import { z } from 'zod';
import { canonicalJson, fnv1a64, scenarioHash } from '../scenario/load.ts';
import type { ScenarioError } from '../scenario/messages.ts';
import { zodIssuesToErrors } from '../scenario/messages.ts';
import { LIMITS } from '../scenario/limits.ts';
import {
  applyOverridesParsed,
  InvalidBaseScenarioError,
  OverrideError,
  type Overrides,
} from '../analysis/overrides.ts';
import type { Experiment } from './experiment.ts';
import { forbiddenKeyErrors, forbiddenSegmentErrors, nestingErrors } from '../scenario/safeKeys.ts';

export interface ExportManifest {
  app: 'allweather';
  /** package.json version of the app that made the run. */
  version: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Scenario id. */
  scenario: string;
  /** Content hash of the scenario that ran (base + overrides). */
  scenarioHash: string;
  /** Seed of replication 0; replication r used seed + r. */
  seed: number;
  replications: number;
  /** Simulated days per replication. */
  days: number;
  /** Applied, in this order, to `scenarioFile`. */
  overrides: Overrides;
  /** How the run was made: the command line, or "app" and what was clicked. */
  command: string;
  /** The experiment beyond the replication set (a sweep, a staffing search) and its parameters (experiment.ts); absent: the replication set itself. */
  experiment?: Experiment;
  /** The base scenario as its file's JSON. */
  scenarioFile: unknown;
  /** The bundle's other files, as written (a manifest.json on disk; absent elsewhere). */
  files?: BundleFile[];
}

/** One file of a bundle, beside its manifest. */
export interface BundleFile {
  /** File name in the bundle folder (no folders). */
  name: string;
  bytes: number;
  /** SHA-256 of its bytes, lower-case hex. */
  sha256: string;
}

/** A bundle file name: no folders, no leading dot. */
export const BUNDLE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export const ManifestSchema = z.strictObject({
  app: z.literal('allweather'),
  version: z.string().min(1),
  createdAt: z.string().min(1),
  scenario: z.string().min(1),
  scenarioHash: z.string().regex(/^[0-9a-f]{16}$/),
  seed: z.number().int().nonnegative(),
  /** At most 10,000 and 366 (limits.ts): a manifest is outside input; a replay of 1e9 replications would never end. */
  replications: z.number().int().positive().max(LIMITS.replications),
  days: z.number().finite().positive().max(LIMITS.days),
  overrides: z.record(z.string(), z.unknown()),
  command: z.string(),
  experiment: z
    .discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('sweep'),
        params: z
          .array(z.strictObject({ path: z.string().min(1), values: z.array(z.unknown()).min(1).max(1001) }))
          .min(1)
          .max(2),
        baseOverrides: z.record(z.string(), z.unknown()),
      }),
      z.strictObject({
        kind: z.literal('staffing'),
        shifts: z.array(z.string().min(1)).min(1).max(100),
        target: z.number().min(0).max(1),
        confidence: z.number().min(0.5).max(1),
        criterion: z.enum(['coverage', 'hourly']),
        minStaff: z.number().int().nonnegative().optional(),
        maxStaff: z.number().int().nonnegative().optional(),
        baseOverrides: z.record(z.string(), z.unknown()),
      }),
      z.strictObject({
        kind: z.literal('optimise'),
        criterion: z.enum(['coverage', 'hourly', 'types']),
        target: z.number().min(0).max(1),
        confidence: z.number().min(0.5).max(1),
        teams: z.array(z.string().min(1)).max(1000),
        minStaff: z.record(z.string(), z.number().int().nonnegative()),
        maxStaff: z.record(z.string(), z.number().int().nonnegative()),
        budgetEvaluations: z.number().int().positive().max(10_000),
        verifyReplications: z.number().int().min(2).max(LIMITS.replications).optional(),
        baseOverrides: z.record(z.string(), z.unknown()).optional(),
      }),
      z.strictObject({ kind: z.literal('diagnose') }),
    ])
    .optional(),
  scenarioFile: z.unknown(),
  files: z
    .array(
      z.strictObject({
        name: z.string().regex(BUNDLE_FILE_NAME),
        bytes: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .optional(),
});

export interface ManifestInput {
  version: string;
  /** The base scenario: file text or its parsed JSON. */
  scenario: string | unknown;
  overrides?: Overrides;
  seed: number;
  replications: number;
  /** Default: the scenario's run.days. */
  days?: number;
  command: string;
  /** Default: now. */
  createdAt?: string;
  experiment?: Experiment;
}

function rawOf(scenario: string | unknown): unknown {
  if (typeof scenario !== 'string') return scenario;
  const src = scenario.charCodeAt(0) === 0xfeff ? scenario.slice(1) : scenario;
  return JSON.parse(src);
}

/** Builds a manifest (validates the scenario and overrides; throws as applyOverrides does). */
export function createManifest(input: ManifestInput): ExportManifest {
  const scenarioFile = rawOf(input.scenario);
  const overrides = input.overrides ?? {};
  const { raw, scenario } = applyOverridesParsed(scenarioFile, overrides);
  return {
    app: 'allweather',
    version: input.version,
    createdAt: input.createdAt ?? new Date().toISOString(),
    scenario: scenario.id,
    scenarioHash: scenarioHash(raw),
    seed: input.seed,
    replications: input.replications,
    days: input.days ?? scenario.run.days,
    overrides: structuredClone(overrides),
    command: input.command,
    ...(input.experiment !== undefined ? { experiment: structuredClone(input.experiment) } : {}),
    scenarioFile: structuredClone(scenarioFile),
  };
}

/** The manifest as JSON text, keys in a fixed order (`files` last, when there), 2-space indented, newline-terminated. */
export function manifestJson(m: ExportManifest): string {
  const ordered: ExportManifest = { ...manifestHeader(m), scenarioFile: m.scenarioFile };
  if (m.files !== undefined) ordered.files = m.files.map((f) => ({ name: f.name, bytes: f.bytes, sha256: f.sha256 }));
  return JSON.stringify(ordered, null, 2) + '\n';
}

/** The manifest without its file list (what result.json embeds; what identifies a run). */
export function withoutFiles(m: ExportManifest): ExportManifest {
  const { files: _files, ...rest } = m;
  return rest;
}

/** The manifest without the embedded scenario (for result files that sit beside manifest.json). */
export function manifestHeader(m: ExportManifest): Omit<ExportManifest, 'scenarioFile'> {
  return {
    app: m.app,
    version: m.version,
    createdAt: m.createdAt,
    scenario: m.scenario,
    scenarioHash: m.scenarioHash,
    seed: m.seed,
    replications: m.replications,
    days: m.days,
    overrides: m.overrides,
    command: m.command,
    ...(m.experiment !== undefined ? { experiment: m.experiment } : {}),
  };
}

/**
 * A short id of what was run (not when or how): FNV-1a of the version,
 * scenario hash, seed, replications and days. Equal runs share it; it is the
 * `run` column of the tidy CSV.
 */
export function runId(m: Pick<ExportManifest, 'version' | 'scenarioHash' | 'seed' | 'replications' | 'days'>): string {
  return fnv1a64(
    canonicalJson({
      version: m.version,
      scenarioHash: m.scenarioHash,
      seed: m.seed,
      replications: m.replications,
      days: m.days,
    }),
  );
}

export type LoadedManifest =
  | {
      ok: true;
      manifest: ExportManifest;
      /** The scenario that ran, as JSON text (give it to a Runner). */ scenarioText: string;
    }
  | { ok: false; errors: ScenarioError[] };

/**
 * Reads a manifest's text (manifest.json, or a result.json that carries one):
 * JSON, shape, then the embedded scenario + overrides against the hash.
 *
 * A manifest comes from outside and its override paths are walked, so first
 * of all `__proto__`, `constructor` and `prototype` are refused anywhere in
 * it, as keys or as override path segments: one error at
 * `$.overrides["run.__proto__.x"]` (not a cascade over unrelated fields),
 * and nothing reaches Object.prototype (safeKeys.ts). So is anything
 * nested deeper than MAX_JSON_DEPTH (code `too_deep`), which copying the
 * overrides or the embedded scenario would overflow the stack on.
 */
export function loadManifest(text: string): LoadedManifest {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(src);
  } catch (e) {
    return {
      ok: false,
      errors: [
        {
          path: '$',
          code: 'not_json',
          zh: '清单不是有效的 JSON',
          en: `the manifest is not valid JSON: ${(e as Error).message}`,
        },
      ],
    };
  }
  // Before zod copies anything: a "__proto__" key of `overrides` would become the record's prototype.
  const forbidden = [...forbiddenKeyErrors(json), ...nestingErrors(json)];
  if (forbidden.length > 0) return { ok: false, errors: forbidden };
  // A result.json carries the manifest under `manifest`.
  let at = '$';
  if (typeof json === 'object' && json !== null && !Object.hasOwn(json, 'app') && Object.hasOwn(json, 'manifest')) {
    json = (json as { manifest: unknown }).manifest;
    at = '$.manifest';
  }
  const overrides = (json as { overrides?: unknown } | null)?.overrides;
  if (typeof overrides === 'object' && overrides !== null && Object.hasOwn(json as object, 'overrides')) {
    const bad = Object.keys(overrides).flatMap((path) => forbiddenSegmentErrors(path, ['overrides', path]).slice(0, 1));
    if (bad.length > 0) return { ok: false, errors: bad.map((e) => ({ ...e, path: e.path.replace(/^\$/, at) })) };
  }
  const parsed = ManifestSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: zodIssuesToErrors(parsed.error.issues) };
  const m = parsed.data as ExportManifest;
  if (m.experiment !== undefined) {
    // the experiment's override paths are walked too (every sweep point, every staffing count)
    const e = m.experiment;
    const paths = [
      ...Object.keys(('baseOverrides' in e && e.baseOverrides) || {}).map(
        (p) => [p, ['experiment', 'baseOverrides', p]] as const,
      ),
      ...(e.kind === 'optimise'
        ? (['minStaff', 'maxStaff'] as const).flatMap((k) =>
            Object.keys(e[k]).map((p) => [p, ['experiment', k, p]] as const),
          )
        : []),
      ...(e.kind === 'sweep' ? e.params.map((p, i) => [p.path, ['experiment', 'params', i, 'path']] as const) : []),
    ];
    const bad = paths.flatMap(([p, where]) => forbiddenSegmentErrors(p, [...where]).slice(0, 1));
    if (bad.length > 0) return { ok: false, errors: bad.map((e) => ({ ...e, path: e.path.replace(/^\$/, at) })) };
  }
  let raw: Record<string, unknown>;
  try {
    raw = applyOverridesParsed(m.scenarioFile, m.overrides).raw;
  } catch (err) {
    if (err instanceof OverrideError || err instanceof InvalidBaseScenarioError) {
      return { ok: false, errors: err.errors.map((e) => ({ ...e, path: e.path.replace(/^\$/, '$.scenarioFile') })) };
    }
    throw err;
  }
  const hash = scenarioHash(raw);
  if (hash !== m.scenarioHash) {
    return {
      ok: false,
      errors: [
        {
          path: '$.scenarioHash',
          code: 'hash_mismatch',
          zh: `内嵌场景加覆盖项的哈希为 ${hash}，与清单记录的 ${m.scenarioHash} 不符（清单被改动过？）`,
          en: `the embedded scenario with its overrides hashes to ${hash}, not the recorded ${m.scenarioHash} (was the manifest edited?)`,
        },
      ],
    };
  }
  return { ok: true, manifest: m, scenarioText: JSON.stringify(raw) };
}
