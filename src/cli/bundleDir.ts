/**
 * Writing a bundle folder (`--out DIR`) so that a half-written one is never
 * taken for a whole one.
 *
 * Every file goes into a temporary folder beside the target — same parent,
 * so same file system — named `.allweather-tmp-<pid>-<random>`. Only when
 * every file is complete (written, flushed to disk) is the folder renamed to
 * the target, in one step. Whatever stops the command before that — an
 * error, Ctrl-C (SIGINT), SIGTERM, a full disk — leaves the target as it
 * was: absent, or the previous complete bundle. On SIGINT and SIGTERM the
 * temporary folder is removed before the process ends with that signal; a
 * `kill -9` cannot be caught, so its leftover is removed by the next
 * command that writes beside it (when the process named in it is gone).
 *
 *     const out = BundleDir.open('out/run1');   // checks the target, makes the temporary folder
 *     out.write('tidy.csv', header); out.write('tidy.csv', rows); out.end('tidy.csv');
 *     out.writeFile('manifest.json', text);     // last: it lists the others
 *     out.commit();                             // renamed into place
 *
 * Each file's size and SHA-256 are taken as it is written (`out.files`), so
 * a manifest can list them without reading them back.
 *
 * What may be replaced: nothing that is not ours. The target must be absent,
 * an empty folder, or a bundle folder — every entry one of the file names
 * the commands write, and at least one of its JSON files made by AllWeather.
 * An existing file, a folder with anything else in it, a path under a file,
 * a place without write permission or a read-only file system is refused
 * before anything runs: a bilingual message and exit 2 (UsageError).
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { BUNDLE_FILE_NAME, type BundleFile } from '../export/manifest.ts';
import { UsageError } from './common.ts';

/** The name every temporary folder starts with. */
export const TEMP_PREFIX = '.allweather-tmp-';

/** The file names our commands write into a --out folder. */
const OUR_FILES = new Set([
  'manifest.json',
  'summary.csv',
  'tidy.csv',
  'result.json',
  'cases.arrow',
  'tidy.parquet',
  'cases.parquet',
  'cases.csv',
  'comparison.json',
  'manifest-a.json',
  'manifest-b.json',
  'sweep.json',
  'sweep.csv',
  'sweep-replications.csv',
  'staffing.csv',
  'staffing.json',
  'diagnosis.json',
  'optimise-plan.csv',
  'optimise-evaluations.csv',
  'optimise.json',
]);

/** Whether a JSON file of that name and content was made by AllWeather. */
function identifies(name: string, json: unknown): boolean {
  const o = json as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null) return false;
  const app = (x: unknown) => typeof x === 'object' && x !== null && (x as { app?: unknown }).app === 'allweather';
  switch (name) {
    case 'manifest.json':
    case 'manifest-a.json':
    case 'manifest-b.json':
      return app(o);
    case 'result.json':
    case 'staffing.json':
    case 'diagnosis.json':
    case 'optimise.json':
      return app(o.manifest);
    case 'comparison.json':
      return app((o.a as { manifest?: unknown } | undefined)?.manifest);
    case 'sweep.json':
      return typeof o.scenario === 'string' && Array.isArray(o.points) && Array.isArray(o.frontier);
    default:
      return false;
  }
}

/** Whether the folder holds only our files and at least one JSON file of ours. */
export function isBundleFolder(dir: string, entries: readonly string[] = readdirSync(dir)): boolean {
  if (entries.length === 0 || entries.some((e) => !OUR_FILES.has(e))) return false;
  return entries.some((name) => {
    if (!name.endsWith('.json')) return false;
    try {
      const path = join(dir, name);
      const st = statSync(path);
      if (!st.isFile() || st.size > 64 * 2 ** 20) return false;
      return identifies(name, JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')));
    } catch {
      return false;
    }
  });
}

const code = (err: unknown) => (err as NodeJS.ErrnoException)?.code ?? '';

/** A bilingual, exit-2 error for a target we cannot write, from a Node error. */
function cannotWrite(target: string, err: unknown, where = target): UsageError {
  const c = code(err);
  const reason: Record<string, [string, string]> = {
    EACCES: ['没有写入权限', 'no permission to write'],
    EPERM: ['没有写入权限', 'no permission to write'],
    EROFS: ['只读文件系统', 'a read-only file system'],
    ENOTDIR: ['路径中有一段是文件而不是文件夹', 'a part of the path is a file, not a folder'],
    ENOSPC: ['磁盘空间不足', 'no space left on the device'],
    EDQUOT: ['磁盘配额已满', 'the disk quota is used up'],
    ENAMETOOLONG: ['路径太长', 'the path is too long'],
    EXDEV: ['不在同一文件系统上', 'not on the same file system'],
    EBUSY: ['正被占用（挂载点？）', 'busy (a mount point?)'],
  };
  const [zh, en] = reason[c] ?? ['无法写入', 'cannot write there'];
  return new UsageError(
    `无法写入 --out ${target}：${where === target ? '' : `${where} `}${zh}（${c || String(err)}），未写入任何文件\n` +
      `Cannot write --out ${target}: ${where === target ? '' : `${where}: `}${en} (${c || String(err)}); nothing was written`,
  );
}

export interface OutTarget {
  /** Absolute path of the folder to write (symbolic links resolved). */
  path: string;
  /** It exists now (an empty folder or a bundle folder, to be replaced). */
  exists: boolean;
}

/**
 * Checks a --out folder before anything runs (see the module comment for
 * what is refused). Creates nothing.
 */
export function checkOutDir(dir: string): OutTarget {
  if (dir.trim() === '') throw new UsageError('--out 不能为空 / --out must not be empty');
  let path = resolve(dir);
  const cwd = process.cwd();
  if (path === dirname(path) || path === cwd || cwd.startsWith(path + sep)) {
    throw new UsageError(
      `--out 不能是当前文件夹或其上级：${dir} / --out cannot be the current folder or a folder above it: ${dir}`,
    );
  }
  let st;
  try {
    st = lstatSync(path);
    if (st.isSymbolicLink()) {
      path = realpathSync(path);
      st = lstatSync(path);
    }
  } catch (err) {
    if (code(err) === 'ENOTDIR') throw cannotWrite(dir, err);
    if (code(err) !== 'ENOENT') throw cannotWrite(dir, err);
    st = null;
  }
  if (st === null) {
    // Absent: the nearest existing ancestor must be a folder we may write in.
    let up = dirname(path);
    for (;;) {
      try {
        const a = statSync(up);
        if (!a.isDirectory()) {
          throw new UsageError(
            `--out ${dir} 位于文件 ${up} 之下，无法创建 / --out ${dir} is under ${up}, which is a file, not a folder: nothing was written`,
          );
        }
        break;
      } catch (err) {
        if (err instanceof UsageError) throw err;
        if (code(err) === 'ENOTDIR') {
          up = dirname(up);
          continue;
        }
        if (code(err) !== 'ENOENT') throw cannotWrite(dir, err, up);
        up = dirname(up);
      }
    }
    try {
      accessSync(up, constants.W_OK | constants.X_OK);
    } catch (err) {
      throw cannotWrite(dir, err, up);
    }
    return { path, exists: false };
  }
  if (!st.isDirectory()) {
    throw new UsageError(
      `--out ${dir} 是已有的文件，不会覆盖；请另选文件夹 / --out ${dir} is an existing file: it is not overwritten; choose a folder`,
    );
  }
  let entries: string[];
  try {
    entries = readdirSync(path);
  } catch (err) {
    throw cannotWrite(dir, err);
  }
  if (entries.length > 0 && !isBundleFolder(path, entries)) {
    const foreign = entries.filter((e) => !OUR_FILES.has(e));
    const shown = (foreign.length > 0 ? foreign : entries).slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
    throw new UsageError(
      `--out ${dir} 是非空文件夹且不是 AllWeather 导出（含 ${shown}），不会覆盖；请另选文件夹或先清空 /\n` +
        `--out ${dir} is a folder that is not empty and not an AllWeather bundle (it holds ${shown}): it is not overwritten; choose another folder or empty it`,
    );
  }
  try {
    accessSync(dirname(path), constants.W_OK | constants.X_OK);
  } catch (err) {
    throw cannotWrite(dir, err, dirname(path));
  }
  return { path, exists: true };
}

/** Whether a process with that id is running (EPERM: running, not ours). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return code(err) === 'EPERM';
  }
}

/** Removes the temporary folders in `parent` left by processes that are gone (a kill -9). Returns their names. */
export function removeStaleTemps(parent: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of entries) {
    const m = new RegExp(`^${TEMP_PREFIX.replace(/\./g, '\\.')}(\\d+)-`).exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    try {
      rmSync(join(parent, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Not ours to fight over: left for the next time.
    }
  }
  return removed;
}

// Open bundle folders of this process, cleaned up on SIGINT, SIGTERM and exit.
const open = new Set<BundleDir>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const b of [...open]) b.abort();
  uninstall();
  // Nobody else handles it: end as the signal would have, with its exit status.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function onExit(): void {
  for (const b of [...open]) b.abort();
}

function install(): void {
  if (open.size > 0) return;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', onExit);
}

function uninstall(): void {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.removeListener('exit', onExit);
}

interface OpenFile {
  fd: number;
  hash: Hash;
  bytes: number;
  pending: Buffer[];
  pendingBytes: number;
}

const FLUSH_BYTES = 1 << 20;

/** A bundle being written into a temporary folder beside its target; see the module comment. */
export class BundleDir {
  /** Size and SHA-256 of each file ended so far, in the order they were ended. */
  readonly files: BundleFile[] = [];
  private readonly openFiles = new Map<string, OpenFile>();
  private done = false;

  private constructor(
    readonly dir: string,
    readonly target: OutTarget,
    readonly temp: string,
  ) {}

  /** Checks `dir` (checkOutDir), removes stale temporary folders beside it, and makes this bundle's. */
  static open(dir: string): BundleDir {
    const target = checkOutDir(dir);
    const parent = dirname(target.path);
    try {
      mkdirSync(parent, { recursive: true });
    } catch (err) {
      throw cannotWrite(dir, err, parent);
    }
    removeStaleTemps(parent);
    let temp = '';
    for (let attempt = 0; temp === ''; attempt++) {
      // Not mkdtemp: that makes the folder private (0700); the bundle gets the usual mode (umask).
      const name = join(parent, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
      try {
        mkdirSync(name);
        temp = name;
      } catch (err) {
        if (code(err) !== 'EEXIST' || attempt > 5) throw cannotWrite(dir, err, parent);
      }
    }
    const b = new BundleDir(dir, target, temp);
    install();
    open.add(b);
    return b;
  }

  /** Bytes written so far, over all files. */
  get bytesWritten(): number {
    let n = 0;
    for (const f of this.files) n += f.bytes;
    for (const f of this.openFiles.values()) n += f.bytes;
    return n;
  }

  /** Bytes written so far to one file. */
  bytesOf(name: string): number {
    return this.openFiles.get(name)?.bytes ?? this.files.find((f) => f.name === name)?.bytes ?? 0;
  }

  /** Appends to file `name` (created by the first write). */
  write(name: string, chunk: string | Uint8Array): void {
    if (this.done) throw new Error(`BundleDir ${this.dir}: already committed or aborted`);
    let f = this.openFiles.get(name);
    if (!f) {
      if (!BUNDLE_FILE_NAME.test(name) || this.files.some((x) => x.name === name))
        throw new Error(`BundleDir: bad or repeated file name "${name}"`);
      f = {
        fd: this.fail(() => openSync(join(this.temp, name), 'wx')),
        hash: createHash('sha256'),
        bytes: 0,
        pending: [],
        pendingBytes: 0,
      };
      this.openFiles.set(name, f);
    }
    const buf =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (buf.byteLength === 0) return;
    f.hash.update(buf);
    f.bytes += buf.byteLength;
    // Small pieces (Arrow's prefixes and padding) are gathered; large ones go straight out.
    if (buf.byteLength >= FLUSH_BYTES / 4) {
      this.flush(f);
      this.writeAll(f.fd, buf);
    } else {
      f.pending.push(Buffer.from(buf)); // a copy: the caller may reuse its buffer
      f.pendingBytes += buf.byteLength;
      if (f.pendingBytes >= FLUSH_BYTES) this.flush(f);
    }
  }

  /** File `name` is complete: flushed to disk and closed. Returns its size and hash. */
  end(name: string): BundleFile {
    if (!this.openFiles.has(name)) this.write(name, ''); // creates it: an empty file still exists
    const f = this.openFiles.get(name)!;
    this.flush(f);
    this.fail(() => fsyncSync(f.fd));
    closeSync(f.fd);
    this.openFiles.delete(name);
    const file: BundleFile = { name, bytes: f.bytes, sha256: f.hash.digest('hex') };
    this.files.push(file);
    return file;
  }

  /** Writes a whole file. */
  writeFile(name: string, data: string | Uint8Array): BundleFile {
    this.write(name, data);
    return this.end(name);
  }

  /**
   * Moves the finished folder to the target: renamed into place when the
   * target is absent; an empty or bundle folder there is first moved aside
   * and removed after. Returns the paths of the files, in the order written.
   */
  commit(): string[] {
    if (this.done) throw new Error(`BundleDir ${this.dir}: already committed or aborted`);
    if (this.openFiles.size > 0)
      throw new Error(`BundleDir: files not ended: ${[...this.openFiles.keys()].join(', ')}`);
    const { path } = this.target;
    const parent = dirname(path);
    this.syncDir(this.temp);
    // The target may have changed while the command ran: check it again.
    let now: OutTarget;
    try {
      now = checkOutDir(path);
    } catch (err) {
      // Keep the finished bundle rather than lose the run.
      const kept = `${path}.allweather-${process.pid}`;
      try {
        renameSync(this.temp, kept);
        this.finish();
      } catch {
        this.abort();
        throw err;
      }
      throw new UsageError(`${(err as Error).message}\n新的导出保存在 / the new bundle is kept at ${kept}`);
    }
    try {
      if (now.exists) {
        const aside = mkdtempSync(join(parent, `${TEMP_PREFIX}${process.pid}-old-`));
        renameSync(path, join(aside, basename(path)));
        try {
          renameSync(this.temp, path);
        } catch (err) {
          renameSync(join(aside, basename(path)), path);
          throw err;
        }
        rmSync(aside, { recursive: true, force: true });
      } else {
        renameSync(this.temp, path);
      }
    } catch (err) {
      this.abort();
      throw cannotWrite(this.dir, err);
    }
    this.syncDir(parent);
    this.finish();
    return this.files.map((f) => join(this.dir, f.name));
  }

  /** Removes the temporary folder and everything in it (the target is untouched). Safe to call twice. */
  abort(): void {
    if (this.done) return;
    for (const f of this.openFiles.values()) {
      try {
        closeSync(f.fd);
      } catch {
        /* already closed */
      }
    }
    this.openFiles.clear();
    try {
      rmSync(this.temp, { recursive: true, force: true });
    } catch {
      // Left for removeStaleTemps next time.
    }
    this.finish();
  }

  private finish(): void {
    this.done = true;
    open.delete(this);
    if (open.size === 0) uninstall();
  }

  private flush(f: OpenFile): void {
    if (f.pendingBytes === 0) return;
    const buf = f.pending.length === 1 ? f.pending[0] : Buffer.concat(f.pending, f.pendingBytes);
    f.pending = [];
    f.pendingBytes = 0;
    this.writeAll(f.fd, buf);
  }

  private writeAll(fd: number, buf: Buffer): void {
    let at = 0;
    while (at < buf.byteLength) at += this.fail(() => writeSync(fd, buf, at, buf.byteLength - at));
  }

  private syncDir(dir: string): void {
    try {
      const fd = openSync(dir, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // Some file systems cannot sync a folder; the rename is still atomic.
    }
  }

  /** Runs a file operation; a failure (disk full, …) aborts the bundle and becomes an exit-2 message. */
  private fail<T>(f: () => T): T {
    try {
      return f();
    } catch (err) {
      this.abort();
      throw cannotWrite(this.dir, err);
    }
  }
}

/** Writes whole files as a bundle folder at `dir` (checked, atomic; see BundleDir). Returns their paths. */
export function writeBundle(dir: string, files: Record<string, string | Uint8Array>): string[] {
  const out = BundleDir.open(dir);
  try {
    for (const [name, data] of Object.entries(files)) out.writeFile(name, data);
    return out.commit();
  } catch (err) {
    out.abort();
    throw err;
  }
}
