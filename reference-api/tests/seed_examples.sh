#!/usr/bin/env bash
# Runs the seed's curl, JavaScript (node + axios) and PHP (php-cli + php-curl)
# examples unchanged but for base URL and key against `serve --demo`, and
# checks what each prints and leaves behind against what the seed says.
#
# Usage: reference-api/tests/seed_examples.sh <reference-api binary>
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

examples="$REPO_ROOT/reference-api/tests/seed_examples"
[ -d "$examples/node_modules/axios" ] || fail "axios is missing: run scripts/setup.sh"
start_reference_api "$1" 127.0.0.1:0
ISAO_API_KEY=isao_demo_rw python3 "$examples/run.py" "$REFERENCE_API_URL/api/external"
