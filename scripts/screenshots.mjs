// Screenshots of every screen in both languages, for a person to look at.
// Usage: node scripts/screenshots.mjs [path/to/blockvote.html] [out-dir] [views…]
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';

const file = resolve(process.argv[2] || 'dist/blockvote.html');
const out = resolve(process.argv[3] || 'tests/e2e/screenshots');
const views = process.argv.slice(4).length
  ? process.argv.slice(4)
  : ['overview', 'projects', 'departments', 'distribution', 'allocation', 'cashflow', 'risk', 'thresholds', 'scenarios'];
await mkdir(out, { recursive: true });
const context = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'blockvote-shots-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
const page = await context.newPage();
page.on('pageerror', (e) => console.error('pageerror', String(e)));
for (const lang of ['zh', 'en']) {
  for (const view of views) {
    await page.goto(`${pathToFileURL(file).href}#view=${view}&lang=${lang}`);
    await page.getByTestId(`screen-${view}`).waitFor({ timeout: 30000 });
    await page.waitForTimeout(150);
    const path = join(out, `${view}-${lang}.png`);
    await page.screenshot({ path, fullPage: true });
    console.log(path);
  }
}
await context.close();
