// validateIds and isValidId against the npm ID validators, in one process on
// the same numbers (scripts/bench/numbers.mjs). Each contender checks every
// number `runs` times after one warm-up pass; the median pass counts.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The npm peers, each as a per-number check returning a boolean. */
export function peers() {
  const IDValidator = require('id-validator');
  const idcard = require('idcard');
  const validator = require('validator');
  const idv = new IDValidator();
  return [
    { name: 'id-validator isValid', check: (s) => idv.isValid(s) },
    { name: 'idcard verify', check: (s) => idcard.verify(s) },
    { name: "validator isIdentityCard zh-CN", check: (s) => validator.isIdentityCard(s, 'zh-CN') },
  ];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timePerNumber(numbers, check, runs) {
  let valid = 0;
  const pass = () => {
    let ok = 0;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < numbers.length; i++) if (check(numbers[i])) ok++;
    const t1 = process.hrtime.bigint();
    valid = ok;
    return Number(t1 - t0);
  };
  pass();
  const times = Array.from({ length: runs }, pass);
  return { ns: median(times) / numbers.length, valid };
}

function timeBatch(numbers, batch, runs) {
  let valid = 0;
  const pass = () => {
    const t0 = process.hrtime.bigint();
    const out = batch(numbers);
    const t1 = process.hrtime.bigint();
    let ok = 0;
    for (let i = 0; i < out.length; i++) if (out[i].valid) ok++;
    valid = ok;
    return Number(t1 - t0);
  };
  pass();
  const times = Array.from({ length: runs }, pass);
  return { ns: median(times) / numbers.length, valid };
}

/**
 * Rows `{ name, ns, perSecond, valid }` (ns per number, numbers per second,
 * how many it found valid) and the two targets against the fastest peer.
 */
export function runIds(zc, numbers, runs) {
  const rows = [];
  for (const p of peers()) rows.push({ name: p.name, peer: true, ...timePerNumber(numbers, p.check, runs) });
  rows.push({ name: 'zhuchuang isValidId', ...timePerNumber(numbers, (s) => zc.isValidId('residentId', s), runs) });
  rows.push({ name: 'zhuchuang validateIds (one call)', ...timeBatch(numbers, (xs) => zc.validateIds('residentId', xs), runs) });
  for (const r of rows) r.perSecond = 1e9 / r.ns;
  const fastest = rows.filter((r) => r.peer).reduce((a, b) => (a.ns <= b.ns ? a : b));
  const find = (prefix) => rows.find((r) => r.name.startsWith(prefix));
  const batch = find('zhuchuang validateIds');
  const single = find('zhuchuang isValidId');
  return {
    rows,
    fastest,
    targets: [
      { what: 'validateIds ≥ 3× fastest peer', ratio: fastest.ns / batch.ns, need: 3 },
      { what: 'isValidId ≥ 1× fastest peer', ratio: fastest.ns / single.ns, need: 1 },
    ],
  };
}
