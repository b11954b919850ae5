#!/usr/bin/env bash
# Runs every check the project has, stopping at the first failure:
#   formatting, clippy (native and wasm32), the native tests, the browser tests in headless
#   Chromium and in headless Firefox, the release build, and end-to-end checks of the built page.
# Installs whatever is missing first (see scripts/setup.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "clippy, native"
cargo clippy --workspace --all-targets --locked -- -D warnings

# The importer (crates/importer) is a native command-line tool: feed-rs, ammonia and an HTTP
# client with TLS are never built for wasm32, and no app crate depends on it.
step "clippy, wasm32"
cargo clippy --workspace --exclude article-reader-importer --all-targets --locked --target wasm32-unknown-unknown \
  -- -D warnings

step "native tests"
cargo test --workspace --locked

# The runner picks the browser from whichever driver variable is set, so set exactly one.
step "browser tests, headless Chromium"
env -u GECKODRIVER CHROMEDRIVER="$CHROMEDRIVER" \
  cargo test --locked -p article-reader --target wasm32-unknown-unknown

step "browser tests, headless Firefox"
env -u CHROMEDRIVER GECKODRIVER="$GECKODRIVER" \
  cargo test --locked -p article-reader --target wasm32-unknown-unknown

step "release build (trunk)"
trunk build --offline --release --locked

step "reader size (brotli) of the release build"
node tests/size/reader-size.mjs dist

step "end-to-end checks of the built page, headless Chromium"
node tests/e2e/reader.e2e.mjs dist

printf '\n\033[1;32mAll checks passed.\033[0m\n'
