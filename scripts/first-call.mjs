// Times the first rule call after load in Node: `require` of the Node package,
// then the first checkEligibility (which makes the embedded national pack ready)
// and a second one for comparison. Each run is a fresh process, so every first
// call is really a first call.
//
//   node scripts/first-call.mjs [path/to/pkg-node] [runs]
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = resolve(process.argv[2] ?? fileURLToPath(new URL('../web/pkg-node', import.meta.url)));
const runs = Number(process.argv[3] ?? 7);
const child = `
const t0 = process.hrtime.bigint();
const zc = require(${JSON.stringify(pkg)});
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
const samples = [];
for (let i = 0; i < runs; i++) {
  samples.push(JSON.parse(execFileSync(process.execPath, ['-e', child], { encoding: 'utf8' })));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const col = (i) => median(samples.map((s) => s[i])).toFixed(2).padStart(8);
console.log(`${pkg} (median of ${runs} fresh processes)`);
console.log(`require                    ${col(0)} ms`);
console.log(`first checkEligibility     ${col(1)} ms`);
console.log(`second checkEligibility    ${col(2)} ms`);
