/**
 * Saved experiments and the briefing in a real browser: a replication set
 * and an A/B comparison run, the page reloads, both are found in the
 * history (searched), the comparison reopens with the very figures it had
 * (not re-run), the two are compared (same seeds: paired, said), all are
 * exported, one deleted and the file imported back; the briefing page of the
 * comparison opens, switches language, prints to PDF with Chromium
 * (A4) and is screenshotted as printed, pages 1 and 2
 * (test-results/briefing/, or $E2E_SHOTS_DIR); the PDF's own pages 1 and 2
 * are rendered to PNG there too (PDF.js in Chromium, pdfPages.ts): A4
 * portrait, not blank, ink in the top half of each, white margins, and
 * page 1 filled down to its bottom half.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, type Watched } from './browser.ts';
import { renderPdfPages } from './pdfPages.ts';

const OUT = process.env.E2E_SHOTS_DIR || new URL('../test-results/briefing/', import.meta.url).pathname;
const REPS = 3;
/** A4 at 96 dpi less the print margins (14 mm each side, briefing.css), in CSS pixels: one printed page's content. */
const A4 = { width: Math.round(((210 - 28) / 25.4) * 96), height: Math.round(((297 - 28) / 25.4) * 96) };

let browser: Browser;
let app: Watched;

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="app"][data-ready="true"]');
}

async function openHistory(page: Page): Promise<void> {
  await page.click('[data-testid="view-experiments"]');
  await page.click('[data-testid="exp-tab-history"]');
  await page.waitForSelector('[data-testid="history"][data-loaded="true"]');
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launch();
  app = await openApp(browser, inject('appUrl'));
  await ready(app.page);
});
afterAll(async () => {
  await browser?.close();
});

describe('saved experiments, history and the briefing', () => {
  let cmpDiff = '';
  let cmpId = '';

  it('saves a replication set and an A/B comparison as they finish', async () => {
    const { page } = app;
    await page.click('[data-testid="view-experiments"]');
    await page.click('[data-testid="exp-tab-replications"]');
    await page.fill('[data-testid="rep-count"]', String(REPS));
    await page.click('[data-testid="rep-run"]');
    await page.waitForSelector('[data-testid="rep-progress"][data-status="done"]', { timeout: 120_000 });

    await page.click('[data-testid="exp-tab-compare"]');
    await page.selectOption('[data-testid="cmp-team"]', 'grid-workers');
    await page.fill('[data-testid="cmp-staff"]', '3');
    await page.fill('[data-testid="cmp-reps"]', String(REPS));
    await page.click('[data-testid="cmp-run"]');
    await page.waitForSelector('[data-testid="cmp-progress"][data-status="done"]', { timeout: 120_000 });
    cmpDiff = (await page.getAttribute('[data-testid="delta-table"] tr[data-kpi="coverageIndex"]', 'data-diff'))!;
    expect(cmpDiff).not.toBe('');

    await page.click('[data-testid="exp-tab-history"]');
    await page.waitForSelector('[data-testid="history"][data-count="2"]');
  });

  it('after a reload, finds both in the history, reopens the comparison as it was and compares the two', async () => {
    const { page } = app;
    await page.reload();
    await ready(page);
    await openHistory(page);
    await page.waitForSelector('[data-testid="history"][data-count="2"]');
    const rows = page.locator('[data-testid="history-table"] tbody tr');
    expect(await rows.count()).toBe(2);
    // each title names the scenario in words (the default, 基准工作日…), its id only in a tooltip and data attribute
    for (const text of await rows.locator('[data-testid="history-open"]').allInnerTexts()) {
      expect(text).toContain('基准工作日');
      expect(text).not.toContain('baseline-weekday');
    }
    const scenarioCell = rows.first().locator('[data-scenario-id]');
    expect(await scenarioCell.getAttribute('title')).toBe('baseline-weekday');
    expect(await scenarioCell.innerText()).toContain('基准工作日');

    // search: by kind in words, then cleared
    await page.fill('[data-testid="history-search"]', 'A/B');
    expect(await rows.count()).toBe(1);
    await page.fill('[data-testid="history-search"]', '');
    expect(await rows.count()).toBe(2);

    const cmpRow = page.locator('[data-testid="history-table"] tbody tr[data-kind="comparison"]');
    cmpId = (await cmpRow.getAttribute('data-id'))!;
    await cmpRow.locator('[data-testid="history-open"]').click();
    await page.waitForSelector('[data-testid="saved-view"][data-kind="comparison"]');
    // the same figure as before the reload, from the record (nothing runs)
    expect(
      await page.getAttribute(
        '[data-testid="saved-view"] [data-testid="delta-table"] tr[data-kpi="coverageIndex"]',
        'data-diff',
      ),
    ).toBe(cmpDiff);
    expect(await page.getAttribute('[data-testid="pool-status"]', 'data-running')).toBe('0');
    await page.screenshot({ path: `${OUT}/history-reopened.png` });

    // compare the two saved runs: both ran seeds 1..REPS, so paired (and said so)
    const picks = page.locator('[data-testid="history-pick"]');
    await picks.nth(0).check();
    await picks.nth(1).check();
    await page.click('[data-testid="history-compare"]');
    const cmp = page.locator('[data-testid="saved-compare"]');
    await cmp.waitFor();
    expect(await cmp.getAttribute('data-method')).toBe('paired');
    expect(await page.locator('[data-testid="saved-compare-method"]').innerText()).toContain('配对比较');
    expect(await page.locator('[data-testid="saved-compare-table"] tbody tr').count()).toBeGreaterThanOrEqual(16);
    // A of the comparison against B of the same: the paired difference is the comparison's own
    await page.selectOption('[data-testid="saved-compare-arm-x"], [data-testid="saved-compare-arm-y"] >> nth=0', 'A');
    await page.waitForTimeout(200);
    await cmp.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}/history-compare.png` });
  });

  it('exports all, deletes one and opens the file back into the history', async () => {
    const { page } = app;
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="history-export-all"]')]);
    expect(dl.suggestedFilename()).toMatch(/\.allweather-experiments\.json$/);
    const path = (await dl.path())!;
    const file = JSON.parse(readFileSync(path, 'utf8')) as { format: string; experiments: unknown[] };
    expect(file.format).toBe('allweather-experiments');
    expect(file.experiments).toHaveLength(2);

    page.once('dialog', (d) => void d.accept());
    await page
      .locator('[data-testid="history-table"] tbody tr[data-kind="replications"] [data-testid="history-delete"]')
      .click();
    await page.waitForSelector('[data-testid="history"][data-count="1"]');
    // "Open" in the header takes the exported file like any other (fileKinds.ts)
    await page.setInputFiles('[data-testid="history-import-file"]', path);
    await page.waitForSelector('[data-testid="history"][data-count="3"]'); // the comparison's id is taken: a copy
    expect(await page.locator('[data-testid="history-notice"]').innerText()).toContain('导入 2 项');
    // a damaged file changes nothing and says why
    await page.setInputFiles('[data-testid="history-import-file"]', {
      name: 'broken.allweather-experiments.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"allweather-experiments","experiments":[{"version":99}]}'),
    });
    await page.waitForSelector('[data-testid="history-problems"]');
    expect(await page.locator('[data-testid="history-problems"]').innerText()).toContain('更新版本');
    expect(await page.getAttribute('[data-testid="history"]', 'data-count')).toBe('3');
  });

  it('opens the briefing of the comparison, prints it to A4 PDF and shows pages 1 and 2 as printed', async () => {
    const ctx = app.page.context();
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setViewportSize(A4);
    await page.goto(new URL(`briefing.html?id=${encodeURIComponent(cmpId)}&lang=zh-CN`, inject('appUrl')).href);
    await page.waitForSelector('[data-testid="briefing-body"][data-kind="comparison"]');
    for (const s of ['question', 'scenario', 'results', 'diagnosis', 'plan', 'method'])
      expect(await page.locator(`[data-testid="briefing-${s}"] h2`).count()).toBe(1);
    expect(await page.locator('[data-testid="briefing-question"]').innerText()).toContain('要回答的问题');
    const title = page.locator('[data-testid="briefing-title"]');
    expect(await title.innerText()).toContain('基准工作日');
    expect(await title.innerText()).not.toContain('baseline-weekday');
    expect(await title.getAttribute('data-scenario-id')).toBe('baseline-weekday');
    expect(
      await page.getAttribute(
        '[data-testid="briefing-results"] [data-testid="delta-table"] tr[data-kpi="coverageIndex"]',
        'data-diff',
      ),
    ).toBe(cmpDiff);
    expect(await page.locator('[data-testid="briefing-plan"]').innerText()).toMatch(/覆盖指数 B − A/);

    await page.emulateMedia({ media: 'print' });
    const pdfPath = `${OUT}/briefing-zh.pdf`;
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    expect(statSync(pdfPath).size).toBeGreaterThan(20_000);
    const pdf = readFileSync(pdfPath, 'latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeGreaterThan(A4.height);
    await page.screenshot({ path: `${OUT}/briefing-page1.png`, clip: { x: 0, y: 0, ...A4 }, fullPage: true });
    await page.screenshot({ path: `${OUT}/briefing-page2.png`, clip: { x: 0, y: A4.height, ...A4 }, fullPage: true });
    // the PDF itself, pages 1 and 2 as printed: A4 portrait, each with ink in its top half (nothing blank or cut)
    const printed = await renderPdfPages(ctx, inject('appUrl'), readFileSync(pdfPath), [1, 2]);
    expect(printed.numPages).toBe(pages);
    expect(printed.pages.map((p) => p.n)).toEqual([1, 2]);
    for (const p of printed.pages) {
      writeFileSync(`${OUT}/briefing-pdf-page${p.n}.png`, p.png);
      // A4 is 595.3 x 841.9 pt (Chromium rounds it to whole 1/96 in: 595.9 x 842.9)
      expect(Math.abs(p.widthPt - 595.3), `page ${p.n} width ${p.widthPt}`).toBeLessThan(1.5);
      expect(Math.abs(p.heightPt - 841.9), `page ${p.n} height ${p.heightPt}`).toBeLessThan(1.5);
      expect(p.inkTop, `page ${p.n}: ink in the top half`).toBeGreaterThan(0.01);
      expect(p.ink, `page ${p.n}: not blank`).toBeGreaterThan(0.02);
      // printed on paper: the margins white, not the app's dark background
      expect(p.inkEdge, `page ${p.n}: margins paper white`).toBeLessThan(0.005);
    }
    // page 1 is filled on: the long results table goes on over the break instead of leaving half a page empty
    expect(printed.pages[0].inkBottom, 'page 1: its bottom half printed').toBeGreaterThan(0.02);

    // English by the switch (screen media: the toolbar shows)
    await page.emulateMedia({ media: 'screen' });
    await page.click('[data-testid="lang-en"]');
    expect(await page.locator('[data-testid="briefing-question"] h2').innerText()).toContain('The question');
    expect(await page.locator('[data-testid="briefing-title"]').innerText()).toContain('Baseline weekday');
    expect(await page.locator('[data-testid="briefing-title"]').innerText()).not.toContain('baseline-weekday');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: `${OUT}/briefing-en.pdf`, format: 'A4', printBackground: true });
    await page.screenshot({ path: `${OUT}/briefing-en-page1.png`, clip: { x: 0, y: 0, ...A4 }, fullPage: true });

    // an unknown id says so
    await page.goto(new URL('briefing.html?id=nope', inject('appUrl')).href);
    await page.waitForSelector('[data-testid="briefing-not-found"]');
    expect(errors).toEqual([]);
    await page.close();
  });
});
