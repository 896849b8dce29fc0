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

/** One pass of a per-number check over every number: [ns, how many valid]. */
function eachPass(numbers, check) {
  let ok = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < numbers.length; i++) if (check(numbers[i])) ok++;
  return [Number(process.hrtime.bigint() - t0), ok];
}

/** One pass of a batch call on all the numbers: [ns, how many valid]. */
function batchPass(numbers, batch) {
  const t0 = process.hrtime.bigint();
  const out = batch(numbers);
  const ns = Number(process.hrtime.bigint() - t0);
  let ok = 0;
  for (let i = 0; i < out.length; i++) if (out[i].valid) ok++;
  return [ns, ok];
}

/**
 * Rows `{ name, ns, perSecond, valid }` (ns per number, numbers per second,
 * how many it found valid) and the two targets against the fastest peer. The
 * contenders take turns, pass by pass (one warm-up pass each first), so a
 * machine busy for a while slows all of them alike; the median pass counts.
 */
export function runIds(zc, numbers, runs) {
  const contenders = [
    ...peers().map((p) => ({ name: p.name, peer: true, pass: () => eachPass(numbers, p.check) })),
    { name: 'zhuchuang isValidId', pass: () => eachPass(numbers, (s) => zc.isValidId('residentId', s)) },
    { name: 'zhuchuang validateIds (one call)', pass: () => batchPass(numbers, (xs) => zc.validateIds('residentId', xs)) },
  ];
  const times = contenders.map(() => []);
  const valid = contenders.map((c) => c.pass()[1]);
  for (let r = 0; r < runs; r++) {
    contenders.forEach((c, i) => times[i].push(c.pass()[0]));
  }
  const rows = contenders.map((c, i) => {
    const ns = median(times[i]) / numbers.length;
    return { name: c.name, peer: Boolean(c.peer), ns, perSecond: 1e9 / ns, valid: valid[i] };
  });
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
