// The npm packages as an integrator gets them: scripts/package.mjs assembles
// them from the build, `npm pack` makes the tarballs, a scratch project installs
// both (offline, from the tarballs alone) and uses them: the API from Node
// (import and require, and TypeScript against the shipped types), the widgets
// from a page a bundler-free static server serves out of node_modules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../scripts/package.mjs';
import { serveDir } from '../../scripts/serve.mjs';
import { start, outputDir, axe } from './harness.mjs';

const tsc = new URL('../../node_modules/typescript/bin/tsc', import.meta.url).pathname;
let scratch;
let packed;
let env;
let server;

/** `npm pack` in `dir` into `dest`: the tarball's path and the files it holds. */
function pack(dir, dest) {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dest], { cwd: dir, encoding: 'utf8' });
  const [info] = JSON.parse(out);
  return { tarball: join(dest, info.filename), name: info.name, version: info.version, files: info.files.map((f) => f.path) };
}

before(async () => {
  const dirs = assemble();
  scratch = mkdtempSync(join(tmpdir(), 'zc-scratch-'));
  packed = { api: pack(dirs.api, scratch), widgets: pack(dirs.widgets, scratch) };
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'a-portal', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts',
    packed.api.tarball, packed.widgets.tarball], { cwd: scratch, encoding: 'utf8' });
  env = await start();
  server = await serveDir(0, scratch);
});
after(async () => {
  server?.close();
  await env?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('each tarball holds what its package.json promises, with its licence', () => {
  const api = packed.api.files;
  for (const f of ['package.json', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE',
    'node/zhuchuang_web.js', 'node/zhuchuang_web_bg.wasm', 'node/zhuchuang_web.d.ts',
    'browser/zhuchuang_web.js', 'browser/zhuchuang_web_bg.wasm', 'browser/zhuchuang_web.d.ts', 'browser/package.json']) {
    assert.ok(api.includes(f), `zhuchuang lacks ${f}`);
  }
  const widgets = packed.widgets.files;
  const loader = readFileSync(new URL('../../widgets/js/zc-widgets.js', import.meta.url), 'utf8');
  const bundles = new Set([...loader.matchAll(/^\s*'zc-[a-z-]+':\s*'([a-z-]+)',/gm)].map((m) => m[1]));
  assert.ok(bundles.size >= 6, [...bundles].join());
  const manifest = JSON.parse(readFileSync(new URL('../../www/dist/manifest.json', import.meta.url), 'utf8'));
  for (const b of [...bundles, 'all']) {
    for (const f of manifest.bundles[b].files) assert.ok(widgets.includes(f), `zhuchuang-widgets lacks ${f}`);
  }
  assert.ok(widgets.includes('manifest.json'));
  for (const f of ['zc-widgets.js', 'zc-widgets.css', 'zc-widgets.d.ts', 'frame.html', 'frame.js', 'zc-frame.js',
    'packs/cn.json', 'packs/pack.schema.json', 'parameters.html', 'LICENSE-MIT', 'LICENSE-APACHE']) {
    assert.ok(widgets.includes(f), `zhuchuang-widgets lacks ${f}`);
  }
  assert.ok(!widgets.includes('build-profile'));
  for (const p of [packed.api, packed.widgets]) {
    const json = JSON.parse(readFileSync(join(scratch, 'node_modules', p.name, 'package.json'), 'utf8'));
    assert.equal(json.version, p.version);
    assert.equal(json.license, 'MIT OR Apache-2.0');
    assert.ok(json.exports && json.types && json.files, `${p.name}: exports, types, files`);
  }
});

test('the API from Node: import and require give the same answers', () => {
  writeFileSync(join(scratch, 'use.mjs'), `
    import { validateId, checkEligibility, kitInfo } from 'zhuchuang';
    import { createRequire } from 'node:module';
    const cjs = createRequire(import.meta.url)('zhuchuang');
    const id = validateId('residentId', '11010519491231002x', { today: '2026-11-21' });
    const again = cjs.validateId('residentId', '11010519491231002x', { today: '2026-11-21' });
    const d = checkEligibility('difficultPerson', { birthDate: '1970-05-01' }, { asOf: '2026-11-21' });
    let error;
    try { validateId('noSuchKind', '1'); } catch (e) { error = { name: e.name, code: e.code, message: e.message }; }
    console.log(JSON.stringify({ id, same: JSON.stringify(id) === JSON.stringify(again),
      outcome: d.outcome, next: d.nextQuestion && d.nextQuestion.fact, version: kitInfo().version, error }));
  `);
  const r = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: scratch, encoding: 'utf8' }));
  assert.equal(r.id.valid, true);
  assert.equal(r.id.normalized, '11010519491231002X');
  assert.equal(r.same, true);
  assert.equal(r.outcome, 'undetermined');
  assert.equal(typeof r.next, 'string');
  assert.equal(r.version, packed.api.version);
  assert.ok(r.error && r.error.code && r.error.message, JSON.stringify(r.error));
});

test('TypeScript resolves the shipped types through exports', () => {
  writeFileSync(join(scratch, 'use.ts'), `
    import { validateId, type IdCheck } from 'zhuchuang';
    const r: IdCheck = validateId('residentId', '11010519491231002X');
    const ok: boolean = r.valid;
    // @ts-expect-error: validateId takes a string value
    validateId('residentId', 11010519491231002);
    export { ok };
  `);
  writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, target: 'es2022', types: [] },
    files: ['use.ts'],
  }));
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: scratch, encoding: 'utf8' });
});

test('the widgets from node_modules on a plain static server, under the strict CSP', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  writeFileSync(join(scratch, 'index.html'), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>A portal</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="node_modules/zhuchuang-widgets/zc-widgets.css">
<script type="module" src="node_modules/zhuchuang-widgets/zc-widgets.js"></script>
</head><body><main><h1>办事服务</h1>
<zc-id-check kind="residentId"></zc-id-check>
<zc-retirement today="2026-11-21" pack="node_modules/zhuchuang-widgets/packs/cn.json"></zc-retirement>
</main></body></html>`);
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  const response = await page.goto(`${base}/index.html`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await page.evaluate(() => window.zhuchuang.ready);
  const input = page.locator('zc-id-check input').first();
  await input.fill('11010519491231002X');
  // The ID is checked as it is typed: its details appear.
  const details = page.locator('zc-id-check dl.zc-details');
  await details.waitFor();
  assert.match(await details.innerText(), /1949-12-31/);
  await page.locator('zc-retirement button[type=submit]').waitFor();
  assert.ok(requests.some((u) => u.includes('/node_modules/zhuchuang-widgets/all/')), 'two kinds: the combined bundle');
  assert.ok(requests.every((u) => u.startsWith(base) || u.startsWith('data:')), 'nothing fetched off the page\'s host');
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: `${outputDir}packages-scratch.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the scratch project installed nothing but the two tarballs', () => {
  const lock = JSON.parse(readFileSync(join(scratch, 'package-lock.json'), 'utf8'));
  const installed = Object.keys(lock.packages).filter((p) => p).sort();
  assert.deepEqual(installed, ['node_modules/zhuchuang', 'node_modules/zhuchuang-widgets']);
  assert.ok(existsSync(join(scratch, 'node_modules/zhuchuang/node/zhuchuang_web_bg.wasm')));
});
