// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every
// text and wasm file of www/dist, as a host serves them precompressed
// (scripts/serve.mjs does; the guide's hosting section gives the headers).
//
//   node scripts/precompress.mjs [dir]      (default www/dist)
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.argv[2] ?? join(root, 'www/dist');
const EXTS = new Set(['.js', '.mjs', '.wasm', '.css', '.json', '.html', '.svg', '.txt']);

function* files(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (EXTS.has(extname(p))) yield p;
  }
}

let count = 0;
let raw = 0;
let br = 0;
for (const f of files(dir)) {
  const body = readFileSync(f);
  const mode = extname(f) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT;
  const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: mode, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  const g = gzipSync(body, { level: 9 });
  writeFileSync(`${f}.br`, b);
  writeFileSync(`${f}.gz`, g);
  count += 1;
  raw += body.length;
  br += b.length;
}
console.log(`precompressed ${count} files in ${dir}: ${(raw / 1024).toFixed(0)} KiB → ${(br / 1024).toFixed(0)} KiB brotli`);
