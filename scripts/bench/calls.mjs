// Per-call cost of every API function in Node, over the release Node package
// (web/pkg-node): median and p99 of single calls, in microseconds.
//
//   node scripts/bench/calls.mjs [path/to/pkg-node] [ms per function]
//
// As a module: `import { benchCalls } from './bench/calls.mjs'` and
// `await benchCalls({ pkg, ms })` returns rows `{ fn, medianUs, p99Us }`
// (`fn` is the function name, with the case in brackets when there are several).
// The headline cases of issue 09 are `checkEligibility (full)`, a full
// evaluation with every fact answered, `loanQuote (36 months)` and
// `subsidyPlan (36 months)`.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const defaultPkg = fileURLToPath(new URL('../../web/pkg-node', import.meta.url));

const asOf = { asOf: '2026-11-21' };
const idOptions = { today: '2026-11-21' };

/** The calls measured: [row name, function, arguments]. */
export function cases() {
  const difficultFacts = {
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
  const flexibleFacts = {
    recognisedDifficult: true, employmentForm: 'flexible', contributesAsFlexible: true,
    contributionsUpToDate: true, employmentRegistered: true, monthsReceived: 0,
    birthDate: '1980-06-15', sex: 'male',
  };
  const loan36 = {
    borrower: 'individual', amount: '300000', termMonths: 36, contractDate: '2025-06-01',
    repayment: 'equalInstalments',
  };
  const plan36 = {
    program: 'flexibleDifficult', person: { birthDate: '1985-06-15', retirementTrack: 'male' },
    firstApprovedOn: '2025-03-10', contributions: { perMonth: { pension: '800', medical: '300' } },
  };
  const form = {
    name: '王芳', residentId: '11010519491231002X', mobile: '13800138000',
  };
  const ids = ['11010519491231002x', '110105194912310021', '110105491231002', 'abc-123', ''];
  const screening = {
    profitable: 'yes', affordable: 'yes', interestAndAbility: 'yes', relationships: 'yes',
    marketAccess: 'yes', marketPotential: 'yes', keyStaff: 'yes', supplyChannel: 'yes',
    premises: 'yes', licenceAddressMatches: 'yes', identityEligible: 'yes', noOtherLoans: 'yes',
    householdBurdenHeavy: 'no', loanAmount: '300000', counterGuarantees: ['property', 'deposit'],
  };
  const materialsFacts = { name: '王芳', residentId: '11010519491231002X', categories: ['dibao', 'age4050'] };
  const provided = {
    difficultPersonForm: true, residentIdCard: { number: '11010519491231002X', validUntil: '2030-12-31' },
    hukouBook: true, employmentCard: true, dibaoCertificate: { validUntil: '2030-12-31' },
  };
  return [
    ['checkEligibility (full)', 'checkEligibility', ['difficultPerson', difficultFacts, asOf]],
    ['checkEligibility (flexible subsidy)', 'checkEligibility', ['flexibleEmploymentSubsidy', flexibleFacts, asOf]],
    ['checkEligibility (no facts)', 'checkEligibility', ['difficultPerson', {}, asOf]],
    ['loanQuote (36 months)', 'loanQuote', [loan36]],
    ['subsidyPlan (36 months)', 'subsidyPlan', [plan36, asOf]],
    ['subsidyPlanCsv (36 months)', 'subsidyPlanCsv', [plan36, asOf]],
    ['assistancePlan', 'assistancePlan', [{ level: 'I', receiving: ['flexibleSubsidy'], events: [{ kind: 'incomeAtAverageWage', date: '2026-08-01', monthlyIncome: '9299.99' }] }, asOf]],
    ['statutoryRetirement', 'statutoryRetirement', [{ birthDate: '1990-05-10', track: 'male', contributionMonths: 500 }, asOf]],
    ['checkMaterials', 'checkMaterials', ['difficultPerson', materialsFacts, provided, asOf]],
    ['screenProject', 'screenProject', [screening, asOf]],
    ['screeningQuestions', 'screeningQuestions', [asOf]],
    ['listPrograms', 'listPrograms', [asOf]],
    ['listApplications', 'listApplications', [asOf]],
    ['getParameter', 'getParameter', ['loan.individual.maxAmount', asOf]],
    ['listParameters', 'listParameters', [asOf]],
    ['packInfo', 'packInfo', [asOf]],
    ['kitInfo', 'kitInfo', []],
    ['validateId', 'validateId', ['residentId', '11010519491231002X', idOptions]],
    ['isValidId', 'isValidId', ['residentId', '11010519491231002X']],
    ['validateIds (5 values)', 'validateIds', ['residentId', ids, idOptions]],
    ['validateForm', 'validateForm', [form, idOptions]],
  ];
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Times every case: a warm-up, then single calls for about `ms` milliseconds
 * (at least `min` of them). Returns rows `{ fn, medianUs, p99Us, calls }`.
 */
export async function benchCalls({ pkg = defaultPkg, ms = 400, min = 200, only } = {}) {
  const require = createRequire(import.meta.url);
  const zc = require(resolve(pkg, 'zhuchuang_web.js'));
  const rows = [];
  for (const [row, name, args] of cases()) {
    if (only && !only.test(row)) continue;
    const f = zc[name];
    for (let i = 0; i < 50; i++) f(...args);
    const samples = [];
    const end = performance.now() + ms;
    while (samples.length < min || performance.now() < end) {
      const t0 = process.hrtime.bigint();
      f(...args);
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    samples.sort((a, b) => a - b);
    rows.push({
      fn: row,
      medianUs: Number(quantile(samples, 0.5).toFixed(1)),
      p99Us: Number(quantile(samples, 0.99).toFixed(1)),
      calls: samples.length,
    });
  }
  return rows;
}

/** The rows as a plain-text table. */
export function table(rows) {
  const w = Math.max(...rows.map((r) => r.fn.length));
  const lines = [`${'function'.padEnd(w)}  median µs     p99 µs`];
  for (const r of rows) {
    lines.push(`${r.fn.padEnd(w)}  ${String(r.medianUs).padStart(9)}  ${String(r.p99Us).padStart(9)}`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const pkg = resolve(process.argv[2] ?? defaultPkg);
  const ms = Number(process.argv[3] ?? 400);
  const only = process.env.ONLY ? new RegExp(process.env.ONLY) : undefined;
  const rows = await benchCalls({ pkg, ms, only });
  console.log(`${pkg} (Node ${process.version}, single calls, ~${ms} ms each)`);
  console.log(table(rows));
}
