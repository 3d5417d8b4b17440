#!/usr/bin/env bash
# Runs every test of the project, installing what is missing first:
# formatting and lints (host and wasm32), native tests of the contract, the
# widget's logic and the reference server, the component tests in headless
# Chromium and Firefox, schemathesis and the seed's example clients against the
# reference server, the release build's download budget and the end-to-end
# suite over the release build.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/setup.sh"

step "Formatting and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p isao-deals-widget --all-targets --target wasm32-unknown-unknown --locked -- -D warnings

step "Native tests: contract, widget logic, reference server over HTTP"
cargo test --workspace --locked

step "Reference API for the browser tests"
cargo build -p reference-api --locked
API_BIN="$(reference_api_bin debug)"

for browser in chromium firefox; do
    step "Component tests in headless $browser"
    # The tests call the API from the test runner's page on another loopback
    # port; its address is compiled into them (see tests/web/support.rs).
    start_reference_api "$API_BIN" 127.0.0.1:0 --cors-allow-loopback
    export ISAO_TEST_API_BASE="$REFERENCE_API_URL/api/external"
    case "$browser" in
        chromium) driver=(env CHROMEDRIVER=/usr/bin/chromedriver) ;;
        firefox) driver=(env GECKODRIVER="$(command -v geckodriver)") ;;
    esac
    "${driver[@]}" WASM_BINDGEN_TEST_TIMEOUT=120 \
        cargo test -p isao-deals-widget --target wasm32-unknown-unknown --test web --locked
    stop_reference_apis
done

step "schemathesis against the OpenAPI document"
bash reference-api/tests/schemathesis.sh "$API_BIN"

step "The seed's own Python client against serve --demo"
bash reference-api/tests/seed_client.sh "$API_BIN"

step "The README's webhook receivers (Python, Node) against the server"
bash reference-api/tests/webhook_receivers.sh "$API_BIN"

step "The seed's curl, JavaScript and PHP examples against serve --demo"
bash reference-api/tests/seed_examples.sh "$API_BIN"

step "Release build of the widget"
trunk build --release --offline

step "Download budget of the release build"
scripts/check-size.sh dist

step "End-to-end: the release build in a host page, Chromium and Firefox"
bash e2e/run.sh "$API_BIN" "$REPO_ROOT/dist"

step "All tests passed"
