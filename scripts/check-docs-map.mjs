#!/usr/bin/env node
// Holds ARCHITECTURE.md's code map to the tree, both ways:
//
// - every Rust source file of the core (crates/core/src), the app (crates/ui/src) and the
//   shipped wasm (src/) is named in the map's section for its crate: by its path in the crate's
//   `src/` (`content/blocks.rs`), or by its name inside the bullet of its folder (`blocks.rs`
//   under `content/`); a folder's `mod.rs` by the folder (`content/`), the crate root `lib.rs`
//   by its name;
// - every file and folder the map names (in backticks, with a known extension or a trailing
//   `/`) exists: in its crate for a crate's section (or, failing that, elsewhere in the
//   repository: the app's section names `index.html`), anywhere in the repository otherwise.
//
// So a file added, moved or deleted without its line in the map fails the test command.
//
//   node scripts/check-docs-map.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && existsSync(new URL(`../${f}`, import.meta.url)));
const folders = new Set(files.flatMap((f) => f.split('/').slice(0, -1).map((_, k, parts) => parts.slice(0, k + 1).join('/'))));

const doc = readFileSync(new URL('../ARCHITECTURE.md', import.meta.url), 'utf8');
const mapStart = doc.indexOf('\n## Code map');
const mapEnd = doc.indexOf('\n## ', mapStart + 1);
if (mapStart < 0 || mapEnd < 0) {
  console.error('ARCHITECTURE.md has no "## Code map" section');
  process.exit(1);
}
const map = doc.slice(mapStart, mapEnd);

// The map's sections (### headings), each with the folder its names are read in.
const CRATES = [
  { heading: '`crates/core`', dir: 'crates/core', src: 'crates/core/src' },
  { heading: '`crates/ui`', dir: 'crates/ui', src: 'crates/ui/src' },
  { heading: '`src/`', dir: '', src: 'src' },
  { heading: '`crates/importer`', dir: 'crates/importer', src: null },
];
const sections = map.split(/\n(?=### )/).map((text) => {
  const title = text.split('\n')[0];
  const crate = title.startsWith('### ') ? CRATES.find((c) => title.includes(c.heading)) : undefined;
  return { title, text, crate };
});

// Names the build writes, which the map names and no repository file is.
const BUILT = new Set(['article-reader-app.js', 'dist/']);

const problems = [];
const NAME = /`([A-Za-z0-9_.\-/]+?(?:\.(?:rs|mjs|js|ts|json|css|html|md|sh|toml|yml)|\/))`/g;

// The map's names exist.
for (const { title, text, crate } of sections) {
  for (const m of text.matchAll(NAME)) {
    const name = m[1];
    if (BUILT.has(name) || name.startsWith('/') || name.startsWith('.') && !name.startsWith('./')) continue;
    const within = crate && crate.dir ? `${crate.dir}/` : '';
    const isFolder = name.endsWith('/');
    const bare = name.replace(/\/$/, '');
    const under = (prefix) => (path) => path === `${prefix}${bare}` || (path.startsWith(prefix) && path.endsWith(`/${bare}`));
    const among = isFolder ? [...folders] : files;
    const found = among.some(under(within)) || among.some(under(''));
    if (!found) problems.push(`ARCHITECTURE.md names ${isFolder ? 'a folder' : 'a file'} that is not there: \`${name}\` (in "${title.replace(/^#+ /, '')}")`);
  }
}

// Every source file is in the map. A file's bullet: the map's list item (`- ` at the start of a
// line) that names it, or its folder's.
for (const crate of CRATES.filter((c) => c.src)) {
  const section = sections.find((s) => s.crate === crate);
  if (!section) {
    problems.push(`ARCHITECTURE.md's code map has no section for ${crate.heading}`);
    continue;
  }
  const items = section.text.split(/\n(?=- )/);
  const names = (text) => new Set([...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
  const all = names(section.text);
  for (const file of files.filter((f) => f.startsWith(`${crate.src}/`) && f.endsWith('.rs'))) {
    const path = file.slice(crate.src.length + 1);
    const parts = path.split('/');
    const base = parts[parts.length - 1];
    const folder = parts.slice(0, -1).join('/');
    let named;
    if (base === 'mod.rs') named = all.has(`${folder}/`) || all.has(path);
    else if (!folder) named = all.has(path);
    else {
      named =
        all.has(path) ||
        all.has(`${crate.src.replace(/^crates\/[^/]+\//, '')}/${path}`) ||
        items.some((item) => {
          const here = names(item);
          return here.has(base) && (here.has(`${folder}/`) || [...here].some((n) => n.startsWith(`${folder}/`)));
        });
    }
    if (!named) problems.push(`${file} is not in ARCHITECTURE.md's code map (section ${crate.heading})`);
  }
}

if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`\n${problems.length} difference(s) between ARCHITECTURE.md's code map and the tree: name each source file where it belongs, and no file that is gone.`);
  process.exit(1);
}
console.log("ARCHITECTURE.md's code map names every source file of the core and the app, and nothing that is not there");
