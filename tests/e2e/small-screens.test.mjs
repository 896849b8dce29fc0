// Small screens: at 360×740, in both languages and in large text, each widget's
// result stays within the screen (nothing cut off sideways); a wide table scrolls
// inside its own named region, with a visible hint; axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, axe, outputDir } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PHONE = { width: 360, height: 740 };

/** Widgets with a way to a result: the selector on the demo page and how to fill it. */
const WIDGETS = {
  'zc-loan': async (el) => {
    await el.locator('#zc-borrower').check();
    await el.locator('#zc-amount').fill('300000');
    await el.locator('#zc-term').fill('36');
    await el.locator('#zc-rate').fill('3.45');
    await el.locator('#zc-repayment').check();
    await el.locator('button[type=submit]').click();
    await el.locator('section.zc-outcome').waitFor();
  },
  'zc-subsidy': async (el) => {
    for (const [id, v] of [['birth-year', '1980'], ['birth-month', '3'], ['birth-day', '10'], ['approved-year', '2024'], ['approved-month', '6'], ['approved-day', '15'], ['pension', '800'], ['medical', '300']]) {
      await el.locator(`#zc-${id}`).fill(v);
    }
    await el.locator('#zc-track').check();
    await el.locator('button[type=submit]').click();
    await el.locator('section.zc-outcome').waitFor();
  },
  'zc-retirement': async (el) => {
    for (const [id, v] of [['birth-year', '1970'], ['birth-month', '1'], ['birth-day', '15']]) await el.locator(`#zc-${id}`).fill(v);
    await el.locator('#zc-track').check();
    await el.locator('button[type=submit]').click();
    await el.locator('.zc-outcome').waitFor();
  },
  'zc-id-check': async (el) => {
    await el.locator('input').fill('11010519491231002X');
    await el.locator('dl.zc-details').waitFor();
  },
  'zc-materials': async (el) => { await el.locator('.zc-checklist').first().waitFor(); },
};

for (const [tag, fill] of Object.entries(WIDGETS)) {
  for (const [lang, large] of [['zh-CN', false], ['en', true]]) {
    test(`${tag} at 360 px (${lang}${large ? ', large text' : ''}): nothing cut off sideways`, async () => {
      const { page, problems, context } = await open(env, '/', { viewport: PHONE });
      await page.waitForFunction((t) => document.querySelector(t)?.shadowRoot?.querySelector('.zc-root > *'), tag);
      await page.evaluate(([t, l, big]) => {
        const el = document.querySelector(t);
        el.setAttribute('lang', l);
        if (big) el.setAttribute('large-text', '');
      }, [tag, lang, large]);
      const el = page.locator(tag).first();
      await page.waitForTimeout(150);
      await fill(el);
      const m = await page.evaluate((t) => {
        const host = document.querySelector(t);
        const root = host.shadowRoot.querySelector('.zc-root');
        const wraps = [...root.querySelectorAll('.zc-table-wrap')].map((w) => ({
          fits: w.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
          named: !!(w.getAttribute('aria-labelledby') && host.shadowRoot.getElementById(w.getAttribute('aria-labelledby'))),
          focusable: w.tabIndex === 0,
        }));
        const hint = root.querySelector('.zc-scroll-hint');
        return {
          rootFits: root.scrollWidth <= root.clientWidth + 1,
          hostFits: host.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
          pageFits: document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1,
          wraps,
          hintShown: hint ? getComputedStyle(hint).display !== 'none' : null,
        };
      }, tag);
      await page.screenshot({ path: `${outputDir}small-${tag}-${lang}${large ? '-large' : ''}.png`, fullPage: false });
      assert.ok(m.rootFits, `${tag}: the widget's content is wider than the widget`);
      assert.ok(m.hostFits && m.pageFits, `${tag}: the widget is wider than the screen`);
      for (const w of m.wraps) assert.deepEqual(w, { fits: true, named: true, focusable: true });
      if (m.wraps.length) assert.equal(m.hintShown, true, `${tag}: the sideways-scroll hint is shown`);
      assert.deepEqual(await axe(page, { include: [[tag]] }), []);
      assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
      await context.close();
    });
  }
}
