#!/usr/bin/env bash
# Installs what the demo and the tests need, only what is missing, so a second
# run takes seconds. Everything comes from the package registries (Debian,
# crates.io, PyPI, npm): nothing downloads a prebuilt binary.
#
#   scripts/setup.sh [target...]
#
#   all       everything the tests need (the default)
#   lint, native, web, server, e2e
#             what that part of scripts/test.sh needs
#   demo      what scripts/demo.sh needs
#   bench     everything the tests need, and the benchmark's tools (scripts/bench.sh)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.1"
SCHEMATHESIS_VERSION="4.32.5"
BINARYEN_VERSION="132"
TWIGGY_VERSION="0.8.0"
JSON_SERVER_VERSION="0.17.4"
TERSER_VERSION="5.51.4"
WASM_SPLIT_VERSION="0.2.3"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$REPO_ROOT/Cargo.lock")"
[ -n "$WASM_BINDGEN_VERSION" ] || fail "no wasm-bindgen version in Cargo.lock"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=no
apt_install() {
    local missing=() package
    for package in "$@"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    step "apt-get install ${missing[*]}"
    if [ "$APT_UPDATED" = no ]; then
        as_root apt-get update -qq
        APT_UPDATED=yes
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# cargo_install <command> <version> <crate> [cargo install flags...]
cargo_install() {
    local command="$1" version="$2" crate="$3"
    shift 3
    if command -v "$command" >/dev/null && "$command" --version 2>/dev/null | grep -qF " $version"; then
        return 0
    fi
    step "cargo install $crate@$version (first time only: minutes)"
    cargo install "$crate@$version" "$@"
}

# npm_tool_install <command> <version> <package>: into TOOLS_DIR, which lib.sh
# puts first on PATH, so a system-wide copy of another version does not count.
npm_tool_install() {
    local command="$1" version="$2" package="$3"
    if "$TOOLS_DIR/bin/$command" --version 2>/dev/null | grep -qFw "$version"; then
        return 0
    fi
    step "npm install $package@$version into .tools/"
    npm install --global --prefix "$TOOLS_DIR" --no-audit --no-fund --silent "$package@$version"
}

# What each target needs; the pieces are installed once each, in the order below.
declare -A NEEDED=()
need() { local piece; for piece in "$@"; do NEEDED[$piece]=1; done; }
for target in "${@:-all}"; do
    case "$target" in
        lint) need wasm_target crates ;;
        native) need crates ;;
        web) need wasm_target crates wasm_bindgen browsers drivers ;;
        server) need crates python_tools seed_clients ;;
        e2e) need wasm_target crates trunk wasm_bindgen release_tools browsers e2e_packages ;;
        all) need wasm_target crates trunk wasm_bindgen release_tools browsers drivers python_tools seed_clients e2e_packages ;;
        bench) need wasm_target crates trunk wasm_bindgen release_tools browsers drivers python_tools seed_clients e2e_packages bench_tools ;;
        demo) need wasm_target crates trunk wasm_bindgen ;;
        *) fail "unknown setup target '$target' (all, lint, native, web, server, e2e, demo, bench)" ;;
    esac
done
needed() { [ -n "${NEEDED[$1]:-}" ]; }

if needed wasm_target || needed crates || needed trunk || needed wasm_bindgen; then
    step "Rust targets and crates"
fi
if needed wasm_target; then
    rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
fi
if needed crates; then (cd "$REPO_ROOT" && cargo fetch --quiet); fi
if needed trunk; then cargo_install trunk "$TRUNK_VERSION" trunk --locked; fi
# Not --locked: the CLI's own lock file names a crate version the registry lacks.
if needed wasm_bindgen; then cargo_install wasm-bindgen "$WASM_BINDGEN_VERSION" wasm-bindgen-cli; fi

if needed release_tools; then
    step "Release build and size tools"
    npm_tool_install wasm-opt "$BINARYEN_VERSION" binaryen
    npm_tool_install terser "$TERSER_VERSION" terser
    # wasm-split-cli has no --version: cargo's own list says which one is installed.
    if ! cargo install --list | grep -qxF "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
        step "cargo install wasm_split_cli_support@$WASM_SPLIT_VERSION (wasm-split-cli; first time only: minutes)"
        cargo install "wasm_split_cli_support@$WASM_SPLIT_VERSION" --locked --features build-binary
    fi
    apt_install brotli
fi

if needed browsers || needed drivers; then step "Browsers and drivers"; fi
if needed browsers; then apt_install chromium firefox-esr; fi
if needed drivers; then
    apt_install chromium-driver
    cargo_install geckodriver "$GECKODRIVER_VERSION" geckodriver --locked
fi

if needed python_tools; then
    step "Python tools (schemathesis, the seed's example client)"
    if ! schemathesis --version 2>/dev/null | grep -qF "$SCHEMATHESIS_VERSION"; then
        python3 -m pip install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
    fi
    python3 -c 'import requests' 2>/dev/null || python3 -m pip install --quiet requests
    # Under pyenv, a newly installed command is reachable only once its shim exists.
    if command -v pyenv >/dev/null; then pyenv rehash; fi
    command -v schemathesis >/dev/null || fail "schemathesis is installed but not on PATH"
fi

if needed seed_clients; then
    step "The seed's example clients (PHP with curl, axios for node)"
    apt_install php-cli php-curl
    (cd "$REPO_ROOT/reference-api/tests/seed_examples" && { [ -d node_modules/axios ] && npm ls --silent >/dev/null 2>&1 || npm ci --no-audit --no-fund --silent; })
fi

if needed e2e_packages && [ -f "$REPO_ROOT/e2e/package-lock.json" ]; then
    step "End-to-end test packages"
    # The proxy test fills in deploy/nginx.conf with envsubst and runs it in
    # front of the reference server.
    apt_install nginx-light gettext-base
    (cd "$REPO_ROOT/e2e" && { [ -d node_modules ] && npm ls --silent >/dev/null 2>&1 || npm ci --no-audit --no-fund --silent; })
fi

if needed bench_tools; then
    step "Benchmark tools"
    apt_install wrk
    npm_tool_install json-server "$JSON_SERVER_VERSION" json-server
    cargo_install twiggy "$TWIGGY_VERSION" twiggy --locked
fi
