#!/usr/bin/env bash
# Starts the demo: the reference API with demo data on 127.0.0.1:3000 and the
# widget at http://127.0.0.1:8080/ (trunk serve, which proxies /api/external
# to the API). Ctrl-C stops both. The demo database lives in target/demo/.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/setup.sh" demo

step "Building the reference API"
cargo build -p reference-api --release
mkdir -p target/demo
"$(reference_api_bin release)" serve --addr 127.0.0.1:3000 --db target/demo/deals.db --demo --cors-allow-loopback &
SERVER_PIDS+=("$!")

step "Widget at http://127.0.0.1:8080/ (demo keys: isao_demo_rw, isao_demo_ro, isao_demo_contacts, isao_demo_other)"
trunk serve --offline
