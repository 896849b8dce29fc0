// <zc-materials>: the one-time notification changes with the answers, prints on
// one page, and the staff check lists every problem at once; axe clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { start, open, axe, outputDir } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const clean = { console: [], pageErrors: [], offsite: [] };
const citizen = '#demo-materials zc-materials';
const staff = '#demo-materials-staff zc-materials';

async function ready(page, sel) {
  await page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('.zc-checklist'), sel);
  return page.locator(sel);
}
const items = (el) => el.locator('li.zc-item').evaluateAll((lis) => lis.map((li) => li.dataset.material));

test('the checklist changes with the answers; shared data is waived', async () => {
  const { page, problems, context } = await open(env, '/');
  const el = await ready(page, citizen);
  const before = await items(el);
  // With no answers every conditional material is listed with its condition.
  assert.ok(before.includes('dibaoCertificate') && before.includes('disabilityCertificate') && before.includes('povertyProof'), before.join());
  assert.match(await el.locator('li[data-material="dibaoCertificate"]').innerText(), /适用于：享受低保的/);
  // Demo City shares household registration: the 户口簿 is not needed.
  assert.match(await el.locator('li[data-material="hukouBook"]').innerText(), /本地已实现户籍数据共享，无需提供/);
  // Answer: dibao and disabled.
  await el.getByLabel('享受城乡居民最低生活保障的家庭成员').check();
  await el.getByLabel('残疾人', { exact: true }).check();
  await page.waitForFunction((s) => !document.querySelector(s).shadowRoot.querySelector('li[data-material="povertyProof"]'), citizen);
  const after = await items(el);
  assert.deepEqual(after, ['difficultPersonForm', 'residentIdCard', 'hukouBook', 'employmentCard', 'dibaoCertificate', 'disabilityCertificate', 'bankCard']);
  assert.doesNotMatch(await el.locator('li[data-material="dibaoCertificate"]').innerText(), /适用于/);
  // Ticking off is for the citizen only; it changes nothing else.
  await el.locator('#zc-m-residentIdCard').check();
  assert.equal(await el.locator('#zc-m-residentIdCard').isChecked(), true);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, clean);
  await context.close();
});

test('printing gives one page with only the notification', async () => {
  const { page, problems, context } = await open(env, '/');
  const el = await ready(page, citizen);
  await el.getByLabel('享受城乡居民最低生活保障的家庭成员').check();
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await el.getByRole('button', { name: '打印告知书' }).click();
  assert.equal(await page.evaluate(() => window.__printed), true);
  assert.equal(await page.evaluate((s) => document.querySelector(s).hasAttribute('data-zc-print'), citizen), true);
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() => getComputedStyle(document.querySelector('.masthead')).visibility);
  assert.equal(hidden, 'hidden', 'the portal around the widget is not printed');
  await page.screenshot({ path: `${outputDir}materials-print.png`, fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  writeFileSync(`${outputDir}materials.pdf`, pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  assert.equal(pages, 1, `the notification prints on ${pages} pages`);
  assert.deepEqual(problems, clean);
  await context.close();
});

test('staff mode: every problem at once, summarised and linked, with the verdict', async () => {
  const { page, problems, context } = await open(env, '/');
  const el = await ready(page, staff);
  await el.locator('#zc-f-name').fill('王芳');
  await el.locator('#zc-f-residentId').fill('11010519491231002X');
  await el.getByLabel('离校2年内未就业的高校毕业生').check();
  await el.getByLabel('灵活就业（无固定单位）').check();
  // The form, an ID card with a wrong digit and a different name, the graduation certificate.
  await el.locator('#zc-m-flexibleSubsidyForm').check();
  await el.locator('#zc-m-residentIdCard').check();
  await el.locator('#zc-m-residentIdCard-number').fill('110105194912310021');
  await el.locator('#zc-m-residentIdCard-name').fill('王方');
  await el.locator('#zc-m-residentIdCard-date').fill('2030-13-01');
  await el.locator('#zc-m-graduationCertificate').check();
  // The bank card will follow later.
  await el.locator('#zc-m-bankCard-later').check();
  await el.getByRole('button', { name: '核对材料' }).click();
  const summary = el.locator('.zc-error-summary');
  await summary.waitFor();
  const links = await summary.locator('a').allInnerTexts();
  assert.ok(links.some((l) => /有效期至“2030-13-01”不是有效日期，请按 1978-03-10 的格式填写/.test(l)), links.join('\n'));
  assert.ok(links.some((l) => /第18位校验码应为 X/.test(l)), links.join('\n'));
  assert.ok(links.some((l) => /姓名「王方」与申请人「王芳」不一致/.test(l)), links.join('\n'));
  assert.ok(links.some((l) => /缺少灵活就业情况证明/.test(l)), links.join('\n'));
  // Insurance receipts are shared in Demo City: waived, not missing.
  assert.match(await el.locator('li[data-material="insuranceReceipt"]').innerText(), /无需提供/);
  assert.match(await el.locator('.zc-outcome').innerText(), /材料不全/);
  assert.equal(await el.locator('li[data-material="bankCard"]').getAttribute('data-status'), 'deferred');
  await summary.locator('a', { hasText: '不是有效日期' }).click();
  assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement.id, staff), 'zc-m-residentIdCard-date');
  await page.screenshot({ path: `${outputDir}materials-staff.png`, fullPage: true });
  assert.deepEqual(await axe(page), []);
  // Fix everything: acceptable with the bank card to follow.
  await el.locator('#zc-m-residentIdCard-number').fill('11010519491231002X');
  await el.locator('#zc-m-residentIdCard-name').fill('王芳');
  // Dates are read as people type them.
  await el.locator('#zc-m-residentIdCard-date').fill('2030/12/01');
  await el.locator('#zc-m-flexibleEmploymentProof').check();
  await page.waitForFunction((s) => /可容缺受理/.test(document.querySelector(s).shadowRoot.querySelector('.zc-outcome')?.textContent), staff);
  assert.match(await el.locator('.zc-outcome').innerText(), /须在 \d{4}-\d{2}-\d{2} 前补齐/);
  assert.deepEqual(problems, clean);
  await context.close();
});
