// Times the first rule call after load in Node: `require` of the Node package,
// then the first checkEligibility (which makes the embedded national pack ready)
// and a second one for comparison. Each run is a fresh process, so every first
// call is really a first call. A second set of processes calls validateId first
// (it touches the API's entry and no pack), so its first checkEligibility shows
// the pack and the rule code apart from V8 compiling the shared entry code.
//
//   node scripts/first-call.mjs [path/to/pkg-node ...] [runs]
//
// With several packages (e.g. a build of main and one of a branch) the processes
// alternate between them, so both see the same machine load. V8 flags for the
// timed processes go in FIRST_CALL_FLAGS (e.g. `--no-wasm-lazy-compilation`).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 7);
const given = args.filter((a) => !/^\d+$/.test(a));
const pkgs = (given.length ? given : [fileURLToPath(new URL('../web/pkg-node', import.meta.url))]).map((p) =>
  resolve(p),
);
const flags = (process.env.FIRST_CALL_FLAGS ?? '').split(' ').filter(Boolean);
const child = (pkg, warm) => `
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
const sample = (pkg, warm) =>
  JSON.parse(execFileSync(process.execPath, [...flags, '-e', child(pkg, warm)], { encoding: 'utf8' }));
const cold = new Map(pkgs.map((p) => [p, []]));
const warm = new Map(pkgs.map((p) => [p, []]));
for (let i = 0; i < runs; i++) {
  for (const p of pkgs) cold.get(p).push(sample(p, false));
  for (const p of pkgs) warm.get(p).push(sample(p, true));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const col = (samples, i) => median(samples.map((s) => s[i])).toFixed(2).padStart(8);
for (const p of pkgs) {
  console.log(`${p} (median of ${runs} fresh processes${flags.length ? `, ${flags.join(' ')}` : ''})`);
  console.log(`require                    ${col(cold.get(p), 0)} ms`);
  console.log(`first checkEligibility     ${col(cold.get(p), 1)} ms`);
  console.log(`second checkEligibility    ${col(cold.get(p), 2)} ms`);
  console.log(`after one validateId:`);
  console.log(`require + validateId       ${col(warm.get(p), 0)} ms`);
  console.log(`first checkEligibility     ${col(warm.get(p), 1)} ms`);
}
