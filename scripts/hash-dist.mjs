// Content-hashed file names for the widget bundles, so a host can cache them
// for a year (`Cache-Control: public, max-age=31536000, immutable`): a new build
// gives new names, and only the few files with stable names (the loader
// zc-widgets.js, the stylesheet, the iframe page, the packs) are revalidated.
//
//   node scripts/hash-dist.mjs www/dist id-check retirement … all
//
// In each bundle folder, every snippet, the wasm and the glue get a hash of
// their content in their name (`zhuchuang_widgets.3f9a2c1b0d.js`), the glue's
// imports are rewritten to the new names (so its hash covers theirs), and
// www/dist/manifest.json maps each bundle to its files. The loader in www/dist
// gets the same map (it fetches the hashed names), and the preload lines for
// each bundle are in manifest.json (`preload`) for a page or CMS template to
// copy; scripts/serve.mjs fills them into the demo pages as a template would.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';

/** The hash a file name carries: 10 hex digits of SHA-256. */
export const HASH = /\.[0-9a-f]{10}\.(?:js|wasm)$/;
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);
const hashed = (path, h) => join(dirname(path), `${basename(path, extname(path))}.${h}${extname(path)}`);

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The preload lines for a bundle's files, at `base` (the URL of the dist folder, ending in /). */
export function preloadLines(entry, base) {
  return [
    `<link rel="modulepreload" href="${base}${entry.glue}">`,
    `<link rel="preload" href="${base}${entry.wasm}" as="fetch" type="application/wasm" crossorigin>`,
  ];
}

function hashBundle(dist, name) {
  const dir = join(dist, name);
  const glueFile = join(dir, 'zhuchuang_widgets.js');
  const wasmFile = join(dir, 'zhuchuang_widgets_bg.wasm');
  let glue = readFileSync(glueFile, 'utf8');
  const files = [];
  // Snippets first (the glue imports them), then the wasm.
  for (const file of walk(dir).filter((f) => f.includes('/snippets/') && f.endsWith('.js')).sort()) {
    if (HASH.test(file)) throw new Error(`${file} is hashed already: run scripts/build.sh from the start`);
    const to = hashed(file, hash(readFileSync(file)));
    renameSync(file, to);
    const from = `./${relative(dir, file)}`;
    // Only the glue's import statements change: the same path is also the name
    // of a wasm import module (a key of the imports object), which the wasm
    // itself names and which must stay as it is.
    const statement = new RegExp(`(\\bfrom\\s*)(['"])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2`, 'g');
    if (!statement.test(glue)) {
      // wasm-bindgen writes every crate's snippets, used or not: one the glue
      // does not import is never fetched, so it is not shipped.
      rmSync(to);
      continue;
    }
    glue = glue.replace(statement, (_, f, q) => `${f}${q}./${relative(dir, to)}${q}`);
    files.push(`${name}/${relative(dir, to)}`);
  }
  for (const d of readdirSync(join(dir, 'snippets')).map((n) => join(dir, 'snippets', n))) {
    if (statSync(d).isDirectory() && readdirSync(d).length === 0) rmSync(d, { recursive: true });
  }
  const wasmTo = hashed(wasmFile, hash(readFileSync(wasmFile)));
  renameSync(wasmFile, wasmTo);
  glue = glue.split("'zhuchuang_widgets_bg.wasm'").join(`'${basename(wasmTo)}'`);
  const glueTo = hashed(glueFile, hash(glue));
  writeFileSync(glueTo, glue);
  // Nothing may fetch the glue by its old name.
  unlinkSync(glueFile);
  // Other scripts beside the glue (the ledger check's Web Worker, which loads
  // the same bundle) keep their names, since the bundle's code finds them by
  // name; they load the hashed glue and wasm.
  const stable = [];
  for (const n of readdirSync(dir).filter((f) => f.endsWith('.js') && !HASH.test(f))) {
    const file = join(dir, n);
    const text = readFileSync(file, 'utf8')
      .split("'./zhuchuang_widgets.js'").join(`'./${basename(glueTo)}'`)
      .split("'./zhuchuang_widgets_bg.wasm'").join(`'./${basename(wasmTo)}'`);
    writeFileSync(file, text);
    stable.push(`${name}/${n}`);
  }
  const entry = {
    glue: `${name}/${basename(glueTo)}`,
    wasm: `${name}/${basename(wasmTo)}`,
    files: [`${name}/${basename(glueTo)}`, `${name}/${basename(wasmTo)}`, ...files],
    // Files of the bundle that keep their names (revalidated, not cached long).
    stable,
  };
  return entry;
}

export function hashDist(dist, bundles) {
  const manifest = { bundles: {} };
  for (const name of bundles) manifest.bundles[name] = hashBundle(dist, name);
  for (const entry of Object.values(manifest.bundles)) entry.preload = preloadLines(entry, '');
  writeFileSync(join(dist, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // The loader fetches the hashed names: its `FILES` table is filled in.
  const loader = join(dist, 'zc-widgets.js');
  const text = readFileSync(loader, 'utf8');
  const empty = 'const FILES = {};';
  if (!text.includes(empty)) throw new Error(`${loader} has no \`${empty}\` to fill`);
  const files = Object.fromEntries(Object.entries(manifest.bundles).map(([n, e]) => [n, { glue: e.glue, wasm: e.wasm }]));
  writeFileSync(loader, text.replace(empty, `const FILES = ${JSON.stringify(files)};`));
  return manifest;
}

/** The manifest of a built dist folder. */
export function readManifest(dist) {
  return JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  const [dist, ...bundles] = process.argv.slice(2);
  const m = hashDist(dist, bundles);
  for (const [n, e] of Object.entries(m.bundles)) console.log(`${n}: ${e.glue}, ${e.wasm}`);
}
