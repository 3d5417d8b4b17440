#!/usr/bin/env bash
# Measures, never asserts, on this machine:
#   - the release download, each file raw, gzip -9 and brotli (check-size.sh),
#     and the largest items of the wasm (twiggy);
#   - the widget against the same list written by hand in plain JavaScript, in
#     one headless Chromium run (the page load in Firefox too), and its memory
#     over 1,000 changes (e2e/bench.mjs);
#   - the board and the forecast with 10,000 demo deals: each one's load, a
#     move, switching between them, each with the longest task the page ran
#     and the most CPU time one task took (e2e/bench-board.mjs);
#   - the reference server against json-server 0.17.4 serving the same deals,
#     both under wrk with 64 connections, then its latency per endpoint, and
#     its webhooks' cost and delivery latency (bench_webhooks.py).
# Ends with one table of the ratios. Numbers depend on the machine.
#
# BENCH_WRK_SECONDS (default 15), BENCH_ROUNDS (21) and BENCH_CHANGES (1000)
# shorten or lengthen the runs.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/setup.sh" bench

KEY=isao_demo_rw
WRK_SECONDS="${BENCH_WRK_SECONDS:-15}"
workdir="$(mktemp -d)"
# One line per ratio: measure, this project, baseline, ratio, target (tab-separated).
results="$workdir/results.tsv"
: >"$results"

ratio() { awk -v ours="$1" -v theirs="$2" 'BEGIN { printf "%.2fx", ours / theirs }'; }

step "Release build of the widget"
trunk build --release --offline >/dev/null

step "Download size of the release build (bytes)"
size_verdict="within the budget"
scripts/check-size.sh dist | tee "$workdir/size.txt" || size_verdict="OVER THE BUDGET"
first_gzip="$(awk '/^first download:/ { print $3 }' "$workdir/size.txt")"

step "Where the wasm bytes go: twiggy top 20 of cargo's output (function names kept; before the cut into chunks, wasm-bindgen and wasm-opt; the 'linking' and 'reloc.' sections are what the cut reads, no browser gets them)"
twiggy top -n 20 target/wasm32-unknown-unknown/release/isao-deals-widget.wasm

step "Widget against hand-written JavaScript (release build, headless Chromium and, for the load, Firefox; reference API on loopback)"
cargo build -p reference-api --release --quiet
(cd e2e && { npm ls --silent >/dev/null 2>&1 || npm ci --no-audit --no-fund --silent; })
node e2e/bench.mjs "$(reference_api_bin release)" dist "$results"

step "The board and forecast at scale: 10,000 demo deals (release build, headless Chromium, 1x CPU)"
node e2e/bench-board.mjs "$(reference_api_bin release)" dist "$results"

step "Reference server against json-server $(json-server --version) (wrk: 2 threads, 64 connections, ${WRK_SECONDS} s each)"
start_reference_api "$(reference_api_bin release)" 127.0.0.1:0
api="$REFERENCE_API_URL/api/external"
python3 scripts/bench_api.py export "$api" "$KEY" "$workdir/db.json"
json_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
json-server --host 127.0.0.1 --port "$json_port" --quiet "$workdir/db.json" >"$workdir/json-server.log" 2>&1 &
SERVER_PIDS+=("$!")
waited=0
until curl -sf "http://127.0.0.1:$json_port/deals?_limit=1" >/dev/null; do
    waited=$((waited + 1))
    [ "$waited" -le 300 ] || fail "json-server did not answer within 30 s: $(cat "$workdir/json-server.log")"
    sleep 0.1
done

# load <url> [wrk options]: after a short warm-up, "req/s p50 p99" of one wrk run.
load() {
    local url="$1" report
    shift
    wrk -t2 -c64 -d3s "$@" "$url" >/dev/null
    report="$(wrk -t2 -c64 -d"${WRK_SECONDS}s" --timeout 5s -s scripts/wrk_report.lua "$@" "$url" | sed -n 's/^RESULT //p')"
    read -r rate p50 p99 refused broken <<<"$report"
    [ "${refused:-1}" -eq 0 ] && [ "${broken:-1}" -eq 0 ] ||
        fail "$url: $refused answers not 2xx/3xx and $broken socket errors under load: the numbers would not mean anything"
    echo "$rate $p50 $p99"
}
ours="$(load "$api/deals?page=1&limit=50" -H "Authorization: Bearer $KEY")"
theirs="$(load "http://127.0.0.1:$json_port/deals?_page=1&_limit=50")"
read -r ours_rate ours_p50 ours_p99 <<<"$ours"
read -r json_rate json_p50 json_p99 <<<"$theirs"
printf '%-52s %10s %10s %10s\n' server req/s 'p50 ms' 'p99 ms'
printf '%-52s %10s %10s %10s\n' "reference API  GET /deals?page=1&limit=50" "$ours_rate" "$ours_p50" "$ours_p99"
printf '%-52s %10s %10s %10s\n' "json-server    GET /deals?_page=1&_limit=50" "$json_rate" "$json_p50" "$json_p99"
printf '%s\t%s\t%s\t%s\t%s\n' "GET /deals?page=1&limit=50, 64 connections" "$ours_rate req/s" \
    "$json_rate req/s json-server" "$(ratio "$ours_rate" "$json_rate")" ">= 5x" >>"$results"
printf '%s\t%s\t%s\t%s\t%s\n' "  its p50 / p99" "$ours_p50 / $ours_p99 ms" \
    "$json_p50 / $json_p99 ms json-server" "" "p99 <= 20 ms" >>"$results"

step "Reference server latency per endpoint (one keep-alive connection; writes too)"
python3 scripts/bench_api.py latency "$api" "$KEY"

step "Webhooks: outbox cost, delivery latency, a burst (release build, local receiver)"
start_reference_api "$(reference_api_bin release)" 127.0.0.1:0
python3 scripts/bench_webhooks.py "$(reference_api_bin release)" "$REFERENCE_API_URL/api/external" "$REFERENCE_API_DB"

printf '%s\t%s\t%s\t%s\t%s\n' "first download, gzip -9 ($size_verdict)" "$first_gzip B" "163840 B budget" \
    "$(ratio "$first_gzip" 163840)" "<= 1x" >>"$results"

step "Summary on $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
{
    printf 'measure\tthis project\tbaseline\tratio\ttarget\n'
    cat "$results"
} | awk -F '\t' '{ printf "%-44s %-22s %-30s %-8s %s\n", $1, $2, $3, $4, $5 }'
