/**
 * The app as a planner meets it: loads in Chinese with no errors and no
 * request leaving its origin, plays the default scenario to the end of the
 * day, and then shows exactly the numbers the CLI prints for the same
 * scenario and seed (one engine, in a browser worker and in Node).
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { REQUIRED_KPIS } from '../src/cli/testCli.ts';
import { launch, openApp, SHOTS, type Watched } from './browser.ts';

const root = new URL('..', import.meta.url).pathname;
const KPIS = REQUIRED_KPIS;

let browser: Browser;
let app: Watched;

/** A scenario file that fails validation: no event types, no teams. */
const BROKEN = {
  schemaVersion: 2,
  id: 'broken',
  name: { zh: '坏', en: 'bad' },
  city: { cols: 10, rows: 10, gridSize: 3 },
  eventTypes: [],
  teams: [],
};

/** Open `json` as a scenario file named `name` (one that fails validation): the error list, once shown. */
async function openBroken(page: Page, name: string, json: string) {
  await page.setInputFiles('[data-testid="scenario-file"]', {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  });
  const errors = page.locator('[data-testid="scenario-errors"]');
  await errors.waitFor();
  return errors;
}

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, inject('appUrl'));
  await app.page.waitForSelector('[data-scenario="baseline-weekday"]');
  await app.page.waitForSelector('[data-testid="city-canvas"] canvas');
});
afterAll(async () => {
  await browser?.close();
});

/** Share of pixels that differ from the most common colour: 0 for a blank canvas. */
function nonBackgroundShare(png: Buffer): number {
  const img = PNG.sync.read(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < img.data.length; i += 4) {
    const key = (img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const n = img.width * img.height;
  return 1 - Math.max(...counts.values()) / n;
}

describe('the browser twin', () => {
  it('opens in zh-CN on the default scenario with no console errors and no request off its origin', async () => {
    const { page } = app;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const body = await page.locator('body').innerText();
    expect(body).toMatch(/[\u4e00-\u9fff]/);
    // a run plays at 60x unless asked otherwise
    expect(await page.locator('[data-testid="speed-60"]').getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: `${SHOTS}01-opened-zh.png` });
    expect(app.consoleErrors).toEqual([]);
    expect(app.offOrigin).toEqual([]);
  });

  it('draws the city: the canvas is not blank', async () => {
    const shot = await app.page.locator('[data-testid="city-canvas"]').screenshot();
    expect(nonBackgroundShare(shot)).toBeGreaterThan(0.2);
  });

  it('plays at maximum speed to the end of the day and shows exactly the CLI numbers', async () => {
    const { page } = app;
    const seed = Number(await page.locator('[data-seed]').first().getAttribute('data-seed'));
    // every shader program is linked before the run plays (Prewarm): one linked at a layer's first use (the first
    // late case's ring) was a main-thread task of up to 0.5 s under a software GPU
    await page.evaluate(() => {
      const w = window as unknown as { __links: number };
      w.__links = 0;
      const proto = WebGL2RenderingContext.prototype;
      const link = proto.linkProgram;
      proto.linkProgram = function (this: WebGL2RenderingContext, p: WebGLProgram) {
        w.__links++;
        return link.call(this, p);
      };
    });
    await page.click('[data-testid="speed-max"]');
    await page.click('[data-testid="play"]');
    await page.waitForSelector('[data-done="true"]', { timeout: 180_000 });
    expect(await page.evaluate(() => (window as unknown as { __links: number }).__links)).toBe(0);
    await page.waitForTimeout(400); // let the KPI panel take the final frame
    await page.screenshot({ path: `${SHOTS}02-end-of-day-zh.png` });

    const out = execFileSync(
      process.execPath,
      ['bin/allweather.mjs', 'run', 'scenarios/baseline-weekday.json', '--seed', String(seed), '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    const cli = JSON.parse(out) as { summary: Record<string, { mean: number | null }> };
    for (const k of KPIS) {
      const v = await page.locator(`[data-kpi="${k}"]`).first().getAttribute('data-value');
      expect({ kpi: k, value: JSON.parse(v!) }).toEqual({ kpi: k, value: cli.summary[k].mean });
    }
    // the open-cases KPI is the backlog the chart ends on (it read 0 once the books were closed)
    const open = JSON.parse((await page.locator('[data-kpi="casesOpen"]').getAttribute('data-value'))!) as number;
    expect(open).toBeGreaterThan(0);
    expect(open).toBe(Number(await page.locator('[data-testid="chart-backlog"]').getAttribute('data-last')));
    expect(app.consoleErrors).toEqual([]);
  });

  it('a "?" beside a KPI opens its definition, whole and inside the window', async () => {
    const { page } = app;
    await page.hover('[data-testid="kpi-panel"] [data-glossary="meanWaitS"]');
    const tip = page.locator('[data-testid="glossary-meanWaitS"][data-open="true"]');
    await tip.waitFor();
    const text = await tip.innerText();
    expect(text).toContain('平均等待开工');
    expect(text).toContain('路途');
    const box = (await tip.boundingBox())!;
    const vp = page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(vp.width);
    expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
    await page.screenshot({ path: `${SHOTS}06-glossary-zh.png` });
    await page.mouse.move(1, 1);
    await page.waitForSelector('[data-testid="glossary-meanWaitS"][data-open="false"]', { state: 'attached' });
    // every KPI of the panel has one
    const kpis = await page.locator('[data-testid="kpi-panel"] .kpi').count();
    expect(await page.locator('[data-testid="kpi-panel"] [data-glossary]').count()).toBe(kpis);
  });

  it('hovering a matrix cell shows its grid, hour, attainment, decided and missed cases', async () => {
    const { page } = app;
    const cell = page.locator('[data-testid="coverage-matrix"] td.m-cell[data-n]').first();
    const n = await cell.getAttribute('data-n');
    const missed = await cell.getAttribute('data-missed');
    await cell.hover();
    const tip = page.locator('[data-testid="matrix-tip"][data-open="true"]');
    await tip.waitFor();
    const text = await tip.innerText();
    expect(text).toContain('已判定案件');
    expect(text).toMatch(new RegExp(`已判定案件\\s+${n}\\s+未达标案件\\s+${missed}`));
    await page.mouse.move(1, 1);
  });

  it('the coverage matrix is filled and readable in the DOM', async () => {
    const cells = await app.page.locator('[data-testid="coverage-matrix"] td[data-value]').count();
    expect(cells).toBeGreaterThan(24);
    await app.page.locator('[data-testid="coverage-matrix"]').screenshot({ path: `${SHOTS}03-coverage-matrix.png` });
  });

  it('switching to English changes the labels', async () => {
    const { page } = app;
    const zh = await page.locator('[data-testid="kpi-panel"]').innerText();
    await page.click('[data-testid="lang-en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const en = await page.locator('[data-testid="kpi-panel"]').innerText();
    expect(en).not.toBe(zh);
    expect(en).toMatch(/SLA|Coverage|Utili/i);
    expect(en).not.toMatch(/[\u4e00-\u9fff]{2,}/);
    await page.screenshot({ path: `${SHOTS}04-end-of-day-en.png` });
    await page.click('[data-testid="lang-zh"]');
  });

  it('an exported manifest opens back in the app: the same scenario at the same seed', async () => {
    const { page } = app;
    const dir = mkdtempSync(join(tmpdir(), 'aw-manifest-'));
    execFileSync(
      process.execPath,
      [
        'bin/allweather.mjs',
        'export',
        'scenarios/baseline-weekday.json',
        '--seed',
        '5',
        '--format',
        'json',
        '--out',
        dir,
      ],
      { cwd: root },
    );
    await page.setInputFiles('[data-testid="scenario-file"]', join(dir, 'manifest.json'));
    await page.waitForSelector('[data-scenario="baseline-weekday"][data-seed="5"]');
    expect(await page.locator('[data-testid="scenario-errors"]').count()).toBe(0);
  });

  it('an invalid scenario file shows its errors and the previous scenario keeps working', async () => {
    const { page } = app;
    await page.click('[data-testid="restart"]');
    const bad = JSON.stringify(BROKEN);
    const errors = await openBroken(page, 'broken.json', bad);
    const text = await errors.innerText();
    // the field by name, its JSON path in the item's data-path and tooltip (not as the visible label)
    expect(text).toContain('事件类型');
    expect(await errors.locator('li[data-path^="$.eventTypes"]').count()).toBeGreaterThan(0);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: `${SHOTS}05-invalid-file.png` });
    // the baseline is still loaded and still plays
    expect(await page.locator('[data-scenario]').first().getAttribute('data-scenario')).toBe('baseline-weekday');
    const t0 = Number(await page.locator('[data-testid="clock"]').getAttribute('data-ts'));
    await page.click('[data-testid="speed-3600"]');
    await page.click('[data-testid="play"]');
    await page.waitForFunction(
      (t) => Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-ts')) > t + 600,
      t0,
    );
    await page.click('[data-testid="pause"]');
  });

  it('the warm-up is hatched in the matrix and the charts, and said not to count', async () => {
    const { page } = app;
    const sc = JSON.parse(readFileSync(join(root, 'scenarios/baseline-weekday.json'), 'utf8')) as {
      id: string;
      run: { days: number; warmupHours: number };
    };
    sc.id = 'warmup-6h';
    sc.run.days = 0.75; // 06:00 to 24:00 counted: hours 00-05 are warm-up only
    sc.run.warmupHours = 6;
    await page.setInputFiles('[data-testid="scenario-file"]', {
      name: 'warmup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(sc)),
    });
    await page.waitForSelector('[data-scenario="warmup-6h"]');
    const hours = await page.locator('[data-testid="coverage-matrix"] thead th[data-warmup="true"]').allInnerTexts();
    expect(hours).toEqual(['00', '01', '02', '03', '04', '05']);
    expect(await page.locator('[data-testid="matrix-warmup"]').innerText()).toContain('预热 6 小时（不计入统计）');
    expect(await page.locator('[data-testid="chart-backlog"]').getAttribute('data-shade-to')).toBe('6');
    expect(await page.locator('[data-testid="chart-backlog"] figcaption').innerText()).toContain('预热（不计入统计）');
  });

  it('below 1,200 px the page is one column that scrolls: nothing is cut off sideways, every control is reachable', async () => {
    const { page } = app;
    const before = page.viewportSize()!;
    try {
      for (const [width, height] of [
        [1024, 768],
        [390, 844],
      ]) {
        await page.setViewportSize({ width, height });
        for (const view of ['live', 'experiments', 'editor']) {
          await page.click(`[data-testid="view-${view}"]`);
          const m = await page.evaluate(() => ({
            scrollW: document.documentElement.scrollWidth,
            clientW: document.documentElement.clientWidth,
            scrollH: document.documentElement.scrollHeight,
          }));
          expect(m.scrollW, `${width} px, ${view}: no sideways overflow`).toBeLessThanOrEqual(m.clientW);
          for (const id of ['play', 'speed-max', 'lang-en', 'view-editor', 'seek-go']) {
            const box = (await page.locator(`[data-testid="${id}"]`).boundingBox())!;
            expect(box.x, `${id} at ${width} px`).toBeGreaterThanOrEqual(0);
            expect(box.x + box.width, `${id} at ${width} px`).toBeLessThanOrEqual(width);
          }
          if (view === 'live') {
            // the matrix is below the fold and the page scrolls down to it
            expect(m.scrollH).toBeGreaterThan(height);
            await page.locator('[data-testid="coverage-matrix"]').scrollIntoViewIfNeeded();
            expect(await page.evaluate(() => document.documentElement.scrollTop)).toBeGreaterThan(0);
            await page.screenshot({ path: `${SHOTS}26-narrow-${width}.png` });
            await page.evaluate(() => window.scrollTo(0, 0));
          }
        }
      }
    } finally {
      await page.setViewportSize(before);
      await page.click('[data-testid="view-live"]');
    }
    // back at full width the page fits the window again, the editor's long form too (it scrolls inside its panel)
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(before.height);
    await page.click('[data-testid="view-editor"]');
    await page.locator('[data-testid="editor"] input[data-path]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(before.height);
    await page.click('[data-testid="view-live"]');
  });

  it('at 390 px a broken file’s errors read in one column: each field’s name above its messages, at full width', async () => {
    const { page } = app;
    const before = page.viewportSize()!;
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      const bad = JSON.stringify({
        ...BROKEN,
        teams: [{ id: 'a-very-long-team-identifier-without-spaces-at-all', shifts: [{ start: '25:00' }] }],
      });
      const errors = await openBroken(page, 'a-rather-long-file-name-for-a-district-scenario.json', bad);
      await errors.scrollIntoViewIfNeeded();
      const items = await errors.locator('li').evaluateAll((lis) =>
        lis.map((li) => {
          const r = li.getBoundingClientRect();
          const parts = [...li.children].map((c) => c.getBoundingClientRect());
          return { left: r.left, width: r.width, parts: parts.map((p) => ({ left: p.left, width: p.width })) };
        }),
      );
      expect(items.length).toBeGreaterThan(2);
      for (const it of items) {
        for (const p of it.parts) {
          // name, message and its English twin each start at the item's left edge and span it
          expect(Math.abs(p.left - it.left)).toBeLessThan(1);
          expect(p.width).toBeGreaterThan(it.width - 1);
        }
      }
      expect(await errors.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await page.screenshot({ path: `${SHOTS}27-errors-390.png` });
      await page.click('[data-testid="scenario-errors-dismiss"]');
    } finally {
      await page.setViewportSize(before);
    }
  });
});
