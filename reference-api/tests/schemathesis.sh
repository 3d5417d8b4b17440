#!/usr/bin/env bash
# schemathesis, with all its checks, against a running reference server with
# demo data: the OpenAPI document must describe exactly what the server does.
#
# Usage: reference-api/tests/schemathesis.sh <reference-api binary>
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

start_reference_api "$1" 127.0.0.1:0
api="$REFERENCE_API_URL/api/external"
cd "$(mktemp -d)"
schemathesis --config-file "$REPO_ROOT/reference-api/tests/schemathesis.toml" run "$api/openapi.json" \
    --url "$api" \
    --checks all \
    --header "Authorization: Bearer isao_demo_rw" \
    --max-examples 50 \
    --seed 20261124
