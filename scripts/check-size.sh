#!/usr/bin/env bash
# The download budget of the release build: what a host page fetches to show
# the widget (wasm, its JS glue, the loader, the glue's snippets and the CSS),
# each compressed with gzip -9 and summed. Sizes are deterministic for a given
# build, so this check is not a timed test.
#
# The target is 160 KiB. The widget does not fit it yet (see the README's
# Performance section), so what is enforced today is a ceiling just above the
# current build: nothing may grow the download, and each cut lowers it.
# Prints every file raw, gzip -9 and brotli -q 11, then the totals.
#
# Usage: scripts/check-size.sh [release build directory, default dist/]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TARGET_GZIP_BYTES=$((160 * 1024))
BUDGET_GZIP_BYTES=$((191 * 1024))
dist="${1:-$REPO_ROOT/dist}"

files=("$dist/isao-deals-widget_bg.wasm" "$dist/isao-deals-widget.js" "$dist/isao-deals.js")
shopt -s nullglob
files+=("$dist"/snippets/*/*.js)
shopt -u nullglob
files+=("$dist/isao-deals.css")

printf '%-58s %10s %10s %10s\n' file raw gzip-9 brotli-11
total_raw=0 total_gzip=0 total_brotli=0
for file in "${files[@]}"; do
    [ -f "$file" ] || fail "$file is missing: run trunk build --release first"
    raw=$(wc -c <"$file")
    gzipped=$(gzip -9 -c "$file" | wc -c)
    brotlied=$(brotli -q 11 -c "$file" | wc -c)
    total_raw=$((total_raw + raw))
    total_gzip=$((total_gzip + gzipped))
    total_brotli=$((total_brotli + brotlied))
    printf '%-58s %10d %10d %10d\n' "${file#"$dist"/}" "$raw" "$gzipped" "$brotlied"
done
printf '%-58s %10d %10d %10d\n' total "$total_raw" "$total_gzip" "$total_brotli"
printf 'ceiling: %d B gzip-9 (191 KiB); target: %d B (160 KiB); this build: %d B, %d%% of the target\n' \
    "$BUDGET_GZIP_BYTES" "$TARGET_GZIP_BYTES" "$total_gzip" $((total_gzip * 100 / TARGET_GZIP_BYTES))

[ "$total_gzip" -le "$BUDGET_GZIP_BYTES" ] ||
    fail "the release download is $total_gzip B gzip-9, over the ceiling of $BUDGET_GZIP_BYTES B by $((total_gzip - BUDGET_GZIP_BYTES)) B"
