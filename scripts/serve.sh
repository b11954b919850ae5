#!/usr/bin/env bash
# Builds the reader and serves it on the bundled feed at http://127.0.0.1:8080 with live reload.
# Installs whatever is missing first (see scripts/setup.sh). Extra arguments go to `trunk serve`,
# for example `scripts/serve.sh --port 9000` or `scripts/serve.sh --release`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh
# Trunk's live reload is an inline script; the built page's CSP (scripts/trunk-post-build.sh)
# would refuse it, so the development server goes without the policy.
export ARTICLE_READER_DEV_SERVER=1
exec trunk serve --offline "$@"
