// subsidyPlan and its CSV from JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const zc = require('../../web/pkg-node/zhuchuang_web.js');

const input = {
  program: 'flexibleDifficult', person: { birthDate: '1985-06-15', retirementTrack: 'male' },
  firstApprovedOn: '2025-03-10', contributions: { perMonth: { pension: '800', medical: '300' } },
};

test('the plan and its CSV agree, line by line and in total', () => {
  const plan = zc.subsidyPlan(input, { asOf: '2026-11-21' });
  const csv = zc.subsidyPlanCsv(input, { asOf: '2026-11-21' });
  assert.ok(csv.startsWith('\ufeff月份,'), 'BOM and Chinese header');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines.length, 1 + plan.months + 1);
  assert.equal(lines[1], '2025-03,800.00,300.00,,533.33,200.00,,,,733.33');
  assert.equal(lines.at(-1), '合计,,,,19199.88,7200.00,,,,26399.88');
  const sum = plan.monthly.reduce((s, l) => s + Math.round(Number(l.subsidy) * 100), 0);
  assert.equal(sum, Math.round(Number(plan.total) * 100));
  const en = zc.subsidyPlanCsv(input, { asOf: '2026-11-21', lang: 'en' });
  assert.match(en, /^\ufeffmonth,pension paid/);
});

test('bad input names the field', () => {
  assert.throws(() => zc.subsidyPlan({ ...input, firstApprovedOn: '2025-02-30' }, { lang: 'en' }),
    (e) => e.code === 'invalidArgument' && /input\.firstApprovedOn/.test(e.message));
  assert.throws(() => zc.subsidyPlan({ ...input, contributions: { perMonth: { pension: 'lots' } } }, { lang: 'en' }),
    (e) => e.code === 'invalidArgument' && /input\.contributions\.perMonth\.pension/.test(e.message));
  // The message says what is wrong in words; the field is named by its path.
  assert.throws(() => zc.subsidyPlan({ ...input, startOn: '2025-01-01' }, { lang: 'en' }),
    (e) => e.code === 'invalidArgument' && /before the first approval/.test(e.message)
      && e.problems.some((p) => /(^|\.)startOn$/.test(p.path)));
  // Every value out of range is named at once; nothing is computed with them.
  assert.throws(() => zc.subsidyPlan({
    ...input, monthsUsed: 4294967295,
    contributions: { perMonth: { pension: '79228162514264337593543950335' }, rates: { medical: '3' } },
  }, { lang: 'en' }), (e) => e.code === 'invalidArgument'
    && /contributions\.perMonth\.pension = 79228162514264337593543950335/.test(e.message)
    && /contributions\.rates\.medical = 3/.test(e.message) && /monthsUsed = 4294967295/.test(e.message));
});
