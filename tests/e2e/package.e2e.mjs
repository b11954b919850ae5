// The npm package the release build makes of the embedding module, used as a host uses it:
// `npm pack` in dist/, the tarball installed into an empty folder (offline: it has no
// dependencies, so no registry is asked), then
//   - node resolves `article-reader` and `article-reader/reader.css` through its `exports`;
//   - a host page's TypeScript (tests/types/host.ts) compiles against the installed package's
//     types with `tsc --strict`, found through `exports` alone;
//   - a host page that maps `article-reader` to node_modules/article-reader/article-reader.js
//     with an import map, and does `import "article-reader"`, gets a reader in headless
//     Chromium: `article-reader-ready` fires, the headlines show, and the wasm and the
//     stylesheet come from the installed package, with nothing logged as an error.
//
//   node tests/e2e/package.e2e.mjs dist

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { BASE_PATH, UK, US, originOf, repoRoot, serve } from './server.mjs';

const dist = path.resolve(process.argv[2] ?? 'dist');
const work = mkdtempSync(path.join(os.tmpdir(), 'article-reader-package-'));
const host = path.join(work, 'host');
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--offline'], { cwd, encoding: 'utf8' });

let failed = 0;
async function check(name, run) {
  try {
    await run();
    console.log(`ok   ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${String(error.message).split('\n').join('\n     ')}`);
  }
}

const cargo = readFileSync(path.join(repoRoot, 'Cargo.toml'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(dist, 'package.json'), 'utf8'));

try {
  await check('dist/package.json: name and version from Cargo.toml, an ES module with its exports, types and manifest', () => {
    const section = (name) => cargo.slice(cargo.indexOf(`[${name}]`) + name.length + 2).split(/^\[/m)[0];
    assert.equal(manifest.name, section('package.metadata.npm').match(/^name = "([^"]+)"/m)[1]);
    assert.equal(manifest.version, section('package').match(/^version = "([^"]+)"/m)[1]);
    assert.equal(manifest.type, 'module');
    assert.deepEqual(manifest.exports, {
      '.': { types: './article-reader.d.ts', default: './article-reader.js' },
      './reader.css': './reader.css',
    });
    assert.equal(manifest.types, './article-reader.d.ts');
    assert.equal(manifest.customElements, './custom-elements.json');
    // The module loads these from beside itself (static/article-reader.js): all must ship.
    for (const file of ['article-reader.js', 'article-reader-app.js', 'article-reader-app_bg.wasm', 'reader.css',
      'article-reader.d.ts', 'custom-elements.json', 'lang/ar.json', 'lang/ur.json', 'lang/fr.json', 'lang/es.json', 'lang/de.json']) {
      assert.ok(manifest.files.includes(file), `files has ${file}`);
      assert.ok(existsSync(path.join(dist, file)), `dist/${file} exists`);
    }
  });

  let tarball;
  await check('npm pack in dist/ packs the package’s files and nothing else of the build', () => {
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], dist));
    tarball = path.join(work, packed.filename);
    assert.equal(packed.name, manifest.name);
    assert.equal(packed.version, manifest.version);
    assert.deepEqual(packed.files.map((f) => f.path).sort(), [...manifest.files, 'package.json'].sort());
  });

  await check('the tarball installs into an empty folder, offline', () => {
    mkdirSync(host);
    // A package.json of its own, so that npm installs here and not into some folder above.
    writeFileSync(path.join(host, 'package.json'), '{ "private": true }\n');
    npm(['install', tarball], host);
    const installed = JSON.parse(readFileSync(path.join(host, 'node_modules', manifest.name, 'package.json'), 'utf8'));
    assert.equal(installed.version, manifest.version);
  });

  await check('node resolves the package and its stylesheet through `exports`', () => {
    const resolve = (specifier) => execFileSync(process.execPath, ['--input-type=module', '-e',
      `process.stdout.write(import.meta.resolve(${JSON.stringify(specifier)}))`], { cwd: host, encoding: 'utf8' });
    const installed = path.join(host, 'node_modules', manifest.name);
    assert.equal(new URL(resolve(manifest.name)).pathname, path.join(installed, 'article-reader.js'));
    assert.equal(new URL(resolve(`${manifest.name}/reader.css`)).pathname, path.join(installed, 'reader.css'));
  });

  await check('a host page’s TypeScript compiles against the installed package’s types (tsc --strict)', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    copyFileSync(path.join(repoRoot, 'tests/types/host.ts'), path.join(host, 'host.ts'));
    writeFileSync(path.join(host, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, target: 'es2022', module: 'es2022', moduleResolution: 'bundler',
        lib: ['es2022', 'dom', 'dom.iterable'],
      },
      files: ['host.ts'],
    }));
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: host, encoding: 'utf8' });
  });

  await check('a host page imports it through an import map and gets a reader', async () => {
    writeFileSync(path.join(host, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host of the npm package</title><link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "article-reader": "./node_modules/article-reader/article-reader.js" } }</script>
<script>
  // The event's detail, or why the reader did not start (its \`ready\` rejects then).
  window.outcome = new Promise((resolve) => {
    document.addEventListener('article-reader-ready', (event) => resolve({ ready: event.detail }), { once: true });
    customElements.whenDefined('article-reader').then(() => document.getElementById('news').ready)
      .catch((error) => resolve({ failed: String(error?.message ?? error) }));
  });
</script>
<script type="module">import { version } from 'article-reader'; window.readerVersion = version;</script>
</head><body><article-reader id="news" lang="fr"></article-reader></body></html>`);
    const server = await serve(host);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
      const loaded = [];
      page.on('requestfinished', (request) => loaded.push(new URL(request.url()).pathname));
      await page.goto(`${originOf(server)}${BASE_PATH}`);
      // A module that never loads defines no element and says nothing: the deadline says it.
      let timer;
      const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no article-reader-ready in 60 s; ${problems.join('; ')}`)), 60_000);
      });
      const outcome = await Promise.race([page.evaluate(() => window.outcome), deadline]).finally(() => clearTimeout(timer));
      assert.deepEqual(outcome, { ready: { articles: 2, skipped: 0 } });
      assert.equal(await page.evaluate(() => window.readerVersion), manifest.version);
      const reader = page.locator('#news');
      assert.deepEqual((await reader.locator('[role=feed] article h2').allTextContents()).map((t) => t.trim()), [UK, US]);
      // Styled by the package's stylesheet: the reader's own background, not the page's.
      assert.notEqual(await reader.locator('.ar-app').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgba(0, 0, 0, 0)');
      const installed = `${BASE_PATH}node_modules/article-reader/`;
      assert.equal(await reader.locator('.ar-search__input').getAttribute('placeholder'), 'Rechercher', 'the French file, from the package');
      for (const file of ['article-reader.js', 'article-reader-app.js', 'article-reader-app_bg.wasm', 'reader.css', 'lang/fr.json']) {
        assert.ok(loaded.includes(`${installed}${file}`), `${file} from the installed package: ${loaded.join(' ')}`);
      }
      assert.deepEqual(problems, [], 'the page logged no errors');
    } finally {
      await browser.close();
      server.close();
    }
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(failed ? `\n${failed} failed` : '\nall passed');
process.exit(failed ? 1 : 0);
