// Screenshots of every screen in both languages, for a person to look at.
// Usage: node scripts/screenshots.mjs [path/to/blockvote.html] [out-dir] [views…]
// SIZES=390x844,768x1024,1366x900 takes each screen at each size (phones and tablets
// as touch devices); each shot's name ends with its width, and the page's width and
// whether it scrolls sideways are printed beside it.
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS } from './chromium-args.mjs';

const file = resolve(process.argv[2] || 'dist/blockvote.html');
const out = resolve(process.argv[3] || 'tests/e2e/screenshots');
const views = process.argv.slice(4).length
  ? process.argv.slice(4)
  : ['overview', 'projects', 'departments', 'distribution', 'allocation', 'cashflow', 'risk', 'thresholds', 'scenarios', 'brief'];
const sizes = (process.env.SIZES || '1280x900').split(',').map((size) => size.split('x').map(Number));
await mkdir(out, { recursive: true });
for (const [width, height] of sizes) {
  const touch = width < 1024;
  const context = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'blockvote-shots-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height },
    isMobile: touch,
    hasTouch: touch,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', String(e)));
  for (const lang of ['zh', 'en']) {
    for (const view of views) {
      await page.goto(`${pathToFileURL(file).href}#view=${view}&lang=${lang}`);
      await page.getByTestId(`screen-${view}`).waitFor({ timeout: 30000 });
      await page.waitForTimeout(150);
      const suffix = sizes.length > 1 ? `-${width}` : '';
      const path = join(out, `${view}-${lang}${suffix}.png`);
      await page.screenshot({ path, fullPage: true });
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      console.log(`${path}  width ${scroll}/${client}${scroll > client ? '  SCROLLS SIDEWAYS' : ''}`);
    }
  }
  await context.close();
}
