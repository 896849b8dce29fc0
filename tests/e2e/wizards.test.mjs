// Every <zc-eligibility> wizard, completed with the keyboard only, in zh-CN and
// in English. The paths are data (wizards.json): one set of answers per
// program, as checkEligibility takes them, and the outcome they must reach.
// The question kinds and option order come from listPrograms, so a new
// question in a program either has a scripted answer or fails here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open, axe } from './harness.mjs';
import { listPrograms } from '../../web/pkg-node/zhuchuang_web.js';

const SEL = '#demo-eligibility zc-eligibility';
const TODAY = '2026-06-30';
const paths = JSON.parse(readFileSync(new URL('./wizards.json', import.meta.url), 'utf8'));
delete paths['//'];
const defs = Object.fromEntries(listPrograms().map((p) => [p.id, p]));
const clean = { console: [], pageErrors: [], offsite: [] };
const CJK = /[\u4e00-\u9fff]/;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('wizards.json has a path for every program listPrograms gives', () => {
  assert.deepEqual(Object.keys(paths).sort(), Object.keys(defs).sort());
});

/** Runs `fn(shadowRoot)` in the page (an expression through the DevTools
 *  protocol, so the page's CSP, which forbids eval, is not involved). */
const shadow = (page, fn) => page.evaluate(`(${fn})(document.querySelector(${JSON.stringify(SEL)}).shadowRoot)`);
const activeId = (page) => shadow(page, (r) => r.activeElement?.id ?? null);
const onSubmit = (page) => shadow(page, (r) => r.activeElement?.type === 'submit');

async function tabTo(page, id) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if ((await activeId(page)) === id) return;
  }
  throw new Error(`could not tab to #${id}`);
}

/** Answers the question on screen with the keyboard, from the script. */
async function answerCurrent(page, program) {
  const { fact, heading } = await shadow(page, (r) => ({
    fact: r.querySelector('.zc-question input')?.id?.replace(/^zc-q-/, ''),
    heading: r.querySelector('.zc-question .zc-heading')?.textContent,
  }));
  assert.ok(fact, `${program}: no question input on screen`);
  const def = defs[program].facts.find((f) => f.fact === fact);
  assert.ok(def, `${program}: the wizard asks "${fact}", which listPrograms does not list`);
  assert.ok(fact in paths[program].answers, `${program}: wizards.json has no answer for "${fact}" (${heading})`);
  const value = paths[program].answers[fact];
  const first = `zc-q-${fact}`;
  await tabTo(page, first);
  switch (def.type) {
    case 'yesNo':
    case 'choice': {
      const index = def.type === 'yesNo' ? (value ? 0 : 1) : def.options.findIndex((o) => o.value === value);
      assert.ok(index >= 0, `${program}.${fact}: "${value}" is not an option`);
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      break;
    }
    case 'multiChoice': {
      // Each box is a tab stop: tick the chosen ones on the way past.
      for (let i = 0; i < def.options.length; i++) {
        if (value.includes(def.options[i].value)) await page.keyboard.press('Space');
        if (i + 1 < def.options.length) await page.keyboard.press('Tab');
      }
      break;
    }
    default:
      await page.keyboard.type(String(value));
  }
  for (let i = 0; i < 12 && !(await onSubmit(page)); i++) await page.keyboard.press('Tab');
  assert.ok(await onSubmit(page), `${program}.${fact}: could not tab to Continue`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(([s, old]) => {
    const r = document.querySelector(s).shadowRoot;
    return r.querySelector('.zc-outcome') || r.querySelector('.zc-error-summary')
      || r.querySelector('.zc-question .zc-heading')?.textContent !== old;
  }, [SEL, heading]);
  const refused = await shadow(page, (r) => r.querySelector('.zc-error-summary')?.innerText ?? null);
  assert.equal(refused, null, `${program}.${fact}: the answer ${JSON.stringify(value)} was refused`);
  return heading;
}

for (const lang of ['zh-CN', 'en']) {
  test(`every wizard to its outcome, keyboard only (${lang})`, async () => {
    const { page, problems, context } = await open(env, '/');
    await page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('form, .zc-outcome'), SEL);
    for (const [program, path] of Object.entries(paths)) {
      await page.evaluate(([s, attrs]) => {
        const el = document.querySelector(s);
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      }, [SEL, { today: TODAY, lang, program }]);
      await page.waitForFunction(([s, title]) => document.querySelector(s).shadowRoot.querySelector('.zc-progress')?.textContent.includes(title),
        [SEL, listPrograms({ lang }).find((p) => p.id === program).title]);
      await page.focus('body');
      const asked = [];
      for (let step = 0; step < 40; step++) {
        if (await shadow(page, (r) => !!r.querySelector('.zc-outcome'))) break;
        asked.push(await answerCurrent(page, program));
      }
      const outcome = await shadow(page, (r) => {
        const o = r.querySelector('.zc-outcome');
        return o && {
          classes: [...o.classList],
          heading: o.querySelector('h2').textContent,
          criteria: [...r.querySelectorAll('.zc-criteria li')].map((li) => ({
            id: li.dataset.criterion, status: li.dataset.status, cited: !!li.querySelector('.zc-cite'),
          })),
        };
      });
      assert.ok(outcome, `${program}: no outcome after ${asked.length} questions`);
      assert.ok(outcome.classes.includes(`zc-${path.outcome}`), `${program}: expected ${path.outcome}, got ${outcome.classes.join(' ')}`);
      assert.ok(outcome.criteria.length > 0, `${program}: no criteria shown`);
      for (const c of outcome.criteria) assert.ok(c.cited, `${program}: criterion ${c.id} has no citation`);
      // Every question and the result speak the widget's language.
      for (const h of [...asked, outcome.heading]) {
        assert.equal(CJK.test(h), lang === 'zh-CN', `${program} (${lang}): "${h}"`);
      }
    }
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, clean);
    await context.close();
  });
}
