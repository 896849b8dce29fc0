// <zc-loan> and <zc-loan-screening> as a founder and a 协理员 use them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, axe, outputDir } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const clean = { console: [], pageErrors: [], offsite: [] };
const LOAN = '#demo-loan zc-loan';

/** Opens the demo page and asks <zc-loan> for the worked example's quote:
 *  an individual, 300000 yuan, 12 months from 2025-06-01, equal instalments,
 *  at `rate` (percent a year, as typed). */
async function quote(rate) {
  const opened = await open(env, '/');
  await opened.page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('form'), LOAN);
  const el = opened.page.locator(LOAN);
  await el.locator('#zc-borrower').check();
  await el.locator('#zc-amount').fill('300000');
  await el.locator('#zc-term').fill('12');
  await el.locator('#zc-date-year').fill('2025');
  await el.locator('#zc-date-month').fill('6');
  await el.locator('#zc-date-day').fill('1');
  await el.locator('#zc-rate').fill(rate);
  await el.locator('#zc-repayment').check();
  await el.getByRole('button', { name: '测算' }).click();
  return { ...opened, el };
}

test('a quote: the worked example, with the schedule table and the chart', async () => {
  const { page, problems, context, el } = await quote('3.5');
  const out = el.locator('section.zc-outcome');
  await out.waitFor();
  assert.equal(await out.locator('h2').innerText(), '利息合计 10500.00 元：您承担 5250.00 元，财政贴息 5250.00 元');
  assert.equal(await el.locator('tbody tr').count(), 12);
  assert.match(await el.locator('tfoot').innerText(), /300000\.00[\s\S]*10500\.00[\s\S]*5250\.00[\s\S]*5250\.00/);
  assert.match(await el.locator('.zc-chart svg').getAttribute('aria-label'), /合计利息10500\.00元/);
  assert.match(await el.locator('dl.zc-details').innerText(), /财政贴息实际利率的50%/);
  await page.screenshot({ path: `${outputDir}loan.png`, fullPage: true });
  assert.deepEqual(await axe(page), []);
  // Above the cap: said plainly, quoted at the cap.
  await el.locator('#zc-amount').fill('500000');
  await el.getByRole('button', { name: '测算' }).click();
  await el.locator('li[data-code="amountAboveCap"]').waitFor();
  assert.match(await el.locator('li[data-code="amountAboveCap"]').innerText(), /申请50万元超过上限30万元，以下按上限30万元测算/);
  assert.deepEqual(problems, clean);
  await context.close();
});

test('screening: every answer updates the recommendation; a blocker stops it', async () => {
  const { page, problems, context } = await open(env, '/');
  const SEL = '#demo-screening zc-loan-screening';
  await page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('.zc-outcome'), SEL);
  const el = page.locator(SEL);
  assert.match(await el.locator('.zc-outcome').innerText(), /尚未完成[\s\S]*还有14个问题未回答/);
  for (const id of ['profitable', 'affordable', 'interestAndAbility', 'relationships', 'marketAccess', 'marketPotential',
    'keyStaff', 'supplyChannel', 'premises', 'licenceAddressMatches', 'identityEligible', 'noOtherLoans']) {
    await el.locator(`#zc-q-${id}`).check();                       // 是
  }
  await el.locator('#zc-q-householdBurdenHeavy-1').check();          // 否
  await el.locator('#zc-q-loanAmount').fill('80000');
  await page.waitForFunction((s) => /推荐/.test(document.querySelector(s).shadowRoot.querySelector('.zc-outcome h3').textContent), SEL);
  assert.equal(await el.locator('.zc-outcome h3').innerText(), '推荐');
  assert.match(await el.locator('.zc-outcome').innerText(), /不超过10万元，可申请免除反担保/);
  assert.deepEqual(await axe(page), []);
  await el.locator('#zc-q-marketAccess-1').check();                  // 否
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('.zc-outcome h3').textContent === '不推荐', SEL);
  assert.match(await el.locator('li[data-flag="marketAccess"]').innerText(), /不能贷款：市场准入办不下来/);
  await page.screenshot({ path: `${outputDir}screening.png`, fullPage: true });
  assert.deepEqual(problems, clean);
  await context.close();
});

test('a rate typed as a ratio (0.035) is an error at the rate field, linked from the summary, not a page error', async () => {
  const { page, problems, context, el } = await quote('0.035');
  const summary = el.locator('.zc-error-summary');
  await summary.waitFor();
  const links = summary.locator('a');
  assert.equal(await links.count(), 1);
  assert.equal(await links.first().getAttribute('href'), '#zc-rate');
  assert.match(await links.first().innerText(), /年利率按百分数填写.*0\.035.*请填写 3\.5/);
  assert.match(await el.locator('#zc-rate-error').innerText(), /年利率按百分数填写/);
  assert.equal(await el.locator('#zc-rate').getAttribute('aria-invalid'), 'true');
  await links.first().click();
  assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement.id, LOAN), 'zc-rate');
  // No quote and no second, unlocated copy of the error under the form.
  assert.equal(await el.locator('section.zc-outcome').count(), 0);
  assert.equal(await el.locator('div[aria-live] .zc-error').count(), 0);
  assert.deepEqual(await axe(page), []);
  // In percent it is a quote.
  await el.locator('#zc-rate').fill('3.5');
  await el.getByRole('button', { name: '测算' }).click();
  await el.locator('section.zc-outcome').waitFor();
  assert.equal(await el.locator('.zc-error-summary').count(), 0);
  assert.deepEqual(problems, clean);
  await context.close();
});
