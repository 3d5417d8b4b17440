#!/usr/bin/env bash
# Runs the webhook receivers that reference-api/README.md shows
# (reference-api/examples/webhook_receiver.py and .mjs) against `serve --demo`:
# each must receive a real event and verify its signature, and refuse a
# request whose signature is wrong.
#
# Usage: reference-api/tests/webhook_receivers.sh <reference-api binary>
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

bin="$1"
start_reference_api "$bin" 127.0.0.1:0 --webhook-retry-base-ms 200
api="$REFERENCE_API_URL/api/external"
logs="$(mktemp -d)"

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Retries `command…` every 0.1 s for up to 30 s.
wait_until() {
    local what="$1" tries=0
    shift
    until "$@"; do
        tries=$((tries + 1))
        [ "$tries" -le 300 ] || fail "timed out waiting for $what"
        sleep 0.1
    done
}

# Answers with the HTTP status of a POST of `body` signed `signature`.
post_status() {
    local url="$1" signature="$2" body="$3"
    curl -s -o /dev/null -w '%{http_code}' -X POST -H "X-Isao-Signature: $signature" \
        -H 'Content-Type: application/json' -d "$body" "$url" || true
}

refuses_unsigned() { [ "$(post_status "$1" "" "{}")" = 401 ]; }

# check_receiver <name> <command…>: the receiver runs with its secret and port.
check_receiver() {
    local name="$1"
    shift
    local port secret url log subscription deal
    port="$(free_port)"
    secret="whsec_${name}_$(printf %05d%05d "$RANDOM" "$RANDOM")"
    url="http://127.0.0.1:$port/"
    log="$logs/$name.log"
    WEBHOOK_SECRET="$secret" PORT="$port" "$@" >"$log" 2>&1 &
    SERVER_PIDS+=("$!")
    wait_until "the $name receiver to listen" refuses_unsigned "$url"

    subscription="$("$bin" webhooks add --db "$REFERENCE_API_DB" --company 1 --url "$url" \
        --events deal.created --secret "$secret" | sed -n 's/^id\t//p')"
    deal="$(curl -sf -X POST -H 'Authorization: Bearer isao_demo_rw' -H 'Content-Type: application/json' \
        -d "{\"title\": \"Webhook check ($name)\", \"value\": 1}" "$api/deals" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["data"]["id"])')"
    wait_until "the $name receiver to verify deal.created of $deal" \
        grep -q "^verified deal.created evt_[a-z0-9]* $deal\$" "$log"

    local forged
    forged="$(post_status "$url" "t=$(date +%s),v1=$(printf '0%.0s' {1..64})" \
        '{"id": "evt_forged", "event": "deal.created", "data": {"id": "deal_forged"}}')"
    [ "$forged" = 401 ] || fail "the $name receiver answered $forged to a forged signature"
    ! grep -q evt_forged "$log" || fail "the $name receiver accepted a forged event"
    "$bin" webhooks remove --db "$REFERENCE_API_DB" "$subscription"
    echo "$name receiver: verified the signed deal.created of $deal, refused a forged one" >&2
}

for example in webhook_receiver.py webhook_receiver.mjs; do
    python3 - "$REPO_ROOT/reference-api/README.md" "$REPO_ROOT/reference-api/examples/$example" <<'PY' ||
import sys
readme, example = (open(path, encoding="utf-8").read() for path in sys.argv[1:])
sys.exit(example not in readme)
PY
        fail "reference-api/README.md does not show reference-api/examples/$example as it is"
done

check_receiver python python3 "$REPO_ROOT/reference-api/examples/webhook_receiver.py"
check_receiver node node "$REPO_ROOT/reference-api/examples/webhook_receiver.mjs"
