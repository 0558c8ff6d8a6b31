// Accessibility of the single file from file://:
//
// 1. axe-core over the whole document of every view in crates/present/src/route.rs's View::ALL, in
//    both languages, and again with the main interactive states open (a department
//    expanded, a project's levers with an invalid entry, a histogram band chosen, the
//    Monte Carlo result and its stale banner, a comparison, the import question, a
//    refused link, the panic banner): no serious or critical violation, colour
//    contrast included.
// 2. A keyboard-only journey — page.keyboard only: Tab, Shift+Tab, Enter, Space, typing
//    into whatever has focus — through the main tasks: skip to the content, switch
//    language, move between screens by the navigation, change a lever and see the
//    headline move, switch on slippage and run the Monte Carlo, save a scenario by
//    name, undo with Ctrl+Z. After every action focus must still be on an element (never
//    <body>), and every element focus reaches must show a focus indicator with at
//    least 3:1 contrast against what surrounds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, watch, AppPage, ROOT, SINGLE_FILE_URL, routeViews, accessibleRoles } from './support.mjs';

const LONG = { timeout: 600_000 };
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Serious and critical axe violations of the whole document, one line each. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/**
 * The states worth checking beyond each screen as it opens. Each puts the page in a
 * state (and checks it got there); axe then runs over the whole document.
 */
const STATES = {
  departments: {
    'a department expanded': async (page) => {
      const toggle = page.locator('[data-testid^="department-toggle-"]').first();
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    },
  },
  projects: {
    'project levers with an invalid entry': async (page) => {
      await page.getByTestId('edit-project-17').click();
      await page.getByTestId('project-levers').waitFor();
      await page.getByTestId('lever-defer').fill('4');
      await page.getByTestId('lever-budget').fill('-3');
      assert.equal(await page.getByTestId('lever-budget').getAttribute('aria-invalid'), 'true');
    },
    'a search that finds nothing': async (page) => {
      await page.getByTestId('search').fill('zzzz-nothing');
      await page.getByTestId('no-rows').waitFor();
    },
  },
  distribution: {
    'a band chosen': async (page) => {
      await page.getByTestId('histogram-bar-19').click();
      await page.getByTestId('bin-projects').waitFor();
    },
  },
  allocation: {
    'a target that cannot be met': async (page) => {
      await page.getByTestId('allocation-amount-1').fill('300');
      await page.getByTestId('allocation-lock-1').check();
      await page.getByTestId('allocation-target').fill('1000');
      await page.getByTestId('allocation-scale').click();
      await page.getByTestId('allocation-amount-1').fill('1100');
      await page.getByTestId('allocation-scale-error').waitFor();
      await page.getByTestId('allocation-target').fill('200');
      await page.locator('#field-allocation-target-error').waitFor();
    },
  },
  cashflow: {
    'a breakdown, goal seek and an impossible cap': async (page) => {
      await page.getByTestId('breakdown-theme').check();
      await page.getByTestId('breakdown-table').waitFor();
      await page.getByTestId('goal-target').fill('1050');
      await page.getByTestId('goal-solve').click();
      await page.getByTestId('goal-result').waitFor();
      await page.getByTestId('cap-amount').fill('500');
      await page.getByTestId('cap-infeasible').waitFor();
    },
  },
  risk: {
    'the Monte Carlo result, then stale': async (page, lang) => {
      await page.getByTestId('slip-enabled').check();
      await page.getByTestId('mc-runs').fill('300');
      await page.getByTestId('mc-seed').fill(lang === 'en' ? '11' : '21');
      const before = await page.getByTestId('mc-stamp').getAttribute('data-run');
      await page.getByTestId('mc-run').click();
      await page.waitForFunction(
        (old) => {
          const stamp = document.querySelector('[data-testid="mc-stamp"]');
          const status = document.querySelector('[data-testid="mc-status"]');
          return stamp && stamp.getAttribute('data-run') !== old && status && status.dataset.state === 'finished';
        },
        before,
        { timeout: 120_000 },
      );
      assert.equal(await page.getByTestId('mc-stale').count(), 0);
      await page.getByTestId('mc-seed').fill(lang === 'en' ? '12' : '22');
      await page.getByTestId('mc-stale').waitFor();
    },
  },
  thresholds: {
    'projects changing route': async (page) => {
      await page.getByTestId('ceiling').fill('5');
      await page.locator('[data-testid^="route-change-"]').first().waitFor();
    },
  },
  scenarios: {
    'a comparison and the import question': async (page) => {
      for (const name of ['Alpha', 'Beta']) {
        await page.getByTestId('scenario-name').fill(name);
        await page.getByTestId('scenario-save').click();
        await page.getByTestId('scenario-saved').waitFor();
      }
      await page.getByTestId('scenario-compare-1').check();
      await page.getByTestId('scenario-compare-2').check();
      await page.getByTestId('compare-table').waitFor();
      // Other levers under a saved name: the import asks (one saved already as it is
      // is left out without a question).
      const file = JSON.stringify({ format: 'blockvote-scenarios', version: 1, scenarios: [{ name: 'Alpha', scenario: { cost_change_pct: '3' } }] });
      await page.getByTestId('import-file').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await page.getByTestId('import-confirm').waitFor();
    },
  },
};

test('axe-core: no serious or critical violation on any screen, in either language, in any main state', LONG, async (t) => {
  const views = routeViews();
  const context = await launch();
  // Closed even when an assertion fails, so a failing test cannot leave the run hanging.
  t.after(() => context.close());
  await context.addInitScript(() => localStorage.setItem('blockvote.test-hooks', '1'));
  const page = await context.newPage();
  const app = new AppPage(page);
  const found = [];
  let checks = 0;
  for (const lang of ['en', 'zh']) {
    for (const view of views) {
      await app.open(`${SINGLE_FILE_URL}#view=${view}&lang=${lang}`);
      await app.screen(view).waitFor();
      for (const v of await axeViolations(page)) found.push(`${view} (${lang}): ${v}`);
      checks += 1;
      for (const [state, reach] of Object.entries(STATES[view] || {})) {
        await reach(page, lang);
        for (const v of await axeViolations(page)) found.push(`${view} (${lang}), ${state}: ${v}`);
        checks += 1;
      }
    }
    // A link with parts that cannot be used: the notice at the top.
    await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=${lang}&delay=99&p=17:zz`);
    await page.getByTestId('link-problems').waitFor();
    for (const v of await axeViolations(page)) found.push(`link problems (${lang}): ${v}`);
    // The panic banner over the inert app, on a page of its own (the panic ends the
    // app of the page it happens in).
    const dead = await context.newPage();
    await new AppPage(dead).open(`${SINGLE_FILE_URL}#view=overview&lang=${lang}&cost=5`);
    await dead.evaluate(() => {
      try {
        window.__blockvoteTestPanic();
      } catch {
        // The aborted instance's trap; the banner is what is checked.
      }
    });
    await dead.getByTestId('fatal-error').waitFor();
    for (const v of await axeViolations(dead)) found.push(`panic banner (${lang}): ${v}`);
    await dead.close();
    checks += 2;
  }
  const stateCount = Object.values(STATES).reduce((n, s) => n + Object.keys(s).length, 0);
  assert.equal(checks, 2 * (views.length + stateCount + 2), 'every screen and state was checked in both languages');
  assert.deepEqual(found, []);
  await context.close();
});

// ---------------------------------------------------------------------------------
// Keyboard
// ---------------------------------------------------------------------------------

/**
 * What has focus and whether it shows it: an outline, a box-shadow or (for SVG marks) a
 * stroke, whose colour has at least 3:1 contrast against the background around it.
 * Runs in the page.
 */
function focusReport() {
  const el = document.activeElement;
  const describe = (node) => {
    if (node.getAttribute('data-testid')) return node.getAttribute('data-testid');
    if (node.id) return `#${node.id}`;
    const classes = typeof node.className === 'string' ? node.className : node.className?.baseVal;
    const label = node.getAttribute('aria-label');
    return `${node.tagName.toLowerCase()}${classes ? `.${classes.trim().split(/\s+/).join('.')}` : ''}${label ? ` "${label}"` : ''}`;
  };
  if (!el || el === document.body || el === document.documentElement) {
    return { lost: true, name: 'body' };
  }
  const parse = (colour) => {
    const m = colour && colour.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const luminance = ({ r, g, b }) => {
    const lin = (c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
  });
  // The colour behind the indicator: the first opaque background from the parent up
  // (an outline is drawn outside the element), over white.
  const layers = [];
  for (let node = el.parentElement; node; node = node.parentElement) {
    const bg = parse(getComputedStyle(node).backgroundColor);
    if (bg && bg.a > 0) layers.push(bg);
    if (bg && bg.a === 1) break;
  }
  let background = { r: 255, g: 255, b: 255, a: 1 };
  for (const layer of layers.reverse()) background = { ...over(layer, background), a: 1 };
  const contrast = (colour) => {
    const c = parse(colour);
    if (!c || c.a === 0) return 0;
    const l1 = luminance(over(c, background));
    const l2 = luminance(background);
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  };
  const style = getComputedStyle(el);
  const indicators = [];
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) {
    indicators.push({ kind: 'outline', colour: style.outlineColor, contrast: contrast(style.outlineColor) });
  }
  if (style.boxShadow && style.boxShadow !== 'none') {
    const colour = style.boxShadow.match(/rgba?\([^)]+\)/)?.[0];
    indicators.push({ kind: 'box-shadow', colour, contrast: contrast(colour) });
  }
  if (el instanceof SVGElement) {
    for (const shape of el.querySelectorAll('rect, circle, path, line, polygon')) {
      const s = getComputedStyle(shape);
      if (s.stroke !== 'none' && parseFloat(s.strokeWidth) >= 2) {
        indicators.push({ kind: 'stroke', colour: s.stroke, contrast: contrast(s.stroke) });
      }
    }
  }
  const best = indicators.reduce((a, b) => (b.contrast > (a?.contrast ?? 0) ? b : a), null);
  return {
    lost: false,
    name: describe(el),
    testid: el.getAttribute('data-testid'),
    tag: el.tagName.toLowerCase(),
    indicator: best,
    visible: Boolean(best && best.contrast >= 3),
  };
}

class Keyboard {
  constructor(page) {
    this.page = page;
    /** Every element focus reached without a visible indicator. */
    this.invisible = new Map();
    this.reached = new Set();
  }

  async report() {
    const report = await this.page.evaluate(focusReport);
    if (!report.lost) {
      this.reached.add(report.name);
      // The main landmark takes focus from the skip link only as a starting point for
      // reading; it is not a control, and outlining the whole screen helps nobody.
      if (!report.visible && report.name !== 'main' && report.tag !== 'main') {
        this.invisible.set(report.name, report.indicator);
      }
    }
    return report;
  }

  /** Asserts focus survived the last action (not <body>) and shows; returns the report. */
  async expectFocus(label, testid) {
    const report = await this.report();
    assert.equal(report.lost, false, `${label}: focus was lost to <body>`);
    if (testid) assert.equal(report.testid, testid, `${label}: focus is on ${testid}`);
    if (report.tag !== 'main') {
      assert.ok(report.visible, `${label}: ${report.name} shows focus (${JSON.stringify(report.indicator)})`);
    }
    return report;
  }

  /** Presses Tab (or Shift+Tab) until the element with `testid` has focus. */
  async tabTo(testid, { backward = false, max = 400 } = {}) {
    for (let i = 0; i < max; i += 1) {
      await this.page.keyboard.press(backward ? 'Shift+Tab' : 'Tab');
      const report = await this.report();
      if (report.testid === testid) return;
    }
    assert.fail(`${testid} not reached with ${backward ? 'Shift+Tab' : 'Tab'} in ${max} presses`);
  }

  /** Selects what the focused field holds and types `text` over it. */
  async typeOver(text) {
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }
}

test('a keyboard-only journey through the main tasks, focus always visible and never lost', LONG, async (t) => {
  const context = await launch();
  t.after(() => context.close());
  const page = await context.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  const keys = new Keyboard(page);
  const fragment = () => decodeURIComponent(new URL(page.url()).hash);
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en`);
  await app.screen('cashflow').waitFor();

  // The first Tab reaches the skip link; it moves focus to the screen's content and
  // leaves the screen (and the address) as they were.
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.className), /skip-link/);
  await keys.expectFocus('skip link');
  await page.keyboard.press('Enter');
  await keys.expectFocus('after the skip link');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'focus is on the main content');
  await app.screen('cashflow').waitFor();
  assert.match(fragment(), /view=cashflow/);
  assert.doesNotMatch(fragment(), /(^|[#&])main(=|&|$)/, 'the skip link does not change the address');

  // Language: back to the switch with Shift+Tab, Enter for 繁體中文, Space for English.
  await keys.tabTo('lang-zh', { backward: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant-HK');
  assert.match(await app.text('nav-cashflow'), /現金流量/);
  await keys.expectFocus('after switching to Chinese', 'lang-zh');
  await keys.tabTo('lang-en');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await keys.expectFocus('after switching to English', 'lang-en');

  // Screens by the navigation: Overview, then on to Cash flow.
  await keys.tabTo('nav-overview');
  await page.keyboard.press('Enter');
  await app.screen('overview').waitFor();
  await keys.expectFocus('after choosing Overview', 'nav-overview');
  await keys.tabTo('nav-cashflow');
  await page.keyboard.press('Enter');
  await app.screen('cashflow').waitFor();
  await keys.expectFocus('after choosing Cash flow', 'nav-cashflow');

  // A lever: a uniform cost change of 10 %, typed into the focused field, moves the
  // headline 2018-19 figure.
  const paper = await app.text('cash-2018-19-total');
  await keys.tabTo('cost-change');
  await keys.typeOver('10');
  await page.waitForFunction(
    (old) => document.querySelector('[data-testid="cash-2018-19-total"]').textContent.trim() !== old,
    paper,
  );
  const dearer = await app.text('cash-2018-19-total');
  assert.ok(Number(dearer.replace(/,/g, '')) > Number(paper.replace(/,/g, '')), `${dearer} > ${paper}`);
  await keys.expectFocus('after typing the cost change', 'cost-change');

  // Slippage & risk: switch slippage on with Space, then run the Monte Carlo with Enter.
  await keys.tabTo('nav-risk', { backward: true });
  await page.keyboard.press('Enter');
  await app.screen('risk').waitFor();
  await keys.expectFocus('after choosing Slippage & risk', 'nav-risk');
  const riskBefore = await app.text('risk-2018-19-total');
  await keys.tabTo('slip-enabled');
  await page.keyboard.press(' ');
  assert.equal(await page.getByTestId('slip-enabled').isChecked(), true);
  await page.waitForFunction(
    (old) => document.querySelector('[data-testid="risk-2018-19-total"]').textContent.trim() !== old,
    riskBefore,
  );
  await keys.expectFocus('after switching slippage on', 'slip-enabled');
  await keys.tabTo('mc-runs');
  await keys.typeOver('500');
  await keys.tabTo('mc-run');
  const run = await page.getByTestId('mc-stamp').getAttribute('data-run');
  await page.keyboard.press('Enter');
  await keys.expectFocus('while the simulation runs', 'mc-run');
  await page.waitForFunction(
    (old) => {
      const stamp = document.querySelector('[data-testid="mc-stamp"]');
      const status = document.querySelector('[data-testid="mc-status"]');
      return stamp && stamp.getAttribute('data-run') !== old && status && status.dataset.state === 'finished';
    },
    run,
    { timeout: 120_000 },
  );
  assert.match(await app.text('mc-p50-2018-19'), /\d/);
  assert.match(await app.text('mc-stamp'), /500 runs/);
  await keys.expectFocus('after the simulation', 'mc-run');

  // Save the scenario by name: type into the focused name field, Enter saves.
  await keys.tabTo('nav-scenarios', { backward: true });
  await page.keyboard.press('Enter');
  await app.screen('scenarios').waitFor();
  await keys.tabTo('scenario-name');
  await page.keyboard.type('Keyboard journey');
  await page.keyboard.press('Enter');
  await page.getByTestId('scenario-saved').waitFor();
  assert.deepEqual(await page.locator('[data-testid^="scenario-label-"]').allInnerTexts(), ['Keyboard journey']);
  await keys.expectFocus('after saving', 'scenario-name');

  // Undo with Ctrl+Z (outside a text field, where the browser's own undo comes first):
  // first slippage goes, then the cost change, until the headline is the paper's again.
  await keys.tabTo('scenario-save');
  assert.match(fragment(), /slip=/);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !/slip=/.test(decodeURIComponent(location.hash)));
  await keys.expectFocus('after Ctrl+Z', 'scenario-save');
  await keys.tabTo('nav-cashflow', { backward: true });
  await page.keyboard.press('Enter');
  await app.screen('cashflow').waitFor();
  assert.equal(await app.text('cash-2018-19-total'), dearer, 'one undo took back only the slippage');
  for (let i = 0; i < 5 && (await app.text('cash-2018-19-total')) !== paper; i += 1) {
    await page.keyboard.press('Control+z');
    await keys.expectFocus(`after Ctrl+Z #${i + 2}`, 'nav-cashflow');
  }
  assert.equal(await app.text('cash-2018-19-total'), paper, 'undo brings back the paper');

  // Redo by the header's button until there is nothing left to redo: the button says so
  // (aria-disabled) but keeps focus; then "Back to the paper" the same way.
  await keys.tabTo('redo', { backward: true });
  for (let i = 0; i < 6 && (await page.getByTestId('redo').getAttribute('aria-disabled')) !== 'true'; i += 1) {
    await page.keyboard.press('Enter');
    await keys.expectFocus(`after Redo #${i + 1}`, 'redo');
  }
  assert.equal(await page.getByTestId('redo').getAttribute('aria-disabled'), 'true');
  await page.waitForFunction(() => /cost=10/.test(location.hash) && /slip=/.test(location.hash));
  await keys.expectFocus('with nothing left to redo', 'redo');
  await keys.tabTo('reset-scenario');
  await page.keyboard.press('Enter');
  await page.waitForFunction((old) => document.querySelector('[data-testid="cash-2018-19-total"]').textContent.trim() === old, paper);
  assert.equal(await page.getByTestId('reset-scenario').getAttribute('aria-disabled'), 'true');
  await keys.expectFocus('after Back to the paper', 'reset-scenario');

  // A project's levers: Edit moves focus into the panel, Close brings it back to the row.
  await keys.tabTo('nav-projects');
  await page.keyboard.press('Enter');
  await app.screen('projects').waitFor();
  await keys.tabTo('edit-project-17');
  await page.keyboard.press('Enter');
  await page.getByTestId('project-levers').waitFor();
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'lever-exclude');
  await keys.expectFocus('after opening the levers', 'lever-exclude');
  await page.keyboard.press(' ');
  await page.getByTestId('changed-17').waitFor();
  await keys.tabTo('lever-close');
  await page.keyboard.press('Enter');
  await page.getByTestId('project-levers').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'edit-project-17');
  await keys.expectFocus('after closing the levers', 'edit-project-17');

  // Everything focus reached on the way showed it.
  assert.ok(keys.reached.size > 30, `the journey went through many controls (${keys.reached.size})`);
  assert.deepEqual(Object.fromEntries(keys.invisible), {}, 'every element reached shows its focus');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('every focusable element on every screen shows a visible focus indicator', LONG, async (t) => {
  const context = await launch();
  t.after(() => context.close());
  const page = await context.newPage();
  const app = new AppPage(page);
  const keys = new Keyboard(page);
  let stops = 0;
  const perView = {};
  for (const view of routeViews()) {
    await app.open(`${SINGLE_FILE_URL}#view=${view}&lang=en`);
    await app.screen(view).waitFor();
    // A screen opened from the address takes the focus to its content; the walk starts
    // at the top of the page, the skip link, to pass the header and navigation too.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.evaluate(() => document.querySelector('.skip-link')?.focus());
    // Tab through the whole page once: until focus leaves the page or comes back round
    // to the skip link.
    for (let i = 0; i < 1500; i += 1) {
      await page.keyboard.press('Tab');
      const report = await keys.report();
      if (report.lost) break;
      stops += 1;
      perView[view] = (perView[view] || 0) + 1;
      const atSkipLink = await page.evaluate(() => document.activeElement.classList.contains('skip-link'));
      if (atSkipLink && i > 0) break;
    }
  }
  // The skip link, five header buttons and the navigation come before any screen's own
  // controls, so a screen that stops short of that was not tabbed through.
  // The presenter view has no header or navigation: its six controls and its marks.
  const short = Object.entries(perView).filter(([view, n]) => n < (view === 'present' ? 6 : 20));
  assert.deepEqual(short, [], `every screen was tabbed through: ${JSON.stringify(perView)}`);
  assert.equal(Object.keys(perView).length, routeViews().length);
  assert.deepEqual(Object.fromEntries(keys.invisible), {}, 'every element reached shows its focus');
  await context.close();
});

test('clearing the link’s number filter hands focus to the search field', LONG, async (t) => {
  const context = await launch();
  t.after(() => context.close());
  const page = await context.newPage();
  const app = new AppPage(page);
  const keys = new Keyboard(page);
  await app.open(`${SINGLE_FILE_URL}#view=projects&lang=en&ids=14,15`);
  await page.getByTestId('ids-filter').waitFor();
  await keys.tabTo('ids-filter-clear');
  await page.keyboard.press('Enter');
  await page.getByTestId('ids-filter').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'search');
  await keys.expectFocus('after showing all numbers', 'search');
  assert.ok(Number(await app.text('visible-count')) > 2);
  await context.close();
});

// A mark's explanation, shown on focus or hover, is dismissed by Escape without moving
// either, and shows again once the mark is left and entered anew (WCAG 1.4.13; audit
// 19: it stayed over the line under it).
test('Escape hides a provenance mark\'s explanation until the mark is left', LONG, async (t) => {
  const context = await launch();
  t.after(() => context.close());
  const page = await context.newPage();
  const seen = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=overview&lang=en`);
  const marks = page.locator('.prov');
  const tip = marks.first().locator('.prov-tip');
  await marks.first().focus();
  await tip.waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  assert.equal(await marks.first().evaluate((mark) => mark === document.activeElement), true, 'the focus stays');
  await marks.nth(1).focus();
  await marks.first().focus();
  await tip.waitFor({ state: 'visible' });
  // By the pointer too: hovered, dismissed, and shown again after leaving.
  await page.keyboard.press('Escape');
  await marks.nth(2).hover();
  const hovered = marks.nth(2).locator('.prov-tip');
  await hovered.waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await hovered.waitFor({ state: 'hidden' });
  await page.mouse.move(0, 0);
  await marks.nth(2).hover();
  await hovered.waitFor({ state: 'visible' });
  assert.deepEqual(seen.errors, []);
});

// A chart is one Tab stop; the arrow keys, Home and End move between its marks, and
// what the focused mark says is written under the chart, where a tap on a phone shows
// it too (audit 7: the S-curve's 34 points were 34 Tab stops, and their values only in
// titles a touch screen never shows).
test('a chart is one Tab stop, its marks reached with the arrow keys and read under it, by tap too', LONG, async (t) => {
  const context = await launch({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  t.after(() => context.close());
  const page = await context.newPage();
  const watcher = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en&cost=5`);
  const chart = page.getByTestId('cash-cumulative-chart');
  const readout = chart.locator('xpath=following-sibling::p[contains(@class, "chart-readout")][1]');
  assert.match(await readout.innerText(), /Tap a point of the chart/);
  assert.equal(await chart.getAttribute('tabindex'), '0');
  assert.equal(await chart.locator('g.mark[tabindex="0"]').count(), 0, 'no mark is a Tab stop of its own');
  const focusedLabel = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  const marks = chart.locator('g.mark');
  const count = await marks.count();
  await chart.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedLabel(), await marks.nth(0).getAttribute('aria-label'));
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedLabel(), await marks.nth(1).getAttribute('aria-label'));
  assert.equal(await readout.innerText(), await marks.nth(1).getAttribute('aria-label'));
  await page.keyboard.press('End');
  assert.equal(await focusedLabel(), await marks.nth(count - 1).getAttribute('aria-label'));
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedLabel(), await marks.nth(count - 1).getAttribute('aria-label'), 'the last mark stays');
  await page.keyboard.press('Home');
  assert.equal(await focusedLabel(), await marks.nth(0).getAttribute('aria-label'));
  // Tab leaves the chart for what follows it, not for the next point.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('svg') === null), true);
  // A tap on a point writes what it says under the chart.
  const quarters = page.getByTestId('cash-quarters-chart');
  const column = quarters.locator('g.mark').nth(2);
  await column.scrollIntoViewIfNeeded();
  // Near the foot of the column's tap area (its bars stand on it): the mark's own box
  // also holds its slanted quarter label, whose foot lies between glyphs.
  const box = await column.locator('rect.hit').boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height - 4);
  const under = quarters.locator('xpath=following-sibling::p[contains(@class, "chart-readout")][1]');
  assert.equal(await under.innerText(), await column.getAttribute('aria-label'));
  assert.match(await under.innerText(), /18-19 Q3/);
  assert.deepEqual(watcher.errors, []);
});

// The projects table is drawn as one grid per row on a screen (style/main.css, for the
// speed of a lever): it must still be a table to assistive technology, every row of it
// and not only those on the screen, its columns must line up, and a row being pointed
// at or focused must not clip what opens from it.
test('the projects table drawn as grid rows is still a whole table, aligned, its marks unclipped', LONG, async (t) => {
  const context = await launch();
  t.after(() => context.close());
  const page = await context.newPage();
  const app = new AppPage(page);
  for (const lang of ['en', 'zh']) {
    await app.open(`${SINGLE_FILE_URL}#view=projects&lang=${lang}`);
    await page.getByTestId('project-row-254').waitFor({ state: 'attached' });
    const { roleOf, detach } = await accessibleRoles(context, page);
    const table = '[data-testid="projects-table"]';
    assert.equal(await roleOf(table), 'table', `${lang}: the table`);
    assert.equal(await roleOf(`${table} thead th[data-sort-key="budget"]`), 'columnheader', `${lang}: a heading`);
    // Row 254 is far below the screen: its cells are there all the same.
    for (const row of ['project-row-1', 'project-row-254']) {
      assert.equal(await roleOf(`[data-testid="${row}"]`), 'row', `${lang}: ${row}`);
      assert.equal(await roleOf(`[data-testid="${row}"] td.name`), 'cell', `${lang}: ${row}'s name`);
      assert.equal(await roleOf(`[data-testid="${row}"] td.budget`), 'cell', `${lang}: ${row}'s budget`);
    }
    // Every cell starts where its column's heading starts, in the first and last rows.
    const lefts = await page.evaluate((table) => {
      const lefts = (row) => [...row.children].map((cell) => Math.round(cell.getBoundingClientRect().left));
      const rows = document.querySelectorAll(`${table} tbody tr`);
      return { heading: lefts(document.querySelector(`${table} thead tr`)), first: lefts(rows[0]), last: lefts(rows[rows.length - 1]) };
    }, table);
    assert.equal(lefts.heading.length, 9, `${lang}: nine columns`);
    assert.deepEqual(lefts.first, lefts.heading, `${lang}: the first row lines up with the headings`);
    assert.deepEqual(lefts.last, lefts.heading, `${lang}: the last row lines up with the headings`);
    // A row holding the focus is not paint-contained, so the explanation its theme mark
    // opens is drawn whole; the other rows are.
    const mark = page.locator('[data-testid="project-row-3"] td.theme .prov');
    await mark.focus();
    const contain = await page.evaluate(() =>
      ['project-row-3', 'project-row-4'].map((id) => getComputedStyle(document.querySelector(`[data-testid="${id}"]`)).contain),
    );
    assert.deepEqual(contain, ['none', 'paint'], `${lang}: the focused row is not contained`);
    const tip = await page.locator('[data-testid="project-row-3"] td.theme .prov-tip').boundingBox();
    const row = await page.getByTestId('project-row-3').boundingBox();
    assert.ok(tip && tip.width > 0 && tip.height > 0, `${lang}: the explanation is shown`);
    assert.ok(tip.y + tip.height > row.y + row.height || tip.y < row.y, `${lang}: the explanation reaches beyond its row`);
    await detach();
  }
  await context.close();
});

// A row's columns have set widths (grid rows, above), so what a cell holds must fit in
// its own column: a project whose budget and dates the member changed shows each
// figure with the paper's beside it and the scenario's mark, in both languages, and
// none of it may run into the next column.
test('a changed project row keeps every figure, paper figure and mark inside its own cell', LONG, async (t) => {
  const context = await launch();
  t.after(() => context.close());
  const page = await context.newPage();
  const app = new AppPage(page);
  for (const lang of ['en', 'zh']) {
    await app.open(`${SINGLE_FILE_URL}#view=projects&lang=${lang}`);
    await page.getByTestId('edit-project-1').click();
    await page.getByTestId('lever-budget').fill('18.5');
    await page.getByTestId('lever-defer').fill('4');
    await page.getByTestId('lever-extend').fill('2');
    const row = page.getByTestId('project-row-1');
    await row.locator('td.budget .paper-beside').waitFor();
    await row.locator('td.quarter .paper-beside').first().waitFor();
    // Each piece of text, measured where it is drawn (a text's own box, not its
    // element's, which a block keeps to the cell's width however long the text).
    const spills = await row.evaluate((tr) =>
      [...tr.children].flatMap((cell) => {
        const box = cell.getBoundingClientRect();
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        const out = [];
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          if (text.parentElement.closest('.prov-tip') || !text.textContent.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(text);
          for (const rect of range.getClientRects()) {
            if (rect.width > 0 && (rect.left < box.left - 1 || rect.right > box.right + 1)) {
              out.push(`${cell.className}: "${text.textContent}"`);
            }
          }
        }
        return out;
      }),
    );
    assert.deepEqual(spills, [], `${lang}: nothing runs out of its cell`);
    assert.match(await row.locator('td.budget').innerText(), lang === 'en' ? /18\.5[\s\S]*paper: 6\.6/ : /18\.5[\s\S]*文件：6\.6/);
  }
  await context.close();
});

test('what audit 28 heard: a chart named by its title, a lever\'s result said after a pause, focus on the new screen after the phone\'s menu and the presenter, a refused link said at its field', LONG, async (t) => {
  const context = await launch({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  t.after(() => context.close());
  const page = await context.newPage();
  const watcher = watch(page);
  const app = new AppPage(page);
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en`);
  // Chromium's own name for the chart (not one worked out here): its title, not "" and
  // not the 2,000 characters of everything in it.
  const cdp = await context.newCDPSession(page);
  const chart = page.getByTestId('cash-cumulative-chart');
  const title = await chart.locator(':scope > title').textContent();
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
    backendNodeId: (await cdp.send('DOM.describeNode', { objectId: (await cdp.send('Runtime.evaluate', { expression: 'document.querySelector(\'[data-testid="cash-cumulative-chart"]\')' })).result.objectId })).node.backendNodeId,
    fetchRelatives: false,
  });
  assert.equal(nodes[0].name.value, title);
  assert.ok(title.length > 10 && title.length < 200, title);
  // A lever typed: once the member pauses, the new 2018-19 total is said, once.
  const said = page.getByTestId('scenario-result-said');
  assert.equal(await said.textContent(), '', 'the page opening says nothing');
  await page.getByTestId('cost-change').fill('10');
  await page.waitForFunction(() => document.querySelector('[data-testid="scenario-result-said"]').textContent !== '');
  assert.equal(await said.textContent(), 'Your scenario: 2018-19 cash need HK$1,084.3M, +24.3 against the model baseline.');
  assert.equal(await said.getAttribute('role'), 'status');
  // A screen chosen from the phone's menu: the focus goes to the new screen, not <body>.
  await page.getByTestId('nav-toggle').tap();
  await page.getByTestId('nav-risk').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('screen-risk').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  // The presenter's Leave takes the focus back to the screen it was opened from.
  await app.open(`${SINGLE_FILE_URL}#view=present&lang=en`);
  assert.equal(await page.locator('h1').filter({ hasText: 'Block allocation explorer' }).count() > 0, true);
  await page.getByTestId('presenter-leave').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[data-testid="presenter"]') && document.activeElement?.id === 'main');
  // A refused link is said at its field.
  await page.getByTestId('share-toggle').tap();
  await page.getByTestId('open-link').tap();
  const field = page.getByTestId('open-link-field');
  await field.fill('garbage');
  await field.press('Enter');
  await page.getByTestId('open-link-result').waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.equal(await field.getAttribute('aria-describedby'), 'open-link-result');
  assert.deepEqual(watcher.errors, []);
});

test('what audit 38 found from the keyboard: the phone menu closes when the focus leaves it, Space presses the presenter\'s buttons, and the focus is never dropped to the page', LONG, async (t) => {
  const context = await launch({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  t.after(() => context.close());
  const page = await context.newPage();
  const watcher = watch(page);
  const app = new AppPage(page);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? document.activeElement?.tagName);
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en`);
  // Tab past the menu's last link closes the menu, which covered the controls under it.
  const toggle = page.getByTestId('nav-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'nav-cashflow');
  await page.getByTestId('nav-present').focus();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Tab');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'the focus left the menu, and the menu closed');
  // The menu's link to the screen on show closes the menu; the focus goes to the screen.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'nav-cashflow');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  // "Use this set" takes its panel away: the focus goes to the screen, not <body>.
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en&cap=1000`);
  const use = page.getByTestId('fewest-deferrals-use');
  await use.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 5_000 });
  assert.notEqual(await focused(), 'BODY');
  // Space presses the presenter's focused button (it turned the slide); Escape leaves
  // without the deck's slide in the address.
  await app.open(`${SINGLE_FILE_URL}#view=cashflow&lang=en`);
  await page.getByTestId('nav-toggle').tap();
  await page.getByTestId('nav-present').tap();
  await page.getByTestId('presenter').waitFor();
  const position = await page.getByTestId('presenter-position').innerText();
  await page.getByTestId('presenter-both').focus();
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.querySelector('[data-testid="presenter"]').classList.contains('both'));
  assert.equal(await page.getByTestId('presenter-position').innerText(), position);
  await page.getByTestId('presenter-next').focus();
  await page.keyboard.press('Escape');
  await page.getByTestId('screen-cashflow').waitFor();
  await page.waitForFunction(() => !location.hash.includes('slide='), null, { timeout: 3_000 });
  // A question added is ready to be written: the focus is in its field.
  await app.open(`${SINGLE_FILE_URL}#view=brief&lang=en`);
  await page.getByTestId('question-add').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^question-text-/.test(document.activeElement?.getAttribute('data-testid') ?? ''));
  assert.deepEqual(watcher.errors, []);
});
