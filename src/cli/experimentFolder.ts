/**
 * An experiment written as a folder: its files and a manifest.json listing
 * each (name, bytes, sha256), the folder `allweather replay DIR` re-runs and
 * compares. sweep / staffing / diagnose / optimise `--out` and replay's
 * `--out` write it.
 */
import { bundleFileEntry } from '../export/zip.ts';
import { createManifest, manifestJson, type ExportManifest, type ManifestInput } from '../export/manifest.ts';
import type { Experiment } from '../export/experiment.ts';
import { commandLine, readVersion, writeFiles } from './common.ts';

/** Write `files` and their manifest (the files listed in it) as the folder `dir`, all or nothing (writeFiles). */
export function writeExperimentFolder(
  dir: string,
  manifest: ExportManifest,
  files: Record<string, string | Uint8Array>,
): string[] {
  const listed = Object.entries(files).map(([name, data]) => bundleFileEntry(name, data));
  return writeFiles(dir, { ...files, 'manifest.json': manifestJson({ ...manifest, files: listed }) });
}

/** A command's experiment as its `--out` manifest records it: the command's words and what it ran. */
export interface CommandExperiment extends Pick<
  ManifestInput,
  'scenario' | 'overrides' | 'seed' | 'replications' | 'days'
> {
  /** The command and its arguments as given (`['sweep', 'a.json', '--param', …]`): the manifest's command line. */
  argv: string[];
  experiment: Experiment;
}

/** Write a command's experiment as the folder `dir`: the manifest of this version and run, and the files `make` writes from it. */
export function writeCommandExperiment(
  dir: string,
  run: CommandExperiment,
  make: (manifest: ExportManifest) => Record<string, string | Uint8Array>,
): string[] {
  const { argv, ...rest } = run;
  const manifest = createManifest({ ...rest, version: readVersion(), command: commandLine(argv) });
  return writeExperimentFolder(dir, manifest, make(manifest));
}
