// <zc-application-check>: the clerk's pre-check of a filled application form,
// with the keyboard only: every problem at once in an error summary whose links
// focus their fields; a pasted form; the documents; the pre-check sheet printed
// with its determination id; axe clean; zh-CN and English; 360 px, large text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, axe, outputDir } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const clean = { console: [], pageErrors: [], offsite: [] };
const TAG = 'zc-application-check';

/** A page with only the pre-check (national rules, nothing saved). */
const pageWith = (attrs = '') => `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>申请表预审</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/dist/zc-widgets.css">
  <script type="module" src="/dist/zc-widgets.js"></script>
</head>
<body><main><h1>申请表预审</h1><${TAG} form="flexibleSubsidy" today="2026-11-21" save="none" ${attrs}></${TAG}></main></body>
</html>`;

async function ready(page) {
  await page.waitForFunction((t) => document.querySelector(t)?.shadowRoot?.querySelector('#zc-a-check'), TAG);
  return page.locator(TAG);
}
const activeId = (page) => page.evaluate((t) => document.querySelector(t).shadowRoot.activeElement?.id ?? null, TAG);
const activeClass = (page) => page.evaluate((t) => document.querySelector(t).shadowRoot.activeElement?.className ?? null, TAG);

test('keyboard only: every problem at once, the summary links focus their fields', async () => {
  const { page, problems, context } = await open(env, '/only-application.html', { html: pageWith() });
  const el = await ready(page);
  // Type into the first two fields, moving with Tab.
  await el.locator('#zc-a-name').focus();
  await page.keyboard.type('王伟');
  await page.keyboard.press('Tab');
  assert.equal(await activeId(page), 'zc-a-residentId');
  await page.keyboard.type('110105198006150019');
  // A month typed wrong and an amount with three decimals.
  await el.locator('#zc-a-periodStart').focus();
  await page.keyboard.type('2026-13');
  await el.locator('#zc-a-claimAmount').focus();
  await page.keyboard.type('12.345');
  // Submit from the button with Enter.
  await el.locator('#zc-a-check').focus();
  await page.keyboard.press('Enter');
  const summary = el.locator('.zc-error-summary');
  await summary.waitFor();
  // The summary takes the focus, so a screen reader reads it first.
  assert.match(await activeClass(page), /zc-error-summary/);
  const links = await summary.locator('a').allInnerTexts();
  assert.ok(links.some((l) => /第18位校验码应为 8/.test(l)), links.join('\n'));
  assert.ok(links.some((l) => /请填写申请人类别/.test(l)), links.join('\n'));
  assert.ok(links.some((l) => /不是有效/.test(l) && /2026-13/.test(l)), links.join('\n'));
  assert.ok(links.some((l) => /最多两位小数/.test(l)), links.join('\n'));
  assert.ok(links.length >= 12, `${links.length} problems listed`);
  // Tab to the first link, Enter: the ID field has the focus.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await activeId(page), 'zc-a-residentId');
  // The same problem is written above the field, and the field is marked.
  const field = el.locator('[data-field="residentId"]');
  assert.match(await field.locator('.zc-problem').innerText(), /校验码/);
  assert.equal(await el.locator('#zc-a-residentId').getAttribute('aria-invalid'), 'true');
  // A yes/no link focuses its first radio; a list its first box.
  await summary.locator('a', { hasText: '以灵活就业人员身份参保' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await activeId(page), 'zc-a-contributesAsFlexible');
  await summary.locator('a', { hasText: '申请社会保险险种' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await activeId(page), 'zc-a-claimKinds');
  // Radios answer with the arrow keys and Space.
  await page.keyboard.press('Shift+Tab');
  await el.locator('#zc-a-contributesAsFlexible').focus();
  await page.keyboard.press('Space');
  assert.equal(await el.locator('#zc-a-contributesAsFlexible').isChecked(), true);
  await page.screenshot({ path: `${outputDir}application-problems.png`, fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, clean);
  await context.close();
});

const PASTED = [
  '申请人姓名：王伟',
  '身份证号码：110105198006150018',
  '申请人类别：已认定的就业困难人员',
  '就业形式：灵活就业（无固定单位，时间、收入不固定）',
  '以灵活就业人员身份参保：是',
  '按时足额缴费、无欠费：是',
  '已向基层平台申报就业：是',
  '申请社会保险险种：养老保险、医疗保险',
  '申请补贴期限（起）：2026-01',
  '申请补贴期限（止）：2026-06',
  '申请补贴月数：6',
  '申请金额（元）：4,400.00',
  '此前已享受月数：0',
  '社会保障卡号码：A12345678',
  '联系电话：138 0013 8000',
  '备注：窗口填写',
].join('\n');

test('a pasted form with its documents: ready, and the pre-check sheet prints with its determination id', async () => {
  const { page, problems, context } = await open(env, '/only-application.html', { html: pageWith() });
  const el = await ready(page);
  // Open the paste box and paste (type) the form, all by keyboard.
  await el.locator('details.zc-sources summary').first().focus();
  await page.keyboard.press('Enter');
  await el.locator('#zc-a-paste').focus();
  await page.keyboard.insertText(PASTED);
  await el.locator('#zc-a-fill').focus();
  await page.keyboard.press('Enter');
  const note = await el.locator('details.zc-sources [role="status"]').innerText();
  assert.match(note, /已填入15项/);
  assert.match(note, /备注：窗口填写/, 'a line that matches no field is named, not dropped in silence');
  assert.equal(await el.locator('#zc-a-name').inputValue(), '王伟');
  assert.equal(await el.locator('#zc-a-subsidyGroup').inputValue(), 'difficultPerson');
  // The documents brought, ticked with Space.
  for (const m of ['residentIdCard', 'employmentCard', 'insuranceReceipt', 'flexibleEmploymentProof', 'bankCard']) {
    await el.locator(`#zc-m-${m}`).focus();
    await page.keyboard.press('Space');
  }
  await el.locator('#zc-m-residentIdCard-number').focus();
  await page.keyboard.type('110105198006150018');
  await el.locator('#zc-m-insuranceReceipt-months').focus();
  await page.keyboard.type('6');
  await el.locator('#zc-m-insuranceReceipt-amount').focus();
  await page.keyboard.type('6600');
  await el.locator('#zc-a-check').focus();
  await page.keyboard.press('Enter');
  const verdict = el.locator('#zc-a-verdict');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-verdict'), 'Ready', await verdict.innerText());
  assert.match(await verdict.innerText(), /可以报送/);
  assert.equal(await el.locator('.zc-error-summary').count(), 0);
  // The determination, the plan and the print record with the id.
  assert.match(await el.locator('.zc-result').innerText(), /2026-01 – 2028-12/);
  const record = await el.locator('.zc-print-record').innerText();
  assert.match(record, /判定编号：zc-[0-9a-f]{16}/);
  // The receipt shows less than claimed: the amount problem is at the amount field.
  await el.locator('#zc-m-insuranceReceipt-amount').fill('3000');
  await page.waitForFunction((t) => document.querySelector(t).shadowRoot.querySelector('[data-field="claimAmount"] .zc-problem'), TAG);
  assert.match(await el.locator('[data-field="claimAmount"] .zc-problem').innerText(), /超过实际缴费3000元的2\/3/);
  await el.locator('#zc-m-insuranceReceipt-amount').fill('6600');
  await page.waitForFunction((t) => !document.querySelector(t).shadowRoot.querySelector('[data-field="claimAmount"] .zc-problem'), TAG);
  // Print: only the widget, with the record.
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await el.locator('#zc-a-print').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => window.__printed), true);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${outputDir}application-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, clean);
  await context.close();
});

for (const [lang, large] of [['en', true], ['zh-CN', true], ['en', false]]) {
  test(`360 px, ${lang}${large ? ', large text' : ''}: nothing cut off, the summary in the reader's language`, async () => {
    const attrs = `lang="${lang}"${large ? ' large-text' : ''}`;
    const { page, problems, context } = await open(env, '/only-application.html', { html: pageWith(attrs), viewport: { width: 360, height: 740 } });
    const el = await ready(page);
    await el.locator('#zc-a-check').focus();
    await page.keyboard.press('Enter');
    const summary = el.locator('.zc-error-summary');
    await summary.waitFor();
    const title = await summary.locator('h2').innerText();
    assert.equal(title, lang === 'en' ? 'There is a problem' : '请修改以下问题');
    const text = await summary.innerText();
    if (lang === 'en') assert.match(text, /Please fill in "Applicant's name"/);
    else assert.match(text, /请填写申请人姓名/);
    const fits = await page.evaluate((t) => {
      const host = document.querySelector(t);
      const root = host.shadowRoot.querySelector('.zc-root');
      return {
        root: root.scrollWidth <= root.clientWidth + 1,
        page: document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1,
      };
    }, TAG);
    assert.deepEqual(fits, { root: true, page: true });
    await page.screenshot({ path: `${outputDir}application-360-${lang}${large ? '-large' : ''}.png`, fullPage: true });
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, clean);
    await context.close();
  });
}
