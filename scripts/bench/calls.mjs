// Per-call timings in Node for every function of the API (web/src/types.d.ts),
// on inputs taken from the golden cases under tests/golden/ (each row names its
// case). Every call is timed on its own; the table gives the median and the
// 99th percentile in microseconds.
//
//   runCalls(pkg, { quick }) → [{ fn, input, medianUs, p99Us, calls }]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const golden = (file) => JSON.parse(readFileSync(`${root}tests/golden/${file}`, 'utf8'));
const fails = (c) => 'error' in c || 'throws' in c;

/** The successful case of `file` (among those `pick` accepts) with the largest arguments. */
function goldenCase(file, pick) {
  const g = golden(file);
  const ok = g.cases.filter((c) => !fails(c) && (c.call ?? g.call) === g.call && (!pick || pick(c)));
  const c = ok.reduce((a, b) => (JSON.stringify(b.args).length > JSON.stringify(a.args).length ? b : a));
  return { args: c.args, options: { ...(g.options ?? {}), ...(c.options ?? {}) }, input: `${file}: ${c.name}` };
}

/** The calls: each `{ fn, input, run(zc) }`, optionally with `before(zc)` untimed per call. */
function calls() {
  const today = { today: '2026-11-21' };
  const asOf = { asOf: '2026-11-21' };
  const ledger = Array.from({ length: 1000 }, (_, i) => (i % 3 ? '11010519491231002X' : `11010519491231${String(i % 1000).padStart(3, '0')}1`));
  const overlay = readFileSync(`${root}core/packs/examples/440000-guangdong.json`, 'utf8');
  const fullFacts = {
    birthDate: '1990-05-10', sex: 'male', ableToWork: true, willingToWork: true,
    registeredUnemployed: true, dibao: false, hardshipWorkerFamily: false, disabled: false,
    unemployedSince: '2026-06-01', householdType: 'urban', landLost: false,
    ruralZeroTransfer: false, povertyAlleviated: false,
    household: [
      { relation: '配偶', workingAge: true, status: 'unemployed' },
      { relation: '子女', workingAge: true, status: 'student' },
      { relation: '母亲', workingAge: false, status: 'retired' },
    ],
  };
  const plan36 = {
    program: 'flexibleDifficult', person: { birthDate: '1985-06-15', retirementTrack: 'male' },
    firstApprovedOn: '2025-03-10', contributions: { perMonth: { pension: '800', medical: '300' } },
  };
  const form = { name: '张三', residentId: '11010519491231002X', mobile: '13800138000', bankCard: '6222021234567890128' };
  // Arguments before the options (the .d.ts order); missing ones are undefined.
  const arity = { checkEligibility: 2, checkMaterials: 3 };
  const g = (fn, file, pick, map = (a) => a) => {
    const c = goldenCase(file, pick);
    const args = map(structuredClone(c.args));
    args.length = arity[fn] ?? 1;
    return { fn, input: c.input, run: (zc) => zc[fn](...args, c.options) };
  };
  return [
    { fn: 'validateId', input: 'residentId 11010519491231002X', run: (zc) => zc.validateId('residentId', '11010519491231002X', today) },
    { fn: 'validateIds', input: '1,000 resident IDs in one call', run: (zc) => zc.validateIds('residentId', ledger, today) },
    { fn: 'isValidId', input: 'residentId 11010519491231002X', run: (zc) => zc.isValidId('residentId', '11010519491231002X') },
    { fn: 'validateForm', input: 'name, resident ID, mobile, bank card', run: (zc) => zc.validateForm(form, today) },
    { fn: 'kitInfo', input: '', run: (zc) => zc.kitInfo() },
    { fn: 'loadPack', input: 'core/packs/examples/440000-guangdong.json (text)', run: (zc) => zc.loadPack(overlay) },
    { fn: 'unloadPack', input: '"440000" after loading it (untimed)', before: (zc) => zc.loadPack(overlay), run: (zc) => zc.unloadPack('440000') },
    { fn: 'resetPacks', input: 'after loading the Guangdong overlay (untimed)', before: (zc) => zc.loadPack(overlay), run: (zc) => zc.resetPacks() },
    { fn: 'packInfo', input: 'region 440000', run: (zc) => zc.packInfo({ region: '440000', ...asOf }) },
    { fn: 'getParameter', input: 'loan.lpr1y', run: (zc) => zc.getParameter('loan.lpr1y', asOf) },
    { fn: 'listParameters', input: 'national', run: (zc) => zc.listParameters(asOf) },
    g('statutoryRetirement', 'retirement/table-d.json'),
    { fn: 'listPrograms', input: 'national', run: (zc) => zc.listPrograms(asOf) },
    // Issue 09's headline: a full evaluation, every fact of 就业困难人员认定 answered.
    { fn: 'checkEligibility', input: 'difficultPerson, every fact answered (full evaluation)', run: (zc) => zc.checkEligibility('difficultPerson', fullFacts, asOf) },
    { fn: 'subsidyPlan', input: 'flexibleDifficult, 36 months', run: (zc) => zc.subsidyPlan(plan36, asOf) },
    g('checkEligibility', 'eligibility/loan-individual.json', (c) => c.expect?.outcome === 'eligible'),
    g('checkEligibility', 'eligibility/difficult-person.json', (c) => c.expect?.outcome === 'eligible'),
    g('assistancePlan', 'eligibility/assistance-plan.json'),
    g('checkMaterials', 'materials/loanIndividual.json', (c) => !c.options?.region),
    { fn: 'listApplications', input: 'national', run: (zc) => zc.listApplications(asOf) },
    g('subsidyPlan', 'subsidy/periods-and-amounts.json'),
    g('subsidyPlanCsv', 'subsidy/periods-and-amounts.json'),
    { ...g('loanQuote', 'loan/quote.json', (c) => /worked example/.test(c.name), ([a]) => [{ ...a, termMonths: 36 }]), input: 'loan/quote.json worked example, 36 months' },
    { fn: 'screeningQuestions', input: '', run: (zc) => zc.screeningQuestions() },
    g('screenProject', 'loan/screening.json'),
  ];
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

export function runCalls(zc, { quick = false } = {}) {
  const n = quick ? 300 : 3000;
  const rows = [];
  for (const c of calls()) {
    zc.resetPacks();
    for (let i = 0; i < Math.min(100, n); i++) { c.before?.(zc); c.run(zc); }
    const times = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      c.before?.(zc);
      const t0 = process.hrtime.bigint();
      c.run(zc);
      times[i] = Number(process.hrtime.bigint() - t0) / 1000;
    }
    times.sort();
    rows.push({ fn: c.fn, input: c.input, medianUs: quantile(times, 0.5), p99Us: quantile(times, 0.99), calls: n });
  }
  zc.resetPacks();
  return rows;
}
