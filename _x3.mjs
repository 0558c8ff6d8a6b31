import { launch, SINGLE_FILE_URL } from './tests/e2e/support.mjs';
const ctx = await launch({ viewport: { width: 320, height: 568 } });
const page = await ctx.newPage();
page.on('pageerror', e => console.log('ERR', e.message));
for (const v of ['distribution', 'thresholds']) {
  await page.goto(`${SINGLE_FILE_URL}#view=${v}&lang=zh`);
  await page.waitForTimeout(1200);
  const svg = page.locator('svg').first();
  await svg.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/h-${v}.png` });
}
await ctx.close();
