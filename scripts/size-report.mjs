// Size report of a build: raw, gzip (level 9) and brotli (quality 11) bytes.
//
//   node scripts/size-report.mjs [file …]
//   node scripts/size-report.mjs --update-budgets   (rewrites www/budgets.json from the build)
//
// prints the sizes of the given files, then, from www/dist, the first download
// of a page with only one widget: the loader (zc-widgets.js) plus that widget's
// bundle (glue, its snippets, wasm), each file compressed on its own as a server
// sends it, against the 120 KB brotli target of issue 09. tests/node/budgets.test.mjs
// measures with the same functions.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

/** The bundles in www/dist and the tags each defines (`all`: every tag, for
 * pages with several kinds), read from the loader's table (generated from the
 * widgets' own, widgets/tests/generated.rs). */
export const BUNDLES = (() => {
  const loader = readFileSync(join(root, 'widgets/js/zc-widgets.js'), 'utf8');
  const out = {};
  for (const [, tag, bundle] of loader.matchAll(/^\s*'(zc-[a-z-]+)':\s*'([a-z-]+)',$/gm)) (out[bundle] ??= []).push(tag);
  out.all = ['every <zc-…> element'];
  return out;
})();

/** A built file's name without its content hash (scripts/hash-dist.mjs), as
 * budgets name it: `zhuchuang_widgets_bg.3f9a2c1b0d.wasm` → `zhuchuang_widgets_bg.wasm`. */
export function logical(path) {
  return path.replace(/\.[0-9a-f]{10}(\.(?:js|wasm))$/, '$1');
}

/** The file a logical name stands for in the build: itself, or its hashed copy. */
export function built(path) {
  if (existsSync(path)) return path;
  const dir = dirname(path);
  const base = basename(path).replace(/\.(js|wasm)$/, '');
  const ext = extname(path);
  const found = existsSync(dir) && readdirSync(dir).find((n) => n.startsWith(`${base}.`) && n.endsWith(ext)
    && /^[0-9a-f]{10}$/.test(n.slice(base.length + 1, -ext.length)));
  return found ? join(dir, found) : path;
}

/** raw, gzip -9 and brotli -11 bytes of one file's contents. */
export function sizes(data) {
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
}

/** The files under `dir`, without the precompressed copies (.br, .gz) a host
 * serves in their place (scripts/precompress.mjs). */
function filesUnder(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(br|gz)$/.test(name) ? [] : [path];
  });
}

/**
 * The first download of a page with only `bundle`'s widget: the files fetched
 * (loader, glue, snippets, wasm; paths relative to the repository) and the sum
 * of their sizes, each file compressed separately.
 */
export function firstDownload(bundle, dist = join(root, 'www/dist')) {
  const files = [join(dist, 'zc-widgets.js'), ...filesUnder(join(dist, bundle))];
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const s = sizes(readFileSync(file));
    for (const k of Object.keys(total)) total[k] += s[k];
  }
  return { files: files.map((f) => logical(relative(root, f))), ...total };
}

export const TARGET_BROTLI = 120 * 1024;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

/** A budget about 5 % over `measured` (at least 512 bytes), rounded up to whole KiB. */
export function budgetFor(measured) {
  return Math.ceil(Math.max(measured * 1.05, measured + 512) / 1024) * 1024;
}

/**
 * Re-measures every artifact and first download listed in www/budgets.json (and
 * any bundle missing from it) and sets each budget from the new measure. For a
 * size change made on purpose: commit the file with the change and say why.
 */
function updateBudgets() {
  const file = join(root, 'www/budgets.json');
  const budgets = JSON.parse(readFileSync(file, 'utf8'));
  const withBudget = (measured) => ({
    measured,
    budget: Object.fromEntries(Object.entries(measured).map(([k, v]) => [k, budgetFor(v)])),
  });
  // Every bundle's wasm has an artifact budget, a new bundle's too.
  for (const bundle of Object.keys(BUNDLES)) budgets.artifacts[`www/dist/${bundle}/zhuchuang_widgets_bg.wasm`] ??= {};
  for (const [path, entry] of Object.entries(budgets.artifacts)) {
    Object.assign(entry, withBudget(sizes(readFileSync(built(join(root, path))))));
  }
  budgets.firstDownloads ??= {};
  for (const [bundle, tags] of Object.entries(BUNDLES)) {
    const { files, raw, gzip, brotli } = firstDownload(bundle);
    budgets.firstDownloads[bundle] = {
      tags,
      files,
      ...withBudget({ raw, gzip, brotli }),
      meetsTarget: brotli <= budgets.target.firstDownloadBrotliBytes,
    };
  }
  const widgets = Object.entries(budgets.firstDownloads).filter(([b]) => b !== 'all');
  budgets.target.met = widgets.every(([, e]) => e.meetsTarget);
  budgets.measuredOn = new Date().toISOString().slice(0, 10);
  writeFileSync(file, `${JSON.stringify(budgets, null, 1)}\n`);
  console.log(`www/budgets.json: measured ${budgets.measuredOn}; target ${budgets.target.met ? 'met' : 'NOT met'} (${
    widgets.map(([b, e]) => `${b} ${e.measured.brotli} B ${e.meetsTarget ? 'met' : 'not met'}`).join(', ')})`);
}

function main(args) {
  if (args[0] === '--update-budgets') return updateBudgets();
  if (args.length) {
    console.log('\nSize report (after wasm-opt -Oz):');
    table(['file', 'raw', 'gzip -9', 'brotli -11'], args.map((file) => {
      const s = sizes(readFileSync(built(file)));
      return [logical(file), kb(s.raw), kb(s.gzip), kb(s.brotli)];
    }));
  }
  const dist = join(root, 'www/dist');
  if (!existsSync(join(dist, 'zc-widgets.js'))) return;
  console.log('\nFirst download of a page with one widget (loader + glue + snippets + wasm, each file compressed alone):');
  const rows = Object.entries(BUNDLES).filter(([b]) => existsSync(join(dist, b))).map(([bundle, tags]) => {
    const d = firstDownload(bundle, dist);
    const met = d.brotli <= TARGET_BROTLI ? 'met' : 'NOT met';
    return [`${bundle} (${tags.join(', ')})`, kb(d.raw), kb(d.gzip), `${kb(d.brotli)} (${d.brotli} B)`, met];
  });
  table(['bundle', 'raw', 'gzip -9', 'brotli -11', `≤ ${kb(TARGET_BROTLI)} brotli`], rows);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
