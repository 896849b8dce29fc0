#!/usr/bin/env bash
# Builds the wasm packages and the demo site's widget bundle, optimises every
# wasm with wasm-opt (npm binaryen), and prints a size report.
#
#   web/pkg/       ES module package for browsers and bundlers (npm-style, with .d.ts)
#   web/pkg-node/  CommonJS package for Node (staff scripts, tests)
#   www/dist/      the widgets the demo site loads: the loader zc-widgets.js and one
#                  bundle per widget (www/dist/<widget>/, glue + wasm) plus www/dist/all/
set -euo pipefail
cd "$(dirname "$0")/.."
# The pinned wasm-bindgen and npm's wasm-opt first on PATH, so wasm-pack never
# tries to download either.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

profile=${PROFILE:-release}
flag="--release"
[ "$profile" = dev ] && flag="--dev"

optimise() {
  local wasm=$1 level=${2:--Oz}
  if [ "$profile" = release ]; then
    wasm-opt "$level" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$wasm" -o "$wasm.opt" && mv "$wasm.opt" "$wasm"
  fi
}

echo "==> web: ES module package (web/pkg)"
wasm-pack build web $flag --target web --out-dir pkg --out-name zhuchuang_web --no-opt 2>&1 | grep -v '^\[INFO\]' || true
optimise web/pkg/zhuchuang_web_bg.wasm

echo "==> web: Node package (web/pkg-node)"
# Built for speed (the `node` profile, opt-level 3; wasm-opt -O3): Node reads it
# from disk, so its size does not matter and its per-call time does.
node_flag=$flag
[ "$profile" = release ] && node_flag="--profile node"
# With the ledger check (checkLedger, ledgerColumns): staff scripts run it on whole
# ledgers; web/pkg leaves it out for its size.
wasm-pack build web $node_flag --target nodejs --out-dir pkg-node --out-name zhuchuang_web --no-opt -- --features ledger 2>&1 | grep -v '^\[INFO\]' || true
optimise web/pkg-node/zhuchuang_web_bg.wasm -O3

# One bundle per widget feature (widgets/Cargo.toml) and the combined one (`all`,
# every widget), each in www/dist/<name>/ (glue, snippets, wasm); the loader
# zc-widgets.js next to them fetches only the bundles a page's elements need.
# Each wasm-opt runs in the background while the next bundle compiles.
# BUNDLES="eligibility all" builds only those (for development; the packages,
# loader and packs are built either way).
bundles=${BUNDLES:-"id-check retirement materials eligibility subsidy loan finder application ledger all"}
rm -rf www/dist && mkdir -p www/dist
pids=()
for name in $bundles; do
  echo "==> widgets: $name bundle (www/dist/$name)"
  features=(-- --no-default-features --features "$name")
  [ "$name" = all ] && features=()
  out=target/widgets-pkg/$name
  rm -rf "$out"
  wasm-pack build widgets $flag --target web --out-dir "../$out" --out-name zhuchuang_widgets --no-opt \
    "${features[@]}" 2>&1 | grep -v '^\[INFO\]' || true
  mkdir -p "www/dist/$name"
  cp "$out/zhuchuang_widgets.js" "$out/zhuchuang_widgets_bg.wasm" "www/dist/$name/"
  [ -d "$out/snippets" ] && cp -r "$out/snippets" "www/dist/$name/"
  # The ledger check runs in a Web Worker that loads this same bundle.
  [ "$name" = ledger ] && cp widgets/js/ledger-worker.js "www/dist/$name/"
  optimise "www/dist/$name/zhuchuang_widgets_bg.wasm" &
  pids+=($!)
done
# The loader without its comment lines (a third of its bytes; every page downloads it).
{ echo "// zhuchuang widgets loader (source and documentation: widgets/js/zc-widgets.js, www/guide.html)"
  grep -v '^[[:space:]]*//' widgets/js/zc-widgets.js; } > www/dist/zc-widgets.js
# The placeholder stylesheet (before a widget's code arrives), the iframe mode
# (frame.html and its script; zc-frame.js for the parent page) and the
# parameters page generated from the packs.
cp widgets/css/zc-widgets.css www/dist/
cp widgets/frame/frame.html widgets/frame/frame.css widgets/frame/frame.js widgets/frame/zc-frame.js www/dist/
node scripts/gen-parameters.mjs www/dist/parameters.html
# Rule packs beside the bundles: the schema, the national pack and the example
# overlays, so pages can point a widget's `pack` attribute at one.
mkdir -p www/dist/packs
cp core/packs/pack.schema.json core/packs/cn.json core/packs/examples/*.json www/dist/packs/
for pid in "${pids[@]}"; do wait "$pid"; done
# Content-hashed names for every bundle's files (long cache), the loader's table
# of them and www/dist/manifest.json (with each bundle's preload lines).
node scripts/hash-dist.mjs www/dist $bundles
# Brotli and gzip copies beside every file, as a host serves them (release only:
# brotli 11 of a dev build's wasm takes long and measures nothing).
[ "$profile" = release ] && node scripts/precompress.mjs www/dist

for f in web/pkg/zhuchuang_web_bg.wasm web/pkg-node/zhuchuang_web_bg.wasm $(for b in $bundles; do ls www/dist/$b/zhuchuang_widgets_bg.*.wasm; done); do
  [ -s "$f" ] || { echo "build failed: $f is missing" >&2; exit 1; }
done
# Which profile built these artifacts (tests/node/budgets.test.mjs measures release builds only).
echo "$profile" > www/dist/build-profile
node scripts/size-report.mjs web/pkg/zhuchuang_web_bg.wasm
