/**
 * Chromium driven by playwright-core (Playwright cannot download its own
 * browsers here): CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the
 * npm package @sparticuz/chromium (see chromiumPath.ts). Headless WebGL2
 * runs on SwiftShader.
 */
import { chromium, type Browser, type Page, type ConsoleMessage } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolveChromium } from './chromiumPath.ts';

export const SHOTS = new URL('../test-results/screenshots/', import.meta.url).pathname;

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  const { executablePath, args, env } = await resolveChromium();
  return chromium.launch({ executablePath, args, ...(env ? { env } : {}) });
}

export interface Watched {
  page: Page;
  consoleErrors: string[];
  offOrigin: string[];
}

/** A page that records console errors, page errors and every request that leaves the app's origin. */
export async function openApp(
  browser: Browser,
  appUrl: string,
  opts: { width?: number; height?: number } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const offOrigin: string[] = [];
  const origin = new URL(appUrl).origin;
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) offOrigin.push(u);
  });
  await page.goto(appUrl);
  return { page, consoleErrors, offOrigin };
}
