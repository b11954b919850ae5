// The last step of every trunk build (run by scripts/trunk-post-build.sh on trunk's staging
// folder), for what trunk does not do itself:
//   1. minifies reader.css with csso (structure kept, comments and spaces gone: 1.4 KB of its
//      5.2 KB brotli), except for the development server, and writes the minified file's
//      integrity into index.html's link to it in place of trunk's;
//   2. in a release build, gives the names the wasm and its glue share short ones and minifies
//      the glue and boot.js with terser (scripts/shrink-glue.mjs);
//   3. writes the subresource integrity (sha384) of the files article-reader.js loads (the
//      glue, the wasm and the stylesheet) into the built article-reader.js, so that a host
//      pinning that module with `integrity=` pins them all, and in a release build minifies it
//      with terser as it does the glue (what an embedding page loads; the size test counts it);
//   4. writes package.json, which makes the folder the npm package of the embedding module
//      (`npm pack` in it): the name from Cargo.toml's [package.metadata.npm], the version,
//      description and license of Cargo.toml's [package], the module as `.` with its types,
//      the stylesheet as `./reader.css`, the custom elements manifest, and the files the module
//      loads (the interface's language files in `lang/` among them), which it finds beside
//      itself wherever the package is served from. The module's
//      own integrity is printed, for a host that loads it from a CDN with `integrity=`.
//
//   node scripts/finish-build.mjs <staging folder>
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { minifyModule, shrinkGlue } from './shrink-glue.mjs';

const folder = process.argv[2];
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const file = (name) => path.join(folder, name);
const sri = (name) => `sha384-${createHash('sha384').update(readFileSync(file(name))).digest('base64')}`;
const release = !process.env.ARTICLE_READER_DEV_SERVER && process.env.TRUNK_PROFILE === 'release';
const fail = (message) => {
  console.error(`finish-build: ${message}`);
  process.exit(1);
};

if (!process.env.ARTICLE_READER_DEV_SERVER) {
  const modules = process.env.ARTICLE_READER_NODE_MODULES;
  if (!modules) fail('ARTICLE_READER_NODE_MODULES is not set: build after `. scripts/setup.sh`, which installs csso');
  const csso = createRequire(path.join(modules, 'noop.js'))('csso');
  const before = sri('reader.css');
  writeFileSync(file('reader.css'), csso.minify(readFileSync(file('reader.css'), 'utf8'), { restructure: false }).css);
  const page = readFileSync(file('index.html'), 'utf8');
  if (!page.includes(before)) fail(`index.html does not carry reader.css's integrity ${before}`);
  writeFileSync(file('index.html'), page.replace(before, sri('reader.css')));
  if (release) {
    try {
      await shrinkGlue({
        glue: file('article-reader-app.js'),
        wasm: file('article-reader-app_bg.wasm'),
        modules,
        extraModules: [file('boot.js')],
      });
    } catch (error) {
      fail(`shrinking the glue: ${error.message}`);
    }
  }
}

const module = file('article-reader.js');
const source = readFileSync(module, 'utf8');
const placeholder = 'const INTEGRITY = {};';
if (!source.includes(placeholder)) fail(`no "${placeholder}" in ${module}`);
const integrity = { glue: sri('article-reader-app.js'), wasm: sri('article-reader-app_bg.wasm'), css: sri('reader.css') };
const built = source.replace(placeholder, `const INTEGRITY = ${JSON.stringify(integrity)};`);
try {
  writeFileSync(module, release ? await minifyModule(built, process.env.ARTICLE_READER_NODE_MODULES) : built);
} catch (error) {
  fail(`minifying article-reader.js: ${error.message}`);
}

/** `key = "value"` lines of each `[section]` of a TOML file: enough for Cargo.toml's strings. */
function tomlStrings(text) {
  const sections = new Map();
  let section = sections.set('', new Map()).get('');
  for (const line of text.split('\n')) {
    const header = /^\[([^\]]+)\]\s*$/.exec(line);
    if (header) section = sections.set(header[1], sections.get(header[1]) ?? new Map()).get(header[1]);
    const pair = /^([a-z-]+)\s*=\s*"([^"]*)"/.exec(line);
    if (pair) section.set(pair[1], pair[2]);
  }
  return sections;
}

const cargo = tomlStrings(readFileSync(path.join(repo, 'Cargo.toml'), 'utf8'));
const own = (key) => cargo.get('package')?.get(key) ?? cargo.get('workspace.package')?.get(key);
const name = cargo.get('package.metadata.npm')?.get('name');
if (!name || !own('version')) fail('Cargo.toml has no [package.metadata.npm] name or no [package] version');
// The interface's languages but English, one file each (static/lang/), fetched from `lang/`.
const languages = readdirSync(file('lang')).filter((name) => name.endsWith('.json')).sort();
const files = ['article-reader.js', 'article-reader.d.ts', 'custom-elements.json', 'article-reader-app.js',
  'article-reader-app_bg.wasm', 'reader.css', ...languages.map((name) => `lang/${name}`)];
const npmPackage = {
  name,
  version: own('version'),
  description: own('description'),
  license: own('license'),
  type: 'module',
  exports: {
    '.': { types: './article-reader.d.ts', default: './article-reader.js' },
    './reader.css': './reader.css',
  },
  types: './article-reader.d.ts',
  customElements: './custom-elements.json',
  files,
};
writeFileSync(file('package.json'), `${JSON.stringify(npmPackage, null, 2)}\n`);
console.log(`finish-build: ${name}@${npmPackage.version}, article-reader.js integrity ${sri('article-reader.js')}`);
