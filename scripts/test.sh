#!/usr/bin/env bash
# Runs every check the project has, stopping at the first failure:
#   formatting, the modules' imports (no cycles), ARCHITECTURE.md's code map against the tree,
#   clippy (native and wasm32), the native tests, the browser tests in headless Chromium,
#   headless Firefox and WebKit, the release build, its npm package installed and imported by a
#   host page, and end-to-end checks of the built page in the same three engines.
# Installs whatever is missing first (see scripts/setup.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh

# Each step prints how long the one before it took, so a slow step shows where it is.
step_started=
step() {
  [ -n "$step_started" ] && printf '\033[2m    (%d s)\033[0m\n' $((SECONDS - step_started))
  step_started=$SECONDS
  printf '\n\033[1;34m==> %s\033[0m\n' "$*"
}

step "cargo fmt --check"
cargo fmt --all --check

# A file of the core or the app that imports a file which imports it back is a knot: neither
# reads, moves or tests alone. The script names the cycle and the lines that make it.
step "no import cycles among the modules of crates/core and crates/ui"
node scripts/check-modules.mjs

# ARCHITECTURE.md's code map is the newcomer's way in: every source file of the core and the app
# named in it, and nothing named that is gone.
step "ARCHITECTURE.md's code map against the tree"
node scripts/check-docs-map.mjs

step "clippy, native"
cargo clippy --workspace --all-targets --locked -- -D warnings

# The importer (crates/importer) is a native command-line tool: feed-rs, ammonia and an HTTP
# client with TLS are never built for wasm32, and no app crate depends on it.
step "clippy, wasm32"
cargo clippy --workspace --exclude article-reader-importer --all-targets --locked --target wasm32-unknown-unknown \
  -- -D warnings

step "native tests"
cargo test --workspace --locked

# The browser tests are the ui crate's (tests/browser/), with the features the shipped wasm has.
# The runner picks the browser from whichever driver variable is set, so set exactly one; it
# runs in the ui crate's folder, so it is told where the Chromium flags are.
browser_tests=(cargo test --locked -p article-reader-ui --features hydration --target wasm32-unknown-unknown)
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver.json"
# The whole binary within 90 s, not the runner's default 20: WebKit runs it in 12 s on a quiet
# machine, and twice that on a busy one. The tests themselves wait for conditions.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-90}"

step "browser tests, headless Chromium"
env -u GECKODRIVER -u SAFARIDRIVER CHROMEDRIVER="$CHROMEDRIVER" "${browser_tests[@]}"

step "browser tests, headless Firefox"
env -u CHROMEDRIVER -u SAFARIDRIVER GECKODRIVER="$GECKODRIVER" "${browser_tests[@]}"

# WebKitGTK's MiniBrowser has no headless mode: it gets a virtual display of its own, which
# scripts/with-display.sh stops by its process id however the tests end.
step "browser tests, WebKit (WebKitGTK under Xvfb)"
env -u CHROMEDRIVER -u GECKODRIVER SAFARIDRIVER="$SAFARIDRIVER" scripts/with-display.sh "${browser_tests[@]}"

step "release build (trunk)"
trunk build --offline --release --locked

step "reader size (brotli) of the release build"
node tests/size/reader-size.mjs dist

step "the embedding module's types and manifest, held to the code (tsc --strict)"
node tests/types/check.mjs dist

# What a host installs: dist/ packed with npm, installed offline into an empty folder, and
# imported through an import map by a page in headless Chromium.
step "the npm package: packed, installed into an empty folder, imported through an import map"
node tests/e2e/package.e2e.mjs dist

step "end-to-end checks in headless Chromium, through its DevTools protocol (axe, emulated media, requests)"
node tests/e2e/reader.e2e.mjs dist

step "end-to-end checks through WebDriver, headless Chromium"
node tests/e2e/engines.e2e.mjs dist chromium

step "end-to-end checks through WebDriver, headless Firefox"
node tests/e2e/engines.e2e.mjs dist firefox

step "end-to-end checks through WebDriver, WebKit (WebKitGTK under Xvfb)"
scripts/with-display.sh node tests/e2e/engines.e2e.mjs dist webkit

printf '\033[2m    (%d s)\033[0m\n' $((SECONDS - step_started))
printf '\n\033[1;32mAll checks passed in %d s.\033[0m\n' "$SECONDS"
