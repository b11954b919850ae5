#!/usr/bin/env bash
# Measures the release build beside a plain JavaScript baseline in headless Chromium, on the
# bundled feed and on generated feeds of 1,000, 10,000 and 100,000 articles (the largest also in
# split form), and prints one table (also written to target/bench/results.json and results.md).
# Not part of scripts/test.sh: it takes minutes and its figures depend on the machine.
#
#   scripts/bench.sh                          # 5 runs each (2 for 100,000 articles), about 4 minutes
#   scripts/bench.sh --runs 3 --sizes 1000,10000
#   scripts/bench.sh --check                  # also judge issue 6's budgets; exits 1 if one fails
#
#   scripts/bench.sh --first-paint [--runs N] [--check] [--before DIR]
#       instead, the first-paint case of issue 18 (bench/first-paint.mjs, about 3 minutes): the
#       seed feed's first article, first contentful paint and layout shift on the prerendered
#       standalone page and an importer's embed snippet, beside the baseline and the build before
#       prerendering (--before: its dist/; else built once from a576dd0 in target/bench/before/),
#       on loopback and throttled (150 ms, 1.6 Mbit/s, CPU x4), served gzip-compressed. Writes
#       target/bench/first-paint.json and first-paint.md; --check judges issue 18's targets.
#
# Installs what it needs first (see scripts/setup.sh), then builds dist/ in release mode.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh

mkdir -p target/bench
printf '\033[1m[bench]\033[0m release build (trunk; minutes the first time, log in target/bench/build.log)\n' >&2
trunk build --offline --release --locked >target/bench/build.log 2>&1 || { cat target/bench/build.log >&2; exit 1; }

script=bench/bench.mjs
args=()
for arg in "$@"; do
  if [ "$arg" = --first-paint ]; then script=bench/first-paint.mjs; else args+=("$arg"); fi
done
exec node "$script" "${args[@]}"
