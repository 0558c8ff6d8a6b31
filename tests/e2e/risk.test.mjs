// The slippage & risk screen: the expected-value slippage lever, the chunked Monte Carlo
// (progress, seed stamp, determinism, staleness), invalid input, and both languages.
// Runs against support.mjs's single file ($BLOCKVOTE_DIST/blockvote.html, else dist/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, watch, AppPage, ROOT, SINGLE_FILE_URL } from './support.mjs';

const APP_URL = SINGLE_FILE_URL;
// A debug build runs the simulation far slower than a release build.
const LONG = { timeout: 180_000 };

/** `1,060.0` → 1060 */
const number = (text) => Number(text.replace(/,/g, '').trim());

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function openRisk(lang = 'en') {
  const page = await browser.newPage();
  const watcher = watch(page);
  const app = new AppPage(page);
  await app.open(`${APP_URL}#view=risk&lang=${lang}`);
  await app.screen('risk').waitFor();
  await page.getByTestId('risk-2018-19-total').filter({ hasText: /\d/ }).waitFor();
  // The sensitivity table is filled in chunks after the screen appears.
  await page.locator('[data-testid="sens-table"][aria-busy="false"]').waitFor({ timeout: 60_000 });
  // So is the tornado, after every change of a lever.
  await page.locator('[data-testid="tornado-table"][aria-busy="false"]').waitFor({ timeout: 60_000 });
  return { page, app, watcher };
}

/** Waits until the text of `testId` differs from `previous`; returns the new text. */
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

/** Runs the simulation and waits for the result stamped with `seed`. */
async function runSimulation(page, { runs, seed }) {
  await page.getByTestId('mc-runs').fill(String(runs));
  await page.getByTestId('mc-seed').fill(String(seed));
  const before = await page.getByTestId('mc-stamp').getAttribute('data-run');
  await page.getByTestId('mc-run').click();
  // Every finished run has a new number; the status says when it is done.
  await page.waitForFunction(
    (old) => {
      const stamp = document.querySelector('[data-testid="mc-stamp"]');
      const status = document.querySelector('[data-testid="mc-status"]');
      return stamp && stamp.getAttribute('data-run') !== old && status && status.dataset.state === 'finished';
    },
    before,
    LONG,
  );
  // The status says the run is done, and a screen reader hears the percentiles the
  // table shows.
  const p50 = (await page.getByTestId('mc-p50-2018-19').innerText()).trim();
  const spoken = await page.getByTestId('mc-status-spoken').textContent();
  assert.ok(spoken.includes(p50.replace(/\s*\[.*$/, '')), `${spoken} holds ${p50}`);
  assert.match(await page.getByTestId('mc-status').getAttribute('role'), /^status$/);
  return {
    p50,
    p90: (await page.getByTestId('mc-p90-2018-19').innerText()).trim(),
    table: (await page.getByTestId('mc-table').innerText()).trim(),
    stamp: (await page.getByTestId('mc-stamp').innerText()).trim(),
  };
}

test('the slippage share and delay change the 2018-19 figures as they are typed', async () => {
  const { page, watcher } = await openRisk('en');
  assert.equal((await page.getByTestId('risk-2018-19-new').innerText()).trim(), '243.0');
  assert.equal((await page.getByTestId('risk-2018-19-total').innerText()).trim(), '1,060.0');
  assert.equal(await page.getByTestId('slip-enabled').isChecked(), false);
  assert.equal(await page.getByTestId('slip-share').inputValue(), '69/210');
  // Each of para 5's figures carries its mark (whose explanation is part of the text),
  // so the sentence is read as text, across the marks.
  assert.match(await page.getByTestId('risk-para5').textContent(), /141[\s\S]*67\.1%[\s\S]*69/);

  // The tornado's figures are the model's until a lever moves, then the member's; its
  // low and high settings are blockvote's choice either way (audit 23 found them
  // unmarked). Its columns: low setting, 2018-19 at low, high setting, at high, swing.
  const tornadoMarks = () =>
    page.locator('[data-testid="tornado-table"] thead .prov-label').allTextContents();
  assert.deepEqual((await tornadoMarks()).map((mark) => mark.trim()), ['model', 'model', 'model', 'model', 'model']);
  // The data table's cells with no lever set are the model's, not the member's, and
  // the note on its bold cell cites para 5's rate.
  assert.equal((await page.locator('[data-testid="sens-table"] caption .prov-label').textContent()).trim(), 'model');
  assert.match(await page.getByTestId('data-table-marked-note').textContent(), /67\.1%\s*para 5/);

  // Para 5's defaults: the expected-value slippage moves cash out of 2018-19.
  await page.getByTestId('slip-enabled').check();
  const newAtPara5 = await changed(page, 'risk-2018-19-new', '243.0');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="tornado-table"] thead .prov-label')]
      .map((mark) => mark.textContent.trim())
      .join() === 'model,scenario,model,scenario,scenario');
  const totalAtPara5 = (await page.getByTestId('risk-2018-19-total').innerText()).trim();
  assert.ok(number(newAtPara5) < 243, `new projects with para 5 slippage: ${newAtPara5}`);
  assert.equal(number(totalAtPara5), 817 + number(newAtPara5));
  // The same figure as the sensitivity table's para 5 cell (67.1% on time, 1 quarter).
  assert.equal((await page.getByTestId('data-table-cell-2-0').innerText()).trim(), totalAtPara5);

  // Half the projects late by two quarters: lower again, and equal to that table cell.
  await page.getByTestId('slip-share').fill('0.5');
  await changed(page, 'risk-2018-19-new', newAtPara5);
  assert.match(await page.getByTestId('slip-share-percent').innerText(), /50\.0%/);
  const halfLate = (await page.getByTestId('risk-2018-19-total').innerText()).trim();
  assert.equal(halfLate, (await page.getByTestId('data-table-cell-0-0').innerText()).trim());
  await page.getByTestId('slip-delay').fill('2');
  const total = await changed(page, 'risk-2018-19-total', halfLate);
  assert.equal(total, (await page.getByTestId('data-table-cell-0-1').innerText()).trim());
  assert.ok(number(total) < number(totalAtPara5));

  // "Use para 5" puts the para 5 figures back.
  await page.getByTestId('slip-para5').click();
  await changed(page, 'risk-2018-19-total', total);
  assert.equal((await page.getByTestId('risk-2018-19-total').innerText()).trim(), totalAtPara5);
  assert.equal(await page.getByTestId('slip-share').inputValue(), '69/210');
  assert.deepEqual(watcher.errors, []);
  await page.close();
});

test('the Monte Carlo shows progress, is stamped with its seed and repeats exactly', LONG, async () => {
  const { page, app, watcher } = await openRisk('en');
  assert.equal(await page.getByTestId('mc-seed').inputValue(), '710', 'the default seed is shown');
  assert.equal(await page.getByTestId('mc-runs').inputValue(), '10000');

  const first = await runSimulation(page, { runs: 2000, seed: 12345 });
  assert.equal((await page.getByTestId('mc-progress-text').innerText()).trim(), '2,000 / 2,000');
  const progress = page.getByTestId('mc-progress');
  assert.equal(await progress.getAttribute('value'), '2000');
  assert.equal(await progress.getAttribute('max'), '2000');
  assert.match(first.stamp, /Seed 12345 · 2,000 runs/);
  // The address carries the simulation: its seed and its runs.
  await page.waitForFunction(() => /[#&]seed=12345(&|$)/.test(location.hash) && /[#&]runs=2000(&|$)/.test(location.hash));
  assert.match(first.p50, /^\d{1,3}(,\d{3})*\.\d$/, `P50 formatted like 1,060.0: ${first.p50}`);
  assert.ok(number(first.p50) <= number(first.p90));
  assert.ok(number(first.p90) <= 1060, 'lateness only moves cash out of 2018-19');
  assert.equal(await page.getByTestId('mc-stale').count(), 0);
  // The P10–P90 range is drawn on the quarterly chart.
  assert.ok((await page.locator('[data-testid="risk-quarters"] .whisker').count()) >= 4);

  // The default settings: the address says the default seed, and nothing else.
  await page.getByTestId('mc-defaults').click();
  await page.waitForFunction(() => /[#&]seed=710(&|$)/.test(location.hash) && !location.hash.includes('runs='));
  // Same seed, same settings: the same figures, and the screen says so.
  const again = await runSimulation(page, { runs: 2000, seed: 12345 });
  assert.equal(again.p50, first.p50);
  assert.equal(again.p90, first.p90);
  assert.equal(again.table, first.table);
  assert.match(await page.getByTestId('mc-determinism').innerText(), /Identical.*12345/);

  // Another seed: a result stamped with it.
  const other = await runSimulation(page, { runs: 2000, seed: 999 });
  assert.match(other.stamp, /Seed 999 · 2,000 runs/);
  assert.equal(await page.getByTestId('mc-stamp').getAttribute('data-seed'), '999');
  assert.match(await page.getByTestId('mc-determinism').innerText(), /Previous run \(seed 12345/);

  // Changing a setting after the run marks the result stale, not silently wrong.
  await page.getByTestId('mc-seed').fill('1000');
  await page.getByTestId('mc-stale').waitFor();
  assert.equal(await page.getByTestId('mc-results').getAttribute('data-stale'), 'true');
  await page.getByTestId('mc-seed').fill('999');
  await page.getByTestId('mc-stale').waitFor({ state: 'detached' });
  // The scenario's own slippage lever does not affect the simulation: not stale.
  await page.getByTestId('slip-enabled').check();
  assert.equal(await page.getByTestId('mc-stale').count(), 0);
  // Another lever does, even one set on another screen; the result survives the trip.
  await app.go('thresholds');
  await page.getByTestId('ceiling-20').click();
  await app.go('risk');
  await page.getByTestId('mc-stale').waitFor();
  assert.match(await page.getByTestId('mc-stamp').innerText(), /Seed 999 · 2,000 runs/);
  assert.equal((await page.getByTestId('mc-p50-2018-19').innerText()).trim(), other.p50);
  assert.deepEqual(watcher.errors, []);
  await page.close();
});

test('a link and a saved scenario carry every setting of the Monte Carlo, so a colleague gets the same result', LONG, async () => {
  const { page, app, watcher } = await openRisk('en');
  await page.getByTestId('mc-late').fill('50%');
  for (const [index, weight] of ['1', '0', '0', '1'].entries()) {
    await page.getByTestId(`mc-weight-${index + 1}`).fill(weight);
  }
  await page.getByTestId('mc-overrun').check();
  await page.getByTestId('mc-overrun-p').fill('0.2');
  await page.getByTestId('mc-overrun-max').fill('30');
  await page.getByTestId('mc-overrun-min').fill('5');
  const first = await runSimulation(page, { runs: 1500, seed: 42 });
  await page.waitForFunction(() => location.hash.includes('overrun=0.2:5:30'));
  const link = new URL(page.url());
  assert.deepEqual(
    ['seed', 'runs', 'late', 'weights', 'overrun'].map((key) => new URLSearchParams(link.hash.slice(1)).get(key)),
    ['42', '1500', '0.5', '1:0:0:1', '0.2:5:30'],
  );

  // A colleague opens the link: the same settings, and the same figures.
  const colleague = await browser.newPage();
  const colleagueWatcher = watch(colleague);
  const theirs = new AppPage(colleague);
  await theirs.open(link.href);
  await theirs.screen('risk').waitFor();
  const shown = async (p) =>
    Promise.all(['mc-late', 'mc-weight-1', 'mc-weight-2', 'mc-weight-3', 'mc-weight-4', 'mc-overrun-p', 'mc-overrun-min', 'mc-overrun-max', 'mc-runs', 'mc-seed']
      .map((id) => p.getByTestId(id).inputValue()));
  const settings = ['0.5', '1', '0', '0', '1', '0.2', '5', '30', '1500', '42'];
  assert.deepEqual(await shown(colleague), settings);
  assert.equal(await colleague.getByTestId('mc-overrun').isChecked(), true);
  const theirRun = await runSimulation(colleague, { runs: 1500, seed: 42 });
  assert.deepEqual([theirRun.p50, theirRun.p90, theirRun.table], [first.p50, first.p90, first.table]);
  assert.deepEqual(colleagueWatcher.errors, []);
  await colleague.close();

  // Saved with the scenario, and set up again when it is opened.
  await app.go('scenarios');
  await page.getByTestId('scenario-name').fill('Simulated');
  await page.getByTestId('scenario-save').click();
  await page.getByTestId('scenario-saved').waitFor();
  await page.getByTestId('scenario-open-0').click();
  await page.waitForFunction(() => !location.hash.includes('seed='));
  await app.go('risk');
  assert.equal(await page.getByTestId('mc-runs').inputValue(), '10000', 'the paper sets up the default simulation');
  await app.go('scenarios');
  await page.getByTestId('scenario-open-1').click();
  await page.waitForFunction(() => location.hash.includes('overrun=0.2:5:30'));
  await app.go('risk');
  assert.deepEqual(await shown(page), settings);
  assert.deepEqual(watcher.errors, []);
  await page.close();
});

test('the page stays usable while a long simulation runs, and Cancel stops it', LONG, async () => {
  const { page, watcher } = await openRisk('en');
  await page.getByTestId('mc-runs').fill('100000');
  await page.getByTestId('mc-run').click();
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-testid="mc-progress-text"]')?.textContent ?? '';
    const [done] = text.split('/').map((part) => Number(part.replace(/[^0-9]/g, '')));
    return done > 0;
  }, null, LONG);
  // Unavailable while it runs, yet still focusable (aria-disabled, not disabled), so a
  // keyboard user who pressed Run keeps their place.
  assert.equal(await page.getByTestId('mc-run').getAttribute('aria-disabled'), 'true');
  assert.equal(await page.getByTestId('mc-cancel').getAttribute('aria-disabled'), 'false');
  // Typing while it runs updates the figures at once.
  const total = (await page.getByTestId('risk-2018-19-total').innerText()).trim();
  await page.getByTestId('slip-share').fill('0.4');
  await changed(page, 'risk-2018-19-total', total);
  const running = (await page.getByTestId('mc-progress-text').innerText()).trim();
  assert.notEqual(running, '100,000 / 100,000', 'the figures updated before the run ended');
  await page.getByTestId('mc-cancel').click();
  assert.match(await page.getByTestId('mc-status').innerText(), /Cancelled at [\d,]+ \/ 100,000/);
  assert.equal(await page.getByTestId('mc-run').getAttribute('aria-disabled'), 'false');
  assert.equal(await page.getByTestId('mc-cancel').getAttribute('aria-disabled'), 'true');
  assert.deepEqual(watcher.errors, []);
  await page.close();
});

test('invalid entries are marked at the field and the last valid values stay in effect', LONG, async () => {
  const { page, app, watcher } = await openRisk('en');
  const result = await runSimulation(page, { runs: 2000, seed: 4242 });

  await page.getByTestId('mc-seed').fill('12x');
  const seedError = page.locator('#field-mc-seed-error');
  assert.match(await seedError.innerText(), /whole number/);
  assert.equal(await page.getByTestId('mc-seed').getAttribute('aria-invalid'), 'true');
  assert.equal((await page.getByTestId('mc-p50-2018-19').innerText()).trim(), result.p50);
  assert.equal(await page.getByTestId('mc-stale').count(), 0, 'an invalid seed changes nothing');
  // Run with a refused seed runs nothing (not the seed that last read): it takes the
  // member back to the field.
  const run = await page.getByTestId('mc-stamp').getAttribute('data-run');
  await page.getByTestId('mc-run').click();
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'mc-seed');
  assert.equal(await page.getByTestId('mc-status').getAttribute('data-state'), 'finished');
  assert.equal(await page.getByTestId('mc-stamp').getAttribute('data-run'), run, 'no run was started');
  assert.match(await page.getByTestId('mc-stamp').innerText(), /Seed 4242/);
  // Typing in another field leaves the invalid entry (and its message) where it is.
  await page.getByTestId('mc-runs').fill('3000');
  assert.equal(await page.getByTestId('mc-seed').inputValue(), '12x');
  assert.match(await seedError.innerText(), /whole number/);
  await page.getByTestId('mc-stale').waitFor();
  await page.getByTestId('mc-runs').fill('2000');
  await page.getByTestId('mc-stale').waitFor({ state: 'detached' });

  const total = (await page.getByTestId('risk-2018-19-total').innerText()).trim();
  await page.getByTestId('slip-share').fill('1.5');
  assert.match(await page.locator('#field-slip-share-error').innerText(), /between 0 and 1/);
  await page.getByTestId('slip-share').fill('abc');
  assert.match(await page.locator('#field-slip-share-error').innerText(), /Enter a number/);
  assert.equal((await page.getByTestId('risk-2018-19-total').innerText()).trim(), total);

  // The messages follow the language.
  await app.switchLanguage('zh');
  assert.match(await seedError.innerText(), /種子須為/);
  assert.match(await page.locator('#field-slip-share-error').innerText(), /請輸入/);
  assert.deepEqual(watcher.errors, []);
  await page.close();
});

test('every label is in Chinese after switching language', LONG, async () => {
  const { page, app, watcher } = await openRisk('en');
  await runSimulation(page, { runs: 500, seed: 7 });
  await app.switchLanguage('zh');
  const screen = app.screen('risk');
  await screen.getByRole('heading', { name: /延誤及風險/ }).waitFor();
  assert.equal((await page.getByTestId('mc-run').innerText()).trim(), '執行模擬');
  assert.match(await page.getByTestId('mc-stamp').innerText(), /種子 7 · 500 次模擬/);
  assert.match(await page.getByTestId('risk-figures').innerText(), /新項目/);
  assert.match(await page.getByTestId('sens-table').innerText(), /依期完成比率/);
  assert.match(await page.getByTestId('tornado-table').innerText(), /延誤項目比例/);
  assert.match(await page.getByTestId('slip-explain').innerText(), /\(1 − s\)/);
  const text = await screen.innerText();
  for (const english of ['Monte Carlo', 'Sensitivity', 'Run', 'Seed', 'Share late', 'quarters']) {
    assert.ok(!text.includes(english), `no English "${english}" left on the Chinese screen`);
  }
  assert.deepEqual(watcher.errors, []);
  await page.close();
});

test('the screen passes axe-core without serious violations, in both languages', LONG, async () => {
  const axeSource = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  for (const lang of ['en', 'zh']) {
    const { page } = await openRisk(lang);
    await runSimulation(page, { runs: 500, seed: 1 });
    await page.getByTestId('mc-seed').fill('2'); // a stale result, with its banner
    await page.getByTestId('mc-stale').waitFor();
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const result = await axe.run(document.querySelector('main'), { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    assert.deepEqual(violations, [], lang);
    await page.close();
  }
});

test('the simulation starts from the slippage lever, says when it differs and makes them the same', LONG, async () => {
  for (const lang of ['en', 'zh']) {
    const { page, watcher } = await openRisk(lang);
    const source = page.getByTestId('mc-late-source');
    const words = {
      en: { follows: /the share late s of the slippage lever above/, differs: /not the share late s/ },
      zh: { follows: /即上面延誤調節的延誤比例 s/, differs: /與上面延誤調節的延誤比例 s/ },
    }[lang];
    // One source of truth: the simulation's p is the lever's share, para 5's 69/210.
    assert.equal(await page.getByTestId('mc-late').inputValue(), '69/210');
    assert.match(await source.innerText(), words.follows);
    assert.equal(await source.getAttribute('data-differs'), 'false');

    // Changing the lever changes the simulation's p with it.
    await page.getByTestId('slip-share').fill('0.5');
    await page.waitForFunction(() => document.querySelector('[data-testid="mc-late"]').value === '0.5');
    assert.match(await page.getByTestId('mc-late-percent').innerText(), /50\.0%/);

    // A p of its own: the screen says it differs and offers both ways back.
    await page.getByTestId('mc-late').fill('0.4');
    await page.locator('[data-testid="mc-late-source"][data-differs="true"]').waitFor();
    assert.match(await source.innerText(), words.differs);
    assert.match(await page.getByTestId('mc-late-follow').innerText(), /50\.0%/);
    await page.getByTestId('mc-late-follow').click();
    await page.locator('[data-testid="mc-late-source"][data-differs="false"]').waitFor();
    assert.equal(await page.getByTestId('mc-late').inputValue(), '0.5');

    // …or the lever takes the simulation's p: the deterministic figures follow.
    await page.getByTestId('mc-late').fill('0.4');
    await page.locator('[data-testid="mc-late-source"][data-differs="true"]').waitFor();
    const total = (await page.getByTestId('risk-2018-19-total').innerText()).trim();
    assert.match(await page.getByTestId('mc-late-set-lever').innerText(), /40\.0%/);
    await page.getByTestId('mc-late-set-lever').click();
    await page.locator('[data-testid="mc-late-source"][data-differs="false"]').waitFor();
    assert.equal(await page.getByTestId('slip-share').inputValue(), '0.4');
    assert.equal(await page.getByTestId('slip-enabled').isChecked(), true);
    await changed(page, 'risk-2018-19-total', total);
    assert.equal(await page.getByTestId('mc-late').inputValue(), '0.4');

    // The delay distribution is stated in words, beside the lever's one delay.
    const delays = await page.getByTestId('mc-delay-words').innerText();
    if (lang === 'en') {
      assert.match(delays, /late by 1 quarter in 40\.0%, 2 quarters in 30\.0%, 3 quarters in 20\.0% and 4 quarters in 10\.0%/);
      assert.match(delays, /The slippage lever above puts every late project 1 quarter late/);
    } else {
      assert.match(delays, /1 季 佔 40\.0%/);
      assert.match(delays, /延誤調節則假設每個延誤項目都延誤 1 季/);
    }
    assert.deepEqual(watcher.errors, []);
    await page.close();
  }
});

test('the simulation says 2018-19 in words and the chance it needs less or more than the allocation', LONG, async () => {
  for (const lang of ['en', 'zh']) {
    const { page, watcher } = await openRisk(lang);
    // Overruns, so that some simulated years need more than the allocation.
    await page.getByTestId('mc-overrun').check();
    await page.getByTestId('mc-overrun-p').fill('0.9');
    await page.getByTestId('mc-overrun-min').fill('20');
    await page.getByTestId('mc-overrun-max').fill('60');
    const result = await runSimulation(page, { runs: 2000, seed: 7 });
    const inWords = await page.getByTestId('mc-in-words').innerText();
    const against = await page.getByTestId('mc-against-allocation').innerText();
    // The sentence quotes the very figures of the table.
    assert.ok(inWords.includes(result.p90), `${inWords} quotes P90 ${result.p90}`);
    assert.ok(inWords.includes(result.p50), `${inWords} quotes P50 ${result.p50}`);
    if (lang === 'en') {
      assert.match(inWords, /^In 9 of 10 simulated years 2018-19 needs no more than HK\$/);
      assert.match(against, /^Against the 2018-19 block allocation the paper proposes, about HK\$1,060M/);
      assert.match(against, /of the 2,000 simulated years/);
      assert.match(against, /part of the allocation would be left unspent/);
      assert.match(against, /it needs more than the allocation/);
    } else {
      assert.match(inWords, /^每 10 個模擬年度中，有 9 個 2018-19 年度所需不超過/);
      assert.match(against, /^與文件建議的 2018-19 年度整體撥款 約 1,060 百萬元/);
      assert.match(against, /2,000 個模擬年度中/);
      assert.match(against, /所需多於撥款/);
    }
    // The shares of the runs below and above the allocation add up to 100% (no mark's
    // explanation holds a percentage, so these are the two shares).
    const shares = [...against.matchAll(/(\d+\.\d)%/g)].map((m) => Number(m[1]));
    assert.equal(shares.length, 2, against);
    assert.equal(Math.round((shares[0] + shares[1]) * 10), 1000, against);
    assert.deepEqual(watcher.errors, []);
    await page.close();
  }
});

test('every column says whether it includes slippage, and the baseline is the model\'s', async () => {
  const { page, watcher } = await openRisk('en');
  const headers = page.locator('[data-testid="risk-figures"] thead th');
  assert.match(await headers.nth(1).innerText(), /^Model baseline \(calibrated to Annex B\)/);
  assert.match(await headers.nth(1).innerText(), /no slippage/);
  assert.match(await headers.nth(3).innerText(), /no slippage \(the lever is off\)/);
  await page.getByTestId('slip-enabled').check();
  await page.waitForFunction(() =>
    /includes slippage: 32\.9% late by 1 quarter/.test(document.querySelector('[data-testid="risk-figures"]').textContent));
  // The paper's own 2018-19 figures are cited where the paper is meant.
  assert.match(await page.getByTestId('slip-annex-b').textContent(), /HK\$243M[\s\S]*Annex B[\s\S]*HK\$817M[\s\S]*HK\$1,060M/);
  await runSimulation(page, { runs: 300, seed: 3 });
  const table = page.getByTestId('mc-table');
  assert.match(await table.locator('thead').innerText(), /with the slippage lever: 32\.9% late by 1 quarter/);
  assert.match(await table.locator('thead').innerText(), /simulated lateness: each project late with probability 32\.9%/);
  assert.deepEqual(watcher.errors, []);
  await page.close();
});

test('the terms are explained at hand, by keyboard and by touch, in both languages', async () => {
  for (const lang of ['en', 'zh']) {
    const context = await launch();
    const page = await context.newPage();
    const watcher = watch(page);
    const app = new AppPage(page);
    await app.open(`${APP_URL}#view=risk&lang=${lang}`);
    await app.screen('risk').waitFor();
    // The glossary opens from the keyboard.
    const glossary = page.getByTestId('risk-glossary');
    await glossary.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await glossary.getAttribute('open'), '');
    const seed = glossary.locator('dd').nth(3);
    assert.ok(await seed.isVisible());
    assert.match(await seed.innerText(), lang === 'en' ? /same seed with the same settings/ : /相同的種子及設定/);
    // A term under a panel's heading shows its explanation on focus (a tap focuses it).
    const term = page.getByTestId('term-percentiles');
    await term.focus();
    const tip = term.locator('.term-tip');
    const box = await tip.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 10, `the explanation shows: ${JSON.stringify(box)}`);
    assert.match(await tip.innerText(), lang === 'en' ? /9 in 10 simulated years/ : /每 10 個模擬年度有 9 個/);
    assert.deepEqual(watcher.errors, []);
    await context.close();
  }
});
