// The ledger benchmark in Node: checkLedger (web/pkg-node) on a generated ledger,
// best of N runs, with peak memory (RSS).
//   node scripts/gen-ledger.mjs --rows 100000 --out /tmp/ledger-100k.csv
//   node scripts/bench-ledger.mjs /tmp/ledger-100k.csv [runs=3]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const zc = require('../web/pkg-node/zhuchuang_web.js');
const file = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const bytes = new Uint8Array(readFileSync(file));
let peak = process.memoryUsage().rss;
const times = [];
let r;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  r = zc.checkLedger(bytes, null, { asOf: '2025-06-01', formats: ['xlsx'], onProgress: () => { peak = Math.max(peak, process.memoryUsage().rss); } });
  times.push(performance.now() - t0);
  peak = Math.max(peak, process.memoryUsage().rss);
}
const s = r.summary;
console.log(JSON.stringify({
  file, bytes: bytes.length, rows: s.rowsRead, fine: s.fine, errors: s.withErrors, warnings: s.withWarnings,
  msBest: Math.round(Math.min(...times)), msAll: times.map(Math.round), peakRssMB: Math.round(peak / 1048576), xlsxBytes: r.xlsx.length,
}));
