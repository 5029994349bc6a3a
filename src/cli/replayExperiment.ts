/**
 * `allweather replay` of an experiment beyond a replication set: a manifest
 * with an `experiment` (a sweep, a staffing search: src/export/experiment.ts),
 * as the app's zip and `sweep --out` / `staffing --out` write them.
 *
 * Checks every file the manifest lists (size and SHA-256), re-runs the
 * experiment with the CLI's own code (the same analysis the app ran, on the
 * embedded scenario, seeds, replications and days), rebuilds every file with
 * the writer the app used, and compares each with the file in the zip or
 * folder byte for byte: one ✓ or ✗ line per file on stderr, naming it; any
 * difference, missing or altered file exits 3. stdout gets the experiment's
 * main table (sweep.csv, staffing.csv) or with --json its JSON file.
 */
import { findStaffing, parseShiftRef } from '../analysis/staffing.ts';
import { sweep } from '../analysis/sweep.ts';
import { diagnose } from '../analysis/diagnose.ts';
import { optimise } from '../analysis/optimise.ts';
import { consecutiveSeeds } from '../analysis/runner.ts';
import {
  diagnoseExperimentFiles,
  optimiseExperimentFiles,
  staffingExperimentFiles,
  sweepExperimentFiles,
  type Experiment,
} from '../export/experiment.ts';
import { withoutFiles, type ExportManifest } from '../export/manifest.ts';
import { parseScenario } from '../scenario/load.ts';
import { writeExperimentFolder } from './experimentFolder.ts';
import { checkListedFiles, noneThere, type ReplaySource } from './replaySource.ts';
import { UsageError, progress, withPool, type CliIO } from './common.ts';

export interface ReplayExperimentOptions {
  workers?: number;
  queue?: string;
  json: boolean;
  progress: boolean;
  out?: string;
}

/** The main file a kind prints on stdout (and its JSON with --json). */
const MAIN: Record<Experiment['kind'], { table: string; json: string }> = {
  sweep: { table: 'sweep.csv', json: 'sweep.json' },
  staffing: { table: 'staffing.csv', json: 'staffing.json' },
  optimise: { table: 'optimise-plan.csv', json: 'optimise.json' },
  diagnose: { table: 'diagnosis.json', json: 'diagnosis.json' },
};

/** Re-runs the manifest's experiment; its files by name (the writers the app uses). */
export async function rerunExperiment(
  io: CliIO,
  manifest: ExportManifest,
  scenarioText: string,
  opts: Pick<ReplayExperimentOptions, 'workers' | 'queue' | 'progress'>,
): Promise<Record<string, string>> {
  const exp = manifest.experiment;
  if (exp === undefined) throw new Error('rerunExperiment: the manifest has no experiment');
  const parsed = parseScenario(scenarioText);
  if (!parsed.ok) throw new UsageError("清单中的场景无效 / the manifest's scenario is invalid");
  // days as the app ran it: the scenario's own unless the manifest says otherwise
  const days = manifest.days === parsed.scenario.run.days ? undefined : manifest.days;
  const m = withoutFiles(manifest);
  const where = { workers: opts.workers, queue: opts.queue, io };
  let done = 0;
  if (exp.kind === 'sweep') {
    const p = progress(io, '扫描点 points', opts.progress);
    const result = await withPool(where, manifest.replications, (run) =>
      sweep(run, scenarioText, exp.params, {
        seed: manifest.seed,
        replications: manifest.replications,
        days,
        baseOverrides: exp.baseOverrides,
        onPoint: (_pt, done, total) => p.update(done, total),
      }),
    );
    p.end();
    return sweepExperimentFiles(m, result);
  }
  if (exp.kind === 'diagnose') {
    const p = progress(io, '重复 replications', opts.progress);
    const results = await withPool(where, manifest.replications, (run) =>
      run(scenarioText, consecutiveSeeds(manifest.seed, manifest.replications), {
        days,
        onResult: (_i, _r) => p.update(++done, manifest.replications),
      }),
    );
    p.end();
    return diagnoseExperimentFiles(m, diagnose(parsed.scenario, results), results);
  }
  if (exp.kind === 'optimise') {
    const p = progress(io, '评估 evaluations', opts.progress);
    const result = await withPool(where, manifest.replications, (run) =>
      optimise(run, scenarioText, {
        seed: manifest.seed,
        replications: manifest.replications,
        days,
        criterion: exp.criterion,
        target: exp.target,
        confidence: exp.confidence,
        teams: exp.teams,
        minStaff: exp.minStaff,
        maxStaff: exp.maxStaff,
        budgetEvaluations: exp.budgetEvaluations,
        verifyReplications: exp.verifyReplications,
        baseOverrides: exp.baseOverrides,
        onProgress: (q) => p.update(q.evaluation, q.budget),
      }),
    );
    p.end();
    return optimiseExperimentFiles(m, result);
  }
  const p = progress(io, '评估 evaluations', opts.progress);
  let n = 0;
  const plan = await withPool(where, manifest.replications, (run) =>
    findStaffing(run, scenarioText, exp.shifts.map(parseShiftRef), {
      seed: manifest.seed,
      replications: manifest.replications,
      days,
      target: exp.target,
      confidence: exp.confidence,
      criterion: exp.criterion,
      minStaff: exp.minStaff,
      maxStaff: exp.maxStaff,
      baseOverrides: exp.baseOverrides,
      onEvaluation: () => p.update(++n),
    }),
  );
  p.end();
  return staffingExperimentFiles(m, plan);
}

/** Replays an experiment manifest from `source` (its files checked first). Returns the exit code. */
export async function replayExperiment(
  io: CliIO,
  source: ReplaySource,
  manifest: ExportManifest,
  scenarioText: string,
  opts: ReplayExperimentOptions,
): Promise<number> {
  const exp = manifest.experiment!;
  const { files } = source;
  const listed = manifest.files ?? [];
  let damaged = 0;
  if (listed.length > 0 && noneThere(files, listed)) {
    io.stderr.write(
      '注意 / Note: 清单旁没有它列出的文件，只按清单重放 / none of the files the manifest lists is beside it: replaying the manifest on its own\n',
    );
  } else {
    damaged = checkListedFiles(io, files, listed);
  }
  if (damaged > 0 && opts.out === undefined) {
    io.stderr.write(
      `导出不完整或被改动（${damaged} 个文件），未重放 / the export is incomplete or altered (${damaged} file(s)): not replayed\n`,
    );
    return 3;
  }
  // Read them now: a replay --out into the same folder replaces them.
  const before = new Map<string, string>();
  for (const f of listed) {
    const t = files.text(f.name);
    if (t !== null) before.set(f.name, t);
  }
  io.stderr.write(
    `重放 / Replaying: ${exp.kind} · ${manifest.scenario} · ${manifest.replications} 次重复 replications · 种子 seed ${manifest.seed} · 天数 days ${manifest.days}\n`,
  );
  const now = await rerunExperiment(io, manifest, scenarioText, opts);
  let differs = false;
  for (const [name, text] of before) {
    if (!(name in now)) {
      io.stderr.write(
        `注意 / Note: ${files.where(name)} 不由重放生成，只核对了 SHA-256 / is not made by the replay: checked by its SHA-256 only\n`,
      );
      continue;
    }
    const same = text === now[name];
    if (!same) differs = true;
    io.stderr.write(
      same
        ? `✓ ${files.where(name)} 与重放逐字节一致 / matches the replay byte for byte\n`
        : `✗ ${files.where(name)} 与重放不一致 / differs from the replay\n`,
    );
  }
  for (const name of Object.keys(now)) {
    if (!before.has(name) && listed.length > 0 && !noneThere(files, listed))
      io.stderr.write(`注意 / Note: ${name} 不在清单中 / is not listed in the manifest\n`);
  }
  if (opts.out !== undefined) {
    writeExperimentFolder(opts.out, manifest, now);
    io.stderr.write(`已写入 / Written: ${opts.out}\n`);
  }
  if (damaged > 0)
    io.stderr.write(
      `导出不完整或被改动（${damaged} 个文件）/ the export is incomplete or altered (${damaged} file(s))\n`,
    );
  const main = MAIN[exp.kind];
  io.stdout.write(now[opts.json ? main.json : main.table]);
  return differs || damaged > 0 ? 3 : 0;
}
