/**
 * What `allweather replay` reads: a manifest beside its files, a folder
 * holding them, or the zip the app downloads (src/export/zip.ts).
 *
 *   allweather replay out/run1/manifest.json   the manifest, its files beside it
 *   allweather replay out/run1                 the folder: its manifest.json (or a comparison's manifest-a/-b.json)
 *   allweather replay run1.zip                 the zip: its manifest(s) and files, checked inside it
 *
 * Each gives the manifest's text and access to the files it lists (size,
 * SHA-256, text), so the checks are the same whichever it is: every listed
 * file must be there with its size and SHA-256 (`checkListedFiles`), one
 * line each on stderr, bilingual.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BundleFile } from '../export/manifest.ts';
import { isZip, readZip } from '../export/zip.ts';
import { UsageError, readTextFile, type CliIO } from './common.ts';

/** The files beside a manifest (a folder, or a zip's entries). */
export interface FileAccess {
  /** How a file is named in messages (`out/run1/summary.csv`, `run1.zip:summary.csv`). */
  where(name: string): string;
  /** Its size in bytes; null when it is not there. */
  size(name: string): number | null;
  sha256(name: string): string;
  /** Its text (UTF-8); null when it is not there. */
  text(name: string): string | null;
}

export interface ReplaySource {
  /** The manifest to replay, by file name (manifest.json, result.json, manifest-a.json, ...). */
  manifests: { name: string; shown: string; text: string }[];
  files: FileAccess;
  /** A zip: its files are checked inside it. */
  zip: boolean;
}

/** SHA-256 of a file, read in pieces (a case log can be gigabytes). */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function dirAccess(dir: string): FileAccess {
  const path = (name: string) => join(dir, name);
  return {
    where: path,
    size(name) {
      try {
        const st = statSync(path(name));
        return st.isFile() ? st.size : null;
      } catch {
        return null;
      }
    },
    sha256: (name) => sha256File(path(name)),
    text(name) {
      try {
        return readFileSync(path(name), 'utf8');
      } catch {
        return null;
      }
    },
  };
}

function zipAccess(zipPath: string, entries: Map<string, Uint8Array>): FileAccess {
  return {
    where: (name) => `${zipPath}:${name}`,
    size: (name) => entries.get(name)?.byteLength ?? null,
    sha256: (name) =>
      createHash('sha256')
        .update(entries.get(name) ?? new Uint8Array())
        .digest('hex'),
    text(name) {
      const b = entries.get(name);
      return b === undefined ? null : new TextDecoder('utf-8', { ignoreBOM: true }).decode(b); // keep the CSV's BOM: compared byte for byte
    },
  };
}

/** A zip read whole may be this large (the app builds its zips in memory: they are far smaller). */
const MAX_ZIP_BYTES = 2 ** 31 - 1;

function startsLikeZip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(4);
    return readSync(fd, head, 0, 4, 0) === 4 && isZip(head);
  } finally {
    closeSync(fd);
  }
}

const COMPARISON = ['manifest-a.json', 'manifest-b.json'];

function manifestsIn(files: FileAccess, shown: string): ReplaySource['manifests'] {
  const text = files.text('manifest.json');
  if (text !== null) return [{ name: 'manifest.json', shown: files.where('manifest.json'), text }];
  const ab = COMPARISON.map((name) => ({ name, shown: files.where(name), text: files.text(name) }));
  if (ab.every((m) => m.text !== null)) return ab as ReplaySource['manifests'];
  throw new UsageError(
    `${shown} 中没有 manifest.json（或比较的 manifest-a.json 与 manifest-b.json）/ ${shown} holds no manifest.json (nor a comparison's manifest-a.json and manifest-b.json)`,
  );
}

/** Opens what `replay` was given (see the module comment). Bad input is a UsageError (exit 2). */
export function openReplaySource(path: string): ReplaySource {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`找不到清单文件 / Manifest file not found: ${path}`);
  }
  if (st.isDirectory()) {
    const files = dirAccess(path);
    return { manifests: manifestsIn(files, path), files, zip: false };
  }
  if (path.toLowerCase().endsWith('.zip') || startsLikeZip(path)) {
    if (st.size > MAX_ZIP_BYTES) {
      throw new UsageError(
        `压缩包过大（${st.size} 字节）：请先解压，再重放解压出的文件夹 / the zip is too large (${st.size} bytes) to read whole: unzip it and replay the folder`,
      );
    }
    let entries: Map<string, Uint8Array>;
    try {
      entries = readZip(new Uint8Array(readFileSync(path)));
    } catch (err) {
      throw new UsageError(
        `无法读取压缩包 ${path}（已损坏？）/ cannot read the zip ${path} (damaged?): ${(err as Error).message}`,
      );
    }
    const files = zipAccess(path, entries);
    return { manifests: manifestsIn(files, path), files, zip: true };
  }
  const text = readTextFile(path, { zh: '清单文件', en: 'Manifest file' });
  return { manifests: [{ name: basename(path), shown: path, text }], files: dirAccess(dirname(path)), zip: false };
}

/** Whether none of the listed files is there (a manifest copied out of its bundle). */
export function noneThere(files: FileAccess, listed: readonly BundleFile[]): boolean {
  return listed.length > 0 && listed.every((f) => files.size(f.name) === null);
}

/** Checks the listed files: one line each on stderr; returns how many are missing or altered. */
export function checkListedFiles(io: CliIO, files: FileAccess, listed: readonly BundleFile[]): number {
  let bad = 0;
  for (const f of listed) {
    const path = files.where(f.name);
    const size = files.size(f.name);
    if (size === null) {
      bad++;
      io.stderr.write(
        `✗ ${path} 缺失：清单列出了它，导出不完整 / is missing: the manifest lists it, the export is incomplete\n`,
      );
      continue;
    }
    let same = size === f.bytes;
    try {
      same = same && files.sha256(f.name) === f.sha256;
    } catch {
      same = false;
    }
    if (same) {
      io.stderr.write(`✓ ${path} 与清单记录的大小和 SHA-256 一致 / matches its size and SHA-256 in the manifest\n`);
    } else {
      bad++;
      io.stderr.write(
        `✗ ${path} 与清单记录的${size === f.bytes ? ' SHA-256 ' : '大小'}不符（被改动、损坏或不完整）/ does not match its ${size === f.bytes ? 'SHA-256' : `size (${size} bytes, listed ${f.bytes})`} in the manifest: altered, damaged or incomplete\n`,
      );
    }
  }
  return bad;
}
