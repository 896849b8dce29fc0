// Shared harness for the browser end-to-end tests: serves the site on
// 127.0.0.1, drives Debian's Chromium with playwright-core, and records what a
// page must not do (console errors, uncaught exceptions, CSP violations,
// requests leaving 127.0.0.1).
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve, CSP } from '../../scripts/serve.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const outputDir = new URL('./output/', import.meta.url).pathname;
mkdirSync(outputDir, { recursive: true });

export async function start() {
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
  return {
    base,
    browser,
    async close() { await browser.close(); server.close(); },
  };
}

/**
 * Opens `path` in a fresh page and watches it. With `html`, the page at `path`
 * is that markup, served with the site's CSP (a page made for one test).
 * `requests` lists the path of every request the page makes, in order.
 */
export async function open(env, path, { viewport = { width: 1100, height: 900 }, html } = {}) {
  const context = await env.browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = { console: [], pageErrors: [], offsite: [] };
  const requests = [];
  page.on('request', (r) => { if (r.url().startsWith(env.base)) requests.push(r.url().slice(env.base.length)); });
  if (html !== undefined) {
    await page.route(env.base + path, (route) => route.fulfill({
      status: 200, body: html,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'cache-control': 'no-store' },
    }));
  }
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.console.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) problems.offsite.push(r.url());
  });
  await page.goto(env.base + path);
  return { page, context, problems, requests };
}

/** Waits until the custom element `tag` has rendered into its shadow root. */
export async function widget(page, selector) {
  await page.waitForFunction((s) => {
    const el = document.querySelector(s);
    return el && el.shadowRoot && el.shadowRoot.querySelector('.zc-root > *');
  }, selector);
  return page.locator(selector);
}

/** Runs axe-core on the page (shadow roots included); returns the violations. */
export async function axe(page, context = undefined) {
  await page.evaluate(axeSource);
  return page.evaluate(async (ctx) => {
    const r = await window.axe.run(ctx ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' >>> ')).slice(0, 5) }));
  }, context);
}
