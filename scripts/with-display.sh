#!/usr/bin/env bash
# Runs a command with an X display of its own: a virtual one (Xvfb) on a display number Xvfb
# picks itself, so it never collides with another display on the machine. WebKitGTK's
# MiniBrowser, which WebKitWebDriver drives, cannot start without one.
#
#   scripts/with-display.sh cargo test --target wasm32-unknown-unknown
#
# The Xvfb is stopped by its process id however the command ends (success, failure, Ctrl-C),
# and the command's exit status is this script's.
set -euo pipefail

ready="$(mktemp)"
xvfb_pid=
stop_display() {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -f "$ready"
}
trap stop_display EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# -displayfd: Xvfb chooses a free display and writes its number once it accepts clients.
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$ready" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 100); do
  [ -s "$ready" ] && break
  kill -0 "$xvfb_pid" 2>/dev/null || { echo "with-display: Xvfb did not start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$ready" ] || { echo "with-display: Xvfb gave no display within 10 s" >&2; exit 1; }

DISPLAY=":$(head -n 1 "$ready")"
export DISPLAY
"$@"
