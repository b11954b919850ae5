#!/bin/sh
# Trunk post-build hook: renders the standalone page's first view into the built index.html
# (the bundled feed's feed view, by the server renderer, natively; the wasm hydrates it),
# minifies the stylesheet and writes the integrity of what article-reader.js loads into it
# (scripts/finish-build.mjs), and writes the reader's Content-Security-Policy into the built
# index.html. The development server (scripts/serve.sh) prerenders too.
#
# Every build gets the policy, except the development server (scripts/serve.sh sets
# ARTICLE_READER_DEV_SERVER), whose live-reload script is inline and would be refused.
# The policy allows feeds (connect-src) from the page's own origin only; a page that reads a
# feed from another origin adds that origin to connect-src. Images and media may come from any
# http(s) origin, as a feed's articles do: the reader renders them, so its policy must not block
# them (on an https page, browsers upgrade or block http ones as mixed content themselves).
set -eu
# A native build of the ui crate with the server renderer (seconds once built).
cargo run --quiet --locked --manifest-path "$TRUNK_SOURCE_DIR/Cargo.toml" \
  -p article-reader-ui --features ssr --bin article-reader-prerender -- \
  "$TRUNK_STAGING_DIR/index.html" "$TRUNK_STAGING_DIR/demo.html"
node "$TRUNK_SOURCE_DIR/scripts/finish-build.mjs" "$TRUNK_STAGING_DIR"
[ -n "${ARTICLE_READER_DEV_SERVER:-}" ] && exit 0
policy="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: http: data:; media-src 'self' https: http:; object-src 'none'; base-uri 'none'"
index="$TRUNK_STAGING_DIR/index.html"
grep -q 'http-equiv="Content-Security-Policy"' "$index" && exit 0
sed -i "s|<head>|<head>\n    <meta http-equiv=\"Content-Security-Policy\" content=\"$policy\" />|" "$index"
grep -q 'http-equiv="Content-Security-Policy"' "$index" || { echo "trunk-post-build: no <head> in $index" >&2; exit 1; }
# Without injected scripts trunk leaves its rust link in place; browsers ignore it, but it is
# noise in the shipped page.
sed -i '/data-trunk rel="rust"/d' "$index"
