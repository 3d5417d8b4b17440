#!/usr/bin/env bash
# Runs the project's tests, installing what is missing first (scripts/setup.sh
# with the same parts). With no part, or `all`, every part in the order below,
# which is what CI runs (.ci/run). docs/testing.md says what each test covers.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

PARTS=(lint native web server e2e)

usage() {
    cat <<'EOF'
Usage: scripts/test.sh [part...]

Parts, run in the order given (default: all):
  lint    cargo fmt --check; clippy -D warnings for the host and for wasm32;
          the module graph has no import cycle (scripts/check-module-graph.py)
  native  cargo test --workspace: the contract, the widget's logic, the
          reference server over HTTP
  web     the component tests (tests/web/) in headless Chromium, then Firefox
  server  against the reference server: schemathesis, the seed's Python
          client, the webhook receivers, the seed's curl, JavaScript and PHP examples
  e2e     the release build, its download budget, the end-to-end suite (e2e/)
  all     lint native web server e2e
EOF
}

requested=()
for arg in "${@:-all}"; do
    case "$arg" in
        -h | --help) usage; exit 0 ;;
        all) requested+=("${PARTS[@]}") ;;
        lint | native | web | server | e2e) requested+=("$arg") ;;
        *) printf 'error: unknown part %s\n\n' "'$arg'" >&2; usage >&2; exit 2 ;;
    esac
done
# Each part once, where it was first asked for.
parts=()
for part in "${requested[@]}"; do
    [[ " ${parts[*]} " == *" $part "* ]] || parts+=("$part")
done

"$REPO_ROOT/scripts/setup.sh" "${parts[@]}"

# Builds the reference server that the web, server and e2e parts run against,
# once, and sets API_BIN.
API_BIN=""
reference_api() {
    [ -z "$API_BIN" ] || return 0
    step "Reference API for the tests that run against it"
    cargo build -p reference-api --locked
    API_BIN="$(reference_api_bin debug)"
}

test_lint() {
    step "Formatting and lints"
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets --locked -- -D warnings
    cargo clippy -p isao-deals-widget --all-targets --target wasm32-unknown-unknown --locked -- -D warnings

    step "No import cycle between modules"
    python3 scripts/check-module-graph.py --self-test
    python3 scripts/check-module-graph.py
}

test_native() {
    step "Native tests: contract, widget logic, reference server over HTTP"
    cargo test --workspace --locked
}

test_web() {
    reference_api
    local browser driver
    for browser in chromium firefox; do
        step "Component tests in headless $browser"
        # The tests call the API from the test runner's page on another loopback
        # port; its address is compiled into them (see tests/web/support.rs).
        start_reference_api "$API_BIN" 127.0.0.1:0 --cors-allow-loopback
        export ISAO_TEST_API_BASE="$REFERENCE_API_URL/api/external"
        # The same API behind a proxy that holds requests unanswered on demand
        # (tests/web/hanging.rs).
        start_hanging_api "$REFERENCE_API_URL"
        export ISAO_TEST_HANGING_API_BASE="$HANGING_API_URL/api/external"
        case "$browser" in
            chromium) driver=(env CHROMEDRIVER=/usr/bin/chromedriver) ;;
            firefox) driver=(env GECKODRIVER="$(command -v geckodriver)") ;;
        esac
        # The runner's timeout is for the whole file of tests, which includes
        # the hanging API's waits for the widget's own timeout.
        run_component_tests "${driver[@]}" WASM_BINDGEN_TEST_TIMEOUT=300 \
            cargo test -p isao-deals-widget --target wasm32-unknown-unknown --test web --locked
        stop_reference_apis
    done
}

test_server() {
    reference_api

    step "schemathesis against the OpenAPI document"
    bash reference-api/tests/schemathesis.sh "$API_BIN"

    step "The seed's own Python client against serve --demo"
    bash reference-api/tests/seed_client.sh "$API_BIN"

    step "The webhook receivers (Python, Node) against the server"
    bash reference-api/tests/webhook_receivers.sh "$API_BIN"

    step "The seed's curl, JavaScript and PHP examples against serve --demo"
    bash reference-api/tests/seed_examples.sh "$API_BIN"
}

test_e2e() {
    reference_api

    step "Release build of the widget"
    trunk build --release --offline

    step "Download budget of the release build"
    scripts/check-size.sh dist

    step "Release kit of that build, for e2e/tests/release-kit.test.mjs"
    scripts/release.sh --no-build

    step "End-to-end: the release build in a host page, Chromium and Firefox"
    bash e2e/run.sh "$API_BIN" "$REPO_ROOT/dist"
}

for part in "${parts[@]}"; do
    "test_$part"
done

if [ "${parts[*]}" = "${PARTS[*]}" ]; then
    step "All tests passed"
else
    step "Passed: ${parts[*]}"
fi
