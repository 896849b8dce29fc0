// The site's pages as a whole: they load clean under the strict CSP, make no
// request off 127.0.0.1 and pass axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, axe } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

for (const path of ['/', '/guide.html']) {
  test(`${path} loads clean and passes axe`, async () => {
    const { page, problems, context } = await open(env, path);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
    await context.close();
  });
}

test('the demo page works on a small phone screen', async () => {
  const { page, problems, context } = await open(env, '/', { viewport: { width: 360, height: 740 } });
  await page.waitForLoadState('networkidle');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
  await context.close();
});
