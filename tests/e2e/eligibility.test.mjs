// <zc-eligibility>: a citizen completes the wizard with the keyboard only, in
// zh-CN and in English; Back keeps answers; answers survive a reload and are
// cleared with one button; axe clean on questions and results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, widget, axe, outputDir } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const clean = { console: [], pageErrors: [], offsite: [] };
const SEL = '#demo-eligibility zc-eligibility';

async function ready(page) {
  await page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('form, .zc-outcome'), SEL);
  return page.locator(SEL);
}
const activeId = (page) => page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement?.id ?? null, SEL);
const heading = (el) => el.locator('.zc-question .zc-heading').innerText();

/** Tabs until focus is on the element with `id` inside the widget. */
async function tabTo(page, id) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if ((await activeId(page)) === id) return;
  }
  throw new Error(`could not tab to #${id}`);
}

/** Answers the current question with the keyboard: `text` is typed, or the
 *  `option`-th radio (0-based) is chosen; then Continue. */
async function answer(page, el, { text, option }) {
  const q = await heading(el);
  const first = await el.locator('.zc-question input').first().getAttribute('id');
  await tabTo(page, first);
  if (text !== undefined) {
    await page.keyboard.type(text);
  } else {
    for (let i = 0; i < option; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
  }
  // Continue: the form's submit button is the next tab stop after the fields.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    const onButton = await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement?.type === 'submit', SEL);
    if (onButton) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(([s, old]) => {
    const r = document.querySelector(s).shadowRoot;
    return r.querySelector('.zc-outcome') || r.querySelector('.zc-question .zc-heading')?.textContent !== old;
  }, [SEL, q]);
}

test('keyboard only, zh-CN: questions one at a time, then an explained result with materials', async () => {
  const { page, problems, context } = await open(env, '/');
  const el = await ready(page);
  assert.equal(await heading(el), '您的出生日期是？');
  await page.focus('body');
  await answer(page, el, { text: '1990-05-10' });
  assert.equal(await heading(el), '您的性别是？');
  // The widget moved focus to the new question, so it is announced.
  assert.equal(await activeId(page), 'zc-question-title');
  await answer(page, el, { option: 0 });                 // 男
  assert.equal(await heading(el), '您是否有劳动能力？');
  await answer(page, el, { option: 0 });                 // 是
  await answer(page, el, { option: 0 });                 // 希望就业
  await answer(page, el, { option: 0 });                 // 已失业登记
  assert.equal(await heading(el), '您家是否享受城乡居民最低生活保障（低保）？');
  assert.deepEqual(await axe(page), []);
  await answer(page, el, { option: 0 });                 // 低保：是 → eligible at once
  const outcome = el.locator('.zc-outcome');
  await outcome.waitFor();
  assert.match(await outcome.innerText(), /您符合条件/);
  const crit = await el.locator('.zc-criteria li').evaluateAll((lis) => lis.map((li) => [li.dataset.criterion, li.dataset.status]));
  assert.deepEqual(crit.slice(0, 5), [['workingAge', 'met'], ['ableToWork', 'met'], ['willingToWork', 'met'], ['registeredUnemployed', 'met'], ['dibao', 'met']]);
  assert.match(await el.locator('li[data-criterion="age4050"]').innerText(), /✗[\s\S]*36周岁[\s\S]*男性 ≥ 50周岁/);
  // Materials from the checklist, tailored: the dibao certificate, not the disability certificate.
  const mats = await el.locator('.zc-checklist li').evaluateAll((lis) => lis.map((li) => li.dataset.material));
  assert.ok(mats.includes('dibaoCertificate') && !mats.includes('disabilityCertificate'), mats.join());
  assert.ok(!mats.includes('hukouBook'), 'Demo City shares household data');
  assert.match(await el.locator('.zc-eligibility').innerText(), /判定编号 zc-[0-9a-f]{16}/);
  await page.screenshot({ path: `${outputDir}eligibility-result.png`, fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, clean);
  await context.close();
});

test('English; Back keeps answers; a reload resumes in place; delete asks, then clears them', async () => {
  const { page, problems, context } = await open(env, '/');
  let el = await ready(page);
  await page.evaluate((s) => document.querySelector(s).setAttribute('lang', 'en'), SEL);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('.zc-heading')?.textContent === 'What is your date of birth?', SEL);
  await page.focus('body');
  await answer(page, el, { text: '1975-02-03' });
  await answer(page, el, { option: 1 });                 // Female
  // A woman of 51: whether she is still of working age depends on her post type, so that comes next.
  assert.equal(await heading(el), 'Which kind of post sets your retirement age?');
  // Back: the previous answer is still chosen.
  await el.getByRole('button', { name: '‹ Back' }).click();
  assert.equal(await heading(el), 'What is your sex?');
  assert.equal(await el.locator('#zc-q-sex-1').isChecked(), true);
  await el.getByRole('button', { name: 'Continue' }).click();
  await page.waitForFunction((s) => /kind of post/.test(document.querySelector(s).shadowRoot.querySelector('.zc-heading')?.textContent ?? ''), SEL);
  // Continuing without an answer is refused with an error summary.
  await el.getByRole('button', { name: 'Continue' }).click();
  await el.locator('.zc-error-summary').waitFor();
  assert.match(await el.locator('.zc-error-summary').innerText(), /Answer the question to continue/);
  assert.deepEqual(await axe(page), []);
  // Reload: the two answers are kept and the wizard resumes at the same question.
  await page.reload();
  el = await ready(page);
  await page.evaluate((s) => document.querySelector(s).setAttribute('lang', 'en'), SEL);
  await page.waitForFunction((s) => /kind of post/.test(document.querySelector(s).shadowRoot.querySelector('.zc-heading')?.textContent ?? ''), SEL);
  // It resumes in its place: the back link and the question count are kept.
  assert.match(await el.locator('.zc-progress').first().innerText(), /question 3/);
  assert.equal(await el.getByRole('button', { name: '‹ Back' }).count(), 1);
  // Kept for this tab only (save="session", the default), never in localStorage.
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('zc:'))), []);
  assert.ok(await page.evaluate(() => Object.keys(sessionStorage).some((k) => k.startsWith('zc:v1:zc-eligibility:'))));
  await page.focus('body');
  await answer(page, el, { option: 0 });                 // original 55: retires 2031
  assert.equal(await heading(el), 'Are you able to work?');
  await answer(page, el, { option: 0 });
  await answer(page, el, { option: 0 });
  await answer(page, el, { option: 0 });
  await el.locator('.zc-outcome').waitFor();
  assert.match(await el.locator('.zc-outcome').innerText(), /You qualify/);
  assert.match(await el.locator('li[data-criterion="age4050"]').innerText(), /51[\s\S]*women ≥ 40/);
  await page.screenshot({ path: `${outputDir}eligibility-result-en.png`, fullPage: true });
  assert.deepEqual(await axe(page), []);
  // Result page: each answer has its Change link.
  assert.ok(await el.locator('.zc-answer-row button.zc-link').count() >= 4);
  // Delete asks once; Cancel keeps the answers, Yes deletes them: back to the first question, nothing stored.
  await el.getByRole('button', { name: 'Delete my answers' }).click();
  await el.getByRole('button', { name: 'Cancel' }).click();
  assert.match(await el.locator('.zc-outcome').innerText(), /You qualify/);
  await el.getByRole('button', { name: 'Delete my answers' }).click();
  await el.getByRole('button', { name: 'Yes, delete them' }).click();
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('.zc-heading')?.textContent === 'What is your date of birth?', SEL);
  assert.equal(await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.startsWith('zc:v1:zc-eligibility')).length), 0);
  assert.deepEqual(problems, clean);
  await context.close();
});

test('the widget does not take focus when the page loads', async () => {
  const { page, context } = await open(env, '/');
  await ready(page);
  assert.equal(await page.evaluate(() => document.activeElement.localName), 'body');
  await context.close();
});

test('share with staff: the case code opens in the clerk\'s view with the same determination id', async () => {
  const { page, problems, context } = await open(env, '/');
  const el = await ready(page);
  await page.evaluate((s) => document.querySelector(s).setAttribute('lang', 'en'), SEL);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('.zc-heading')?.textContent === 'What is your date of birth?', SEL);
  await answer(page, el, { text: '1975-02-03' });
  await answer(page, el, { option: 1 });
  for (let i = 0; i < 5; i += 1) {
    if (await el.locator('.zc-outcome').count()) break;
    await answer(page, el, { option: 0 });
  }
  await el.locator('.zc-outcome').waitFor();
  const id = await el.locator('[data-determination]').getAttribute('data-determination');
  await el.getByRole('button', { name: 'Share with the office' }).click();
  const code = (await el.locator('.zc-case-code').innerText()).trim();
  assert.match(code, /^ZC1-[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{4}$/);
  assert.equal(await el.locator('svg.zc-qr path').count(), 1);
  assert.deepEqual(await axe(page), []);
  // The clerk's page: from the address (the QR code's URL) …
  const staff = await open(env, `/staff.html#zc-case=${code}`);
  const clerk = await widget(staff.page, '#staff');
  await clerk.locator('.zc-opened').waitFor();
  assert.equal(await clerk.locator('[data-determination]').getAttribute('data-determination'), id);
  // … or typed into the box; a damaged code is refused in plain words.
  await clerk.locator('#zc-case-code').fill(code.slice(0, -2));
  await clerk.getByRole('button', { name: '打开' }).click();
  assert.match(await clerk.locator('#zc-case-code-error').innerText(), /不完整或有字符错误/);
  await clerk.locator('#zc-case-code').fill(code);
  await clerk.getByRole('button', { name: '打开' }).click();
  assert.equal(await clerk.locator('[data-determination]').getAttribute('data-determination'), id);
  // The clerk's page keeps nothing (save="none").
  assert.deepEqual(await staff.page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.startsWith('zc:v1:zc-eligibility'))), []);
  assert.deepEqual(staff.problems, clean);
  assert.deepEqual(problems, clean);
  await staff.context.close();
  await context.close();
});
