// The functions of zhuchuang-web, declared by hand so optional arguments are typed
// exactly. Every option, input and result type they name is generated from the
// Rust types into types.generated.d.ts (both files are in the package's .d.ts);
// only the shapes of free-form answers (facts) and of thrown errors are written
// here. tests/tests/types.rs checks the generated file is current, and the Node
// test tests/node/shapes.test.mjs checks real results against the same schema.

/** What every function throws for bad arguments. */
export interface ZhuchuangError extends Error {
  name: "ZhuchuangError";
  code: string;
  messages: { "zh-CN": string; en: string };
  /** The problems behind it (a pack's, the facts', `provided`'s), when there are any. */
  problems?: Array<PackProblem | FactProblem>;
}

/** A problem in a pack (thrown by loadPack as error.problems). */
export interface PackProblem {
  /** JSON Pointer, e.g. "/parameters/loan.lpr1y/values/2/from". */
  path: string;
  /** "syntax" | "wrongType" | "missing" | "unknownKey" | "unknownParameter" | "notAllowed" | "badDate"
   *  | "badValue" | "overlap" | "order" | "unitMismatch" | "nationalOnly" | "noCitation" | "unknownCitation" | "region" | "missingParameter" */
  code: string;
  message: string;
  messages: { "zh-CN": string; en: string };
}

/** A problem with an answer or a provided material (thrown as error.problems). */
export interface FactProblem {
  /** The fact (or the material of `provided`) it is about. */
  fact: string;
  /** "unknownFact" | "wrongType" | "notAllowed" | "badDate" | "notAnObject" | "unknownMaterial" | … */
  code: string;
  message: string;
  messages: { "zh-CN": string; en: string };
}

/**
 * Validates an identity or registration number and explains every problem at once.
 * @param kind which number: "residentId" | "uscc" | "disabilityCert" | "bankCard" | "mobile" | "socialSecurityCard"
 * @param value the number as typed (full-width digits, spaces and lower-case x are fine)
 * @param options lang ("zh-CN" default, "en"); today ("YYYY-MM-DD", default: this device's date)
 * @throws ZhuchuangError for an unknown kind, a non-string value or bad options
 * @example validateId("residentId", "11010519491231002x").details.birthDate // "1949-12-31"
 */
export function validateId(kind: IdKind, value: string, options?: IdOptions): IdCheck;

/**
 * Checks many numbers of one kind in one call, for ledgers and scripts: one entry per
 * value, in order. An entry is `{ valid, normalized? }`: `valid` exactly as
 * `validateId(kind, value, options).valid`, and, for a valid number only, `normalized`
 * as validateId gives it (folded, legacy 15-digit IDs upgraded). No messages,
 * problems or details are built: call validateId on a number to learn why it is invalid.
 * @param values the numbers as typed; every entry must be a string
 * @param options today ("YYYY-MM-DD", default: this device's date); lang plays no part
 * @throws ZhuchuangError for an unknown kind or when values is not an array of strings
 * @example validateIds("mobile", ["+86 138 0013 8000", "123"]) // [{ valid: true, normalized: "13800138000" }, { valid: false }]
 */
export function validateIds(kind: IdKind, values: string[], options?: IdOptions): IdBrief[];

/**
 * Whether value is a valid number of kind: `validateId(kind, value).valid` with this
 * device's date as today, without building a result or any message, for checking as
 * people type. Anything but a string is not valid.
 * @throws ZhuchuangError only for an unknown kind
 * @example isValidId("residentId", "11010519491231002x") // true
 */
export function isValidId(kind: IdKind, value: string): boolean;

/**
 * Validates an applicant's identity block in one call: every field's errors at once,
 * plus cross-field checks (the ID inside a disability certificate must be the applicant's).
 * Warnings (a bank card failing the Luhn check) are listed apart and leave the form valid.
 */
export function validateForm(form: ApplicantForm, options?: IdOptions): FormReport;

/**
 * The kit's version, the national pack in force, and the wording of each parameter
 * `status` (as results' sources and the parameters page show it).
 * @example kitInfo().statuses.find((s) => s.status === "unsure").label["zh-CN"]
 */
export function kitInfo(): KitInfo;

// ---------------------------------------------------------------------------
// Rule packs

/**
 * Loads a province's or city's pack (JSON text or object), replacing any pack for the
 * same region; a pack for region "000000" replaces the national pack. The pack is
 * checked first: on any problem it throws a ZhuchuangError with code "invalidPack" and
 * `problems` listing every one, and the packs in force stay unchanged.
 */
export function loadPack(pack: string | object, options?: LangOptions): LoadReport;
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

/**
 * The statutory retirement month and age (渐进式延迟法定退休年龄), the old one, the months of
 * delay, the flexible window and the minimum contribution years, explained and cited.
 * @throws ZhuchuangError ("invalidArgument") for a bad date or track
 * @example statutoryRetirement({ birthDate: "1976-09-15", track: "male" }).retirementMonth // "2039-09"
 */
export function statutoryRetirement(input: RetirementInput, options?: RuleOptions): RetirementResult;

// ---------------------------------------------------------------------------
// Explained verdicts

export type ProgramId =
  | "difficultPerson" | "flexibleEmploymentSubsidy" | "publicWelfarePost" | "publicWelfarePostSubsidy"
  | "loanIndividual" | "loanPartnership" | "loanEnterprise"
  | "startupSubsidy" | "jobSeekingSubsidy" | "trainingSubsidy" | "flexibleRetirement";

/** The programs checkEligibility knows, with their questions. */
export function listPrograms(options?: RuleOptions): ProgramInfo[];

/**
 * Checks whether `facts` (possibly partial) qualify for `program`, as an explained verdict.
 * Unknown facts or wrong types throw "invalidFacts" with every problem in error.problems.
 */
export function checkEligibility(program: ProgramId, facts: Record<string, unknown>, options?: RuleOptions): Determination;

/** The options of findPrograms: the usual rule options, and the programs to look at. */
export interface FindOptions extends RuleOptions {
  /** Only these programs (in the portal's order whatever the order here); default every program. */
  programs?: ProgramId[];
}

/**
 * The policy finder (政策找人): every program (or options.programs) on one set of answers, keyed by
 * the finder's fact ids (most are the programs' own; the few renamed are in each program's
 * `answers`, which is what checkEligibility and the program's widget take). Returns each program's
 * standing ("likely" | "open" | "ruledOut" | "problem") with its determination, what it would give
 * and how to apply, the counts, the materials of the likely applications merged into one list, and
 * the one next question (the missing fact whose weights, summed over the open programs, are highest).
 * An answer one program cannot use is that program's problem, not an error.
 * @throws ZhuchuangError ("unknownProgram") for an unknown id in options.programs;
 *   ("invalidArgument") when options.programs is not an array of ids; ("invalidFacts") when facts is not an object
 * @example findPrograms({ birthDate: "1975-03-01", sex: "male" }, { asOf: "2026-11-21" }).nextQuestion?.fact
 */
export function findPrograms(facts: Record<string, unknown>, options?: FindOptions): Finding;

/** A household member, for the zero-employment-family question. */
export interface HouseholdMember {
  relation: string;
  /** Within the statutory working age and able to work. */
  workingAge: boolean;
  status: "employed" | "selfEmployed" | "farming" | "unemployed" | "student" | "retired" | "soldier" | "other";
}

// ---------------------------------------------------------------------------
// Employment assistance (就业援助)

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
  traineeGroup?: "registeredUnemployed" | "difficultToEmploy" | "graduate" | "ruralWorker" | "veteran" | "disabled" | "other";
  claimKinds?: Array<"pension" | "medical" | "unemployment">;
  claimMonths?: number;
  claimAmount?: string | number;
  graduate?: boolean;
}

/** What was brought for each material: `true`, or details to check. */
export type Provided = Record<string, true | ProvidedItem>;

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
  provided?: Provided,
  options?: RuleOptions,
): MaterialsReport;

/** The application types in force for options.region. */
export function listApplications(options?: RuleOptions): ApplicationInfo[];

/**
 * A filled application form (listForms) checked as a whole, as a window clerk does
 * before it leaves the office: every problem at once, each with its field (`path`):
 * required fields, ID numbers, dates, months, amounts, choices; the period against
 * the months claimed, the cap and the retirement month; the claim against the
 * receipts and the applicant's name and ID against every document (`provided`, as
 * checkMaterials takes it); eligibility for the form's program from the same answers.
 * Values may be typed or pasted text (choices by value or by name, 是/否, 1,234.50元).
 * The result carries the determination, the materials report, the plan and a
 * determinationId. Throws "unknownForm", "invalidArgument" or "invalidPack".
 */
export function checkApplication(
  form: string,
  values: Record<string, unknown>,
  provided?: Provided | null,
  options?: RuleOptions,
): ApplicationCheck;

/** The application forms in force for options.region, every field to render. */
export function listForms(options?: RuleOptions): FormInfo[];

// ---------------------------------------------------------------------------
// Subsidy periods and amounts

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

/** The screening questions: the nine principles of a good project and the home-visit checks. */
export function screeningQuestions(options?: LangOptions): Question[];
/** Screens a project (answers may be partial): risk flags, what to verify, recommendation, counter-guarantee. */
export function screenProject(answers: ScreeningAnswers, options?: RuleOptions): ScreeningResult;

// ---------------------------------------------------------------------------
// The ledger (台账) check: in the Node package (web/pkg-node) and in builds with
// the `ledger` feature; the browser package web/pkg leaves it out (its size).

/** Field key → column, by header text or 0-based index: `{ id: "身份证号", name: 0 }`;
 * `facts.<factId>` reads an eligibility answer from a column. */
export type LedgerMapping = { [field: string]: LedgerColumnRef };

export interface LedgerCallOptions extends LedgerOptions, RuleOptions {
  /** The annotated files to make (default both). */
  formats?: Array<"xlsx" | "csv">;
  /** Told every 1000 rows; return `false` to cancel (throws code `cancelled`). */
  onProgress?: (done: number, total: number) => boolean | void;
}

/**
 * Checks a whole ledger given as the file's bytes (CSV in UTF-8, UTF-8 with BOM or
 * GBK/GB18030, or XLSX): every row, every cell, the Excel/WPS traps, duplicates;
 * optionally each row's eligibility (`check: "eligibility"`) or subsidy period and
 * amount (`check: "subsidy"`). `mapping` null: suggested from the headers. The
 * annotated ledger (every row, a problems and a status column) comes back as
 * `xlsx` and `csv` bytes. Limits (file size, rows, columns) are pack parameters,
 * checked before reading.
 */
export function checkLedger(
  bytes: Uint8Array,
  mapping?: LedgerMapping | null,
  options?: LedgerCallOptions,
): LedgerReport & { xlsx?: Uint8Array; csv?: Uint8Array };
/** The header row found (under title and group rows), its columns and the suggested mapping. */
export function ledgerColumns(bytes: Uint8Array, options?: LedgerOptions & RuleOptions): LedgerColumns;
