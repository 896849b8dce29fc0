// Times the first rule call after load in Node: `require` of the Node package,
// then the first checkEligibility (which makes the embedded national pack ready)
// and a second one for comparison. Each run is a fresh process, so every first
// call is really a first call. A second set of processes calls validateId first
// (it touches the API's entry and no pack), so its first checkEligibility shows
// the pack and the rule code apart from V8 compiling the shared entry code.
//
//   node scripts/first-call.mjs [path/to/pkg-node] [runs]
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = resolve(process.argv[2] ?? fileURLToPath(new URL('../web/pkg-node', import.meta.url)));
const runs = Number(process.argv[3] ?? 7);
const child = (warm) => `
const t0 = process.hrtime.bigint();
const zc = require(${JSON.stringify(pkg)});
${warm ? "zc.validateId('residentId', '11010519491231002X');" : ''}
const t1 = process.hrtime.bigint();
const facts = { birthDate: '1966-03-10', track: 'male' };
const options = { asOf: '2026-11-21' };
zc.checkEligibility('flexibleRetirement', facts, options);
const t2 = process.hrtime.bigint();
zc.checkEligibility('flexibleRetirement', facts, options);
const t3 = process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
console.log(JSON.stringify([ms(t0, t1), ms(t1, t2), ms(t2, t3)]));
`;
const run = (warm) => {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    samples.push(JSON.parse(execFileSync(process.execPath, ['-e', child(warm)], { encoding: 'utf8' })));
  }
  return samples;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = run(false);
const warm = run(true);
const col = (samples, i) => median(samples.map((s) => s[i])).toFixed(2).padStart(8);
console.log(`${pkg} (median of ${runs} fresh processes)`);
console.log(`require                    ${col(cold, 0)} ms`);
console.log(`first checkEligibility     ${col(cold, 1)} ms`);
console.log(`second checkEligibility    ${col(cold, 2)} ms`);
console.log(`after one validateId:`);
console.log(`require + validateId       ${col(warm, 0)} ms`);
console.log(`first checkEligibility     ${col(warm, 1)} ms`);
