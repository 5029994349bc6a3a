/**
 * Which Chromium the end-to-end tests and `npm run bench:browser` drive, and
 * with which flags. In order:
 *
 *  1. `CHROMIUM_PATH`, if set;
 *  2. Debian's `/usr/bin/chromium`, if it is installed;
 *  3. the headless Chromium shipped in the npm devDependency
 *     `@sparticuz/chromium`, unpacked on first use into the temp directory
 *     (`/tmp/chromium`, with SwiftShader for WebGL2 beside it), so that
 *     `npm install && npm test` needs no system browser.
 *
 * The package reuses an existing `/tmp/chromium` as it is: delete it after
 * upgrading `@sparticuz/chromium`.
 *
 * `ALLWEATHER_FORCE_NPM_CHROMIUM=1` skips 1 and 2 and always takes the npm
 * binary (to prove the fallback on a machine that has Debian's browser).
 *
 * Tests must not depend on fonts: the npm binary brings only Open Sans and
 * uses the system's fonts; on a machine with no CJK font, Chinese shows as
 * boxes in the screenshots, but the DOM text the tests read is the same.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Our flags, for every browser: no sandbox (root in CI), WebGL2 on SwiftShader, no traffic to Google.
 *
 * `--disable-gpu-rasterization`: the page's own content (text, panels, charts) is rasterised on the CPU, as
 * Chromium does where it has no usable GPU, instead of through Skia on SwiftShader, whose cost lands in the GPU
 * process that also draws the WebGL canvas and composites every frame. WebGL and compositing stay on SwiftShader.
 * Measured on lianhu-grids' 2D map at 60× (README, "Large districts", fifteenth session): 14–16 → 21–22 frames/s.
 */
export const BASE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-gpu-rasterization',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * @sparticuz/chromium's recommended flags we do not take: they are for AWS
 * Lambda or would hide what the tests check.
 * - `--single-process`: for Lambda; with it a new browser context fails once
 *   an earlier one has closed.
 * - `--headless`: Playwright passes it itself.
 * - `--disable-web-security`, `--allow-running-insecure-content`: would mask
 *   same-origin and mixed-content errors the app must not have.
 * - `--disable-features`, `--enable-features`: a second copy replaces
 *   Playwright's own lists instead of adding to them.
 */
const DROPPED_NPM_SWITCHES = new Set([
  '--single-process',
  '--headless',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-features',
  '--enable-features',
]);

export type ChromiumSource = 'CHROMIUM_PATH' | 'debian' | 'npm';

export interface ChromiumChoice {
  source: ChromiumSource;
  executablePath: string;
  args: string[];
  /** Environment for the browser process, when it needs more than ours. */
  env?: Record<string, string | undefined>;
}

const switchName = (arg: string) => arg.split('=')[0];

/** `ours`, then every flag of `theirs` whose switch is neither in `ours` nor dropped. */
export function mergeArgs(
  ours: readonly string[],
  theirs: readonly string[],
  dropped: ReadonlySet<string> = DROPPED_NPM_SWITCHES,
): string[] {
  const seen = new Set(ours.map(switchName));
  const out = [...ours];
  for (const a of theirs) {
    const name = switchName(a);
    if (seen.has(name) || dropped.has(name)) continue;
    seen.add(name);
    out.push(a);
  }
  return out;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The locale the npm binary runs in when ours is C/POSIX: en_US.UTF-8 where it is installed, else C.UTF-8.
 *
 * It must be installed and UTF-8: in a locale glibc does not have, the browser falls back to ASCII and
 * cannot write a download's non-ASCII name (`实验-2项.allweather-experiments.json` became "download"). In
 * C.UTF-8 the build reports navigator.language 'en-US@posix', which Intl rejects, so every test page sets
 * its context's `locale` (as they all do: 'zh-CN').
 */
export function utf8Locale(installed: readonly string[] = installedLocales()): string {
  const has = (name: string) => installed.some((l) => l.toLowerCase().replace('-', '') === name);
  return has('en_us.utf8') ? 'en_US.UTF-8' : 'C.UTF-8';
}

function installedLocales(): string[] {
  const r = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n').filter(Boolean) : [];
}

async function npmChromium(): Promise<ChromiumChoice> {
  const { default: chromium } = await import('@sparticuz/chromium');
  chromium.setGraphicsMode = true; // unpack SwiftShader: WebGL2 on the CPU
  const executablePath = await chromium.executablePath();
  const extra: Record<string, string> = {};
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || 'C';
  if (/^(C|POSIX)([._@]|$)/.test(locale)) {
    const utf8 = utf8Locale();
    Object.assign(extra, { LC_ALL: utf8, LANG: utf8 });
  }
  // no system fontconfig: use the one the package unpacked (Open Sans only)
  const ownFonts = join(tmpdir(), 'fonts');
  if (!existsSync('/etc/fonts/fonts.conf') && !process.env.FONTCONFIG_PATH && existsSync(join(ownFonts, 'fonts.conf')))
    extra.FONTCONFIG_PATH = ownFonts;
  const env = Object.keys(extra).length > 0 ? { ...process.env, ...extra } : undefined;
  return { source: 'npm', executablePath, args: mergeArgs(BASE_ARGS, chromium.args), env };
}

async function resolve(): Promise<ChromiumChoice> {
  if (process.env.ALLWEATHER_FORCE_NPM_CHROMIUM !== '1') {
    const fromEnv = process.env.CHROMIUM_PATH;
    if (fromEnv) return { source: 'CHROMIUM_PATH', executablePath: fromEnv, args: [...BASE_ARGS] };
    if (executable(DEBIAN_CHROMIUM)) return { source: 'debian', executablePath: DEBIAN_CHROMIUM, args: [...BASE_ARGS] };
  }
  return npmChromium();
}

let chosen: Promise<ChromiumChoice> | undefined;

/** The browser to launch; resolved (and the npm binary unpacked) once per process. */
export function resolveChromium(): Promise<ChromiumChoice> {
  chosen ??= resolve();
  return chosen;
}
