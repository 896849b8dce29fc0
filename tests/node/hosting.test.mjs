// The demo server serves the built site as a portal's host would: the
// precompressed copy the browser accepts (brotli before gzip, the same bytes
// once decoded), Vary, an ETag that answers 304, the CSP, and CORS on dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { serve } from '../../scripts/serve.mjs';

const dist = new URL('../../www/dist/', import.meta.url).pathname;
const built = existsSync(`${dist}id-check/zhuchuang_widgets_bg.wasm.br`);
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
  for (const path of ['/dist/zc-widgets.js', '/dist/id-check/zhuchuang_widgets_bg.wasm', '/dist/zc-widgets.css']) {
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
    assert.equal(br.headers['cache-control'], 'no-cache');
  }
  const wasm = await get('/dist/id-check/zhuchuang_widgets_bg.wasm', { 'accept-encoding': 'br' });
  assert.equal(wasm.headers['content-type'], 'application/wasm');
});

test('pages carry the CSP; only the iframe page may be framed', async () => {
  const page = await get('/');
  assert.match(page.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(page.headers['content-security-policy'], /frame-ancestors 'none'/);
  const frame = await get('/dist/frame.html');
  if (frame.status === 200) assert.doesNotMatch(frame.headers['content-security-policy'], /frame-ancestors 'none'/);
  assert.equal((await get('/no-such-file')).status, 404);
});
