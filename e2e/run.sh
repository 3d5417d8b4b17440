#!/usr/bin/env bash
# End-to-end suite over the release build: installs its npm packages if
# needed, then runs every test file under tests/ with node's test runner.
# Servers (the reference API and the host page) are started by the tests.
#
# Usage: e2e/run.sh <reference-api binary> <release build directory>
set -euo pipefail
REFERENCE_API_BIN="$(realpath -e "$1")"
WIDGET_DIST="$(realpath -e "$2")"
export REFERENCE_API_BIN WIDGET_DIST
cd "$(dirname "${BASH_SOURCE[0]}")"
export ARTIFACTS="$PWD/artifacts"

if ! npm ls --silent >/dev/null 2>&1; then
    npm ci --no-audit --no-fund --silent
fi
rm -rf "$ARTIFACTS"
node --test --test-concurrency=1 --test-reporter=spec tests/
echo "Screenshots in $ARTIFACTS"
