/**
 * An experiment written as a folder: its files and a manifest.json listing
 * each (name, bytes, sha256), the folder `allweather replay DIR` re-runs and
 * compares. sweep / staffing / diagnose `--out` and replay's `--out` write it.
 */
import { bundleFileEntry } from '../export/zip.ts';
import { manifestJson, type ExportManifest } from '../export/manifest.ts';
import { writeFiles } from './common.ts';

/** Write `files` and their manifest (the files listed in it) as the folder `dir`, all or nothing (writeFiles). */
export function writeExperimentFolder(
  dir: string,
  manifest: ExportManifest,
  files: Record<string, string | Uint8Array>,
): string[] {
  const listed = Object.entries(files).map(([name, data]) => bundleFileEntry(name, data));
  return writeFiles(dir, { ...files, 'manifest.json': manifestJson({ ...manifest, files: listed }) });
}
