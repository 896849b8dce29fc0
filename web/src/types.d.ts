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
