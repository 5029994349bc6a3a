/**
 * Debian's Chromium driven by playwright-core (Playwright cannot download its
 * own browsers here). Headless WebGL2 runs on SwiftShader.
 */
import { chromium, type Browser, type Page, type ConsoleMessage } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = new URL('../test-results/screenshots/', import.meta.url).pathname;

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
      '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
    ],
  });
}

export interface Watched {
  page: Page;
  consoleErrors: string[];
  offOrigin: string[];
}

/** A page that records console errors, page errors and every request that leaves the app's origin. */
export async function openApp(browser: Browser, appUrl: string, opts: { width?: number; height?: number } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const offOrigin: string[] = [];
  const origin = new URL(appUrl).origin;
  page.on('console', (m: ConsoleMessage) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) offOrigin.push(u);
  });
  await page.goto(appUrl);
  return { page, consoleErrors, offOrigin };
}
