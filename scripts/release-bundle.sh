#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), release builds only: turns the wasm
# cargo built into what a host page downloads, in the staging directory.
#
# 1. wasm-split-cli cuts it into the module a host page loads first and the
#    chunks fetched the first time a screen needs them
#    (src/components/on_demand.rs). It reads the relocations that
#    `--emit-relocs` keeps in cargo's output (.cargo/config.toml), so it
#    starts from cargo's file, not from trunk's, which wasm-bindgen has
#    already rewritten.
# 2. wasm-bindgen runs on the first module alone; `--keep-lld-exports` keeps
#    the function table exported, which the chunks write their functions into.
#    scripts/drop-glue-classes.mjs then takes out the stream classes that
#    wasm-streams exports (linked by leptos's server_fn, never used): their
#    wrappers in the glue, their methods and the code only they reach in the wasm.
#    scripts/trim-glue-init.mjs takes out the ways of starting the wasm that
#    no page uses (from bytes, from a response of another type).
# 3. wasm-opt optimises each module (trunk's own wasm-opt is off).
# 4. scripts/shorten-imports.mjs gives the first module's imports from the
#    glue short names, in the wasm and in the glue: 6.7 KB gzip of hashes.
#    scripts/inline-snippets.mjs then moves the glue's snippets (small JS
#    modules it imports) into the glue: one request instead of one each.
# 5. The chunk loader fetches every chunk through one function, and with its
#    sha256: those go into chunk-integrity.json, whose own goes into the loader.
# 6. terser minifies the JS glue (7.5 KB → 5.0 KB gzip) and the chunk loader.
#    Trunk's own minifier stops at the glue's `export default`.
# 7. The sha256 of the first module and of each minified JS module the glue
#    imports go into the loader (embed/isao-deals.js), with the version of
#    the crate; then it is minified too. A file altered by a single byte is
#    then refused and never runs.
# 8. preload-links.html: the links that let a host page start those
#    downloads as it reads its own <head>.
# One script, not several hooks: trunk runs the hooks of a stage side by side.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The catalogues of every language but English, fetched when a widget speaks
# it (src/words.rs): in development builds too.
cargo run --quiet --release -p deals-i18n --bin write-catalogues -- "$TRUNK_STAGING_DIR/lang" ||
    fail "could not write the language catalogues"

[ "${TRUNK_PROFILE:-}" = release ] || exit 0
for tool in wasm-split-cli wasm-bindgen wasm-opt node terser openssl; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run scripts/setup.sh"
done

name=isao-deals-widget
built="${CARGO_TARGET_DIR:-$REPO_ROOT/target}/wasm32-unknown-unknown/release/$name.wasm"
[ -f "$built" ] || fail "$built is missing: the rust link's data-bin changed?"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

wasm-split-cli --target web --out-name "$name" "$built" "$work/split" >/dev/null
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$work/bound" "$work/split/$name.wasm"
node "$REPO_ROOT/scripts/drop-glue-classes.mjs" "$work/bound/${name}_bg.wasm" "$work/bound/$name.js" \
    IntoUnderlyingByteSource IntoUnderlyingSink IntoUnderlyingSource >/dev/null
node "$REPO_ROOT/scripts/trim-glue-init.mjs" "$work/bound/$name.js"

# After -Oz, flattening and re-looping the control flow lets two more -Oz
# rounds take more off, and a second such round more again (what the first
# one's inlining exposed); a third makes the module larger. Rust never
# computes an address that wraps around past 0, so binaryen may assume the
# lowest KiB of memory is never reached that way and fold a pointer's small
# constant offsets into the loads and stores (--low-memory-unused). The
# producers and target-features sections are for tools, not browsers.
# (binaryen warns about the name section's newer subsections, which it drops
# anyway.)
optimise() {
    local reshape=(--flatten --rereloop -Oz -Oz)
    wasm-opt --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --low-memory-unused \
        -Oz "${reshape[@]}" "${reshape[@]}" --strip-debug --strip-producers --strip-target-features \
        "$1" -o "$2" 2> >(grep -v 'unknown name subsection' >&2)
}
optimise "$work/bound/${name}_bg.wasm" "$TRUNK_STAGING_DIR/${name}_bg.wasm"
node "$REPO_ROOT/scripts/shorten-imports.mjs" "$TRUNK_STAGING_DIR/${name}_bg.wasm" "$work/bound/$name.js" "./${name}_bg.js" >/dev/null
node "$REPO_ROOT/scripts/inline-snippets.mjs" "$(dirname "$(realpath "$(command -v terser)")")/.." "$work/bound/$name.js" >/dev/null
for chunk in "$work/split"/*.wasm; do
    [ "$(basename "$chunk")" = "$name.wasm" ] || optimise "$chunk" "$TRUNK_STAGING_DIR/$(basename "$chunk")"
done

# The chunk loader gets one function that fetches a chunk (appended below),
# called with each chunk's name, instead of wasm-split-cli's copy of the
# fetch for each: the loader is part of the first download.
# The fetch starts, then waits for the chunks it depends on before it hands
# the fetch to WebAssembly.instantiateStreaming: a fetch that fails meanwhile
# would be an unhandled rejection in the host page's console, on top of the
# failure the widget already shows. Marking each fetch handled leaves
# instantiateStreaming to see and report it.
# Each chunk is fetched with its sha256, read from chunk-integrity.json: that
# list is fetched, with its own sha256 written into the chunk loader, the
# first time a screen needs a chunk, so that the chunks' hashes are not part
# of the first download. A failed fetch of it is not kept: Retry tries again.
loader="$work/split/__wasm_split.js"
fetches="$(grep -c 'const src = fetch(new URL(' "$loader")"
perl -0pi -e 's/makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\s*\}\s*,/makeLoad(fetchChunk("$1"),/g' "$loader"
[ "$fetches" -gt 0 ] && [ "$(grep -c 'makeLoad(fetchChunk("' "$loader")" -eq "$fetches" ] && ! grep -q 'const src = fetch(' "$loader" ||
    fail "wasm-split-cli's loader changed shape: $loader no longer has one 'makeLoad(() => { const src = fetch(…); … }' per chunk"

# sri <file>: its Subresource Integrity value.
sri() { printf 'sha256-%s' "$(openssl dgst -sha256 -binary "$1" | openssl base64 -A)"; }
integrities="$TRUNK_STAGING_DIR/chunk-integrity.json"
entries=()
for chunk in "$TRUNK_STAGING_DIR"/split_*.wasm "$TRUNK_STAGING_DIR"/chunk_*.wasm; do
    [ -f "$chunk" ] || continue
    file="$(basename "$chunk")"
    grep -qF "makeLoad(fetchChunk(\"$file\")" "$loader" || fail "$loader does not fetch $file"
    entries+=("\"$file\":\"$(sri "$chunk")\"")
done
(IFS=,; printf '{%s}\n' "${entries[*]}") >"$integrities"
[ "${#entries[@]}" -eq "$fetches" ] || fail "$loader fetches $fetches chunks, the build has ${#entries[@]}"
cat >>"$loader" <<CHUNK_LOADER
function fetchChunk(file) {
  return () => {
    const src = chunkIntegrity(file).then((integrity) => fetch(new URL("./" + file, import.meta.url), { integrity }));
    src.catch(() => {});
    return async (imports) => WebAssembly.instantiateStreaming(src, imports);
  };
}
let chunkIntegrities;
function chunkIntegrity(file) {
  chunkIntegrities ??= fetch(new URL("./chunk-integrity.json", import.meta.url), { integrity: "$(sri "$integrities")" })
    .then((response) => response.json())
    .catch((error) => {
      chunkIntegrities = undefined;
      throw error;
    });
  return chunkIntegrities.then((all) => all[file]);
}
CHUNK_LOADER
# Trunk's own wasm-bindgen run left its snippets here; the glue now holds
# them, and trunk's page (the demo) no longer preloads them: a request each
# that would answer 404.
rm -rf "$TRUNK_STAGING_DIR/snippets"
sed -i -E 's#<link [^>]*href="?/snippets/[^>]*>##g' "$TRUNK_STAGING_DIR/index.html"
! grep -q '/snippets/' "$TRUNK_STAGING_DIR/index.html" || fail "index.html still refers to /snippets/"
# Property names stay: the wasm imports its functions by the names of the
# `imports.wbg` object's members, and the loader imports `mount` by name.
for script in "$work/bound/$name.js" "$loader"; do
    terser --module --compress --mangle --output "$TRUNK_STAGING_DIR/$(basename "$script")" -- "$script"
done

# The loader preloads each JS module the glue imports, with the integrity of
# its minified file, and checks the first module's sha256 itself.
glue_sri="$(sri "$TRUNK_STAGING_DIR/$name.js")"
chunk_loader_sri="$(sri "$TRUNK_STAGING_DIR/__wasm_split.js")"
modules="\"./$name.js\": \"$glue_sri\", \"./__wasm_split.js\": \"$chunk_loader_sri\""
imports="$(grep -o 'from *"\./[^"]*"' "$TRUNK_STAGING_DIR/$name.js" | sed 's/^from *"\(.*\)"$/\1/' | LC_ALL=C sort -u)"
for path in $imports; do
    grep -qF "\"$path\":" <<<"$modules" || fail "the glue imports $path, which the loader does not preload with its integrity"
done
version="$(sed -n '/^\[package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' "$REPO_ROOT/Cargo.toml")"
[ -n "$version" ] || fail "no version in the [package] section of Cargo.toml"
build_line='const BUILD = { version: "development", wasmIntegrity: "", modules: {} };'
grep -qF "$build_line" "$TRUNK_STAGING_DIR/isao-deals.js" || fail "embed/isao-deals.js has no line '$build_line'"
sed -i "s|^${build_line}\$|const BUILD = { version: \"$version\", wasmIntegrity: \"$(sri "$TRUNK_STAGING_DIR/${name}_bg.wasm")\", modules: { $modules } };|" \
    "$TRUNK_STAGING_DIR/isao-deals.js"
terser --module --compress --mangle --output "$TRUNK_STAGING_DIR/isao-deals.js" -- "$TRUNK_STAGING_DIR/isao-deals.js"

# The links a host page puts in its <head> before the loader's script tag
# (docs/embedding.md): the browser then requests the wasm, the glue and the
# chunk loader as it reads the page, together with the loader, not once the
# loader has arrived and run. Each is the request the loader makes (the same
# mode, the same integrity), so the loader's requests take these answers
# instead of asking again. `{{WIDGET}}` stands for the URL path of the
# folder; scripts/release.sh and the e2e host (e2e/server.mjs) put it in.
cat >"$TRUNK_STAGING_DIR/preload-links.html" <<LINKS
<link rel="preload" href="{{WIDGET}}/${name}_bg.wasm" as="fetch" crossorigin="anonymous" />
<link rel="modulepreload" href="{{WIDGET}}/$name.js" integrity="$glue_sri" />
<link rel="modulepreload" href="{{WIDGET}}/__wasm_split.js" integrity="$chunk_loader_sri" />
LINKS
