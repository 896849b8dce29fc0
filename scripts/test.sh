#!/usr/bin/env bash
# Runs every test: formatting and lints, the Rust tests (core units, property
# tests, golden cases), the API in headless Chromium (wasm-bindgen-test), the
# release build with its size report, the TypeScript types, the Node package
# tests and the browser end-to-end tests. Expects scripts/setup.sh --browser.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}
step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "Rust tests: core units, property tests, golden cases"
cargo test --workspace --quiet

step "API tests in headless Chromium (wasm-bindgen-test)"
cargo test -p zhuchuang-web --target wasm32-unknown-unknown

step "Release build of the packages and widgets"
scripts/build.sh

step "TypeScript: the published .d.ts types an integrator's code"
tsc -p tests/types/tsconfig.json

step "Node: the built package from JavaScript"
node --test tests/node/

step "Browser end-to-end: widgets in the demo page (playwright-core + Chromium)"
node --test --test-concurrency=1 tests/e2e/

printf '\nAll tests passed.\n'
