#!/usr/bin/env bash
# Measures, never asserts: the release bundle sizes (raw and gzip) and the
# reference server's latency per endpoint over keep-alive HTTP on loopback, its
# webhooks' cost and latency, and the widget's speed per step in headless
# Chromium (e2e/bench.mjs).
# Prints a report; numbers depend on the machine.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/setup.sh"

step "Release build of the widget"
trunk build --release --offline >/dev/null

step "Bundle sizes (bytes)"
printf '%-58s %10s %10s\n' file raw gzip-9
total_raw=0
total_gzip=0
for file in dist/isao-deals-widget_bg.wasm dist/isao-deals-widget.js dist/isao-deals.js dist/snippets/*/*.js dist/isao-deals.css; do
    raw=$(wc -c <"$file")
    gzipped=$(gzip -9 -c "$file" | wc -c)
    total_raw=$((total_raw + raw))
    total_gzip=$((total_gzip + gzipped))
    printf '%-58s %10d %10d\n' "${file#dist/}" "$raw" "$gzipped"
done
printf '%-58s %10d %10d\n' total "$total_raw" "$total_gzip"

step "Reference server latency (release build, demo data)"
cargo build -p reference-api --release --quiet
start_reference_api "$(reference_api_bin release)" 127.0.0.1:0
python3 "$REPO_ROOT/scripts/bench_api.py" "$REFERENCE_API_URL/api/external" isao_demo_rw

step "Webhooks: outbox cost, delivery latency, a burst (release build, local receiver)"
start_reference_api "$(reference_api_bin release)" 127.0.0.1:0
python3 "$REPO_ROOT/scripts/bench_webhooks.py" "$(reference_api_bin release)" "$REFERENCE_API_URL/api/external" "$REFERENCE_API_DB"

step "Widget speed (release build in headless Chromium, reference API on loopback)"
(cd e2e && { npm ls --silent >/dev/null 2>&1 || npm ci --no-audit --no-fund --silent; })
node e2e/bench.mjs "$(reference_api_bin release)" dist
