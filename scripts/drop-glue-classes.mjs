// Takes classes that wasm-bindgen exported out of a module and its JS glue:
// the class in the glue, and the wasm exports that only the class called.
//
// A crate that marks a struct `#[wasm_bindgen]` gets it exported to
// JavaScript by every program that links the crate, used or not. Leptos's
// server_fn links wasm-streams on wasm32 whatever its features, so the
// widget, which calls no server function, shipped wasm-streams' three
// stream classes: their methods in the wasm, with all the stream code they
// reach, and their wrappers in the glue. No export of the glue but `mount`
// and the start function is read (embed/isao-deals.js).
//
// Each class is found in the shape wasm-bindgen writes it: `export class
// Name {` to the next `}` alone on a line, the `Symbol.dispose` line after
// it, and its `NameFinalization` registry. Anything else fails the build
// rather than leave a glue that calls what the wasm no longer has. The
// wasm's export section is rewritten in place, the rest of the module byte
// for byte as it was; wasm-opt then removes what only those exports reached.
//
// Usage: node drop-glue-classes.mjs <module.wasm> <glue.js> <Class>...
// Both files are rewritten in place.
import { readFileSync, writeFileSync } from 'node:fs';
import { readUnsigned, unsigned } from './leb128.mjs';

const [wasmPath, gluePath, ...classes] = process.argv.slice(2);
if (classes.length === 0) {
  console.error('usage: drop-glue-classes.mjs <module.wasm> <glue.js> <Class>...');
  process.exit(2);
}
function fail(message) {
  console.error(`drop-glue-classes: ${message}`);
  process.exit(1);
}

let glue = readFileSync(gluePath, 'utf8');
const dropped = new Set();
// Cuts `text` out of the glue, once; its `wasm.…` calls are the exports to drop.
function cut(text, what) {
  const at = glue.indexOf(text);
  if (at < 0 || glue.indexOf(text, at + 1) >= 0) fail(`${gluePath}: expected ${what} once`);
  glue = glue.slice(0, at) + glue.slice(at + text.length);
  for (const [, name] of text.matchAll(/\bwasm\.(\w+)\(/g)) dropped.add(name);
}
for (const name of classes) {
  const start = glue.indexOf(`\nexport class ${name} {\n`);
  const end = glue.indexOf('\n}\n', start);
  if (start < 0 || end < 0) fail(`${gluePath}: no "export class ${name} {" ending in a "}" line`);
  cut(glue.slice(start, end + 2), `the class ${name}`);
  cut(`if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;\n`, `${name}'s dispose line`);
  const registry = glue.match(new RegExp(`\\nconst ${name}Finalization = [^;]*;\\n`));
  if (!registry) fail(`${gluePath}: no "const ${name}Finalization = …;"`);
  cut(registry[0].slice(1), `${name}Finalization`);
  if (new RegExp(`\\b${name}\\b`).test(glue)) fail(`${gluePath}: ${name} is still used`);
}
for (const name of dropped) {
  if (new RegExp(`\\bwasm\\.${name}\\b`).test(glue)) fail(`${gluePath}: wasm.${name} is still called`);
}


const wasm = readFileSync(wasmPath);
const EXPORT_SECTION = 7;
const text = new TextDecoder('utf-8', { fatal: true });
const removed = new Set();
let at = 8;
let output;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, bodyStart] = readUnsigned(wasm, at + 1);
  const bodyEnd = bodyStart + size;
  if (id === EXPORT_SECTION) {
    let [count, cursor] = readUnsigned(wasm, bodyStart);
    const kept = [];
    let keptCount = 0;
    while (count--) {
      const entryStart = cursor;
      const [length, nameStart] = readUnsigned(wasm, cursor);
      const exportName = text.decode(wasm.subarray(nameStart, nameStart + length));
      // The kind (one byte), then the index.
      cursor = readUnsigned(wasm, nameStart + length + 1)[1];
      if (dropped.has(exportName)) {
        removed.add(exportName);
      } else {
        kept.push(wasm.subarray(entryStart, cursor));
        keptCount++;
      }
    }
    if (cursor !== bodyEnd) fail(`the export section ends at byte ${cursor}, not ${bodyEnd}`);
    const body = Buffer.concat([Buffer.from(unsigned(keptCount)), ...kept]);
    output = Buffer.concat([
      wasm.subarray(0, at),
      Buffer.from([EXPORT_SECTION, ...unsigned(body.length)]),
      body,
      wasm.subarray(bodyEnd),
    ]);
    break;
  }
  at = bodyEnd;
}
const missing = [...dropped].filter((name) => !removed.has(name));
if (!output || missing.length > 0) fail(`${wasmPath} does not export ${missing.join(', ')}`);

writeFileSync(wasmPath, output);
writeFileSync(gluePath, glue);
console.log(`${classes.length} classes and ${removed.size} wasm exports dropped`);
