// The data table on the Risk screen: any two levers and any figure, each cell the figure
// the cash-flow screen shows with those two levers set by hand; the CSV is the cells
// shown; hostile steps are refused at the field; both languages; a phone's width.
// Runs against support.mjs's single file ($BLOCKVOTE_DIST/blockvote.html, else dist/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, watch, AppPage, ROOT, SINGLE_FILE_URL } from './support.mjs';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const LONG = { timeout: 180_000 };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function openRisk(lang = 'en', viewport, link = '') {
  const page = await browser.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const watcher = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=risk&lang=${lang}${link}`);
  await app.screen('risk').waitFor();
  await tableDone(page);
  return { page, app, watcher };
}

/** Waits until the data table has every cell. */
async function tableDone(page) {
  await page.locator('[data-testid="data-table"] table[aria-busy="false"]').waitFor({ timeout: 60_000 });
}

/** Sets a side of the table: its lever, then from, to and step. */
async function setSide(page, side, { lever, from, to, step }) {
  await page.getByTestId(`data-table-${side}-lever`).selectOption(lever);
  await page.getByTestId(`data-table-${side}-from`).fill(from);
  await page.getByTestId(`data-table-${side}-to`).fill(to);
  await page.getByTestId(`data-table-${side}-step`).fill(step);
}

/** The table's cells as shown: rows of texts. */
async function cellsShown(page) {
  return page.locator('[data-testid="data-table"] tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.innerText.trim())),
  );
}

async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('a table of two chosen levers reads what the cash-flow screen shows for them', LONG, async () => {
  const { page, app, watcher } = await openRisk('en');
  // Today's table is the default preset: para 5's rates × 1 to 4 quarters.
  assert.equal(await page.getByTestId('data-table-preset').inputValue(), 'para5');
  assert.equal(await page.locator('[data-testid="data-table"] tbody tr').count(), 6);
  assert.match(await page.locator('[data-testid="data-table"] td.para5-cell').innerText(), /\d/);

  await setSide(page, 'rows', { lever: 'cost_change_pct', from: '-10', to: '10', step: '10' });
  await setSide(page, 'columns', { lever: 'ongoing_amount', from: '717', to: '917', step: '100' });
  await page.getByTestId('data-table-metric').selectOption('budget_year_total');
  assert.equal(await page.getByTestId('data-table-preset').inputValue(), 'custom');
  await tableDone(page);
  assert.equal(await page.locator('[data-testid="data-table"] tbody tr').count(), 3);
  const heads = await page.locator('[data-testid="data-table"] thead th').allInnerTexts();
  assert.deepEqual(heads.slice(1).map((t) => t.trim()), ['HK$717.0M', 'HK$817.0M', 'HK$917.0M']);
  // The scenario's own settings (no cost change, Annex B's 817) are outlined.
  const marked = page.locator('[data-testid="data-table"] td[aria-current="true"]');
  assert.equal(await marked.getAttribute('data-testid'), 'data-table-cell-1-1');
  assert.equal((await marked.innerText()).trim(), '1,060.0');
  const cell = (await page.getByTestId('data-table-cell-2-0').innerText()).trim();

  // The same two levers set by hand on the cash-flow screen give the same figure.
  await app.go('cashflow');
  await page.getByTestId('cost-change').fill('10');
  await page.getByTestId('ongoing-amount').fill('717');
  await page.waitForFunction((expected) => {
    const el = document.querySelector('[data-testid="cash-2018-19-total"]');
    return el && el.textContent.includes(expected);
  }, cell);
  assert.match(await app.text('cash-2018-19-total'), new RegExp(cell.replace(/[.,]/g, '\\$&')));

  // Back on the Risk screen the table is as chosen, and that cell is now outlined.
  await app.go('risk');
  await tableDone(page);
  assert.equal(await page.getByTestId('data-table-preset').inputValue(), 'custom');
  await page.locator('[data-testid="data-table-cell-2-0"][aria-current="true"]').waitFor();
  assert.equal((await page.getByTestId('data-table-cell-2-0').innerText()).trim(), cell);
  assert.deepEqual(watcher.errors, []);
  await page.close();
});

test('the CSV download is the table as shown, levers and figure named', LONG, async () => {
  const { page, watcher } = await openRisk('en');
  await page.getByTestId('data-table-preset').selectOption('cost_by_cap');
  await tableDone(page);
  const shown = await cellsShown(page);
  const file = await downloaded(page, () => page.getByTestId('data-table-export').click());
  assert.equal(file.name, 'blockvote-data-table.csv');
  const lines = file.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.match(lines[1], /^Figure,Cash beyond 2018-19/);
  assert.equal(lines[2], 'Rows,"Cost change, all new projects"');
  assert.equal(lines[3], 'Columns,2018-19 cash cap');
  // Signed headings such as -10.0% are numbers to a spreadsheet, written unguarded as
  // every export writes its signed figures.
  assert.match(lines[5], /^-\d+(\.\d+)?%,/);
  assert.doesNotMatch(file.text, /'[-+]\d/);
  const body = lines.slice(5).map((line) => line.split(',').slice(1));
  assert.deepEqual(body, shown.map((row) => row.map((text) => text.replace(/,/g, ''))));
  assert.deepEqual(watcher.errors, []);
  await page.close();
});

test('a hostile step is refused at its field and the page carries on', LONG, async () => {
  const { page, app, watcher } = await openRisk('en');
  const before = await cellsShown(page);
  const step = page.getByTestId('data-table-rows-step');
  const error = page.locator('#field-data-table-rows-step-error');
  for (const [typed, message] of [
    ['0', /at least/],
    ['-1', /at least/],
    ['1e9', /not in scientific notation/],
    ['1000000000', /at most 1/],
    ['ten', /Enter a number/],
  ]) {
    await step.fill(typed);
    assert.equal(await step.getAttribute('aria-invalid'), 'true', typed);
    assert.match(await error.innerText(), message, typed);
  }
  // A step the field takes but that gives too many values is refused under the rows,
  // with the most allowed.
  await step.fill('0.001');
  assert.match(await page.getByTestId('data-table-rows-error').innerText(), /at most 25/);
  // The step and the range it is about are marked, and point to those words; the
  // columns' fields are not.
  for (const part of ['from', 'to', 'step']) {
    const field = page.getByTestId(`data-table-rows-${part}`);
    assert.equal(await field.getAttribute('aria-invalid'), 'true', part);
    assert.equal(await field.getAttribute('aria-describedby'), 'data-table-rows-error', part);
  }
  assert.equal(await page.getByTestId('data-table-columns-step').getAttribute('aria-invalid'), 'false');
  // The last table the form made stays, also when the member leaves the screen with
  // the form refused and comes back to it.
  assert.deepEqual(await cellsShown(page), before);
  await app.go('cashflow');
  await app.go('risk');
  await tableDone(page);
  assert.match(await page.getByTestId('data-table-rows-error').innerText(), /at most 25/);
  assert.equal(await step.inputValue(), '0.001');
  assert.deepEqual(await cellsShown(page), before);
  // The same lever twice, and the on-time rate with the share late, are refused.
  await page.getByTestId('data-table-columns-lever').selectOption('on_time_rate');
  assert.match(await page.getByTestId('data-table-pair-error').innerText(), /two different levers/);
  await page.getByTestId('data-table-columns-lever').selectOption('slip_share');
  assert.match(await page.getByTestId('data-table-pair-error').innerText(), /one lever/);
  assert.deepEqual(watcher.errors, []);
  await page.close();
});

test('the table and its refusals are in Chinese', LONG, async () => {
  const { page, app, watcher } = await openRisk('zh');
  const panel = page.getByTestId('data-table');
  assert.match(await panel.innerText(), /依期完成比率/);
  assert.match(await panel.innerText(), /1 季/);
  await page.getByTestId('data-table-rows-step').fill('0');
  assert.match(await page.locator('#field-data-table-rows-step-error').innerText(), /步長須至少為/);
  await page.getByTestId('data-table-columns-lever').selectOption('on_time_rate');
  assert.match(await page.getByTestId('data-table-pair-error').innerText(), /請選擇兩項不同的調節/);
  const text = await panel.innerText();
  for (const english of ['Rows', 'Columns', 'Step', 'Preset', 'quarter', 'Download']) {
    assert.ok(!text.includes(english), `no English "${english}" left in the Chinese table`);
  }
  await app.switchLanguage('en');
  assert.match(await panel.innerText(), /Quarters late/);
  assert.deepEqual(watcher.errors, []);
  await page.close();
});

test('on a 390 px phone a wide table scrolls in its own region, not the page', LONG, async () => {
  const { page, watcher } = await openRisk('en', { width: 390, height: 844 });
  await setSide(page, 'columns', { lever: 'cost_change_pct', from: '-20', to: '20', step: '5' });
  await tableDone(page);
  assert.equal(await page.locator('[data-testid="data-table"] thead th').count(), 10);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  const scroller = page.locator('[data-testid="data-table"] .table-scroll-x');
  const wide = await scroller.evaluate((el) => el.scrollWidth > el.clientWidth);
  assert.ok(wide, 'the table is wider than the phone and scrolls in its region');
  assert.deepEqual(watcher.errors, []);
  await page.close();
});

test('axe finds nothing serious with a refused step, a refused pair and an outlined cell', LONG, async () => {
  // A link sets the scenario's retention share and cost change to a cell's values.
  const { page, watcher } = await openRisk('en', undefined, '&retention=0.7&cost=10');
  await page.getByTestId('data-table-preset').selectOption('retention_by_cost');
  await tableDone(page);
  await page.locator('[data-testid="data-table"] td[aria-current="true"]').waitFor();
  await page.getByTestId('data-table-rows-step').fill('0');
  await page.getByTestId('data-table-columns-lever').selectOption('retention');
  await page.getByTestId('data-table-pair-error').waitFor();
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(violations, []);
  assert.deepEqual(watcher.errors, []);
  await page.close();
});
