// A static file server for the demo site, on loopback only, with the strict
// Content-Security-Policy a government portal would send. No dependencies.
//
//   node scripts/serve.mjs [port]      (default 8080; 0 picks a free port)
//
// Serves www/ at /, and the browser API package web/pkg at /pkg/.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const mounts = [
  ['/pkg/', join(root, 'web/pkg')],
  ['/', join(root, 'www')],
];
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};
export const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
  "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
  "frame-ancestors 'none'", "form-action 'self'",
].join('; ');

async function resolvePath(urlPath, mounts) {
  for (const [prefix, dir] of mounts) {
    if (!urlPath.startsWith(prefix)) continue;
    let rel = decodeURIComponent(urlPath.slice(prefix.length));
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir)) return null;
    try {
      const s = await stat(file);
      return s.isDirectory() ? join(file, 'index.html') : file;
    } catch { return null; }
  }
  return null;
}

/** The CSP of a page: the iframe-mode page may be framed by the origins
 * `frameAncestors` names (the portal's), every other page by none. */
export function cspFor(pathname, frameAncestors = "'self' http://127.0.0.1:*") {
  if (!pathname.endsWith('/frame.html')) return CSP;
  return CSP.replace("frame-ancestors 'none'", `frame-ancestors ${frameAncestors}`);
}

// The demo's parent page for the iframe mode, served on its own port (another
// origin), as a portal embedding the widgets' site would be.
const parentRoot = join(root, 'www/frame-parent');
const PARENT_CSP = (frames) => [
  "default-src 'self'", `script-src 'self' ${frames}`, "style-src 'self'", `frame-src ${frames}`,
  "img-src 'self' data:", "object-src 'none'", "base-uri 'none'",
].join('; ');

/** Serves the iframe demo's parent page (www/frame-parent/) on `port`, framing
 * the widgets' site at `frames` (an origin, e.g. http://127.0.0.1:8080). */
export function serveParent(port, frames) {
  return listen(port, {
    mounts: [['/', parentRoot]],
    csp: () => PARENT_CSP(frames),
  });
}

/** Serves `dir` alone at / with the site's CSP: any directory of static files,
 * as a bundler-free host would (tests/e2e/packages.test.mjs serves a scratch
 * project that installed the widgets package). */
export function serveDir(port, dir) {
  return listen(port, { mounts: [['/', resolve(dir)]], csp: () => CSP });
}

/** The precompressed copy of `file` the request accepts (`.br` before `.gz`), if built. */
async function encoded(file, accept = '') {
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!new RegExp(`\\b${enc}\\b`).test(accept)) continue;
    try {
      const s = await stat(file + ext);
      if (s.isFile()) return { path: file + ext, encoding: enc, stat: s };
    } catch { /* not precompressed */ }
  }
  return null;
}

/** Serves the site as a portal's host would: the CSP, the precompressed copies
 * scripts/precompress.mjs writes (Content-Encoding, Vary), a year's immutable
 * cache for the content-hashed bundle files and an ETag with `no-cache` for the
 * rest (the loader, stylesheet, pages and packs keep their names, so every use
 * revalidates and a new build is seen at once), the pages' preload lines filled
 * from the build's manifest, and CORS on the widgets' public files. */
export function serve(port = 8080) {
  return listen(port, {
    mounts,
    csp: cspFor,
    template: preloads,
    // The widgets' files are public and may be loaded by a portal on another
    // origin (module scripts and wasm are fetched with CORS).
    cors: (pathname) => pathname.startsWith('/dist/'),
  });
}

/** The content-hashed files of a build (scripts/hash-dist.mjs): cached for a
 * year, never revalidated; a new build has new names. */
export const HASHED = /\.[0-9a-f]{10}\.(?:js|wasm)$/;

/** Fills a page's `<!-- zc:preload BUNDLE BASE -->` with that bundle's preload
 * lines from www/dist/manifest.json, as a portal's page template would (the
 * names change with every build); without a build it leaves the marker. */
async function preloads(text) {
  if (!text.includes('<!-- zc:preload ')) return { text, tag: '' };
  let manifest;
  let tag = '';
  try {
    const file = join(root, 'www/dist/manifest.json');
    manifest = JSON.parse(await readFile(file, 'utf8'));
    tag = Math.trunc((await stat(file)).mtimeMs).toString(36);
  } catch { return { text, tag }; }
  const filled = text.replace(/<!-- zc:preload ([a-z-]+) (\S*) -->/g, (marker, bundle, base) => {
    const entry = manifest.bundles[bundle];
    return entry ? entry.preload.map((l) => l.replace(/href="/, `href="${base}`)).join('\n  ') : marker;
  });
  return { text: filled, tag };
}

/** A loopback server for the files under `mounts` ([url prefix, directory]),
 * each sent with `csp(pathname)` and, where `cors(pathname)`, open CORS. */
function listen(port, { mounts, csp, cors = () => false, template = null }) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const file = await resolvePath(url.pathname, mounts);
    let info = null;
    try { info = file && await stat(file); } catch { info = null; }
    if (!info || !info.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    // A page template (the demo's preload lines) is filled before sending.
    let page = null;
    if (template && extname(file) === '.html') {
      try { page = await template(await readFile(file, 'utf8')); } catch { page = null; }
    }
    const pre = page ? null : await encoded(file, req.headers['accept-encoding']);
    const chosen = pre ?? { path: file, encoding: null, stat: info };
    const etag = `"${chosen.stat.size.toString(36)}-${Math.trunc(chosen.stat.mtimeMs).toString(36)}${page?.tag ? `-${page.tag}` : ''}${chosen.encoding ? `-${chosen.encoding}` : ''}"`;
    const headers = {
      'content-type': types[extname(file)] || 'application/octet-stream',
      'content-security-policy': csp(url.pathname),
      ...(cors(url.pathname) ? { 'access-control-allow-origin': '*' } : {}),
      ...(chosen.encoding ? { 'content-encoding': chosen.encoding } : {}),
      vary: 'accept-encoding',
      etag,
      'x-content-type-options': 'nosniff',
      'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    let body;
    try { body = page ? Buffer.from(page.text) : await readFile(chosen.path); } catch { body = null; }
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const server = await serve(port);
  const site = `http://127.0.0.1:${server.address().port}`;
  const parent = await serveParent(port === 0 ? 0 : port + 1, site);
  console.log(`zhuchuang demo: ${site}/  (Ctrl+C to stop)`);
  console.log(`iframe mode, a portal page on another origin: http://127.0.0.1:${parent.address().port}/`);
}
