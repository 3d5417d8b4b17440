// Takes out of wasm-bindgen's glue the ways of starting the wasm that no
// page of the widget uses: the glue is part of the first download.
//
// The widget's loader (embed/isao-deals.js) hands the glue a compiled
// module, and trunk's own page a path, which the glue fetches: a response
// served as application/wasm (trunk, nginx and the test servers serve it
// so). Left out: instantiating from bytes or from a response of another
// type (with its console warning), and the warnings about the calling
// conventions of older wasm-bindgen versions, which neither page uses.
//
// Each piece is found in the shape wasm-bindgen writes it; anything else
// fails the build rather than leave a glue that starts the wasm otherwise.
//
// Usage: node trim-glue-init.mjs <glue.js>   (rewritten in place)
import { readFileSync, writeFileSync } from 'node:fs';

const [gluePath] = process.argv.slice(2);
if (!gluePath) {
  console.error('usage: trim-glue-init.mjs <glue.js>');
  process.exit(2);
}
function fail(message) {
  console.error(`trim-glue-init: ${gluePath}: ${message}`);
  process.exit(1);
}

let glue = readFileSync(gluePath, 'utf8');
function replaceOnce(from, to, what) {
  const at = glue.indexOf(from);
  if (at < 0 || glue.indexOf(from, at + 1) >= 0) fail(`expected ${what} once`);
  glue = glue.slice(0, at) + to + glue.slice(at + from.length);
}

const loadStart = 'async function __wbg_load(module, imports) {\n';
const loadEnd = '\n}\n\nfunction initSync(';
const start = glue.indexOf(loadStart);
const end = glue.indexOf(loadEnd, start);
if (start < 0 || end < 0 || glue.indexOf(loadStart, start + 1) >= 0) fail('expected one __wbg_load before initSync');
const load = glue.slice(start, end);
for (const expected of ['instanceof Response', 'instantiateStreaming', 'WebAssembly.instantiate(module, imports)']) {
  if (!load.includes(expected)) fail(`__wbg_load no longer has ${expected}`);
}
glue = `${glue.slice(0, start)}async function __wbg_load(module, imports) {
    if (module instanceof Response) return WebAssembly.instantiateStreaming(module, imports);
    return { instance: await WebAssembly.instantiate(module, imports), module };${glue.slice(end)}`;

replaceOnce(
  "console.warn('using deprecated parameters for `initSync()`; pass a single object instead')",
  '',
  "initSync's deprecation warning",
);
replaceOnce(
  "console.warn('using deprecated parameters for the initialization function; pass a single object instead')",
  '',
  "the init function's deprecation warning",
);

writeFileSync(gluePath, glue);
