// The fast paths through the built Node package: isValidId (a boolean, no JSON)
// and validateIds (one entry per value, in order) agree with validateId.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const zc = require('../../web/pkg-node/zhuchuang_web.js');

const samples = {
  residentId: ['11010519491231002x', '110105194912310021', '110105491231002', '１１０１０５ １９４９１２３１ ００２Ｘ',
    '110105194902300010', '11010520991231002X', 'abc', '', '\u200b', 'é'.repeat(18), '1'.repeat(40)],
  uscc: ['91350100M000100Y43', '91350100M000100Y44', '９１３５０１００ｍ０００１００ｙ４３', '91350100O000100Y43', '9135'],
  disabilityCert: ['11010519491231002X11', '11010519491231002X15', '11010519491231002X11B1', '11010519491231002X11b1', '11010519491231002X'],
  bankCard: ['6222021234567890123', '6222-0212-3456-7890', '62220212', '6222０２１２３４５６７８９０'],
  mobile: ['13800138000', '+86 138-0013-8000', '0086 13800138000', '(138)00138000', '12800138000', '１３８００１３８０００', '1380013800'],
  socialSecurityCard: ['548426015', ' ｄ１５６ 00005 ', '11010519491231002X', '54842601'],
};

test('isValidId returns a plain boolean equal to validateId(...).valid', () => {
  for (const [kind, values] of Object.entries(samples)) {
    for (const v of values) {
      const fast = zc.isValidId(kind, v);
      assert.equal(typeof fast, 'boolean');
      assert.equal(fast, zc.validateId(kind, v).valid, `${kind} ${JSON.stringify(v)}`);
    }
  }
});

test('isValidId: anything but a string is not valid; an unknown kind throws', () => {
  for (const v of [undefined, null, 11010519491231002, {}, ['13800138000']]) {
    assert.equal(zc.isValidId('mobile', v), false);
  }
  assert.throws(() => zc.isValidId('passport', '123'), (e) => e.name === 'ZhuchuangError' && e.code === 'unknownKind');
});

test('validateIds gives one entry per value, in order, agreeing with validateId', () => {
  for (const [kind, values] of Object.entries(samples)) {
    const out = zc.validateIds(kind, values, { today: '2026-11-21' });
    assert.equal(out.length, values.length);
    out.forEach((entry, i) => {
      const full = zc.validateId(kind, values[i], { today: '2026-11-21' });
      const want = full.valid ? { valid: true, normalized: full.normalized } : { valid: false };
      assert.deepEqual(entry, want, `${kind} ${JSON.stringify(values[i])}`);
    });
  }
  assert.deepEqual(zc.validateIds('mobile', []), []);
});

test('validateIds refuses what is not an array of strings, naming the argument', () => {
  for (const bad of ['13800138000', [13800138000], undefined]) {
    assert.throws(() => zc.validateIds('mobile', bad), (e) => e.name === 'ZhuchuangError' && /values/.test(e.message),
      JSON.stringify(bad));
  }
  assert.throws(() => zc.validateIds('passport', ['1']), (e) => e.code === 'unknownKind');
});

test('validateIds handles a ledger-sized column in one call', () => {
  const values = Array.from({ length: 10000 }, (_, i) => (i % 2 ? '11010519491231002X' : `1380013${String(i).padStart(4, '0')}`));
  const out = zc.validateIds('residentId', values);
  assert.equal(out.length, values.length);
  assert.equal(out.filter((e) => e.valid).length, 5000);
});
