/**
 * `allweather diagnose`: why cases are late — each late case's limiting
 * stage (discovery, centre, queue, travel, handling), summed over
 * replications into limits by event type and team, with the lever that acts
 * on each (src/analysis/diagnose.ts, src/sim/stages.ts).
 *
 *   allweather diagnose <scenario.json> [--replications R] [--seed N] [--days D] [--set path=value ...] [--workers W] [--json]
 */
import { diagnose, hoursText, STAGE_LABELS, type Diagnosis } from '../analysis/diagnose.ts';
import type { Scenario } from '../scenario/schema.ts';
import { STAGE_NAMES } from '../sim/stages.ts';
import { consecutiveSeeds } from '../analysis/runner.ts';
import { diagnoseExperimentFiles } from '../export/experiment.ts';
import { writeCommandExperiment } from './experimentFolder.ts';
import {
  checkRunSizeOrThrow,
  fmt,
  loadVariant,
  onePositional,
  overridesArg,
  parse,
  progress,
  readVersion,
  runArgs,
  withPool,
  type CliIO,
  REPLICATION_OPTIONS,
} from './common.ts';
import { table } from './table.ts';
import { USAGE } from './usage.ts';

export async function diagnoseCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      ...REPLICATION_OPTIONS,
      out: { type: 'string' },
    },
    USAGE,
  );
  const path = onePositional('diagnose', positionals, USAGE);
  const { replications, seedFlag, days, workers, force, progress: showProgress, queue } = runArgs(values, 1, 4);
  const overrides = overridesArg(values.set as string[] | undefined);
  const { fileText, text, scenario } = loadVariant(path, overrides);
  const seed = seedFlag ?? scenario.run.seed;
  checkRunSizeOrThrow(io, [scenario], { days, runs: replications, force });
  const p = progress(io, '重复 replications', showProgress);
  let done = 0;
  const results = await withPool({ workers, queue, io }, replications, (run) =>
    run(text, consecutiveSeeds(seed, replications), { days, onResult: () => p.update(++done, replications) }),
  );
  p.end();
  const d = diagnose(scenario, results);
  const report = {
    scenario: scenario.id,
    version: readVersion(),
    seed,
    days: days ?? scenario.run.days,
    overrides,
    ...d,
  };
  const outDir = values.out as string | undefined;
  if (outDir !== undefined) {
    // the app's diagnosis download, from the same writer, and a manifest `allweather replay DIR` re-runs
    writeCommandExperiment(
      outDir,
      {
        argv: ['diagnose', ...args],
        scenario: fileText,
        overrides,
        seed,
        replications,
        days,
        experiment: { kind: 'diagnose' },
      },
      (m) => diagnoseExperimentFiles(m, d, results),
    );
  }
  io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatDiagnosis(scenario, d));
  if (outDir !== undefined && !values.json) io.stdout.write(`已写入 / Written: ${outDir}\n`);
  return 0;
}

/** The readable report: stage totals, then the limits with their levers. */
export function formatDiagnosis(sc: Scenario, d: Diagnosis, maxRows = 12): string {
  const min = (s: number | null) => (s === null ? '—' : fmt(s / 60, 1));
  const out: string[] = [];
  out.push(`覆盖短板 / What limits coverage — ${sc.name.zh} / ${sc.name.en}`);
  out.push(
    `每次重复 per replication: 已判定 decided ${fmt(d.decided, 1)}，超时 late ${fmt(d.late, 1)}（${d.replications} 次重复 replications）`,
  );
  out.push('');
  out.push(
    ...table(
      [
        [
          '环节 stage',
          '平均用时 mean (min)',
          '其中响应 in response (min)',
          '限制的超时案件 late cases limited',
          '占比 share',
        ],
        ...STAGE_NAMES.map((n) => {
          const s = d.stages[n];
          return [
            `${STAGE_LABELS[n].zh} ${n}`,
            min(s.meanS),
            min(s.meanResponseS),
            fmt(s.lateCases, 1),
            `${fmt(s.share * 100, 1)}%`,
          ];
        }),
      ],
      [false, true, true, true, true],
    ),
  );
  out.push('');
  if (d.limits.length === 0) {
    out.push('没有超时案件 / No late cases.');
    return out.join('\n') + '\n';
  }
  const teamName = (id: string | null) => (id === null ? '—' : id);
  out.push(
    ...table(
      [
        [
          '#',
          '环节 stage',
          '事件类型 event type',
          '队伍 team',
          '超时/次 late/rep',
          '占比 share',
          '主要时段 peak hours (80%)',
          '网格 grids',
        ],
        ...d.limits
          .slice(0, maxRows)
          .map((l, i) => [
            String(i + 1),
            `${STAGE_LABELS[l.stage].zh} ${l.stage}`,
            l.eventType,
            teamName(l.team),
            fmt(l.lateCases, 1),
            `${fmt(l.share * 100, 1)}%`,
            hoursText(l.peakHours),
            l.grids.slice(0, 4).join(' ') + (l.grids.length > 4 ? ` …(+${l.grids.length - 4})` : ''),
          ]),
      ],
      [true, false, false, false, true, true, false, false],
    ),
  );
  if (d.limits.length > maxRows)
    out.push(`…另有 ${d.limits.length - maxRows} 行 / ${d.limits.length - maxRows} more rows (--json)`);
  out.push('');
  out.push('对策 / Levers:');
  d.limits.slice(0, Math.min(5, d.limits.length)).forEach((l, i) => {
    out.push(`${i + 1}. ${l.lever.zh}`);
    out.push(`   ${l.lever.en}`);
    if (l.lever.fields.length > 0)
      out.push(`   → ${l.lever.fields.slice(0, 6).join(', ')}${l.lever.fields.length > 6 ? ', …' : ''}`);
  });
  return out.join('\n') + '\n';
}
