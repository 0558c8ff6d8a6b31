import { launch, SINGLE_FILE_URL } from './tests/e2e/support.mjs';
const sizes = [[390, 844], [768, 1024], [1366, 900]];
const views = [
  ['cashflow', '&slip=0.3&delay=2&ongoing=900', '.headline-cards'],
  ['departments', '&cost=7.77&p=17:x', '[data-testid="budgets-as-printed"]'],
  ['risk', '', '[data-testid="mc-run"]'],
];
for (const [w, h] of sizes) {
  const ctx = await launch({ viewport: { width: w, height: h } });
  const page = await ctx.newPage();
  page.on('pageerror', e => console.log('ERR', e.message));
  for (const lang of ['zh', 'en']) {
    for (const [view, extra, sel] of views) {
      await page.goto(`${SINGLE_FILE_URL}#view=${view}&lang=${lang}${extra}`);
      await page.waitForTimeout(900);
      if (view === 'risk') { await page.getByTestId('mc-runs').fill('500'); await page.waitForTimeout(300); }
      await page.locator(sel).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/shots/${view}-${lang}-${w}.png` });
    }
  }
  await ctx.close();
}
