/**
 * Nothing lost (issue 10), in Chromium: an edit applied to the live run
 * (night patrol 8 → 16 on night-incidents) comes back after a reload, with
 * the notice 已恢复上次应用的场景 and a way back to the built-in; an explicit
 * ?scenario= wins over it and says the applied one is kept; garbage in
 * IndexedDB is ignored with a notice; a share link of the baseline with one
 * change is a difference from the built-in, well under 1,000 characters,
 * and opens with that change in a fresh profile.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, SHOTS, type Watched } from './browser.ts';

const NIGHT_PATROL = 'input[data-path="$.teams[1].shifts[0].staff"]';
const GRID_WORKERS = 'input[data-path="$.teams[0].shifts[0].staff"]';

let browser: Browser;
let app: Watched;

async function ready(page: Page, scenario?: string): Promise<void> {
  await page.waitForSelector('[data-testid="app"][data-ready="true"]');
  if (scenario) await page.waitForSelector(`[data-testid="app"][data-scenario="${scenario}"]`);
}

async function editorValue(page: Page, field: string): Promise<string> {
  if ((await page.locator('[data-testid="app"]').getAttribute('data-view')) !== 'editor')
    await page.click('[data-testid="view-editor"]');
  const f = page.locator(field);
  await f.waitFor();
  return f.inputValue();
}

const picked = (page: Page) => page.locator('[data-testid="scenario-select"] option:checked').innerText();

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, `${inject('appUrl')}?scenario=night-incidents&lang=zh-CN`);
  await ready(app.page, 'night-incidents');
});
afterAll(async () => {
  await browser?.close();
});

describe('nothing lost: the applied scenario and short share links', () => {
  it('an applied edit survives a reload, with a notice and a way back to the built-in', async () => {
    const { page } = app;
    expect(await editorValue(page, NIGHT_PATROL)).toBe('8');
    await page.fill(NIGHT_PATROL, '16');
    await page.click('[data-testid="ed-apply"]');
    await expect.poll(() => picked(page)).toMatch(/已编辑/);
    expect(await page.locator('[data-testid="editor"]').getAttribute('data-dirty')).toBe('false');
    expect(new URL(page.url()).searchParams.get('scenario')).toBeNull(); // the URL no longer claims the built-in
    await page.click('[data-testid="speed-3600"]');
    await page.click('[data-testid="play"]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-ts')) > 3600,
    );
    await page.click('[data-testid="pause"]');

    await page.reload();
    await ready(page, 'night-incidents');
    const notice = page.locator('[data-testid="restore-notice"]');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('restored');
    expect(await notice.innerText()).toContain('已恢复上次应用的场景');
    expect(await picked(page)).toMatch(/已编辑：night-incidents/); // the live run is the applied scenario
    expect(await editorValue(page, NIGHT_PATROL)).toBe('16');
    expect(await page.locator('[data-testid="editor"]').getAttribute('data-dirty')).toBe('false'); // the draft is the live scenario
    await page.screenshot({ path: `${SHOTS}17-applied-restored-1440.png` });

    // English too
    await page.click('[data-testid="lang-en"]');
    expect(await notice.innerText()).toContain('Restored the scenario you applied last');
    await page.click('[data-testid="lang-zh"]');

    // the way back: the built-in with 8, the notice gone
    await page.click('[data-testid="restore-use-builtin"]');
    await expect.poll(() => picked(page)).toMatch(/夜间事件/);
    await expect.poll(() => editorValue(page, NIGHT_PATROL)).toBe('8');
    expect(await notice.count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });

  it('an explicit ?scenario= wins over the applied scenario, says so, and offers it back', async () => {
    const { page } = app;
    // apply 16 again, then open the built-in by URL
    await page.fill(NIGHT_PATROL, '16');
    await page.click('[data-testid="ed-apply"]');
    await expect.poll(() => picked(page)).toMatch(/已编辑/);
    await page.goto(`${inject('appUrl')}?scenario=night-incidents&lang=zh-CN`);
    await ready(page, 'night-incidents');
    const notice = page.locator('[data-testid="restore-notice"]');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('kept');
    expect(await notice.innerText()).toContain('?scenario=');
    expect(await picked(page)).toMatch(/夜间事件/);
    // the clean draft follows the live scenario a task after it loads
    await expect.poll(() => editorValue(page, NIGHT_PATROL)).toBe('8');
    await page.click('[data-testid="restore-applied"]');
    await expect.poll(() => editorValue(page, NIGHT_PATROL)).toBe('16');
    expect(await picked(page)).toMatch(/已编辑/);
    expect(await notice.getAttribute('data-kind')).toBe('restored');
  });

  it('garbage in IndexedDB is ignored with a notice; the app opens the built-in', async () => {
    const { page } = app;
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('keyval-store');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('keyval', 'readwrite');
            tx.objectStore('keyval').put(
              { v: 1, text: '{"id": "x"', sum: 'garbage', label: 7 },
              'allweather.applied.v1',
            );
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await ready(page, 'night-incidents');
    const notice = page.locator('[data-testid="restore-notice"]');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('unreadable');
    expect(await notice.innerText()).toContain('上次应用的场景无法读取，已忽略');
    expect(await picked(page)).toMatch(/夜间事件/);
    expect(await page.locator('[data-testid="scenario-errors"]').count()).toBe(0);
    await page.click('[data-testid="restore-dismiss"]');
    expect(await notice.count()).toBe(0);
    // a later reload is quiet: the garbage was moved aside
    await page.reload();
    await ready(page, 'night-incidents');
    await page.waitForTimeout(500);
    expect(await notice.count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });

  it('a share link of the baseline with one change is under 1,000 characters and opens with that change', async () => {
    const { page } = app;
    await page.selectOption('[data-testid="scenario-select"]', 'baseline-weekday');
    await ready(page, 'baseline-weekday');
    // the clean draft follows the live scenario a task after it loads: edit it only once it has
    await editorValue(page, GRID_WORKERS);
    await page.waitForSelector('[data-testid="editor"][data-draft-id="baseline-weekday"]');
    expect(await editorValue(page, GRID_WORKERS)).toBe('1');
    await page.fill(GRID_WORKERS, '4');
    await page.click('[data-testid="ed-share"]');
    const url = await page.locator('[data-testid="share-url"]').inputValue();
    const length = page.locator('[data-testid="share-length"]');
    expect(await length.getAttribute('data-form')).toBe('diff');
    expect(Number(await length.getAttribute('data-n'))).toBe(url.length);
    expect(await length.innerText()).toContain(`链接长度 ${url.length} 字符`);
    expect(url.length).toBeLessThan(1000);
    expect(url).toMatch(/#b=baseline-weekday&h=[0-9a-f]{12}&t=[0-9a-f]{12}&d=/);
    const hash = await page.locator('[data-testid="ed-hash"]').innerText();
    await page.screenshot({ path: `${SHOTS}18-short-share-link-1440.png` });

    // the full form is still there, and long
    await page.check('[data-testid="ed-share-full"]');
    await expect
      .poll(async () => (await page.locator('[data-testid="share-url"]').inputValue()).length)
      .toBeGreaterThan(10_000);
    expect(await page.locator('[data-testid="share-url"]').getAttribute('data-form')).toBe('full');
    await page.uncheck('[data-testid="ed-share-full"]');

    const fresh = await openApp(browser, url, { width: 1280, height: 720 });
    try {
      await ready(fresh.page, 'baseline-weekday');
      expect(fresh.page.url()).not.toContain('#b='); // the hash is consumed
      expect(await editorValue(fresh.page, GRID_WORKERS)).toBe('4');
      expect(await fresh.page.locator('[data-testid="ed-hash"]').innerText()).toBe(hash);
      expect(await picked(fresh.page)).toMatch(/分享链接/);
      expect(fresh.consoleErrors).toEqual([]);
    } finally {
      await fresh.page.context().close();
    }

    // made for another version of the built-in: a clear error, the app carries on
    const other = url.replace(/h=[0-9a-f]{12}/, 'h=000000000000').replace(/t=[0-9a-f]{12}/, 't=000000000000');
    const broken = await openApp(browser, other, { width: 1280, height: 720 });
    try {
      await ready(broken.page, 'baseline-weekday');
      const errors = broken.page.locator('[data-testid="scenario-errors"]');
      await errors.waitFor();
      expect(await errors.innerText()).toContain('此链接是为另一版本的');
      expect(broken.consoleErrors).toEqual([]);
    } finally {
      await broken.page.context().close();
    }
  });
});
