// <zc-finder>, the policy finder, walked with the keyboard only for three
// personas (tests/finder/personas.json) in zh-CN and in English: every
// question answered from the persona, the running panel and the grouped
// result checked against findPrograms (the Node package) for the same
// answers, axe-core on the result, and one program opened in its own wizard
// with the answers carried over (nothing asked again).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open, axe } from './harness.mjs';
import { findPrograms } from '../../web/pkg-node/zhuchuang_web.js';

const TODAY = '2026-11-21';
const personas = Object.fromEntries(JSON.parse(readFileSync(new URL('../finder/personas.json', import.meta.url), 'utf8'))
  .personas.map((p) => [p.id, p]));
// An older unemployed person over every program; an employer on a bank's page
// (the loans only); a student over the subsidies for young people.
const WALKS = [
  { persona: 'p201', programs: null },
  { persona: 'p178', programs: 'loanIndividual loanPartnership loanEnterprise' },
  { persona: 'p029', programs: 'flexibleEmploymentSubsidy startupSubsidy jobSeekingSubsidy trainingSubsidy publicWelfarePost' },
];
const clean = { console: [], pageErrors: [], offsite: [] };
const CJK = /[\u4e00-\u9fff]/;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const page0 = (lang, programs) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>finder</title>
  <link rel="icon" href="data:,"><link rel="stylesheet" href="/dist/zc-widgets.css">
  <script type="module" src="/dist/zc-widgets.js"></script></head>
  <body><main><h1>Finder</h1><zc-finder lang="${lang}" today="${TODAY}" save="none"${programs ? ` programs="${programs}"` : ''}></zc-finder></main></body></html>`;

const shadow = (page, fn) => page.evaluate(`(${fn})(document.querySelector('zc-finder').shadowRoot)`);
const activeId = (page) => shadow(page, (r) => r.activeElement?.id ?? null);
const onSubmit = (page) => shadow(page, (r) => r.activeElement?.type === 'submit');

async function tabTo(page, id) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if ((await activeId(page)) === id) return;
  }
  throw new Error(`could not tab to #${id}`);
}

/** Answers the question on screen (`expected`, the finder's next question as
 *  findPrograms gives it) from the persona, keyboard only. */
async function answerCurrent(page, persona, expected) {
  const q = await shadow(page, (r) => {
    const inputs = [...r.querySelectorAll('.zc-question input, .zc-question select, .zc-question textarea')];
    return {
      fact: inputs[0]?.id?.replace(/^zc-q-/, '').replace(/-\d+$/, ''),
      firstId: inputs[0]?.id,
      type: inputs[0]?.type,
      values: inputs.map((i) => i.value),
      heading: r.querySelector('.zc-question .zc-heading')?.textContent,
    };
  });
  assert.ok(q.fact, `${persona.id}: no question on screen`);
  assert.equal(q.fact, expected.fact, `${persona.id}: the widget asks ${q.fact}, findPrograms ${expected.fact}`);
  assert.ok(q.fact in persona.answers, `${persona.id}: the finder asks "${q.fact}" (${q.heading}), which the persona does not answer`);
  const value = persona.answers[q.fact];
  await tabTo(page, q.firstId);
  if (q.type === 'radio') {
    const index = expected.type === 'yesNo' ? (value ? 0 : 1) : expected.options.findIndex((o) => o.value === value);
    assert.ok(index >= 0, `${persona.id}.${q.fact}: "${value}" is not an option (${q.values})`);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
  } else if (q.type === 'checkbox') {
    for (let i = 0; i < expected.options.length; i++) {
      if (value.includes(expected.options[i].value)) await page.keyboard.press('Space');
      if (i + 1 < expected.options.length) await page.keyboard.press('Tab');
    }
  } else {
    await page.keyboard.type(String(value));
  }
  for (let i = 0; i < 12 && !(await onSubmit(page)); i++) await page.keyboard.press('Tab');
  assert.ok(await onSubmit(page), `${persona.id}.${q.fact}: could not tab to Continue`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((old) => {
    const r = document.querySelector('zc-finder').shadowRoot;
    return r.querySelector('.zc-group') || r.querySelector('.zc-error-summary')
      || r.querySelector('.zc-question .zc-heading')?.textContent !== old;
  }, q.heading);
  const refused = await shadow(page, (r) => r.querySelector('.zc-error-summary')?.innerText ?? null);
  assert.equal(refused, null, `${persona.id}.${q.fact}: the answer ${JSON.stringify(value)} was refused`);
  return { fact: q.fact, heading: q.heading };
}

for (const lang of ['zh-CN', 'en']) {
  for (const walk of WALKS) {
    test(`finder, keyboard only: ${walk.persona} ${walk.programs ? `(${walk.programs})` : '(every program)'} in ${lang}`, async () => {
      const persona = personas[walk.persona];
      const options = { asOf: TODAY, lang, ...(walk.programs ? { programs: walk.programs.split(' ') } : {}) };
      const { page, problems, context } = await open(env, `/test/finder-${walk.persona}-${lang}.html`, { html: page0(lang, walk.programs) });
      await page.waitForFunction(() => document.querySelector('zc-finder')?.shadowRoot?.querySelector('form'));
      await page.focus('body');
      const facts = {};
      const asked = [];
      for (let step = 0; step < 60; step++) {
        if (await shadow(page, (r) => !!r.querySelector('.zc-group'))) break;
        const next = findPrograms(facts, options).nextQuestion;
        const { fact, heading } = await answerCurrent(page, persona, next);
        facts[fact] = persona.answers[fact];
        asked.push(heading);
        // The running panel says what findPrograms says for the answers so far.
        const expected = findPrograms(facts, options);
        const panel = await shadow(page, (r) => r.querySelector('.zc-panel')?.textContent);
        assert.equal(panel, expected.summary, `${persona.id} after ${fact}`);
      }
      const finding = findPrograms(facts, options);
      assert.equal(finding.counts.open, 0, `${persona.id}: the walk ended with programs open`);
      for (const h of asked) assert.equal(CJK.test(h), lang === 'zh-CN', `${persona.id} (${lang}): "${h}"`);

      // The grouped result: each program under its standing, a ruled-out one
      // with its one line why and the conditions behind a <details>.
      const shown = await shadow(page, (r) => [...r.querySelectorAll('.zc-programs > li')].map((li) => ({
        program: li.dataset.program,
        standing: li.dataset.standing,
        why: li.querySelector('.zc-why-not')?.textContent ?? null,
        details: !!li.querySelector('details .zc-criteria'),
        gives: li.querySelector('.zc-gives')?.dataset.gives ?? null,
      })));
      const byStanding = (s) => finding.programs.filter((p) => p.standing === s).map((p) => p.program);
      for (const s of ['likely', 'open', 'ruledOut']) {
        assert.deepEqual(shown.filter((x) => x.standing === s).map((x) => x.program), byStanding(s), `${persona.id}: ${s}`);
      }
      for (const x of shown.filter((y) => y.standing === 'ruledOut')) {
        const p = finding.programs.find((y) => y.program === x.program);
        assert.equal(x.why, p.whyNot, `${persona.id}: why ${x.program} is ruled out`);
        assert.ok(x.details, `${persona.id}: ${x.program} has no expandable conditions`);
      }
      const materials = await shadow(page, (r) => [...r.querySelectorAll('.zc-merged > li')].map((li) => li.dataset.material));
      assert.deepEqual(materials, finding.materials.map((m) => m.material));
      assert.deepEqual(await axe(page), []);

      // A likely program opens in its own wizard with the same answers.
      const likely = finding.programs.find((p) => p.standing === 'likely');
      assert.ok(likely, `${persona.id}: nothing likely to open`);
      await page.focus('zc-finder');
      let reached = false;
      for (let i = 0; i < 200 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = likely.program === await shadow(page, (r) => (r.activeElement?.classList.contains('zc-detail') ? r.activeElement.closest('li').dataset.program : null));
      }
      assert.ok(reached, `could not tab to "check in detail" of ${likely.program}`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('zc-finder').shadowRoot.querySelector('zc-eligibility')?.shadowRoot?.querySelector('.zc-outcome'));
      const carried = await shadow(page, (r) => {
        const inner = r.querySelector('zc-eligibility');
        const s = inner.shadowRoot;
        return {
          program: inner.getAttribute('program'),
          outcome: [...s.querySelector('.zc-outcome').classList],
          answers: s.querySelectorAll('.zc-answers .zc-answer-row').length,
          asking: !!s.querySelector('form .zc-question'),
        };
      });
      assert.equal(carried.program, likely.program);
      assert.ok(carried.outcome.includes('zc-eligible'), `${likely.program}: ${carried.outcome}`);
      assert.equal(carried.asking, false, 'the program wizard asks again');
      assert.equal(carried.answers, Object.keys(likely.answers).length, 'every answer carried over');
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(problems, clean);
      await context.close();
    });
  }
}
