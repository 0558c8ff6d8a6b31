// Journeys of saved scenarios through the Scenarios screen and the context API of
// `src/saved/mod.rs` (issues 12 and 13): a refused save said at the Save button, an
// import naming what was not added, a note and the date last saved on each row, and an
// offline copy refused in the chosen language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, AppPage, SINGLE_FILE_URL } from './support.mjs';

const KEY = 'blockvote.scenarios.v1';
const LONG = { timeout: 240_000 };

const many = (count) =>
  Array.from({ length: count }, (_, i) => ({ id: `s${i + 1}`, name: `S${i + 1}`, scenario: { cost_change_pct: String(i + 1) } }));
const v1 = (scenarios) => JSON.stringify({ format: 'blockvote-scenarios', version: 1, scenarios });

async function open(entries = {}, lang = 'en') {
  const context = await launch();
  await context.addInitScript((values) => {
    if (localStorage.getItem('e2e-seeded') === null) {
      localStorage.setItem('e2e-seeded', '1');
      for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
    }
  }, entries);
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=scenarios&lang=${lang}`);
  await app.screen('scenarios').waitFor();
  return { context, page, app };
}

test('a save refused for a full store says why at the Save button', LONG, async () => {
  const { context, page, app } = await open({ [KEY]: v1(many(200)) });
  await page.getByTestId('scenario-name').fill('Two');
  await page.getByTestId('scenario-save').click();
  await page.getByTestId('scenario-name-error').waitFor();
  assert.match(await app.text('scenario-name-error'), /^“Two” not added: the store already holds the most scenarios it can \(200\)/);
  await context.close();
});

test('an import into a nearly full store names what was not added', LONG, async () => {
  const { context, page, app } = await open({ [KEY]: v1(many(195)) });
  const incoming = Array.from({ length: 10 }, (_, i) => ({ name: `I${i + 1}`, scenario: { cost_change_pct: String(-i - 1) } }));
  await page.getByTestId('import-file').setInputFiles({ name: 'ten.json', mimeType: 'application/json', buffer: Buffer.from(v1(incoming)) });
  await page.getByTestId('import-result').waitFor();
  assert.equal(
    await app.text('import-result'),
    'Imported: 5 added, 0 replaced. Not added: “I6”, “I7”, “I8”, “I9”, “I10” (the store holds at most 200 scenarios). Delete some scenarios and try again.',
  );
  await context.close();
});

test('each saved scenario shows the date it was last saved and a note, kept on reload and in exports', LONG, async () => {
  const { context, page, app } = await open();
  await page.getByTestId('scenario-name').fill('Dated');
  await page.getByTestId('scenario-save').click();
  await page.getByTestId('scenario-saved').waitFor();
  assert.equal(await app.text('scenario-saved'), 'Saved: Dated');
  assert.equal(await page.getByTestId('scenario-saved').getAttribute('data-stored'), 'true');
  assert.match(await app.text('scenario-saved-on-1'), /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  await page.getByTestId('scenario-note-edit-1').click();
  // A note past the limit is refused at the field, never cut.
  await page.getByTestId('scenario-note-input-1').fill('x'.repeat(1001));
  await page.getByTestId('scenario-note-save-1').click();
  assert.equal(await app.text('scenario-edit-error-1'), 'A note can have at most 1,000 characters.');
  await page.getByTestId('scenario-note-input-1').fill('Ask about Q3');
  await page.getByTestId('scenario-note-save-1').click();
  assert.equal(await app.text('scenario-note-1'), 'Ask about Q3');
  await app.reload();
  await app.ready();
  assert.equal(await app.text('scenario-note-1'), 'Ask about Q3');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.scenarios[0].note, 'Ask about Q3');
  assert.ok(file.scenarios[0].saved_at > 0);
  await context.close();
});

test('an offline copy refused says why in the chosen language', LONG, async () => {
  const { context, page, app } = await open({ [KEY]: v1(many(200)) }, 'zh');
  await app.go('cashflow');
  await page.getByTestId('cost-change').fill('-7');
  await app.go('scenarios');
  await page.getByTestId('offline-copy').click();
  await page.getByTestId('offline-copy-result').waitFor();
  assert.match(await app.text('offline-copy-result'), /^未有製作副本：要附上的情景有 201 個/);
  await context.close();
});
