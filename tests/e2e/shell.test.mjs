// The app shell and the single file: it starts from file:// and over http, navigates
// by fragment, switches language, and makes no network request from the single file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launch, serveDist, watch, AppPage, SINGLE_FILE_URL } from './support.mjs';

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serveDist();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the single file starts from file:// and makes no network request', async () => {
  const page = await browser.newPage();
  const { requests, errors } = watch(page);
  const app = new AppPage(page);
  await app.open(SINGLE_FILE_URL);
  for (const view of ['projects', 'allocation', 'cashflow', 'risk', 'thresholds', 'scenarios', 'overview']) {
    await app.go(view);
  }
  assert.deepEqual(
    requests.filter((url) => url !== SINGLE_FILE_URL && !url.startsWith('data:') && !url.startsWith('blob:')),
    [],
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link with view= opens that screen, in the language it names', async () => {
  const page = await browser.newPage();
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=thresholds&lang=zh`);
  await app.screen('thresholds').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant-HK');
  assert.match(await app.text('nav-thresholds'), /審批門檻/);
  await page.close();
});

test('the language switch changes every label and is remembered', async () => {
  const page = await browser.newPage();
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=overview`);
  await app.switchLanguage('zh');
  assert.match(await app.text('nav-projects'), /項目/);
  assert.match(page.url(), /lang=zh/);
  await page.goto(SINGLE_FILE_URL);
  await app.ready();
  assert.match(await app.text('nav-projects'), /項目/, 'the choice survives a reload without the fragment');
  await app.switchLanguage('en');
  assert.match(await app.text('nav-projects'), /Projects/);
  await page.close();
});

test('a copy saved from the browser starts cleanly, with one app only', async () => {
  const page = await browser.newPage();
  const app = new AppPage(page);
  await app.open(SINGLE_FILE_URL);
  // What "Save as… Webpage, complete" writes: the live DOM, scripts included.
  const saved = await page.evaluate(() => '<!DOCTYPE html>\n' + document.documentElement.outerHTML);
  const dir = await mkdtemp(join(tmpdir(), 'blockvote-saved-'));
  const savedPath = join(dir, 'saved copy.html');
  await writeFile(savedPath, saved);
  const savedPage = await browser.newPage();
  const { requests, errors } = watch(savedPage);
  const savedApp = new AppPage(savedPage);
  await savedApp.open(pathToFileURL(savedPath).href);
  assert.equal(await savedPage.getByTestId('nav').count(), 1);
  assert.equal(await savedPage.getByTestId('header').count(), 1);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:')),
    [],
  );
  await page.close();
  await savedPage.close();
});

test('the served app starts over http and navigates', async () => {
  const page = await browser.newPage();
  const { errors } = watch(page);
  const app = new AppPage(page);
  await app.open(`${server.url}#view=projects`);
  await app.screen('projects').waitFor();
  await app.go('cashflow');
  assert.match(page.url(), /view=cashflow/);
  await page.goBack();
  await app.screen('projects').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
