// Compiled (not run) by `tsc --noEmit` in the test command: the published .d.ts
// must type an integrator's ordinary use of the API, and reject misuse.
import init, {
  validateId, validateIds, isValidId, validateForm, kitInfo, loadPack, packInfo, getParameter, listParameters,
  statutoryRetirement, checkEligibility, listPrograms, resetPacks, unloadPack, findPrograms,
} from "../../web/pkg/zhuchuang_web.js";
import type {
  IdCheck, IdBrief, FormReport, Problem, LoadReport, ParamRef, RetirementResult, Determination,
  ZhuchuangError, PackProblem, Finding,
} from "../../web/pkg/zhuchuang_web.js";

export async function example(localPack: string): Promise<string> {
  await init();
  const r: IdCheck = validateId("residentId", "11010519491231002X", { lang: "en", today: "2026-11-21" });
  const first: Problem | undefined = r.problems[0];
  const gender: "male" | "female" | undefined = r.details.gender;
  const form: FormReport = validateForm({ name: "张三", mobile: "13800138000" });
  // @ts-expect-error: kinds are a closed set.
  validateId("passport", "x");
  // @ts-expect-error: lang is "zh-CN" or "en".
  validateId("mobile", "x", { lang: "fr" });
  const ok: boolean = isValidId("mobile", "13800138000");
  const column: IdBrief[] = validateIds("residentId", ["110105491231002", "x"], { today: "2026-11-21" });
  const stored: string | undefined = column[0]?.normalized;
  // @ts-expect-error: validateIds takes an array of strings.
  validateIds("mobile", "13800138000");

  let loaded: LoadReport | undefined;
  try {
    loaded = loadPack(localPack);
  } catch (e) {
    const problems: PackProblem[] = (e as ZhuchuangError & { problems: PackProblem[] }).problems;
    return problems.map((p) => `${p.path}: ${p.message}`).join("\n");
  }
  const lpr: ParamRef = getParameter("loan.lpr1y", { region: loaded.pack.region, asOf: "2026-11-21" });
  const chain = packInfo({ region: "440305" }).pack.packs.map((p) => p.id);
  const count = listParameters().filter((p) => p.current?.status === "unsure").length;
  const ret: RetirementResult = statutoryRetirement({ birthDate: "1970-01-15", track: "male" });
  // @ts-expect-error: tracks are a closed set.
  statutoryRetirement({ birthDate: "1970-01-15", track: "man" });
  const d: Determination = checkEligibility("flexibleRetirement", { birthDate: "1970-01-15" }, { asOf: "2026-11-21" });
  const next = d.outcome === "undetermined" ? d.nextQuestion?.question : d.summary;
  const programs = listPrograms().map((p) => p.id);
  const found: Finding = findPrograms({ birthDate: "1975-03-01" }, { asOf: "2026-11-21", programs: ["loanIndividual"] });
  const likely = found.programs.filter((p) => p.standing === "likely").map((p) => p.gives?.summary);
  const ask = found.nextQuestion?.question ?? found.summary;
  // @ts-expect-error: programs are ids.
  findPrograms({}, { programs: ["noSuchProgram"] });
  unloadPack("440300");
  resetPacks();
  return [kitInfo().version, first?.code, gender, form.valid, lpr.value, chain, count,
    ret.retirementMonth, next, programs, d.determinationId, likely, ask, found.counts.open].join(" ");
}

import { checkMaterials, listApplications } from "../../web/pkg/zhuchuang_web.js";
import type { MaterialsReport } from "../../web/pkg/zhuchuang_web.js";

export function staffCheck(): string {
  const list: MaterialsReport = checkMaterials("difficultPerson", { categories: ["dibao"] });
  const report = checkMaterials("flexibleSubsidy", { subsidyGroup: "graduate" },
    { residentIdCard: { number: "11010519491231002X" }, bankCard: { later: true } }, { asOf: "2026-11-21" });
  // @ts-expect-error: a provided item is true or details.
  checkMaterials("difficultPerson", {}, { residentIdCard: "yes" });
  const titles = listApplications({ lang: "en" }).map((a) => a.title);
  return [list.checklist.length, report.verdict, report.deferralDeadline, titles].join(" ");
}

import { assistancePlan } from "../../web/pkg/zhuchuang_web.js";

export function assistance(): string {
  const plan = assistancePlan({ level: "II", events: [{ kind: "employedByUnit", date: "2026-03-10" }], receiving: ["flexibleSubsidy"] });
  // @ts-expect-error: levels are I, II, III.
  assistancePlan({ level: "IV" });
  const d = checkEligibility("difficultPerson", { household: [{ relation: "配偶", workingAge: true, status: "unemployed" }] });
  return `${plan.stops.map((s) => s.reason).join(";")} ${d.outcome}`;
}

import { subsidyPlan, subsidyPlanCsv } from "../../web/pkg/zhuchuang_web.js";

export function subsidy(): string {
  const input = { program: "flexibleDifficult" as const, person: { birthDate: "1966-01-15", retirementTrack: "male" as const },
    firstApprovedOn: "2021-06-15", contributions: { perMonth: { pension: "800" } } };
  const p = subsidyPlan(input, { asOf: "2026-11-21" });
  // @ts-expect-error: programs are a closed set.
  subsidyPlan({ ...input, program: "other" });
  return `${p.months} ${p.untilRetirement} ${p.total} ${subsidyPlanCsv(input).length}`;
}

import { loanQuote, screenProject, screeningQuestions } from "../../web/pkg/zhuchuang_web.js";

export function loan(): string {
  const q = loanQuote({ borrower: "individual", amount: "300000", termMonths: 12, contractDate: "2025-06-01", repayment: "equalPrincipal" }, { region: "440300" });
  // @ts-expect-error: repayment methods are a closed set.
  loanQuote({ borrower: "individual", amount: "1", termMonths: 1, contractDate: "2025-06-01", repayment: "balloon" });
  const s = screenProject({ profitable: "yes", loanAmount: "50000" });
  return `${q.fiscalSubsidy} ${q.schedule.length} ${s.recommendation} ${screeningQuestions().length}`;
}

import type { Sourced } from "../../web/pkg/zhuchuang_web.js";

/** One renderer for the sources of any result: every calculator's result is Sourced. */
function sources(r: Sourced): string {
  const unsure = r.parameters.filter((p) => p.status === "unsure").map((p) => p.label);
  return [r.citations.map((c) => c.document).join("; "), unsure.join(", "), r.caveats.length, r.pack.hash].join(" | ");
}

export function allSourced(): string[] {
  return [
    sources(statutoryRetirement({ birthDate: "1970-01-15", track: "male" })),
    sources(checkEligibility("flexibleRetirement", { birthDate: "1970-01-15" })),
    sources(checkMaterials("difficultPerson")),
    sources(subsidyPlan({ program: "flexibleDifficult", person: { birthDate: "1966-01-15", retirementTrack: "male" }, firstApprovedOn: "2021-06-15" })),
    sources(loanQuote({ borrower: "individual", amount: "300000", termMonths: 12, contractDate: "2025-06-01", repayment: "equalPrincipal" })),
  ];
}

import type { Question, RuleOptions, SubsidyPlanInput, KitInfo } from "../../web/pkg/zhuchuang_web.js";

/** The generated types: inputs an integrator builds, and a question narrowed by its type. */
export function generatedTypes(): string {
  const options: RuleOptions = { lang: "en", asOf: "2026-11-21", region: "440300" };
  // @ts-expect-error: options.lang is "zh-CN" or "en".
  const bad: RuleOptions = { lang: "fr" };
  const input: SubsidyPlanInput = { program: "publicWelfarePost", person: { birthDate: "1970-01-15", retirementTrack: "female50" },
    firstApprovedOn: "2025-01-10", contributions: { perMonth: { pension: 800, medical: "300.50" } } };
  const labels = (q: Question): string[] => (q.type === "choice" || q.type === "multiChoice" ? q.options.map((o) => o.label) : [q.question]);
  const info: KitInfo = kitInfo();
  return [listPrograms(options).flatMap((p) => p.facts.flatMap(labels)).length, subsidyPlan(input, options).total,
    info.nationalPack.hash, bad.lang].join(" ");
}

import { checkApplication, listForms } from "../../web/pkg/zhuchuang_web.js";
import type { ApplicationCheck, FormInfo } from "../../web/pkg/zhuchuang_web.js";

export function preCheck(): string {
  const forms: FormInfo[] = listForms({ lang: "en" });
  const r: ApplicationCheck = checkApplication("flexibleSubsidy", { name: "王伟", claimMonths: "6" },
    { insuranceReceipt: { kinds: ["pension"], months: 6, amount: "6600" } }, { asOf: "2026-11-21" });
  // @ts-expect-error: a provided item is true or details.
  checkApplication("flexibleSubsidy", {}, { residentIdCard: "yes" });
  const fields = forms.flatMap((f) => f.fields.map((x) => `${x.id}:${x.kind}`));
  return [r.verdict, r.determinationId, r.problems.map((p) => `${p.path} ${p.severity}`), r.plan?.endMonth, fields].join(" ");
}
