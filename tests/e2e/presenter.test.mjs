// The presenter view (`view=present`) from the single file on file://: the scenario on
// screen, then each saved scenario, one per screen; arrow keys move, L switches the
// language, B shows both side by side, the slide survives a reload, Esc leaves; each
// slide's figure is the one the cash-flow screen shows for the same scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watch, AppPage, SINGLE_FILE_URL } from './support.mjs';

async function saveAs(page, name) {
  await page.getByTestId('scenario-name').fill(name);
  await page.getByTestId('scenario-save').click();
  await page.getByTestId('scenario-saved').waitFor();
}

test('present saved scenarios one per screen, in either language or both, by keys alone', async (t) => {
  const context = await launch();
  t.after(() => context.close());
  const page = await context.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en`);
  await page.getByTestId('cost-change').fill('10');
  const dearer = await app.text('cash-2018-19-total');
  await app.go('scenarios');
  await saveAs(page, 'Ten per cent dearer');
  await app.go('cashflow');
  await page.getByTestId('cost-change').fill('-20');
  const cheaper = await app.text('cash-2018-19-total');
  await app.go('scenarios');
  await saveAs(page, 'A fifth cheaper');
  await page.getByTestId('reset-scenario').click();

  await app.go('present');
  const presenter = page.getByTestId('presenter');
  await presenter.waitFor();
  assert.equal(await page.getByTestId('header').isVisible(), false, 'the presenter view has the whole screen');
  assert.equal(await app.text('presenter-position'), '1 of 3');
  assert.equal(await app.text('presenter-title'), "The paper's plan");
  assert.equal(await app.text('presenter-value-budget-year-total'), '1,060.0');
  assert.match(await page.getByTestId('presenter-card-budget-year-total').innerText(), /Paper: 1,060\s*Annex B/);

  await page.keyboard.press('ArrowRight');
  await page.getByTestId('presenter-title').filter({ hasText: 'Ten per cent dearer' }).waitFor();
  assert.equal(await app.text('presenter-position'), '2 of 3');
  assert.ok(dearer.includes(await app.text('presenter-value-budget-year-total')), `${dearer} is the cash-flow figure`);
  // The slide's bridge: the cost change accounts for the whole change from the paper.
  assert.equal(await app.text('presenter-bridge-total'), '+24.3');
  assert.equal(await page.getByTestId('presenter-bridge-step-cost_change').textContent(), '+24.3');
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('presenter-title').filter({ hasText: 'A fifth cheaper' }).waitFor();
  assert.ok(cheaper.includes(await app.text('presenter-value-budget-year-total')));
  await page.keyboard.press('ArrowRight');
  assert.equal(await app.text('presenter-position'), '3 of 3', 'the last slide stays the last');

  // The slide is part of the address: a reload comes back to it.
  await page.reload();
  await presenter.waitFor();
  assert.equal(await app.text('presenter-title'), 'A fifth cheaper');

  await page.keyboard.press('l');
  await page.getByTestId('presenter-position').filter({ hasText: '第 3 個，共 3 個' }).waitFor();
  assert.match(await page.getByTestId('presenter-card-budget-year-total').innerText(), /文件：1,060\s*附件 B/);
  await page.keyboard.press('b');
  const slides = page.getByTestId('presenter-slide');
  await slides.nth(1).waitFor();
  assert.deepEqual(await slides.evaluateAll((all) => all.map((s) => s.getAttribute('lang'))), ['zh-Hant-HK', 'en']);
  assert.deepEqual(await slides.locator('[data-testid="presenter-title"]').allInnerTexts(), ['A fifth cheaper', 'A fifth cheaper']);
  // A letter typed on a focused mark is not the deck's shortcut (WCAG 2.1.4, audit 28).
  await page.locator('.presenter .prov').first().focus();
  await page.keyboard.press('b');
  await page.waitForTimeout(200);
  assert.equal(await slides.count(), 2, 'both languages stay on');
  await page.keyboard.press('Home');
  await page.getByTestId('presenter-position').filter({ hasText: '第 1 個' }).waitFor();

  // Printing draws every slide for the print, then goes back to the one on show.
  await page.getByTestId('presenter-print').click();
  await page.waitForTimeout(500);
  assert.equal(await slides.count(), 2, 'one slide in two languages after printing');

  await page.keyboard.press('Escape');
  await app.screen('scenarios').waitFor();
  assert.equal(await page.getByTestId('header').isVisible(), true, 'leaving brings the header back');
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:')), []);
});

test('with nothing saved the presenter view shows the scenario on screen and says how to add more', async (t) => {
  const context = await launch();
  t.after(() => context.close());
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=present&lang=zh&cost=5`);
  await page.getByTestId('presenter').waitFor();
  assert.equal(await app.text('presenter-title'), '目前畫面上的情景');
  assert.equal(await app.text('presenter-position'), '第 1 個，共 1 個');
  await page.getByTestId('presenter-no-saved').waitFor();
  await page.getByTestId('presenter-leave').click();
  await app.screen('scenarios').waitFor();
  // Opened from a screen, the presenter view goes back to it, by Escape or its link
  // (audit 19: it went to Scenarios); the page's title names the screen.
  await app.go('cashflow');
  assert.match(await page.title(), /^現金流量 — blockvote/);
  await app.go('present');
  await page.keyboard.press('Escape');
  await app.screen('cashflow').waitFor();
  await app.go('present');
  await page.getByTestId('presenter-leave').click();
  await app.screen('cashflow').waitFor();
  assert.match(page.url(), /view=cashflow&lang=zh&cost=5/);
});
