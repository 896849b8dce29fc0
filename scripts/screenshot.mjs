// Regenerates docs/screenshot.png (the README's picture of the demo page).
// Needs a build (scripts/build.sh) and Chromium. Run: node scripts/screenshot.mjs
import { start, open, widget } from '../tests/e2e/harness.mjs';

const env = await start();
try {
  const { page } = await open(env, '/', { viewport: { width: 1100, height: 820 } });
  const el = await widget(page, 'zc-id-check');
  await el.locator('input').fill('11010519491231002x');
  await el.locator('dl.zc-details').waitFor();
  await page.screenshot({ path: new URL('../docs/screenshot.png', import.meta.url).pathname });
  console.log('wrote docs/screenshot.png');
} finally {
  await env.close();
}
