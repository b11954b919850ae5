// Writes the subresource integrity (sha384) of the files article-reader.js loads (the glue, the
// wasm and the stylesheet) into the built article-reader.js, so that a host pinning that module
// with `integrity=` pins them all. Run by scripts/trunk-post-build.sh on trunk's staging folder:
//
//   node scripts/integrity.mjs <folder>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const folder = process.argv[2];
const sri = (name) => `sha384-${createHash('sha384').update(readFileSync(path.join(folder, name))).digest('base64')}`;
const integrity = {
  glue: sri('article-reader-app.js'),
  wasm: sri('article-reader-app_bg.wasm'),
  css: sri('reader.css'),
};
const module = path.join(folder, 'article-reader.js');
const source = readFileSync(module, 'utf8');
const placeholder = 'const INTEGRITY = {};';
if (!source.includes(placeholder)) {
  console.error(`integrity: no "${placeholder}" in ${module}`);
  process.exit(1);
}
writeFileSync(module, source.replace(placeholder, `const INTEGRITY = ${JSON.stringify(integrity)};`));
