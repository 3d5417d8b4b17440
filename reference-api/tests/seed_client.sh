#!/usr/bin/env bash
# Runs the seed's own Python example client against `serve --demo`.
#
# Usage: reference-api/tests/seed_client.sh <reference-api binary>
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

start_reference_api "$1" 127.0.0.1:0
ISAO_API_KEY=isao_demo_rw python3 "$REPO_ROOT/reference-api/tests/seed_client.py" "$REFERENCE_API_URL/api/external"
