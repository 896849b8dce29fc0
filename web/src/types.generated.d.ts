// Generated from the Rust types by tests/tests/types.rs (via the JSON Schema
// web/src/api.schema.json); do not edit. Regenerate with
// `UPDATE_TYPES=1 cargo test -p zhuchuang-tests --test types`.
// The functions are declared by hand in web/src/types.d.ts.

/** An ISO date, "YYYY-MM-DD". */
export type IsoDate = string;

/** An age in whole years and months. */
export interface Age {
  months: number;
  years: number;
}

/** Who applies. */
export type Applicant = "person" | "unit";

/**
 * The identity block most application forms in this field ask for. Absent
 * fields are not checked; present ones must be valid.
 */
export interface ApplicantForm {
  /** 银行卡号 (or the bank account of the 社会保障卡) */
  bankCard?: string | null;
  /** 残疾人证号 */
  disabilityCert?: string | null;
  /** 手机号码 */
  mobile?: string | null;
  /** 姓名 */
  name?: string | null;
  /** 居民身份证号码 */
  residentId?: string | null;
  /**
   * 社会保障卡卡号 (the flexible-employment subsidy form asks for it): the
   * number on the card, not its bank account (format UNSURE, see
   * [`IdKind::SocialSecurityCard`]).
   */
  socialSecurityCard?: string | null;
  /** 统一社会信用代码 of the applicant's business, if any */
  uscc?: string | null;
}

/** The answer of [`check_application`]. */
export interface ApplicationCheck {
  asOf: IsoDate;
  /**
   * Warnings about the rules themselves: unsure values, example packs, and the
   * calculator's own notes.
   */
  caveats: string[];
  /** Every document the result rests on, each once. */
  citations: Citation[];
  determination?: Determination;
  determinationId: string;
  errors: number;
  form: string;
  lang: Lang;
  materials?: MaterialsReport;
  /** The packs in force, most specific first, with one hash over them. */
  pack: PackStamp;
  /** Every parameter the result used, each once (by key and effective date). */
  parameters: ParamRef[];
  plan?: SubsidyPlan;
  /** Every problem, errors and warnings, in the form's field order. */
  problems: FormProblem[];
  region: string;
  summary: string;
  title: string;
  /** The values as read (numbers normalised, choices by value), by field id. */
  values: { [key: string]: unknown };
  verdict: PrecheckVerdict;
  warnings: number;
}

/** An application type with the questions that tailor its checklist. */
export interface ApplicationInfo {
  applicant: Applicant;
  id: string;
  /** The questions whose answers change this checklist. */
  questions: Question[];
  title: string;
}

/** What the assessment found (评估), when no level is given. */
export interface AssistanceAssessment {
  birthDate?: IsoDate | null;
  disabled?: boolean;
  familyBurden?: boolean;
  healthLimits?: boolean;
  noSkills?: boolean;
  /** `male` or `female`. */
  sex?: string | null;
  unemployedSince?: IsoDate | null;
  /** `female55` or `female50`, for women. */
  womanTrack?: string | null;
  zeroEmploymentFamily?: boolean;
}

/** One change, on a date. */
export interface AssistanceEvent {
  date: IsoDate;
  kind: AssistanceEventKind;
  /** For `stableIncome`, `incomeAtAverageWage` and `wageBelowMinimum`. */
  monthlyIncome?: string | number | null;
}

/** A change of circumstances. */
export type AssistanceEventKind = "employedByUnit" | "startedBusiness" | "stableIncome" | "pensionStarted" | "lostWorkAbility" | "enrolled" | "militaryService" | "emigrated" | "imprisoned" | "stoppedSeeking" | "employmentRegistered" | "otherUnitPaysInsurance" | "stoppedFlexibleWork" | "stoppedContributing" | "incomeAtAverageWage" | "wageBelowMinimum" | "workloadNotMet" | "postMismatch";

/** One point of the assessment. */
export interface AssistanceFactor {
  factor: string;
  label: string;
  points: number;
}

/** The question: who, assessed how, with what changes so far. */
export interface AssistanceInput {
  assessment?: AssistanceAssessment | null;
  events?: AssistanceEvent[];
  /**
   * The last contact with the public employment service (exit 9 after
   * `assistance.noContactExitMonths` without contact).
   */
  lastContactOn?: IsoDate | null;
  /** The staff's assessed level; otherwise it is scored from `assessment`. */
  level?: AssistanceLevel | null;
  receiving?: AssistanceSubsidy[];
  /** When the person was recognised as an assistance object. */
  recognisedOn?: IsoDate | null;
}

/** Assistance level. */
export type AssistanceLevel = "I" | "II" | "III";

/** The answer of [`plan`]. */
export interface AssistancePlan {
  asOf: IsoDate;
  /** When assistance ends (the earliest exit), if it does. */
  assistanceEndsOn?: IsoDate;
  /**
   * Warnings about the rules themselves: unsure values, example packs, and the
   * calculator's own notes.
   */
  caveats: string[];
  /** Every document the result rests on, each once. */
  citations: Citation[];
  explanation: string[];
  factors: AssistanceFactor[];
  level: AssistanceLevel;
  /** `assessed` (given) or `scored` (from the assessment). */
  levelSource: string;
  /** The packs in force, most specific first, with one hash over them. */
  pack: PackStamp;
  /** Every parameter the result used, each once (by key and effective date). */
  parameters: ParamRef[];
  score?: number;
  services: AssistanceService[];
  /** Every stop that applies, earliest first. */
  stops: AssistanceStop[];
}

/** A service the level brings. */
export interface AssistanceService {
  citation: Citation;
  dueBy?: IsoDate;
  id: string;
  text: string;
}

/** What a change does. */
export interface AssistanceStop {
  citation: Citation;
  date: IsoDate;
  kind: string;
  /** For subsidies: the last month still paid. */
  lastPaidMonth?: YearMonth;
  /** "stops on date X because Y", in plain words. */
  reason: string;
  /** `assistance`, `flexibleSubsidy` or `publicWelfarePostSubsidy`. */
  what: string;
}

/** A subsidy the person (or their employer) receives. */
export type AssistanceSubsidy = "flexibleSubsidy" | "publicWelfarePostSubsidy";

/** One line of the checklist. */
export interface ChecklistItem {
  citation: Citation;
  commitmentAllowed: boolean;
  /** When the condition cannot be decided yet: it in plain words. */
  condition?: string;
  /** Non-key and deferral allowed here. */
  deferrable: boolean;
  form: MaterialForm;
  /** "原件及复印件1份" / "original and 1 copy". */
  how: string;
  issuer: string;
  key: boolean;
  material: string;
  materialStatus: ParamStatus;
  name: string;
  note?: string;
  problems: ItemProblem[];
  proves: string;
  quantity: number;
  status: ItemStatus;
  waivedBecause?: string;
}

/** One answer of a choice question. */
export interface ChoiceOption {
  /** The answer in the requested language (filled in for output). */
  label: string;
  value: string;
}

/**
 * Where a value comes from (出处).
 *
 * `document`, `title`, `article` and `url` reach citizens (a result's Sources
 * panel): write the document's real number or title and its clause, never a
 * file name or a mark of internal notes. `note` is for maintainers: it is read
 * from the pack but never serialised into a result, and two citations that
 * differ only in their notes are the same citation.
 */
export interface Citation {
  /** Article or section, e.g. `第十二条`. */
  article?: string;
  /**
   * Document number or name, e.g. `财金〔2023〕75号`; for values with no
   * document say so: `local practice`, `assumption`.
   */
  document: string;
  /** The document's title, e.g. `就业补助资金管理办法`. */
  title?: string;
  url?: string;
}

/** Contributions against the minimum, when `contributionMonths` was given. */
export interface ContributionCheck {
  /** First month in the flexible window when the minimum is met, if any. */
  earliestFlexibleMonthWithMinimum?: YearMonth;
  meetsMinimumAtRetirement: boolean;
  /** Months paid as of `asOf`. */
  monthsAsOf: number;
  /** Months by the statutory retirement month, if contributions continue. */
  monthsAtRetirement: number;
}

/** How many programs stand where. */
export interface Counts {
  likely: number;
  open: number;
  problems: number;
  ruledOut: number;
}

/** A criterion as reported. */
export interface Criterion {
  /** The person's value, as compared ("41岁", "2025-03"). */
  actual?: string;
  citation?: Citation;
  /** Alternatives share a group id; the group needs one of them. */
  group?: string;
  id: string;
  label: string;
  /** Facts that would settle this criterion, if unknown. */
  missingFacts?: string[];
  parameters?: ParamRef[];
  /** Why, in plain words, with the values compared. */
  reason: string;
  status: CriterionStatus;
  /** What it is compared with ("≥ 40岁"). */
  threshold?: string;
  /**
   * Answers it uses that are possible but suspicious (an age over a
   * hundred, an income in the millions a month): check them before relying
   * on the result. See [`crate::facts::plausibility`].
   */
  warnings?: string[];
}

/** One criterion's result, as reported. */
export type CriterionStatus = "met" | "notMet" | "unknown" | "notNeeded";

/** An explained verdict. */
export interface Determination {
  asOf: IsoDate;
  /**
   * Warnings about the rules themselves: unsure values, example packs, and the
   * calculator's own notes.
   */
  caveats: string[];
  /** Every document the result rests on, each once. */
  citations: Citation[];
  criteria: Criterion[];
  determinationId: string;
  lang: Lang;
  /** Ranked: ask the first one next. */
  missingFacts: MissingFact[];
  nextQuestion?: Question;
  outcome: Outcome;
  /** The packs in force, most specific first, with one hash over them. */
  pack: PackStamp;
  /** Every parameter the result used, each once (by key and effective date). */
  parameters: ParamRef[];
  program: string;
  region: string;
  /** One sentence: the outcome and the main reason. */
  summary: string;
}

/** One choice of a field, in the reader's language. */
export interface FieldChoice {
  label: string;
  value: string;
}

/** A field for a mapping editor. */
export interface FieldInfo2 {
  group: string;
  key: string;
  label: string;
  required: boolean;
}

/** A field's type. */
export type FieldKind = "text" | "choice" | "multiChoice" | "yesNo" | "id" | "date" | "month" | "money" | "number";

/** What the cross-checks read a field as. */
export type FieldRole = "applicantName" | "applicantId" | "claimKinds" | "periodStart" | "periodEnd" | "claimMonths" | "claimAmount" | "monthsUsed" | "firstApprovedOn" | "retirementTrack";

/** A fact still missing, summed across the open programs. */
export type FinderMissingFact = {
  fact: string;
  hint?: string;
  /** The open programs it would help settle. */
  programs: string[];
  question: string;
  /** The sum of the programs' weights for it. */
  weight: number;
} & ({
  type: "yesNo";
} | {
  type: "date";
} | {
  type: "month";
} | {
  type: "number";
} | {
  type: "money";
} | {
  type: "decimal";
} | {
  options: ChoiceOption[];
  type: "choice";
} | {
  options: ChoiceOption[];
  type: "multiChoice";
} | {
  type: "household";
} | {
  type: "text";
});

/** An answer the finder or a program cannot use. */
export interface FinderProblem {
  /**
   * As `checkEligibility`'s fact problems (`unknownFact`, `wrongType`,
   * `implausible`…), or `rules` when the packs lack a figure.
   */
  code: string;
  /** The finder's fact id (empty when the problem is not one answer's). */
  fact: string;
  message: string;
}

/** The finder's answer. */
export interface Finding {
  asOf: IsoDate;
  /**
   * Warnings about the rules themselves: unsure values, example packs, and the
   * calculator's own notes.
   */
  caveats: string[];
  /** Every document the result rests on, each once. */
  citations: Citation[];
  counts: Counts;
  lang: Lang;
  /** What to bring for the likely applications, one entry per document. */
  materials: MergedMaterial[];
  /** Ranked: ask the first one next. */
  missingFacts: FinderMissingFact[];
  nextQuestion?: Question;
  /** The packs in force, most specific first, with one hash over them. */
  pack: PackStamp;
  /** Every parameter the result used, each once (by key and effective date). */
  parameters: ParamRef[];
  /** Answers no program asks. */
  problems?: FinderProblem[];
  /** Every program asked for, in the portal's order. */
  programs: ProgramFinding[];
  region: string;
  /** One line: "you may qualify for N programs, M are ruled out, K still open". */
  summary: string;
}

/** The flexible-retirement window (弹性退休). */
export interface FlexibleWindow {
  earliestAge: Age;
  /**
   * True when the earliest month is the original retirement month rather than
   * `retirement.flexibleEarlyMaxMonths` before the new one.
   */
  earliestIsOriginalAge: boolean;
  /** Earliest month of flexible early retirement (needs the minimum contribution years). */
  earliestMonth: YearMonth;
  latestAge: Age;
  /** Latest month of flexible late retirement (by agreement with the employer). */
  latestMonth: YearMonth;
  /**
   * Minimum contribution in years (`"15.5"` = 15 years 6 months) for
   * retiring in the earliest month's year.
   */
  minContributionYearsAtEarliest: string;
}

/** A form as `listForms` gives it. */
export interface FormInfo {
  /** The `checkMaterials` application type of its documents. */
  application?: string;
  citation: Citation;
  description?: string;
  fields: LedgerField[];
  id: string;
  /** The eligibility program its answers are checked against. */
  program?: string;
  title: string;
}

/** A problem of the form, located by its field. */
export interface FormProblem {
  /**
   * `required`, `idInvalid`, `idCheck`, `dateInvalid`, `monthInvalid`,
   * `amountInvalid`, `numberInvalid`, `choiceUnknown`, `yesNoInvalid`,
   * `aboveCap`, `unknownField`, `periodOrder`, `periodMonths`,
   * `periodBeforeStart`, `periodBeyondCap`, `periodAfterRetirement`,
   * `monthsOverEntitlement`, `planInput`, `needsTrack`, `eligibility`, the
   * document codes of `checkMaterials` (`mismatchId`, `mismatchName`,
   * `receiptKinds`, `receiptMonths`, `receiptAmount`, …) and `provided`.
   */
  code: string;
  /** The field's name as the form prints it. */
  label: string;
  /** The document (material id) it compares with, for document problems. */
  material?: string;
  message: string;
  /**
   * The field's id (`values.<path>`), or `provided.<material>` for a
   * document with no field of its own.
   */
  path: string;
  severity: Severity;
}

/** Every field's errors and warnings, keyed by the field's API name (`residentId`, …). */
export interface FormReport {
  errors: { [key: string]: Problem[] };
  valid: boolean;
  /**
   * Problems that do not make the form invalid (an unknown region code, a
   * bank card failing the Luhn check): the person checks and may continue.
   */
  warnings: { [key: string]: Problem[] };
}

/** Gender decoded from a resident ID's sequence number (odd = male). */
export type Gender = "male" | "female";

/** What a program would give. */
export interface Gives {
  /** Further lines (what is left, what it depends on). */
  details?: string[];
  kind: GivesKind;
  /** One sentence with the figures. */
  summary: string;
}

/** What a program would give, from the packs and the answers. */
export type GivesKind = "monthlySubsidy" | "loan" | "oneTime" | "setLocally" | "services";

/** Counter-guarantee advice. */
export interface GuaranteeAdvice {
  /** The options offered that fit. */
  fitting: string[];
  reason: string;
  required: boolean;
  /** Loans up to this amount may need none, as people read it ("10万元"). */
  waiverUpTo: string;
}

/**
 * One entry of `validate_ids` (`validateIds`): whether the number is valid and,
 * when it is, the form to store. The reasons of an invalid number are one
 * `validate_id` (`validateId`) call away; the batch does not build them.
 */
export interface IdBrief {
  /**
   * The number as it should be written, as `IdCheck.normalized` gives it
   * (legacy 15-digit IDs upgraded); only for a valid number.
   */
  normalized?: string;
  valid: boolean;
}

/** The result of [`validate_id`]: valid when no problem is an error. */
export interface IdCheck {
  details: IdDetails;
  kind: IdKind;
  /**
   * The number as it should be written (full-width folded, spaces removed,
   * upper case, legacy IDs upgraded).
   */
  normalized: string;
  /** Every problem found, errors first, in position order. */
  problems: Problem[];
  valid: boolean;
}

/** What a number says about its holder, as far as it could be decoded. */
export interface IdDetails {
  birthDate?: IsoDate;
  /** Disability category 1–7 (残疾类别). */
  category?: number;
  categoryName?: string;
  /** USCC registration department code (登记管理部门代码), position 1. */
  department?: string;
  departmentName?: string;
  gender?: Gender;
  /** Disability grade 1–4 (残疾等级; 1 is the most severe). */
  grade?: number;
  gradeName?: string;
  /** Card network guessed from the first digits (`unionPay`, `visa`, …). */
  network?: string;
  /** USCC embedded organisation code (组织机构代码, GB 11714), positions 9–17. */
  organizationCode?: string;
  regionCode?: string;
  /** Name of the region code, when the table knows it (Chinese names only). */
  regionName?: string;
  /** The resident ID inside a disability certificate number. */
  residentId?: string;
  /** USCC organisation type code (机构类别代码), position 2. */
  type?: string;
  typeName?: string;
  /** The 15-digit number a legacy ID was upgraded from. */
  upgradedFrom?: string;
}

/** Which number is being checked. */
export type IdKind = "residentId" | "uscc" | "disabilityCert" | "bankCard" | "mobile" | "socialSecurityCard";

/**
 * Options of the identity functions (`validateId`, `validateIds`, `isValidId`, `validateForm`). Unknown keys
 * are ignored, so one options object can serve every call.
 */
export interface IdOptions {
  lang?: Lang | null;
  /**
   * The date a birth date may not be after; default: today on this device.
   * Read as people type dates (1978-03-10, 1978/03/10, 19780310, 1978年3月10日).
   */
  today?: IsoDate | null;
}

/** A problem with one material. */
export interface ItemProblem {
  /**
   * `numberInvalid`, `numberCheck` (a warning of the number check), `mismatchId`, `mismatchName`, `expired`, `tooOld`,
   * `issuedInFuture`, `needsOriginal`, `quantity`, `receiptKinds`,
   * `receiptMonths`, `receiptAmount`, `commitmentNotAllowed`, `keyCannotDefer`,
   * `checkValidity`, `checkReceipt`.
   */
  code: string;
  message: string;
  severity: Severity;
}

/** An item's state. */
export type ItemStatus = "provided" | "missing" | "invalid" | "required" | "waived" | "deferred" | "commitment";

/**
 * Amounts by insurance kind: each the whole month's contribution actually
 * paid (yuan a month; for an employer, the employer's part it paid), or a
 * subsidy of that kind (yuan a month), or, in `contributions.rates`, a rate
 * as a ratio of the base (`"0.20"` = 20%).
 */
export interface KindAmounts {
  medical: string | null;
  pension: string | null;
  unemployment: string | null;
}

/**
 * Amounts by insurance kind: each the whole month's contribution actually
 * paid (yuan a month; for an employer, the employer's part it paid), or a
 * subsidy of that kind (yuan a month), or, in `contributions.rates`, a rate
 * as a ratio of the base (`"0.20"` = 20%).
 */
export interface KindAmountsInput {
  medical?: string | number | null;
  pension?: string | number | null;
  unemployment?: string | number | null;
}

/** The kit's version and the national pack in force. */
export interface KitInfo {
  /** The national pack in force (embedded, or a replacement loaded with loadPack). */
  nationalPack: PackRef;
  /**
   * What each parameter `status` means, in both languages (the wording results
   * and the parameters page use).
   */
  statuses: StatusLabel[];
  version: string;
}

/** The language an answer is written in. zh-CN is the default everywhere. */
export type Lang = "zh-CN" | "en";

/** Options that only choose the language of messages. */
export interface LangOptions {
  lang?: Lang | null;
}

/** What is checked on every row. */
export type LedgerCheck = "numbers" | "eligibility" | "subsidy";

/** One column as found, and the field it is mapped to. */
export interface LedgerColumn {
  /** `A`, `B`, … */
  column: string;
  field?: string;
  fieldLabel?: string;
  header: string;
}

/** A column as the mapping names it: its header, or its 0-based index. */
export type LedgerColumnRef = number | string;

/** Headers and the suggested mapping of a file (`ledgerColumns`). */
export interface LedgerColumns {
  columns: LedgerColumn[];
  encoding?: LedgerEncoding;
  /** Every field a ledger can have: key, label, group, required. */
  fields: FieldInfo2[];
  format: LedgerFormat;
  headerRow: number;
  /** Field → header, as `checkLedger` takes it. */
  mapping: { [key: string]: string };
  /** Data rows below the header. */
  rows: number;
}

/** A text file's encoding as detected. */
export type LedgerEncoding = "UTF-8" | "UTF-8 BOM" | "GB18030";

/** One field of a form as a widget renders it. */
export interface LedgerField {
  choices: FieldChoice[];
  hint?: string;
  id: string;
  idKind?: IdKind;
  kind: FieldKind;
  label: string;
  required: boolean;
  /** Required only when this other field has this value. */
  requiredWhen?: RequiredWhen;
  role?: FieldRole;
}

/** What the file was. */
export type LedgerFormat = "csv" | "xlsx";

/** Which ledger a file is. */
export type LedgerKind = "socialInsuranceSubsidy" | "people";

/** How to check a ledger. */
export interface LedgerOptions {
  check?: LedgerCheck;
  /**
   * With `check: "subsidy"`: the retirement track of the women in the
   * ledger (`female55` or `female50`), when no column says it; without it a
   * woman's period is not checked (a warning says so).
   */
  femaleTrack?: RetirementTrack | null;
  kind?: LedgerKind;
  /**
   * With `check: "eligibility"`: a program id of `listPrograms`
   * (default `flexibleEmploymentSubsidy`). With `check: "subsidy"`: a subsidy
   * program (`flexibleDifficult`, default; `flexibleGraduate`, …).
   */
  program?: string | null;
}

/** The result of `checkLedger`. */
export interface LedgerReport {
  asOf: IsoDate;
  /**
   * Warnings about the rules themselves: unsure values, example packs, and the
   * calculator's own notes.
   */
  caveats: string[];
  check: LedgerCheck;
  /** Every document the result rests on, each once. */
  citations: Citation[];
  columns: LedgerColumn[];
  encoding?: LedgerEncoding;
  format: LedgerFormat;
  /** The header row as Excel numbers it (title and group rows above it). */
  headerRow: number;
  kind: LedgerKind;
  lang: Lang;
  /** The mapping used: field → header. */
  mapping: { [key: string]: string };
  /** Sentences about the whole file (a field no column has, …). */
  notes: string[];
  /** The packs in force, most specific first, with one hash over them. */
  pack: PackStamp;
  /** Every parameter the result used, each once (by key and effective date). */
  parameters: ParamRef[];
  program?: string;
  /** Rows with a problem, in the file's order. */
  rows: RowReport[];
  summary: LedgerSummary;
}

/** The counts: `fine + withWarnings + withErrors + unreadable + empty = rowsRead`. */
export interface LedgerSummary {
  byProblem: ProblemCount[];
  empty: number;
  fine: number;
  /** Data rows read (below the header). */
  rowsRead: number;
  unreadable: number;
  withErrors: number;
  /** Rows with warnings and no error. */
  withWarnings: number;
}

/** A material id with why it is in a list. */
export interface ListedMaterial {
  material: string;
  name: string;
  reason: string;
}

/** What [`PackSet::load`] did. */
export interface LoadReport {
  pack: PackRef;
  parameters: number;
  /** The pack it replaced, if one was loaded for the same region. */
  replaced?: PackRef;
}

/** Who borrows. */
export type LoanBorrower = "individual" | "partnership" | "enterprise";

/** One period of the schedule. */
export interface LoanPeriod {
  /** Principal outstanding after this period, yuan. */
  balance: string;
  /** The borrower's part of the interest, yuan. */
  borrowerInterest: string;
  /** Days since the previous due date (or the contract date). */
  days: number;
  due: IsoDate;
  /** Interest for the period, yuan (borrower's part + subsidy). */
  interest: string;
  /** The period's number, from 1. */
  n: number;
  /** Principal repaid this period, yuan. */
  principal: string;
  /** False for overdue and extension periods. */
  subsidised: boolean;
  /** The treasury's interest subsidy (财政贴息) for the period, yuan. */
  subsidy: string;
}

/** Something about the request that the quote had to adjust or refuse. */
export interface LoanProblem {
  /**
   * `amountAboveCap`, `termAboveCap`, `rateAboveCap`, `subsidyLimitReached`,
   * `refinancing`, `jobsCreatedNotCounted` (a partnership's cap counts
   * partners, not jobs).
   */
  code: string;
  message: string;
}

/** The answer. */
export interface LoanQuote {
  /** The contract rate used, percent a year. */
  annualRate: string;
  borrower: LoanBorrower;
  /** The borrower's part of the interest, yuan. */
  borrowerInterest: string;
  /** What the borrower pays, percent a year. */
  borrowerRate: string;
  /**
   * Warnings about the rules themselves: unsure values, example packs, and the
   * calculator's own notes.
   */
  caveats: string[];
  /** Every document the result rests on, each once. */
  citations: Citation[];
  dayCount: string;
  explanation: string[];
  /** The treasury's interest subsidy over the schedule, yuan. */
  fiscalSubsidy: string;
  /** The 1-year LPR on the contract date, percent a year. */
  lpr: string;
  lprEffectiveFrom: IsoDate;
  /** The cap on the contract date, yuan (never 0: a cap of 0 is an error). */
  maxAmount: string;
  /** The longest term, months. */
  maxTermMonths: number;
  /** The packs in force, most specific first, with one hash over them. */
  pack: PackStamp;
  /** Every parameter the result used, each once (by key and effective date). */
  parameters: ParamRef[];
  problems: LoanProblem[];
  /** The amount the quote is for, yuan: the request, or the cap when above it. */
  quotedAmount: string;
  /** The term the quote is for, months. */
  quotedTermMonths: number;
  /** LPR + cap, percent a year. */
  rateCap: string;
  /**
   * The cap over the LPR in basis points (100 bp = 1 percentage point): the
   * local figure, else the province's tier (east / central and west), else
   * the national fallback.
   */
  rateCapBp: number;
  /** `lprMinus150`, `halfOfActual`, `custom` or `none`. */
  regime: string;
  repayment: LoanRepayment;
  /** The amount asked for, yuan. */
  requestedAmount: string;
  schedule: LoanPeriod[];
  /** What the treasury pays, percent a year. */
  subsidyRate: string;
  /** Interest over the whole schedule, yuan. */
  totalInterest: string;
  /** Principal repaid over the schedule, yuan (= the quoted amount). */
  totalPrincipal: string;
}

/** The question. */
export interface LoanQuoteInput {
  /** The amount asked for, in yuan (`"300000"` = 30万元), above 0. */
  amount: string | number;
  /**
   * The contract rate in **percent a year** (`"3.5"` = 3.5% a year, not
   * `"0.035"`: a rate below 1 is refused as a ratio typed by mistake);
   * default the rate cap.
   */
  annualRate?: string | number | null;
  borrower: LoanBorrower;
  /** 贷款合同签订日: the LPR, caps and subsidy regime are those in force then. */
  contractDate: IsoDate;
  /** 展期: months added after the term, interest only, no subsidy. */
  extensionMonths?: number;
  /**
   * Jobs the business created, a count of people (for a local higher cap;
   * not counted for partnerships, which the quote's problems then say).
   */
  jobsCreated?: number | null;
  /**
   * Periods repaid late, numbered from 1 as in `schedule[].n` (extension
   * periods included), each once: no subsidy for them. A number outside the
   * schedule is an error.
   */
  overduePeriods?: number[];
  /**
   * Partnerships only, and required for them: the number of partners who
   * are in an eligible group (at least 1). An error for other borrowers.
   */
  partners?: number | null;
  /** How many subsidised guaranteed loans the borrower had before (a count). */
  previousSubsidisedLoans?: number;
  /** 借新还旧: no subsidy. */
  refinancing?: boolean;
  repayment: LoanRepayment;
  /** The term in months (36 = 3 years), at least 1. */
  termMonths: number;
}

/** How the loan is repaid. */
export type LoanRepayment = "interestMonthly" | "interestQuarterly" | "equalInstalments" | "equalPrincipal";

/** How a document is brought. */
export type MaterialForm = "original" | "copy" | "originalAndCopy" | "form" | "signed";

/** The answer of [`check_materials`]. */
export interface MaterialsReport {
  applicant: Applicant;
  applicationType: string;
  asOf: IsoDate;
  /**
   * Warnings about the rules themselves: unsure values, example packs, and the
   * calculator's own notes.
   */
  caveats: string[];
  checklist: ChecklistItem[];
  /** Every document the result rests on, each once. */
  citations: Citation[];
  commitments: ListedMaterial[];
  /** Missing or invalid non-key materials that may follow by the deadline. */
  deferrable: ListedMaterial[];
  deferralDeadline?: IsoDate;
  deferred: ListedMaterial[];
  /** Provided but not needed for this application. */
  extra: string[];
  invalid: ListedMaterial[];
  lang: Lang;
  missing: ListedMaterial[];
  /** `checklist` when nothing was said to be provided, else `check`. */
  mode: string;
  /** The packs in force, most specific first, with one hash over them. */
  pack: PackStamp;
  /** Every parameter the result used, each once (by key and effective date). */
  parameters: ParamRef[];
  /** Questions whose answers would settle conditional materials. */
  questions: Question[];
  region: string;
  summary: string;
  title: string;
  verdict: MaterialsVerdict;
  waived: ListedMaterial[];
}

/** Overall answer. */
export type MaterialsVerdict = "complete" | "incomplete" | "acceptableWithDeferral";

/** One document of the merged materials list. */
export interface MergedMaterial {
  /** The applications (program titles) it serves. */
  applications: string[];
  citation: Citation;
  /** When it is needed only in a case not decided yet. */
  condition?: string;
  /** How to bring it ("原件及复印件1份"): the most any application asks. */
  how: string;
  issuer: string;
  key: boolean;
  material: string;
  name: string;
}

/** A fact still needed, with its question and how much it would settle. */
export type MissingFact = {
  /** The criteria it would settle. */
  criteria: string[];
  fact: string;
  hint?: string;
  question: string;
  /** Higher settles more (see the module docs). */
  weight: number;
} & ({
  type: "yesNo";
} | {
  type: "date";
} | {
  type: "month";
} | {
  type: "number";
} | {
  type: "money";
} | {
  type: "decimal";
} | {
  options: ChoiceOption[];
  type: "choice";
} | {
  options: ChoiceOption[];
  type: "multiChoice";
} | {
  type: "household";
} | {
  type: "text";
});

/** A month's contributions, for `contributions.months`. */
export interface MonthAmounts {
  medical?: string | number | null;
  month: YearMonth;
  pension?: string | number | null;
  unemployment?: string | number | null;
}

/** How to apply: the procedure's steps and the time limits the packs set. */
export interface NextSteps {
  citation?: Citation;
  steps: string[];
  timeLimits?: string[];
}

/** Retirement under the rules before the reform, for comparison. */
export interface OriginalRetirement {
  ageYears: number;
  retirementDate: IsoDate;
  retirementMonth: YearMonth;
}

/** The overall answer. */
export type Outcome = "eligible" | "ineligible" | "undetermined";

/** The packs in force for a region. */
export interface PackInfo {
  /** Regions with a loaded overlay. */
  loaded: string[];
  pack: PackStamp;
  region: string;
  titles: string[];
}

/** Identifies one pack in a result. */
export interface PackRef {
  example?: boolean;
  hash: string;
  id: string;
  region: string;
  version: string;
}

/** The packs a result was computed with, most specific first, and one hash over them. */
export interface PackStamp {
  hash: string;
  packs: PackRef[];
}

/** A parameter as cited in a result: value, unit, status, citation, source. */
export interface ParamRef {
  citation: Citation;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  key: string;
  label: string;
  lastVerified: IsoDate;
  /** The region whose pack set the value (`000000` for national). */
  locality: string;
  /** `id@version` of that pack. */
  pack: string;
  /** The value in machine form ("300000", "3.00", "2/3"). */
  raw: string;
  status: ParamStatus;
  unit: ParamUnit;
  /** The value as people read it ("30万元", "3%"). */
  value: string;
}

/** Whether overlays may change a parameter. */
export type ParamScope = "national" | "regional";

/** How sure the pack's authors are of a value. */
export type ParamStatus = "verified" | "secondary" | "unsure" | "local-practice";

/** What a parameter's values are. */
export type ParamUnit = "bool" | "yuan" | "percent" | "ratio" | "bp" | "months" | "years" | "count" | "date" | "month" | "enum" | "list" | "text";

/** A parameter with its value in force (if any). */
export interface ParameterListing {
  /** The value in force, if any. */
  current?: ParamRef;
  key: string;
  label: string;
  scope: ParamScope;
  unit: ParamUnit;
}

/** The overall answer of the pre-check. */
export type PrecheckVerdict = "ready" | "hasErrors" | "notEligible" | "materialsIncomplete";

/** One thing wrong with a number, in plain words. */
export interface Problem {
  /** Stable machine code, e.g. `checkDigit`, `length`, `character`. */
  code: string;
  /** What is wrong and what to do, in the requested language. */
  message: string;
  /** 1-based position in the normalised number the problem is about, if any. */
  position?: number;
  severity: Severity;
}

/** How many rows had a problem of one code. */
export interface ProblemCount {
  code: string;
  /** The problem's name for people. */
  label: string;
  /** Rows with it. */
  rows: number;
  severity: Severity;
}

/** One program in the finding. */
export interface ProgramFinding {
  /**
   * The answers in this program's own vocabulary, for `checkEligibility`
   * and the program's widget.
   */
  answers: { [key: string]: unknown };
  /** The `checkMaterials` application type, if the program has one. */
  application?: string;
  /**
   * What `checkEligibility` gives for `answers`, its sources in the
   * finding's (absent with a problem).
   */
  determination?: ProgramVerdict;
  /** Likely or open: what it would give. */
  gives?: Gives;
  /** Likely or open: how to apply. */
  nextSteps?: NextSteps;
  problems?: FinderProblem[];
  program: string;
  /**
   * Open: the question that would settle this program soonest (its own
   * next question, under the finder's id).
   */
  settlingQuestion?: Question;
  standing: Standing;
  /** The determination's one-line summary, or the problem. */
  summary: string;
  title: string;
  /** Ruled out: the first condition not met, in one line. */
  whyNot?: string;
}

/** A program as listed to callers. */
export interface ProgramInfo {
  /** The `checkMaterials` application type for its materials, if any. */
  application?: string;
  facts: Question[];
  id: string;
  title: string;
}

/**
 * A program's determination as `checkEligibility` gives it, in brief: the
 * outcome, the criteria (each with its reason, values and citation; the
 * parameters they compare with are in the finding's sources, as every other
 * source: [`Finding::sourced`]) and the determination id, by which
 * `checkEligibility` on the program's `answers` gives the whole of it. Its
 * missing facts are in the finding's, summed.
 */
export interface ProgramVerdict {
  criteria: Criterion[];
  determinationId: string;
  outcome: Outcome;
  summary: string;
}

/** What the applicant brought for one material. */
export interface ProvidedItem {
  amount?: string | number | null;
  /** A signed commitment (告知承诺) instead of the document. */
  commitment?: boolean;
  copies?: number | null;
  /** `original`, `copy` or `originalAndCopy`. */
  form?: MaterialForm | null;
  holderId?: string | null;
  holderName?: string | null;
  issuedOn?: IsoDate | null;
  /** On a contribution receipt: the insurance kinds, months and total paid. */
  kinds?: string[] | null;
  /** Will be brought later (容缺受理). */
  later?: boolean;
  months?: number | null;
  /** The number on it (checked like `validateId` when the material has an idKind). */
  number?: string | null;
  validUntil?: IsoDate | null;
}

/** A fact with its question in one language, as results list it. */
export type Question = {
  fact: string;
  hint?: string;
  question: string;
} & ({
  type: "yesNo";
} | {
  type: "date";
} | {
  type: "month";
} | {
  type: "number";
} | {
  type: "money";
} | {
  type: "decimal";
} | {
  options: ChoiceOption[];
  type: "choice";
} | {
  options: ChoiceOption[];
  type: "multiChoice";
} | {
  type: "household";
} | {
  type: "text";
});

/** "Required when `field` is `is`". */
export interface RequiredWhen {
  field: string;
  is: unknown;
}

/** The question: whose retirement. */
export interface RetirementInput {
  birthDate: IsoDate;
  /**
   * Months (not years) of pension contributions paid as of `asOf`, if
   * known (180 = 15 years); then the result says when the minimum is met,
   * assuming contributions continue. More than the months since birth is
   * set aside with a problem.
   */
  contributionMonths?: number | null;
  track: RetirementTrack;
}

/**
 * Something about the question the answer had to set aside: an impossible
 * contribution count, a date of birth after `asOf`.
 */
export interface RetirementProblem {
  /** `birthDateAfterAsOf`, `contributionMonthsTooMany`. */
  code: string;
  message: string;
  /** The input field it is about (`birthDate`, `contributionMonths`). */
  path: string;
}

/** The answer to [`statutory_retirement`]. */
export interface RetirementResult {
  ageMonths: number;
  /** The statutory retirement age, years and months. */
  ageYears: number;
  asOf: IsoDate;
  birthDate: IsoDate;
  /**
   * Warnings about the rules themselves: unsure values, example packs, and the
   * calculator's own notes.
   */
  caveats: string[];
  /** Every document the result rests on, each once. */
  citations: Citation[];
  /**
   * Omitted when `contributionMonths` was not given, or could not be right
   * (then a problem says so).
   */
  contribution?: ContributionCheck;
  /** Months added to the original age by the 2025 reform. */
  delayMonths: number;
  /** The steps, in plain words. */
  explanation: string[];
  flexible: FlexibleWindow;
  /**
   * Minimum contribution in years (`"15.5"` = 15 years 6 months) for a
   * monthly pension when retiring at the statutory age.
   */
  minContributionYears: string;
  original: OriginalRetirement;
  /** The packs in force, most specific first, with one hash over them. */
  pack: PackStamp;
  /** Every parameter the result used, each once (by key and effective date). */
  parameters: ParamRef[];
  /** What in the question was set aside, and why (empty when nothing was). */
  problems: RetirementProblem[];
  /** The day the statutory age is reached. */
  retirementDate: IsoDate;
  /** The month the statutory age is reached. */
  retirementMonth: YearMonth;
  track: RetirementTrack;
}

/**
 * Which retirement-age track applies. The ages of each track are parameters
 * (`retirement.<track>.originalAge`, `.maxDelayMonths`): [`track_label`] states them.
 */
export type RetirementTrack = "male" | "female55" | "female50";

/** One problem in one cell (or in the row as a whole). */
export interface RowProblem {
  /** The cell as Excel names it (`C5`), when the problem is in one. */
  cell?: string;
  /** Stable code: `idScientific`, `idDigitsLost`, `duplicateId`, … */
  code: string;
  /** The field (mapping key), when the problem is in one. */
  field?: string;
  /** What is wrong and what to do, in plain words, in the requested language. */
  message: string;
  severity: Severity;
}

/** A row with problems, for the problem table. */
export interface RowReport {
  problems: RowProblem[];
  /** The row number as Excel and WPS show it (1-based, title rows counted). */
  row: number;
  status: RowStatus;
}

/** A row's status in the annotated ledger. */
export type RowStatus = "fine" | "warnings" | "errors" | "unreadable" | "empty";

/** Options of every rule-based function. Unknown keys are ignored. */
export interface RuleOptions {
  /**
   * The date the rules are applied for; default: today on this device.
   * Read as people type dates (1978-03-10, 1978/03/10, 19780310, 1978年3月10日).
   */
  asOf?: IsoDate | null;
  lang?: Lang | null;
  /** GB/T 2260 region code; default "000000" (national). */
  region?: string | null;
}

/** One risk flag. */
export interface ScreeningFlag {
  answer: string;
  citation: Citation;
  id: string;
  question: string;
  reason: string;
  /** `blocker`, `high`, `medium` or `verify`. */
  severity: string;
  verify: string;
}

/** The answer. */
export interface ScreeningResult {
  /**
   * Warnings about the rules themselves: unsure values, example packs, and the
   * calculator's own notes.
   */
  caveats: string[];
  /** Every document the result rests on, each once. */
  citations: Citation[];
  counterGuarantee?: GuaranteeAdvice;
  flags: ScreeningFlag[];
  /** Questions still unanswered (all of them). */
  missing: Question[];
  /** The packs in force, most specific first, with one hash over them. */
  pack: PackStamp;
  /** Every parameter the result used, each once (by key and effective date). */
  parameters: ParamRef[];
  /** `recommend`, `recommendWithConditions`, `doNotRecommend` or `incomplete`. */
  recommendation: string;
  summary: string;
  verifyOnSite: string[];
}

/** How bad a problem is: an error makes the number invalid, a warning does not. */
export type Severity = "error" | "warning";

/** The part every result carries: what it was computed from. */
export interface Sourced {
  /**
   * Warnings about the rules themselves: unsure values, example packs, and the
   * calculator's own notes.
   */
  caveats: string[];
  /** Every document the result rests on, each once. */
  citations: Citation[];
  /** The packs in force, most specific first, with one hash over them. */
  pack: PackStamp;
  /** Every parameter the result used, each once (by key and effective date). */
  parameters: ParamRef[];
}

/** Where a program stands with the answers so far. */
export type Standing = "likely" | "open" | "ruledOut" | "problem";

/** A parameter status and its wording. */
export interface StatusLabel {
  label: Text;
  status: ParamStatus;
}

/**
 * The contributions actually paid: the same every month (`perMonth`), a base
 * and rates (`base` × `rates`), or month by month (`months`; a month not listed
 * had no contribution). Later forms override earlier ones for the months they cover.
 */
export interface SubsidyContributions {
  /** The contribution base, yuan a month (needs `rates`). */
  base?: string | number | null;
  /** Month by month, yuan by kind; each month once. */
  months?: MonthAmounts[];
  /** The same contributions every month, yuan a month by kind. */
  perMonth?: KindAmountsInput | null;
  /**
   * Rates as ratios of the base, 0 to 1, e.g. `{ "pension": "0.20" }` for
   * 20% (needs `base`; `20` is refused).
   */
  rates?: KindAmountsInput | null;
}

/** One month of the table. */
export interface SubsidyMonth {
  /** Negative yuan when the local monthly cap cut the month's total. */
  capAdjustment?: string;
  /** Subsidy by kind, before any monthly cap. */
  insurance: KindAmounts;
  month: YearMonth;
  /** Contributions paid that month, by kind. */
  paid: KindAmounts;
  /** The post subsidy (public-welfare posts), yuan for the month. */
  post?: string;
  /** The month's subsidy, yuan. */
  subsidy: string;
}

/** The person the subsidy is for. */
export interface SubsidyPerson {
  birthDate: IsoDate;
  retirementTrack: RetirementTrack;
}

/** The answer. */
export interface SubsidyPlan {
  asOf: IsoDate;
  /**
   * Warnings about the rules themselves: unsure values, example packs, and the
   * calculator's own notes.
   */
  caveats: string[];
  /** Every document the result rests on, each once. */
  citations: Citation[];
  endMonth: YearMonth;
  explanation: string[];
  monthly: SubsidyMonth[];
  /**
   * Months in this period: end − start + 1, at least 1 (an input that would
   * leave none is an error).
   */
  months: number;
  /** Entitlement left after this period (0 when it runs to its end). */
  monthsRemaining: number;
  /** Whole months from the first approval to the retirement day. */
  monthsToRetirementAtFirstApproval: number;
  /** Months paid in earlier approvals, as given. */
  monthsUsed: number;
  /** The packs in force, most specific first, with one hash over them. */
  pack: PackStamp;
  /** Every parameter the result used, each once (by key and effective date). */
  parameters: ParamRef[];
  /** Post subsidy over the period, yuan. */
  postTotal?: string;
  program: SubsidyProgram;
  retirementDate: IsoDate;
  retirementMonth: YearMonth;
  startMonth: YearMonth;
  /** What ended the period early, if anything. */
  stoppedBy?: string;
  title: string;
  /** The whole period's subsidy, yuan (the sum of the months). */
  total: string;
  /** Subsidy over the period by kind, yuan. */
  totals: KindAmounts;
  /**
   * The period runs until retirement (fewer than
   * `subsidy.nearRetirement.thresholdMonths` left at the first approval).
   */
  untilRetirement: boolean;
}

/** The question. */
export interface SubsidyPlanInput {
  contributions?: SubsidyContributions;
  events?: SubsidyStopEvent[];
  /** The first approval (初次核定): the near-retirement extension is judged on it. */
  firstApprovedOn: IsoDate;
  /**
   * Months already paid in earlier approvals (a count of months), less than
   * the program's maximum unless the period runs to retirement.
   */
  monthsUsed?: number;
  person: SubsidyPerson;
  program: SubsidyProgram;
  /** Start of this period (default `firstApprovedOn`). */
  startOn?: IsoDate | null;
}

/** Which subsidy. */
export type SubsidyProgram = "flexibleDifficult" | "flexibleGraduate" | "employerDifficult" | "publicWelfarePost";

/** A change that stops the subsidy (see `assistancePlan` for the kinds). */
export interface SubsidyStopEvent {
  date: IsoDate;
  kind: AssistanceEventKind;
}

/** A message in both languages. Build it with [`Text::new`] or the [`t!`](crate::t) macro. */
export interface Text {
  en: string;
  "zh-CN": string;
}

/** A calendar month, "YYYY-MM". */
export type YearMonth = string;
