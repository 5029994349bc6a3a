/**
 * Prototype pollution in the browser (issue 10): a manifest opened in the
 * app whose overrides walk through `__proto__` used to write onto the page's
 * Object.prototype (every object then had a `polluted` field, so every later
 * scenario failed with "unknown field polluted" until a reload). Now it is
 * refused with one visible error at its path, Object.prototype of the page
 * stays as the browser made it, and the next file opens as usual. A share
 * link carrying such keys is refused the same way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shareUrl } from '../src/app/shareLink.ts';
import { createManifest, manifestJson } from '../src/export/manifest.ts';
import { launch, openApp, SHOTS, type Watched } from './browser.ts';

const root = new URL('..', import.meta.url).pathname;
const baselineText = readFileSync(join(root, 'scenarios/baseline-weekday.json'), 'utf8');
const good = manifestJson(
  createManifest({ version: '0.1.0', scenario: baselineText, seed: 4, replications: 2, command: 'e2e' }),
);

let browser: Browser;
let app: Watched;
let cleanKeys: string[];

/** What the page's built-in prototypes hold now, as member names. */
const prototypeKeys = () =>
  app.page.evaluate(() =>
    [
      ...Object.getOwnPropertyNames(Object.prototype).map((k) => `Object.${k}`),
      ...Object.getOwnPropertyNames(Array.prototype).map((k) => `Array.${k}`),
    ].sort(),
  );

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, inject('appUrl'));
  await app.page.waitForSelector('[data-scenario="baseline-weekday"]');
  cleanKeys = await prototypeKeys();
});
afterAll(async () => {
  await browser?.close();
});

describe("outside keys cannot reach the page's prototypes", () => {
  it('a manifest with "__proto__.polluted" overrides is refused with one visible error, Object.prototype stays clean', async () => {
    const { page } = app;
    const evil = good.replace('"overrides": {}', '"overrides": { "__proto__.polluted": 1 }');
    await page.setInputFiles('[data-testid="scenario-file"]', {
      name: 'manifest.json',
      mimeType: 'application/json',
      buffer: Buffer.from(evil),
    });
    const errors = page.locator('[data-testid="scenario-errors"]');
    await errors.waitFor();
    const items = errors.locator('li');
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('data-path')).toBe('$.overrides["__proto__.polluted"]');
    expect(await items.first().getAttribute('data-code')).toBe('forbidden_key');
    const text = await errors.innerText();
    expect(text).toContain('不允许的路径段 __proto__');
    expect(text).toContain('forbidden path segment __proto__');
    await page.screenshot({ path: `${SHOTS}pollution-refused.png` });
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    expect(await prototypeKeys()).toEqual(cleanKeys);
    // the scenario that was open stays open
    expect(await page.locator('[data-scenario]').first().getAttribute('data-scenario')).toBe('baseline-weekday');
  });

  it('a manifest whose overrides object has a "__proto__" key is refused too, not silently run without it', async () => {
    const { page } = app;
    await page.click('[data-testid="scenario-errors-dismiss"]');
    const evil = good.replace('"overrides": {}', '"overrides": { "__proto__": { "polluted": 1 } }');
    await page.setInputFiles('[data-testid="scenario-file"]', {
      name: 'manifest-2.json',
      mimeType: 'application/json',
      buffer: Buffer.from(evil),
    });
    const item = page.locator('[data-testid="scenario-errors"] li');
    await item.first().waitFor();
    expect(await item.first().getAttribute('data-path')).toBe('$.overrides.__proto__');
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    expect(await prototypeKeys()).toEqual(cleanKeys);
  });

  it('a normal file opened afterwards loads, and a good manifest still opens at its seed', async () => {
    const { page } = app;
    const sc = JSON.parse(baselineText) as { id: string };
    sc.id = 'after-refusal';
    await page.setInputFiles('[data-testid="scenario-file"]', {
      name: 'after.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(sc)),
    });
    await page.waitForSelector('[data-scenario="after-refusal"]');
    expect(await page.locator('[data-testid="scenario-errors"]').count()).toBe(0);
    // and a good manifest still opens at its seed
    await page.setInputFiles('[data-testid="scenario-file"]', {
      name: 'manifest-good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(good),
    });
    await page.waitForSelector('[data-scenario="baseline-weekday"][data-seed="4"]');
    expect(await page.locator('[data-testid="scenario-errors"]').count()).toBe(0);
    expect(app.consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  it('a share link whose scenario carries "__proto__" keys is refused with its path; the page stays clean', async () => {
    const evil = baselineText.replace('{', '{"__proto__":{"polluted":1},');
    const fresh = await openApp(browser, shareUrl(inject('appUrl'), evil)); // a new page: the link is how it opens
    const { page } = fresh;
    const item = page.locator('[data-testid="scenario-errors"] li');
    await item.first().waitFor();
    expect(await item.first().getAttribute('data-path')).toBe('$.__proto__');
    expect(await item.first().getAttribute('data-code')).toBe('forbidden_key');
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    expect(await page.evaluate(() => Object.getOwnPropertyNames(Object.prototype).length)).toBe(
      cleanKeys.filter((k) => k.startsWith('Object.')).length,
    );
    // the app falls back to a scenario of its own and keeps the link's errors in view
    await page.waitForSelector('[data-scenario]');
    await page.context().close();
  });
});
