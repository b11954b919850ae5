// The release build's last cut of the wasm and its JavaScript glue (scripts/finish-build.mjs
// calls `shrinkGlue`), for bytes wasm-bindgen and wasm-opt leave in both:
//   1. the names the wasm and the glue share: every import (`__wbg_append_5e2f…`, a 16-digit
//      hash each, which no compressor can shorten and both files carry), the import module's
//      name and every export become one or two letters, in the wasm's import and export
//      sections (nothing else of the wasm changes) and in the glue (the import object's keys,
//      `wasm.<export>`), and the build fails unless every name was found where it should be;
//   2. the glue (and boot.js) minified by terser: comments, spaces and local names gone.
// Measured on the release build: 175.0 -> 167.1 KB brotli (the wasm 161.8 -> 158.6 KB, the glue
// 8.9 -> 4.3 KB, boot.js 0.3 -> 0.1 KB). The behaviour is the same: the renamed names are the
// glue's own business with its wasm (article-reader.js and boot.js call only the glue's module
// exports, `default`, `mountReader`, `mountPage` and `languageFiles`, which keep their names; only the wasm
// instance's exports, which the glue's `init()` resolves to and nothing here reads, are renamed).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** `index` as a short name: a…z, A…Z, then two letters and so on (valid JavaScript names). */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  let n = index;
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  let n = value;
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const utf8 = (buffer) => new TextDecoder('utf-8', { fatal: true }).decode(buffer);
const nameBytes = (name) => {
  const bytes = Buffer.from(name, 'utf8');
  return Buffer.concat([leb(bytes.length), bytes]);
};

/** Reads a name at `at`: [name, next offset]. */
function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [utf8(bytes.subarray(start, start + length)), start + length];
}

/**
 * The wasm with its import module, import names and export names renamed by `rename(kind, name)`
 * (kind `module`, `import` or `export`); every other byte as it was.
 */
function renameInWasm(wasm, rename) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    if (id !== 2 && id !== 7) {
      parts.push(wasm.subarray(at, end)); // not the imports or the exports: as it was
    } else {
      const body = [];
      let [count, p] = readLeb(wasm, start);
      body.push(leb(count));
      for (let i = 0; i < count; i++) {
        if (id === 2) {
          let module, field;
          [module, p] = readName(wasm, p);
          [field, p] = readName(wasm, p);
          body.push(nameBytes(rename('module', module)), nameBytes(rename('import', field)));
          const descriptionStart = p;
          const kind = wasm[p++];
          if (kind === 0) [, p] = readLeb(wasm, p); // function: type index
          else if (kind === 1) {
            p++; // table: reference type, then limits
            const [flags, q] = readLeb(wasm, p);
            [, p] = readLeb(wasm, q);
            if (flags & 1) [, p] = readLeb(wasm, p);
          } else if (kind === 2) {
            const [flags, q] = readLeb(wasm, p); // memory: limits
            [, p] = readLeb(wasm, q);
            if (flags & 1) [, p] = readLeb(wasm, p);
          } else if (kind === 3) p += 2; // global: value type, mutability
          else throw new Error(`import of unknown kind ${kind}`);
          body.push(wasm.subarray(descriptionStart, p));
        } else {
          let field;
          [field, p] = readName(wasm, p);
          body.push(nameBytes(rename('export', field)));
          const descriptionStart = p;
          p++;
          [, p] = readLeb(wasm, p);
          body.push(wasm.subarray(descriptionStart, p));
        }
      }
      if (p !== end) throw new Error(`section ${id} has ${end - p} bytes past its entries`);
      const content = Buffer.concat(body);
      parts.push(Buffer.from([id]), leb(content.length), content);
    }
    at = end;
  }
  return Buffer.concat(parts);
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces `pattern` (a RegExp source with one group for what stays before the name) exactly `count` times or fails. */
function replaceCounted(source, pattern, replacement, what, atLeast = 1) {
  let found = 0;
  const out = source.replace(new RegExp(pattern, 'g'), (...match) => {
    found++;
    return replacement(...match);
  });
  if (found < atLeast) throw new Error(`${what} not found in the glue`);
  return [out, found];
}

/**
 * Renames the names the wasm and its glue share to short ones, then minifies the glue and
 * `extraModules` (paths of other ES modules to minify in place) with terser from `modules`.
 */
export async function shrinkGlue({ glue: gluePath, wasm: wasmPath, modules, extraModules = [] }) {
  const wasm = readFileSync(wasmPath);
  let glue = readFileSync(gluePath, 'utf8');
  const renamed = { module: new Map(), import: new Map(), export: new Map() };
  let next = 0;
  const rename = (kind, name) => {
    const names = renamed[kind];
    if (!names.has(name)) names.set(name, kind === 'module' ? name : shortName(next++));
    return names.get(name);
  };
  // First pass: collect names (exports get their own letters after the imports').
  renameInWasm(wasm, rename);
  // The import module: one name, whatever wasm-bindgen called it.
  if (renamed.module.size !== 1) throw new Error(`expected one import module, found ${renamed.module.size}`);
  const [moduleName] = renamed.module.keys();
  renamed.module.set(moduleName, 'a');
  const shrunk = renameInWasm(wasm, (kind, name) => renamed[kind].get(name));

  [glue] = replaceCounted(glue, `(["'])${escape(moduleName)}\\1:`, () => `"a":`, `the import module "${moduleName}"`);
  for (const [name, short] of renamed.import) {
    let found;
    [glue, found] = replaceCounted(glue, `(^|[\\s{,])${escape(name)}:`, (_, before) => `${before}${short}:`, `the import ${name}`);
    if (found !== 1) throw new Error(`the import ${name} is a key ${found} times in the glue`);
  }
  for (const [name, short] of renamed.export) {
    // Not every export is called from the glue (a table the start function fills, say).
    [glue] = replaceCounted(glue, `\\bwasm\\.${escape(name)}\\b`, () => `wasm.${short}`, `the export ${name}`, 0);
  }
  const shorts = new Set(renamed.export.values());
  for (const [, name] of glue.matchAll(/\bwasm\.([A-Za-z_$][\w$]*)/g)) {
    if (!shorts.has(name)) throw new Error(`the glue reads wasm.${name}, which the wasm does not export`);
  }

  const minify = (source) => minifyModule(source, modules);
  writeFileSync(wasmPath, shrunk);
  writeFileSync(gluePath, await minify(glue));
  for (const file of extraModules) writeFileSync(file, await minify(readFileSync(file, 'utf8')));
}

/** An ES module's source minified by terser from `modules`: comments, spaces and local names gone. */
export async function minifyModule(source, modules) {
  const terser = createRequire(path.join(modules, 'noop.js'))('terser');
  return (await terser.minify(source, { module: true, compress: { passes: 2 }, mangle: true })).code;
}
