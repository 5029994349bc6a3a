/**
 * The planner's and researcher's half of the app in a real browser: an A/B
 * comparison on the worker pool with its delta table and the delta colouring
 * of the 3D city; CSV and Arrow downloads read back; a scenario edit that
 * survives a reload (IndexedDB autosave); a share link that opens the same
 * scenario in a fresh browser profile, and a damaged one that only shows an
 * error. Screenshots go to test-results/screenshots/ (1440 × 900 and 1280 × 720).
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { tableFromIPC } from 'apache-arrow';
import { bundleFileEntry, readZip } from '../src/export/zip.ts';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, SHOTS, type Watched } from './browser.ts';

const STAFF_FIELD = 'input[data-path="$.teams[0].shifts[0].staff"]';
const REPS = 4;

let browser: Browser;
let app: Watched;

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="app"][data-ready="true"]');
  await page.waitForSelector('[data-testid="city-canvas"] canvas');
}

/** Share of pixels that differ by more than a little between two same-sized screenshots. */
function changedShare(a: Buffer, b: Buffer): number {
  const x = PNG.sync.read(a),
    y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return 1;
  let changed = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    const d =
      Math.abs(x.data[i] - y.data[i]) +
      Math.abs(x.data[i + 1] - y.data[i + 1]) +
      Math.abs(x.data[i + 2] - y.data[i + 2]);
    if (d > 24) changed++;
  }
  return changed / (x.width * x.height);
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testId}"]`)]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, inject('appUrl'));
  await ready(app.page);
});
afterAll(async () => {
  await browser?.close();
});

describe('experiments, downloads, editor and share links', () => {
  it('compares two variants with common random numbers: a delta table with CIs, and the 3D cells coloured by the difference', async () => {
    const { page } = app;
    await page.click('[data-testid="view-experiments"]');
    await page.click('[data-testid="exp-tab-compare"]');
    await page.selectOption('[data-testid="cmp-team"]', 'grid-workers');
    await page.fill('[data-testid="cmp-staff"]', '3');
    await page.fill('[data-testid="cmp-reps"]', String(REPS));
    // the change in words; the override path only in a data attribute
    expect(await page.locator('[data-testid="cmp-overrides"]').getAttribute('data-overrides')).toContain(
      'teams.grid-workers.shifts.0.staff=3',
    );
    expect(await page.locator('[data-testid="cmp-overrides"]').innerText()).toContain('网格员');
    expect(await page.locator('[data-testid="cmp-overrides"]').innerText()).not.toContain('teams.');
    // a policy by its name, never its id (the id only in the tooltip and the data attribute)
    await page.selectOption('[data-testid="cmp-policy"]', 'gridBound');
    const preview = page.locator('[data-testid="cmp-overrides"]');
    expect(await preview.innerText()).toContain('派遣策略 = 网格专属');
    expect(await preview.innerText()).not.toContain('gridBound');
    expect(await preview.getAttribute('data-overrides')).toContain('dispatch.policy=gridBound');
    for (const o of await page.locator('[data-testid="cmp-policy"] option').allInnerTexts())
      expect(o).not.toMatch(/gridBound|nearest|gridFirst/);
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}13-ab-form-policy-1440.png` });
    await page.selectOption('[data-testid="cmp-policy"]', '');
    expect(await preview.getAttribute('data-overrides')).not.toContain('dispatch.policy');
    await page.click('[data-testid="cmp-run"]');
    await page.waitForSelector('[data-testid="cmp-progress"][data-status="done"]', { timeout: 60_000 });
    expect(await page.locator('[data-testid="cmp-meta"]').getAttribute('data-pairs')).toBe(String(REPS));

    // one row per KPI, each with a 95 % CI of B − A and a significance mark in words
    const rows = page.locator('[data-testid="delta-table"] tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(16);
    const sla = page.locator('[data-testid="delta-table"] tr[data-kpi="slaAttainment"]');
    const lo = JSON.parse((await sla.getAttribute('data-ci-low'))!) as number;
    const hi = JSON.parse((await sla.getAttribute('data-ci-high'))!) as number;
    const diff = JSON.parse((await sla.getAttribute('data-diff'))!) as number;
    expect(lo).toBeLessThanOrEqual(diff);
    expect(hi).toBeGreaterThanOrEqual(diff);
    expect(await sla.innerText()).toMatch(/\[[+−-]?\d/);
    expect(await sla.locator('[data-significant]').innerText()).toMatch(/显著/);
    // arrivals are the same in A and B: common random numbers
    const arrived = page.locator('[data-testid="delta-table"] tr[data-kpi="casesArrived"]');
    expect(await arrived.getAttribute('data-diff')).toBe('0');
    expect(await page.locator('[data-testid="grid-delta-table"] tbody tr').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid="hour-delta-table"] tbody tr').count()).toBe(24);

    const canvas = page.locator('[data-testid="city-canvas"]');
    await page.waitForTimeout(1600); // the camera has reframed for the narrower canvas
    const before = await canvas.screenshot();
    await page.click('[data-testid="cmp-color-delta"]');
    await page.waitForSelector('[data-testid="delta-legend"]');
    await expect
      .poll(async () => changedShare(before, await canvas.screenshot()), { timeout: 10_000 })
      .toBeGreaterThan(0.05);
    expect(await page.locator('[data-testid="app"]').getAttribute('data-view')).toBe('experiments');
    await page.locator('[data-testid="delta-table"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}10-compare-delta-1440.png` });
    await page.locator('[data-testid="grid-delta"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}11-compare-grids-1440.png` });
    expect(app.consoleErrors).toEqual([]);
  });

  it('downloads CSV (BOM, Chinese) and Arrow (every case of every replication) files', async () => {
    const { page } = app;
    await page.click('[data-testid="exp-tab-downloads"]');
    await page.waitForSelector('[data-testid="downloads"][data-ready="true"]');
    await page.screenshot({ path: `${SHOTS}12-downloads-1440.png` });

    const table = await download(page, 'download-comparison-table.csv');
    expect(table.name).toBe('allweather-baseline-weekday-compare-table.csv');
    const text = table.bytes.toString('utf8');
    expect([...table.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toContain('时限达标率');

    const tidy = await download(page, 'download-comparison-tidy.csv');
    expect([...tidy.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = tidy.bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('run,replication,seed,variant,measure,value,unit');
    expect(lines.length - 1).toBeGreaterThanOrEqual(2 * REPS * 16); // every KPI of every replication of A and B

    // the cases of A: arrivals per replication × replications
    const arrow = await download(page, 'download-comparison-cases-a.arrow');
    expect(arrow.name.endsWith('.arrow')).toBe(true);
    const t = tableFromIPC(new Uint8Array(arrow.bytes));
    await page.click('[data-testid="exp-tab-compare"]');
    const meanA = JSON.parse(
      (await page.locator('[data-testid="delta-table"] tr[data-kpi="casesArrived"]').getAttribute('data-a'))!,
    ) as number;
    expect(t.numRows).toBe(Math.round(meanA * REPS));
    expect(t.schema.fields.map((f) => f.name)).toContain('slaMet');
    const reps = new Set<number>();
    const col = t.getChild('replication')!;
    for (let i = 0; i < t.numRows; i += 97) reps.add(col.get(i) as number);
    expect([...reps].sort()).toEqual([0, 1, 2, 3]);

    // one zip of the whole comparison: canonical names, both manifests listing every file's SHA-256
    await page.click('[data-testid="exp-tab-downloads"]');
    await page.waitForSelector('[data-testid="downloads"][data-ready="true"]');
    const zip = await download(page, 'download-comparison-zip');
    expect(zip.name).toBe('allweather-baseline-weekday-compare.zip');
    const entries = readZip(new Uint8Array(zip.bytes));
    expect([...entries.keys()]).toContain('cases-a.parquet');
    const manifestA = JSON.parse(new TextDecoder().decode(entries.get('manifest-a.json'))) as {
      files: { name: string; bytes: number; sha256: string }[];
    };
    for (const f of manifestA.files) expect(bundleFileEntry(f.name, entries.get(f.name)!)).toEqual(f);
    expect(Buffer.from(entries.get('tidy.csv')!)).toEqual(tidy.bytes);
  });

  it('a grid-size comparison says the headcount it changes and calls the saving cheaper, not better; Hold headcount keeps the headcount', async () => {
    const { page } = app;
    await page.click('[data-testid="exp-tab-compare"]');
    await page.fill('[data-testid="cmp-staff"]', '');
    await page.selectOption('[data-testid="cmp-gridsize"]', '10');
    await page.fill('[data-testid="cmp-reps"]', '3');
    await page.click('[data-testid="cmp-run"]');
    await page.waitForSelector('[data-testid="cmp-progress"][data-status="done"]', { timeout: 120_000 });
    const verdict = page.locator('[data-testid="cmp-verdict"]');
    expect(await verdict.getAttribute('data-coverage')).toBe('worsened');
    expect(await verdict.getAttribute('data-cost')).toBe('cheaper');
    expect(await verdict.getAttribute('data-headcount-changed')).toBe('true');
    expect(await verdict.innerText()).toContain('B 改变了在岗人数：峰值 122 → 86 人');
    expect(await verdict.innerText()).toContain('B 更省，但不是更好');
    expect(await page.locator('[data-testid="headcount-table"]').getAttribute('data-same')).toBe('false');
    expect(
      await page.locator('[data-testid="headcount-table"] tr[data-row="team:grid-workers"]').getAttribute('data-b'),
    ).toBe('12');
    const staff = page.locator('[data-testid="delta-table"] tr[data-kpi="staffHours"]');
    expect(await staff.innerText()).toContain('更省');
    expect(await staff.innerText()).not.toContain('改善');
    await verdict.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}13-compare-headcount-1440.png` });

    await page.check('[data-testid="cmp-hold-headcount"]');
    expect(await page.locator('[data-testid="cmp-overrides"]').getAttribute('data-overrides')).toContain(
      'city.gridSize=10, holdHeadcount=true',
    );
    await page.click('[data-testid="cmp-run"]');
    await page.waitForSelector('[data-testid="cmp-progress"][data-status="done"]', { timeout: 120_000 });
    await expect.poll(() => page.locator('[data-testid="headcount-table"]').getAttribute('data-same')).toBe('true');
    expect(await verdict.getAttribute('data-headcount-changed')).toBe('false');

    // what was typed in a form survives switching to another tab and to another view and back
    await page.click('[data-testid="exp-tab-replications"]');
    await page.fill('[data-testid="rep-count"]', '5');
    await page.fill('[data-testid="rep-seed"]', '77');
    await page.click('[data-testid="exp-tab-sweep"]');
    await page.click('[data-testid="exp-tab-replications"]');
    expect(await page.inputValue('[data-testid="rep-count"]')).toBe('5');
    await page.click('[data-testid="view-live"]');
    await page.click('[data-testid="view-experiments"]');
    await page.click('[data-testid="exp-tab-replications"]');
    expect(await page.inputValue('[data-testid="rep-count"]')).toBe('5');
    expect(await page.inputValue('[data-testid="rep-seed"]')).toBe('77');

    // the sweep's night-staff parameter says which shifts the one number sets
    await page.click('[data-testid="exp-tab-sweep"]');
    await page.selectOption('[data-testid="sweep-kind-1"]', 'nightStaff');
    expect(await page.locator('[data-testid="sweep-nightstaff-help-1"]').innerText()).toContain(
      '网格员 00:00–08:00（每网格）',
    );
    expect(app.consoleErrors).toEqual([]);
  });

  it('an edit in the scenario editor survives a reload (IndexedDB autosave)', async () => {
    const { page } = app;
    await page.click('[data-testid="view-editor"]');
    const field = page.locator(STAFF_FIELD);
    await expect.poll(() => field.inputValue()).toBe('1');
    const savedBefore = await page.locator('[data-testid="ed-saved"]').getAttribute('data-saved-at');
    await field.fill('abc'); // invalid first: the bilingual error shows beside the field
    const err = page.locator(`[data-testid="field-errors"][data-path="$.teams[0].shifts[0].staff"]`);
    await err.waitFor();
    // the error list's field name goes to the field itself (not to the list's own entry for that path)
    await page.locator('[data-testid="ed-errors"] li[data-path="$.teams[0].shifts[0].staff"] button').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe(
      '$.teams[0].shifts[0].staff',
    );
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    expect(await err.innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(await err.innerText()).toMatch(/number/i);
    expect(await page.locator('[data-testid="editor"]').getAttribute('data-valid')).toBe('false');
    await page.screenshot({ path: `${SHOTS}13-editor-error-1440.png` });
    await field.fill('4');
    expect(await page.locator('[data-testid="editor"]').getAttribute('data-valid')).toBe('true');
    await expect
      .poll(() => page.locator('[data-testid="ed-saved"]').getAttribute('data-saved-at'))
      .not.toBe(savedBefore);

    await page.reload();
    await ready(page);
    await page.click('[data-testid="view-editor"]');
    await expect.poll(() => page.locator(STAFF_FIELD).inputValue()).toBe('4');
    await page.waitForSelector('[data-testid="ed-restored"]');
    expect(await page.locator('[data-testid="editor"]').getAttribute('data-dirty')).toBe('true');
    await page.screenshot({ path: `${SHOTS}14-editor-restored-1440.png` });

    // a file that is not a scenario is refused in both languages, and the draft stays as it was
    await page.setInputFiles('[data-testid="ed-file"]', {
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('this is not JSON'),
    });
    const openErr = page.locator('[data-testid="ed-open-error"]');
    await openErr.waitFor();
    expect(await openErr.innerText()).toContain('“notes.json”无法作为场景读取');
    expect(await openErr.innerText()).toContain('"notes.json" could not be read as a scenario');
    expect(await page.locator(STAFF_FIELD).inputValue()).toBe('4');
  });

  it('a share link opens the same scenario in a fresh browser profile; a damaged one shows an error and the app carries on', async () => {
    const { page } = app;
    await page.click('[data-testid="ed-share"]');
    const url = await page.locator('[data-testid="share-url"]').inputValue();
    expect(url).toMatch(/#b=baseline-weekday&h=[0-9a-f]{12}&t=[0-9a-f]{12}&d=[A-Za-z0-9+\-$]+$/); // the changes from the built-in
    const hash = await page.locator('[data-testid="ed-hash"]').innerText();

    const fresh = await openApp(browser, url, { width: 1280, height: 720 });
    try {
      await ready(fresh.page);
      expect(fresh.page.url()).not.toContain('#'); // the hash is consumed
      expect(await fresh.page.locator('[data-testid="app"]').getAttribute('data-scenario')).toBe('baseline-weekday');
      await fresh.page.click('[data-testid="view-editor"]');
      await expect.poll(() => fresh.page.locator(STAFF_FIELD).inputValue()).toBe('4');
      expect(await fresh.page.locator('[data-testid="ed-hash"]').innerText()).toBe(hash);
      expect(await fresh.page.locator('[data-testid="scenario-select"] option:checked').innerText()).toMatch(
        /分享链接/,
      );
      await fresh.page.screenshot({ path: `${SHOTS}15-share-link-1280.png` });
      await fresh.page.click('[data-testid="view-experiments"]');
      await fresh.page.click('[data-testid="exp-tab-replications"]');
      await fresh.page.fill('[data-testid="rep-count"]', '4');
      await fresh.page.click('[data-testid="rep-run"]');
      await fresh.page.waitForSelector('[data-testid="rep-progress"][data-status="done"]', { timeout: 60_000 });
      expect(
        await fresh.page.locator('[data-testid="rep-table"] tr[data-kpi="slaAttainment"]').getAttribute('data-n'),
      ).toBe('4');
      await fresh.page.screenshot({ path: `${SHOTS}16-replications-1280.png` });
      expect(fresh.consoleErrors).toEqual([]);
    } finally {
      await fresh.page.context().close();
    }

    const broken = await openApp(browser, `${url.split('#')[0]}#s=not-a-scenario`, { width: 1280, height: 720 });
    try {
      await ready(broken.page);
      const errors = broken.page.locator('[data-testid="scenario-errors"]');
      await errors.waitFor();
      expect(await errors.innerText()).toMatch(/分享链接/);
      expect(await broken.page.locator('[data-testid="app"]').getAttribute('data-scenario')).toBe('baseline-weekday');
    } finally {
      await broken.page.context().close();
    }
  });
});
