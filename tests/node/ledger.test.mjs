// checkLedger and ledgerColumns from Node (web/pkg-node): the annotated CSV is
// byte for byte the golden one the Rust runner and the CLI give
// (tests/golden/ledger/*.expected.csv), progress is told and a check can be
// cancelled, a damaged XLSX is refused whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const zc = require('../../web/pkg-node/zhuchuang_web.js');
const dir = join(fileURLToPath(new URL('.', import.meta.url)), '../golden/ledger');
const read = (name) => new Uint8Array(readFileSync(join(dir, name)));
const options = { asOf: '2025-06-01' };

test('the annotated ledger is the golden one, from every encoding', () => {
  const want = read('traps.expected.csv');
  for (const file of ['traps.csv', 'traps-bom.csv', 'traps-gbk.csv', 'traps.xlsx']) {
    const r = zc.checkLedger(read(file), null, options);
    assert.deepEqual(Buffer.from(r.csv), Buffer.from(want), `${file}: annotated CSV`);
    assert.ok(r.xlsx.length > 1000 && r.xlsx[0] === 0x50 && r.xlsx[1] === 0x4b, `${file}: an XLSX (zip)`);
    const s = r.summary;
    assert.equal(s.fine + s.withWarnings + s.withErrors + s.unreadable + s.empty, s.rowsRead);
    assert.equal(s.rowsRead, 21);
  }
  const numeric = zc.checkLedger(read('traps-numeric.xlsx'), null, options);
  assert.deepEqual(Buffer.from(numeric.csv), Buffer.from(read('traps-numeric.expected.csv')));
});

test('progress is told and returning false cancels', () => {
  const seen = [];
  zc.checkLedger(read('traps.csv'), null, { ...options, formats: [], onProgress: (d, t) => { seen.push([d, t]); } });
  assert.deepEqual(seen.at(-1), [21, 21]);
  assert.throws(
    () => zc.checkLedger(read('traps.csv'), null, { ...options, onProgress: () => false }),
    (e) => e.code === 'cancelled' && /取消/.test(e.message),
  );
});

test('a damaged XLSX is refused with a clear error, and so is a bad mapping', () => {
  const x = read('traps.xlsx');
  assert.throws(() => zc.checkLedger(x.slice(0, x.length >> 1), null, options), (e) => e.code === 'corruptXlsx');
  assert.throws(
    () => zc.checkLedger(read('traps.csv'), { id: '身份证', nmae: '姓名' }, { ...options, lang: 'en' }),
    (e) => e.code === 'badMapping' && e.problems.length === 2 && /mapping\.id/.test(e.problems[0].path),
  );
});

test('ledgerColumns finds the header under the merged rows and suggests the mapping', () => {
  const c = zc.ledgerColumns(read('traps-gbk.csv'), options);
  assert.equal(c.headerRow, 3);
  assert.equal(c.encoding, 'GB18030');
  assert.equal(c.mapping.id, '身份证号码');
  assert.equal(c.rows, 21);
  // The suggested mapping, given back, checks the same.
  const a = zc.checkLedger(read('traps.csv'), c.mapping, { ...options, formats: ['csv'] });
  const b = zc.checkLedger(read('traps.csv'), null, { ...options, formats: ['csv'] });
  assert.deepEqual(Buffer.from(a.csv), Buffer.from(b.csv));
});
