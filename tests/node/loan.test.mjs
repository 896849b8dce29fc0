// loanQuote and screenProject from JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const zc = require('../../web/pkg-node/zhuchuang_web.js');

test('the worked example, from JavaScript', () => {
  const q = zc.loanQuote({ borrower: 'individual', amount: '300000', termMonths: 12, contractDate: '2025-06-01', annualRate: '3.50', repayment: 'interestMonthly' });
  assert.deepEqual([q.totalInterest, q.borrowerInterest, q.fiscalSubsidy], ['10500.00', '5250.00', '5250.00']);
  assert.equal(q.schedule.length, 12);
  assert.ok(q.citations.some((c) => c.document === '财金〔2023〕75号'));
});

test('amounts must be strings of decimals, not floats silently rounded', () => {
  assert.throws(() => zc.loanQuote({ borrower: 'individual', amount: 'lots', termMonths: 12, contractDate: '2025-06-01', repayment: 'interestMonthly' }, { lang: 'en' }),
    (e) => e.code === 'invalidArgument' && /input\.amount/.test(e.message));
  // A JSON number is read by its decimal text: 100000.1 stays 100000.1.
  const q = zc.loanQuote({ borrower: 'individual', amount: 100000.1, termMonths: 1, contractDate: '2025-06-01', annualRate: '3', repayment: 'interestMonthly' });
  assert.equal(q.quotedAmount, '100000.10');
});

test('screening lists what is missing and flags risks', () => {
  assert.equal(zc.screeningQuestions({ lang: 'en' })[0].question, 'Will the project make money (a good return)?');
  const r = zc.screenProject({ marketAccess: 'no' });
  assert.equal(r.recommendation, 'doNotRecommend');
  const partial = zc.screenProject({ profitable: 'yes' });
  assert.equal(partial.recommendation, 'incomplete');
  assert.equal(partial.missing.length, 13);
});

test('absurd input is refused with a clear error, and the module keeps working', () => {
  const base = { borrower: 'individual', amount: '300000', termMonths: 12, contractDate: '2025-06-01', repayment: 'equalInstalments' };
  const refuses = (input, re) => assert.throws(() => zc.loanQuote({ ...base, ...input }, { lang: 'en' }),
    (e) => e.name === 'ZhuchuangError' && e.code === 'invalidArgument' && re.test(e.message) && /[\u4e00-\u9fff]/.test(e.messages['zh-CN']));
  refuses({ amount: '79228162514264337593543950335' }, /too large/);
  refuses({ extensionMonths: 4294967295 }, /at most 120 months/);
  refuses({ annualRate: '250' }, /at most 100/);
  // A rate below 1 (percent a year) looks like a ratio typed by mistake: it is
  // refused with the percent to type, however small (issue 08, class 4).
  refuses({ annualRate: '0.0000000000000000000000000001' }, /percent/);
  refuses({ annualRate: '0.035' }, /3\.5/);
  // Facts too: an amount with a few digits too many is named, not computed with.
  assert.throws(() => zc.checkEligibility('loanIndividual', { consumerLoanTotal: '1e13' }, { lang: 'en' }), (e) => e.code === 'invalidFacts');
  assert.throws(() => zc.checkEligibility('loanIndividual', { consumerLoanTotal: '10000000000000' }, { lang: 'en' }),
    (e) => e.code === 'invalidFacts' && e.problems[0].fact === 'consumerLoanTotal' && e.problems[0].code === 'outOfRange');
  assert.equal(zc.loanQuote(base).schedule.length, 12);
});
