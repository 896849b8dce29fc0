// Prints raw, gzip (level 9) and brotli (quality 11) sizes of the given files.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = process.argv.slice(2).map((file) => {
  const data = readFileSync(file);
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;
  return [file, kb(data.length), kb(gz), kb(br)];
});
const header = ['file', 'raw', 'gzip -9', 'brotli -11'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log('\nSize report (after wasm-opt -Oz):');
console.log(line(header));
for (const r of rows) console.log(line(r));
