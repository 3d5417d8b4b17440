// LEB128, the unsigned integers of the wasm binary format, for the build
// scripts that rewrite a module's sections (shorten-imports.mjs,
// drop-glue-classes.mjs).

/** Reads the integer at `at` in `bytes`: [value, index after it]. */
export function readUnsigned(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}
/** `value` written as bytes. */
export function unsigned(value) {
  const out = [];
  do {
    const low = value % 0x80;
    value = Math.floor(value / 0x80);
    out.push(value ? low | 0x80 : low);
  } while (value);
  return out;
}
