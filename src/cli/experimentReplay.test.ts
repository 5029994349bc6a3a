/**
 * Every experiment kind's zip replays: the app's sweep and staffing
 * downloads (built by src/app/exportFiles.ts from results the app's own
 * analysis made) go through the real `allweather replay` (the built CLI, a
 * fresh process), which re-runs the experiment and checks every file byte
 * for byte; a changed number in a result file (its manifest hash fixed up so
 * only the replay can tell) is named, exit 3. And the "equivalent command"
 * of each kind parses with the CLI's own argument parser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createInlineRunner } from '../analysis/runner.ts';
import { findStaffing } from '../analysis/staffing.ts';
import { sweep, type SweepParam } from '../analysis/sweep.ts';
import { experimentZip, staffingFiles, sweepFiles } from '../app/exportFiles.ts';
import type { StaffingJob } from '../app/experiments.ts';
import { experimentCommand, staffingSpec } from '../export/experiment.ts';
import { manifestJson, type ExportManifest } from '../export/manifest.ts';
import { bundleFileEntry, readZip } from '../export/zip.ts';
import { cli, ROOT, scratchDir } from './testCli.ts';

const utf8 = (b: Uint8Array | undefined) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
const text = readFileSync(join(ROOT, 'scenarios/baseline-weekday.json'), 'utf8');
const tmp = scratchDir('allweather-xr-');
const run = createInlineRunner();

/** The zip with `name`'s bytes changed and the manifest's hash of it updated: only a replay can tell. */
function forged(zip: Uint8Array, name: string, change: (t: string) => string): Uint8Array {
  const entries = readZip(zip);
  const data = change(utf8(entries.get(name)));
  entries.set(name, new TextEncoder().encode(data));
  const m = JSON.parse(utf8(entries.get('manifest.json'))) as ExportManifest;
  m.files = m.files!.map((f) => (f.name === name ? bundleFileEntry(name, data) : f));
  entries.set('manifest.json', new TextEncoder().encode(manifestJson(m)));
  return zipSync(Object.fromEntries(entries));
}

describe('a sweep zip replays byte for byte', () => {
  const params: SweepParam[] = [{ path: 'nightStaff', values: [1, 2] }];
  const made = sweep(run, text, params, { seed: 3, replications: 2 });

  it('every file re-made by the CLI and equal; a changed number is named, exit 3', async () => {
    const result = await made;
    const command = experimentCommand(
      { kind: 'sweep', params, baseOverrides: {}, seed: 3, replications: 2 },
      'baseline-weekday.json',
    );
    const zip = experimentZip(sweepFiles({ scenarioText: text, seed: 3, result, command, baseOverrides: {} }));
    expect(zip.name).toBe('allweather-baseline-weekday-sweep.zip');
    const path = join(tmp, 'sweep.zip');
    writeFileSync(path, zip.data as Uint8Array);
    const r = cli('replay', path, '--workers', '2');
    for (const f of ['sweep.csv', 'sweep-replications.csv', 'sweep.json'])
      expect(r.stderr).toContain(`✓ ${path}:${f} 与重放逐字节一致 / matches the replay byte for byte`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(utf8(readZip(zip.data as Uint8Array).get('sweep.csv')));

    const bad = join(tmp, 'sweep-forged.zip');
    writeFileSync(
      bad,
      forged(zip.data as Uint8Array, 'sweep-replications.csv', (t) =>
        t.replace(/,0\.(\d)/, (_m, d) => `,0.${(+d + 1) % 10}`),
      ),
    );
    const b = cli('replay', bad, '--workers', '2');
    expect(b.stderr).toContain(`✗ ${bad}:sweep-replications.csv 与重放不一致 / differs from the replay`);
    expect(b.stderr).toContain(`✓ ${bad}:sweep.csv 与重放逐字节一致`);
    expect(b.code).toBe(3);
  }, 120_000);
});

describe('a staffing zip has a manifest and replays byte for byte', () => {
  it('staffing.csv and staffing.json re-made by the CLI and equal', async () => {
    const request = {
      seed: 5,
      replications: 2,
      shift: { team: 'grid-workers', shift: 0 },
      target: 0.6,
      confidence: 0.9,
      criterion: 'coverage' as const,
    };
    const plan = await findStaffing(run, text, [request.shift], { ...request });
    const job = { status: 'done', plan, scenarioId: 'baseline-weekday', evaluations: [] } as unknown as StaffingJob;
    const command = experimentCommand(staffingSpec(request), 'baseline-weekday.json');
    const files = staffingFiles(job, { byStaff: {}, scenarioText: text, request, plan, command })!;
    expect(files.map((f) => f.short)).toEqual(['staffing.csv', 'staffing.json', 'manifest.json']);
    const zip = experimentZip(files);
    const path = join(tmp, 'staffing.zip');
    writeFileSync(path, zip.data as Uint8Array);
    const r = cli('replay', path, '--workers', '2');
    expect(r.stderr).toContain(`✓ ${path}:staffing.csv 与重放逐字节一致 / matches the replay byte for byte`);
    expect(r.stderr).toContain(`✓ ${path}:staffing.json 与重放逐字节一致`);
    expect(r.code).toBe(0);

    const bad = join(tmp, 'staffing-forged.zip');
    writeFileSync(
      bad,
      forged(zip.data as Uint8Array, 'staffing.json', (t) => t.replace('"target": 0.6', '"target": 0.7')),
    );
    const b = cli('replay', bad, '--workers', '2');
    expect(b.stderr).toContain(`✗ ${bad}:staffing.json 与重放不一致 / differs from the replay`);
    expect(b.code).toBe(3);
  }, 120_000);
});
