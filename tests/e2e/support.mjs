// Shared support for the end-to-end tests: a headless Chromium from Debian driven by
// playwright-core, a tiny static server for dist/, and page objects for the screens.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const SINGLE_FILE = join(DIST, 'blockvote.html');
export const SINGLE_FILE_URL = pathToFileURL(SINGLE_FILE).href;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium with a fresh profile. */
export async function launch() {
  if (!existsSync(SINGLE_FILE)) {
    throw new Error(`${SINGLE_FILE} is missing: run make dist first`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'blockvote-e2e-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/** Serves dist/ on a free loopback port; returns { url, close }. */
export async function serveDist() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(DIST, path === '/' ? 'index.html' : path);
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Records every request a page makes and every console error, so tests can assert
 * that the single file makes no network request and that nothing went wrong.
 */
export function watch(page) {
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { requests, errors };
}

/** Page object for the app shell. */
export class AppPage {
  constructor(page) {
    this.page = page;
  }

  async open(url) {
    await this.page.goto(url);
    await this.ready();
  }

  /** Waits until the app has mounted (the header is rendered by the wasm app). */
  async ready() {
    await this.page.getByTestId('nav').waitFor({ timeout: 30_000 });
  }

  screen(name) {
    return this.page.getByTestId(`screen-${name}`);
  }

  async go(view) {
    await this.page.getByTestId(`nav-${view}`).click();
    await this.screen(view).waitFor();
  }

  async switchLanguage(lang) {
    await this.page.getByTestId(`lang-${lang}`).click();
  }

  text(testId) {
    return this.page.getByTestId(testId).innerText();
  }
}
