# Shared by the scripts in this folder: logging, tool checks, and a reference
# API server that runs in the background until the calling script exits.
# Sourced, not run.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# npm tools the setup installs for this checkout only (wasm-opt, json-server).
TOOLS_DIR="$REPO_ROOT/.tools"
export PATH="$TOOLS_DIR/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n==> %s\n' "$*" >&2; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The reference-api binary of the given profile (debug or release).
reference_api_bin() { echo "$REPO_ROOT/target/$1/reference-api"; }

# Starts `reference-api serve` in the background with a fresh database and demo
# data, waits for its "listening" line and sets REFERENCE_API_URL (http://host:port)
# and REFERENCE_API_DB (its database, for `reference-api keys|webhooks --db`).
# Extra arguments go to `serve`. The server is stopped when the shell exits.
# Call it directly, not in $(...): the server must belong to this shell.
start_reference_api() {
    local bin="$1" addr="$2"
    shift 2
    local workdir
    workdir="$(mktemp -d)"
    "$bin" serve --addr "$addr" --db "$workdir/deals.db" --demo "$@" >"$workdir/stdout" 2>"$workdir/stderr" &
    local pid=$!
    SERVER_PIDS+=("$pid")
    local waited=0
    until grep -q 'reference-api listening on ' "$workdir/stdout" 2>/dev/null; do
        if ! kill -0 "$pid" 2>/dev/null; then
            cat "$workdir/stderr" >&2
            fail "reference-api exited before listening on $addr"
        fi
        waited=$((waited + 1))
        [ "$waited" -le 300 ] || fail "reference-api did not start within 30 s"
        sleep 0.1
    done
    REFERENCE_API_DB="$workdir/deals.db"
    REFERENCE_API_URL="$(sed -n 's/.*reference-api listening on \(http:[^ ]*\).*/\1/p' "$workdir/stdout" | head -n 1)"
}

# Starts tests/web/hanging_api.py in front of the reference API at $1: it
# forwards every request until a test tells it to hold them unanswered.
# Sets HANGING_API_URL; stopped with the reference APIs.
start_hanging_api() {
    local upstream="$1" workdir
    workdir="$(mktemp -d)"
    python3 "$REPO_ROOT/tests/web/hanging_api.py" "$upstream" >"$workdir/stdout" 2>"$workdir/stderr" &
    SERVER_PIDS+=("$!")
    local waited=0
    until grep -q 'hanging api listening on ' "$workdir/stdout" 2>/dev/null; do
        waited=$((waited + 1))
        [ "$waited" -le 100 ] || { cat "$workdir/stderr" >&2; fail "the hanging API did not start within 10 s"; }
        sleep 0.1
    done
    HANGING_API_URL="$(sed -n 's/.*hanging api listening on \(http:[^ ]*\).*/\1/p' "$workdir/stdout" | head -n 1)"
}

# Runs the component tests (the command in "$@"), again when the browser's page
# never started them. The test runner serves its page with tiny_http, whose
# thread pool can leave a request unread when the browser opens a fifth
# connection at once: the page then waits for its wasm until the runner's
# 300 s page-load timeout; it happens to about one run in three (see
# docs/testing.md). A page starts its tests about two seconds after the
# browser is up: a run that has not started them in 60 s is stopped and
# started again, up to five runs in all.
run_component_tests() {
    local attempt log pid shown waited status
    for attempt in 1 2 3 4 5; do
        log="$(mktemp)"
        setsid "$@" >"$log" 2>&1 &
        pid=$!
        shown=0
        waited=0
        while kill -0 "$pid" 2>/dev/null; do
            shown="$(show_new_lines "$log" "$shown")"
            if grep -q '^running [0-9]* tests' "$log"; then
                break
            fi
            grep -q "browser's capabilities" "$log" && waited=$((waited + 1))
            if [ "$waited" -gt 60 ]; then
                kill -- -"$pid" 2>/dev/null || true
                wait "$pid" 2>/dev/null || true
                step "The test page did not start its tests in 60 s (run $attempt of 5): again"
                continue 2
            fi
            sleep 1
        done
        while kill -0 "$pid" 2>/dev/null; do
            shown="$(show_new_lines "$log" "$shown")"
            sleep 1
        done
        status=0
        wait "$pid" || status=$?
        show_new_lines "$log" "$shown" >/dev/null
        return "$status"
    done
    fail "the component tests' page never started its tests"
}

# Prints the lines of file $1 after the first $2 (to stderr) and echoes how
# many lines it holds now.
show_new_lines() {
    local total
    total="$(wc -l <"$1")"
    tail -n "+$(($2 + 1))" "$1" | head -n "$((total - $2))" >&2
    echo "$total"
}

stop_reference_apis() {
    local pid
    for pid in "${SERVER_PIDS[@]:-}"; do
        [ -n "$pid" ] || continue
        kill "$pid" 2>/dev/null || true
        # The server ends by the signal: its non-zero status is expected.
        wait "$pid" 2>/dev/null || true
    done
    SERVER_PIDS=()
    return 0
}

SERVER_PIDS=()
trap stop_reference_apis EXIT
