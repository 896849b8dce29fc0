// Generates the site's parameters page (www/dist/parameters.html) from the rule
// packs themselves: the national pack and each example overlay, every parameter
// with its values by date, citation, status and last verification. Run by
// scripts/build.sh, so the published page and the calculator read the same
// files and cannot drift.
//
//   node scripts/gen-parameters.mjs [out.html]
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, 'www/dist/parameters.html');
const packs = [join(root, 'core/packs/cn.json'),
  ...readdirSync(join(root, 'core/packs/examples')).filter((f) => f.endsWith('.json')).sort()
    .map((f) => join(root, 'core/packs/examples', f))]
  .map((f) => JSON.parse(readFileSync(f, 'utf8')));
const national = packs[0];

const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
// The statuses' wording is the kit's own (kitInfo().statuses, the words a
// result's sources use), from the Node package scripts/build.sh has just built.
const require = createRequire(import.meta.url);
const STATUS = Object.fromEntries(require(join(root, 'web/pkg-node/zhuchuang_web.js')).kitInfo().statuses
  .map((s) => [s.status, [s.label['zh-CN'], s.label.en]]));
const UNIT = { yuan: '元', percent: '%', months: '个月', years: '岁/年', bp: 'BP', count: '', ratio: '', month: '', enum: '', bool: '', list: '' };

function valueText(v, unit, labels) {
  if (Array.isArray(v)) return v.map((x) => valueText(x, unit, labels)).join('、');
  if (typeof v === 'boolean') return v ? '是 yes' : '否 no';
  if (typeof v === 'object' && v !== null) return esc(JSON.stringify(v));
  const label = labels?.[v]?.['zh-CN'];
  return esc(label ? `${label}（${v}）` : `${v}${UNIT[unit] ?? ''}`);
}

function citation(c) {
  if (!c) return '';
  const parts = [c.document, c.article, c.title && c.title !== c.document ? `《${c.title}》` : null].filter(Boolean).map(esc);
  const text = parts.join(' ');
  return c.url ? `<a href="${esc(c.url)}" rel="noreferrer">${text}</a>` : text;
}

function section(pack) {
  const m = pack.meta;
  const rows = Object.entries(pack.parameters).map(([key, p]) => {
    const base = national.parameters[key] ?? {};
    const label = p.label ?? base.label ?? {};
    const unit = p.unit ?? base.unit;
    const status = STATUS[p.status] ?? [p.status, p.status];
    const values = (p.values ?? []).map((v) =>
      `<li><span class="from">${esc(v.from)}${v.to ? ` – ${esc(v.to)}` : ' 起'}</span> ${valueText(v.value, unit, pack.labels ?? national.labels)}</li>`).join('');
    return `<tr id="${esc(m.id)}-${esc(key)}">
  <th scope="row"><span lang="zh-CN">${esc(label['zh-CN'])}</span><br><span lang="en" class="en">${esc(label.en)}</span><br><code>${esc(key)}</code></th>
  <td><ul class="values">${values}</ul></td>
  <td>${citation(p.citation)}</td>
  <td class="status-${esc(p.status)}">${esc(status[0])}<br><span lang="en" class="en">${esc(status[1])}</span></td>
  <td>${esc(p.lastVerified)}</td>
</tr>`;
  }).join('\n');
  return `<section aria-labelledby="${esc(m.id)}">
<h2 id="${esc(m.id)}">${esc(m.title?.['zh-CN'])} <span lang="en" class="en">${esc(m.title?.en)}</span></h2>
<p>规则包 <code>${esc(m.id)}</code> 版本 ${esc(m.version)}，发布于 ${esc(m.publishedOn)}，地区代码 ${esc(m.region)}${m.example ? '。<strong>示例数据，并非真实地方规定。</strong>' : '。'}
${m.example ? '<span lang="en" class="en">Example data, not any real place\'s rules.</span>' : ''}</p>
<p>${esc(m.description?.['zh-CN'])} <span lang="en" class="en">${esc(m.description?.en)}</span></p>
<div class="table-wrap" role="region" aria-labelledby="${esc(m.id)}" tabindex="0">
<table>
<thead><tr><th scope="col">参数 Parameter</th><th scope="col">取值（按日期）Values by date</th><th scope="col">依据 Source</th><th scope="col">状态 Status</th><th scope="col">最后核实 Last verified</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
</section>`;
}

const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'">
<title>政策参数一览 · Policy parameters in force</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="parameters.css">
</head>
<body>
<main>
<h1>政策参数一览 <span lang="en" class="en">Policy parameters</span></h1>
<p>本页由计算器使用的规则包自动生成：每个参数的取值、生效日期、依据、核实状态和最后核实日期。计算结果与本页数字来自同一份文件。
<span lang="en" class="en">Generated from the rule packs the calculators use: every parameter with its values by date, source, status and last verification. The results and this page read the same files.</span></p>
<nav aria-label="规则包"><ul>${packs.map((p) => `<li><a href="#${esc(p.meta.id)}">${esc(p.meta.title?.['zh-CN'])}</a></li>`).join('')}</ul></nav>
${packs.map(section).join('\n')}
</main>
</body>
</html>
`;
writeFileSync(out, html);
const css = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1b1b1b;line-height:1.5}
main{max-width:1200px;margin:0 auto;padding:16px}
.en{color:#4c5559;font-size:.9em}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95em}
th,td{border-bottom:1px solid #d8d8d8;padding:6px 8px;text-align:left;vertical-align:top}
thead th{position:sticky;top:0;background:#f3f2f1}
.values{margin:0;padding-left:1.1em}
.from{font-variant-numeric:tabular-nums;color:#4c5559}
.status-unsure{color:#8a1c1c;font-weight:700}
code{font-size:.85em;overflow-wrap:anywhere}
`;
writeFileSync(out.replace(/parameters\.html$/, 'parameters.css'), css);
console.log(`parameters page: ${out} (${packs.length} packs, ${packs.reduce((n, p) => n + Object.keys(p.parameters).length, 0)} parameters)`);
