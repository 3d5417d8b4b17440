// Renames the functions a wasm-bindgen module imports from its JS glue to
// short names ("a", "b", …, "Z", "aa", …), in the wasm and in the glue alike.
//
// wasm-bindgen names each import after the JS function plus a 16-digit hash
// (`__wbg_createElement_de4a31ed2fb252be`), and has no option to leave the
// hash out (wasm-bindgen issues #3736, #3909). The names are written twice,
// in the wasm's import section and as keys of the glue's imports object, and
// hashes do not compress. Binaryen's own --minify-imports only renames
// imports from "env", and leaves the JS side to the caller, as emscripten
// does; this is that JS side for wasm-bindgen's glue.
//
// The import section is rewritten in place of the old one, byte for byte
// the same but for the names: no re-encoding, so no wasm feature can be lost
// on the way.
//
// Usage: node shorten-imports.mjs <module.wasm> <glue.js> <import module name>
// Both files are rewritten in place.
import { readFileSync, writeFileSync } from 'node:fs';
import { readUnsigned, unsigned } from './leb128.mjs';

const [wasmPath, gluePath, importModule] = process.argv.slice(2);
if (!importModule) {
  console.error('usage: shorten-imports.mjs <module.wasm> <glue.js> <import module name>');
  process.exit(2);
}
function fail(message) {
  console.error(`shorten-imports: ${message}`);
  process.exit(1);
}

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function shortName(index) {
  let name = '';
  do {
    name = letters[index % letters.length] + name;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return name;
}

const text = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();
function readName(bytes, at) {
  const [length, start] = readUnsigned(bytes, at);
  return [text.decode(bytes.subarray(start, start + length)), start + length];
}
function name(value) {
  const encoded = encoder.encode(value);
  return [...unsigned(encoded.length), ...encoded];
}
// The end of an import's description: what it is (function, table, memory,
// global, tag) and its type, copied as they are.
function descriptionEnd(bytes, at) {
  const kind = bytes[at++];
  const limitsEnd = (from) => {
    const flags = bytes[from];
    let [, next] = readUnsigned(bytes, from + 1);
    if (flags & 1) [, next] = readUnsigned(bytes, next);
    return next;
  };
  const singleByteType = (byte) => byte >= 0x6f && byte <= 0x7f;
  switch (kind) {
    case 0:
      return readUnsigned(bytes, at)[1];
    case 1:
      if (!singleByteType(bytes[at])) fail(`table import of an unknown type at byte ${at}`);
      return limitsEnd(at + 1);
    case 2:
      return limitsEnd(at);
    case 3:
      if (!singleByteType(bytes[at])) fail(`global import of an unknown type at byte ${at}`);
      return at + 2;
    case 4:
      return readUnsigned(bytes, at + 1)[1];
    default:
      return fail(`import of unknown kind ${kind} at byte ${at - 1}`);
  }
}

const wasm = readFileSync(wasmPath);
const renamed = new Map();
const IMPORT_SECTION = 2;
let at = 8;
let output;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, bodyStart] = readUnsigned(wasm, at + 1);
  const bodyEnd = bodyStart + size;
  if (id === IMPORT_SECTION) {
    let [count, cursor] = readUnsigned(wasm, bodyStart);
    const body = [...unsigned(count)];
    while (count--) {
      let moduleName, importName;
      [moduleName, cursor] = readName(wasm, cursor);
      [importName, cursor] = readName(wasm, cursor);
      const end = descriptionEnd(wasm, cursor);
      if (moduleName === importModule) {
        if (!renamed.has(importName)) renamed.set(importName, shortName(renamed.size));
        importName = renamed.get(importName);
      }
      body.push(...name(moduleName), ...name(importName), ...wasm.subarray(cursor, end));
      cursor = end;
    }
    if (cursor !== bodyEnd) fail(`the import section ends at byte ${cursor}, not ${bodyEnd}`);
    output = Buffer.concat([
      wasm.subarray(0, at),
      Buffer.from([IMPORT_SECTION, ...unsigned(body.length), ...body]),
      wasm.subarray(bodyEnd),
    ]);
    break;
  }
  at = bodyEnd;
}
if (!output || renamed.size === 0) fail(`${wasmPath} imports nothing from ${importModule}`);

// Every import is one key of the glue's imports object, written once as
// `name:`; anything else means wasm-bindgen changed the glue's shape.
let glue = readFileSync(gluePath, 'utf8');
for (const [long, short] of renamed) {
  const occurrence = new RegExp(`(?<![\\w$])${long.replace(/[$.*+?^{}()|[\]\\]/g, '\\$&')}(?![\\w$])`, 'g');
  const found = [...glue.matchAll(occurrence)];
  if (found.length !== 1 || !/^\s*:/.test(glue.slice(found[0].index + long.length))) {
    fail(`${gluePath}: expected "${long}" once, as an imports object key; found it ${found.length} times`);
  }
  glue = glue.replace(occurrence, short);
}

writeFileSync(wasmPath, output);
writeFileSync(gluePath, glue);
console.log(`${renamed.size} imports from ${importModule} renamed`);
