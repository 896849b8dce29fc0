// Writes tests/finder/personas.json: generated personas for the policy finder's
// benchmark (scripts/bench-finder.mjs), each a full set of answers in the
// finder's vocabulary (every question any program may ask), so a walk through
// the finder or through the separate program wizards can answer whatever is asked.
//
//   node scripts/gen-personas.mjs [count]      (default 240; needs web/pkg-node)
//
// Deterministic (a seeded generator): the same count gives the same file. The
// personas vary over ages and sexes, job-seeking groups (registered unemployed,
// dibao, disabled, graduates, veterans, rural workers…), households (urban and
// rural, with and without working members), loans (groups, other loans, credit,
// partnerships, small firms) and retirement plans. Each is checked with the
// core: a persona for which any program reports a problem (answers that
// cannot all be true) is drawn again, so every persona is a possible person.
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const zc = require(join(root, 'web/pkg-node/zhuchuang_web.js'));
const count = Number(process.argv[2] ?? 240);
const AS_OF = '2026-11-21';
const options = { asOf: AS_OF };

// mulberry32: a small seeded generator.
let seed = 20261121;
const rand = () => {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (a, b) => a + Math.floor(rand() * (b - a + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;
const pad = (n) => String(n).padStart(2, '0');
const date = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
const year = Number(AS_OF.slice(0, 4));
/** A date between the years given (inclusive), never after AS_OF. */
const dateIn = (from, to) => {
  const y = int(from, Math.min(to, year));
  const m = y === year ? int(1, 10) : int(1, 12);
  return date(y, m, int(1, 28));
};
const some = (xs, p) => xs.filter(() => chance(p));

// The choices, as the core lists them.
const programs = zc.listPrograms(options);
const choices = {};
for (const p of programs) for (const f of p.facts) if (f.options) choices[f.fact] ??= f.options.map((o) => o.value);

const ARCHETYPES = ['olderUnemployed', 'graduate', 'entrepreneur', 'disabled', 'rural', 'veteran', 'nearRetirement', 'employer', 'student', 'employed'];

function persona(kind) {
  const age = {
    olderUnemployed: int(40, 58), graduate: int(21, 26), entrepreneur: int(24, 50), disabled: int(20, 55),
    rural: int(20, 55), veteran: int(22, 40), nearRetirement: int(49, 61), employer: int(30, 58),
    student: int(20, 23), employed: int(23, 55),
  }[kind];
  const born = year - age;
  const sex = chance(0.5) ? 'male' : 'female';
  const womanTrack = pick(['female55', 'female50']);
  const working = Math.max(born + 16, 2000);
  const registered = ['olderUnemployed', 'disabled', 'rural', 'graduate'].includes(kind) ? chance(0.75) : chance(0.25);
  const graduate = kind === 'graduate' || (kind !== 'student' && age < 35 && chance(0.3));
  const rural = kind === 'rural' || chance(0.2);
  const householdType = rural ? 'rural' : 'urban';
  const members = [];
  if (age > 24 && chance(0.7)) members.push({ relation: 'spouse', workingAge: true, status: pick(['unemployed', 'employed', 'selfEmployed', 'farming']) });
  if (chance(0.4)) members.push({ relation: 'child', workingAge: false, status: 'student' });
  const employmentForm = kind === 'employed' ? 'employedByUnit'
    : kind === 'entrepreneur' ? pick(['individualBusiness', 'flexible'])
      : pick(['flexible', 'notWorking', 'notWorking', 'individualBusiness', 'employedByUnit']);
  const business = kind === 'entrepreneur' || kind === 'employer' || employmentForm === 'individualBusiness';
  const loanGroup = {
    olderUnemployed: 'registeredUnemployed', graduate: 'graduate', veteran: 'veteran', rural: pick(['returningMigrantWorker', 'ruralEntrepreneur']),
    disabled: 'difficultToEmploy',
  }[kind] ?? pick(choices.loanGroup);
  const partners = chance(0.3) ? int(2, 5) : 1;
  const inGroup = loanGroup !== 'none' ? 1 : 0;
  const eligiblePartners = Math.min(partners, inGroup + int(0, partners - 1));
  const staff = int(1, 60);
  const p = {
    birthDate: dateIn(born, born),
    sex,
    womanTrack,
    ableToWork: kind === 'disabled' ? chance(0.8) : chance(0.95),
    willingToWork: chance(0.9),
    registeredUnemployed: registered,
    localHukou: chance(0.8),
    dibao: chance(kind === 'olderUnemployed' || kind === 'disabled' ? 0.3 : 0.08),
    hardshipWorkerFamily: chance(0.08),
    disabled: kind === 'disabled',
    householdType,
    household: members,
    landLost: rural && chance(0.2),
    ruralZeroTransfer: rural && chance(0.25),
    povertyAlleviated: rural && chance(0.3),
    recognisedDifficult: ['olderUnemployed', 'disabled'].includes(kind) ? chance(0.6) : chance(0.1),
    graduate,
    employmentForm,
    contributesAsFlexible: employmentForm === 'flexible' ? chance(0.8) : chance(0.1),
    contributionsUpToDate: chance(0.85),
    employmentRegistered: chance(0.7),
    monthsReceived: chance(0.7) ? 0 : int(1, 30),
    firstApprovedOn: dateIn(Math.max(working, 2020), year),
    placementsSoFar: chance(0.8) ? 0 : int(1, 3),
    postIsPublicWelfare: kind === 'employer' ? chance(0.6) : chance(0.05),
    personRecognised: chance(0.6),
    contractSigned: chance(0.8),
    paysInsurance: chance(0.8),
    workloadMet: chance(0.85),
    postMatches: chance(0.9),
    monthlyWage: String(int(18, 60) * 100),
    placedBirthDate: dateIn(year - 58, year - 25),
    placedSex: pick(['male', 'female']),
    placedWomanTrack: pick(['female55', 'female50']),
    monthsSubsidised: int(0, 40),
    placedFirstApprovedOn: dateIn(2021, year),
    loanGroup,
    otherLoans: some(choices.otherLoans, 0.15),
    consumerLoanTotal: String(chance(0.6) ? 0 : int(1, 200) * 1000),
    subsidisedLoansSoFar: chance(0.8) ? 0 : int(1, 3),
    goodCredit: chance(0.85),
    businessRegistered: business ? chance(0.8) : chance(0.1),
    partners,
    eligiblePartners,
    smallOrMicro: kind === 'employer' ? chance(0.8) : chance(0.2),
    staff,
    eligibleNewHires: Math.min(staff, int(0, 20)),
    noArrears: chance(0.9),
    enterpriseSubsidisedLoansSoFar: chance(0.8) ? 0 : int(1, 3),
    firstBusiness: chance(0.7),
    businessRegisteredOn: dateIn(Math.max(working, year - 6), year),
    operatingNormally: chance(0.8),
    startupTimesReceived: chance(0.85) ? 0 : 1,
    inGraduationYear: kind === 'student' ? chance(0.8) : false,
    seekingWork: chance(0.8),
    jobSeekingCategories: some(choices.jobSeekingCategories ?? [], 0.15),
    jobSeekingTimesReceived: chance(0.85) ? 0 : 1,
    traineeGroup: pick(choices.traineeGroup),
    trainingCompleted: chance(0.4),
    certificateObtained: chance(0.6),
    trainingTimesReceived: chance(0.9) ? 0 : 1,
    retireMonth: `${born + pick([50, 55, 58, 60, 61, 63])}-${pad(int(1, 12))}`,
    contributionMonths: Math.max(0, Math.min((year - working) * 12, int(0, 40) * 12)),
    employerAgrees: chance(0.5),
  };
  if (registered) p.unemployedSince = dateIn(Math.max(working, year - 4), year);
  if (graduate) p.leftSchoolOn = date(int(Math.max(born + 21, 2000), Math.min(born + 25, year)), 6, 30);
  if (employmentForm !== 'notWorking') p.monthlyIncome = String(int(15, 80) * 100);
  if (sex === 'male') delete p.womanTrack;
  if (p.placedSex === 'male') delete p.placedWomanTrack;
  return p;
}

const out = [];
let drawn = 0;
while (out.length < count) {
  const kind = ARCHETYPES[out.length % ARCHETYPES.length];
  const p = persona(kind);
  drawn += 1;
  const f = zc.findPrograms(p, options);
  if (f.problems?.length || f.programs.some((x) => x.standing === 'problem')) continue;
  out.push({ id: `p${String(out.length + 1).padStart(3, '0')}`, kind, answers: p });
}
mkdirSync(join(root, 'tests/finder'), { recursive: true });
const file = join(root, 'tests/finder/personas.json');
// One persona a line, so a change of the generator reads as a diff of personas.
const description = 'Generated by scripts/gen-personas.mjs: personas for the policy finder benchmark (scripts/bench-finder.mjs), each a full set of answers in the finder\'s vocabulary, checked possible by the core (no program reports a problem).';
writeFileSync(file, `{\n "description": ${JSON.stringify(description)},\n "asOf": ${JSON.stringify(AS_OF)},\n "personas": [\n${out.map((p) => `  ${JSON.stringify(p)}`).join(',\n')}\n ]\n}\n`);
console.log(`${out.length} personas (${drawn - out.length} redrawn) → ${file}`);
