// The journeys that take scenarios out of the browser and back in, on the single file
// opened from file://: the offline copy (carrying saved and unsaved scenarios, opened
// in a fresh browser with no network), the A4 meeting brief (figures equal to the
// screens', printed to PDF), importing a dataset CSV (row-level errors, confirm,
// reload, back to the paper, carried by a copy) and exporting the comparison table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launch, watch, serveDist, AppPage, ROOT, SINGLE_FILE_URL } from './support.mjs';

const FILE_URL = SINGLE_FILE_URL;
const LONG = { timeout: 240_000 };

/** A fresh browser profile (empty storage) on `url`, at `view`. */
async function open(url, view = 'scenarios') {
  const context = await launch();
  const page = await context.newPage();
  const seen = watch(page);
  seen.dialogs = [];
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const app = new AppPage(page);
  await app.open(`${url}#view=${view}&lang=en`);
  await app.screen(view).waitFor();
  return { context, page, app, seen };
}

/** Requests other than the page itself and in-page data. */
const outside = (requests, self) =>
  requests.filter((u) => !u.startsWith(self) && !u.startsWith('data:') && !u.startsWith('blob:'));

async function saveAs(page, name) {
  await page.getByTestId('scenario-name').fill(name);
  await page.getByTestId('scenario-save').click();
  await page.getByTestId('scenario-saved').waitFor();
}

const labels = async (page) => page.locator('[data-testid^="scenario-label-"]').allInnerTexts();

/** The file the page offers for download after `click`, saved under a temp dir. */
async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const dir = await mkdtemp(join(tmpdir(), 'blockvote-download-'));
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

test('offline copy: carries saved and unsaved scenarios; opened from file:// in a fresh browser it shows them, with no request', LONG, async () => {
  const first = await open(FILE_URL, 'cashflow');
  await first.page.getByTestId('cost-change').fill('10');
  const dearer = await first.app.text('cash-2018-19-total');
  await first.app.go('scenarios');
  // A name in Chinese, with an emoji, and one that tries to end the data block.
  await saveAs(first.page, '較貴 😀 Dearer </script><script>alert(1)</script>');
  await first.app.go('cashflow');
  await first.page.getByTestId('cost-change').fill('-20');
  const cheaper = await first.app.text('cash-2018-19-total');
  assert.notEqual(cheaper, dearer);
  await first.app.go('scenarios');
  const copy = await downloaded(first.page, () => first.page.getByTestId('offline-copy').click());
  assert.match(copy.name, /^blockvote-offline-\d{4}-\d{2}-\d{2}\.html$/);
  assert.match(await first.app.text('offline-copy-result'), /carrying 2 scenarios/);
  // The copy is the same app: the loader script (and so its CSP hash) is unchanged.
  const original = await readFile(new URL(FILE_URL.split('#')[0]), 'utf8');
  const script = (html) => html.match(/<script type="module">[\s\S]*?<\/script>/)[0];
  assert.equal(script(copy.text), script(original));
  assert.equal(copy.text.match(/Content-Security-Policy" content="([^"]*)"/)[1], original.match(/Content-Security-Policy" content="([^"]*)"/)[1]);
  assert.ok(!copy.text.includes('<script>alert(1)'), 'a name cannot close the data block');
  // Byte for byte the same file (windows-1252: the packed wasm one byte a character, the
  // rest ASCII) but for the block of scenarios it carries.
  const bytes = (buffer) => buffer.toString('latin1');
  const carried = /<script type="application\/json" id="blockvote-carried-scenarios">[\x20-\x7e]*<\/script>\n/;
  assert.match(bytes(await readFile(copy.path)), carried, 'the scenarios are carried in ASCII');
  assert.equal(
    bytes(await readFile(copy.path)).replace(carried, ''),
    bytes(await readFile(new URL(FILE_URL.split('#')[0]))),
    'the copy is the file itself, byte for byte, and the scenarios it carries',
  );
  await first.context.close();

  const copyUrl = pathToFileURL(copy.path).href;
  const second = await open(copyUrl, 'overview');
  await second.page.getByTestId('carried-notice').waitFor();
  assert.match(await second.app.text('carried-notice'), /carries 2 scenarios: 2 added to Scenarios, 0 already saved/);
  await second.page.getByTestId('carried-open').click();
  await second.app.screen('scenarios').waitFor();
  assert.deepEqual(await labels(second.page), ['較貴 😀 Dearer </script><script>alert(1)</script>', 'Unsaved when the copy was made']);
  await second.page.getByTestId('scenario-open-1').click();
  await second.app.go('cashflow');
  assert.equal(await second.app.text('cash-2018-19-total'), dearer);
  await second.app.go('scenarios');
  await second.page.getByTestId('scenario-open-2').click();
  await second.app.go('cashflow');
  assert.equal(await second.app.text('cash-2018-19-total'), cheaper);
  // Opening the copy again adds nothing twice.
  await second.app.reload();
  await second.app.ready();
  await second.page.getByTestId('carried-notice').waitFor();
  assert.match(await second.app.text('carried-notice'), /2 scenarios: 0 added to Scenarios, 2 already saved/);
  await second.app.go('scenarios');
  assert.equal((await labels(second.page)).length, 2);
  assert.deepEqual(outside(second.seen.requests, copyUrl.split('#')[0]), [], 'the copy makes no request');
  assert.deepEqual(second.seen.dialogs, [], 'no script ran from a name');
  assert.deepEqual(second.seen.errors, []);

  // A copy of the copy carries the scenarios once, not twice.
  const again = await downloaded(second.page, () => second.page.getByTestId('offline-copy').click());
  assert.equal(again.text.split('id="blockvote-carried-scenarios"').length - 1, 1);
  await second.context.close();

  // A page with two blocks of carried scenarios (joined by hand) adds the scenarios of
  // both; it used to read the first block alone, without a word. A copy made from it
  // carries them all in one block.
  const againBytes = (await readFile(again.path)).toString('latin1');
  const block = againBytes.match(/<script type="application\/json" id="blockvote-carried-scenarios">[\x20-\x7e]*<\/script>\n/)[0];
  const joinedBlock = block.replace('Dearer', 'Joined dearer').replace('Unsaved when', 'Joined, unsaved when');
  assert.notEqual(joinedBlock, block);
  const joinedPath = join(await mkdtemp(join(tmpdir(), 'blockvote-joined-')), 'joined.html');
  await writeFile(joinedPath, Buffer.from(againBytes.replace(block, block + joinedBlock), 'latin1'));
  const joined = await open(pathToFileURL(joinedPath).href, 'overview');
  await joined.page.getByTestId('carried-notice').waitFor();
  assert.match(await joined.app.text('carried-notice'), /carries 4 scenarios: 4 added to Scenarios, 0 already saved/);
  await joined.app.go('scenarios');
  assert.equal((await labels(joined.page)).length, 4);
  const joinedCopy = await downloaded(joined.page, () => joined.page.getByTestId('offline-copy').click());
  assert.equal(joinedCopy.text.split('id="blockvote-carried-scenarios"').length - 1, 1);
  assert.ok(joinedCopy.text.includes('Joined dearer') && joinedCopy.text.includes(' Dearer'));
  assert.deepEqual(joined.seen.errors, []);
  await joined.context.close();

  // A block moved inside the app's own element (a hand edit) is read, not wiped with
  // what the element held: it used to be lost without a word.
  assert.ok(againBytes.includes('<div id="app"></div>'));
  const insidePath = join(await mkdtemp(join(tmpdir(), 'blockvote-inside-')), 'inside.html');
  await writeFile(insidePath, Buffer.from(againBytes.replace(block, '').replace('<div id="app"></div>', `<div id="app">${block}</div>`), 'latin1'));
  const inside = await open(pathToFileURL(insidePath).href, 'overview');
  await inside.page.getByTestId('carried-notice').waitFor();
  assert.match(await inside.app.text('carried-notice'), /carries 2 scenarios: 2 added to Scenarios/);
  assert.deepEqual(inside.seen.errors, []);
  await inside.context.close();
});

/**
 * `bytes` (a windows-1252 page) as a program that read it as windows-1252 and saved it
 * as UTF-8 would write it. The browser's own windows-1252 decoder reads it, so no
 * table of windows-1252 is written here.
 */
async function resavedAsUtf8(bytes) {
  const context = await launch();
  try {
    const page = await context.newPage();
    const base64 = await page.evaluate((packed) => {
      const raw = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
      const utf8 = new TextEncoder().encode(new TextDecoder('windows-1252').decode(raw));
      let binary = '';
      for (let i = 0; i < utf8.length; i += 0x8000) binary += String.fromCharCode(...utf8.subarray(i, i + 0x8000));
      return btoa(binary);
    }, bytes.toString('base64'));
    return Buffer.from(base64, 'base64');
  } finally {
    await context.close();
  }
}

test('offline copy: a copy saved again as UTF-8 (an editor\'s Save) still opens with its scenarios; a damaged one says so', LONG, async () => {
  const first = await open(FILE_URL, 'scenarios');
  await saveAs(first.page, '較貴 Dearer');
  const copy = await downloaded(first.page, () => first.page.getByTestId('offline-copy').click());
  await first.context.close();
  const resaved = await resavedAsUtf8(await readFile(copy.path));
  assert.ok(resaved.length > copy.text.length, 'the packed program is longer in UTF-8');
  const dir = await mkdtemp(join(tmpdir(), 'blockvote-resaved-'));
  const path = join(dir, 'blockvote-resaved.html');
  await writeFile(path, resaved);
  const second = await open(pathToFileURL(path).href, 'overview');
  await second.page.getByTestId('carried-notice').waitFor();
  assert.match(await second.app.text('carried-notice'), /carries 1 scenario: 1 added to Scenarios/);
  // A copy made from the re-saved copy is written as the original was: its program is
  // the original's, byte for byte, so it survives being re-saved again.
  await second.app.go('scenarios');
  const again = await downloaded(second.page, () => second.page.getByTestId('offline-copy').click());
  const program = (buffer) => buffer.toString('latin1').match(/<script type="application\/octet-stream" id="blockvote-wasm"[\s\S]*?<\/script>/)[0];
  assert.equal(program(await readFile(again.path)), program(await readFile(copy.path)));
  assert.deepEqual(second.seen.errors, []);
  await second.context.close();

  // A copy whose program lost a character does not open, and says why in words.
  const broken = join(dir, 'blockvote-damaged.html');
  const original = await readFile(new URL(FILE_URL));
  const block = original.indexOf('id="blockvote-wasm"');
  const cut = original.indexOf('>', block) + 5000;
  await writeFile(broken, Buffer.concat([original.subarray(0, cut), original.subarray(cut + 1)]));
  const context = await launch();
  const page = await context.newPage();
  await page.goto(pathToFileURL(broken).href);
  const banner = page.getByTestId('fatal-error');
  await banner.waitFor({ timeout: 30_000 });
  assert.match(await banner.innerText(), /這個 blockvote 副本已損壞，請開啟收到的原檔.* This copy of blockvote is damaged: the embedded program is not as it was written \(.+\)\. Open the file as it was sent/);
  await context.close();

  // A copy with one byte of its program changed, in the decoder at its head or in the
  // packed app after it, says so too: the packed bytes carry no check of their own, so
  // the decoder checks what it inflates against the Adler-32 the packer recorded.
  const start = original.indexOf('>', block) + 1;
  const unpackLength = Number(original.toString('latin1', block, start).match(/data-unpack-length="(\d+)"/)[1]);
  for (const [where, offset, why] of [
    ['the decoder', Math.floor(unpackLength / 2), /its decoder|LZMA \d/],
    ['the packed app', unpackLength + 300_000, /LZMA \d/],
  ]) {
    // The first byte from there whose change leaves no character the HTML parser would
    // alter (NUL, CR) and no markup ('<', or a '/' or '!' after one).
    let at = start + offset;
    while ([0x00, 0x0d, 0x3c].includes(original[at] ^ 0x01) || original[at] === 0x3c || original[at - 1] === 0x3c) at += 1;
    const changed = Buffer.from(original);
    changed[at] ^= 0x01;
    const path = join(dir, `blockvote-changed-${offset}.html`);
    await writeFile(path, changed);
    const changedContext = await launch();
    const changedPage = await changedContext.newPage();
    await changedPage.goto(pathToFileURL(path).href);
    const changedBanner = changedPage.getByTestId('fatal-error');
    await changedBanner.waitFor({ timeout: 30_000 });
    const said = await changedBanner.innerText();
    assert.match(said, /This copy of blockvote is damaged: the embedded program is not as it was written \(.+\)\. Open the file as it was sent/, where);
    assert.match(said, why, where);
    await changedContext.close();
  }
});

test('a copy cut short before its loader says so after a while, in both languages, where a whole copy never shows that note', LONG, async () => {
  const original = await readFile(new URL(FILE_URL));
  const dir = await mkdtemp(join(tmpdir(), 'blockvote-cut-'));
  const cut = join(dir, 'blockvote-cut.html');
  await writeFile(cut, original.subarray(0, original.indexOf('id="blockvote-wasm"') + 20_000));
  const context = await launch();
  const page = await context.newPage();
  await page.goto(pathToFileURL(cut).href);
  const note = page.locator('#boot-note');
  assert.equal(await note.isVisible(), false, 'hidden at first: a whole copy may still be starting');
  await note.waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(await note.innerText(), /這個副本可能不完整或已損壞.* If this stays, this copy may be incomplete or damaged: open the file as it was sent\./);
  // A whole copy never shows it: gone once the app has drawn.
  await page.goto(FILE_URL);
  await page.locator('[data-testid="header"]:visible').first().waitFor();
  await page.waitForTimeout(8_500);
  assert.equal(await note.isVisible(), false);
  await context.close();
});

test('offline copy: a served build says it cannot copy itself', LONG, async () => {
  const server = await serveDist();
  try {
    const { context, page, app } = await open(server.url, 'scenarios');
    assert.equal(await page.getByTestId('offline-copy').isDisabled(), true);
    assert.match(await app.text('offline-copy-unavailable'), /one-file version/);
    await context.close();
  } finally {
    await server.close();
  }
});

/**
 * The cells of the brief whose text runs outside the cell, in the layout of a printed
 * A4 page: the viewport is A4's text width (210 mm less 2 × 12 mm margins, at 96 px an
 * inch) and the media is print. The text each cell shows must lie within the cell's box.
 */
async function overflowingCells(page) {
  await page.setViewportSize({ width: Math.floor((186 / 25.4) * 96), height: 1100 });
  await page.emulateMedia({ media: 'print' });
  const found = await page.locator('[data-testid="brief-page"]').evaluate((brief) => {
    const out = [];
    // The box of what a cell shows: its text, leaving out text that is not drawn (a
    // mark's explanation shown only on hover, words for screen readers only).
    const shownBox = (cell) => {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      let box = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim() || node.parentElement.closest('.prov-tip, .visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          box = box ? { left: Math.min(box.left, r.left), right: Math.max(box.right, r.right) } : { left: r.left, right: r.right };
        }
      }
      return box;
    };
    for (const cell of brief.querySelectorAll('th, td')) {
      if (cell.getClientRects().length === 0) continue;
      const box = cell.getBoundingClientRect();
      const content = shownBox(cell);
      if (!content) continue;
      if (content.right > box.right + 0.5 || content.left < box.left - 0.5) {
        out.push(`${cell.closest('table')?.dataset.testid}: "${cell.innerText.trim()}" (${Math.round(content.left)}–${Math.round(content.right)} in ${Math.round(box.left)}–${Math.round(box.right)})`);
      }
    }
    // Adjacent header cells must not overlap either.
    for (const row of brief.querySelectorAll('thead tr')) {
      const cells = [...row.cells];
      for (let i = 1; i < cells.length; i += 1) {
        if (cells[i - 1].getBoundingClientRect().right > cells[i].getBoundingClientRect().left + 0.5) {
          out.push(`header cells ${i - 1} and ${i} of ${row.closest('table')?.dataset.testid} overlap`);
        }
      }
    }
    return out;
  });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });
  return found;
}

test('meeting brief: the figures equal the screens\', the changed project is listed, and it prints to A4 in both languages without overlap', LONG, async () => {
  const { context, page, app, seen } = await open(FILE_URL, 'projects');
  await page.getByTestId('edit-project-17').click();
  await page.getByTestId('lever-defer').fill('4');
  await app.go('cashflow');
  await page.getByTestId('cost-change').fill('10');
  const total = await app.text('cash-2018-19-total');
  const fresh = await app.text('cash-2018-19-new');
  // The year table rounds its ongoing and new columns as a whole (largest remainder)
  // and sums them for each year's total, here and in the brief alike, so its 2018-19
  // cell is compared with the cash flow screen's table, once it has caught up with the
  // lever (it follows a frame later).
  await app.afterPaint();
  const yearCell = await app.text('year-total-2018-19');
  await app.go('allocation');
  await page.getByTestId('allocation-amount-1').fill('300');
  const allocation = await app.text('allocation-total');
  await app.go('brief');
  // The scenario column marks each figure (the model's where no lever changed it);
  // the figure itself reads as on its own screen.
  const scenarioCell = (key) => page.getByTestId(`brief-headline-${key}-scenario`).locator('.figure-value').innerText();
  assert.equal(await scenarioCell('budget-year-total'), total);
  assert.equal(await scenarioCell('year-2018-19-new'), fresh);
  assert.equal(await scenarioCell('allocation-total'), allocation);
  assert.match(await app.text('brief-headline-budget-year-total-scenario'), /scenario$/);
  assert.match(await app.text('brief-headline-year-2018-19-ongoing-scenario'), /model$/);
  assert.equal(await app.text('brief-allocation-total'), allocation);
  assert.equal(await app.text('brief-year-2018-19-total'), yearCell);
  assert.equal(await app.text('brief-scenario'), 'Unsaved scenario');
  // The paper's figure is cited; the model baseline is never called the paper.
  const headline = await app.text('brief-headline-budget-year-total');
  assert.match(headline, /1,060\s*Annex B/);
  assert.match(headline, /1,060\.0\s*model/);
  await page.getByTestId('brief-project-17').waitFor();
  assert.match(await app.text('brief-project-17'), /2019-20 Q1/);
  // A 10% cost change changes all 254 budgets (the five of HK$0.2M to HK$0.22M); the
  // brief lists 25 and counts the rest, and says the lever once.
  assert.match(await app.text('brief-projects-more'), /^229 more not listed/);
  assert.match(await app.text('brief-levers'), /Cost change \+10\.0% applied to all 254 projects/);
  const assumptions = await app.text('brief-assumptions');
  assert.match(assumptions, /para 5: 69 of 210/);
  assert.match(assumptions, /Cost change of new projects\s+0\.0%\s+\+10\.0%/);
  assert.match(assumptions, /para 2/);
  // Every column of the year table adds up to its total row, and every row reads
  // ongoing + new = scenario total and scenario total − baseline = change.
  const columns = await page.locator('[data-testid="brief-years"]').evaluate((table) => {
    const num = (t) => Number(t.replace(/,/g, '').replace('−', '-'));
    const body = [...table.tBodies[0].rows].map((r) => [...r.cells].slice(1).map((c) => num(c.innerText)));
    const foot = [...table.tFoot.rows[0].cells].slice(1).map((c) => num(c.innerText));
    return { body, foot };
  });
  for (let col = 0; col < columns.foot.length; col += 1) {
    const sum = columns.body.reduce((acc, row) => acc + Math.round(row[col] * 10), 0) / 10;
    assert.equal(sum.toFixed(1), columns.foot[col].toFixed(1), `column ${col} adds up`);
  }
  for (const [index, row] of [...columns.body, columns.foot].entries()) {
    const tenths = row.map((cell) => Math.round(cell * 10));
    assert.equal(tenths[0] + tenths[1], tenths[2], `row ${index}: ongoing + new = total`);
    assert.equal(tenths[2] - tenths[3], tenths[4], `row ${index}: total − baseline = change`);
  }
  assert.deepEqual(await overflowingCells(page), [], 'English: no text runs over its cell on A4');
  // Print: only the brief, on A4.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('nav').isVisible(), false);
  assert.equal(await page.getByTestId('brief-print').isVisible(), false);
  assert.equal(await page.getByTestId('brief-page').isVisible(), true);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length;
  assert.ok(pages >= 2 && pages <= 6, `the brief prints on a few A4 pages (${pages})`);
  assert.match(pdf.toString('latin1'), /\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+\s*\]/, 'A4 pages');
  await page.emulateMedia({ media: 'screen' });
  await app.switchLanguage('zh');
  assert.equal(await scenarioCell('budget-year-total'), total);
  const zhAssumptions = await app.text('brief-assumptions');
  assert.match(zhAssumptions, /第 5 段/);
  assert.match(zhAssumptions, /第 2 段/);
  assert.doesNotMatch(zhAssumptions, /para \d/, 'no English citation in the Chinese brief');
  assert.match(await page.locator('.brief-kicker').innerText(), /會議簡報/);
  const axis = await page.locator('[data-testid="brief-cash-chart"] .axis-label').allTextContents();
  assert.ok(axis.length > 0 && axis.every((label) => /第[一二三四]季$/.test(label)), `Chinese axis labels: ${axis.slice(0, 3)}`);
  assert.deepEqual(await overflowingCells(page), [], 'Chinese: no text runs over its cell on A4');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('meeting brief of a refused scenario: the refusal is printed and every figure and lever listed is the scenario shown', LONG, async () => {
  // Issue 12 #7: the engine refuses a floor above the ceiling. The brief showed the
  // paper's figures beside "Cost change 50%, ceiling 0.0" with no error. A link or a
  // field now refuses such thresholds where they are given; a saved scenario (written
  // by hand, or by an older build) can still hold them.
  const context = await launch();
  await context.addInitScript(() => {
    if (localStorage.getItem('e2e-seeded') === null) {
      localStorage.setItem('e2e-seeded', '1');
      localStorage.setItem('blockvote.scenarios.v1', JSON.stringify({
        format: 'blockvote-scenarios',
        version: 1,
        scenarios: [{ id: 's1', name: 'Crossed', scenario: { cost_change_pct: '50', delegation: { ceiling: '0' } } }],
      }));
    }
  });
  const page = await context.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${FILE_URL}#view=scenarios&lang=en`);
  await page.getByTestId('scenario-open-1').click();
  await app.go('brief');
  await page.getByTestId('brief-page').waitFor();
  const refused = page.getByTestId('brief-refused');
  await refused.waitFor({ timeout: 5_000 });
  assert.match(await refused.innerText(), /cannot be worked out/);
  assert.match(await refused.innerText(), /The floor \(HK\$0\.2M\) must not be above the ceiling \(HK\$0\.0M\)/);
  assert.match(await refused.innerText(), /shows the last scenario that could be worked out, “The paper \(no changes\)”/);
  assert.equal(await app.text('brief-scenario'), 'The paper (no changes)');
  const cost = await app.text('brief-assumption-cost-change');
  assert.match(cost, /0\.0%\s+0\.0%/, `the levers listed are the shown scenario's: ${cost}`);
  assert.match(await app.text('brief-assumption-ceiling'), /\b10\s+10\b/);
  assert.doesNotMatch(await app.text('brief-assumptions'), /50/);
  // It is in the printed page, in both languages.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await refused.isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  await app.switchLanguage('zh');
  assert.match(await refused.innerText(), /無法計算/);
  assert.equal(await app.text('brief-scenario'), '文件（未有修改）');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

/** The paper's projects CSV, from the app's own template download. */
async function template(page) {
  const file = await downloaded(page, () => page.getByTestId('dataset-template').click());
  return file.text;
}

async function importCsv(page, name, text) {
  await page.getByTestId('dataset-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('dataset import: row-level errors change nothing; a good file is previewed, applied, kept on reload, carried by a copy, and undone', LONG, async () => {
  const { context, page, app, seen } = await open(FILE_URL, 'scenarios');
  const csv = await template(page);
  // A byte-order mark first, as every CSV blockvote writes, for spreadsheets.
  assert.equal(csv, `\ufeff${await readFile(join(ROOT, 'data', 'projects.csv'), 'utf8')}`, 'the template is data/projects.csv');
  const lines = csv.trimEnd().split('\n');

  // A broken file: a bad budget on line 3 and a completion before its start on line 5.
  const broken = [...lines];
  broken[2] = broken[2].replace(/,[0-9.]+,(\d{4}-\d{2} Q\d)/, ',lots,$1');
  broken[4] = broken[4].replace(/(\d{4}-\d{2} Q\d),(\d{4}-\d{2} Q\d)\s*$/, '$2,$1');
  await importCsv(page, 'broken.csv', broken.join('\n'));
  await page.getByTestId('dataset-problems').waitFor();
  const problems = await app.text('dataset-problems');
  assert.match(problems, /line 3, field budget_m: "lots" is not a number/);
  assert.match(problems, /line 5/);
  assert.match(await app.text('dataset-current'), /the paper's 254 projects/);

  // A good file: the last project dropped and project 1 dearer.
  const good = lines.slice(0, -1);
  good[1] = good[1].replace(/,([0-9.]+),(\d{4}-\d{2} Q\d)/, ',9.9,$2');
  await importCsv(page, 'next-year.csv', good.join('\n') + '\n');
  await page.getByTestId('dataset-preview').waitFor();
  assert.match(await app.text('dataset-summary'), /“next-year\.csv” can be used: 253 projects/);
  await page.getByTestId('dataset-apply').click();
  await page.getByTestId('imported-data').waitFor();
  assert.match(await app.text('imported-data'), /next-year\.csv” \(253 projects\)/);
  await app.go('projects');
  assert.equal(await app.text('visible-count'), '253');
  await app.reload();
  await app.ready();
  await page.getByTestId('imported-data').waitFor();
  assert.equal(await app.text('visible-count'), '253');

  // An offline copy carries the imported data.
  await app.go('scenarios');
  const copy = await downloaded(page, () => page.getByTestId('offline-copy').click());
  const other = await open(pathToFileURL(copy.path).href, 'projects');
  await other.page.getByTestId('imported-data').waitFor();
  assert.equal(await other.app.text('visible-count'), '253');
  await other.context.close();
  // A copy carrying two sets of project data (joined by hand) shows the paper's and
  // says why: it used to show the first set alone, without a word.
  const copyBytes = (await readFile(copy.path)).toString('latin1');
  const dataBlock = copyBytes.match(/<script type="application\/json" id="blockvote-carried-dataset">[\x20-\x7e]*<\/script>\n/)[0];
  const twoPath = join(await mkdtemp(join(tmpdir(), 'blockvote-two-datasets-')), 'two.html');
  await writeFile(twoPath, Buffer.from(copyBytes.replace(dataBlock, dataBlock + dataBlock), 'latin1'));
  const two = await open(pathToFileURL(twoPath).href, 'projects');
  await two.page.getByTestId('data-notice').waitFor();
  assert.match(await two.app.text('data-notice'), /could not be used \(it carries 2 sets of project data, and only one can be shown\); the paper's data is shown/);
  assert.equal(await two.app.text('visible-count'), '254');
  assert.deepEqual(two.seen.errors, []);
  await two.context.close();

  // Back to the paper.
  await page.getByTestId('back-to-paper-data').click();
  await app.go('projects');
  assert.equal(await app.text('visible-count'), '254');
  await app.reload();
  await app.ready();
  assert.equal(await page.getByTestId('imported-data').count(), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('compare export: the CSV holds the figures the table shows, with each column\'s provenance, no calibration residue', LONG, async () => {
  const { context, page, app, seen } = await open(FILE_URL, 'cashflow');
  await page.getByTestId('cost-change').fill('10');
  await app.go('scenarios');
  await saveAs(page, 'Dearer, "ten"');
  await app.go('cashflow');
  await page.getByTestId('cost-change').fill('0');
  await page.getByTestId('profile-select').selectOption('even');
  await app.go('scenarios');
  await saveAs(page, 'Even');
  await page.getByTestId('scenario-compare-1').check();
  await page.getByTestId('scenario-compare-2').check();
  await page.getByTestId('compare-table').waitFor();
  const shown = (row, col) => page.getByTestId(`compare-${row}-${col}`).locator('.value').innerText();
  const file = await downloaded(page, () => page.getByTestId('compare-export-csv').click());
  assert.equal(file.name, 'blockvote-compare.csv');
  assert.doesNotMatch(file.text, /99999/, 'no calibration residue (1059.999999, 242.999999)');
  const rows = file.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.equal(
    rows[0],
    'Figure,Unit,The paper (as printed),Where the paper prints it,Model baseline (calibrated to Annex B),Model baseline (calibrated to Annex B): mark,"Dearer, ""ten""","Dearer, ""ten"": mark","Dearer, ""ten"": change from the model baseline",Even,Even: mark,Even: change from the model baseline',
  );
  const line = (start) => rows.find((r) => r.startsWith(start));
  // Each cell's mark beside it, as on screen: the baseline's total is Annex A's, and
  // so is each scenario's, which leaves it as Annex A prints it.
  assert.equal(line('Allocation total'), 'Allocation total (Annex A),HK$M,1060,Annex A,1060,Annex A,1060,Annex A,0.0,1060,Annex A,0.0');
  const plain = (text) => text.replace(/,/g, '');
  const budgetYear = line('2018-19 total cash need').split(',');
  assert.deepEqual(budgetYear.slice(1, 6), ['HK$M', '1060', 'Annex B', '1060.0', 'model']);
  assert.equal(budgetYear[6], plain(await shown('budget-year-total', 1)), 'the CSV shows the figure the table shows');
  assert.equal(budgetYear[7], 'scenario');
  assert.equal(budgetYear[9], plain(await shown('budget-year-total', 2)));
  const tenths = (text) => Math.round(Number(text) * 10);
  assert.equal(tenths(budgetYear[8]), tenths(budgetYear[6]) - tenths(budgetYear[4]), 'the change reads exactly');
  assert.equal(line('of which new projects').split(',')[2], '243', "Annex B's 243 as printed, not 242.999999");
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('dataset import: a stored dataset that no longer loads is set aside, not lost, and the paper is shown', LONG, async () => {
  const context = await launch();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(
        'blockvote.dataset.v1',
        JSON.stringify({ format: 'blockvote-dataset', version: 1, name: 'bad.csv', projects_csv: 'id,department_zh\n1,<img src=x onerror=alert(1)>\n' }),
      );
    }
  });
  const page = await context.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${FILE_URL}#view=projects&lang=en`);
  await page.getByTestId('data-notice').waitFor();
  assert.match(await app.text('data-notice'), /could not be used \(projects\.csv.*header should be/);
  assert.match(await app.text('data-notice'), /set aside in this browser, not deleted/);
  assert.equal(await app.text('visible-count'), '254');
  assert.equal(await page.locator('#app img').count(), 0, 'the stored text is never markup');
  const kept = await page.evaluate(() => [localStorage.getItem('blockvote.dataset.v1'), localStorage.getItem('blockvote.dataset.v1.unreadable')]);
  assert.equal(kept[0], null);
  assert.match(kept[1], /bad\.csv/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
