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
