// Every bad value of a link is named in the link-problems notice, in the language shown,
// on the single file from file://. Each of these links once opened without a word:
// - an edit of a project, department or category the data does not have (`p=999:x`,
//   `g=dept.99:x`, `cat=99:5;0:1`) was ignored, and stayed in the address;
// - the projects filters `dept=999&min=abc&theme=x&start=zzz` were ignored;
// - `view=bogus&lang=xx` fell back to the overview.
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

/** The lines of the link-problems notice. */
async function problemLines(page) {
  await page.getByTestId('link-problems').waitFor();
  return page.getByTestId('link-problems').locator('li').allInnerTexts();
}

test('a link naming a project, department or category the data does not have says so', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=projects&lang=en&p=999:x&g=dept.99:x&cat=99:5;0:1`);
  assert.deepEqual(await problemLines(page), [
    '“p=999:x” names project 999, which the data shown does not have; its edit was ignored.',
    '“g=dept.99:x” names department 99, which the data shown does not have; it was ignored.',
    '“cat=99:5” names category 99, which the data shown does not have; its edit was ignored.',
    '“cat=0:1” names category 0, which the data shown does not have; its edit was ignored.',
  ]);
  await app.switchLanguage('zh');
  assert.equal((await problemLines(page))[0], '「p=999:x」所指的項目 999 不在現時顯示的資料中，該修改已略過。');
  // A change of screen reads the app's own address back: nothing is said again.
  await page.getByTestId('link-problems').getByRole('button').click();
  await app.go('cashflow');
  assert.equal(await page.getByTestId('link-problems').count(), 0);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a screen, a language or a projects filter the app cannot use is named', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=bogus&lang=xx&dept=999&min=abc&theme=x&start=zzz`);
  const lines = await problemLines(page);
  assert.ok(lines.includes('“view=bogus” is not a screen of blockvote; the overview is shown.') ||
    lines.includes('「view=bogus」不是 blockvote 的畫面，現顯示概覽。'), lines.join('\n'));
  assert.equal(lines.length, 6, lines.join('\n'));
  await app.switchLanguage('en');
  assert.deepEqual(await problemLines(page), [
    '“view=bogus” is not a screen of blockvote; the overview is shown.',
    '“lang=xx” is not a language of blockvote (zh or en); the language was not changed.',
    '“dept=999” names department 999, which the data shown does not have; it was ignored.',
    '“min=abc” is not a number.',
    '“theme=x” is not a name blockvote knows.',
    '“start=zzz” is not a quarter such as 2018-19 Q2; the filter was not applied.',
  ]);
  // A list of project numbers with an item that is not one: the numbers apply, the item is named.
  await page.getByTestId('link-problems').getByRole('button').click();
  await page.evaluate(() => {
    window.location.hash = '#view=projects&lang=en&ids=14,x,15';
  });
  assert.deepEqual(await problemLines(page), ['“ids=14,x,15” holds 1 item that is not a project number; it was ignored.']);
  assert.equal(await page.locator('tr[data-testid^="project-row-"]').count(), 2);
  // The same scenario with an address changed by hand: a bad screen is still named.
  await page.getByTestId('link-problems').getByRole('button').click();
  await page.evaluate(() => {
    window.location.hash = '#view=nowhere&lang=en';
  });
  assert.deepEqual(await problemLines(page), ['“view=nowhere” is not a screen of blockvote; the overview is shown.']);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
