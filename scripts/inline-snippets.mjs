// Moves the JS modules that a wasm-bindgen glue imports from its `snippets/`
// folder into the glue itself, so that a page fetches one file for them all.
// Each was a request of its own after the loader's, and browsers open at most
// six connections to a host over HTTP/1.1: the glue, the chunk loader and
// five snippets were seven modules queued with the wasm for those six.
//
// Each snippet keeps a scope of its own: its code goes into a function whose
// result stands for the module's namespace, evaluated before the glue's code,
// dependencies first, as the module graph would have run them. A snippet's
// `import.meta.url` becomes the URL its file would have had. Anything this
// does not know how to keep exactly (a default export, an exported `let`,
// which a copy would freeze, a dynamic import, an import from outside the
// snippets) stops the build instead of changing what the code means.
//
// Usage: node inline-snippets.mjs <terser package directory> <glue.js>
// The glue is rewritten in place; its snippets are read beside it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';

const [terserDir, gluePath] = process.argv.slice(2);
if (!gluePath) {
  console.error('usage: inline-snippets.mjs <terser package directory> <glue.js>');
  process.exit(2);
}
function fail(message) {
  console.error(`inline-snippets: ${message}`);
  process.exit(1);
}
const { minify } = await import(pathToFileURL(join(terserDir, 'main.js')).href);

/** The top-level statements of a module, each with the text it spans. */
async function statements(source, name) {
  let ast;
  try {
    ({ ast } = await minify(source, { module: true, compress: false, mangle: false, format: { ast: true, code: false } }));
  } catch (error) {
    fail(`${name}: ${error.message}`);
  }
  return ast.body.map((node, index, body) => ({ node, start: node.start.pos, end: body[index + 1]?.start.pos ?? source.length }));
}

const SNIPPETS = './snippets/';
const PREFIX = '__isaoSnippet';
const glue = readFileSync(gluePath, 'utf8');
if (glue.includes(PREFIX)) fail(`the glue already uses the name ${PREFIX}`);

/** `{ a, b: c }` for the names an import statement takes from a module. */
function binding(node, name) {
  if (node.imported_name) fail(`${name}: a default import`);
  const mappings = node.imported_names ?? [];
  if (mappings.length === 0) fail(`${name}: an import for its side effects only`);
  if (mappings.length === 1 && mappings[0].foreign_name.name === '*') return mappings[0].name.name;
  if (mappings.some((mapping) => mapping.foreign_name.name === '*')) fail(`${name}: an unusual namespace import`);
  const names = mappings.map(({ foreign_name: from, name: as }) => (from.name === as.name ? from.name : `${from.name}: ${as.name}`));
  return `{ ${names.join(', ')} }`;
}

// Each snippet's function, by its path from the glue, in the order to run them.
const inlined = new Map();
const visiting = new Set();

async function inline(path) {
  if (inlined.has(path)) return inlined.get(path).id;
  if (visiting.has(path)) fail(`${path}: snippets that import one another in a cycle`);
  visiting.add(path);
  const file = join(dirname(gluePath), path);
  if (!existsSync(file)) fail(`${path}: no such file beside the glue`);
  const source = readFileSync(file, 'utf8');
  const edits = [];
  const exported = [];
  for (const { node, start, end } of await statements(source, path)) {
    if (node.TYPE === 'Import') {
      const specifier = node.module_name.value;
      if (!specifier.startsWith('.')) fail(`${path}: imports ${specifier}, not a snippet`);
      const target = `./${posix.join(posix.dirname(path), specifier)}`;
      if (!target.startsWith(SNIPPETS)) fail(`${path}: imports ${specifier}, not a snippet`);
      edits.push([start, end, `const ${binding(node, path)} = ${await inline(target)};\n`]);
    } else if (node.TYPE === 'Export') {
      if (node.is_default) fail(`${path}: a default export`);
      if (node.module_name) fail(`${path}: re-exports from ${node.module_name.value}`);
      const definition = node.exported_definition;
      if (definition) {
        if (definition.TYPE === 'Let' || definition.TYPE === 'Var') fail(`${path}: an exported ${definition.TYPE.toLowerCase()}, whose value may change`);
        const names = definition.definitions ? definition.definitions.map((declared) => declared.name) : [definition.name];
        if (names.some((declared) => typeof declared?.name !== 'string')) fail(`${path}: an export by destructuring`);
        exported.push(...names.map((declared) => declared.name));
        edits.push([start, definition.start.pos, '']);
      } else {
        for (const { foreign_name: as, name: local } of node.exported_names) exported.push(as.name === local.name ? local.name : `${as.name}: ${local.name}`);
        edits.push([start, end, '']);
      }
    }
  }
  let code = source;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) code = code.slice(0, start) + text + code.slice(end);
  code = code.replaceAll('import.meta.url', `new URL(${JSON.stringify(path)}, import.meta.url).href`);
  if (/\bimport\s*[.(]/.test(code.replaceAll('import.meta.url', ''))) fail(`${path}: a dynamic import or an import.meta other than its url`);
  const id = `${PREFIX}${inlined.size}`;
  visiting.delete(path);
  inlined.set(path, { id, code: `const ${id} = (() => {\n${code}\nreturn { ${exported.join(', ')} };\n})();\n` });
  return id;
}

const glueEdits = [];
const bindings = [];
for (const { node, start, end } of await statements(glue, gluePath)) {
  if (node.TYPE !== 'Import' || !node.module_name.value.startsWith(SNIPPETS)) continue;
  bindings.push(`const ${binding(node, gluePath)} = ${await inline(node.module_name.value)};\n`);
  glueEdits.push([start, end]);
}
let rest = glue;
for (const [start, end] of glueEdits.reverse()) rest = rest.slice(0, start) + rest.slice(end);
writeFileSync(gluePath, [...[...inlined.values()].map(({ code }) => code), ...bindings, rest].join(''));
console.log(`inline-snippets: ${inlined.size} snippets into ${gluePath}`);
