// "Where the change comes from" on the Cash flow screen, from the single file on
// file://: move the cost change and slippage, read every bar of the bridge, and check
// that the bars add up to the whole change shown and that the whole change is the
// scenario's 2018-19 total (the headline card) less the paper's HK$1,060M; the same
// in Chinese; and at a phone's width the bridge does not make the page scroll
// sideways. (The amounts themselves — exact Shapley shares, rounding that adds up —
// are checked natively in crates/model and crates/present.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, recordWrites, watch, AppPage, SINGLE_FILE_URL } from './support.mjs';

const GROUPS = ['calibration', 'spend_profile', 'cost_change', 'slippage', 'group_edits', 'project_edits', 'cap', 'ongoing'];

/** `+24.3` / `-32.0` / `1,084.3` → tenths of a million, as an integer (no float sums). */
const tenths = (text) => Math.round(Number(text.replace(/[^0-9.+-]/g, '')) * 10);

/** The fields of one RFC 4180 line (quoted fields may hold commas and doubled quotes). */
function csvFields(line) {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] ?? m[2]).replace(/""/g, '"'));
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Every bar's amount and the whole change, in tenths of HK$M. */
async function readBridge(page) {
  const steps = {};
  for (const group of GROUPS) {
    steps[group] = tenths(await page.getByTestId(`bridge-step-${group}`).textContent());
  }
  const total = tenths(await page.getByTestId('bridge-total').innerText());
  return { steps, total };
}

async function checkAddsUp(page, app) {
  const { steps, total } = await readBridge(page);
  const sum = Object.values(steps).reduce((a, b) => a + b, 0);
  assert.equal(sum, total, `the bars add up to the whole change: ${JSON.stringify(steps)}`);
  const scenario = tenths(await app.text('cash-2018-19-total'));
  const paper = tenths(await app.text('cash-2018-19-total-printed'));
  assert.equal(paper, 10600, 'the paper prints HK$1,060M');
  assert.equal(total, scenario - paper, 'the whole change is the scenario less the paper');
  return steps;
}

async function moveCostAndSlippage(page, app) {
  await page.getByTestId('cost-change').fill('10');
  await page.getByTestId('bridge-step-cost_change').filter({ hasText: '+24.3' }).waitFor();
  await app.go('risk');
  await page.getByTestId('slip-enabled').check();
  await app.go('cashflow');
  await page.getByTestId('bridge').waitFor();
}

for (const lang of ['en', 'zh']) {
  test(`cost change and slippage: the bridge adds up to the change shown (${lang})`, async () => {
    const page = await browser.newPage();
    const seen = watch(page);
    const app = new AppPage(page);
    await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=${lang}`);
    await page.getByTestId('bridge').waitFor();
    // The paper's levers: nothing but the calibration's HK$1, which shows as 0.0.
    const baseline = await checkAddsUp(page, app);
    assert.deepEqual(Object.values(baseline), GROUPS.map(() => 0));
    await moveCostAndSlippage(page, app);
    const steps = await checkAddsUp(page, app);
    assert.ok(steps.cost_change > 0, 'a dearer programme needs more cash');
    assert.ok(steps.slippage < 0, 'late projects need less cash in 2018-19');
    for (const group of ['spend_profile', 'group_edits', 'project_edits', 'cap', 'ongoing']) {
      assert.equal(steps[group], 0, `${group} was not moved`);
    }
    // The chart is an image with a name and a description, and the table says the same.
    const svg = page.getByTestId('bridge').locator('svg[role="img"]');
    // Named by its aria-label: Chromium reads an aria-labelledby to the SVG's own
    // <title> as no name (audit 28).
    assert.equal(await svg.getAttribute('aria-label'), await svg.locator(':scope > title').textContent());
    assert.ok((await svg.getAttribute('aria-label')).length > 0);
    assert.equal(await page.getByTestId('bridge').locator('table tbody tr').count(), GROUPS.length + 2);
    // Its CSV holds the table as shown: every row's step, change and running total.
    await page.getByTestId('bridge').locator('details.bridge-table > summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bridge-export').click()]);
    assert.equal(download.suggestedFilename(), 'blockvote-bridge.csv');
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    // A cell's figure is the number it starts with (its mark and the mark's
    // explanation follow it).
    const shown = await page.getByTestId('bridge').locator('table tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell, i) =>
        (i === 0 ? cell.textContent : cell.textContent.match(/^[+-]?[\d,]+(\.\d+)?/)?.[0] ?? '').trim())));
    assert.equal(csv.length, shown.length + 1, 'a heading and one line per row');
    shown.forEach(([step, change, running], index) => {
      const [csvStep, csvChange, , csvRunning] = csvFields(csv[index + 1]);
      assert.equal(csvStep, step);
      assert.equal(tenths(csvRunning), tenths(running), `${step}: running total`);
      if (change) assert.equal(tenths(csvChange), tenths(change), `${step}: change`);
    });
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
}

test('at 390 px the bridge fits the page', async () => {
  const context = await launch({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const app = new AppPage(page);
  for (const lang of ['zh', 'en']) {
    await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=${lang}&cost=10`);
    const bridge = page.getByTestId('bridge');
    await bridge.waitFor();
    await bridge.scrollIntoViewIfNeeded();
    const sizes = await page.evaluate(() => {
      const root = document.documentElement;
      const box = document.querySelector('[data-testid="bridge"]').getBoundingClientRect();
      return { scroll: root.scrollWidth, client: root.clientWidth, right: box.right };
    });
    assert.ok(sizes.scroll <= sizes.client, `no sideways scrolling in ${lang}: ${JSON.stringify(sizes)}`);
    assert.ok(sizes.right <= sizes.client + 1, `the bridge lies inside the screen in ${lang}`);
  }
  await context.close();
});

test('the Scenarios comparison shows the bridge of the scenario chosen', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en`);
  const saveAs = async (name) => {
    await app.go('scenarios');
    await page.getByTestId('scenario-name').fill(name);
    await page.getByTestId('scenario-save').click();
    await page.getByTestId('scenario-saved').waitFor();
  };
  await page.getByTestId('cost-change').fill('10');
  await saveAs('Dearer');
  await app.go('cashflow');
  await page.getByTestId('cost-change').fill('-20');
  await saveAs('Cheaper');
  await page.getByTestId('scenario-compare-1').check();
  await page.getByTestId('scenario-compare-2').check();
  const panel = page.getByTestId('compare-bridge-panel');
  await panel.getByTestId('bridge').waitFor();
  const first = tenths(await panel.getByTestId('bridge-step-cost_change').textContent());
  await page.getByTestId('compare-bridge-choice').selectOption('1');
  await panel.getByTestId('bridge-step-cost_change').filter({ hasNotText: String(first / 10) }).waitFor();
  const second = tenths(await panel.getByTestId('bridge-step-cost_change').textContent());
  assert.deepEqual(new Set([first, second]), new Set([243, -486]), 'each saved scenario has its own bridge');
  assert.equal(tenths(await panel.getByTestId('bridge-total').innerText()), second);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a new bridge rewrites only what changed: no node re-made, no attribute set to the value it had', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en`);
  await page.getByTestId('bridge-step-cost_change').waitFor();
  // Each change is watched from the keystroke until the bridge has settled on it
  // (it waits for the member to pause before working out the shares).
  for (const [value, shown] of [['10', '+24.3'], ['5', '+12.2'], ['10', '+24.3']]) {
    const written = await recordWrites(page, '[data-testid="bridge"]');
    await page.getByTestId('cost-change').fill(value);
    await page.getByTestId('bridge-step-cost_change').filter({ hasText: shown }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="bridge"]').getAttribute('aria-busy') === 'false');
    const { rewritten, made } = await written();
    assert.deepEqual(rewritten, [], `attributes written with the value they had (${value} %)`);
    // A grid line comes or goes when the axis gains or loses a tick; bars, figures and
    // rows stay, and so do their text nodes.
    const madeAnew = made.filter((node) => !node.className.split(' ').includes('grid'));
    assert.deepEqual(madeAnew, [], `nodes made anew (${value} %)`);
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});
