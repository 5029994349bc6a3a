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
import { accessSync, constants, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Our flags, for every browser: no sandbox (root in CI), WebGL2 on SwiftShader, no traffic to Google. */
export const BASE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
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

async function npmChromium(): Promise<ChromiumChoice> {
  const { default: chromium } = await import('@sparticuz/chromium');
  chromium.setGraphicsMode = true; // unpack SwiftShader: WebGL2 on the CPU
  const executablePath = await chromium.executablePath();
  const extra: Record<string, string> = {};
  // in the C/POSIX locale this build reports navigator.language 'en-US@posix',
  // which Intl rejects (RangeError); Debian's reports 'en-US'
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || 'C';
  if (/^(C|POSIX)([._@]|$)/.test(locale)) Object.assign(extra, { LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' });
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
