// Where the bytes of a release wasm go: each function's code attributed to the crate
// it comes from, grouped into the contributors issue 15 asks about (Leptos, serde,
// rust_decimal, unicode-normalization, the standard library, blockvote's three crates),
// plus the data segments and the module's other sections. scripts/bench.mjs calls it
// for blockvote and for the empty app and puts the table in docs/benchmarks.md; run
// alone it prints the table for one build.
//
// How: the release wasm has no names (wasm-opt strips them), so this rebuilds it from
// the wasm-bindgen output Trunk leaves in the target directory, with the same wasm-opt
// level and parameters as the page's Trunk link (index.html) plus `-g`, which keeps the
// name section. wasm-opt is deterministic, so that build must equal the release wasm
// byte for byte once its name section is left out; this script checks that (and stops
// if not: the target directory is older than the release), so every byte counted is a
// byte shipped. The wasm is parsed here (sections, imports, code bodies, the name
// section): no tool beyond the wasm-opt that building already needs.
//
// Usage: node scripts/wasm-bytes.mjs [--dist dist] [--index index.html]
//          [--bindgen target/wasm-bindgen/release/blockvote_bg.wasm]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Which contributor each crate belongs to, in the order the table lists them. A crate
// in no list is counted under "other crates", which names them.
export const CONTRIBUTORS = [
  {
    label: 'Leptos (leptos, tachys, reactive_graph and the crates they bring)',
    crates: ['leptos', 'leptos_dom', 'leptos_server', 'leptos_macro', 'tachys', 'reactive_graph', 'reactive_stores', 'any_spawner', 'throw_error', 'or_poisoned', 'hydration_context', 'oco_ref', 'either_of', 'next_tuple', 'slotmap', 'guardian', 'send_wrapper', 'server_fn', 'wasm_streams', 'futures', 'futures_core', 'futures_util', 'futures_channel', 'futures_executor', 'pin_project', 'pin_project_lite', 'indexmap'],
  },
  { label: 'wasm-bindgen, js-sys, web-sys', crates: ['wasm_bindgen', 'js_sys', 'web_sys', 'wasm_bindgen_futures', 'serde_wasm_bindgen', 'console_error_panic_hook'] },
  { label: 'serde, serde_json', crates: ['serde', 'serde_core', 'serde_json', 'itoa', 'ryu', 'zmij', 'memchr'] },
  { label: 'rust_decimal', crates: ['rust_decimal', 'arrayvec', 'num_traits'] },
  { label: 'unicode-normalization', crates: ['unicode_normalization', 'tinyvec', 'tinyvec_macros', 'smallvec'] },
  { label: 'Rust standard library (core, alloc, std)', crates: ['core', 'alloc', 'std', 'compiler_builtins', 'dlmalloc', '__rustc'] },
  { label: 'blockvote-model', crates: ['blockvote_model'] },
  { label: 'blockvote-present', crates: ['blockvote_present'] },
  { label: 'blockvote (the app)', crates: ['blockvote'] },
];
export const OTHER_CRATES = 'other crates';
export const UNNAMED = 'functions without a name (made by wasm-bindgen or wasm-opt)';
export const DATA = 'data segments (strings, tables, the paper\'s data)';
export const SECTIONS = 'the module\'s other sections (types, imports, exports, tables, headers)';

// ---------------------------------------------------------------------------------
// Building with names
// ---------------------------------------------------------------------------------

// The wasm-opt options of the Trunk link `<link data-trunk rel="rust" …>` in an
// index.html, as Trunk 0.21 passes them: -O<level>, the extra parameters, and
// --enable-reference-types when the link asks for reference types.
function wasmOptOptions(indexHtml) {
  const link = indexHtml.match(/<link\b[^>]*\bdata-trunk\b[^>]*\brel="rust"[^>]*>/);
  if (!link) throw new Error('no <link data-trunk rel="rust"> in the index.html');
  const attribute = (name) => link[0].match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
  const level = attribute('data-wasm-opt');
  if (!level || level === '0') throw new Error('the Trunk link runs no wasm-opt; nothing to rebuild');
  const params = (attribute('data-wasm-opt-params') || '').split(/\s+/).filter(Boolean);
  const referenceTypes = /\bdata-reference-types\b/.test(link[0]) ? ['--enable-reference-types'] : [];
  return [`-O${level}`, ...referenceTypes, ...params];
}

function findRelease(dist) {
  const found = readdirSync(dist).filter((f) => /^blockvote-[0-9a-f]+_bg\.wasm$/.test(f));
  if (found.length !== 1) throw new Error(`expected one blockvote-*_bg.wasm in ${dist}, found ${JSON.stringify(found)}`);
  return join(dist, found[0]);
}

// The release wasm rebuilt with its name section, checked against the release.
function namedBuild({ dist, indexHtml, bindgen }) {
  const scratch = mkdtempSync(join(tmpdir(), 'wasm-bytes-'));
  try {
    const out = join(scratch, 'named.wasm');
    execFileSync('wasm-opt', [`--output=${out}`, ...wasmOptOptions(readFileSync(indexHtml, 'utf8')), '-g', bindgen], { stdio: 'inherit' });
    const named = readFileSync(out);
    const release = readFileSync(findRelease(dist));
    const withoutNames = Buffer.concat([named.subarray(0, 8), ...sections(named).filter((s) => s.custom !== 'name').map((s) => named.subarray(s.start, s.end))]);
    if (!withoutNames.equals(release)) {
      throw new Error(`${bindgen}, optimised again with names, is not the release wasm of ${dist}: build both afresh (make dist / make bench)`);
    }
    return { named, release };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------
// Reading the module
// ---------------------------------------------------------------------------------

// A cursor over the bytes with the two readers a wasm needs: LEB128 and names.
function reader(bytes, at) {
  const r = {
    at,
    byte: () => bytes[r.at++],
    uleb() {
      let value = 0;
      let scale = 1;
      let byte;
      do {
        byte = bytes[r.at++];
        value += (byte & 127) * scale;
        scale *= 128;
      } while (byte & 128);
      return value;
    },
    name() {
      const length = r.uleb();
      r.at += length;
      return bytes.subarray(r.at - length, r.at).toString('utf8');
    },
  };
  return r;
}

// Every section: its id, where it starts and ends (header included), where its
// content starts, and for a custom section its name.
function sections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const found = [];
  const r = reader(bytes, 8);
  while (r.at < bytes.length) {
    const start = r.at;
    const id = r.byte();
    const size = r.uleb();
    const content = r.at;
    const custom = id === 0 ? r.name() : null;
    found.push({ id, start, content, end: content + size, custom });
    r.at = content + size;
  }
  return found;
}

// How many functions the module imports: they come first in the function index space,
// so the code section's first body is function number `imported`.
function importedFunctions(bytes, importSection) {
  if (!importSection) return 0;
  const r = reader(bytes, importSection.content);
  let functions = 0;
  const limits = () => {
    const flags = r.byte();
    r.uleb();
    if (flags & 1) r.uleb();
  };
  for (let count = r.uleb(); count > 0; count -= 1) {
    r.name();
    r.name();
    const kind = r.byte();
    if (kind === 0) {
      r.uleb();
      functions += 1;
    } else if (kind === 1) {
      r.byte();
      limits();
    } else if (kind === 2) {
      limits();
    } else if (kind === 3) {
      r.byte();
      r.byte();
    } else if (kind === 4) {
      r.byte();
      r.uleb();
    } else {
      throw new Error(`unknown import kind ${kind}`);
    }
  }
  return functions;
}

// The function names of the name section (subsection 1), by function index.
function functionNames(bytes, nameSection) {
  const names = new Map();
  const r = reader(bytes, nameSection.content);
  r.name();
  while (r.at < nameSection.end) {
    const kind = r.byte();
    const size = r.uleb();
    const end = r.at + size;
    if (kind === 1) {
      for (let count = r.uleb(); count > 0; count -= 1) {
        const index = r.uleb();
        names.set(index, r.name());
      }
    }
    r.at = end;
  }
  return names;
}

// Each code body's size (its length prefix included) with its function's name.
function functions(bytes) {
  const all = sections(bytes);
  const code = all.find((s) => s.id === 10);
  const nameSection = all.find((s) => s.custom === 'name');
  if (!code || !nameSection) throw new Error('the module has no code or no name section');
  const names = functionNames(bytes, nameSection);
  const first = importedFunctions(bytes, all.find((s) => s.id === 2));
  const r = reader(bytes, code.content);
  const bodies = [];
  for (let count = r.uleb(), i = 0; i < count; i += 1) {
    const start = r.at;
    const size = r.uleb();
    r.at += size;
    bodies.push({ name: names.get(first + i) ?? null, bytes: r.at - start });
  }
  return bodies;
}

// ---------------------------------------------------------------------------------
// Attributing a function to a crate
// ---------------------------------------------------------------------------------

// The crate a function's code comes from, read off its demangled name (wasm-bindgen
// demangles the names it keeps). `path::to::f` is the first path's crate. For an impl
// item, `<Type as Trait>::f` is the type's crate when the type is a path
// (`<alloc::vec::Vec<T,A> as core::clone::Clone>::clone` is alloc's, the derive
// `<blockvote_model::Money as serde::Serialize>` blockvote-model's), else the trait's
// (`<T as tachys::…::IntoAnyAttribute>` is tachys'). Names without a path are
// wasm-bindgen's shims (`__wbindgen_…`, `__wbg_…`), wasm-streams' exports, the entry
// point `main`, or compiler intrinsics (`__multi3`, `memcmp`).
export function crateOf(name) {
  let rest = name.replace(/\[[0-9a-f]+\]/g, '');
  while (rest.startsWith('<')) {
    let depth = 0;
    let end = 0;
    let as = -1;
    for (; end < rest.length; end += 1) {
      if (rest[end] === '<') depth += 1;
      else if (rest[end] === '>' && --depth === 0) break;
      else if (depth === 1 && as < 0 && rest.startsWith(' as ', end)) as = end;
    }
    const self = rest.slice(1, as >= 0 ? as : end);
    const typeCrate = /^(?:&(?:mut )?|\*(?:const|mut) )*([A-Za-z_]\w*)::/.exec(self);
    if (typeCrate) return typeCrate[1];
    if (as < 0) return 'core';
    rest = rest.slice(as + 4, end);
  }
  const path = /^([A-Za-z_]\w*)::/.exec(rest);
  if (path) return path[1];
  if (name === 'main') return 'blockvote';
  if (/^__(wbindgen|wbg|externref)/.test(name)) return 'wasm_bindgen';
  if (/^intounderlying/.test(name)) return 'wasm_streams';
  return 'compiler_builtins';
}

// A generic function copied for several types keeps one path with a different hash per
// copy; the bytes of such copies say how much of a contributor is generic code
// instantiated for the caller's types (a lower bound: a generic used once has one copy).
const withoutHash = (name) => name.replace(/::h[0-9a-f]{16}$/, '');

// The bytes of the module by contributor: every byte of the file is in exactly one row.
function attribute(bytes, dataDir) {
  const all = sections(bytes);
  const bodies = functions(bytes);
  const copies = new Map();
  for (const f of bodies) if (f.name) copies.set(withoutHash(f.name), (copies.get(withoutHash(f.name)) ?? 0) + 1);
  const rows = new Map([...CONTRIBUTORS.map((c) => c.label), OTHER_CRATES, UNNAMED, DATA, SECTIONS].map((label) => [label, { label, bytes: 0, generic: 0, crates: new Map() }]));
  const contributorOf = new Map(CONTRIBUTORS.flatMap((c) => c.crates.map((crate) => [crate, c.label])));
  for (const f of bodies) {
    const crate = f.name ? crateOf(f.name) : null;
    const row = rows.get(crate === null ? UNNAMED : contributorOf.get(crate) ?? OTHER_CRATES);
    row.bytes += f.bytes;
    if (f.name && copies.get(withoutHash(f.name)) > 1) row.generic += f.bytes;
    if (crate) row.crates.set(crate, (row.crates.get(crate) ?? 0) + f.bytes);
  }
  const data = all.find((s) => s.id === 11);
  rows.get(DATA).bytes = data ? data.end - data.start : 0;
  // Everything else, without the name section (the release has none).
  const named = all.find((s) => s.custom === 'name');
  const total = bytes.length - (named.end - named.start);
  const counted = [...rows.values()].reduce((sum, row) => sum + row.bytes, 0);
  rows.get(SECTIONS).bytes = total - counted;
  return {
    total,
    rows: [...rows.values()].map((row) => ({ ...row, crates: [...row.crates].sort((a, b) => b[1] - a[1]) })),
    embeddedFiles: embeddedFiles(data ? bytes.subarray(data.content, data.end) : Buffer.alloc(0), dataDir),
    standardLibrary: standardLibraryDetail(bodies),
  };
}

// The files of data/ (the paper's CSVs) found verbatim in the data segments.
function embeddedFiles(data, dataDir) {
  if (!dataDir) return [];
  return readdirSync(dataDir)
    .map((file) => ({ file, text: readFileSync(join(dataDir, file)) }))
    .filter(({ text }) => text.length > 0 && data.includes(text))
    .map(({ file, text }) => ({ file, bytes: text.length }));
}

// What the standard library's bytes are mostly for: code generated for the program's
// own types (dropping values, calling closures through a pointer, sorting).
function standardLibraryDetail(bodies) {
  const std = new Set(CONTRIBUTORS.find((c) => c.crates.includes('core')).crates);
  const kinds = { 'drop glue (drop_in_place)': /drop_in_place/, 'closure calls (Fn* call shims)': /core::ops::function::/, 'sorting (slice::sort)': /::slice::sort::/, 'formatting (fmt)': /::fmt::/ };
  const detail = Object.fromEntries(Object.keys(kinds).map((k) => [k, 0]));
  for (const f of bodies) {
    if (!f.name || !std.has(crateOf(f.name))) continue;
    const kind = Object.keys(kinds).find((k) => kinds[k].test(f.name));
    if (kind) detail[kind] += f.bytes;
  }
  return detail;
}

/// The bytes of the release wasm in `dist` by contributor. `indexHtml` is the page
/// Trunk built it from (for its wasm-opt options), `bindgen` the wasm-bindgen output
/// Trunk left in the target directory, `dataDir` the folder of files the code embeds.
export function wasmBytes({ dist, indexHtml, bindgen, dataDir }) {
  const { named, release } = namedBuild({ dist, indexHtml, bindgen });
  const result = attribute(named, dataDir);
  if (result.total !== release.length) throw new Error(`counted ${result.total} bytes of ${release.length}`);
  return result;
}

// ---------------------------------------------------------------------------------

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(import.meta.dirname, '..');
  const result = wasmBytes({
    dist: resolve(root, option('dist', 'dist')),
    indexHtml: resolve(root, option('index', 'index.html')),
    bindgen: resolve(root, option('bindgen', join(process.env.CARGO_TARGET_DIR || 'target', 'wasm-bindgen', 'release', 'blockvote_bg.wasm'))),
    dataDir: resolve(root, 'data'),
  });
  for (const row of result.rows) {
    const share = ((100 * row.bytes) / result.total).toFixed(1);
    const crates = row.crates.slice(0, 6).map(([c, b]) => `${c} ${b}`).join(', ');
    console.log(`${String(row.bytes).padStart(9)}  ${share.padStart(5)} %  ${row.label}${crates ? `  (${crates})` : ''}`);
  }
  console.log(`${String(result.total).padStart(9)}  100.0 %  total`);
  console.log('embedded files:', result.embeddedFiles, 'standard library:', result.standardLibrary);
}
