// Turns Trunk's release output (dist/index.html + JS glue + wasm + CSS) into one
// self-contained file, dist/blockvote.html, that runs from file:// with no network.
//
// How it starts: the wasm is gzipped and embedded as base64; an inline module script
// decodes it, inflates it with the browser's DecompressionStream and hands the bytes to
// wasm-bindgen's async init. Chrome refuses fetch() from file:// and synchronous
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
// Usage: node scripts/single-file.mjs [dist-dir] [--payload scenarios.json]
// With --payload the file's scenarios (the JSON store format) are carried in the page
// the way an offline copy carries them (used by tests).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

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

const wasmGzipBase64 = gzipSync(readFileSync(wasmPath), { level: 9 }).toString('base64');
const css = readFileSync(cssPath, 'utf8').replace(/<\/style/gi, '<\\/style');

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

const script = `${sourceCapture}${glue}
const __blockvote_wasm_gzip_base64 = "${wasmGzipBase64}";
async function __blockvote_start() {
  const packed = Uint8Array.from(atob(__blockvote_wasm_gzip_base64), (c) => c.charCodeAt(0));
  const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  const bytes = await new Response(inflated).arrayBuffer();
  await __wbg_init({ module_or_path: bytes });
}
__blockvote_start().catch((error) => {
  const banner = document.createElement('div');
  banner.setAttribute('role', 'alert');
  banner.setAttribute('data-testid', 'fatal-error');
  banner.id = 'fatal-error';
  banner.textContent = 'blockvote 無法啟動。 blockvote could not start: ' + error;
  document.body.prepend(banner);
});
`;
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
<script type="module">${script}</script>
${carriedBlock}
</body>
</html>
`;
const out = join(dist, 'blockvote.html');
writeFileSync(out, html);
const kb = (n) => (n / 1024).toFixed(1);
console.log(`single-file: wrote ${out}: ${kb(Buffer.byteLength(html))} KiB (wasm ${kb(readFileSync(wasmPath).length)} KiB raw, ${kb(wasmGzipBase64.length)} KiB gzip+base64)`);
