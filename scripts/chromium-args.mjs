// The flags every script that drives Debian's Chromium uses (the end-to-end tests,
// `make bench`, the screenshots): headless, no sandbox (containers), and none of the
// background work a browser window would otherwise start beside the page under test.
//
// The two omnibox features matter most. With them, each new browser context (the tests
// and the benchmark open one per load, for a fresh profile) starts a renderer that
// compiles about 400 modules of the browser's own address-bar popup, for some 800 ms,
// while the page loads: on a two-core machine that stole the CPU from blockvote's
// start-up (its first frame at 460-820 ms against 350-450 ms without), and stole it
// unevenly, since the empty app's start-up was over before most of it ran. A member's
// browser loads that popup once, when it starts, not with every page.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
