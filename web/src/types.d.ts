// The public TypeScript API of zhuchuang-web. The functions are declared here
// (not generated) so optional arguments and result shapes are exact; the Node and
// browser tests check the runtime matches.

/** Language of messages: "zh-CN" (default) or "en". */
export type Lang = "zh-CN" | "en";
/** An ISO date, "YYYY-MM-DD". */
export type IsoDate = string;

/** Kinds of numbers `validateId` checks. */
export type IdKind = "residentId" | "uscc" | "disabilityCert" | "bankCard" | "mobile";

export interface IdOptions {
  lang?: Lang;
  /** The date a birth date may not be after; default: today on this device. */
  today?: IsoDate;
}

export interface Problem {
  /** Stable code, e.g. "checkDigit", "length", "character", "regionUnknown". */
  code: string;
  /** An error makes the number invalid; a warning does not. */
  severity: "error" | "warning";
  /** What is wrong and what to do, in options.lang. */
  message: string;
  /** 1-based position in `normalized` the problem is about. */
  position?: number;
}

export interface IdDetails {
  birthDate?: IsoDate;
  gender?: "male" | "female";
  regionCode?: string;
  regionName?: string;
  /** USCC registration department code (position 1) and its name. */
  department?: string;
  departmentName?: string;
  /** USCC organisation type code (position 2) and its name. */
  type?: string;
  typeName?: string;
  /** USCC embedded organisation code, "XXXXXXXX-C". */
  organizationCode?: string;
  /** Disability category 1–7 and grade 1–4, with names. */
  category?: number;
  categoryName?: string;
  grade?: number;
  gradeName?: string;
  /** The resident ID inside a disability certificate number. */
  residentId?: string;
  /** Card network guessed from the first digits: "unionPay", "visa", … */
  network?: string;
  /** The 15-digit number a legacy ID was upgraded from. */
  upgradedFrom?: string;
}

export interface IdCheck {
  kind: IdKind;
  /** True when no problem is an error. */
  valid: boolean;
  /** As it should be written: folded, upper case, legacy IDs upgraded. */
  normalized: string;
  /** Every problem, errors first. */
  problems: Problem[];
  details: IdDetails;
}

export interface ApplicantForm {
  name?: string;
  residentId?: string;
  mobile?: string;
  bankCard?: string;
  uscc?: string;
  disabilityCert?: string;
}

export interface FormReport {
  valid: boolean;
  /** Errors by field name; fields without errors are absent. */
  errors: Partial<Record<keyof ApplicantForm, Problem[]>>;
}

export interface KitInfo {
  version: string;
  /** The national pack in force (embedded, or a replacement loaded with loadPack). */
  nationalPack: PackRef;
}

/** What every function throws for bad arguments. */
export interface ZhuchuangError extends Error {
  name: "ZhuchuangError";
  code: string;
  messages: { "zh-CN": string; en: string };
}

/**
 * Validates an identity or registration number and explains every problem at once.
 * @param kind which number: "residentId" | "uscc" | "disabilityCert" | "bankCard" | "mobile"
 * @param value the number as typed (full-width digits, spaces and lower-case x are fine)
 * @param options lang ("zh-CN" default, "en"); today ("YYYY-MM-DD", default: this device's date)
 * @throws ZhuchuangError for an unknown kind, a non-string value or bad options
 * @example validateId("residentId", "11010519491231002x").details.birthDate // "1949-12-31"
 */
export function validateId(kind: IdKind, value: string, options?: IdOptions): IdCheck;

/**
 * Validates an applicant's identity block in one call: every field's errors at once,
 * plus cross-field checks (the ID inside a disability certificate must be the applicant's).
 * Warnings are not listed; call validateId on a field for them.
 */
export function validateForm(form: ApplicantForm, options?: IdOptions): FormReport;

/** The kit's version. */
export function kitInfo(): KitInfo;

// ---------------------------------------------------------------------------
// Rule packs

/** Options of every rule-based function. Unknown keys are ignored. */
export interface RuleOptions {
  lang?: Lang;
  /** The date the rules are applied for; default: today on this device. */
  asOf?: IsoDate;
  /** GB/T 2260 region code; default "000000" (national). */
  region?: string;
}

export type ParamStatus = "verified" | "secondary" | "unsure" | "local-practice";
export type ParamUnit = "yuan" | "percent" | "ratio" | "bp" | "months" | "years" | "count"
  | "date" | "month" | "bool" | "enum" | "list" | "text";

export interface Citation {
  /** Document number or name, e.g. "财金〔2023〕75号"; or "local practice" / "assumption". */
  document: string;
  title?: string;
  article?: string;
  url?: string;
  note?: string;
}

export interface PackRef {
  id: string;
  version: string;
  /** "000000" for national. */
  region: string;
  /** SHA-256 of the pack's canonical JSON. */
  hash: string;
  /** True for example packs (results say so). */
  example?: boolean;
}

/** The packs a result used, most specific first, and one hash over them. */
export interface PackStamp {
  packs: PackRef[];
  hash: string;
}

/** A parameter as cited in a result. */
export interface ParamRef {
  key: string;
  label: string;
  /** As people read it: "30万元", "3%", "36个月". */
  value: string;
  /** Machine form: "300000", "3.00", "2/3", "36". */
  raw: string;
  unit: ParamUnit;
  status: ParamStatus;
  citation: Citation;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  /** Region whose pack set the value ("000000" national). */
  locality: string;
  /** "id@version" of that pack. */
  pack: string;
  lastVerified: IsoDate;
}

/**
 * What every calculated result says about the rules behind it: the clauses it rests
 * on, each parameter used (value with provenance), reservations about the rules
 * themselves (unsure values, example packs), and the packs in force. Show these beside
 * any answer; they are the same shape in every result.
 */
export interface Sourced {
  citations: Citation[];
  parameters: ParamRef[];
  /** Unsure values used and example packs, in the caller's language. */
  caveats: string[];
  pack: PackStamp;
}

export interface LoadReport {
  pack: PackRef;
  parameters: number;
  /** The pack this one replaced (same region). */
  replaced?: PackRef;
}

export interface PackInfo {
  region: string;
  pack: PackStamp;
  titles: string[];
  /** Regions with a loaded overlay. */
  loaded: string[];
}

export interface ParameterListing {
  key: string;
  label: string;
  unit: ParamUnit;
  scope: "national" | "regional";
  current?: ParamRef;
}

/** A problem in a pack (thrown by loadPack as error.problems). */
export interface PackProblem {
  /** JSON Pointer, e.g. "/parameters/loan.lpr1y/values/2/from". */
  path: string;
  /** "syntax" | "wrongType" | "missing" | "unknownKey" | "unknownParameter" | "notAllowed" | "badDate"
   *  | "badValue" | "overlap" | "order" | "unitMismatch" | "nationalOnly" | "noCitation" | "region" | "missingParameter"
   *  | "unknownCitation" (a citations entry the national pack does not have) */
  code: string;
  message: string;
  messages: { "zh-CN": string; en: string };
}

/**
 * Loads a province's or city's pack (JSON text or object), replacing any pack for the
 * same region; a pack for region "000000" replaces the national pack. The pack is
 * checked first: on any problem it throws a ZhuchuangError with code "invalidPack" and
 * `problems` listing every one, and the packs in force stay unchanged.
 */
export function loadPack(pack: string | object, options?: { lang?: Lang }): LoadReport;
/** Removes the pack loaded for `region`; true if there was one. */
export function unloadPack(region: string): boolean;
/** Back to the embedded national pack only. */
export function resetPacks(): void;
/** The packs in force for options.region. */
export function packInfo(options?: RuleOptions): PackInfo;
/** A parameter's value in force for options.region on options.asOf, with provenance. */
export function getParameter(key: string, options?: RuleOptions): ParamRef;
/** Every parameter, with the value in force for options.region on options.asOf (if any). */
export function listParameters(options?: RuleOptions): ParameterListing[];

// ---------------------------------------------------------------------------
// Retirement

export type RetirementTrack = "male" | "female55" | "female50";

export interface RetirementInput {
  birthDate: IsoDate;
  /** "male" (60→63), "female55" (55→58), "female50" (50→55). */
  track: RetirementTrack;
  /** Months of pension contributions paid as of options.asOf, if known. */
  contributionMonths?: number;
}

export interface Age { years: number; months: number }

export interface RetirementResult extends Sourced {
  track: RetirementTrack;
  birthDate: IsoDate;
  ageYears: number;
  ageMonths: number;
  /** "YYYY-MM": the month the statutory age is reached. */
  retirementMonth: string;
  /** The day the statutory age is reached (month-end clamped). */
  retirementDate: IsoDate;
  delayMonths: number;
  original: { ageYears: number; retirementMonth: string; retirementDate: IsoDate };
  flexible: {
    earliestMonth: string;
    earliestAge: Age;
    earliestIsOriginalAge: boolean;
    minContributionYearsAtEarliest: string;
    latestMonth: string;
    latestAge: Age;
  };
  /** Minimum contribution years for a monthly pension, retiring at the statutory age (decimal string). */
  minContributionYears: string;
  contribution?: {
    monthsAsOf: number;
    monthsAtRetirement: number;
    meetsMinimumAtRetirement: boolean;
    earliestFlexibleMonthWithMinimum?: string;
  };
  explanation: string[];
  asOf: IsoDate;
}

/**
 * The statutory retirement month and age (渐进式延迟法定退休年龄), the old one, the months of
 * delay, the flexible window and the minimum contribution years, explained and cited.
 * @throws ZhuchuangError ("invalidArgument") for a bad date or track
 * @example statutoryRetirement({ birthDate: "1976-09-15", track: "male" }).retirementMonth // "2039-09"
 */
export function statutoryRetirement(input: RetirementInput, options?: RuleOptions): RetirementResult;

// ---------------------------------------------------------------------------
// Explained verdicts

export type Outcome = "eligible" | "ineligible" | "undetermined";
export type CriterionStatus = "met" | "notMet" | "unknown" | "notNeeded";

export interface Criterion {
  id: string;
  label: string;
  status: CriterionStatus;
  /** Why, in plain words, with the values compared. */
  reason: string;
  /** The person's value as compared. */
  actual?: string;
  /** What it was compared with. */
  threshold?: string;
  /** Criteria sharing a group are alternatives: one met is enough. */
  group?: string;
  citation?: Citation;
  parameters?: ParamRef[];
  /** Facts that would settle it. */
  missingFacts?: string[];
}

export interface ChoiceOption { value: string; label: string }

/** A question for a fact. */
export interface Question {
  fact: string;
  question: string;
  hint?: string;
  type: "yesNo" | "date" | "month" | "number" | "money" | "decimal" | "choice" | "multiChoice" | "household" | "text";
  options?: ChoiceOption[];
}

export interface MissingFact extends Question {
  /** How much answering it would settle (higher first). */
  weight: number;
  criteria: string[];
}

export interface Determination extends Sourced {
  program: string;
  outcome: Outcome;
  summary: string;
  criteria: Criterion[];
  /** Ranked: ask the first one next. Empty unless undetermined. */
  missingFacts: MissingFact[];
  nextQuestion?: Question;
  asOf: IsoDate;
  region: string;
  /** Stable hash of (program, facts, region, packs, asOf): reproduces the result. */
  determinationId: string;
  lang: Lang;
}

export type ProgramId =
  | "difficultPerson" | "flexibleEmploymentSubsidy" | "publicWelfarePost" | "publicWelfarePostSubsidy"
  | "loanIndividual" | "loanPartnership" | "loanEnterprise"
  | "startupSubsidy" | "jobSeekingSubsidy" | "trainingSubsidy" | "flexibleRetirement";

export interface ProgramInfo {
  id: ProgramId;
  title: string;
  /** The checkMaterials application type whose materials go with it. */
  application?: ApplicationType;
  /** Every question the program may ask, in its order. */
  facts: Question[];
}

/** The programs checkEligibility knows, with their questions. */
export function listPrograms(options?: RuleOptions): ProgramInfo[];

/**
 * Checks whether `facts` (possibly partial) qualify for `program`, as an explained verdict.
 * Unknown facts or wrong types throw "invalidFacts" with every problem in error.problems.
 */
export function checkEligibility(program: ProgramId, facts: Record<string, unknown>, options?: RuleOptions): Determination;

/** A household member, for the zero-employment-family question. */
export interface HouseholdMember {
  relation: string;
  /** Within the statutory working age and able to work. */
  workingAge: boolean;
  status: "employed" | "selfEmployed" | "farming" | "unemployed" | "student" | "retired" | "soldier" | "other";
}

// ---------------------------------------------------------------------------
// Employment assistance (就业援助)

export type AssistanceLevel = "I" | "II" | "III";
export type AssistanceEventKind =
  | "employedByUnit" | "startedBusiness" | "stableIncome" | "pensionStarted" | "lostWorkAbility"
  | "enrolled" | "militaryService" | "emigrated" | "imprisoned" | "stoppedSeeking" | "employmentRegistered"
  | "otherUnitPaysInsurance" | "stoppedFlexibleWork" | "stoppedContributing" | "incomeAtAverageWage"
  | "wageBelowMinimum" | "workloadNotMet" | "postMismatch";

export interface AssistanceInput {
  recognisedOn?: IsoDate;
  /** The staff's assessed level; else scored from `assessment` with the pack's points. */
  level?: AssistanceLevel;
  assessment?: {
    birthDate?: IsoDate;
    sex?: "male" | "female";
    womanTrack?: "female55" | "female50";
    disabled?: boolean;
    noSkills?: boolean;
    healthLimits?: boolean;
    familyBurden?: boolean;
    unemployedSince?: IsoDate;
    zeroEmploymentFamily?: boolean;
  };
  /** Changes of circumstances; income events may carry monthlyIncome (yuan). */
  events?: Array<{ kind: AssistanceEventKind; date: IsoDate; monthlyIncome?: string | number }>;
  lastContactOn?: IsoDate;
  receiving?: Array<"flexibleSubsidy" | "publicWelfarePostSubsidy">;
}

export interface AssistancePlan extends Sourced {
  level: AssistanceLevel;
  levelSource: "assessed" | "scored";
  score?: number;
  factors: Array<{ factor: string; label: string; points: number }>;
  services: Array<{ id: "131" | "fiveDeliveries" | "publicWelfarePost" | "followUp"; text: string; dueBy?: IsoDate; citation: Citation }>;
  /** Every exit and subsidy stop, earliest first: "stops on date X because Y". */
  stops: Array<{ what: "assistance" | "flexibleSubsidy" | "publicWelfarePostSubsidy"; kind: string; date: IsoDate; lastPaidMonth?: string; reason: string; citation: Citation }>;
  assistanceEndsOn?: IsoDate;
  explanation: string[];
  asOf: IsoDate;
}

/** The assistance level (I/II/III) and its services, and the exits and subsidy stops the events bring. */
export function assistancePlan(input: AssistanceInput, options?: RuleOptions): AssistancePlan;

// ---------------------------------------------------------------------------
// Materials (一次性告知)

export type ApplicationType =
  | "difficultPerson" | "flexibleSubsidy" | "publicWelfarePostSubsidy"
  | "loanIndividual" | "loanPartnership" | "loanEnterprise"
  | "startupSubsidy" | "jobSeekingSubsidy" | "trainingSubsidy"
  | (string & {});

/** Answers that tailor the checklist (all optional). */
export interface MaterialsFacts {
  name?: string;
  residentId?: string;
  spouseName?: string;
  spouseId?: string;
  uscc?: string;
  /** 就业困难人员 categories, e.g. ["dibao", "disabled"] (plus a province's own). */
  categories?: string[];
  subsidyGroup?: "difficultPerson" | "graduate";
  employmentForm?: "flexible" | "individualBusiness";
  married?: boolean;
  loanGroup?: string;
  loanAmount?: string | number;
  partners?: number;
  jobSeekingCategories?: Array<"dibao" | "zeroEmploymentFamily" | "povertyMonitoring" | "extremePoverty" | "disabled" | "studentLoan">;
  claimKinds?: Array<"pension" | "medical" | "unemployment">;
  claimMonths?: number;
  claimAmount?: string | number;
  graduate?: boolean;
}

export type MaterialForm = "original" | "copy" | "originalAndCopy" | "form" | "signed";

/** What was brought for one material: `true`, or details to check. */
export interface ProvidedItem {
  number?: string;
  holderName?: string;
  holderId?: string;
  issuedOn?: IsoDate;
  validUntil?: IsoDate;
  form?: "original" | "copy" | "originalAndCopy";
  copies?: number;
  /** A signed commitment (告知承诺) instead of the document. */
  commitment?: boolean;
  /** Will be brought later (容缺受理). */
  later?: boolean;
  /** Contribution receipts: kinds, months and total paid. */
  kinds?: Array<"pension" | "medical" | "unemployment">;
  months?: number;
  amount?: string | number;
}

export type ItemStatus = "required" | "provided" | "missing" | "invalid" | "waived" | "deferred" | "commitment";

export interface ItemProblem {
  /** "numberInvalid" | "mismatchId" | "mismatchName" | "expired" | "tooOld" | "issuedInFuture" | "needsOriginal"
   *  | "quantity" | "receiptKinds" | "receiptMonths" | "receiptAmount" | "commitmentNotAllowed" | "keyCannotDefer"
   *  | "checkValidity" (warning) | "checkReceipt" (warning) */
  code: string;
  severity: "error" | "warning";
  message: string;
}

export interface ChecklistItem {
  material: string;
  name: string;
  /** Which criterion it proves. */
  proves: string;
  issuer: string;
  form: MaterialForm;
  /** "原件及复印件1份" / "original and 1 copy(ies)". */
  how: string;
  quantity: number;
  /** Key material (关键材料): cannot follow later. */
  key: boolean;
  /** Non-key and deferral allowed here. */
  deferrable: boolean;
  commitmentAllowed: boolean;
  /** When it applies only in some cases not yet known: the case in plain words. */
  condition?: string;
  status: ItemStatus;
  problems: ItemProblem[];
  waivedBecause?: string;
  note?: string;
  citation: Citation;
  materialStatus: ParamStatus;
}

export interface ListedMaterial { material: string; name: string; reason: string }

export interface MaterialsReport extends Sourced {
  applicationType: string;
  title: string;
  applicant: "person" | "unit";
  /** "checklist" without `provided`, else "check". */
  mode: "checklist" | "check";
  verdict: "complete" | "incomplete" | "acceptableWithDeferral";
  summary: string;
  checklist: ChecklistItem[];
  missing: ListedMaterial[];
  invalid: ListedMaterial[];
  waived: ListedMaterial[];
  deferrable: ListedMaterial[];
  deferred: ListedMaterial[];
  commitments: ListedMaterial[];
  /** Provided but not needed here. */
  extra: string[];
  deferralDeadline?: IsoDate;
  /** Questions whose answers would settle conditional materials. */
  questions: Question[];
  asOf: IsoDate;
  region: string;
  lang: Lang;
}

/**
 * The materials for an application (一次性告知): the checklist tailored to `facts`; with
 * `provided`, every problem with what was brought (numbers, validity, holder, receipts),
 * what is waived by shared data, what may follow later or be replaced by a commitment,
 * and a verdict. `options.asOf` is the application date.
 * Throws "unknownApplication", "invalidFacts" or "invalidProvided" (with error.problems).
 */
export function checkMaterials(
  applicationType: ApplicationType,
  facts?: MaterialsFacts,
  provided?: Record<string, true | ProvidedItem>,
  options?: RuleOptions,
): MaterialsReport;

export interface ApplicationInfo {
  id: string;
  title: string;
  applicant: "person" | "unit";
  /** The questions whose answers change this checklist. */
  questions: Question[];
}

/** The application types in force for options.region. */
export function listApplications(options?: RuleOptions): ApplicationInfo[];

// ---------------------------------------------------------------------------
// Subsidy periods and amounts

export type SubsidyProgram = "flexibleDifficult" | "flexibleGraduate" | "employerDifficult" | "publicWelfarePost";

/** Yuan by insurance kind (decimal strings). */
export interface KindAmounts {
  pension?: string;
  medical?: string;
  unemployment?: string;
}

export interface SubsidyPlanInput {
  program: SubsidyProgram;
  person: { birthDate: IsoDate; retirementTrack: RetirementTrack };
  /** First approval (初次核定): the near-retirement extension is judged on it. */
  firstApprovedOn: IsoDate;
  /** Start of this period; default firstApprovedOn. */
  startOn?: IsoDate;
  /** Months already paid in earlier approvals. */
  monthsUsed?: number;
  /** Paid each month (perMonth), or base × rates, or month by month. Amounts as decimal strings. */
  contributions?: {
    perMonth?: KindAmounts;
    base?: string;
    rates?: KindAmounts;
    months?: Array<{ month: string } & KindAmounts>;
  };
  /** Changes that stop the subsidy (kinds as in assistancePlan). */
  events?: Array<{ kind: AssistanceEventKind; date: IsoDate }>;
}

export interface SubsidyMonth {
  month: string;
  paid: KindAmounts;
  insurance: KindAmounts;
  post?: string;
  /** Negative when the local monthly cap cut the month. */
  capAdjustment?: string;
  subsidy: string;
}

export interface SubsidyPlan extends Sourced {
  program: SubsidyProgram;
  title: string;
  startMonth: string;
  endMonth: string;
  /** end − start + 1. */
  months: number;
  monthsUsed: number;
  monthsRemaining: number;
  /** Fewer than 5 years to retirement at first approval: runs until retirement. */
  untilRetirement: boolean;
  retirementMonth: string;
  retirementDate: IsoDate;
  monthsToRetirementAtFirstApproval: number;
  stoppedBy?: string;
  monthly: SubsidyMonth[];
  totals: KindAmounts;
  postTotal?: string;
  /** Σ monthly subsidy, yuan. */
  total: string;
  explanation: string[];
  asOf: IsoDate;
}

/**
 * How long and how much: start and end month, months, the near-retirement extension
 * (judged at the first approval with the delayed retirement age), stops, and the amount
 * month by month by insurance kind (and the post subsidy), rounded to the fen as the
 * pack says; `total` always equals the sum of the months. See the guide for the month rules.
 */
export function subsidyPlan(input: SubsidyPlanInput, options?: RuleOptions): SubsidyPlan;
/** The same table as CSV text (UTF-8 with BOM), for a spreadsheet. */
export function subsidyPlanCsv(input: SubsidyPlanInput, options?: RuleOptions): string;

// ---------------------------------------------------------------------------
// Entrepreneurship guaranteed loan (创业担保贷款)

export type LoanBorrower = "individual" | "partnership" | "enterprise";
export type LoanRepayment = "interestMonthly" | "interestQuarterly" | "equalInstalments" | "equalPrincipal";

export interface LoanQuoteInput {
  borrower: LoanBorrower;
  /** Partnerships: partners in an eligible group. */
  partners?: number;
  /** Jobs created, for a local higher cap. */
  jobsCreated?: number;
  /** Yuan, as a decimal string. */
  amount: string;
  termMonths: number;
  contractDate: IsoDate;
  /** Percent a year, e.g. "3.50"; default the cap (LPR + the regional spread). */
  annualRate?: string;
  repayment: LoanRepayment;
  previousSubsidisedLoans?: number;
  /** 借新还旧: no subsidy. */
  refinancing?: boolean;
  /** 1-based periods repaid late: no subsidy for them. */
  overduePeriods?: number[];
  /** 展期 months after the term: interest only, no subsidy. */
  extensionMonths?: number;
}

export interface LoanPeriod {
  n: number;
  due: IsoDate;
  days: number;
  principal: string;
  interest: string;
  borrowerInterest: string;
  subsidy: string;
  balance: string;
  subsidised: boolean;
}

export interface LoanQuote extends Sourced {
  borrower: LoanBorrower;
  maxAmount: string;
  requestedAmount: string;
  /** The amount quoted: the request, or the cap when the request is above it (see problems). */
  quotedAmount: string;
  maxTermMonths: number;
  quotedTermMonths: number;
  /** 1-year LPR on the contract date, percent. */
  lpr: string;
  lprEffectiveFrom: IsoDate;
  rateCapBp: number;
  rateCap: string;
  annualRate: string;
  regime: "lprMinus150" | "halfOfActual" | "custom" | "none";
  borrowerRate: string;
  subsidyRate: string;
  dayCount: "30/360" | "ACT/360" | "ACT/365";
  repayment: LoanRepayment;
  schedule: LoanPeriod[];
  totalPrincipal: string;
  totalInterest: string;
  borrowerInterest: string;
  fiscalSubsidy: string;
  /** "amountAboveCap" | "termAboveCap" | "rateAboveCap" | "subsidyLimitReached" | "refinancing" | "noPartners". */
  problems: Array<{ code: string; message: string }>;
  explanation: string[];
}

/**
 * A loan quote on the contract date's rules: cap (individual, partnership formula, enterprise,
 * local top-ups), term cap, LPR and rate cap, the subsidy regime in force for the region, and the
 * schedule (principal, interest, borrower's share, subsidy, balance per period). An amount, term or
 * rate above its cap is quoted at the cap and explained in `problems`, never silently clamped.
 * Uses options.region and options.lang (the date is input.contractDate).
 * @example loanQuote({ borrower: "individual", amount: "300000", termMonths: 12, contractDate: "2025-06-01",
 *   annualRate: "3.50", repayment: "interestMonthly" }).fiscalSubsidy // "5250.00"
 */
export function loanQuote(input: LoanQuoteInput, options?: RuleOptions): LoanQuote;

export type ScreeningAnswer = "yes" | "no" | "unsure";

export interface ScreeningAnswers {
  profitable?: ScreeningAnswer; affordable?: ScreeningAnswer; interestAndAbility?: ScreeningAnswer;
  relationships?: ScreeningAnswer; marketAccess?: ScreeningAnswer; marketPotential?: ScreeningAnswer;
  keyStaff?: ScreeningAnswer; supplyChannel?: ScreeningAnswer; premises?: ScreeningAnswer;
  licenceAddressMatches?: ScreeningAnswer; identityEligible?: ScreeningAnswer; noOtherLoans?: ScreeningAnswer;
  householdBurdenHeavy?: ScreeningAnswer;
  loanAmount?: string | number;
  counterGuarantees?: Array<"publicEmployeeGuarantor" | "property" | "deposit" | "marketGuarantee" | "otherAccepted">;
}

export interface ScreeningResult {
  recommendation: "recommend" | "recommendWithConditions" | "doNotRecommend" | "incomplete";
  summary: string;
  flags: Array<{ id: string; question: string; answer: string; severity: "blocker" | "high" | "medium" | "verify"; reason: string; verify: string; citation: Citation }>;
  verifyOnSite: string[];
  counterGuarantee?: { required: boolean; waiverUpTo: string; fitting: string[]; reason: string };
  /** Every unanswered question. */
  missing: Question[];
  parameters: ParamRef[];
  pack: PackStamp;
}

/** The screening questions: the nine principles of a good project and the home-visit checks. */
export function screeningQuestions(options?: { lang?: Lang }): Question[];
/** Screens a project (answers may be partial): risk flags, what to verify, recommendation, counter-guarantee. */
export function screenProject(answers: ScreeningAnswers, options?: RuleOptions): ScreeningResult;
