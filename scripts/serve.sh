#!/usr/bin/env bash
# Builds the reader and serves it on the bundled feed at http://127.0.0.1:8080 with live reload.
# Installs whatever is missing first (see scripts/setup.sh). Extra arguments go to `trunk serve`,
# for example `scripts/serve.sh --port 9000` or `scripts/serve.sh --release`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh
exec trunk serve --offline "$@"
