#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) needs on a fresh machine
# of this kind, and skips whatever is already installed. Everything comes from
# the package registries (crates.io, npm, Debian): nothing else is downloaded.
#
#   scripts/setup.sh            # Rust wasm target, wasm-bindgen-cli, wasm-pack, npm packages
#   scripts/setup.sh --browser  # … and Debian chromium + chromium-driver for the tests
set -euo pipefail
cd "$(dirname "$0")/.."

browser=false
[ "${1:-}" = "--browser" ] && browser=true

export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n==> %s\n' "$*"; }

# The CLI must equal the wasm-bindgen crate version in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
WASM_PACK_VERSION=0.15.1

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  step "cargo install wasm-bindgen-cli $WB_VERSION (about 3 minutes)"
  # Not --locked: the CLI's own lockfile pins a yanked crate.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

if ! wasm-pack --version 2>/dev/null | grep -q " $WASM_PACK_VERSION\$"; then
  step "cargo install wasm-pack $WASM_PACK_VERSION (about 2 minutes)"
  # The npm wasm-pack package downloads a binary at install; build it from crates.io.
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

# npm ci when node_modules does not match the committed lockfile.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.zc-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  step "npm ci (playwright-core, axe-core, binaryen, typescript)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.zc-lock-hash
fi

# Chromium and its driver for the browser tests; a small CJK font so pages,
# screenshots and print previews show Chinese rather than empty boxes.
if $browser && ! { command -v chromium && command -v chromedriver && fc-list | grep -qi wqy; } >/dev/null 2>&1; then
  step "apt-get install chromium chromium-driver fonts-wqy-microhei"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends \
    chromium chromium-driver fonts-wqy-microhei fontconfig
fi
