// The built Node package (web/pkg-node), used from JavaScript as a staff script
// would: plain objects in and out, clear errors thrown for bad arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const zc = require('../../web/pkg-node/zhuchuang_web.js');

test('validateId returns the documented shape', () => {
  const r = zc.validateId('residentId', '11010519491231002x', { today: '2026-11-21' });
  assert.equal(r.kind, 'residentId');
  assert.equal(r.valid, true);
  assert.equal(r.normalized, '11010519491231002X');
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.details, {
    birthDate: '1949-12-31', gender: 'female', regionCode: '110105', regionName: '北京市朝阳区',
  });
  assert.equal(Object.getPrototypeOf(r), Object.prototype, 'a plain object, not a Map');
});

test('every problem is reported, in the requested language', () => {
  const r = zc.validateId('uscc', '91350100M000100Y44', { lang: 'en' });
  assert.equal(r.valid, false);
  assert.deepEqual(r.problems.map((p) => [p.code, p.severity, p.position]), [['checkDigit', 'error', 18]]);
  assert.match(r.problems[0].message, /should be 3/);
  assert.equal(r.details.department, '9');
  assert.equal(r.details.type, '1');
  assert.equal(r.details.typeName, 'enterprise');
  const d = zc.validateId('disabilityCert', '11010519491231002180');
  assert.deepEqual(d.problems.map((p) => p.code), ['checkDigit', 'category', 'grade']);
});

test('today defaults to the device date, and a future birth date is caught', () => {
  const first17 = '11010520990101001';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  const id = first17 + '10X98765432'[sum % 11];
  assert.deepEqual(zc.validateId('residentId', id).problems.map((p) => p.code), ['birthDateFuture']);
  assert.equal(zc.validateId('residentId', id, { today: '2100-01-01' }).valid, true);
});

test('bank card Luhn failure is a warning; mobile numbers are normalised', () => {
  const card = zc.validateId('bankCard', '6222 0212 3456 7890 123');
  assert.equal(card.valid, true);
  assert.deepEqual(card.problems.map((p) => [p.code, p.severity]), [['luhn', 'warning']]);
  assert.equal(zc.validateId('mobile', '+86 138-0013-8000').normalized, '13800138000');
});

test('bad arguments throw a clear ZhuchuangError, never a panic', () => {
  const expectError = (fn, code, re) => assert.throws(fn, (e) => {
    assert.equal(e.name, 'ZhuchuangError');
    assert.equal(e.code, code);
    assert.match(e.message, re);
    assert.ok(e.messages['zh-CN'] && e.messages.en);
    return true;
  });
  expectError(() => zc.validateId('passport', 'x'), 'unknownKind', /不支持的证件类型 "passport"/);
  expectError(() => zc.validateId('passport', 'x', { lang: 'en' }), 'unknownKind', /use one of residentId, uscc/);
  expectError(() => zc.validateId('residentId', 110105), 'invalidArgument', /value 应为字符串/);
  expectError(() => zc.validateId(42, 'x', { lang: 'en' }), 'invalidArgument', /kind must be a string/);
  expectError(() => zc.validateId('mobile', '1', { today: 'yesterday', lang: 'en' }), 'invalidArgument', /options\.today/);
  expectError(() => zc.validateId('mobile', '1', { lang: 'fr' }), 'invalidArgument', /options\.lang/);
  // The module still works after errors.
  assert.equal(zc.validateId('mobile', '13800138000').valid, true);
});

test('validateForm reports every field at once', () => {
  const r = zc.validateForm({
    name: '', residentId: '110105194912310021', mobile: '1380013800', bankCard: '6222021234567890128',
  }, { today: '2026-11-21' });
  assert.equal(r.valid, false);
  assert.deepEqual(Object.keys(r.errors).sort(), ['mobile', 'name', 'residentId']);
  assert.throws(() => zc.validateForm({ nmae: 'x' }), /nmae/);
});
