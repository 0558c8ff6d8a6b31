// Turns Trunk's release output (dist/index.html + JS glue + wasm + CSS) into one
// self-contained file, dist/blockvote.html, that runs from file:// with no network.
//
// How it starts: the wasm is compressed with Zstandard at its strongest level and
// embedded in an inert data block (<script type="application/octet-stream">) as text,
// seven bits per character (see encode7 below: 8/7 of the bytes, where base64 would take
// 4/3); an inline module script decodes it, decompresses it with fzstd (a small MIT
// decoder inlined here; browsers decompress only gzip and deflate themselves) and hands
// the bytes to wasm-bindgen's async init. Zstandard makes the file about 110 KB smaller
// than the best gzip, and decodes in about the time the browser spends parsing those
// 110 KB of page. Chrome refuses fetch() from file:// and synchronous
// compiles of large modules, so nothing here fetches and nothing compiles synchronously.
//
// The page's Content-Security-Policy allows exactly this one script (by its SHA-256
// hash), WebAssembly compilation and inline styles, and no network connection of any
// kind.
//
// The loader also keeps the page's own text, as it was before the app started, in
// window.__blockvoteSource: the app's "download offline copy" writes that text back out
// with the user's scenarios in inert <script type="application/json"> blocks (see
// crates/model/src/offline.rs), so the copy is this same file, hash and all.
//
// The loader marks its steps with performance.mark (loader:start, loader:source-kept,
// loader:decoded, loader:inflated, loader:compiled, loader:instantiated) for the
// start-up table of make bench (scripts/bench.mjs); the app adds its own (app:…).
//
// Usage: node scripts/single-file.mjs [dist-dir] [--payload scenarios.json]
// With --payload the file's scenarios (the JSON store format) are carried in the page
// the way an offline copy carries them (used by tests).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const dist = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
const files = readdirSync(dist);
const pick = (pattern, what) => {
  const found = files.filter((f) => pattern.test(f));
  if (found.length !== 1) {
    throw new Error(`expected one ${what} in ${dist}, found ${JSON.stringify(found)}; run trunk build --release first`);
  }
  return join(dist, found[0]);
};

const gluePath = pick(/^blockvote-[0-9a-f]+\.js$/, 'JS glue');
const wasmPath = pick(/^blockvote-[0-9a-f]+_bg\.wasm$/, 'wasm module');
const cssPath = pick(/^main-[0-9a-f]+\.css$/, 'stylesheet');
const indexHtml = readFileSync(join(dist, 'index.html'), 'utf8');
const title = (indexHtml.match(/<title>([\s\S]*?)<\/title>/) || [, 'blockvote'])[1];

// The glue is an ES module; inside one inline module script its exports become plain
// declarations. Its top-level names stay in the module's own scope, and the loader
// below prefixes its own names with __blockvote_ so they cannot clash.
const glue = readFileSync(gluePath, 'utf8')
  .replace(/^export\s+\{[^}]*\};?\s*$/gm, '')
  .replace(/^export\s+default\s+[^;]+;\s*$/gm, '')
  .replace(/^export\s+(?=(async\s+)?function|class|const|let|var)/gm, '');
if (/^\s*export\s/m.test(glue) || /^\s*import\s/m.test(glue)) {
  throw new Error('the wasm-bindgen glue has an export or import this script does not handle');
}
if (!/__wbg_init/.test(glue)) {
  throw new Error('the wasm-bindgen glue has no __wbg_init; has the wasm-bindgen version changed?');
}
// The start-up marks (performance.mark: a timestamp kept in memory, nothing shown, no
// network) that make bench reads to say where the time to the first view goes: the
// loader marks each of its steps below, and the glue gets one between instantiating the
// module and running the app's main, which wasm-bindgen's init does in one call.
const START = /^(\s*)wasm\.__wbindgen_start\(\);$/m;
if ((glue.match(new RegExp(START.source, 'gm')) || []).length !== 1) {
  throw new Error('the wasm-bindgen glue does not call wasm.__wbindgen_start() exactly once; has the wasm-bindgen version changed?');
}
const markedGlue = glue.replace(START, "$1performance.mark('loader:instantiated');\n$1wasm.__wbindgen_start();");

// Seven bits per character. Each 7-bit group of the packed wasm becomes the character with
// that code (one byte in UTF-8), except the three the HTML parser would not hand back
// unchanged inside a <script> block: NUL (replaced), CR (turned into LF) and '<' (which
// could start '</script'). Such a group is written as one two-byte character,
// U+0100 + 128 × (its index in FORBIDDEN) + the next group, so it costs no more than
// the two groups would. The decoder (in the loader below) stops after `length` bytes,
// which drops the padding bits of the last group.
const FORBIDDEN = [0x00, 0x0d, 0x3c];
function encode7(bytes) {
  const groups = [];
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 7) {
      bits -= 7;
      groups.push((acc >> bits) & 127);
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) groups.push((acc << (7 - bits)) & 127);
  const chars = [];
  for (let i = 0; i < groups.length; i += 1) {
    const forbidden = FORBIDDEN.indexOf(groups[i]);
    if (forbidden < 0) {
      chars.push(String.fromCharCode(groups[i]));
    } else {
      const next = i + 1 < groups.length ? groups[i + 1] : 0;
      i += 1;
      chars.push(String.fromCharCode(0x100 + forbidden * 128 + next));
    }
  }
  return chars.join('');
}

// Zstandard's strongest level (`zstd --ultra -22`, Debian's zstd; scripts/setup.sh
// installs it): about 18% smaller than zopfli's gzip on this wasm.
const wasmPacked = execFileSync('zstd', ['--ultra', '-22', '--no-progress', '-q', '-c', wasmPath], { maxBuffer: 1 << 27 });
const wasmText = encode7(wasmPacked);
// The decoder, as its UMD build: run in a scope of its own where it finds no module
// system, it leaves its exports on the `self` it is given.
const fzstdDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'fzstd');
const fzstdSource = readFileSync(join(fzstdDir, 'umd', 'index.js'), 'utf8');
const fzstdVersion = JSON.parse(readFileSync(join(fzstdDir, 'package.json'), 'utf8')).version;
const decoder = `/*! fzstd ${fzstdVersion} (MIT) by Arjun Barrett, https://github.com/101arrowz/fzstd */
const __blockvote_fzstd = (() => {
  const module = undefined, exports = undefined, define = undefined, self = {};
  ${fzstdSource}
  return self.fzstd;
})();
`;
if (/[\x00\r<]/.test(wasmText)) {
  throw new Error('the encoded wasm holds a character the HTML parser would change');
}
// Comments and runs of white space go; nothing in the stylesheet depends on them.
const css = readFileSync(cssPath, 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  .replace(/\s*([{};])\s*/g, '$1')
  .replace(/<\/style/gi, '<\\/style');

const payloadFlag = process.argv.indexOf('--payload');
const payload = payloadFlag > 0 ? readFileSync(process.argv[payloadFlag + 1], 'utf8') : null;
const carriedBlock = payload === null
  ? ''
  : `<script type="application/json" id="blockvote-carried-scenarios">${JSON.stringify(JSON.parse(payload)).replace(/</g, '\\u003c')}</script>\n`;

// The page as it was before the app touched it, minus anything a previous run or a
// browser's "save page" left in it: the offline copy is built from this text.
const sourceCapture = `window.__blockvoteSource = (() => {
  const page = document.documentElement.cloneNode(true);
  for (const id of ['blockvote-carried-scenarios', 'blockvote-carried-dataset', 'fatal-error']) {
    page.querySelector('#' + id)?.remove();
  }
  page.querySelector('#app')?.replaceChildren();
  return '<!DOCTYPE html>\\n' + page.outerHTML;
})();
`;

const fullScript = `performance.mark('loader:start');
${sourceCapture}performance.mark('loader:source-kept');
${decoder}${markedGlue}
function __blockvote_decode7(text, length) {
  const forbidden = ${JSON.stringify(FORBIDDEN)};
  const out = new Uint8Array(length);
  let acc = 0;
  let bits = 0;
  let at = 0;
  const push = (group) => {
    acc = ((acc << 7) | group) & 0x7fff;
    bits += 7;
    if (bits >= 8) {
      bits -= 8;
      if (at < length) out[at++] = (acc >> bits) & 255;
    }
  };
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      push(code);
    } else {
      const value = code - 0x100;
      push(forbidden[value >> 7]);
      push(value & 127);
    }
  }
  if (at !== length) throw new Error('the embedded wasm is damaged (' + at + ' of ' + length + ' bytes)');
  return out;
}
async function __blockvote_start() {
  const block = document.getElementById('blockvote-wasm');
  const packed = __blockvote_decode7(block.textContent, Number(block.dataset.length));
  performance.mark('loader:decoded');
  const bytes = __blockvote_fzstd.decompress(packed);
  performance.mark('loader:inflated');
  // Compiled as a stream (V8 compiles functions on background threads as they arrive,
  // the way it does for a served .wasm); the Response is made from bytes in memory,
  // so nothing is fetched, and the CSP's 'wasm-unsafe-eval' allows the compile.
  const module = WebAssembly.compileStreaming
    ? await WebAssembly.compileStreaming(new Response(bytes, { headers: { 'content-type': 'application/wasm' } }))
    : bytes;
  // (Without compileStreaming the compile happens in the next step, instantiating.)
  performance.mark('loader:compiled');
  const wasm = await __wbg_init({ module_or_path: module });
  // The size of the wasm's linear memory, for the memory figures of make bench (it only
  // reads a length; nothing in the app depends on it).
  window.__blockvoteWasmMemoryBytes = () => wasm.memory.buffer.byteLength;
}
// The safety net for a WebAssembly trap (src/panic_banner.rs): a trap (running out of
// memory, a stack overflow, the abort after a panic) kills the instance without a word,
// so nothing here calls into it. The app keeps a banner prepared out of the page, in
// window.__blockvoteRescueBanner, each rescue link holding its text (a[data-rescue],
// property __blockvoteRescueText); on a trap this gives each link a blob: URL of its
// text, puts the banner in the page, makes the app inert and focuses the banner. If the app never
// got as far as preparing one (it failed to load), a plain bilingual banner offers the
// saved scenarios exactly as stored. A panic shows the banner itself, before its trap.
function __blockvote_is_trap(error) {
  const stack = String(error && error.stack);
  return error instanceof WebAssembly.RuntimeError || stack.includes('wasm-function') || stack.includes('wasm://');
}
function __blockvote_fallback_banner(error) {
  const banner = document.createElement('div');
  banner.setAttribute('role', 'alert');
  banner.setAttribute('data-testid', 'fatal-error');
  banner.setAttribute('tabindex', '-1');
  banner.id = 'fatal-error';
  banner.className = 'fatal-error';
  const text = document.createElement('p');
  text.textContent = 'blockvote 無法啟動。 blockvote could not start: ' + error;
  banner.append(text);
  let stored = null;
  try {
    stored = localStorage.getItem('blockvote.scenarios.v1');
  } catch (_) {
    // Storage refused: there is nothing to offer.
  }
  if (stored) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([stored], { type: 'application/json' }));
    link.download = 'blockvote-scenarios-rescue.json';
    link.className = 'fatal-error-link';
    link.setAttribute('data-testid', 'fatal-error-download');
    link.textContent = '下載已儲存的方案 (JSON) · Download your saved scenarios (JSON)';
    const actions = document.createElement('p');
    actions.className = 'fatal-error-actions';
    actions.append(link);
    banner.append(actions);
  }
  return banner;
}
function __blockvote_halt(error) {
  if (document.getElementById('fatal-error')) return;
  const prepared = window.__blockvoteRescueBanner;
  const banner = prepared instanceof Element ? prepared : __blockvote_fallback_banner(error);
  for (const link of banner.querySelectorAll('a[data-rescue]')) {
    const text = link.__blockvoteRescueText;
    if (typeof text === 'string') link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  }
  const detail = banner.querySelector('.fatal-error-detail');
  if (detail) detail.textContent = '技術資料 Technical detail: ' + error;
  document.body.prepend(banner);
  const app = document.getElementById('app');
  if (app) {
    app.setAttribute('inert', '');
    app.setAttribute('data-halted', 'true');
  }
  banner.focus();
}
window.addEventListener('error', (event) => {
  if (__blockvote_is_trap(event.error)) __blockvote_halt(event.error);
});
window.addEventListener('unhandledrejection', (event) => {
  if (__blockvote_is_trap(event.reason)) __blockvote_halt(event.reason);
});
__blockvote_start().catch(__blockvote_halt);
`;
// Minified as a module: the names are its own (nothing outside refers to them), and
// the page's only entry point is the call at its end.
const minified = await minify(fullScript, { module: true, compress: true, mangle: true, format: { comments: /^!/ } });
if (!minified.code) {
  throw new Error('terser returned no code');
}
const script = minified.code;
if (script.includes('</script')) {
  throw new Error('the inline script contains </script and would end early');
}
const hash = createHash('sha256').update(script, 'utf8').digest('base64');
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${hash}' 'wasm-unsafe-eval'`,
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const html = `<!DOCTYPE html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${css}</style>
</head>
<body>
<div id="app"></div>
<script type="application/octet-stream" id="blockvote-wasm" data-length="${wasmPacked.length}">${wasmText}</script>
<script type="module">${script}</script>
${carriedBlock}
</body>
</html>
`;
const out = join(dist, 'blockvote.html');
writeFileSync(out, html);
const kb = (n) => (n / 1024).toFixed(1);
console.log(`single-file: wrote ${out}: ${kb(Buffer.byteLength(html))} KiB (wasm ${kb(readFileSync(wasmPath).length)} KiB raw, ${kb(wasmPacked.length)} KiB zstd, ${kb(Buffer.byteLength(wasmText))} KiB as embedded)`);
