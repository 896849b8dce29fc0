// Generates a realistic 社保补贴申报台账 (social insurance subsidy ledger) as UTF-8
// CSV with BOM, for the ledger benchmarks: mostly valid rows, and about one row
// in ten with a problem people really make (a wrong check digit, an ID Excel
// turned into 1.10105E+17 or cut to 15 digits, a trailing .0, full-width digits,
// non-breaking spaces, a date as a serial number or in another format, an amount
// in words, the same person twice). Deterministic for a seed.
//
//   node scripts/gen-ledger.mjs [--rows 100000] [--seed 1] [--out FILE]
//   node scripts/gen-ledger.mjs --id 110105 19780310 123   # one valid ID
import { writeFileSync } from "node:fs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function residentId(region, birth, seq) {
  const body = `${region}${birth}${String(seq).padStart(3, "0")}`;
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * W[i];
  return body + "10X98765432"[s % 11];
}

if (args[0] === "--id") {
  console.log(residentId(args[1], args[2], Number(args[3])));
  process.exit(0);
}

let seed = Number(opt("--seed", "1")) >>> 0 || 1;
function rand() {
  // xorshift32
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const regions = ["110105", "110108", "310104", "320102", "330106", "350102", "420106", "440106", "510107", "610113"];
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
const given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华".split("");
const kinds = ["养老、医疗", "养老", "养老、医疗、失业", "医疗"];
const pad = (n) => String(n).padStart(2, "0");

const rows = Number(opt("--rows", "100000"));
const out = opt("--out", "ledger-100k.csv");
const lines = [
  "社保补贴申报台账,,,,,,,,,,,,,",
  "申请人基本信息,,,,灵活就业,,享受期限,,,金额,,,审批,核实",
  "姓名,身份证号码,性别,联系电话,灵活就业开始日期,申请险种,享受起始月份,享受截止月份,享受月数,月缴养老保险费,月缴医疗保险费,申请金额,审批意见,核实人",
];
const seen = [];
for (let r = 0; r < rows; r++) {
  const male = rand() < 0.5;
  const year = int(1966, 1985);
  const birth = `${year}${pad(int(1, 12))}${pad(int(1, 28))}`;
  const seq = int(0, 499) * 2 + (male ? 1 : 0);
  let id = residentId(pick(regions), birth, seq);
  let name = pick(surnames) + pick(given) + (rand() < 0.6 ? pick(given) : "");
  let phone = `1${pick(["38", "39", "58", "86", "77"])}${String(int(0, 99999999)).padStart(8, "0")}`;
  const fy = int(2021, 2024);
  let since = `${fy}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  const sy = 2025, sm = int(1, 6);
  const months = int(6, 12);
  const em = sm + months - 1;
  const end = `${sy + Math.floor((em - 1) / 12)}-${pad(((em - 1) % 12) + 1)}`;
  const pension = int(700, 1100), medical = int(250, 450);
  let amount = (Math.floor(((pension + medical) * 2) / 3) * months).toFixed(2);
  // About one row in ten gets one of the usual problems.
  const trap = rand() < 0.1 ? int(0, 11) : -1;
  switch (trap) {
    case 0: id = id.slice(0, 17) + (id[17] === "1" ? "2" : "1"); break; // check digit
    case 1: id = `${id[0]}.${id.slice(1, 6)}E+17`; break; // scientific
    case 2: id = id.slice(0, 15) + "000"; break; // lost digits
    case 3: id = id + ".0"; break;
    case 4: id = [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(""); break;
    case 5: id = id + "\u00a0"; break;
    case 6: since = String(int(44197, 45657)); break; // serial number
    case 7: since = since.replaceAll("-", "/"); break;
    case 8: amount = "捌仟元"; break;
    case 9: if (seen.length) { const [i, n] = pick(seen); id = i; name = n; } break; // twice
    case 10: if (seen.length) { const [i] = pick(seen); id = i; } break; // another name
    case 11: phone = phone.slice(0, 10); break;
  }
  if (r % 97 === 0) seen.push([id, name]);
  lines.push([name, id, male ? "男" : "女", phone, since, pick(kinds), `${sy}-${pad(sm)}`, end, months, pension, medical, amount, "同意", pick(surnames) + pick(given)].join(","));
}
writeFileSync(out, "\ufeff" + lines.join("\r\n") + "\r\n");
console.error(`${rows} rows → ${out}`);
