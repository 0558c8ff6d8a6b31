// Turns Trunk's release output (dist/index.html + JS glue + wasm + CSS) into one
// self-contained file, dist/blockvote.html, that runs from file:// with no network.
//
// How it starts: the wasm is compressed as raw LZMA at xz's strongest preset and
// embedded in an inert data block (<script type="application/octet-stream">) one byte
// a character of the page's windows-1252 (see encode8 below: 0.4 % more bytes, where
// base64 would take a third more), behind the decoder that inflates it, blockvote-unpack
// (crates/unpack, about 10 KB of wasm, itself deflated to about 3.7 KB: browsers
// decompress only gzip and deflate themselves). An inline module script decodes the
// block, inflates the decoder with the browser's DecompressionStream, instantiates it,
// inflates the stream with it (checked against an Adler-32 recorded here) and compiles
// the app's wasm. The app's stylesheet (style/main.css) and wasm-bindgen's glue are
// packed in the same stream, after the wasm: the loader puts the stylesheet in the page
// before the app starts (the page keeps only style/page.css), then the glue, as a
// script of its own, which starts the app with the compiled module. LZMA makes the file
// about 9 % smaller than Zstandard's strongest level, and its decoder in wasm inflates
// it in about the time fzstd (Zstandard in JavaScript) took. Chrome refuses fetch() from
// file:// and synchronous compiles of large modules, so nothing here fetches and
// nothing compiles synchronously.
//
// The page's Content-Security-Policy allows exactly these two scripts (by their SHA-256
// hashes), WebAssembly compilation and inline styles, and no network connection of any
// kind.
//
// The loader also keeps the page's own text, as it was before the app started, in
// window.__blockvoteSource (written out when first read): the app's "download offline
// copy" writes that text back out with the user's scenarios in inert
// <script type="application/json"> blocks (see crates/model/src/offline.rs), so the
// copy is this same file, hash and all.
//
// The loader marks its steps with performance.mark (loader:start, loader:source-kept,
// loader:decoded, loader:inflated, loader:compiled, loader:instantiated) for the
// start-up table of make bench (scripts/bench.mjs); the app adds its own (app:…).
//
// Usage: node scripts/single-file.mjs [dist-dir] [--payload scenarios.json]
// With --payload the file's scenarios (the JSON store format) are carried in the page
// the way an offline copy carries them (used by tests).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
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
// style/page.css, if the build has it: what the page needs before the app starts.
const pageCssPaths = files.filter((f) => /^page-[0-9a-f]+\.css$/.test(f)).map((f) => join(dist, f));
if (pageCssPaths.length > 1) {
  throw new Error(`expected at most one page-*.css in ${dist}, found ${JSON.stringify(pageCssPaths)}`);
}
const indexHtml = readFileSync(join(dist, 'index.html'), 'utf8');
const title = (indexHtml.match(/<title>([\s\S]*?)<\/title>/) || [, 'blockvote'])[1];

// The glue is an ES module; in the script of its own below, inside a function, its
// exports become plain declarations, which stay in that function's scope.
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
// The glue runs as a script of its own, packed in the LZMA stream after the
// stylesheet (about 20 KB less page than as text in the loader). The loader puts it in
// the page once the wasm is compiled, with the compiled module and its way of stopping
// in window.__blockvoteHandoff; the page's policy allows it by its hash. A classic
// script, not a module: the browser runs a classic script the moment it is put in the
// page, where a module waits for a task of its own (about 4 ms later, measured). So its
// names are kept in a function's scope, and the one module-only expression in it, the
// default address of the wasm (import.meta.url, never used: the loader always passes the
// module), becomes the page's address. A page saved from the browser holds a copy of
// this script, which runs as that page is parsed, before the loader and any handoff:
// that copy does nothing.
const IMPORT_META_URL = /import\.meta\.url/g;
if ((glue.match(IMPORT_META_URL) || []).length !== 1) {
  throw new Error('the wasm-bindgen glue does not use import.meta.url exactly once; has the wasm-bindgen version changed?');
}
const glueSource = `(() => {
${markedGlue.replace(IMPORT_META_URL, 'location.href')}
const handoff = window.__blockvoteHandoff;
delete window.__blockvoteHandoff;
if (handoff) {
  __wbg_init({ module_or_path: handoff.module }).then((wasm) => {
    // The size of the wasm's linear memory, for the memory figures of make bench (it
    // only reads a length; nothing in the app depends on it).
    window.__blockvoteWasmMemoryBytes = () => wasm.memory.buffer.byteLength;
  }, handoff.halt);
}
})();
`;
const glueScript = (await minify(glueSource, { compress: true, mangle: true, format: { comments: false, ascii_only: true } })).code;
if (!glueScript) {
  throw new Error('terser returned no code for the glue');
}
const glueHash = createHash('sha256').update(glueScript, 'utf8').digest('base64');

// Eight bits per character. The page is declared windows-1252, where every one of the
// 256 byte values is one character (WHATWG's index: 0x00–0x7F and 0xA0–0xFF are the
// characters of those codes, 0x80–0x9F the 32 of WINDOWS_1252_HIGH below), so the
// packed wasm is embedded almost byte for byte: the browser's single-byte decoder hands
// the bytes to the loader as characters and the loader maps them back. A few bytes must
// not appear: NUL (the HTML parser replaces it), CR (turned into LF), and '<' where the
// byte after it is '/' or '!' (only '</' can end the script's text, and '<!--' would
// change how the parser reads it; any other '<' in a script's text is just a
// character). So the bytes are written in blocks, each after a key byte and XORed with
// it, the key of each block being the first that leaves none of those in it
// (chooseKey). A key fits a block when none of its bytes is the key or the key XOR CR,
// so of the 256 keys a few dozen fit a block of 200-odd compressed bytes; the blocks are
// as long as every block still has a key allows (encodeInBlocks: 256 bytes, or 16
// fewer at a time; 240 on this wasm). One key byte per block is about 0.4 % more
// bytes, where escaping each such byte took 1.1 %, seven bits per character 14.3 %
// and base64 33 %. Everything else in the page is ASCII or HTML character references
// (checked below), so the file is the same text in any ASCII-compatible reading; the
// offline copy is written back in windows-1252 by blockvote_model::offline::page_bytes.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const NUL = 0x00;
const CR = 0x0d;
const LESS_THAN = 0x3c;
// The bytes after which a '<' could start markup in a script's text: '/' and '!'.
const MARKUP_AFTER_LESS_THAN = [0x2f, 0x21];
// The first key that, XORed into `block`, leaves no NUL or CR and no '<' before '/' or
// '!', nor a '<' last (the next block's key, which could be '/' or '!', follows it);
// null if none does. The key itself is never NUL, CR or '<', so what follows it cannot
// make markup.
function chooseKey(block) {
  for (let key = 0; key < 0x100; key += 1) {
    if (key === NUL || key === CR || key === LESS_THAN) continue;
    let fits = true;
    for (let i = 0; fits && i < block.length; i += 1) {
      const byte = block[i] ^ key;
      const next = i + 1 < block.length ? block[i + 1] ^ key : null;
      fits = byte !== NUL && byte !== CR && !(byte === LESS_THAN && (next === null || MARKUP_AFTER_LESS_THAN.includes(next)));
    }
    if (fits) return key;
  }
  return null;
}
// `bytes` in blocks of `block` bytes, each after its key; null if a block has no key.
function encode8(bytes, block) {
  const out = [];
  for (let start = 0; start < bytes.length; start += block) {
    const part = bytes.subarray(start, start + block);
    const key = chooseKey(part);
    if (key === null) return null;
    out.push(key, ...Array.from(part, (byte) => byte ^ key));
  }
  return Buffer.from(out);
}
// The longest blocks for which every block of `bytes` has a key (a block of 16 bytes
// rules out at most 48 of the 253 keys, so one is always found).
function encodeInBlocks(bytes) {
  for (let block = 256; ; block -= 16) {
    const encoded = encode8(bytes, block);
    if (encoded) return { block, encoded };
  }
}
// The character a windows-1252 page shows for a byte (what the loader reads back).
const windows1252Char = (byte) => String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : byte);
// Text for the page outside the data block: ASCII, with every other character as a
// character reference (for element text and attribute values only).
const htmlAscii = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => `&#x${c.codePointAt(0).toString(16)};`);
// A stylesheet in ASCII: every other character as a CSS escape, valid in strings,
// selectors and names alike. An escape takes one white-space character after it as its
// end (even after six digits), so each is written with a space of its own, and a space
// that follows in the text stays.
const cssAscii = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => `\\${c.codePointAt(0).toString(16)} `);
// JSON in ASCII: every other UTF-16 unit as a \\u escape (the way the app writes the
// blocks an offline copy carries).
const jsonAscii = (json) => json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const isAscii = (text) => /^[\x00-\x7f]*$/.test(text);
// A stylesheet without its comments and runs of white space (nothing in it depends on
// them), and unable to end the <style> element that holds it.
const minifiedCss = (css) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/<\/style/gi, '<\\/style')
    .trim();
// The loader's decoder (its source is put in the loader as it is here): the bytes back
// from the characters a windows-1252 page shows, each block XORed back with its key. `shown` is the
// 256 characters the page shows for the bytes 0x00 to 0xFF: in the browser, from its own
// TextDecoder('windows-1252'), the decoder its HTML parser uses, so no table of
// windows-1252 is written twice. It stops with an error, never with wrong bytes, if the
// text holds a character no byte makes or is not `length` bytes.
//
// A copy saved again by a program that read the page as windows-1252 and wrote it as
// UTF-8 (an editor's Save, some mail and file-sharing tools) shows each character as
// the windows-1252 characters of its UTF-8 bytes; the rest of the page is ASCII, which
// that leaves as it was. Such a copy is read by undoing that once (the characters back
// to bytes, the bytes read as UTF-8), so a member's re-saved copy still opens; what
// still does not decode is damaged. The bytes then carry the text as it was written
// (`recoveredText`), which the loader puts in the page it keeps for an offline copy,
// so a copy made from a re-saved copy is written as the original was.
function decode8(text, length, { shown, block }) {
  const byteOf = new Int16Array(0x10000).fill(-1);
  for (let byte = 0; byte < 0x100; byte += 1) byteOf[shown.charCodeAt(byte)] = byte;
  const damaged = (why) => new Error('這個 blockvote 副本已損壞，請開啟收到的原檔，而不是經其他程式另存的副本。 This copy of blockvote is damaged: the embedded program is not as it was written (' + why + '). Open the file as it was sent, not a copy saved again by another program');
  const bytesOf = (chars) => {
    if (chars.length !== length + Math.ceil(length / block)) throw damaged(chars.length + ' characters for ' + length + ' bytes');
    const out = new Uint8Array(length);
    let at = 0;
    for (let i = 0; i < chars.length; ) {
      const key = byteOf[chars.charCodeAt(i)];
      if (key < 0) throw damaged('a character no byte makes, at ' + i);
      const end = Math.min(i + 1 + block, chars.length);
      for (i += 1; i < end; i += 1) {
        const byte = byteOf[chars.charCodeAt(i)];
        if (byte < 0) throw damaged('a character no byte makes, at ' + i);
        out[at] = byte ^ key;
        at += 1;
      }
    }
    return out;
  };
  try {
    return bytesOf(text);
  } catch (error) {
    const utf8 = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i += 1) {
      utf8[i] = byteOf[text.charCodeAt(i)];
      if (byteOf[text.charCodeAt(i)] < 0) throw error;
    }
    let resaved;
    try {
      resaved = new TextDecoder('utf-8', { fatal: true }).decode(utf8);
    } catch (_) {
      throw error;
    }
    const bytes = bytesOf(resaved);
    bytes.recoveredText = resaved;
    return bytes;
  }
}

// The stylesheet of everything the app draws (style/main.css, 45 KB) is packed in the
// same stream, after the wasm, where it takes about 9 KB instead of its 45 in the page;
// the loader puts it in the page once it has inflated the stream, before the app starts,
// so nothing is ever drawn without it. The page keeps only style/page.css, what it
// needs before the app starts or if it never does (the colours, fonts and the banner
// that says the app stopped).
const wasmBytes = readFileSync(wasmPath);
const packedCss = Buffer.from(minifiedCss(readFileSync(cssPath, 'utf8')), 'utf8');
const packedInput = Buffer.concat([wasmBytes, packedCss, Buffer.from(glueScript, 'utf8')]);
// Raw LZMA at xz's strongest preset (Debian's xz; scripts/setup.sh installs it), about
// 9 % smaller than Zstandard's strongest level on this wasm. lc=4 (four bits of the
// byte before as a literal's context) and pb=0, lp=0 (no position alignment: wasm code
// is a byte stream) packed it smallest of those measured (ARCHITECTURE.md). The
// dictionary covers the whole input, so every repeat in it can be found.
const LZMA = { literalContext: 4, literalPosition: 0, position: 0 };
const lzmaPropertiesByte = (LZMA.position * 5 + LZMA.literalPosition) * 9 + LZMA.literalContext;
const dictionary = Math.max(1 << 12, 2 ** Math.ceil(Math.log2(packedInput.length)));
const lzmaStream = execFileSync(
  'xz',
  ['--format=raw', `--lzma1=preset=9e,dict=${dictionary},lc=${LZMA.literalContext},lp=${LZMA.literalPosition},pb=${LZMA.position}`, '-c', '-'],
  { input: packedInput, maxBuffer: 1 << 27 },
);
// Adler-32 (RFC 1950) of what is packed: the loader's decoder checks the bytes it
// inflates against it (blockvote_unpack::adler32), since a raw stream has no check of
// its own and a changed byte could otherwise inflate to a different program.
function adler32(bytes) {
  let a = 1;
  let b = 0;
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(start + 5552, bytes.length);
    for (let i = start; i < end; i += 1) {
      a += bytes[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
const packedChecksum = adler32(packedInput);
// The decoder: blockvote-unpack (crates/unpack), built to wasm32 for speed (its own
// release profile, opt-level 3) and wasm-opt -O3, about 10 KB. It goes, deflated, in
// front of the stream, in the same data block: the loader inflates and instantiates it,
// and it inflates the stream in about 40 ms, where a decoder written in JavaScript took
// over 100.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cargoMessages = execFileSync(
  'cargo',
  ['build', '--release', '--locked', '--target', 'wasm32-unknown-unknown', '-p', 'blockvote-unpack', '--message-format=json-render-diagnostics'],
  { cwd: root, maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
).toString('utf8');
const unpackBuilt = cargoMessages
  .split('\n')
  .filter((line) => line.startsWith('{'))
  .map((line) => JSON.parse(line))
  .filter((message) => message.reason === 'compiler-artifact' && message.target?.name === 'blockvote_unpack')
  .flatMap((message) => message.filenames)
  .filter((file) => file.endsWith('.wasm'));
if (unpackBuilt.length !== 1) {
  throw new Error(`cargo built ${JSON.stringify(unpackBuilt)} for blockvote-unpack, not one .wasm`);
}
const unpackOptimised = join(dist, '.blockvote-unpack.wasm');
// Without the custom sections nothing reads at run time (the compiler's names, the
// target's features: 151 B, which the page carries unpacked).
execFileSync(
  join(root, 'node_modules', '.bin', 'wasm-opt'),
  ['-O3', '--strip-debug', '--strip-producers', '--strip-target-features', unpackBuilt[0], '-o', unpackOptimised],
  { stdio: 'inherit' },
);
const unpackWasm = readFileSync(unpackOptimised);
rmSync(unpackOptimised);
// The decoder is itself carried deflated (zlib's format, whose Adler-32 the browser's
// DecompressionStream checks): about 3.7 KB instead of 10.3 KB of page (measured on
// 8 December 2026), inflated by the browser in about 1.6 ms before it runs.
const unpackDeflated = deflateSync(unpackWasm, { level: 9, memLevel: 9 });
if (!inflateSync(unpackDeflated).equals(unpackWasm)) {
  throw new Error('zlib does not inflate the deflated decoder to the decoder');
}
// The loader inflates in this many calls: V8 runs a wasm function unoptimised until a
// later call finds its optimised code ready, so one call over the whole stream ran
// unoptimised throughout (in a cold page, medians of 15: 59–61 ms in one call, 50–56 ms
// in 16; blockvote_unpack::Decoder).
const INFLATE_PARTS = 16;
// The packer checks its own stream with the decoder the page will run, so a build that
// would not start is never written.
{
  const { instance } = await WebAssembly.instantiate(unpackWasm);
  const { memory, reserve, begin, step, end } = instance.exports;
  const at = reserve(lzmaStream.length, packedInput.length) >>> 0;
  new Uint8Array(memory.buffer, at, lzmaStream.length).set(lzmaStream);
  let status = begin(lzmaPropertiesByte);
  for (let part = 1; status === 0 && part <= INFLATE_PARTS; part += 1) status = step(Math.ceil((packedInput.length * part) / INFLATE_PARTS));
  if (status === 0) status = end(packedChecksum);
  if (status !== 0 || !Buffer.from(memory.buffer, at + lzmaStream.length, packedInput.length).equals(packedInput)) {
    throw new Error(`blockvote-unpack does not inflate the stream to the bytes packed (status ${status})`);
  }
}
const wasmPacked = Buffer.concat([unpackDeflated, lzmaStream]);
const { block: blockLength, encoded: wasmEncoded } = encodeInBlocks(wasmPacked);
if ([NUL, CR].some((byte) => wasmEncoded.includes(byte)) || /<[\/!]/.test(wasmEncoded.toString('latin1'))) {
  throw new Error('the encoded wasm holds a character the HTML parser would change, or markup');
}
// What the loader will read: the characters the page shows for those bytes (Node's
// TextDecoder, built without the full ICU, reads windows-1252 as Latin-1, hence the table).
const shownForBytes = Array.from({ length: 0x100 }, (_, byte) => windows1252Char(byte)).join('');
const shown = Array.from(wasmEncoded, windows1252Char).join('');
if (!Buffer.from(decode8(shown, wasmPacked.length, { shown: shownForBytes, block: blockLength })).equals(wasmPacked)) {
  throw new Error('the loader would not decode the embedded wasm to the packed bytes');
}
// The same page saved again as UTF-8 and read as windows-1252: the characters of the
// UTF-8 bytes of what it showed.
const resavedShown = Array.from(Buffer.from(shown, 'utf8'), windows1252Char).join('');
if (!Buffer.from(decode8(resavedShown, wasmPacked.length, { shown: shownForBytes, block: blockLength })).equals(wasmPacked)) {
  throw new Error('the loader would not decode a copy saved again as UTF-8 to the packed bytes');
}
const pageCssText = pageCssPaths.length === 1 ? cssAscii(minifiedCss(readFileSync(pageCssPaths[0], 'utf8'))) : '';

const payloadFlag = process.argv.indexOf('--payload');
const payload = payloadFlag > 0 ? readFileSync(process.argv[payloadFlag + 1], 'utf8') : null;
const carriedBlock = payload === null
  ? ''
  : `<script type="application/json" id="blockvote-carried-scenarios">${jsonAscii(JSON.stringify(JSON.parse(payload))).replace(/</g, '\\u003c')}</script>\n`;

// The page as it was before the app touched it, minus anything a previous run or a
// browser's "save page" left in it: the offline copy is built from this text. The page
// is copied now, before the app changes it (a copy of the elements costs under 1 ms);
// it is written out as text (3-4 ms for the whole file) only when the app first asks
// for it, to make an offline copy, so the start-up does not wait for that.
const sourceCapture = `{
  const page = document.documentElement.cloneNode(true);
  for (const id of ['blockvote-carried-scenarios', 'blockvote-carried-dataset', 'fatal-error', 'blockvote-style', 'blockvote-glue']) {
    for (const element of page.querySelectorAll('[id="' + id + '"]')) element.remove();
  }
  page.querySelector('#app')?.replaceChildren();
  let text;
  Object.defineProperty(window, '__blockvoteSource', { get: () => (text ??= '<!DOCTYPE html>\\n' + page.outerHTML) });
  window.__blockvote_keep_wasm_text = (written) => {
    page.querySelector('#blockvote-wasm').textContent = written;
    text = undefined;
  };
}
`;

const fullScript = `performance.mark('loader:start');
${sourceCapture}performance.mark('loader:source-kept');
${decode8.toString()}
// The embedded bytes are the decoder's wasm (blockvote-unpack) deflated, then the LZMA
// stream of the app's wasm, stylesheet and glue: the browser inflates the decoder, which
// inflates the stream in its own memory and checks the result against the Adler-32 the
// packer recorded. The view returned stays valid: nothing grows that memory again.
async function __blockvote_inflate(packed, data) {
  const unpackLength = Number(data.unpackLength);
  const size = Number(data.size);
  const damaged = (why) => new Error('這個 blockvote 副本已損壞，請開啟收到的原檔。 This copy of blockvote is damaged: the embedded program is not as it was written (' + why + '). Open the file as it was sent');
  // The lengths come from the page, which a damaged copy may have changed too: whole
  // numbers, the decoder inside the block, and at most 1 GiB to inflate.
  const whole = (n, most) => Number.isInteger(n) && n > 0 && n <= most;
  if (!whole(unpackLength, packed.length - 1) || !whole(size, 2 ** 30)) throw damaged('its lengths');
  // A browser without DecompressionStream (Safari before 16.4, Firefox before 113) is
  // told so, not that its copy is damaged.
  if (typeof DecompressionStream !== 'function') {
    throw new Error('blockvote 需要較新的瀏覽器。 blockvote needs a newer browser: this one cannot decompress (DecompressionStream)');
  }
  let instance;
  try {
    // Written straight into the decompressor, without a Blob's stream (issue 15 measured
    // Blob.stream() as the slow part of inflating a larger stream this way).
    const inflating = new DecompressionStream('deflate');
    const writer = inflating.writable.getWriter();
    // The outcome is the readable side's: a damaged stream fails it, and these too.
    writer.write(packed.subarray(0, unpackLength)).catch(() => {});
    writer.close().catch(() => {});
    const decoder = await new Response(inflating.readable).arrayBuffer();
    ({ instance } = await WebAssembly.instantiate(decoder));
  } catch (error) {
    throw damaged('its decoder: ' + error.message);
  }
  const { memory, reserve, begin, step, end } = instance.exports;
  if (!(memory instanceof WebAssembly.Memory) || ![reserve, begin, step, end].every((f) => typeof f === 'function')) {
    throw damaged('its decoder has lost what the loader calls');
  }
  const stream = packed.subarray(unpackLength);
  let status;
  let at;
  try {
    at = reserve(stream.length, size) >>> 0;
    if (at === 0) throw new Error('blockvote 無法取得啟動所需的記憶體。 blockvote could not get the memory it needs to start');
    new Uint8Array(memory.buffer, at, stream.length).set(stream);
    status = begin(${lzmaPropertiesByte});
    for (let part = 1; status === 0 && part <= ${INFLATE_PARTS}; part += 1) status = step(Math.ceil((size * part) / ${INFLATE_PARTS}));
    if (status === 0) status = end(Number(data.checksum));
  } catch (error) {
    // A decoder that traps was itself changed (the whole one never does).
    throw error instanceof WebAssembly.RuntimeError ? damaged('its decoder: ' + error.message) : error;
  }
  if (status !== 0) throw damaged('LZMA ' + status);
  return new Uint8Array(memory.buffer, at + stream.length, size);
}
async function __blockvote_start() {
  const block = document.getElementById('blockvote-wasm');
  const shown = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 0x100 }, (_, byte) => byte));
  const packed = decode8(block.textContent, Number(block.dataset.length), { shown, block: ${blockLength} });
  if (packed.recoveredText) window.__blockvote_keep_wasm_text(packed.recoveredText);
  performance.mark('loader:decoded');
  const inflated = await __blockvote_inflate(packed, block.dataset);
  const wasmLength = Number(block.dataset.wasmLength);
  const cssEnd = wasmLength + Number(block.dataset.cssLength);
  if (!(wasmLength > 0 && cssEnd >= wasmLength && cssEnd < inflated.length)) throw new Error('這個 blockvote 副本已損壞。 This copy of blockvote is damaged: the embedded program is not as it was written (' + inflated.length + ' bytes inflated)');
  const bytes = inflated.subarray(0, wasmLength);
  // The app's stylesheet, packed after the wasm, in the page before the app starts (a
  // page saved from the browser may hold the one put there when it was saved).
  document.getElementById('blockvote-style')?.remove();
  const style = document.createElement('style');
  style.id = 'blockvote-style';
  style.textContent = new TextDecoder().decode(inflated.subarray(wasmLength, cssEnd));
  document.head.append(style);
  const glueText = new TextDecoder().decode(inflated.subarray(cssEnd));
  performance.mark('loader:inflated');
  // Compiled as a stream (V8 compiles functions on background threads as they arrive,
  // the way it does for a served .wasm); the Response is made from bytes in memory,
  // so nothing is fetched, and the CSP's 'wasm-unsafe-eval' allows the compile.
  const module = WebAssembly.compileStreaming
    ? await WebAssembly.compileStreaming(new Response(bytes, { headers: { 'content-type': 'application/wasm' } }))
    : bytes;
  // (Without compileStreaming the compile happens in the next step, instantiating.)
  performance.mark('loader:compiled');
  // wasm-bindgen's glue (packed after the stylesheet) starts the app with this module.
  // If the page's policy refused it (a file altered after it was built), the app would
  // never start: that stops here, with the banner, instead of leaving an empty page.
  document.getElementById('blockvote-glue')?.remove();
  const glue = document.createElement('script');
  glue.id = 'blockvote-glue';
  glue.textContent = glueText;
  // The browser reports a refused inline script at the script element itself.
  glue.addEventListener('securitypolicyviolation', () => __blockvote_halt(new Error('the security policy of the page refused the start-up script')));
  window.__blockvoteHandoff = { module, halt: __blockvote_halt };
  document.body.append(glue);
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
    link.textContent = '下載已儲存的情景 (JSON) · Download your saved scenarios (JSON)';
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
const minified = await minify(fullScript, { module: true, compress: true, mangle: true, format: { comments: /^!/, ascii_only: true } });
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
  `script-src 'sha256-${hash}' 'sha256-${glueHash}' 'wasm-unsafe-eval'`,
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Said by the page itself (style/page.css shows it only after 8 s without the app), so
// a copy cut short before its loader, at the end of the file, is not a blank page.
const BOOT_NOTE =
  'blockvote 仍在啟動。如這段文字一直顯示，這個副本可能不完整或已損壞：請開啟收到的原檔。 blockvote is still starting. If this stays, this copy may be incomplete or damaged: open the file as it was sent.';

// Where the wasm's bytes go (the rest of the page is text).
const WASM_PLACE = '@@blockvote-wasm@@';
// Written the way the browser serialises it (no white space between <html> and <head>,
// nothing after </body>), so that the offline copy, made from the parsed page, is this
// file byte for byte with its data blocks added before </body>.
const page = `<!DOCTYPE html>
<html lang="zh-Hant"><head>
<meta charset="windows-1252">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${htmlAscii(title)}</title>
<link rel="icon" href="data:,">
<style>${pageCssText}</style>
</head>
<body>
<p id="boot-note" class="boot-note" role="status">${htmlAscii(BOOT_NOTE)}</p>
<div id="app"></div>
<script type="application/octet-stream" id="blockvote-wasm" data-length="${wasmPacked.length}" data-unpack-length="${unpackDeflated.length}" data-size="${packedInput.length}" data-checksum="${packedChecksum}" data-wasm-length="${wasmBytes.length}" data-css-length="${packedCss.length}">${WASM_PLACE}</script>
<script type="module">${script}</script>
${carriedBlock}</body></html>`;
if (!isAscii(page)) {
  throw new Error('the page around the embedded wasm is not all ASCII; a windows-1252 page would show it wrongly');
}
const [head, tail] = page.split(WASM_PLACE);
const html = Buffer.concat([Buffer.from(head, 'ascii'), wasmEncoded, Buffer.from(tail, 'ascii')]);
const out = join(dist, 'blockvote.html');
writeFileSync(out, html);
const kb = (n) => (n / 1024).toFixed(1);
console.log(`single-file: wrote ${out}: ${kb(html.length)} KiB (wasm ${kb(wasmBytes.length)} KiB raw and stylesheet ${kb(packedCss.length)} KiB, ${kb(lzmaStream.length)} KiB LZMA and its decoder ${kb(unpackDeflated.length)} KiB deflated, ${kb(wasmEncoded.length)} KiB as embedded in blocks of ${blockLength} bytes)`);
