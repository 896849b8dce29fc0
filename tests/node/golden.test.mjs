// The golden cases of tests/golden/, run through the built wasm package from
// JavaScript: the same data the Rust runner (tests/tests/golden.rs) checks
// through the API's Rust entry point (zhuchuang_web::api::call, which the wasm
// exports wrap), so the crossing into JavaScript cannot change an answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const zc = require('../../web/pkg-node/zhuchuang_web.js');
const here = fileURLToPath(new URL('.', import.meta.url));
const goldenDir = join(here, '../golden');
const packsDir = join(here, '../../core/packs');

function walk(dir) {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : [];
  });
}

/** Every way `actual` differs from the subset `expected`. */
function mismatches(expected, actual, path = '', out = []) {
  if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    if (!actual || typeof actual !== 'object') { out.push(`${path}: expected an object, got ${JSON.stringify(actual)}`); return out; }
    for (const [k, v] of Object.entries(expected)) {
      if (!(k in actual)) out.push(`${path}.${k}: missing (expected ${JSON.stringify(v)})`);
      else mismatches(v, actual[k], `${path}.${k}`, out);
    }
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${path}: expected ${expected.length} items, got ${JSON.stringify(actual)?.slice(0, 300)}`);
      return out;
    }
    expected.forEach((e, i) => mismatches(e, actual[i], `${path}[${i}]`, out));
  } else if (expected !== actual) {
    out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)?.slice(0, 300)}`);
  }
  return out;
}

function loadPacks(packs) {
  zc.resetPacks();
  for (const p of packs) zc.loadPack(typeof p === 'string' ? readFileSync(join(packsDir, p), 'utf8') : p);
}

function invoke(name, args, options) {
  const fn = zc[name];
  assert.equal(typeof fn, 'function', `the API has no function ${name}`);
  // Options always go last: pad missing optional arguments (e.g. `provided`).
  const padded = [...args];
  while (padded.length < fn.length - 1) padded.push(undefined);
  try {
    return { ok: fn(...padded, options) };
  } catch (e) {
    assert.equal(e.name, 'ZhuchuangError', `${name} threw ${e}`);
    assert.ok(e.message && e.messages['zh-CN'] && e.messages.en, `${name} threw ${e.code} with an empty message`);
    return { err: { code: e.code, messages: e.messages, problems: e.problems ?? [] } };
  }
}

for (const path of walk(goldenDir)) {
  const file = JSON.parse(readFileSync(path, 'utf8'));
  const name = relative(goldenDir, path);
  test(name, () => {
    const failures = [];
    if (file.sequence) loadPacks(file.packs ?? []);
    for (const c of file.cases) {
      if (!file.sequence) loadPacks(file.packs ?? []);
      const options = { ...(file.options ?? {}), ...(c.options ?? {}) };
      const r = invoke(c.call ?? file.call, c.args ?? [], options);
      let diffs = [];
      // 'expect' in c, not c.expect: a result may be false (isValidId).
      if ('expect' in c && 'ok' in r) diffs = mismatches(c.expect, r.ok);
      else if (c.error && r.err) {
        const { problemsAtLeast, ...rest } = c.error;
        if (problemsAtLeast && r.err.problems.length < problemsAtLeast) diffs.push(`expected at least ${problemsAtLeast} problems, got ${r.err.problems.length}`);
        diffs.push(...mismatches(rest, r.err, 'error'));
      } else diffs = ['expect' in c ? `expected a result, got error ${JSON.stringify(r.err)}` : `expected an error, got ${JSON.stringify(r.ok).slice(0, 300)}`];
      if (diffs.length) failures.push(`${c.name}:\n    ${diffs.join('\n    ')}`);
    }
    zc.resetPacks();
    assert.deepEqual(failures, [], failures.join('\n'));
  });
}
