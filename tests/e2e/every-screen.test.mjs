// No network on any screen: the single file, opened from file://, is used screen by
// screen in both languages — every view in crates/present/src/route.rs's View::ALL, each with its own
// controls (a filter, a department expanded, a lever changed, the Monte Carlo run, a
// comparison opened, CSV and JSON exported …) — while every request is recorded. Nothing
// may be requested but the file itself, `data:` and `blob:` URLs, and nothing may go
// wrong in the console. The Content-Security-Policy that enforces this is checked too,
// by injecting a fetch and an image from the network and watching both be refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, watch, AppPage, SINGLE_FILE_URL, routeViews } from './support.mjs';

// A release build runs all of this in well under a minute; a loaded machine needs more.
const LONG = { timeout: 300_000 };

/** The only URLs the single file may ask for. */
function allowedRequest(url) {
  return url === SINGLE_FILE_URL || url.startsWith('data:') || url.startsWith('blob:');
}

/** `1,060.0` → 1060 */
const number = (text) => Number(text.replace(/[^0-9.+-]/g, ''));

/** Waits until the text of `testId` differs from `previous`. */
async function changed(page, testId, previous) {
  await page.waitForFunction(
    ([id, old]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return el && el.textContent.trim() !== old;
    },
    [testId, previous],
    { timeout: 30_000 },
  );
  return (await page.getByTestId(testId).innerText()).trim();
}

/** Clicks something that offers a download; returns the file's suggested name. */
async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  await file.path();
  return file.suggestedFilename();
}

/**
 * How each screen is used. Each step asserts that the control did what it should, so
 * "used" means used, not merely clicked. `lang` is the language of this pass; steps run
 * twice (English, then Chinese) on the same page, so they tolerate their own earlier
 * effects.
 */
const USE = {
  async overview({ page, app }) {
    await page.getByTestId('annex-a').waitFor();
    // A finding links to the projects behind it: follow it, then come back.
    const link = page.locator('[data-testid="findings"] a.rows-link').first();
    await link.click();
    await app.screen('projects').waitFor();
    await page.getByTestId('ids-filter').waitFor();
    assert.ok(Number(await app.text('visible-count')) > 0, 'the finding shows its projects');
    await app.go('overview');
  },

  async projects({ page, app, lang }) {
    await page.getByTestId('projects-table').waitFor();
    const all = Number(await app.text('visible-count'));
    await page.getByTestId('search').fill(lang === 'en' ? 'security' : '保安');
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="visible-count"]').textContent) < n,
      all,
    );
    await page.getByTestId('sort-budget').click();
    assert.equal(await page.locator('th[data-sort-key="budget"]').getAttribute('aria-sort'), 'ascending');
    await page.getByTestId('clear-filters').click();
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="visible-count"]').textContent) === n,
      all,
    );
    // A per-project lever: defer project 17.
    await page.getByTestId('edit-project-17').click();
    await page.getByTestId('project-levers').waitFor();
    await page.getByTestId('lever-defer').fill(lang === 'en' ? '4' : '2');
    await page.getByTestId('changed-17').waitFor();
    await page.getByTestId('lever-close').click();
  },

  async departments({ page }) {
    const toggle = page.locator('[data-testid^="department-toggle-"]').first();
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.ok((await page.locator('[data-testid^="department-project-"]').count()) > 0);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await page.getByTestId('expand-all').click();
    assert.equal(await page.locator('[data-testid^="department-toggle-"][aria-expanded="false"]').count(), 0);
    await page.getByTestId('collapse-all').click();
  },

  async distribution({ page, app }) {
    await page.getByTestId('histogram-bar-19').click();
    await page.getByTestId('bin-projects').waitFor();
    assert.ok(Number(await app.text('count-near-ceiling')) > 0);
    assert.equal(
      await page.locator('[data-testid^="bin-project-"]').count(),
      Number(await app.text('count-near-ceiling')),
    );
  },

  async allocation({ page, app }) {
    const before = await app.text('allocation-total');
    await page.getByTestId('allocation-amount-1').fill('300');
    await changed(page, 'allocation-total', before);
    await page.getByTestId('allocation-lock-1').check();
    await page.getByTestId('allocation-target').fill('1000');
    await page.getByTestId('allocation-scale').click();
    assert.equal(await app.text('allocation-total'), '1,000.0');
    await page.getByTestId('allocation-reset').click();
    assert.equal(await app.text('allocation-total'), '1,060.0');
  },

  async cashflow({ page, app }) {
    const calibrated = await app.text('cash-2018-19-new');
    await page.getByTestId('profile-select').selectOption('even');
    const even = await changed(page, 'cash-2018-19-new', calibrated);
    await page.getByTestId('profile-select').selectOption('calibrated');
    assert.equal(await changed(page, 'cash-2018-19-new', even), calibrated);
    await page.getByTestId('breakdown-department').check();
    await page.getByTestId('breakdown-table').waitFor();
    await page.getByTestId('goal-target').fill('1050');
    await page.getByTestId('goal-lever').selectOption('cost_change_pct');
    await page.getByTestId('goal-solve').click();
    await page.getByTestId('goal-result').waitFor();
  },

  async risk({ page, lang }) {
    await page.getByTestId('slip-enabled').check();
    await page.getByTestId('mc-runs').fill('300');
    await page.getByTestId('mc-seed').fill(lang === 'en' ? '3' : '4');
    const before = await page.getByTestId('mc-stamp').getAttribute('data-run');
    await page.getByTestId('mc-run').click();
    await page.waitForFunction(
      (old) => {
        const stamp = document.querySelector('[data-testid="mc-stamp"]');
        const status = document.querySelector('[data-testid="mc-status"]');
        return stamp && stamp.getAttribute('data-run') !== old && status && status.dataset.state === 'finished';
      },
      before,
      { timeout: 120_000 },
    );
    assert.match(await page.getByTestId('mc-p50-2018-19').innerText(), /\d/);
  },

  async thresholds({ page, app }) {
    await page.getByTestId('ceiling').fill('5');
    await page.waitForFunction(() => document.querySelector('[data-testid="projects-over-ceiling"]').textContent.trim() !== '0');
    assert.ok((await page.locator('[data-testid^="route-change-"]').count()) > 0);
    await page.getByTestId('ceiling-20').click();
    assert.equal(await app.text('projects-over-ceiling'), '0');
  },

  async scenarios({ page, lang, downloads }) {
    // Two saved scenarios, so there is something to compare.
    for (const suffix of ['A', 'B']) {
      await page.getByTestId('scenario-name').fill(`${lang === 'en' ? 'Every screen' : '每個畫面'} ${suffix}`);
      await page.getByTestId('scenario-save').click();
      await page.getByTestId('scenario-saved').waitFor();
    }
    await page.getByTestId('scenario-compare-1').check();
    await page.getByTestId('scenario-compare-2').check();
    await page.getByTestId('compare-table').waitFor();
    downloads.push(await download(page, 'compare-export-csv'));
    downloads.push(await download(page, 'export-projects-csv'));
    downloads.push(await download(page, 'export-json'));
  },

  async brief({ page }) {
    await page.getByTestId('brief-page').waitFor();
    await page.getByTestId('brief-headlines').waitFor();
    // Printing opens the browser's own dialog (nothing in headless Chromium); it must
    // not fetch anything either.
    await page.getByTestId('brief-print').click();
  },

  async present({ page, app }) {
    // The scenarios saved on the Scenarios screen come after the one on screen; End
    // moves to the last of them.
    await page.getByTestId('presenter').waitFor();
    await page.keyboard.press('End');
    await page.waitForFunction(() => {
      const numbers = document.querySelector('[data-testid="presenter-position"]')?.textContent.match(/\d+/g) ?? [];
      return numbers.length === 2 && numbers[0] === numbers[1] && numbers[0] !== '1';
    });
    await page.keyboard.press('b');
    await page.getByTestId('presenter-slide').nth(1).waitFor();
    await page.keyboard.press('b');
    await page.getByTestId('presenter-print').click();
    await app.screen('present').waitFor();
  },
};

test('every screen, used in both languages, requests nothing but the file, data: and blob:', LONG, async (t) => {
  const views = routeViews();
  const unused = views.filter((view) => !USE[view]);
  assert.deepEqual(unused, [], 'every view in View::ALL has a way to be used here');
  const context = await launch();
  // Closed even when an assertion fails, so a failing test cannot leave the run hanging.
  t.after(() => context.close());
  const page = await context.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  const downloads = [];
  await app.open(`${SINGLE_FILE_URL}#view=overview&lang=en`);
  const visited = [];
  for (const lang of ['en', 'zh']) {
    await app.switchLanguage(lang);
    assert.equal(await page.getAttribute('html', 'lang'), lang === 'en' ? 'en' : 'zh-Hant-HK');
    for (const view of views) {
      await app.go(view);
      await USE[view]({ page, app, lang, downloads });
      await app.screen(view).waitFor();
      visited.push(`${view}/${lang}`);
    }
  }
  assert.equal(visited.length, views.length * 2, `${views.length} screens × 2 languages`);
  assert.deepEqual(downloads.filter((name) => name.endsWith('.csv')).length, 4, 'the CSV exports were downloaded');
  assert.ok(seen.requests.includes(SINGLE_FILE_URL), 'requests are being recorded');
  assert.deepEqual(seen.requests.filter((url) => !allowedRequest(url)), [], 'no request beyond the file, data: and blob:');
  assert.deepEqual(seen.errors, [], 'no console error or uncaught exception');
  await context.close();
});

test('the single file carries a CSP that refuses fetches and remote images', LONG, async (t) => {
  const html = readFileSync(new URL(SINGLE_FILE_URL), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'the CSP meta tag is there');
  const directives = new Map(
    meta[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]),
  );
  assert.equal(directives.get('default-src'), "'none'");
  assert.equal(directives.get('connect-src'), "'none'");
  // The loader in the page and wasm-bindgen's glue it starts, each by its hash.
  assert.match(directives.get('script-src'), /^'sha256-[A-Za-z0-9+/]+=*' 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'$/);
  assert.equal(directives.get('img-src'), 'data: blob:');

  const context = await launch();


  t.after(() => context.close());
  const page = await context.newPage();
  const requests = [];
  const responses = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => responses.push(response.url()));
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=overview&lang=en`);
  // The policy the browser enforces is the one in the file.
  const live = await page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
  );
  assert.equal(live, meta[1]);
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
    });
    let fetched;
    try {
      await fetch('https://example.com/');
      fetched = 'resolved';
    } catch (error) {
      fetched = `rejected: ${error.name}`;
    }
    const image = document.createElement('img');
    const loaded = new Promise((resolve) => {
      image.onload = () => resolve('loaded');
      image.onerror = () => resolve('error');
    });
    image.src = 'http://example.com/pixel.png';
    document.body.append(image);
    const imageOutcome = await loaded;
    // Violation events are dispatched asynchronously; give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { fetched, imageOutcome, violations };
  });
  assert.equal(outcome.fetched, 'rejected: TypeError', 'fetch is refused');
  assert.equal(outcome.imageOutcome, 'error', 'the remote image is refused');
  const directivesHit = outcome.violations.map((v) => `${v.directive} ${v.blocked}`);
  assert.ok(directivesHit.some((v) => /^connect-src https:\/\/example\.com/.test(v)), directivesHit.join('; '));
  assert.ok(directivesHit.some((v) => /^img-src http:\/\/example\.com/.test(v)), directivesHit.join('; '));
  assert.deepEqual(requests.filter((url) => !allowedRequest(url) && !url.includes('example.com')), []);
  assert.deepEqual(responses.filter((url) => url.includes('example.com')), [], 'nothing came back from the network');
  await context.close();
});
