// Shared support for the end-to-end tests: a headless Chromium from Debian driven by
// playwright-core, a tiny static server for dist/, and page objects for the screens.
import { chromium } from 'playwright-core';
import { after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS } from '../../scripts/chromium-args.mjs';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/**
 * The build under test: `$BLOCKVOTE_DIST` (a directory holding blockvote.html and, for
 * serveDist, Trunk's index.html and assets), else dist/. Every test takes the single
 * file and the served build from here, so one variable points the whole suite at
 * another build without touching dist/.
 */
export const DIST = resolve(process.env.BLOCKVOTE_DIST || join(ROOT, 'dist'));
export const SINGLE_FILE = join(DIST, 'blockvote.html');
export const SINGLE_FILE_URL = pathToFileURL(SINGLE_FILE).href;

/** Launches headless Chromium with a fresh profile. */
// What a test file opened and has not closed (a failing assertion skips its own
// `close()`): closed after the file's last test, so a failure never leaves a browser
// or a server holding the file's process open, and profiles do not pile up.
const openBrowsers = new Map();
const openServers = new Set();
after(async () => {
  for (const [context, dir] of openBrowsers) {
    await context.close().catch(() => {});
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
  for (const server of openServers) server.closeAllConnections?.(), server.close();
  await rm(BLANK_FILE, { force: true }).catch(() => {});
});

export async function launch(options = {}) {
  if (!existsSync(SINGLE_FILE)) {
    throw new Error(`${SINGLE_FILE} is missing: run make dist first (or set BLOCKVOTE_DIST)`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'blockvote-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  // Scoped in a function of its own, so the page's globals stay its own.
  await context.addInitScript({ content: `(() => {\n${storeDigest}\n(${checkStoreAfterReload})();\n})();` });
  openBrowsers.set(context, userDataDir);
  context.on('close', () => {
    openBrowsers.delete(context);
    rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  });
  return context;
}

/**
 * Runs at the start of every document, before any other script (the page's and any
 * seeding script a test adds later). When `AppPage.reload` left in `window.name` (which
 * a reload keeps in the renderer, with no storage hand-off of its own) a digest of what
 * the page held in its storage before reloading, a store that differs from it at the
 * start of the new page was not handed on by Chromium (see `AppPage.reload`): it is
 * marked, so the reload is made again rather than counted as the app's loss.
 */
function checkStoreAfterReload() {
  const prefix = 'e2e-store-expected:';
  if (!window.name.startsWith(prefix)) return;
  const expected = window.name.slice(prefix.length);
  window.name = '';
  const session = Object.entries(sessionStorage).filter(([key]) => !key.startsWith('e2e-'));
  const found = storeDigest(JSON.stringify([Object.entries(localStorage).sort(), session.sort()]));
  if (found !== expected) window.__e2eStoreLost = true;
}

/**
 * A digest of a store's entries, so what a page held fits in sessionStorage beside a
 * store of several megabytes (the size tests' stores): cyrb53, a 53-bit string hash,
 * as text. It runs in Node and, through `checkStoreAfterReload`'s script, in the page.
 */
function storeDigest(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return String(4294967296 * (2097151 & h2) + (h1 >>> 0));
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
  openServers.add(server);
  const { port } = server.address();
  const close = () => {
    openServers.delete(server);
    server.closeAllConnections?.();
    return new Promise((ok) => server.close(ok));
  };
  return { url: `http://127.0.0.1:${port}/`, close };
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

/**
 * The role Chromium's own accessibility tree gives an element, as a function of its
 * selector ('ignored' for an element left out of the tree): what assistive technology
 * reads, which a stylesheet can change (a table drawn as grid rows may stop being a
 * table), where Playwright's role queries read the markup alone. Call `detach` after.
 */
export async function accessibleRoles(context, page) {
  const cdp = await context.newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const roleOf = async (selector) => {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`${selector} is not on the page`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    return nodes[0]?.ignored ? 'ignored' : nodes[0]?.role?.value;
  };
  return { roleOf, detach: () => cdp.detach() };
}

/**
 * Starts recording what the page writes under `root` (a selector) and returns the
 * function that stops and reports it, for the tests that hold a change to rewriting only
 * what changed:
 * - `rewritten`: each attribute whose writes in one task (one batch of the observer)
 *   leave it with the value it had before them, as `TAG.name in testid` (tachys
 *   rebuilding an element removes every attribute and sets it again: two writes, no
 *   change); a value that changes in one task and back in a later one is not counted;
 * - `made`: each node added, as `{ name, className, where }` (`where` is the test id of
 *   the nearest element that has one, `?` for none);
 * - `textsChanged`: the test ids whose text nodes were written, each once, sorted.
 */
export async function recordWrites(page, root = 'body') {
  await page.evaluate((root) => {
    // Each record with the number of the observer callback that delivered it: the
    // writes of one task arrive in one callback.
    const records = [];
    let batches = 0;
    const observer = new MutationObserver((batch) => {
      batches += 1;
      for (const record of batch) records.push({ record, batch: batches });
    });
    observer.observe(document.querySelector(root), { subtree: true, childList: true, characterData: true, attributes: true, attributeOldValue: true });
    window.__blockvoteWrites = () => {
      for (const record of observer.takeRecords()) records.push({ record, batch: batches + 1 });
      observer.disconnect();
      const where = (node) => (node.nodeType === 1 ? node : node.parentElement)?.closest('[data-testid]')?.dataset.testid ?? '?';
      // An attribute's writes in one batch, by element and name: its value before the
      // first and after the last (the next batch's first old value, or its value now).
      const writes = new Map();
      for (const { record, batch } of records.filter(({ record }) => record.type === 'attributes')) {
        const key = record.target;
        const byName = writes.get(key) ?? new Map();
        const runs = byName.get(record.attributeName) ?? [];
        if (runs.at(-1)?.batch !== batch) runs.push({ batch, before: record.oldValue });
        byName.set(record.attributeName, runs);
        writes.set(key, byName);
      }
      const rewritten = [];
      for (const [target, byName] of writes) {
        for (const [name, runs] of byName) {
          runs.forEach((run, at) => {
            const after = at + 1 < runs.length ? runs[at + 1].before : target.getAttribute(name);
            if (run.before === after) rewritten.push(`${target.tagName}.${name} in ${where(target)}`);
          });
        }
      }
      return {
        rewritten,
        made: records.flatMap(({ record }) => [...record.addedNodes].map((node) => ({ name: node.nodeName, className: node.getAttribute?.('class') ?? '', where: where(record.target) }))),
        textsChanged: [...new Set(records.filter(({ record }) => record.type === 'characterData').map(({ record }) => where(record.target)))].sort(),
      };
    };
  }, root);
  return () => page.evaluate(() => window.__blockvoteWrites());
}

/**
 * The views the app routes to, in navigation order, read from crates/present/src/route.rs
 * (`View::ALL` and `View::key`), so a screen added there is visited by the tests that
 * go through every screen.
 */
export function routeViews() {
  const source = readFileSync(join(ROOT, 'crates', 'present', 'src', 'route.rs'), 'utf8');
  const all = source.match(/pub const ALL: \[View; \d+\] = \[([\s\S]*?)\];/);
  if (!all) throw new Error('View::ALL not found in crates/present/src/route.rs');
  const names = [...all[1].matchAll(/View::(\w+)/g)].map((m) => m[1]);
  const keys = new Map([...source.matchAll(/View::(\w+) => "([a-z0-9_-]+)"/g)].map((m) => [m[1], m[2]]));
  const views = names.map((name) => keys.get(name));
  if (views.length === 0 || !views.every(Boolean)) throw new Error(`a view without a key in crates/present/src/route.rs: ${names}`);
  return views;
}

/**
 * Waits (three looks of up to 10 s, each by a new page) until a second page of
 * `page`'s origin, opened in the same browser context, reads from localStorage exactly
 * what `page` reads: the writes have then left `page`'s renderer, so a reload cannot
 * start from a store without them. The second
 * page is an empty document (a blank file beside the profiles for file://, a path the
 * test server does not have for http://), so no second app runs. Returns the entries
 * it waited for, sorted by key.
 */
async function storedForOtherPages(page) {
  const origin = new URL(page.url());
  const blank = origin.protocol === 'file:' ? pathToFileURL(await blankFile()).href : new URL('/__blank__', origin).href;
  const held = await page.evaluate(() => Object.entries(localStorage).sort());
  const expected = JSON.stringify(held);
  // On a busy two-core machine Chromium 156 was seen to leave a page opened beside a new
  // profile's first writes on a store without them for good (30 s), with the build
  // from before as often as after (3 runs in 6), while a page opened afresh read them.
  // So each look is made by a new page, three times at most; after that the reload
  // goes ahead, and what the reloaded page reads is the test's to check.
  for (let look = 1; look <= 3; look += 1) {
    const sibling = await page.context().newPage();
    try {
      await sibling.goto(blank);
      await sibling.waitForFunction(
        (wanted) => JSON.stringify(Object.entries(localStorage).sort()) === wanted,
        expected,
        { timeout: 10_000, polling: 100 },
      );
      break;
    } catch (error) {
      if (error?.name !== 'TimeoutError') throw error;
    } finally {
      await sibling.close();
    }
  }
  return held;
}

// The empty document `storedForOtherPages` opens from file://, written on first use and
// removed with the profiles after the file's last test.
const BLANK_FILE = join(tmpdir(), `blockvote-e2e-blank-${process.pid}.html`);
async function blankFile() {
  if (!existsSync(BLANK_FILE)) await writeFile(BLANK_FILE, '<!DOCTYPE html><title>blank</title>');
  return BLANK_FILE;
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

  /**
   * Reloads the page once what it wrote to its storage has reached the browser.
   * Chromium hands a page's storage writes to the browser process asynchronously, and
   * in a brand-new profile (every test's) opens the store on disk on the first write:
   * a reload within a few hundred milliseconds of it (sooner than a person could) was
   * seen, on a busy machine, to start the new page on an empty store (the "200
   * scenarios" test saw its seeded 199 instead of the 200 it had saved, 1 run in 3),
   * once on a store without the page's last write for over 30 s (CI, stop 33: the
   * set-aside test's saved scenario), and once without the tab's sessionStorage (CI,
   * stop 34: the questions test's questions). So the reload waits a second after the
   * next frame and then until another page of the same origin reads exactly the
   * localStorage this one holds (see `storedForOtherPages`). The new page checks,
   * before any script of its own, that it starts on exactly the localStorage and
   * sessionStorage this one held (`checkStoreAfterReload`); when it does not, both are
   * put back as the page held them and the reload made again (at most twice). Nothing
   * writes either as a page is left (the app writes only the address on `pagehide`),
   * so any difference is Chromium's.
   */
  async reload() {
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 1000))));
    const local = await storedForOtherPages(this.page);
    const session = await this.page.evaluate(() => Object.entries(sessionStorage).filter(([key]) => !key.startsWith('e2e-')).sort());
    const expected = storeDigest(JSON.stringify([local, session]));
    for (let attempt = 1; ; attempt += 1) {
      await this.page.evaluate((wanted) => {
        window.name = `e2e-store-expected:${wanted}`;
      }, expected);
      await this.page.reload();
      const lost = await this.page.evaluate(() => window.__e2eStoreLost === true);
      if (!lost || attempt === 3) break;
      await this.page.evaluate(([localEntries, sessionEntries]) => {
        localStorage.clear();
        for (const [key, value] of localEntries) localStorage.setItem(key, value);
        for (const key of Object.keys(sessionStorage)) if (!key.startsWith('e2e-')) sessionStorage.removeItem(key);
        for (const [key, value] of sessionEntries) sessionStorage.setItem(key, value);
      }, [local, session]);
      await storedForOtherPages(this.page);
    }
    await this.ready();
  }

  /**
   * Waits until the app has mounted: the header is rendered by the wasm app (the
   * presenter view hides it and shows its own controls).
   */
  async ready() {
    await this.page.locator('[data-testid="header"]:visible, [data-testid="presenter"]').first().waitFor({ timeout: 30_000 });
  }

  /**
   * Waits until the panels that follow a lever one frame late have caught up (the cash
   * flow screen's tables, charts and breakdown: src/after_paint.rs). The app catches
   * them up in a task it queues from the frame that answers the lever; this waits for
   * the frame after that one and a task queued from it, which runs later still.
   */
  async afterPaint() {
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
  }

  screen(name) {
    return this.page.getByTestId(`screen-${name}`);
  }

  async go(view) {
    await this.leavePresenter();
    await this.page.getByTestId(`nav-${view}`).click();
    await this.screen(view).waitFor();
  }

  async switchLanguage(lang) {
    await this.leavePresenter();
    await this.page.getByTestId(`lang-${lang}`).click();
  }

  /** The presenter view hides the header and the navigation; its own link leaves it. */
  async leavePresenter() {
    const leave = this.page.getByTestId('presenter-leave');
    if (await leave.isVisible()) {
      await leave.click();
      await this.page.getByTestId('header').waitFor();
    }
  }

  text(testId) {
    return this.page.getByTestId(testId).innerText();
  }
}
