// The one benchmark command (make bench): builds nothing, measures the release
// artifacts and prints one table.
//
//   node scripts/bench.mjs [--quick] [--no-browser]
//
// --quick: 100,000 ID numbers instead of 1,000,000, fewer calls and runs.
// Needs: web/pkg-node and www/dist (scripts/build.sh), the native example
// (cargo build --release -p zhuchuang-core --example ids_rate), Chromium at
// /usr/bin/chromium (or $CHROMIUM) for the browser rows. A missing piece is
// reported with the command that builds it, and its rows are left out.
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './bench/numbers.mjs';
import { runIds } from './bench/ids.mjs';
import { runCalls } from './bench/calls.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const started = process.hrtime.bigint();
const require = createRequire(import.meta.url);
const rows = []; // [section, what, figure, beside]
const missing = [];
const fmt = (x, d = 1) => (x >= 100 ? x.toFixed(0) : x.toFixed(d));
const short = (s, n = 72) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);
const rate = (perSecond) => `${(perSecond / 1e6).toFixed(2)} M/s`;

// ---- Node: the API package -------------------------------------------------
const pkgNode = join(root, 'web/pkg-node/zhuchuang_web.js');
const profile = existsSync(join(root, 'www/dist/build-profile'))
  ? readFileSync(join(root, 'www/dist/build-profile'), 'utf8').trim() : 'unknown';
const count = quick ? 100_000 : 1_000_000;
const numbers = generate(count);

if (!existsSync(pkgNode)) {
  missing.push('web/pkg-node (the Node package): run scripts/build.sh');
} else {
  const zc = require(pkgNode);
  for (const r of runCalls(zc, { quick })) {
    rows.push(['per call (Node)', short(`${r.fn}${r.input ? ` — ${r.input}` : ''}`), `${fmt(r.medianUs)} µs median`, `p99 ${fmt(r.p99Us)} µs (${r.calls} calls)`]);
  }
  const ids = runIds(zc, numbers, quick ? 3 : 5);
  for (const r of ids.rows) {
    rows.push([`resident IDs ×${count.toLocaleString('en')}`, r.name, `${fmt(r.ns)} ns/number`, `${rate(r.perSecond)}, ${r.valid.toLocaleString('en')} valid`]);
  }
  for (const t of ids.targets) {
    rows.push(['target', t.what, `${t.ratio.toFixed(2)}×`, `${t.ratio >= t.need ? 'met' : 'NOT met'} (fastest peer: ${ids.fastest.name})`]);
  }
}

// ---- Node: the first rule call after load (fresh processes) -----------------
if (existsSync(pkgNode)) {
  const out = execFileSync(process.execPath, [join(root, 'scripts/first-call.mjs'), join(root, 'web/pkg-node'), quick ? '5' : '11'], { encoding: 'utf8' });
  const figure = (label) => Number(out.match(new RegExp(`${label}\\s+([0-9.]+) ms`))?.[1]);
  const first = figure('first checkEligibility');
  rows.push(['first call (Node)', 'require the package', `${fmt(figure('require'))} ms`, 'median of fresh processes']);
  rows.push(['first call (Node)', 'first checkEligibility after require', `${fmt(first)} ms`, `target < 5 ms: ${first < 5 ? 'met' : 'NOT met'}`]);
}

// ---- the native core ------------------------------------------------------
const native = join(root, 'target/release/examples/ids_rate');
if (!existsSync(native)) {
  missing.push('the native rate: run cargo build --release -p zhuchuang-core --example ids_rate');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'zc-bench-'));
  try {
    const file = join(dir, 'numbers.txt');
    writeFileSync(file, numbers.join('\n'));
    const out = JSON.parse(execFileSync(native, [file, quick ? '3' : '5'], { encoding: 'utf8' }));
    rows.push(['native core (release)', 'is_valid_id', `${fmt(out.isValidIdNs)} ns/number`, `${rate(1e9 / out.isValidIdNs)}, ${out.validIsValidId.toLocaleString('en')} valid`]);
    rows.push(['native core (release)', 'validate_ids (one call)', `${fmt(out.validateIdsNs)} ns/number`, `${rate(1e9 / out.validateIdsNs)}, ${out.validValidateIds.toLocaleString('en')} valid`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- Chromium: first download and time to a result, per widget -------------
if (args.includes('--no-browser')) {
  missing.push('the browser rows: left out (--no-browser)');
} else if (!existsSync(join(root, 'www/dist/zc-widgets.js'))) {
  missing.push('www/dist (the widget bundles): run scripts/build.sh');
} else if (!existsSync(process.env.CHROMIUM || '/usr/bin/chromium')) {
  missing.push('Chromium: install it (scripts/setup.sh --browser) or set $CHROMIUM');
} else {
  const { runBrowser } = await import('./bench/browser.mjs');
  const runs = 3;
  for (const r of await runBrowser({ runs })) {
    rows.push(['first download (brotli -11)', r.widget, `${(r.brotliBytes / 1024).toFixed(1)} KB`, `${r.files} files, loader, glue, wasm and data; target ≤ 120 KB: ${r.brotliBytes <= 120 * 1024 ? 'met' : 'NOT met'}`]);
    const what = `${r.widget}: ${r.result}${r.filled ? ' (Playwright fills the form once ready)' : ''}`;
    rows.push(['Chromium, to result', what, `${fmt(r.resultMs)} ms`, `ready ${fmt(r.readyMs)} ms; median of ${runs}`]);
    rows.push(['Chromium 4× CPU + slow 4G', what, `${fmt(r.throttledResultMs)} ms`, `ready ${fmt(r.throttledReadyMs)} ms; target < 1500 ms: ${r.throttledResultMs < 1500 ? 'met' : 'NOT met'}`]);
  }
}

// ---- the table --------------------------------------------------------------
const header = ['section', 'what', 'figure', 'beside it'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
const line = (r) => r.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ').trimEnd();
console.log(`zhuchuang benchmark (${quick ? '--quick' : 'full'}; build profile: ${profile}; Node ${process.version}; ${new Date().toISOString()})`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
let last = null;
for (const r of rows) {
  console.log(line(r[0] === last ? ['', ...r.slice(1)] : r));
  last = r[0];
}
for (const m of missing) console.log(`not measured: ${m}`);
console.log(`total run time: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
