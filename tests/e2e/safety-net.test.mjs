// The panic safety net (src/panic_banner.rs) on the single file from file://: a panic,
// set off through the test-only trigger, shows a bilingual, focused alert over an inert
// app and offers a download prepared inside the panic hook; that file holds the saved
// scenarios and the unsaved one being edited, and imports in a fresh browser profile.
// Without the flag the triggers do not exist. (A trap that is not a panic, and a trap at
// start-up: tests/e2e/hostile.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, watch, AppPage, SINGLE_FILE_URL } from './support.mjs';

const LONG = { timeout: 180_000 };
const HOOKS_KEY = 'blockvote.test-hooks';
const UNSAVED = '出錯時未儲存的情景 / Unsaved at the time of the error';

const labels = async (page) => page.locator('[data-testid^="scenario-label-"]').allInnerTexts();

async function saveAs(page, name) {
  await page.getByTestId('scenario-name').fill(name);
  await page.getByTestId('scenario-save').click();
  await page.getByTestId('scenario-saved').waitFor();
}

/** Calls the test trigger; returns what the call threw (the aborted wasm's trap). */
async function panic(page) {
  return page.evaluate(() => {
    try {
      window.__blockvoteTestPanic();
      return 'returned';
    } catch (error) {
      return String(error);
    }
  });
}

test('a panic shows a focused bilingual alert and a download of saved and unsaved scenarios that imports', LONG, async (t) => {
  const context = await launch();
  // Closed even when an assertion fails, so a failing test cannot leave the run hanging.
  t.after(() => context.close());
  await context.addInitScript((key) => localStorage.setItem(key, '1'), HOOKS_KEY);
  const page = await context.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en`);

  // One scenario saved through the UI …
  await page.getByTestId('cost-change').fill('10');
  await page.waitForURL(/cost=10/);
  const dearer = await app.text('cash-2018-19-total');
  await app.go('scenarios');
  await saveAs(page, 'Ten per cent dearer');
  // … and a lever changed afterwards without saving.
  await app.go('cashflow');
  await page.getByTestId('cost-change').fill('0');
  await page.getByTestId('profile-select').selectOption('even');
  await page.waitForURL((url) => /profile=even/.test(url.hash) && !/cost=/.test(url.hash));
  const even = await app.text('cash-2018-19-total');
  assert.notEqual(even, dearer);
  assert.deepEqual(seen.errors, [], 'nothing went wrong before the panic');

  assert.equal(await page.getByTestId('fatal-error').count(), 0, 'no banner before the panic');
  assert.match(await panic(page), /RuntimeError: unreachable/, 'the release build aborts after the hook');

  const banner = page.getByTestId('fatal-error');
  await banner.waitFor();
  assert.ok(await banner.isVisible());
  assert.equal(await banner.getAttribute('role'), 'alert');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'fatal-error', 'focus is on the alert');
  const text = await banner.innerText();
  for (const phrase of [
    'blockvote hit an internal error and has stopped',
    'Your saved scenarios are safe in this browser',
    'reload the page',
    'Unsaved at the time of the error',
    'blockvote 發生內部錯誤',
    '已儲存的情景仍安全地保存在此瀏覽器中',
    '重新載入頁面',
    '出錯時未儲存的情景',
  ]) {
    assert.ok(text.includes(phrase), `the banner says “${phrase}”`);
  }
  assert.equal(await page.getByTestId('fatal-error-en').getAttribute('lang'), 'en');
  assert.equal(await page.getByTestId('fatal-error-zh').getAttribute('lang'), 'zh-Hant-HK');

  // The dead app is inert: nothing in it takes focus any more, and Tab stays in the banner.
  assert.equal(await page.locator('#app').getAttribute('inert'), '');
  const focusable = await page.evaluate(() => {
    const link = document.querySelector('[data-testid="nav-overview"]');
    link.focus();
    return document.activeElement === link;
  });
  assert.equal(focusable, false, 'a nav link of the dead app cannot be focused');
  await banner.focus();
  await page.keyboard.press('Tab');
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    'fatal-error-download',
    'Tab leads to the download link',
  );

  // The link was prepared in the hook: a blob: URL, named for the rescue.
  const link = page.getByTestId('fatal-error-download');
  assert.match(await link.getAttribute('href'), /^blob:/);
  assert.equal(await link.getAttribute('download'), 'blockvote-scenarios-rescue.json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'blockvote-scenarios-rescue.json');
  // Read now: the browser deletes its downloads when the context closes.
  const rescueText = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(rescueText);
  assert.equal(file.format, 'blockvote-scenarios');
  assert.equal(file.version, 2, 'the store format of docs/storage.md');
  assert.deepEqual(file.scenarios.map((s) => s.name), ['Ten per cent dearer', UNSAVED]);
  assert.equal(file.scenarios[0].scenario.cost_change_pct, '10');
  assert.equal(file.scenarios[1].scenario.default_profile, 'even');
  assert.equal(file.scenarios[1].scenario.cost_change_pct, '0');
  assert.equal(await page.getByTestId('fatal-error-download-raw').count(), 0, 'the stored text was readable');

  // The only errors are the panic's own report and nothing after it.
  assert.ok(seen.errors.length > 0 && seen.errors.some((e) => e.includes('deliberate test panic')), seen.errors.join('\n'));
  assert.deepEqual(
    seen.errors.filter((e) => !e.includes('deliberate test panic')),
    [],
    'no further error, the download click included',
  );
  await context.close();

  // A fresh browser profile imports the file through the app's own JSON import.
  const fresh = await launch();
  t.after(() => fresh.close());
  const freshPage = await fresh.newPage();
  const freshSeen = watch(freshPage);
  const freshApp = new AppPage(freshPage);
  await freshApp.open(`${SINGLE_FILE_URL}#view=scenarios&lang=en`);
  await freshApp.screen('scenarios').waitFor();
  assert.deepEqual(await labels(freshPage), [], 'a fresh profile has no scenarios');
  await freshPage.getByTestId('import-file').setInputFiles({
    name: 'blockvote-scenarios-rescue.json',
    mimeType: 'application/json',
    buffer: Buffer.from(rescueText),
  });
  assert.match(await freshPage.getByTestId('import-result').innerText(), /2 added/);
  assert.deepEqual(await labels(freshPage), ['Ten per cent dearer', UNSAVED]);
  await freshPage.getByTestId('scenario-open-1').click();
  await freshApp.go('cashflow');
  assert.equal(await freshApp.text('cash-2018-19-total'), dearer);
  await freshApp.go('scenarios');
  await freshPage.getByTestId('scenario-open-2').click();
  await freshApp.go('cashflow');
  assert.equal(await freshApp.text('cash-2018-19-total'), even, 'the unsaved scenario is back');
  assert.equal(await freshPage.evaluate(() => typeof window.__blockvoteTestPanic), 'undefined');
  assert.deepEqual(freshSeen.errors, []);
  await fresh.close();
});

test('in Chinese the banner leads in Chinese; unreadable storage is offered as it was', LONG, async (t) => {
  const context = await launch();
  t.after(() => context.close());
  const garbage = '\u0000garbage{{{';
  await context.addInitScript(
    ([key, text]) => {
      localStorage.setItem(key, '1');
      if (localStorage.getItem('blockvote.scenarios.v1.backup') === null) {
        localStorage.setItem('blockvote.scenarios.v1', text);
      }
    },
    [HOOKS_KEY, garbage],
  );
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=thresholds&lang=zh&ceiling=5`);
  await panic(page);
  const banner = page.getByTestId('fatal-error');
  await banner.waitFor();
  const order = await banner.locator('p[lang]').evaluateAll((ps) => ps.map((p) => p.getAttribute('lang')));
  assert.deepEqual(order.slice(0, 2), ['zh-Hant-HK', 'en'], 'the page’s language comes first');
  assert.match(await banner.innerText(), /第二個連結會按原樣下載/);
  const [raw] = await Promise.all([page.waitForEvent('download'), page.getByTestId('fatal-error-download-raw').click()]);
  assert.equal(await readFile(await raw.path(), 'utf8'), garbage, 'the stored text, byte for byte');
  const [rescue] = await Promise.all([page.waitForEvent('download'), page.getByTestId('fatal-error-download').click()]);
  const file = JSON.parse(await readFile(await rescue.path(), 'utf8'));
  assert.deepEqual(file.scenarios.map((s) => s.name), [UNSAVED]);
  assert.equal(file.scenarios[0].scenario.delegation.ceiling, '5');
  // A second panic (a timer calling into the dead instance, say) changes nothing.
  await panic(page);
  assert.equal(await page.getByTestId('fatal-error').count(), 1);
  await context.close();
});

test('without the flag the test triggers do not exist, and nothing traps at start-up', LONG, async (t) => {
  for (const flag of [null, '0', 'true']) {
    const context = await launch();
    t.after(() => context.close());
    await context.addInitScript(
      ([key, value]) => {
        if (value !== null) localStorage.setItem(key, value);
        localStorage.setItem('blockvote.test-trap-at-start', '1');
      },
      [HOOKS_KEY, flag],
    );
    const page = await context.newPage();
    const seen = watch(page);
    const app = new AppPage(page);
    await app.open(`${SINGLE_FILE_URL}#view=overview&lang=en`);
    assert.equal(await page.evaluate(() => typeof window.__blockvoteTestPanic), 'undefined', `flag ${flag}`);
    assert.equal(await page.evaluate(() => typeof window.__blockvoteTestTrap), 'undefined', `flag ${flag}`);
    assert.equal(await page.getByTestId('fatal-error').count(), 0);
    assert.deepEqual(seen.errors, []);
    await context.close();
  }
});
