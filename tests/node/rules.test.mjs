// Rule packs and explained answers from JavaScript: loading overlays, errors
// listing every problem, provenance on every value, determinations.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const zc = require('../../web/pkg-node/zhuchuang_web.js');
const pack = (name) => readFileSync(new URL(`../../core/packs/examples/${name}.json`, import.meta.url), 'utf8');

beforeEach(() => zc.resetPacks());

test('kitInfo names the embedded national pack', () => {
  const info = zc.kitInfo();
  assert.equal(info.nationalPack.id, 'cn-national');
  assert.match(info.nationalPack.hash, /^[0-9a-f]{64}$/);
  // Every status a pack parameter can have is worded in both languages, once.
  const used = new Set(Object.values(JSON.parse(readFileSync(new URL('../../core/packs/cn.json', import.meta.url), 'utf8'))
    .parameters).map((p) => p.status));
  const worded = info.statuses.map((s) => s.status);
  for (const s of used) assert.ok(worded.includes(s), `status ${s} has no wording`);
  assert.equal(new Set(worded).size, worded.length);
  for (const s of info.statuses) assert.ok(s.label['zh-CN'] && s.label.en, s.status);
});

test('loadPack accepts text or objects, reports what it replaced, and packInfo shows the chain', () => {
  const first = zc.loadPack(pack('440300-shenzhen'));
  assert.equal(first.pack.region, '440300');
  assert.equal(first.replaced, undefined);
  const again = zc.loadPack(JSON.parse(pack('440300-shenzhen')));
  assert.equal(again.replaced.id, 'cn-440300-shenzhen-example');
  zc.loadPack(pack('440000-guangdong'));
  const info = zc.packInfo({ region: '440305' });
  assert.deepEqual(info.pack.packs.map((p) => p.region), ['440300', '440000', '000000']);
  assert.deepEqual(info.titles, ['深圳市（示例）', '广东省（示例）', '全国默认参数']);
  assert.deepEqual(info.loaded.sort(), ['440000', '440300']);
  assert.equal(zc.unloadPack('440300'), true);
  assert.equal(zc.unloadPack('440300'), false);
});

test('a bad pack throws every problem with its path, in the caller\'s language, and changes nothing', () => {
  zc.loadPack(pack('440300-shenzhen'));
  const before = zc.getParameter('loan.rateCapOverLprBp', { region: '440300', asOf: '2026-11-21' });
  const bad = JSON.parse(pack('440300-shenzhen'));
  bad.meta.version = '2';
  bad.parameters['loan.rateCapOverLprBp'].values[1].from = '2020-01-01';
  delete bad.parameters['loan.subsidyRegime'].values[0].citation;
  bad.parameters['loan.subsidyRegime'].extra = true;
  try {
    zc.loadPack(bad, { lang: 'en' });
    assert.fail('should throw');
  } catch (e) {
    assert.equal(e.name, 'ZhuchuangError');
    assert.equal(e.code, 'invalidPack');
    assert.match(e.message, /The pack has 2 problem\(s\); the first at/);
    assert.deepEqual(e.problems.map((p) => [p.path, p.code]), [
      ['/parameters/loan.rateCapOverLprBp/values/1/from', 'order'],
      ['/parameters/loan.subsidyRegime/extra', 'unknownKey'],
    ]);
    assert.ok(e.problems.every((p) => p.message && p.messages['zh-CN'] && p.messages.en));
  }
  const after = zc.getParameter('loan.rateCapOverLprBp', { region: '440300', asOf: '2026-11-21' });
  assert.deepEqual(after, before);
});

test('getParameter and listParameters explain where each value comes from', () => {
  const p = zc.getParameter('loan.lpr1y', { asOf: '2025-05-20', lang: 'en' });
  assert.equal(p.raw, '3.00');
  assert.equal(p.value, '3.00%');
  assert.equal(p.effectiveFrom, '2025-05-20');
  assert.equal(p.locality, '000000');
  assert.equal(p.status, 'secondary');
  assert.match(p.citation.document, /全国银行间同业拆借中心/);
  assert.equal(zc.getParameter('loan.lpr1y', { asOf: '2025-05-19' }).raw, '3.10');
  const all = zc.listParameters({ asOf: '2026-11-21' });
  assert.ok(all.length >= 70);
  const wage = all.find((x) => x.key === 'wage.minimumMonthly');
  assert.equal(wage.current, undefined, 'no national minimum wage');
  zc.loadPack(pack('990100-demo-city'));
  const local = zc.listParameters({ asOf: '2026-11-21', region: '990100' }).find((x) => x.key === 'wage.minimumMonthly');
  assert.equal(local.current.raw, '2200');
  assert.throws(() => zc.getParameter('wage.minimumMonthly', { asOf: '2026-11-21', lang: 'en' }),
    (e) => e.code === 'noValue' && /Load the local pack/.test(e.message));
});

test('statutoryRetirement: the documented fields, and clear errors', () => {
  const r = zc.statutoryRetirement({ birthDate: '1976-09-15', track: 'male' }, { asOf: '2026-11-21' });
  assert.equal(r.ageYears, 63);
  assert.equal(r.ageMonths, 0);
  assert.equal(r.retirementMonth, '2039-09');
  assert.equal(r.delayMonths, 36);
  assert.equal(r.minContributionYears, '20');
  assert.ok(r.explanation.length >= 4);
  assert.ok(r.citations.some((c) => c.document.includes('渐进式延迟法定退休年龄')));
  assert.throws(() => zc.statutoryRetirement({ birthDate: '1976-02-30', track: 'male' }, { lang: 'en' }),
    (e) => e.code === 'invalidArgument' && /input\.birthDate/.test(e.message));
  assert.throws(() => zc.statutoryRetirement({ birthDate: '1976-02-03', track: 'woman' }, { lang: 'en' }),
    (e) => e.code === 'invalidArgument' && /input\.track/.test(e.message) && /male/.test(e.message));
  assert.throws(() => zc.statutoryRetirement(undefined), (e) => e.code === 'missingArgument');
});

test('checkEligibility: the same facts, packs and date always give the same determinationId', () => {
  const facts = { birthDate: '1970-01-15', track: 'male', retireMonth: '2030-01', contributionMonths: 150 };
  const a = zc.checkEligibility('flexibleRetirement', facts, { asOf: '2026-11-21' });
  const b = zc.checkEligibility('flexibleRetirement', { ...facts }, { asOf: '2026-11-21', lang: 'en' });
  const c = zc.checkEligibility('flexibleRetirement', facts, { asOf: '2026-11-22' });
  assert.equal(a.outcome, 'eligible');
  assert.equal(a.determinationId, b.determinationId, 'language does not change the id');
  assert.notEqual(a.determinationId, c.determinationId, 'the date does');
  assert.match(a.determinationId, /^zc-[0-9a-f]{16}$/);
  assert.equal(a.pack.packs[0].id, 'cn-national');
  const programs = zc.listPrograms({ lang: 'en' });
  assert.ok(programs.some((p) => p.id === 'flexibleRetirement' && p.facts.some((f) => f.fact === 'track' && f.options.length === 3)));
});
