// The fewest deferrals to meet a cash cap, on the Cash flow screen from the single
// file: a cap of HK$1,000M shows the fewest projects and the least budget to defer,
// each with its projects (collapsible); the fewest is no more than any rule defers;
// "Use this set" brings 2018-19 within the cap; the answers follow the language; and
// at 390 px nothing scrolls sideways. (The figures and words themselves are checked
// natively in crates/model and crates/present.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watch, AppPage, SINGLE_FILE_URL } from './support.mjs';

const number = (text) => Number(text.replace(/[^0-9.]/g, ''));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The Cash flow screen with a cap of HK$1,000M set. */
async function capped(page, lang = 'en') {
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=${lang}`);
  await app.screen('cashflow').waitFor();
  await page.getByTestId('cap-amount').fill('1000');
  await page.getByTestId('fewest-deferrals').waitFor();
  return app;
}

test('a cap of HK$1,000M: the fewest and the least budget to defer, no more than any rule', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = await capped(page);
  const fewest = page.getByTestId('fewest-deferrals');
  const least = page.getByTestId('least-budget-deferrals');

  const count = number(await fewest.getByTestId('fewest-count').innerText());
  assert.equal(count, 7);
  assert.equal(await fewest.locator('[data-testid^="deferral-"]').count(), count);
  assert.equal(await least.getByTestId('least-budget-amount').innerText(), 'HK$60.0M');
  assert.equal(await least.getByTestId('least-budget-count').innerText(), '7 projects');
  assert.equal(await least.locator('[data-testid^="deferral-"]').count(), 7);

  // The list opens from its summary and names each project.
  const row = fewest.getByTestId('deferral-22');
  assert.equal(await row.isVisible(), false, 'the list starts folded');
  await fewest.locator('summary').click();
  await row.waitFor();
  assert.match(await row.innerText(), /^22\s+Implementation of digital repository/);

  // Every rule's count is shown, and none needs fewer.
  const rules = page.getByTestId('deferral-rules').locator('[data-testid="deferral-rule-count"]');
  const counts = (await rules.allInnerTexts()).map(number);
  assert.equal(counts.length, 6);
  for (const ruleCount of counts) assert.ok(count <= ruleCount, `${count} ≤ ${ruleCount}`);
  assert.equal(await page.locator('[data-testid^="cap-deferred-"]').count(), counts[0], 'the chosen rule defers what its row says');

  // Using the least-budget set brings 2018-19 within the cap without the rule.
  await least.getByTestId('least-budget-deferrals-use').click();
  await page.getByTestId('deferral-choices-said').waitFor();
  assert.ok(number(await app.text('cash-2018-19-total')) <= 1000);
  assert.equal(await page.locator('[data-testid^="cap-deferred-"]').count(), 0, 'the cap defers nothing more');
  assert.match(await app.text('deferral-choices-said'), /nothing to defer/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('the answers follow the language', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = await capped(page);
  assert.match(await page.getByTestId('fewest-deferrals').innerText(), /Fewest projects to defer: 7/);
  await app.switchLanguage('zh');
  await page.getByText('最少須延後的項目數目').waitFor();
  assert.equal(number(await app.text('fewest-count')), 7);
  assert.match(await app.text('least-budget-deferrals'), /最少須延後的預算：60\.0 百萬元 情景，共 7 個項目 情景/);
  assert.match(await page.getByTestId('deferral-rules').innerText(), /最遲開展的先延後/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('at 390 px the answers and their lists do not scroll the page sideways', async () => {
  const context = await launch({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const seen = watch(page);
  await capped(page, 'zh');
  for (const answer of ['fewest-deferrals', 'least-budget-deferrals']) {
    await page.getByTestId(answer).locator('summary').click();
  }
  await page.getByTestId('least-budget-deferrals').getByTestId('deferral-22').waitFor();
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(widths.scroll <= widths.client, `the page scrolls sideways: ${widths.scroll} > ${widths.client}`);
  const button = await page.getByTestId('fewest-deferrals-use').boundingBox();
  assert.ok(button.height >= 44, `"Use this set" is ${button.height} px high`);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
