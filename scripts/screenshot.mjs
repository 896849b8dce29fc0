// Regenerates docs/screenshot.png (the README's picture of the demo page): the
// eligibility wizard's explained answer for a 就业困难人员认定 check.
// Needs a build (scripts/build.sh) and Chromium. Run: node scripts/screenshot.mjs
import { start, open, widget } from '../tests/e2e/harness.mjs';

const SEL = '#demo-eligibility zc-eligibility';
// fact → answer: text for a text field, else the index of the radio to choose.
const answers = [
  ['birthDate', '1990-05-10'], ['sex', 0], ['ableToWork', 0], ['willingToWork', 0],
  ['registeredUnemployed', 0], ['dibao', 0],
];

const env = await start();
try {
  const { page } = await open(env, '/', { viewport: { width: 1100, height: 1400 } });
  const el = await widget(page, SEL);
  await page.evaluate((s) => document.querySelector(s).setAttribute('today', '2026-11-21'), SEL);
  for (const [fact, answer] of answers) {
    if (await el.locator('.zc-outcome').count()) break;
    const id = await el.locator('.zc-question input').first().getAttribute('id');
    if (id !== `zc-q-${fact}`) throw new Error(`expected the question ${fact}, got ${id}`);
    if (typeof answer === 'string') await el.locator(`#${id}`).fill(answer);
    else await el.locator(answer === 0 ? `#${id}` : `#${id}-${answer}`).check();
    await el.locator('button[type=submit]').click();
    await page.waitForFunction(([s, old]) => {
      const r = document.querySelector(s).shadowRoot;
      return r.querySelector('.zc-outcome') || r.querySelector('.zc-question input')?.id !== old;
    }, [SEL, id]);
  }
  await el.locator('.zc-outcome').waitFor();
  const section = page.locator('#demo-eligibility');
  await section.scrollIntoViewIfNeeded();
  // The verdict and the first criteria; the page goes on with materials and answers.
  // Page coordinates (boundingBox is relative to the scrolled viewport).
  const box = await section.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
  });
  await page.screenshot({
    path: new URL('../docs/screenshot.png', import.meta.url).pathname,
    fullPage: true,
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1000) },
  });
  console.log('wrote docs/screenshot.png');
} finally {
  await env.close();
}
