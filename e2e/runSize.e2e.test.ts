/**
 * A share link asking for a very large run (issue 10): ten million cases a
 * day froze the page with no message. Now, before anything reaches the
 * worker, the app estimates the run and asks: the dialog shows the estimate
 * (cases a day, events, memory) in Chinese and English; declining leaves the
 * run that was playing exactly as it was; confirming opens the scenario.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shareUrl } from '../src/app/shareLink.ts';
import { launch, openApp, SHOTS, type Watched } from './browser.ts';

const root = new URL('..', import.meta.url).pathname;
const baselineText = readFileSync(join(root, 'scenarios/baseline-weekday.json'), 'utf8');
const tenMillion = (() => {
  const s = JSON.parse(baselineText);
  s.id = 'ten-million';
  s.eventTypes[0].ratePerDay = 1e7; // within the format's bounds: only the run-size estimate can stop it
  return JSON.stringify(s);
})();

let browser: Browser;
let app: Watched;

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, inject('appUrl'));
  await app.page.waitForSelector('[data-scenario="baseline-weekday"][data-ready="true"]');
});
afterAll(async () => {
  await browser?.close();
});

/** The page answers within `ms` (it is not frozen by a long task). */
async function responsive(w: Watched, ms = 2000): Promise<boolean> {
  const t0 = Date.now();
  await w.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  return Date.now() - t0 < ms;
}

const casesShown = async (w: Watched) =>
  Number((await w.page.locator('[data-testid="run-size-cases"]').innerText()).replace(/[^\d]/g, ''));

describe('a share link with ten million cases a day', () => {
  it('pasted into a running app: the estimate and a question; declining leaves the previous run intact', async () => {
    const { page } = app;
    // the run that is playing: a few steps in, at a known seed
    for (let i = 0; i < 3; i++) await page.click('[data-testid="step"]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-ts')) >= 1800,
    );
    const before = {
      scenario: await page.locator('[data-testid="app"]').getAttribute('data-scenario'),
      seed: await page.locator('[data-testid="app"]').getAttribute('data-seed'),
      ts: await page.locator('[data-testid="clock"]').getAttribute('data-ts'),
    };

    const link = shareUrl(page.url(), tenMillion, { full: true });
    await page.evaluate((h) => {
      location.hash = h;
    }, new URL(link).hash);
    const dialog = page.locator('[data-testid="run-size-confirm"]');
    await dialog.waitFor({ timeout: 10_000 });
    expect(await responsive(app)).toBe(true);
    expect(await casesShown(app)).toBeGreaterThanOrEqual(10_000_000);
    const text = await dialog.innerText();
    expect(text).toContain('运行规模很大');
    expect(text).toMatch(/预计每天 10\.0×10⁶ 件案件/);
    expect(text).toMatch(/expected 10\.0×10⁶ cases a day/);
    expect(text).toContain('页面');
    expect(text).toContain('unresponsive');
    expect(await page.locator('[data-testid="app"]').getAttribute('data-ready')).toBe('true');
    await page.screenshot({ path: `${SHOTS}run-size-confirm.png` });

    await page.click('[data-testid="run-size-cancel"]');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="app"]').getAttribute('data-scenario')).toBe(before.scenario);
    expect(await page.locator('[data-testid="app"]').getAttribute('data-seed')).toBe(before.seed);
    expect(await page.locator('[data-testid="clock"]').getAttribute('data-ts')).toBe(before.ts);
    expect(await page.locator('[data-testid="scenario-errors"]').count()).toBe(0);
    // it still plays on from where it was
    await page.click('[data-testid="step"]');
    await page.waitForFunction(
      (t) => Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-ts')) > t,
      Number(before.ts),
    );
    expect(await page.locator('[data-testid="app"]').getAttribute('data-scenario')).toBe('baseline-weekday');
  });

  it('Escape declines too; confirming opens it (paused: nothing plays until asked)', async () => {
    const { page } = app;
    const link = shareUrl(page.url(), tenMillion, { full: true });
    await page.evaluate((h) => {
      location.hash = h;
    }, new URL(link).hash);
    const dialog = page.locator('[data-testid="run-size-confirm"]');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="app"]').getAttribute('data-scenario')).toBe('baseline-weekday');

    await page.evaluate((h) => {
      location.hash = h;
    }, new URL(link).hash);
    await dialog.waitFor();
    await page.click('[data-testid="run-size-go"]');
    await page.waitForSelector('[data-scenario="ten-million"][data-ready="true"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="app"]').getAttribute('data-playing')).toBe('false');
    expect(await responsive(app)).toBe(true);
  });

  it('opened directly: the question comes first; declined, the app opens a scenario of its own', async () => {
    const fresh = await openApp(browser, shareUrl(inject('appUrl'), tenMillion, { full: true }));
    const { page } = fresh;
    const dialog = page.locator('[data-testid="run-size-confirm"]');
    await dialog.waitFor({ timeout: 30_000 });
    expect(await responsive(fresh)).toBe(true);
    expect(await casesShown(fresh)).toBeGreaterThanOrEqual(10_000_000);
    await page.click('[data-testid="run-size-cancel"]');
    await page.waitForSelector('[data-testid="app"][data-ready="true"]');
    expect(await page.locator('[data-testid="app"]').getAttribute('data-scenario')).not.toBe('ten-million');
    expect(fresh.consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.context().close();
  });
});
