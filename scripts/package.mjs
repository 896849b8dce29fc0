// Assembles the two npm packages an integrator installs, from what
// scripts/build.sh built, into target/npm/<name>/ (then `npm pack` in each):
//
//   zhuchuang          the JS/TS API: Node (web/pkg-node, CommonJS, synchronous)
//                      and browsers/bundlers (web/pkg, an ES module with init()),
//                      chosen by the `exports` conditions
//   zhuchuang-widgets  the widgets a page serves as static files: the loader
//                      zc-widgets.js, the placeholder stylesheet, every bundle,
//                      the iframe mode, the rule packs and the parameters page
//
//   node scripts/package.mjs [--pack DIR]   (--pack: also `npm pack` both into DIR)
//
// Version, licence and repository come from the workspace Cargo.toml, so the
// packages and the crates never disagree. tests/e2e/packages.test.mjs packs
// both, installs the tarballs in a scratch project and uses them.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = join(root, 'target/npm');

/** The `[workspace.package]` fields of Cargo.toml this script needs. */
function workspace() {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const section = toml.split('[workspace.package]')[1]?.split(/\n\[/)[0] ?? '';
  const field = (name) => section.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];
  const fields = { version: field('version'), license: field('license'), repository: field('repository') };
  for (const [k, v] of Object.entries(fields)) {
    if (!v) throw new Error(`Cargo.toml [workspace.package] has no ${k}`);
  }
  return fields;
}

function need(path, what) {
  if (!existsSync(join(root, path))) {
    throw new Error(`${path} is missing: run scripts/build.sh first (${what})`);
  }
}

function write(dir, name, text) {
  writeFileSync(join(dir, name), typeof text === 'string' ? text : `${JSON.stringify(text, null, 2)}\n`);
}

/** The licence texts beside each package (the crates' licence is "MIT OR Apache-2.0"). */
function licences(dir) {
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) cpSync(join(root, f), join(dir, f));
}

/** Copies a wasm-pack output directory without its own package.json, README and .gitignore. */
function copyPkg(from, to) {
  cpSync(join(root, from), to, {
    recursive: true,
    filter: (src) => !/(^|\/)(package\.json|README\.md|\.gitignore|LICENSE[^/]*)$/.test(src.slice(join(root, from).length)),
  });
}

export function assemble() {
  const ws = workspace();
  need('web/pkg/zhuchuang_web.js', 'the browser API');
  need('web/pkg-node/zhuchuang_web.js', 'the Node API');
  need('www/dist/zc-widgets.js', 'the widgets');
  const common = {
    version: ws.version,
    license: ws.license,
    repository: { type: 'git', url: ws.repository },
    homepage: ws.repository,
    keywords: ['就业', '创业', 'employment', 'entrepreneurship', 'policy', 'china', 'wasm', 'eligibility'],
  };

  // The API.
  const api = join(out, 'zhuchuang');
  rmSync(api, { recursive: true, force: true });
  mkdirSync(api, { recursive: true });
  copyPkg('web/pkg-node', join(api, 'node'));
  copyPkg('web/pkg', join(api, 'browser'));
  // The browser glue is an ES module; the package itself (and node/) stays CommonJS.
  write(join(api, 'browser'), 'package.json', { type: 'module', sideEffects: ['./snippets/*'] });
  licences(api);
  write(api, 'README.md', `# zhuchuang

The JavaScript/TypeScript API of zhuchuang (助创): China's public employment and
entrepreneurship policy (公共创业服务, 就业援助) as explained answers, in WebAssembly.
Nothing leaves the machine: no network call, no telemetry.

In Node the package is ready on import (synchronous):

\`\`\`js
import { validateId, checkEligibility } from 'zhuchuang';   // or require('zhuchuang')
validateId('residentId', '11010519491231002X').valid;       // true
\`\`\`

In a browser or a bundler, initialise the wasm once:

\`\`\`js
import init, { validateId } from 'zhuchuang';
await init();   // fetches zhuchuang_web_bg.wasm beside the module
\`\`\`

Every function, its options and errors: the integrator's guide (www/guide.html in
the repository) and the declarations shipped here (\`.d.ts\`). Licence: ${ws.license}.
`);
  const types = (dir) => `./${dir}/zhuchuang_web.d.ts`;
  write(api, 'package.json', {
    name: 'zhuchuang',
    description: 'China\'s public employment and entrepreneurship policy (公共创业服务, 就业援助) as explained answers: IDs, eligibility, subsidy plans, guaranteed loans, materials. WebAssembly, for Node and browsers.',
    ...common,
    main: './node/zhuchuang_web.js',
    types: types('node'),
    browser: { './node/zhuchuang_web.js': './browser/zhuchuang_web.js' },
    exports: {
      '.': {
        node: { types: types('node'), default: './node/zhuchuang_web.js' },
        default: { types: types('browser'), default: './browser/zhuchuang_web.js' },
      },
      './node': { types: types('node'), default: './node/zhuchuang_web.js' },
      './browser': { types: types('browser'), default: './browser/zhuchuang_web.js' },
      './zhuchuang_web_bg.wasm': './browser/zhuchuang_web_bg.wasm',
      './package.json': './package.json',
    },
    files: ['node/', 'browser/', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE'],
    sideEffects: ['./browser/snippets/*'],
    engines: { node: '>=18' },
  });

  // The widgets.
  const widgets = join(out, 'zhuchuang-widgets');
  rmSync(widgets, { recursive: true, force: true });
  mkdirSync(widgets, { recursive: true });
  cpSync(join(root, 'www/dist'), widgets, {
    recursive: true,
    filter: (src) => !src.endsWith('/build-profile'),
  });
  licences(widgets);
  const tags = [...readFileSync(join(root, 'widgets/js/zc-widgets.js'), 'utf8')
    .matchAll(/^\s*'(zc-[a-z-]+)':\s*'[a-z-]+',/gm)].map((m) => m[1]);
  write(widgets, 'zc-widgets.d.ts', `// The widgets are custom elements; the loader defines them when they appear.
export {};
declare global {
  interface Window {
    /** Set by zc-widgets.js: settles when the bundles for the elements present at load are defined. */
    zhuchuang?: { ready: Promise<void> };
  }
  interface HTMLElementTagNameMap {
${tags.map((t) => `    '${t}': HTMLElement;`).join('\n')}
  }
}
`);
  write(widgets, 'README.md', `# zhuchuang-widgets

The embeddable widgets of zhuchuang (助创) as static files: serve this directory
(or copy it) under your site, then on a page

\`\`\`html
<link rel="stylesheet" href="/zc/zc-widgets.css">
<script type="module" src="/zc/zc-widgets.js"></script>
<zc-eligibility program="difficultPerson" lang="zh-CN"></zc-eligibility>
\`\`\`

The loader fetches only the bundles of the elements on the page. Elements:
${tags.map((t) => `\`<${t}>\``).join(', ')}. The iframe mode is \`frame.html?w=…\`;
rule packs are in \`packs/\`. Each file has \`.br\` and \`.gz\` copies for a host
that serves precompressed files. The page needs a Content-Security-Policy with
\`script-src 'self' 'wasm-unsafe-eval'\`. Attributes, events, theming and hosting
headers: the integrator's guide (www/guide.html in the repository). Licence: ${ws.license}.
`);
  write(widgets, 'package.json', {
    name: 'zhuchuang-widgets',
    description: 'Embeddable widgets (<zc-…> custom elements) of zhuchuang: eligibility, subsidies, guaranteed loans, materials for Chinese public employment and entrepreneurship services. Static files: a loader, WebAssembly bundles, rule packs.',
    ...common,
    type: 'module',
    browser: './zc-widgets.js',
    types: './zc-widgets.d.ts',
    exports: {
      '.': { types: './zc-widgets.d.ts', default: './zc-widgets.js' },
      './zc-widgets.css': './zc-widgets.css',
      './packs/*': './packs/*',
      './package.json': './package.json',
      './*': './*',
    },
    // Everything here is a static file a page fetches: every entry of the build's dist/.
    files: [...readdirSync(widgets).filter((n) => n !== 'package.json')].sort(),
    sideEffects: true,
  });
  return { api, widgets };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dirs = assemble();
  const at = process.argv.indexOf('--pack');
  for (const dir of Object.values(dirs)) {
    console.log(`assembled ${dir}`);
    if (at > 0) {
      const dest = resolve(process.argv[at + 1] ?? out);
      mkdirSync(dest, { recursive: true });
      const made = execFileSync('npm', ['pack', '--silent', '--pack-destination', dest], { cwd: dir, encoding: 'utf8' });
      console.log(`packed ${join(dest, made.trim().split('\n').pop())}`);
    }
  }
}
