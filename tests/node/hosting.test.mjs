// The demo server serves the built site as a portal's host would: the
// precompressed copy the browser accepts (brotli before gzip, the same bytes
// once decoded), Vary, a year's immutable cache for the content-hashed bundle
// files and an ETag that answers 304 for the rest, the CSP, CORS on dist/, and
// the demo page's preload lines filled from the build's manifest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { serve } from '../../scripts/serve.mjs';

const dist = new URL('../../www/dist/', import.meta.url).pathname;
const manifest = existsSync(`${dist}manifest.json`) && JSON.parse(readFileSync(`${dist}manifest.json`, 'utf8'));
const idWasm = manifest && `/dist/${manifest.bundles['id-check'].wasm}`;
const built = manifest && existsSync(`${dist}${manifest.bundles['id-check'].wasm}.br`);
let server;
let port;
before(async () => { server = await serve(0); port = server.address().port; });
after(() => server?.close());

function get(path, headers = {}) {
  return new Promise((ok, fail) => {
    request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
}

test('precompressed copies are served to whoever accepts them, decoded to the same bytes', { skip: !built && 'no release build with precompressed files (scripts/build.sh)' }, async () => {
  for (const path of ['/dist/zc-widgets.js', idWasm, '/dist/zc-widgets.css']) {
    const file = readFileSync(dist + path.slice('/dist/'.length));
    const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br', path);
    assert.ok(brotliDecompressSync(br.body).equals(file), `${path}: brotli decodes to the file`);
    assert.ok(br.body.length < file.length, `${path}: smaller`);
    assert.equal(br.headers.vary, 'accept-encoding');
    assert.equal(br.headers['access-control-allow-origin'], '*');
    const gz = await get(path, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(file), `${path}: gzip decodes to the file`);
    const plain = await get(path);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(file));
    // Revalidation: the same ETag answers 304 with no body.
    const again = await get(path, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(br.headers['cache-control'], path === idWasm ? 'public, max-age=31536000, immutable' : 'no-cache', path);
  }
  const wasm = await get(idWasm, { 'accept-encoding': 'br' });
  assert.equal(wasm.headers['content-type'], 'application/wasm');
});

test('bundle files carry a hash of their content; nothing in dist names them otherwise', { skip: !manifest && 'no build (scripts/build.sh)' }, async () => {
  const { createHash } = await import('node:crypto');
  const { readdirSync, statSync } = await import('node:fs');
  for (const [bundle, entry] of Object.entries(manifest.bundles)) {
    assert.ok(entry.files.includes(entry.glue) && entry.files.includes(entry.wasm), bundle);
    for (const f of entry.files) {
      const m = f.match(/\.([0-9a-f]{10})\.(js|wasm)$/);
      assert.ok(m, `${f}: a hashed name`);
      const digest = createHash('sha256').update(readFileSync(dist + f)).digest('hex').slice(0, 10);
      assert.equal(m[1], digest, `${f}: the hash is of its content`);
      assert.equal((await get(`/dist/${f}`)).headers['cache-control'], 'public, max-age=31536000, immutable', f);
    }
    // Every file of the folder is in the manifest (besides the precompressed copies),
    // hashed or, for a script the bundle finds by name (the ledger's worker), stable.
    const walk = (d) => readdirSync(d).flatMap((n) => (statSync(d + n).isDirectory() ? walk(`${d}${n}/`) : [d + n]));
    const onDisk = walk(`${dist}${bundle}/`).filter((f) => !/\.(br|gz)$/.test(f)).map((f) => f.slice(dist.length)).sort();
    assert.deepEqual(onDisk, [...entry.files, ...entry.stable].sort(), bundle);
    for (const f of entry.stable) {
      assert.equal((await get(`/dist/${f}`)).headers['cache-control'], 'no-cache', f);
      const text = readFileSync(dist + f, 'utf8');
      assert.doesNotMatch(text, /'\.\/zhuchuang_widgets(_bg)?\.(js|wasm)'/, `${f} loads the hashed files`);
    }
    assert.equal(entry.preload.length, 2);
  }
  // The loader names the hashed files.
  const loader = readFileSync(`${dist}zc-widgets.js`, 'utf8');
  for (const entry of Object.values(manifest.bundles)) assert.ok(loader.includes(entry.glue) && loader.includes(entry.wasm));
  // The demo page gets its bundle's preload lines, filled in.
  const page = (await get('/')).body.toString();
  for (const line of manifest.bundles.all.preload) assert.ok(page.includes(line.replace('href="', 'href="dist/')), line);
  assert.doesNotMatch(page, /zc:preload/);
});

test('pages carry the CSP; only the iframe page may be framed', async () => {
  const page = await get('/');
  assert.match(page.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(page.headers['content-security-policy'], /frame-ancestors 'none'/);
  const frame = await get('/dist/frame.html');
  if (frame.status === 200) assert.doesNotMatch(frame.headers['content-security-policy'], /frame-ancestors 'none'/);
  assert.equal((await get('/no-such-file')).status, 404);
});
