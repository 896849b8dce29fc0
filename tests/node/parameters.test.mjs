// The parameters page is generated from the packs the calculators use: every
// parameter of every pack is on it, and the value the API says is in force on a
// date is the one the page lists for that date, with the same status and date
// of last verification.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const zc = require('../../web/pkg-node/zhuchuang_web.js');
const root = new URL('../../', import.meta.url).pathname;
const out = join(mkdtempSync(join(tmpdir(), 'zc-params-')), 'parameters.html');
execFileSync('node', [join(root, 'scripts/gen-parameters.mjs'), out]);
const html = readFileSync(out, 'utf8');
const packFile = (f) => JSON.parse(readFileSync(join(root, f), 'utf8'));

/** The table row of `key` in the section of pack `id`. */
function row(id, key) {
  const start = html.indexOf(`<tr id="${id}-${key}">`);
  assert.ok(start >= 0, `${id}: ${key} is on the page`);
  return html.slice(start, html.indexOf('</tr>', start));
}

test('every parameter of every pack is on the page, with its values, status and last verification', () => {
  const files = ['core/packs/cn.json', ...readdirSync(join(root, 'core/packs/examples')).map((f) => `core/packs/examples/${f}`)];
  for (const f of files) {
    const pack = packFile(f);
    for (const [key, p] of Object.entries(pack.parameters)) {
      const r = row(pack.meta.id, key);
      for (const v of p.values) assert.ok(r.includes(v.from), `${key}: value from ${v.from}`);
      assert.ok(r.includes(p.lastVerified), `${key}: last verified`);
      assert.ok(r.includes(`status-${p.status}`), `${key}: status`);
    }
  }
  // Citizens' words only: no seed file names or maintainers' notes.
  assert.doesNotMatch(html, /shared\/seeds|\.txt\b/);
});

test('the value in force per the API is the one the page lists for that date', () => {
  zc.resetPacks();
  for (const asOf of ['2025-06-01', '2026-11-21']) {
    for (const p of zc.listParameters({ asOf })) {
      if (!p.current) continue;
      const r = row('cn-national', p.key);
      assert.ok(r.includes(`>${p.current.effectiveFrom}`), `${p.key}: in force from ${p.current.effectiveFrom} on ${asOf}`);
      assert.ok(r.includes(p.current.lastVerified), `${p.key}: verified ${p.current.lastVerified}`);
    }
  }
});
