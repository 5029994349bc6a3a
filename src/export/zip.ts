/**
 * One zip per experiment, with the file names `allweather replay` checks.
 *
 * A browser saves each download under the name it likes (`summary (1).csv`,
 * or the app's `allweather-<scenario>-replications-summary.csv`), so the
 * files of an experiment saved one by one no longer carry the names their
 * manifest lists, and a replay cannot check them. The zip keeps them
 * together under their canonical names (`manifest.json`, `summary.csv`,
 * `tidy.csv`, `result.json`, `cases.arrow`, `tidy.parquet`, ...), flat at
 * its root, and its manifest lists every other file in it with its size
 * and SHA-256 (`files`, manifest.ts), as `allweather export` writes them:
 *
 *     allweather replay allweather-baseline-weekday-replications.zip
 *     unzip allweather-baseline-weekday-replications.zip -d run1 && allweather replay run1
 *
 * both check every byte of every file before replaying. A comparison has
 * two manifests (`manifest-a.json`, `manifest-b.json`, as `compare --out`
 * writes them): each lists the files. A manifest cannot list itself; it is
 * checked by its own scenario hash when loaded.
 *
 * The zip's bytes depend only on the files and the manifest (entries in a
 * fixed order, each dated by the manifest's `createdAt`), so the same
 * experiment gives the same zip. Written with fflate (deflate, the same in
 * the browser and in Node), hashed with @noble/hashes (SHA-256 without Web
 * Crypto, which a page served over plain http inside a government network
 * does not have). Pure.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { manifestJson, withoutFiles, type BundleFile, type ExportManifest } from './manifest.ts';

/** A file's bytes as saved: UTF-8 for text. */
export function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

/** The manifest's entry for a file: its name, size and SHA-256 (lower-case hex). */
export function bundleFileEntry(name: string, data: string | Uint8Array): BundleFile {
  const bytes = bytesOf(data);
  return { name, bytes: bytes.byteLength, sha256: bytesToHex(sha256(bytes)) };
}

/** Files already compressed (Arrow and Parquet are not, much; a zip inside is). */
const STORED = /\.(zip|png)$/i;

/** DOS dates start in 1980; a zip entry cannot be dated before. */
function entryDate(createdAt: string): Date {
  const t = Date.parse(createdAt);
  return Number.isFinite(t) && t >= Date.UTC(1980, 1, 1) ? new Date(t) : new Date(Date.UTC(1980, 1, 1));
}

/**
 * Zips an experiment: each manifest (by its file name) with `files` listing
 * every other, non-manifest file, then those files in the given order.
 * File names must be bundle names (no folders: BUNDLE_FILE_NAME).
 */
export function experimentZip(
  manifests: Record<string, ExportManifest>,
  files: Record<string, string | Uint8Array>,
): Uint8Array {
  const names = Object.keys(files);
  const listed = names.map((n) => bundleFileEntry(n, files[n]));
  const first = Object.values(manifests)[0];
  const mtime = entryDate(first?.createdAt ?? '');
  const entries: Zippable = {};
  for (const [name, m] of Object.entries(manifests)) {
    entries[name] = [bytesOf(manifestJson({ ...withoutFiles(m), files: listed })), { level: 6, mtime }];
  }
  for (const n of names) entries[n] = [bytesOf(files[n]), { level: STORED.test(n) ? 0 : 6, mtime }];
  return zipSync(entries, { mtime });
}

/** Whether these bytes start like a zip (a local file header, or the end record of an empty zip). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

/**
 * The files of a zip by name. Folder entries and macOS's `__MACOSX/`
 * leftovers are skipped; when every file is inside one top folder (a folder
 * zipped again by hand), that folder is taken off the names. Throws (with
 * fflate's message) on a damaged zip.
 */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const raw = unzipSync(bytes, { filter: (f) => !f.name.endsWith('/') && !f.name.startsWith('__MACOSX/') });
  const names = Object.keys(raw);
  const top = names.length > 0 ? names[0].split('/')[0] + '/' : '';
  const strip = top.length > 1 && names.every((n) => n.startsWith(top) && n.length > top.length);
  const out = new Map<string, Uint8Array>();
  for (const n of names) out.set(strip ? n.slice(top.length) : n, raw[n]);
  return out;
}
