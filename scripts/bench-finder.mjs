// The policy finder's benchmark (issue 11): questions asked, and the time of one
// findPrograms call in wasm (Node).
//
//   node scripts/bench-finder.mjs [--quick]
//
// Needs web/pkg-node (scripts/build.sh; release for the timing figures) and
// tests/finder/personas.json (scripts/gen-personas.mjs).
//
// Questions: for every persona, the finder is walked from no answers, each time
// answering its nextQuestion from the persona, until no program is open; the
// separate wizards are each walked the same way with checkEligibility's
// nextQuestion until their program is settled, answering from the persona's
// answers in the program's own vocabulary (what findPrograms hands each
// program). The sum over the eleven wizards is compared with the finder's count:
// median and worst ratio, and the personas where the finder asks more (target:
// at most half, never more). Each program's final outcome is also compared
// between the two walks (they must agree).
//
// Time: every findPrograms call of the finder walks (every program, the
// answers as they grow), after a warm-up; median and p99 (target: < 2 ms).
// The core remembers the program checks of its last calls (an answer changes
// only the programs that ask it), so a walk's calls reuse most checks; the
// cold row is one call per persona on its full answers, never seen before, so
// every program is checked afresh.
import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const pkg = join(root, 'web/pkg-node/zhuchuang_web.js');
const file = join(root, 'tests/finder/personas.json');
for (const [path, how] of [[pkg, 'scripts/build.sh'], [file, 'node scripts/gen-personas.mjs']]) {
  if (!existsSync(path)) {
    console.error(`missing ${path}: run ${how}`);
    process.exit(2);
  }
}
const zc = require(pkg);
const quick = process.argv.includes('--quick');
const data = JSON.parse(readFileSync(file, 'utf8'));
const personas = quick ? data.personas.slice(0, 50) : data.personas;
const options = { asOf: data.asOf };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; };

function walkFinder(persona, times) {
  const facts = {};
  let asked = 0;
  let stuck = null;
  let f;
  for (;;) {
    const t0 = process.hrtime.bigint();
    f = zc.findPrograms(facts, options);
    times?.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (f.counts.open === 0) break;
    const q = f.nextQuestion.fact;
    if (!(q in persona)) { stuck = q; break; }
    facts[q] = persona[q];
    asked += 1;
  }
  const outcomes = Object.fromEntries(f.programs.map((p) => [p.program, p.standing]));
  return { asked, stuck, outcomes };
}

function walkWizard(program, answers) {
  const facts = {};
  let asked = 0;
  for (;;) {
    const d = zc.checkEligibility(program, facts, options);
    if (d.outcome !== 'undetermined') return { asked, outcome: d.outcome };
    const q = d.nextQuestion.fact;
    if (!(q in answers)) return { asked, outcome: d.outcome, stuck: q };
    facts[q] = answers[q];
    asked += 1;
  }
}

const standing = { eligible: 'likely', ineligible: 'ruledOut', undetermined: 'open' };
// Warm-up (the first calls fill caches).
for (const p of personas.slice(0, 5)) walkFinder(p.answers);

const times = [];
const rows = [];
let disagreements = 0;
const stuck = [];
for (const p of personas) {
  const full = zc.findPrograms(p.answers, options);
  let separate = 0;
  const wizardOutcomes = {};
  for (const prog of full.programs) {
    const w = walkWizard(prog.program, prog.answers);
    separate += w.asked;
    wizardOutcomes[prog.program] = standing[w.outcome];
    if (w.stuck) stuck.push(`${p.id} ${prog.program} wizard asks ${w.stuck}`);
  }
  const f = walkFinder(p.answers, times);
  if (f.stuck) stuck.push(`${p.id} finder asks ${f.stuck}`);
  for (const [prog, s] of Object.entries(wizardOutcomes)) {
    if (f.outcomes[prog] !== s) { disagreements += 1; stuck.push(`${p.id} ${prog}: finder ${f.outcomes[prog]}, wizard ${s}`); }
  }
  rows.push({ id: p.id, kind: p.kind, finder: f.asked, separate, ratio: f.asked / separate });
}

// Cold: full answers not seen before (each persona's, with a date of birth
// moved by a day so no check of the walks is reused).
const cold = [];
for (const p of personas) {
  const answers = { ...p.answers, birthDate: p.answers.birthDate.replace(/-(\d\d)$/, (_, d) => `-${String(Math.max(1, (Number(d) % 28) + 1)).padStart(2, '0')}`) };
  const t0 = process.hrtime.bigint();
  zc.findPrograms(answers, options);
  cold.push(Number(process.hrtime.bigint() - t0) / 1e6);
}

const finderQs = rows.map((r) => r.finder);
const separateQs = rows.map((r) => r.separate);
const ratios = rows.map((r) => r.ratio);
const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
const more = rows.filter((r) => r.finder > r.separate);
const total = (xs) => xs.reduce((a, b) => a + b, 0);
const fmt = (x, d = 2) => x.toFixed(d);
console.log(`policy finder benchmark: ${rows.length} personas, asOf ${data.asOf}, every program (${zc.listPrograms(options).length})`);
console.log('');
console.log('questions asked until every program is settled');
console.log(`  finder            median ${median(finderQs)}, worst ${Math.max(...finderQs)}, total ${total(finderQs)}`);
console.log(`  separate wizards  median ${median(separateQs)}, worst ${Math.max(...separateQs)}, total ${total(separateQs)}`);
console.log(`  finder/separate   median ${fmt(median(ratios))}, worst ${fmt(worst.ratio)} (${worst.id}, ${worst.kind}: ${worst.finder} vs ${worst.separate}), overall ${fmt(total(finderQs) / total(separateQs))}`);
console.log(`  target ≤ 0.5 and never more: ${median(ratios) <= 0.5 && worst.ratio <= 0.5 ? 'met (every persona ≤ half)' : median(ratios) <= 0.5 ? 'median met' : 'NOT met'}; personas where the finder asks more: ${more.length}`);
console.log(`  outcomes finder vs wizards: ${disagreements === 0 ? 'all agree' : `${disagreements} differ`}`);
if (stuck.length) console.log(`  problems:\n    ${stuck.slice(0, 10).join('\n    ')}`);
console.log('');
console.log(`one findPrograms call (wasm, Node ${process.version}), ${times.length} calls of the finder walks`);
console.log(`  median ${fmt(median(times), 3)} ms, p99 ${fmt(quantile(times, 0.99), 3)} ms, max ${fmt(Math.max(...times), 3)} ms (target < 2 ms: ${quantile(times, 0.99) < 2 ? 'met at p99' : median(times) < 2 ? 'met at the median' : 'NOT met'})`);
console.log(`  cold (every program checked afresh, ${cold.length} calls): median ${fmt(median(cold), 3)} ms, p99 ${fmt(quantile(cold, 0.99), 3)} ms`);
const byKind = {};
for (const r of rows) (byKind[r.kind] ??= []).push(r);
console.log('');
console.log('by kind of persona (median questions, finder vs separate)');
for (const [k, rs] of Object.entries(byKind)) {
  console.log(`  ${k.padEnd(16)} ${String(median(rs.map((r) => r.finder))).padStart(3)} vs ${String(median(rs.map((r) => r.separate))).padStart(3)}  (${rs.length})`);
}
if (more.length || disagreements || stuck.length) process.exitCode = 1;
