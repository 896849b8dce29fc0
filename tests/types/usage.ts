// Compiled (not run) by `tsc --noEmit` in the test command: the published .d.ts
// must type an integrator's ordinary use of the API, and reject misuse.
import init, { validateId, validateForm, kitInfo } from "../../web/pkg/zhuchuang_web.js";
import type { IdCheck, FormReport, Problem } from "../../web/pkg/zhuchuang_web.js";

export async function example(): Promise<string> {
  await init();
  const r: IdCheck = validateId("residentId", "11010519491231002X", { lang: "en", today: "2026-11-21" });
  const first: Problem | undefined = r.problems[0];
  const gender: "male" | "female" | undefined = r.details.gender;
  const form: FormReport = validateForm({ name: "张三", mobile: "13800138000" });
  // @ts-expect-error: kinds are a closed set.
  validateId("passport", "x");
  // @ts-expect-error: lang is "zh-CN" or "en".
  validateId("mobile", "x", { lang: "fr" });
  return `${kitInfo().version} ${first?.code ?? ""} ${gender ?? ""} ${form.valid}`;
}
