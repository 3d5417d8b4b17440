#!/usr/bin/env bash
# The release kit a host installs: builds dist/ as scripts/test.sh does (trunk
# runs scripts/release-bundle.sh, which writes the version and the sha256 of
# every other file into the loaders), then packs dist/isao-deals-<version>.tar.gz:
#   isao-deals-<version>/   the files to serve, as one versioned folder
#   SHA384SUMS              `sha384sum -c` checks that folder
#   SNIPPET.html            what a host page pastes: the preload links and
#                           the loader's script tag with their integrity,
#                           the element, and the CSP the widget needs
# The folder's files keep fixed names; the version in the folder's name is
# what lets a host cache them for long and move to a new release on purpose.
#
# Usage: scripts/release.sh [--no-build]   (--no-build packs the dist/ there is)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

if [ "${1:-}" != --no-build ]; then
    step "Release build"
    trunk build --release --offline
fi
[ -f dist/isao-deals.js ] && [ -f dist/preload-links.html ] || fail "dist/ has no release build: run without --no-build"

version="$(sed -n '/^\[package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' Cargo.toml)"
[ -n "$version" ] || fail "no version in the [package] section of Cargo.toml"
grep -qF "\"$version\"" dist/isao-deals.js || fail "dist/isao-deals.js is not the build of version $version"
kit="isao-deals-$version"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step "Packing $kit"
mkdir "$work/$kit"
# What a host serves: the loader, the glue, the chunk loader, the wasm, the
# chunks, the CSS (the screens' beside the first), the catalogues of the
# languages but English; not trunk's development pages.
cp -r dist/isao-deals.js dist/isao-deals-widget.js dist/__wasm_split.js dist/*.wasm dist/chunk-integrity.json dist/isao-deals.css \
    dist/isao-deals-screens.css dist/lang "$work/$kit/"
(cd "$work" && find "$kit" -type f | LC_ALL=C sort | xargs sha384sum) >"$work/SHA384SUMS"

loader_sri="sha384-$(openssl dgst -sha384 -binary dist/isao-deals.js | openssl base64 -A)"
cat >"$work/SNIPPET.html" <<SNIPPET
<!-- ISAO Deals widget $version. Serve the folder $kit/ from your site (here
     under /$kit/); set api-base to your ISAO Deals API. -->
<!-- In the page's <head>: the preload links let the browser fetch the
     widget's files while it reads the page, together with the loader. -->
$(sed "s|{{WIDGET}}|/$kit|" dist/preload-links.html)
<script type="module" async src="/$kit/isao-deals.js" integrity="$loader_sri" crossorigin="anonymous"></script>
<isao-deals api-base="https://deals.example.com/api/external"></isao-deals>
<!-- The Content-Security-Policy the widget needs (add your own sources):
Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' https://deals.example.com
     'wasm-unsafe-eval' lets the page compile the widget's WebAssembly; connect-src
     'self' covers the widget's wasm files and their sha256 list, which it fetches
     with their integrity. -->
SNIPPET

tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -czf "dist/$kit.tar.gz" -C "$work" "$kit" SHA384SUMS SNIPPET.html
step "dist/$kit.tar.gz"
tar -tzvf "dist/$kit.tar.gz"
