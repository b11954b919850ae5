// Holds the embedding module's declarations to the code: dist/article-reader.d.ts and
// dist/custom-elements.json against the core's option table (the `article-reader-options`
// command), the element's OPTIONS in article-reader.js, every `part` the views write, every
// `--ar-*` custom property the stylesheet reads, every event crates/ui/src/host_events.rs dispatches and
// the package's version; then compiles host.ts, a host page's TypeScript, against the .d.ts with
// `tsc --noEmit --strict` (typescript from tests/e2e's pinned packages).
//
//   node tests/types/check.mjs dist
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const dist = path.resolve(process.argv[2] ?? 'dist');
const read = (file) => readFileSync(file, 'utf8');
const quotes = (text) => text.replaceAll("'", '"');

const failures = [];
function check(name, run) {
  try {
    run();
    console.log(`ok   ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}\n     ${String(error.message).split('\n').join('\n     ')}`);
  }
}

const options = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'article-reader-core',
  '--bin', 'article-reader-options'], { cwd: repo, encoding: 'utf8' }));
const declarations = read(path.join(dist, 'article-reader.d.ts'));
const manifest = JSON.parse(read(path.join(dist, 'custom-elements.json')));
const element = manifest.modules[0].declarations.find((d) => d.tagName === 'article-reader');
const shell = read(path.join(repo, 'static/article-reader.js'));

/** The body of `interface name { … }` in the declarations. */
function block(name) {
  const start = declarations.indexOf(`interface ${name} `);
  assert.ok(start >= 0, `interface ${name}`);
  const open = declarations.indexOf('{', start);
  let depth = 0;
  for (let i = open; i < declarations.length; i += 1) {
    if (declarations[i] === '{') depth += 1;
    if (declarations[i] === '}' && --depth === 0) return declarations.slice(open + 1, i);
  }
  throw new Error(`interface ${name} does not end`);
}

function filesUnder(folder, extension) {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return filesUnder(file, extension);
    return file.endsWith(extension) ? [file] : [];
  });
}

const sorted = (values) => [...new Set(values)].sort();

check('the element’s OPTIONS in article-reader.js are the core’s, in order', () => {
  const literal = shell.slice(shell.indexOf('export const OPTIONS = ['), shell.indexOf('];', shell.indexOf('export const OPTIONS')));
  const pairs = [...literal.matchAll(/\[(null|'([^']*)'),\s*'([^']*)'\]/g)].map((m) => [m[2] ?? null, m[3]]);
  assert.deepEqual(pairs, options.map((o) => [o.attribute, o.property]));
});

check('the .d.ts types every option as the core does, in the options and on the element', () => {
  const optionsBlock = quotes(block('ReaderOptions'));
  const elementBlock = quotes(block('ArticleReaderElement'));
  for (const { property, kind } of options) {
    assert.ok(optionsBlock.includes(`  ${property}?: ${kind} | null;`), `ReaderOptions.${property}?: ${kind} | null`);
    assert.match(elementBlock, new RegExp(`\\n  ${property}: `), `ArticleReaderElement.${property}`);
  }
});

check('the manifest lists every attribute and property, typed as the core does', () => {
  const withAttributes = options.filter((o) => o.attribute);
  assert.deepEqual(element.attributes.map((a) => [a.name, a.fieldName, quotes(a.type.text)]),
    withAttributes.map((o) => [o.attribute, o.property, o.kind]));
  const fields = new Map(element.members.filter((m) => m.kind === 'field').map((m) => [m.name, quotes(m.type.text)]));
  for (const { property, kind } of options) assert.equal(fields.get(property), kind, `member ${property}`);
  for (const method of ['setFilter', 'update']) {
    assert.ok(element.members.some((m) => m.kind === 'method' && m.name === method), method);
    assert.ok(block('ArticleReaderElement').includes(`\n  ${method}(`), `ArticleReaderElement.${method}`);
  }
});

check('the manifest lists every ::part the views write', () => {
  // In `html!` (`part="card"`) and in markup written by `markup.rs` (`("part", "card")`).
  const written = filesUnder(path.join(repo, 'crates/ui/src'), '.rs').flatMap((file) =>
    [...read(file).matchAll(/part="([a-z-]+)"|\("part", "([a-z-]+)"\)/g)].map((m) => m[1] ?? m[2]),
  );
  assert.deepEqual(sorted(element.cssParts.map((p) => p.name)), sorted(written));
});

check('the manifest lists every custom property a host can set', () => {
  const stylesheet = read(path.join(repo, 'static/reader.css'));
  const read_ = [...stylesheet.matchAll(/var\((--ar-[a-z-]+)/g)].map((m) => m[1]).filter((name) => !name.startsWith('--ar-c-'));
  assert.deepEqual(sorted(element.cssProperties.map((p) => p.name)), sorted(read_));
});

check('the manifest and the .d.ts list every event the reader dispatches', () => {
  const dispatched = [...read(path.join(repo, 'crates/ui/src/host_events.rs')).matchAll(/pub const [A-Z]+: &str = "([a-z-]+)";/g)].map((m) => m[1]);
  assert.ok(dispatched.length >= 4, dispatched.join(' '));
  assert.deepEqual(sorted(element.events.map((e) => e.name)), sorted(dispatched));
  const eventMap = block('HTMLElementEventMap');
  for (const name of dispatched) assert.ok(eventMap.includes(`'${name}': CustomEvent<`), `HTMLElementEventMap['${name}']`);
  assert.ok(declarations.includes("'article-reader': ArticleReaderElement;"), 'HTMLElementTagNameMap');
});

check('the module’s version is the package’s', () => {
  const cargo = read(path.join(repo, 'Cargo.toml'));
  const packageVersion = cargo.slice(cargo.indexOf('[package]')).match(/^version = "([^"]+)"/m)[1];
  assert.equal(shell.match(/export const version = '([^']+)';/)[1], packageVersion);
});

check('a host page’s TypeScript compiles against the .d.ts with tsc --strict', () => {
  const tsc = createRequire(path.join(repo, 'tests/e2e/package.json')).resolve('typescript/bin/tsc');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'article-reader-types-'));
  try {
    const config = path.join(folder, 'tsconfig.json');
    writeFileSync(config, JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, target: 'es2022', module: 'es2022', moduleResolution: 'bundler',
        lib: ['es2022', 'dom', 'dom.iterable'], paths: { 'article-reader': [path.join(dist, 'article-reader.d.ts')] },
      },
      files: [path.join(here, 'host.ts')],
    }));
    const run = spawnSync(process.execPath, [tsc, '-p', config], { encoding: 'utf8' });
    assert.equal(run.status, 0, `tsc:\n${run.stdout}${run.stderr}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

console.log(`\n${failures.length ? `${failures.length} failed` : 'all passed'}`);
process.exit(failures.length ? 1 : 0);
