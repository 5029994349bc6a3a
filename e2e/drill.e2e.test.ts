/**
 * Drill mode end to end: a trainer window and a trainee window of the same
 * browser (one context, so their BroadcastChannel connects them). A trainee
 * window opened by hand has no session token and says to open it from the
 * trainer's console; the trainer's console gives the trainee link (the
 * token in its fragment), pasted there it connects; a third page of the
 * same origin posts forged messages on the drill's channel and nothing
 * changes in either window; the trainer starts the clock; the trainee
 * assigns a crew to a case by clicking; the trainer edits the timeline while
 * paused and fires injects live, which reach the trainee's window; the drill
 * ends and both see the score beside the automatic baseline; the review
 * rebuilds the drill and, at its end, shows exactly the same numbers; the
 * record exports as JSON and as a printable report. Screenshots of both
 * consoles, the review and the report go to test-results/screenshots/.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { launch, SHOTS } from './browser.ts';

const DRILL = 'red-night-drill';
const METRICS = ['score', 'onTimeShare', 'late', 'n', 'dispatches', 'inversions', 'priorityShare'] as const;

let browser: Browser;
let context: BrowserContext;
let trainer: Page;
let trainee: Page;
const consoleErrors: string[] = [];
const warnings: string[] = [];
const offOrigin: string[] = [];
let base: string;
/** The session token of the trainer's window (read from its trainee link). */
let token = '';

function watch(page: Page, who: string): Page {
  const origin = new URL(base).origin;
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') consoleErrors.push(`${who}: ${m.text()}`);
    if (m.type() === 'warning') warnings.push(`${who}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${who}: ${String(e)}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) offOrigin.push(u);
  });
  return page;
}

const url = (role: string) => new URL(`drill.html?drill=${DRILL}&role=${role}`, base).href;

/** The numbers of one score column (data-value of each metric). */
async function scoreOf(page: Page, panel: string, column: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const m of METRICS) {
    const v = await page
      .locator(`[data-testid="${panel}"] [data-score="${column}"][data-metric="${m}"]`)
      .getAttribute('data-value');
    out[m] = JSON.parse(v!);
  }
  return out;
}

beforeAll(async () => {
  base = inject('appUrl');
  browser = await launch();
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  trainee = watch(await context.newPage(), 'trainee');
  trainer = watch(await context.newPage(), 'trainer');
});
afterAll(async () => {
  await browser?.close();
});

describe('drill mode: trainer and trainee windows', () => {
  it("a trainee window opened by hand (no session token) says to open it from the trainer's console", async () => {
    await trainee.goto(url('trainee'));
    const page = trainee.locator('[data-testid="trainee-no-token"]');
    await page.waitFor();
    expect(await page.innerText()).toContain('请从培训师控制台打开此窗口');
    // something that holds no token is refused, in words
    await trainee.fill('[data-testid="token-input"]', 'not a link');
    await trainee.click('[data-testid="token-submit"]');
    await trainee.waitForSelector('[data-testid="token-error"]');
    await trainee.screenshot({ path: `${SHOTS}drill-00-trainee-no-token.png` });
    expect(await trainee.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('the trainer window hosts the drill and gives the trainee link (token in the fragment only); pasted, the trainee connects and sees no trainer controls', async () => {
    await trainer.goto(url('trainer'));
    await trainer.waitForSelector('[data-testid="trainer-console"] [data-testid="drill-canvas"] canvas');
    await trainer.waitForSelector('[data-testid="pending-injects"][data-count="13"]');
    const href = await trainer.locator('[data-testid="open-trainee-window"]').getAttribute('href');
    const link = new URL(href!, trainer.url());
    expect(link.hash).toMatch(/^#token=[0-9a-f]{32}$/);
    token = link.hash.slice('#token='.length);
    expect(link.search).not.toContain(token);
    expect(link.searchParams.get('role')).toBe('trainee');
    expect(trainer.url()).not.toContain(token);

    await trainee.fill('[data-testid="token-input"]', link.href);
    await trainee.click('[data-testid="token-submit"]');
    // a drill with seats asks for one first: this trainee takes the whole command scope
    await trainee.click('[data-testid="seat-option"][data-seat="all"]', { timeout: 20_000 });
    await trainee.waitForSelector('[data-testid="trainee-console"] [data-testid="drill-canvas"] canvas', {
      timeout: 20_000,
    });
    expect(new URL(trainee.url()).searchParams.get('seat')).toBe('all');
    const at = new URL(trainee.url());
    expect(at.hash).toBe(`#token=${token}`);
    expect(at.search).not.toContain(token);
    for (const id of [
      'drill-play',
      'drill-speed-60',
      'pending-injects',
      'inject-form',
      'live-score',
      'drill-finish',
      'open-trainee-window',
    ]) {
      expect(await trainee.locator(`[data-testid="${id}"]`).count(), id).toBe(0);
    }
    // no score in the trainee's window until the end
    expect(await trainee.locator('[data-metric="score"]').count()).toBe(0);
  });

  it("the trainer console's link opens a trainee window of this session", async () => {
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      trainer.click('[data-testid="open-trainee-window"]'),
    ]);
    watch(popup, 'trainee-2');
    await popup.click('[data-testid="seat-option"][data-seat="all"]', { timeout: 20_000 });
    await popup.waitForSelector('[data-testid="trainee-console"] [data-testid="drill-canvas"] canvas', {
      timeout: 20_000,
    });
    expect(new URL(popup.url()).hash).toBe(`#token=${token}`);
    await popup.close();
  });

  it('the trainer runs the clock at 60x; cases arrive and the trainee assigns a crew by clicking', async () => {
    await trainer.click('[data-testid="drill-speed-60"]');
    await trainer.click('[data-testid="drill-play"]');
    await trainer.waitForSelector('[data-testid="drill-clock"][data-playing="true"][data-speed="60"]');
    // the first message (I01, at minute 0) reaches the trainee's feed
    await trainee.waitForSelector('[data-testid="message-feed"] [data-kind="message"]');
    const item = trainee.locator('[data-testid="inbox-item"]').first();
    await item.waitFor({ timeout: 40_000 });
    // the clock runs in the trainee's window too
    const t0 = Number(await trainee.locator('[data-testid="drill-clock"]').getAttribute('data-elapsed'));
    await trainee.waitForFunction(
      (t) => Number(document.querySelector('[data-testid="drill-clock"]')?.getAttribute('data-elapsed')) > t,
      t0,
    );

    // click a case, then a candidate crew (of the case's size)
    let assigned: string | null = null;
    for (let attempt = 0; attempt < 5 && !assigned; attempt++) {
      // the inbox re-sorts as cases arrive: hold on to the case by its id
      const caseId = await trainee.locator('[data-testid="inbox-item"]').first().getAttribute('data-case-id');
      const it = trainee.locator(`[data-testid="inbox-item"][data-case-id="${caseId}"]`);
      const crew = Number(await it.getAttribute('data-crew'));
      // clicking a case selects it (a second click keeps it selected: it no longer toggles the panel shut);
      // a case that left the inbox in between is skipped, not waited for
      const shown = await it
        .locator('button')
        .click({ timeout: 5000 })
        .then(() =>
          trainee.waitForSelector(`[data-testid="case-panel"][data-case-id="${caseId}"]`, { timeout: 10_000 }),
        )
        .then(
          () => true,
          () => false,
        );
      if (!shown) continue;
      await trainee.waitForSelector('[data-testid="candidate-crews"], [data-testid="no-candidates"]');
      const option = trainee.locator('[data-testid="crew-option"]').first();
      if ((await option.count()) === 0) {
        await trainee.waitForTimeout(1500);
        continue;
      }
      expect((await option.getAttribute('data-staff'))!.split(',')).toHaveLength(crew);
      const seq = Number(await trainee.locator('[data-testid="drill-notice"]').getAttribute('data-seq'));
      await option.click();
      await trainee.waitForFunction(
        (s) => Number(document.querySelector('[data-testid="drill-notice"]')?.getAttribute('data-seq')) > s,
        seq,
      );
      if ((await trainee.locator('[data-testid="drill-notice"]').getAttribute('data-kind')) === 'ok') assigned = caseId;
    }
    expect(assigned).not.toBeNull();
    await trainee.waitForSelector(`[data-testid="inbox-item"][data-case-id="${assigned}"]`, { state: 'detached' });
    await trainer.waitForSelector('[data-testid="fired-timeline"] [data-detail-kind="assign"]');
    await trainee.waitForSelector('[data-testid="message-feed"] [data-kind="action"]');
  });

  it('paused, the trainer edits the timeline; a time in the past is refused in both languages', async () => {
    await trainer.click('[data-testid="drill-pause"]');
    await trainer.waitForSelector('[data-testid="drill-clock"][data-playing="false"]');
    const pending = trainer.locator('[data-testid="pending-injects"]');
    const before = Number(await pending.getAttribute('data-count'));
    // move the all-clear bulletin (I12, minute 150) to minute 155
    const last = pending.locator('li[data-inject-id="I12"]');
    expect(await last.getAttribute('data-at-min')).toBe('150');
    await last.locator('[data-testid="pending-at"]').fill('155');
    await last.locator('[data-testid="pending-at"]').press('Enter');
    await trainer.waitForSelector('[data-testid="pending-injects"] li[data-inject-id="I12"][data-at-min="155"]');
    // delete I11 (team back on duty)
    await pending.locator('li[data-inject-id="I11"] [data-testid="pending-delete"]').click();
    await trainer.waitForSelector(`[data-testid="pending-injects"][data-count="${before - 1}"]`);
    // adding an inject at minute 1 (already past) is refused with the path, in Chinese and English
    await trainer.selectOption('[data-testid="inject-kind"]', 'message');
    await trainer.fill('[data-testid="inject-text-zh"]', '补充消息');
    await trainer.fill('[data-testid="inject-text-en"]', 'added message');
    await trainer.fill('[data-testid="inject-at"]', '1');
    await trainer.click('[data-testid="inject-add"]');
    const errs = trainer.locator('[data-testid="timeline-errors"]');
    await errs.waitFor();
    const text = await errs.innerText();
    expect(text).toMatch(/早于当前时刻/);
    expect(text).toMatch(/before now/);
    expect(await trainer.locator(`[data-testid="pending-injects"][data-count="${before - 1}"]`).count()).toBe(1);
  });

  it('a third page of the same origin posts forged messages on the channel: neither window changes or throws', async () => {
    // paused (previous test): nothing moves unless a message is applied
    const snap = async () => ({
      clock: await trainer.locator('[data-testid="drill-clock"]').getAttribute('data-ts'),
      fired: await trainer.locator('[data-testid="fired-timeline"]').getAttribute('data-count'),
      pending: await trainer.locator('[data-testid="pending-injects"]').getAttribute('data-count'),
      inbox: await trainer
        .locator('[data-testid="trainer-inbox"] [data-testid="inbox-item"]')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-case-id')}:${e.getAttribute('data-priority')}`)),
      score: await trainer.locator('[data-testid="live-score"]').innerText(),
      rain: await trainer.locator('[data-testid="drill-weather"] .weather-rain').getAttribute('data-value'),
      staff: await trainer.locator('[data-testid="staff-board"]').innerText(),
      traineeInbox: await trainee
        .locator('[data-testid="inbox-item"]')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-case-id')}:${e.getAttribute('data-priority')}`)),
      traineeFeed: await trainee.locator('[data-testid="message-feed"] li').count(),
      traineeClock: await trainee.locator('[data-testid="drill-clock"]').getAttribute('data-ts'),
    });
    const before = await snap();
    const warned = warnings.length;
    const forger = watch(await context.newPage(), 'forger');
    await forger.goto(new URL('drill.html', base).href); // the drill start page: same origin, no channel of its own
    await forger.evaluate(
      async ({ name, token }) => {
        const ch = new BroadcastChannel(name);
        const storm = { kind: 'inject', tS: 0, inject: { kind: 'storm', atMin: 0, rainMmPerH: [1e308] } };
        const teamOff = { kind: 'inject', tS: 0, inject: { kind: 'teamOff', atMin: 0, team: 'sanitation' } };
        const farCase = {
          kind: 'inject',
          tS: 0,
          inject: { kind: 'case', atMin: 0, type: 'road-ponding', x: 99999, y: 3 },
        };
        const wrong = 'f'.repeat(32);
        const messages: unknown[] = [
          null,
          undefined,
          'garbage',
          42,
          [],
          {},
          { t: 'act' },
          // a trainer-only inject without a token, and with a wrong one
          { t: 'act', from: 'forger', id: 1, action: storm },
          { t: 'act', token: wrong, from: 'forger', id: 2, action: teamOff },
          // with the session's token (a trainee window gone rogue): still the trainer's alone
          { t: 'act', token, from: 'forger', id: 3, action: storm },
          { t: 'act', token, from: 'forger', id: 4, action: teamOff },
          { t: 'act', token, from: 'forger', id: 5, action: farCase },
          { t: 'play', token, speed: 60 },
          // far too large
          { t: 'join', token, from: 'x'.repeat(2_000_000) },
          {
            t: 'act',
            token,
            from: 'forger',
            id: 6,
            action: { kind: 'assign', tS: 0, caseId: 1, staff: new Array(500_000).fill(0) },
          },
          // posing as the trainer, towards the trainee
          { t: 'bye' },
          { t: 'bye', token: wrong },
          { t: 'record', token: wrong, record: { app: 'allweather', kind: 'drill-record' }, edited: false },
          { t: 'hello', hello: { layout: {}, meta: {} } },
          { t: 'frame', token, frame: null, state: null },
        ];
        for (const m of messages) ch.postMessage(m);
        await new Promise((r) => setTimeout(r, 300));
        ch.close();
      },
      { name: `allweather-drill-${DRILL}`, token },
    );
    await trainer.waitForTimeout(2000);
    expect(await snap()).toEqual(before);
    expect(await trainee.locator('[data-testid="trainee-console"]').count()).toBe(1);
    expect(await trainee.locator('[data-testid="final-score"]').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    // each window logged the forgery once (the rest are only counted)
    const logged = warnings.slice(warned);
    expect(
      logged.filter((w) => w.startsWith('trainer:') && w.includes(`allweather-drill-${DRILL}, trainer`)),
    ).toHaveLength(1);
    expect(
      logged.filter((w) => w.startsWith('trainee:') && w.includes(`allweather-drill-${DRILL}, trainee`)),
    ).toHaveLength(1);
    await forger.close();
  });

  it('the trainer fires a message and a case at a cell live; both reach the trainee', async () => {
    // clicking the city fills a case inject's cell
    const canvas = trainer.locator('[data-testid="drill-canvas"] canvas');
    const box = (await canvas.boundingBox())!;
    await trainer.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await trainer.waitForFunction(
      () => (document.querySelector('[data-testid="inject-x"]') as HTMLInputElement | null)?.value !== '',
      undefined,
      { timeout: 5000 },
    );

    await trainer.click('[data-testid="drill-play"]');
    await trainer.selectOption('[data-testid="inject-kind"]', 'message');
    await trainer.fill('[data-testid="inject-text-zh"]', '区指挥部：立即核查低洼路段积水情况。');
    await trainer.fill('[data-testid="inject-text-en"]', 'District command: check the low-lying roads now.');
    await trainer.click('[data-testid="inject-fire"]');
    await trainee.waitForSelector(
      '[data-testid="message-feed"] li[data-kind="message"]:has-text("立即核查低洼路段积水情况")',
    );

    // a fallen tree at (27, 23), in the command scope (grid G05-06), priority 1
    await trainer.selectOption('[data-testid="inject-kind"]', 'case');
    await trainer.selectOption('[data-testid="inject-type"]', 'fallen-tree');
    await trainer.fill('[data-testid="inject-x"]', '27');
    await trainer.fill('[data-testid="inject-y"]', '23');
    await trainer.selectOption('[data-testid="inject-priority"]', '1');
    await trainer.click('[data-testid="inject-fire"]');
    const live = trainee.locator('[data-testid="inbox-item"][data-type="fallen-tree"]:has([data-cell="947"])');
    await live.waitFor({ timeout: 15_000 });
    expect(await live.getAttribute('data-priority')).toBe('1');
    expect(await live.innerText()).toContain('G05-06');
    await trainer.waitForSelector('[data-testid="fired-timeline"] [data-detail-kind="inject"]');

    await trainee.waitForTimeout(500);
    await trainee.screenshot({ path: `${SHOTS}drill-01-trainee-console.png` });
    await trainer.screenshot({ path: `${SHOTS}drill-02-trainer-console.png` });
  });

  it('the trainer finishes the drill; both windows show the score beside the automatic baseline', async () => {
    await trainer.click('[data-testid="drill-finish"]');
    await trainer.click('[data-testid="drill-finish-confirm"]');
    await trainer.waitForSelector('[data-testid="drill-clock"][data-done="true"]');
    await trainer.waitForSelector('[data-testid="final-score"]', { timeout: 30_000 });
    await trainee.waitForSelector('[data-testid="final-score"]', { timeout: 30_000 });
    const tr = await scoreOf(trainer, 'final-score', 'trainee');
    const bl = await scoreOf(trainer, 'final-score', 'baseline');
    expect(typeof tr.score).toBe('number');
    expect(typeof bl.score).toBe('number');
    expect(tr.dispatches as number).toBeGreaterThan(0);
    expect(await scoreOf(trainee, 'final-score', 'trainee')).toEqual(tr);
    expect(await scoreOf(trainee, 'final-score', 'baseline')).toEqual(bl);
    await trainee.screenshot({ path: `${SHOTS}drill-03-trainee-score.png` });
  });

  it("the review rebuilds the drill: at the end it gives exactly the drill's score", async () => {
    await trainer.click('[data-testid="open-review"]');
    await trainer.waitForSelector('[data-testid="review"] [data-testid="review-canvas"] canvas');
    const endS = (20 * 60 + 180) * 60;
    await trainer.waitForSelector(`[data-testid="review-time"][data-shown-ts="${endS}"][data-busy="false"]`, {
      timeout: 30_000,
    });
    const recorded = await scoreOf(trainer, 'review-scores', 'trainee');
    expect(await scoreOf(trainer, 'review-scores', 'replay')).toEqual(recorded);
    expect(recorded).toEqual(await scoreOf(trainee, 'final-score', 'trainee'));

    // scrub to the start (keyboard), then back to the end
    const range = trainer.locator('[data-testid="review-range"]');
    await range.focus();
    await range.press('Home');
    await trainer.waitForSelector(`[data-testid="review-time"][data-shown-ts="${20 * 3600}"][data-busy="false"]`, {
      timeout: 30_000,
    });
    expect(await trainer.locator('[data-testid="review-timeline"] li.future').count()).toBeGreaterThan(0);
    await range.press('End');
    await trainer.waitForSelector(`[data-testid="review-time"][data-shown-ts="${endS}"][data-busy="false"]`, {
      timeout: 30_000,
    });
    expect(await scoreOf(trainer, 'review-scores', 'replay')).toEqual(recorded);

    // what would have happened with two more municipal repair staff per shift
    await trainer.click('[data-testid="whatif-plus-municipal-repair"]');
    await trainer.click('[data-testid="whatif-plus-municipal-repair"]');
    await trainer.click('[data-testid="whatif-run"]');
    await trainer.waitForSelector('[data-testid="review-scores"] [data-score="whatif"][data-metric="score"]', {
      timeout: 30_000,
    });
    const whatIf = await scoreOf(trainer, 'review-scores', 'whatif');
    expect(typeof whatIf.score).toBe('number');
    await trainer.locator('[data-testid="review"]').evaluate((el) => el.scrollTo(0, 0));
    await trainer.screenshot({ path: `${SHOTS}drill-04-review.png` });
    await trainer.locator('[data-testid="review"]').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await trainer.screenshot({ path: `${SHOTS}drill-05-review-lower.png` });
    await trainer.locator('[data-testid="review"]').evaluate((el) => el.scrollTo(0, 0));
  });

  it('the record exports as JSON and as a printable report', async () => {
    const [download] = await Promise.all([
      trainer.waitForEvent('download'),
      trainer.click('[data-testid="export-json"]'),
    ]);
    const file = `${SHOTS}drill-record.json`;
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    // the session token is in no saved record
    expect(text).not.toContain(token);
    const rec = JSON.parse(text) as {
      kind: string;
      score: { score: number };
      actions: { kind: string }[];
      drill: { injects: { id?: string; atMin: number }[] };
      whatIf?: unknown;
    };
    expect(rec.kind).toBe('drill-record');
    expect(rec.score.score).toBe((await scoreOf(trainer, 'review-scores', 'trainee')).score);
    expect(rec.actions.some((a) => a.kind === 'assign')).toBe(true);
    expect(rec.actions.filter((a) => a.kind === 'inject')).toHaveLength(2);
    // the schedule that ran: I11 deleted, I12 moved
    expect(rec.drill.injects.map((x) => x.id)).not.toContain('I11');
    expect(rec.drill.injects.find((x) => x.id === 'I12')!.atMin).toBe(155);
    expect(rec.whatIf).toBeDefined();

    const [report] = await Promise.all([context.waitForEvent('page'), trainer.click('[data-testid="open-report"]')]);
    await report.waitForLoadState();
    expect(await report.locator('body').getAttribute('data-score')).toBe(String(rec.score.score));
    expect(await report.content()).not.toContain(token);
    expect(await report.locator('h1').innerText()).toContain('演练报告');
    expect(await report.locator('table').count()).toBeGreaterThanOrEqual(3);
    await report.emulateMedia({ media: 'print' });
    expect(await report.locator('.toolbar').isVisible()).toBe(false);
    await report.screenshot({ path: `${SHOTS}drill-06-report-print.png` });
    await report.close();
  });

  it('the trainee reviews the same record in its own window (its own worker), with the same numbers', async () => {
    await trainee.click('[data-testid="open-review"]');
    const endS = (20 * 60 + 180) * 60;
    await trainee.waitForSelector(`[data-testid="review-time"][data-shown-ts="${endS}"][data-busy="false"]`, {
      timeout: 40_000,
    });
    expect(await scoreOf(trainee, 'review-scores', 'replay')).toEqual(
      await scoreOf(trainer, 'review-scores', 'trainee'),
    );
    await trainee.click('[data-testid="drill-lang-en"]');
    await trainee.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await trainee.locator('[data-testid="review-scores"]').innerText()).toMatch(/Automatic baseline/);
    await trainee.screenshot({ path: `${SHOTS}drill-07-trainee-review-en.png` });
  });

  it('no console errors and no request off the origin', () => {
    expect(consoleErrors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });
});
