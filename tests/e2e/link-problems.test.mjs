// Every bad value of a link is named in the link-problems notice, in the language shown,
// on the single file from file://. Each of these links once opened without a word:
// - an edit of a project, department or category the data does not have (`p=999:x`,
//   `g=dept.99:x`, `cat=99:5;0:1`) was ignored, and stayed in the address;
// - the projects filters `dept=999&min=abc&theme=x&start=zzz` were ignored;
// - `view=bogus&lang=xx` fell back to the overview;
// - `changed=2`, a table's `sort=bogus` or `dir=sideways`, and the presenter's
//   `slide=abc`, `slide=0` or `slide=99999` were ignored;
// - the marker of a scenario read from a file that a link cannot say (a cost change of
//   5000%, which the engine refuses) said it had been "too large for a link";
// - a key the app does not know (`cots=10`, a slip for `cost`) and a key given twice
//   (`cost=10&cost=20`) were dropped without a word;
// - the notice of one link stayed up after another link with the same scenario was
//   opened, naming pairs the page no longer had.
// The words are blockvote_present::links::problem_text's (tested natively); this test
// checks the shell shows them: at start-up, after a hand-edited address, and that a
// change of screen says nothing again. Run against an older build with
// BLOCKVOTE_DIST=<dir> to see it fail there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watch, AppPage, SINGLE_FILE_URL } from './support.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** The lines of the link-problems notice: those shown and those behind its disclosure. */
async function problemLines(page) {
  await page.getByTestId('link-problems').waitFor();
  return page.getByTestId('link-problems').locator('li').allTextContents();
}

test('a link naming a project, department or category the data does not have says so', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=projects&lang=en&p=999:x&g=dept.99:x&cat=99:5;0:1`);
  assert.deepEqual(await problemLines(page), [
    '“p=999:x” names project No. 999, which the data shown does not have; its edit was ignored.',
    '“g=dept.99:x” names department 99, which the data shown does not have; it was ignored.',
    '“99:5” in “cat=99:5;0:1” names category 99, which the data shown does not have; its edit was ignored.',
    '“0:1” in “cat=99:5;0:1” names category 0, which the data shown does not have; its edit was ignored.',
  ]);
  // The first three lines are shown; the fourth is one click away, the button saying how
  // many more there are, so a link with thousands of problems does not fill the screen.
  const notice = page.getByTestId('link-problems');
  const visible = async () => (await notice.locator('li').allInnerTexts()).filter((text) => text !== '').length;
  assert.equal(await visible(), 3);
  assert.equal(await notice.locator('summary').innerText(), 'Show the other 1');
  await notice.locator('summary').click();
  assert.equal(await visible(), 4);
  await app.switchLanguage('zh');
  assert.equal((await problemLines(page))[0], '「p=999:x」所指的項目編號 999 不在現時顯示的資料中，該修改已略過。');
  assert.equal(await notice.locator('summary').innerText(), '顯示其餘 1 項');
  // Dismissed, the notice takes its button with it: keyboard focus goes to the main
  // content (every notice's Dismiss button does this), not back to the top of the page.
  await page.getByTestId('link-problems').getByRole('button', { name: '關閉' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'main', null, { timeout: 5000 });
  // A change of screen reads the app's own address back: nothing is said again.
  await app.go('cashflow');
  assert.equal(await page.getByTestId('link-problems').count(), 0);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a link whose project move the dates cut short says so on every screen, by project, until the move fits', async () => {
  // Audit 24: `p=17:d-3` (project 17 starts in 2018-19 Q1) was applied, moved the project
  // 0 quarters and said nothing to whoever opened the link; only its lever panel, which
  // a link does not open, said so.
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en&p=17:d-3`);
  const notice = page.getByTestId('moves-cut-short');
  await notice.waitFor();
  assert.match(await notice.locator('p').innerText(), /^Some projects of this scenario move less than asked/);
  assert.deepEqual(await notice.locator('li').allTextContents(), [
    'Project 17 (Upgrade of email system, office automation software and IT infrastructure): A project starts in 2018-19 Q1 at the earliest: this one moves forward 0 quarters, not 3 quarters.',
  ]);
  // Nothing was skipped: the link's problems notice has nothing to say.
  assert.equal(await page.getByTestId('link-problems').count(), 0);
  await app.go('overview');
  await notice.waitFor();
  await app.switchLanguage('zh');
  await page.waitForFunction(() => document.querySelector('[data-testid="moves-cut-short"] li')?.textContent.includes('此項目只提前 0 季，而非 3 季'));
  // A move that fits takes the notice away.
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en&p=17:d2`);
  await page.getByTestId('screen-cashflow').waitFor();
  await notice.waitFor({ state: 'detached' });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("a scaling target the link's locked categories put out of reach is named, and the categories are shown unscaled", async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  // Category 1 locked at HK$300M and the rest scaled to a HK$100M total cannot be done.
  await app.open(`${SINGLE_FILE_URL}#view=allocation&lang=en&target=100&cat=1:300,L`);
  assert.deepEqual(await problemLines(page), [
    "“target=100” is below the locked categories' HK$300.0M, so the categories cannot be scaled to it; they are shown unscaled.",
  ]);
  // Annex A's 1,060.0 with category 1 moved to 300: unscaled.
  assert.equal(await app.text('allocation-total'), '1,122.0');
  await app.switchLanguage('zh');
  assert.deepEqual(await problemLines(page), [
    '「target=100」低於已鎖定類別的總和（300.0 百萬元），無法按比例調整；各類別按未調整的金額顯示。',
  ]);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a screen, a language or a projects filter the app cannot use is named', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=bogus&lang=xx&dept=999&min=abc&theme=x&start=zzz&foo=1`);
  const lines = await problemLines(page);
  assert.ok(lines.includes('“view=bogus” is not a screen of blockvote; the overview is shown.') ||
    lines.includes('「view=bogus」不是 blockvote 的畫面，現顯示概覽。'), lines.join('\n'));
  assert.equal(lines.length, 7, lines.join('\n'));
  await app.switchLanguage('en');
  assert.deepEqual(await problemLines(page), [
    '“view=bogus” is not a screen of blockvote; the overview is shown.',
    '“lang=xx” is not a language of blockvote (zh or en); the language was not changed.',
    '“dept=999” names department 999, which the data shown does not have; it was ignored.',
    '“min=abc” is not a number.',
    '“theme=x” is not a name blockvote knows.',
    '“start=zzz” is not a quarter such as 2018-19 Q2; the filter was not applied.',
    '“foo=1”: foo is not a key blockvote knows; it was ignored.',
  ]);
  // The address keeps no pair the notice refused: not the key no reader knows, nor a
  // department the data does not have (audit 19), nor a refused bound, theme or start
  // (audit 22): a link copied from it does not carry the slip on.
  const written = '#view=overview&lang=en';
  await page.waitForFunction((written) => window.location.hash === written, written).catch(() => {});
  assert.equal(await page.evaluate(() => window.location.hash), written);
  // A list of project numbers with an item that is not one: the numbers apply, the item is named.
  await page.getByTestId('link-problems').getByRole('button').click();
  await page.evaluate(() => {
    window.location.hash = '#view=projects&lang=en&ids=14,x,15';
  });
  assert.deepEqual(await problemLines(page), ['“ids=14,x,15” holds 1 item that is not a project number; it was ignored.']);
  assert.equal(await page.locator('tr[data-testid^="project-row-"]').count(), 2);
  await page.waitForFunction(() => window.location.hash === '#view=projects&lang=en&ids=14,15');
  // A list that names no project of the data is not applied, and says so; the address
  // drops it (audit 19: ids=0 showed no project, ids=abc all 254, neither saying so).
  await page.getByTestId('link-problems').getByRole('button').click();
  await page.evaluate(() => {
    window.location.hash = '#view=projects&lang=en&ids=0';
  });
  assert.deepEqual(await problemLines(page), [
    '“ids=0” names no project of the data shown; the filter was not applied, and every project is shown.',
  ]);
  await page.waitForFunction(() => document.querySelectorAll('tr[data-testid^="project-row-"]').length === 254);
  await page.waitForFunction(() => window.location.hash === '#view=projects&lang=en');
  // The same scenario with an address changed by hand: a bad screen is still named.
  await page.getByTestId('link-problems').getByRole('button').click();
  await page.evaluate(() => {
    window.location.hash = '#view=nowhere&lang=en';
  });
  assert.deepEqual(await problemLines(page), ['“view=nowhere” is not a screen of blockvote; the overview is shown.']);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('the changed filter, a table\'s sort or a slide the app cannot use is named', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=projects&lang=en&changed=2&sort=bogus&dir=sideways`);
  assert.deepEqual(await problemLines(page), [
    '“changed=2” is not 1, the one value it takes; it was ignored.',
    '“sort=bogus” is not one of the values it takes (id, dept, name, theme, budget, start, done, dur); it was ignored.',
    '“dir=sideways” is not one of the values it takes (asc, desc); it was ignored.',
  ]);
  // Ignored: every project is listed, by number, as with none of these pairs.
  await page.locator('tr[data-testid^="project-row-"]').first().waitFor();
  assert.equal(await page.locator('tr[data-testid^="project-row-"]').count(), 254);
  assert.equal(await page.locator('tr[data-testid^="project-row-"]').first().getAttribute('data-testid'), 'project-row-1');
  // A change of screen carries the pairs the app had: nothing is said again.
  await page.getByTestId('link-problems').getByRole('button').click();
  await app.go('departments');
  assert.equal(await page.getByTestId('link-problems').count(), 0);
  // The departments' sort and the presenter's slide, changed by hand, are named.
  await page.evaluate(() => {
    window.location.hash = '#view=departments&lang=en&dsort=size&slide=abc&slide=0&slide=99999';
  });
  assert.deepEqual(await problemLines(page), [
    '“dsort=size” is not one of the values it takes (order, name, projects, budget, share); it was ignored.',
    '“slide=abc” is not a slide number (a whole number from 1); it was ignored, and the presenter view shows the first slide.',
    '“slide=0” is not a slide number (a whole number from 1); it was ignored, and the presenter view shows the first slide.',
    '“slide=99999” is beyond 2,001, the most slides there can be; the presenter view shows the last slide.',
    '“slide” is given 3 times; only the last, slide=99999, was read, and the others were ignored.',
  ]);
  // The address keeps the slide shown (the last) and not the refused sort (audit 24).
  await page.waitForFunction(() => window.location.hash === '#view=departments&lang=en&slide=99999');
  await app.switchLanguage('zh');
  assert.equal((await problemLines(page))[0], '「dsort=size」不是可用的值（只可以是 order、name、projects、budget、share），已略過。');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a scenario read from a file that a link cannot say is not said to be too large', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=scenarios&lang=en`);
  // A cost change the engine refuses: imported as written, for the member to change,
  // and small, so the address must not call it too large.
  const file = {
    format: 'blockvote-scenarios',
    version: 1,
    scenarios: [{ id: 's1', name: 'Costly', scenario: { cost_change_pct: '5000' } }],
  };
  await page.getByTestId('import-file').setInputFiles({
    name: 'costly.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.getByTestId('scenario-open-1').click();
  await page.waitForFunction(() => /[#&]scenario=not-expressible(&|$)/.test(location.hash));
  const hash = await page.evaluate(() => location.hash);
  assert.doesNotMatch(hash, /too-large/);
  // The badge beside "Copy link" says the same reason.
  assert.equal(await app.text('share-not-carried'), 'Cannot go in a link');

  // Opened on another machine, the address says truthfully why it carries no scenario.
  const other = await browser.newPage();
  const otherSeen = watch(other);
  await new AppPage(other).open(`${SINGLE_FILE_URL}${hash}`);
  assert.deepEqual(await problemLines(other), [
    '“scenario=not-expressible” marks a scenario holding a value a link cannot carry (one read from a file), so the link does not carry it and the paper is shown; ask the sender for the scenario as a file (JSON).',
  ]);
  // A link copied while a scenario was too large still reads as it always did.
  await other.getByTestId('link-problems').getByRole('button').click();
  await other.evaluate(() => {
    window.location.hash = '#view=overview&lang=en&scenario=too-large';
  });
  assert.deepEqual(await problemLines(other), [
    '“scenario=too-large” means the scenario was too large for a link when it was copied, so the link does not carry it and the paper is shown; ask the sender for the scenario as a file (JSON).',
  ]);
  assert.deepEqual(otherSeen.errors, []);
  assert.deepEqual(seen.errors, []);
  await other.close();
  await page.close();
});

test('a key the app does not know, or given twice, is named', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en&cots=10&delya=2&foo=1`);
  assert.deepEqual(await problemLines(page), [
    '“cots=10”: cots is not a key blockvote knows; it was ignored. Did you mean cost?',
    '“delya=2”: delya is not a key blockvote knows; it was ignored. Did you mean delay?',
    '“foo=1”: foo is not a key blockvote knows; it was ignored.',
  ]);
  await app.switchLanguage('zh');
  assert.equal((await problemLines(page))[0], '「cots=10」：cots 不是 blockvote 認識的參數，已略過。是否想輸入 cost？');
  // A lever given twice: the value read is named, and it is the one that applies.
  await page.evaluate(() => {
    window.location.hash = '#view=cashflow&lang=en&cost=10&cost=20';
  });
  assert.deepEqual(await problemLines(page), [
    '“cost” is given 2 times; only the last, cost=20, was read, and the others were ignored.',
  ]);
  await page.waitForFunction(() => /[#&]cost=20(&|$)/.test(location.hash));
  assert.doesNotMatch(await page.evaluate(() => location.hash), /cost=10/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a new link replaces the notice of the one before, even with the same scenario', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=zh&cost=abc`);
  assert.deepEqual(await problemLines(page), ['「cost=abc」不是數字。']);
  // The app's own navigation keeps what the notice said.
  await app.go('risk');
  assert.deepEqual(await problemLines(page), ['「cost=abc」不是數字。']);
  // A new link with no problem of its own clears it: its scenario (the paper's) is
  // the one on screen, so it is not opened again.
  await page.evaluate(() => {
    window.location.hash = '#view=projects&lang=zh&dept=1';
  });
  await app.screen('projects').waitFor();
  await page.getByTestId('link-problems').waitFor({ state: 'detached' });
  // Another one names its own problems only.
  await page.evaluate(() => {
    window.location.hash = '#view=cashflow&lang=zh&cost=abc';
  });
  assert.deepEqual(await problemLines(page), ['「cost=abc」不是數字。']);
  await page.evaluate(() => {
    window.location.hash = '#view=projects&lang=en&ids=14,15,999';
  });
  assert.deepEqual(await problemLines(page), [
    '“ids=14,15,999” names project No. 999, which the data shown does not have; no row shows it.',
  ]);
  assert.equal(await page.locator('tr[data-testid^="project-row-"]').count(), 2);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('the search takes as many characters as a link carries: a long paste is cut at the field, and a longer search in a link is read in part and said so', async () => {
  // Audit 22: 60,000 pasted characters went whole into the address, which the app's own
  // link reader then refused on a reload.
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=projects&lang=en`);
  await page.getByTestId('search').fill('z'.repeat(300));
  assert.equal((await page.getByTestId('search').inputValue()).length, 200);
  await page.waitForFunction(() => window.location.hash.includes(`q=${'z'.repeat(200)}`));
  assert.ok(!(await page.evaluate(() => window.location.hash)).includes('z'.repeat(201)));
  await page.reload();
  await page.getByTestId('screen-projects').waitFor();
  assert.equal(await page.getByTestId('link-problems').count(), 0, 'the app reads its own address without a word');
  assert.equal((await page.getByTestId('search').inputValue()).length, 200);

  await page.evaluate(() => {
    window.location.hash = `#view=projects&lang=en&q=${'y'.repeat(250)}`;
  });
  assert.deepEqual(await problemLines(page), [
    `“q=${'y'.repeat(40)}…” is longer than 200 characters; only the first 200 were read.`,
  ]);
  await page.waitForFunction(() => window.location.hash === `#view=projects&lang=en&q=${'y'.repeat(200)}`);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

