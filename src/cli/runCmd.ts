/**
 * `allweather run`: replications of one scenario, a report on stdout.
 *
 *   allweather run <scenario.json> [--set path=value ...] [--seed N] [--replications R] [--days D] [--workers W]
 *                  [--json] [--out DIR] [--log]
 *
 * With --set the run plays the scenario with those overrides (as compare's B and
 * diagnose do): the manifest's id and hash are the variant's, and it lists them.
 * Prints the KPI table (or the report as JSON with --json); --out writes
 * result.json and summary.csv, and with --log cases.csv, streamed one
 * replication at a time so a long log never sits in memory whole.
 */
import { aggregate } from '../analysis/aggregate.ts';
import { consecutiveSeeds } from '../analysis/runner.ts';
import { runInOrder } from '../analysis/ordered.ts';
import { scenarioHash } from '../scenario/load.ts';
import { buildReport, casesCsvChunks, casesCsvHeader, summaryCsv, type Manifest } from './report.ts';
import { formatReport } from './table.ts';
import {
  RUN_SIZE_OPTIONS,
  checkRunSizeOrThrow,
  loadVariant,
  onePositional,
  overridesArg,
  parse,
  progress,
  readVersion,
  runArgs,
  withPool,
  type CliIO,
} from './common.ts';
import { USAGE } from './usage.ts';
import { BundleDir, checkOutDir, writeBundle } from './bundleDir.ts';

export async function runCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      seed: { type: 'string' },
      replications: { type: 'string' },
      days: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      log: { type: 'boolean', default: false },
      set: { type: 'string', multiple: true },
      ...RUN_SIZE_OPTIONS,
    },
    USAGE,
  );
  const path = onePositional('run', positionals, USAGE);
  const {
    replications,
    seedFlag,
    days: daysArg,
    workers,
    force,
    progress: showProgress,
    queue,
  } = runArgs(values, 1, 1);
  const outDir = values.out as string | undefined;
  const log = values.log === true;
  if (outDir !== undefined) checkOutDir(outDir); // an unwritable --out is said before the run
  const streamLog = log && outDir !== undefined; // cases.csv: streamed a replication at a time

  const overrides = overridesArg(values.set as string[] | undefined);
  const hasOverrides = Object.keys(overrides).length > 0;

  const t0 = performance.now();
  const { text, scenario } = loadVariant(path, overrides);
  const seed = seedFlag ?? scenario.run.seed;
  const days = daysArg ?? scenario.run.days;
  checkRunSizeOrThrow(io, [scenario], { days, runs: replications, log, force });

  const p = progress(io, '重复 replications', showProgress);
  const out = streamLog ? BundleDir.open(outDir!) : null;
  let json: string, report: ReturnType<typeof buildReport>;
  try {
    out?.write('cases.csv', casesCsvHeader());
    const { results } = await withPool({ workers, queue, io }, replications, (run, size) =>
      runInOrder(run, text, consecutiveSeeds(seed, replications), {
        days,
        log: streamLog,
        window: size + 2,
        onFinished: (done) => p.update(done, replications),
        consume: out
          ? (r, result) => {
              for (const chunk of casesCsvChunks(r, result)) out.write('cases.csv', chunk);
            }
          : undefined,
      }),
    );
    p.end();
    const agg = aggregate(results);
    const manifest: Manifest = {
      app: 'allweather',
      version: readVersion(),
      scenario: scenario.id,
      scenarioHash: scenarioHash(text),
      seed,
      replications,
      days,
      ...(hasOverrides ? { overrides } : {}),
    };
    report = buildReport(manifest, agg, (performance.now() - t0) / 1000, results);
    json = JSON.stringify(report, null, 2) + '\n';
    if (out) {
      out.end('cases.csv');
      out.writeFile('result.json', json);
      out.writeFile('summary.csv', summaryCsv(report));
      out.commit();
    } else if (outDir !== undefined) {
      writeBundle(outDir, { 'result.json': json, 'summary.csv': summaryCsv(report) });
    }
  } catch (err) {
    out?.abort();
    throw err;
  }
  io.stdout.write(values.json ? json : formatReport(report, scenario.name));
  if (outDir !== undefined && !values.json) io.stdout.write(`已写入 / Written: ${outDir}\n`);
  return 0;
}
