#!/usr/bin/env bash
# Builds the wasm packages and the demo site's widget bundle, optimises every
# wasm with wasm-opt (npm binaryen), and prints a size report.
#
#   web/pkg/       ES module package for browsers and bundlers (npm-style, with .d.ts)
#   web/pkg-node/  CommonJS package for Node (staff scripts, tests)
#   www/dist/      the widgets bundle the demo site loads (zc-widgets.js + wasm)
set -euo pipefail
cd "$(dirname "$0")/.."
# The pinned wasm-bindgen and npm's wasm-opt first on PATH, so wasm-pack never
# tries to download either.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

profile=${PROFILE:-release}
flag="--release"
[ "$profile" = dev ] && flag="--dev"

optimise() {
  local wasm=$1
  if [ "$profile" = release ]; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$wasm" -o "$wasm.opt" && mv "$wasm.opt" "$wasm"
  fi
}

echo "==> web: ES module package (web/pkg)"
wasm-pack build web $flag --target web --out-dir pkg --out-name zhuchuang_web --no-opt 2>&1 | grep -v '^\[INFO\]' || true
optimise web/pkg/zhuchuang_web_bg.wasm

echo "==> web: Node package (web/pkg-node)"
wasm-pack build web $flag --target nodejs --out-dir pkg-node --out-name zhuchuang_web --no-opt 2>&1 | grep -v '^\[INFO\]' || true
optimise web/pkg-node/zhuchuang_web_bg.wasm

echo "==> widgets (www/dist)"
wasm-pack build widgets $flag --target web --out-dir ../target/widgets-pkg --out-name zhuchuang_widgets --no-opt 2>&1 | grep -v '^\[INFO\]' || true
rm -rf www/dist && mkdir -p www/dist
cp -r target/widgets-pkg/zhuchuang_widgets.js target/widgets-pkg/zhuchuang_widgets_bg.wasm www/dist/
[ -d target/widgets-pkg/snippets ] && cp -r target/widgets-pkg/snippets www/dist/
cp widgets/js/zc-widgets.js www/dist/
# Rule packs beside the bundle: the schema, the national pack and the example
# overlays, so pages can point a widget's `pack` attribute at one.
mkdir -p www/dist/packs
cp core/packs/pack.schema.json core/packs/cn.json core/packs/examples/*.json www/dist/packs/
optimise www/dist/zhuchuang_widgets_bg.wasm

for f in web/pkg/zhuchuang_web_bg.wasm web/pkg-node/zhuchuang_web_bg.wasm www/dist/zhuchuang_widgets_bg.wasm; do
  [ -s "$f" ] || { echo "build failed: $f is missing" >&2; exit 1; }
done
# Which profile built these artifacts (tests/node/budgets.test.mjs measures release builds only).
echo "$profile" > www/dist/build-profile
node scripts/size-report.mjs web/pkg/zhuchuang_web_bg.wasm www/dist/zhuchuang_widgets_bg.wasm
