/**
 * Bundle folders: written whole or not at all, never over something that
 * is not ours, with each file's size and SHA-256.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleDir, TEMP_PREFIX, checkOutDir, isBundleFolder, removeStaleTemps, writeBundle } from './bundleDir.ts';
import { UsageError } from './common.ts';

const tmp = mkdtempSync(join(tmpdir(), 'allweather-bundledir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const MANIFEST = JSON.stringify({ app: 'allweather', version: '1' });
const temps = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));
const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The error `f` throws (it must throw). */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error('did not throw');
}

describe('BundleDir', () => {
  it('writes into a temporary folder beside the target and renames it into place', () => {
    const parent = join(tmp, 'a');
    const target = join(parent, 'deep', 'bundle');
    const out = BundleDir.open(target);
    expect(out.temp.startsWith(join(parent, 'deep', TEMP_PREFIX))).toBe(true);
    out.write('tidy.csv', 'a,b\r\n');
    out.write('tidy.csv', new Uint8Array([49, 44, 50, 13, 10]));
    out.write('cases.arrow', new Uint8Array(300_000).fill(7)); // large pieces go straight to disk
    expect(existsSync(target)).toBe(false);
    const tidy = out.end('tidy.csv');
    expect(tidy).toEqual({ name: 'tidy.csv', bytes: 10, sha256: sha('a,b\r\n1,2\r\n') });
    out.end('cases.arrow');
    out.writeFile('manifest.json', MANIFEST);
    expect(out.bytesWritten).toBe(10 + 300_000 + MANIFEST.length);
    expect(existsSync(target)).toBe(false); // nothing at the target until the end
    const paths = out.commit();
    expect(paths).toEqual(['tidy.csv', 'cases.arrow', 'manifest.json'].map((n) => join(target, n)));
    expect(readFileSync(join(target, 'tidy.csv'), 'utf8')).toBe('a,b\r\n1,2\r\n');
    expect(sha(readFileSync(join(target, 'cases.arrow')))).toBe(out.files[1].sha256);
    expect(temps(join(parent, 'deep'))).toEqual([]);
  });

  it('replaces a bundle folder whole, and an aborted write leaves the previous one', () => {
    const target = join(tmp, 'replace');
    writeBundle(target, { 'manifest.json': MANIFEST, 'summary.csv': 'old' });
    const aborted = BundleDir.open(target);
    aborted.writeFile('summary.csv', 'half');
    aborted.abort();
    aborted.abort(); // twice is fine
    expect(readFileSync(join(target, 'summary.csv'), 'utf8')).toBe('old');
    writeBundle(target, { 'manifest.json': MANIFEST, 'tidy.csv': 'new' });
    expect(readdirSync(target).sort()).toEqual(['manifest.json', 'tidy.csv']);
    expect(temps(tmp)).toEqual([]);
  });

  it('an empty folder is written into; a file name is checked', () => {
    const target = join(tmp, 'empty');
    mkdirSync(target);
    const out = BundleDir.open(target);
    expect(() => out.write('../escape.csv', 'x')).toThrow(/bad or repeated file name/);
    out.writeFile('summary.csv', '');
    expect(() => out.write('summary.csv', 'again')).toThrow(/repeated/);
    out.commit();
    expect(readFileSync(join(target, 'summary.csv'), 'utf8')).toBe('');
  });

  it('refuses a file, a folder of other things, a path under a file and the current folder, before writing anything (exit 2)', () => {
    const file = join(tmp, 'file.txt');
    writeFileSync(file, 'keep me');
    const foreign = join(tmp, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    writeFileSync(join(foreign, 'manifest.json'), MANIFEST); // ours by name, but notes.txt is not
    const cases: [string, RegExp][] = [
      [file, /is an existing file/],
      [foreign, /not empty and not an AllWeather bundle \(it holds notes\.txt\)/],
      [join(file, 'sub'), /file, not a folder/],
      [process.cwd(), /current folder/],
      [tmpdir(), /current folder|not empty/],
    ];
    for (const [dir, message] of cases) {
      const err = thrown(() => BundleDir.open(dir));
      expect(err, dir).toBeInstanceOf(UsageError);
      expect(err.message, dir).toMatch(message);
      expect(err.message, dir).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(readdirSync(foreign).sort()).toEqual(['manifest.json', 'notes.txt']);
    expect(temps(tmp)).toEqual([]);
  });

  // (A folder without write permission cannot be tested as root, who may write anywhere; /proc below is a place
  // where nothing can be created for any user, so the refusal path is tested there.)
  it.runIf(existsSync('/proc/self'))('refuses a place where nothing can be created', () => {
    const err = thrown(() => BundleDir.open('/proc/allweather-out'));
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toMatch(/nothing was written/);
  });
});

describe('bundle folders and leftovers', () => {
  it('tells our bundle folders from others', () => {
    const d = (name: string, files: Record<string, string>) => {
      const dir = join(tmp, 'kinds', name);
      mkdirSync(dir, { recursive: true });
      for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
      return dir;
    };
    expect(isBundleFolder(d('export', { 'manifest.json': MANIFEST, 'cases.arrow': '' }))).toBe(true);
    expect(
      isBundleFolder(
        d('run', { 'result.json': JSON.stringify({ manifest: { app: 'allweather' } }), 'summary.csv': '' }),
      ),
    ).toBe(true);
    expect(
      isBundleFolder(d('compare', { 'comparison.json': JSON.stringify({ a: { manifest: { app: 'allweather' } } }) })),
    ).toBe(true);
    expect(
      isBundleFolder(
        d('sweep', {
          'sweep.json': JSON.stringify({ scenario: 'x', points: [], frontier: [] }),
          'sweep.csv': '',
          'sweep-replications.csv': '',
        }),
      ),
    ).toBe(true);
    expect(isBundleFolder(d('half', { 'summary.csv': 'a', 'tidy.csv': 'b' }))).toBe(false); // no JSON of ours
    expect(isBundleFolder(d('other-app', { 'manifest.json': JSON.stringify({ app: 'other' }) }))).toBe(false);
    expect(isBundleFolder(d('bad-json', { 'manifest.json': '{' }))).toBe(false);
    expect(checkOutDir(join(tmp, 'kinds', 'export')).exists).toBe(true);
    expect(checkOutDir(join(tmp, 'kinds', 'absent')).exists).toBe(false);
  });

  it('removes temporary folders of processes that are gone, not of running ones', () => {
    const parent = join(tmp, 'stale');
    mkdirSync(parent);
    const dead = join(parent, `${TEMP_PREFIX}999999999-abc`);
    const running = join(parent, `${TEMP_PREFIX}${process.ppid}-def`);
    for (const d of [dead, running]) {
      mkdirSync(d);
      writeFileSync(join(d, 'tidy.csv'), 'half');
    }
    writeFileSync(join(parent, '.allweather-tmp-notapid'), 'x');
    expect(removeStaleTemps(parent)).toEqual([`${TEMP_PREFIX}999999999-abc`]);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(running)).toBe(true);
    // and the next bundle written beside them does the same
    mkdirSync(dead);
    writeBundle(join(parent, 'next'), { 'manifest.json': MANIFEST });
    expect(existsSync(dead)).toBe(false);
  });
});
