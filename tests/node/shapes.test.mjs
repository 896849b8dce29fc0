// Real results of every API function, checked against the JSON Schema generated
// from the Rust types (web/src/api.schema.json, the same schema the TypeScript
// declarations web/src/types.generated.d.ts are made from): a field the .d.ts
// promises is really there, with its declared type. The results are those of
// every golden case that expects one, plus calls of the functions no golden
// case covers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);
const zc = require('../../web/pkg-node/zhuchuang_web.js');
const here = fileURLToPath(new URL('.', import.meta.url));
const schema = JSON.parse(readFileSync(join(here, '../../web/src/api.schema.json'), 'utf8'));
const goldenDir = join(here, '../golden');
const packsDir = join(here, '../../core/packs');

// Formats ("date", "uint32", …) are not checked; dates, months and decimals
// also carry patterns, which are.
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
ajv.addSchema(schema, 'api');

const checked = new Map();

/** Validates `result` as what `name` returns. */
function check(name, result, where) {
  const validate = ajv.getSchema(`api#/properties/${name}`);
  assert.ok(validate, `the schema has no result for ${name}`);
  // A function returning nothing (resetPacks) returns undefined in JavaScript.
  const value = result === undefined ? null : result;
  if (!validate(value)) {
    const errors = validate.errors.slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
    assert.fail(`${where}: the result of ${name} does not fit its declared type:\n  ${errors.join('\n  ')}`);
  }
  checked.set(name, (checked.get(name) ?? 0) + 1);
}

function walk(dir) {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : [];
  });
}

function loadPacks(packs) {
  zc.resetPacks();
  for (const p of packs) zc.loadPack(typeof p === 'string' ? readFileSync(join(packsDir, p), 'utf8') : p);
}

function invoke(name, args, options) {
  const fn = zc[name];
  const padded = [...args];
  while (padded.length < fn.length - 1) padded.push(undefined);
  return fn(...padded, options);
}

test('every golden result fits the declared type of its function', () => {
  for (const path of walk(goldenDir)) {
    const file = JSON.parse(readFileSync(path, 'utf8'));
    if (file.sequence) loadPacks(file.packs ?? []);
    for (const c of file.cases) {
      if (!file.sequence) loadPacks(file.packs ?? []);
      const name = c.call ?? file.call;
      const options = { ...(file.options ?? {}), ...(c.options ?? {}) };
      let result;
      try {
        result = invoke(name, c.args ?? [], options);
      } catch (e) {
        continue; // an error case: its shape is the golden runner's business
      }
      check(name, result, `${path.slice(goldenDir.length + 1)} / ${c.name}`);
    }
  }
  zc.resetPacks();
});

test('the functions no golden case calls fit their declared types too, in both languages', () => {
  const shenzhen = readFileSync(join(packsDir, 'examples/440300-shenzhen.json'), 'utf8');
  for (const lang of ['zh-CN', 'en']) {
    zc.resetPacks();
    const at = { lang, asOf: '2026-11-21' };
    const local = { ...at, region: '440305' };
    check('kitInfo', zc.kitInfo(), lang);
    check('validateId', zc.validateId('residentId', '11010519491231002x', { lang, today: '2026-11-21' }), lang);
    check('validateId', zc.validateId('disabilityCert', '11010519491231002X11', { lang }), lang);
    check('validateId', zc.validateId('uscc', '91350100M000100Y43', { lang }), lang);
    check('validateId', zc.validateId('bankCard', '6222021234567890123', { lang }), lang);
    check('validateIds', zc.validateIds('residentId', ['11010519491231002x', '110105491231002', 'junk'], { lang }), lang);
    check('isValidId', zc.isValidId('mobile', '+86 138 0013 8000'), lang);
    check('validateForm', zc.validateForm({ name: '张三', residentId: '110105194912310021', mobile: '1380013800' }, { lang }), lang);
    check('loadPack', zc.loadPack(shenzhen, { lang }), lang);
    check('loadPack', zc.loadPack(JSON.parse(shenzhen), { lang }), `${lang}, replacing`);
    check('packInfo', zc.packInfo(local), lang);
    check('getParameter', zc.getParameter('loan.rateCapOverLprBp', local), lang);
    check('listParameters', zc.listParameters(local), lang);
    check('listPrograms', zc.listPrograms(local), lang);
    check('listApplications', zc.listApplications(local), lang);
    check('screeningQuestions', zc.screeningQuestions({ lang }), lang);
    check('statutoryRetirement', zc.statutoryRetirement({ birthDate: '1970-01-15', track: 'female50', contributionMonths: 200 }, at), lang);
    check('checkEligibility', zc.checkEligibility('difficultPerson', {}, local), lang);
    check('findPrograms', zc.findPrograms({}, local), lang);
    check('findPrograms', zc.findPrograms({ birthDate: '1975-03-01', sex: 'male', registeredUnemployed: true, ableToWork: true,
      willingToWork: true, localHukou: true, dibao: true, loanGroup: 'registeredUnemployed', otherLoans: [],
      subsidisedLoansSoFar: 0, goodCredit: true, businessRegistered: true, householdType: 'urban', ruralZeroTransfer: true },
    { ...local, programs: ['difficultPerson', 'loanIndividual', 'flexibleRetirement'] }), `${lang}, likely and a problem`);
    check('checkMaterials', zc.checkMaterials('flexibleSubsidy', { subsidyGroup: 'graduate' },
      { residentIdCard: { number: '11010519491231002X' }, bankCard: { later: true } }, local), lang);
    check('listForms', zc.listForms(local), lang);
    check('checkApplication', zc.checkApplication('flexibleSubsidy', { name: '张三', residentId: '11010519491231002X', claimMonths: 'x' },
      { residentIdCard: { number: '11010519491231002X' } }, local), lang);
    check('assistancePlan', zc.assistancePlan({ level: 'II', events: [{ kind: 'employedByUnit', date: '2026-03-10' }], receiving: ['flexibleSubsidy'] }, local), lang);
    const plan = { program: 'flexibleDifficult', person: { birthDate: '1966-01-15', retirementTrack: 'male' },
      firstApprovedOn: '2021-06-15', contributions: { perMonth: { pension: '800', medical: '300' } } };
    check('subsidyPlan', zc.subsidyPlan(plan, local), lang);
    check('subsidyPlanCsv', zc.subsidyPlanCsv(plan, local), lang);
    check('loanQuote', zc.loanQuote({ borrower: 'partnership', partners: 3, amount: '900000', termMonths: 36,
      contractDate: '2025-06-01', repayment: 'equalInstalments' }, local), lang);
    check('screenProject', zc.screenProject({ profitable: 'yes', premises: 'no', loanAmount: '50000' }, local), lang);
    // The ledger check (the Node package is built with it): the report, without the files.
    const ledger = new Uint8Array(readFileSync(join(goldenDir, 'ledger/traps.csv')));
    const { xlsx, csv, ...report } = zc.checkLedger(ledger, null, { ...local, formats: ['csv'] });
    assert.ok(csv instanceof Uint8Array && xlsx === undefined);
    check('checkLedger', report, lang);
    check('ledgerColumns', zc.ledgerColumns(ledger, local), lang);
    check('unloadPack', zc.unloadPack('440300'), lang);
    check('unloadPack', zc.unloadPack('440300'), `${lang}, again`);
    check('resetPacks', zc.resetPacks(), lang);
  }
});

test('every exported function has a declared result and had a real one checked', () => {
  const exported = Object.keys(zc).filter((k) => typeof zc[k] === 'function' && !/^[A-Z_]|^__|^initSync$|^default$/.test(k));
  const declared = Object.keys(schema.properties).sort();
  assert.deepEqual(exported.sort(), declared, 'the exported functions and the schema\'s functions differ');
  const unchecked = declared.filter((f) => !checked.has(f));
  assert.deepEqual(unchecked, [], `no real result was checked for ${unchecked.join(', ')}`);
});

test('the schema catches a missing or mistyped field', () => {
  const r = zc.statutoryRetirement({ birthDate: '1970-01-15', track: 'male' }, { asOf: '2026-11-21' });
  const validate = ajv.getSchema('api#/properties/statutoryRetirement');
  assert.ok(validate(r));
  const { retirementMonth, ...missing } = r;
  assert.ok(retirementMonth && !validate(missing), 'a missing required field must fail');
  assert.ok(!validate({ ...r, delayMonths: '60' }), 'a number as a string must fail');
  assert.ok(!validate({ ...r, retirementMonth: '2039-13' }), 'a month out of range must fail');
});
