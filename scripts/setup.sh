#!/usr/bin/env bash
# Installs every tool the reader needs to build, serve and test, and puts them first on PATH.
#
# Idempotent: each tool is checked at its exact version and skipped when present, so a second
# run takes seconds. Everything comes from the package registries (crates.io, npm, Debian);
# nothing is fetched from GitHub, and trunk is kept offline so it never tries to download.
#
# Source it (`. scripts/setup.sh`) to get PATH and the driver variables in your shell;
# scripts/serve.sh and scripts/test.sh do that for you.
#
# Tools land in $ARTICLE_READER_TOOLS (default ~/.cache/article-reader/tools), shared by every
# checkout on the machine. Versions verified on Debian 12 with Rust 1.95 (see ARCHITECTURE.md).

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${ARTICLE_READER_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/article-reader/tools}"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# The installs run in a subshell with strict error handling, so sourcing this file never leaves
# `set -e` behind in the caller's shell.
(
set -euo pipefail
mkdir -p "$tools/bin" "$tools/log"

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
BINARYEN_VERSION=132
CSSO_VERSION=5.0.5
TERSER_VERSION=5.51.2
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock, or the generated glue
# and the test runner disagree with the compiled wasm.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$repo_root/Cargo.lock")"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# $1 binary, $2 expected version text; true when the binary in $tools/bin reports it.
has_version() {
  # Not `grep -q`: it would stop reading early, and the tool's SIGPIPE would fail the pipeline.
  [ -x "$tools/bin/$1" ] && "$tools/bin/$1" --version 2>/dev/null | grep -F -- "$2" >/dev/null
}

cargo_install() { # crate version binary [extra cargo flags...]
  local crate="$1" version="$2" binary="$3"
  shift 3
  if has_version "$binary" "$version"; then return 0; fi
  say "building $crate $version from crates.io (minutes, once)"
  cargo install --quiet --root "$tools/cargo" --version "$version" "$@" "$crate" \
    >"$tools/log/$crate.log" 2>&1 || { cat "$tools/log/$crate.log" >&2; return 1; }
  ln -sf "$tools/cargo/bin/$binary" "$tools/bin/$binary"
}

install_debian_packages() {
  local missing=()
  # WebKitGTK's driver opens MiniBrowser, which needs an X display: Xvfb gives the tests one.
  # locales has the sources of the en_GB locale the WebKit checks run in (see below).
  for pkg in chromium chromium-driver firefox-esr webkit2gtk-driver xvfb locales; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} with apt"
  {
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
  } >"$tools/log/apt.log" 2>&1 || { cat "$tools/log/apt.log" >&2; return 1; }
}

install_wasm_opt() {
  if has_version wasm-opt "version $BINARYEN_VERSION"; then return 0; fi
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  npm install --silent --no-audit --no-fund --prefix "$tools/npm" "binaryen@$BINARYEN_VERSION" \
    >"$tools/log/binaryen.log" 2>&1 || { cat "$tools/log/binaryen.log" >&2; return 1; }
  ln -sf "$tools/npm/node_modules/.bin/wasm-opt" "$tools/bin/wasm-opt"
}

# $1 package, $2 version: an npm package of the build's, beside binaryen, skipped when present.
npm_tool() {
  local installed="$tools/npm/node_modules/$1/package.json"
  if [ -f "$installed" ] && grep -q "\"version\": \"$2\"" "$installed"; then return 0; fi
  say "installing $1@$2 (npm)"
  npm install --silent --no-audit --no-fund --prefix "$tools/npm" "$1@$2" \
    >"$tools/log/$1.log" 2>&1 || { cat "$tools/log/$1.log" >&2; return 1; }
}

# The end-to-end checks' npm packages (playwright-core, driving Debian's Chromium), installed
# from the committed lockfile; a stamp of the lockfile skips the install when nothing changed.
install_e2e_packages() {
  local e2e="$repo_root/tests/e2e" stamp="$repo_root/tests/e2e/node_modules/.lock-stamp"
  local want
  want="$(cksum <"$e2e/package-lock.json")"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  say "installing the end-to-end checks' npm packages"
  (cd "$e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund) \
    >"$tools/log/e2e-npm.log" 2>&1 || { cat "$tools/log/e2e-npm.log" >&2; return 1; }
  echo "$want" >"$stamp"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >&2
fi

# apt is mostly waiting on the network, so it overlaps with the cargo builds.
install_debian_packages &
apt_pid=$!

install_wasm_opt
npm_tool csso "$CSSO_VERSION" # the release build's CSS minifier (scripts/finish-build.mjs)
npm_tool terser "$TERSER_VERSION" # its JavaScript minifier (scripts/shrink-glue.mjs)
cargo_install wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen # not --locked: its lockfile pins a crate version the registry lacks
ln -sf "$tools/cargo/bin/wasm-bindgen-test-runner" "$tools/bin/wasm-bindgen-test-runner"
cargo_install geckodriver "$GECKODRIVER_VERSION" geckodriver --locked
cargo_install trunk "$TRUNK_VERSION" trunk --locked

install_e2e_packages

wait "$apt_pid"

# WebKitGTK takes its language from the C locale, and a fresh machine has none but C. The
# end-to-end checks read dates in British English, and try an Arabic browser, so they get en_GB
# and ar_EG compiled into the tools folder (used through LOCPATH; the system's locales stay as
# they are).
for locale in en_GB ar_EG; do
  if [ ! -f "$tools/locale/$locale.UTF-8/LC_TIME" ]; then
    say "compiling the $locale.UTF-8 locale for the WebKit checks"
    mkdir -p "$tools/locale"
    localedef -i "$locale" -f UTF-8 "$tools/locale/$locale.UTF-8" >"$tools/log/locale.log" 2>&1 \
      || { cat "$tools/log/locale.log" >&2; exit 1; }
  fi
done
) || { echo "[setup] failed; see the messages above" >&2; return 1 2>/dev/null || exit 1; }

export PATH="$tools/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export GECKODRIVER="$tools/bin/geckodriver"
export SAFARIDRIVER=/usr/bin/WebKitWebDriver
export ARTICLE_READER_LOCALES="$tools/locale"
export ARTICLE_READER_NODE_MODULES="$tools/npm/node_modules"
export TRUNK_SKIP_VERSION_CHECK=true
say "tools ready in $tools"
