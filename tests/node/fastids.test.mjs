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

test('isValidId: long values, switching kinds and a wrong kind repeated answer as validateId does', () => {
  const spaced = `${' '.repeat(300)}11010519491231002X`; // longer than the staging buffer
  assert.equal(zc.isValidId('residentId', spaced), true);
  assert.equal(zc.isValidId('residentId', `${spaced}1`), false);
  // The kind of the call before is remembered; a different one is read again.
  assert.equal(zc.isValidId('mobile', '13800138000'), true);
  assert.equal(zc.isValidId('residentId', '13800138000'), false);
  assert.equal(zc.isValidId('mobile', '13800138000'), true);
  // A wrong kind throws every time, also right after itself, and does not stick.
  for (let i = 0; i < 2; i++) {
    assert.throws(() => zc.isValidId('passport', '123'), (e) => e.code === 'unknownKind');
  }
  assert.throws(() => zc.isValidId(7, '123'), (e) => e.code === 'unknownKind');
  assert.equal(zc.isValidId('uscc', '91350100M000100Y43'), true);
  // Lone surrogates and characters outside the BMP are not digits.
  assert.equal(zc.isValidId('residentId', '110105194912310\ud80002X'), false);
  assert.equal(zc.isValidId('mobile', '😀13800138000'), false);
});

test('validateIds: values with line breaks, empty strings and non-ASCII stay one entry each', () => {
  const values = ['110105\n19491231002X', '', '11010519491231002X\n', 'é', '１１０１０５４９１２３１００２', '11010519491231002x'];
  const out = zc.validateIds('residentId', values, { today: '2026-11-21' });
  assert.equal(out.length, values.length);
  out.forEach((entry, i) => {
    const full = zc.validateId('residentId', values[i], { today: '2026-11-21' });
    assert.deepEqual(entry, full.valid ? { valid: true, normalized: full.normalized } : { valid: false }, JSON.stringify(values[i]));
  });
  // An entry already written as it should be carries the value itself.
  assert.deepEqual(out[5], { valid: true, normalized: '11010519491231002X' });
  // Bad options are refused as validateId refuses them.
  assert.throws(() => zc.validateIds('mobile', ['13800138000'], { today: '2026-13-40' }), (e) => e.name === 'ZhuchuangError');
});
