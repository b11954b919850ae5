// Where the reader's time goes: a CPU profile of loading a generated feed and of pressing a tag,
// taken with Chromium's sampling profiler (the DevTools protocol's Profiler domain) on the
// release build with function names kept, and summed by function ("self time") and by area.
//
//   scripts/bench.sh --sizes 10000 --runs 1     # once, to build dist/ and write the feeds
//   node bench/profile.mjs [--size 10000]       # then this; about a minute
//
// The release wasm has no names, so this builds a copy of dist/ in target/bench/profile-dist/
// whose wasm is the same code with its name section kept (wasm-bindgen --keep-debug, wasm-opt
// -Oz -g). ARCHITECTURE.md, "Where the time goes", records what it showed.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { feedFile, PAGE_SIZE } from './feeds.mjs';
import { serve } from './server.mjs';

const { chromium } = createRequire(fileURLToPath(new URL('../tests/e2e/package.json', import.meta.url)))('playwright-core');

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(benchDir, '..');
const out = path.join(repo, 'target', 'bench');
const tools = path.join(os.homedir(), '.cache', 'article-reader', 'tools', 'bin');

const size = Number(process.argv.includes('--size') ? process.argv[process.argv.indexOf('--size') + 1] : 10_000);
const say = (message) => console.error(`[profile] ${message}`);

/** dist/ with a wasm that keeps its function names. */
function namedDist() {
  const dist = path.join(repo, 'dist');
  const built = path.join(repo, 'target', 'wasm32-unknown-unknown', 'release', 'article_reader_app.wasm');
  if (!existsSync(built) || !existsSync(path.join(dist, 'index.html'))) {
    throw new Error('no release build: run scripts/bench.sh (or trunk build --release) first');
  }
  const named = path.join(out, 'profile-dist');
  rmSync(named, { recursive: true, force: true });
  cpSync(dist, named, { recursive: true });
  const bindgen = path.join(out, 'profile-bindgen');
  rmSync(bindgen, { recursive: true, force: true });
  mkdirSync(bindgen, { recursive: true });
  const run = (command, args) => {
    const result = spawnSync(command, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed:\n${result.stderr}`);
  };
  run(path.join(tools, 'wasm-bindgen'), ['--target', 'web', '--keep-debug', '--out-dir', bindgen, '--out-name', 'article-reader-app', built]);
  run(path.join(tools, 'wasm-opt'), [
    '-Oz', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types',
    path.join(bindgen, 'article-reader-app_bg.wasm'), '-o', path.join(named, 'article-reader-app_bg.wasm'),
  ]);
  cpSync(path.join(bindgen, 'article-reader-app.js'), path.join(named, 'article-reader-app.js'));
  return named;
}

/** What a profile node's function is, for the summary: a Rust path shortened, or a JS name. */
function nameOf({ functionName, url }) {
  if (!functionName) return url ? `(anonymous) ${path.basename(url)}` : '(program)';
  return functionName.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
}

/** The area a function belongs to, to see the shape of the time at a glance. */
function areaOf(name, url) {
  if (name.startsWith('(')) return name;
  if (!url.startsWith('wasm://') && !url.endsWith('.wasm')) {
    if (/article-reader-app\.js$/.test(url)) return 'JS glue (wasm-bindgen)';
    return 'browser: DOM, built-ins, other scripts';
  }
  if (/article_reader_core::(load|json|content|raw|date|url)/.test(name)) return 'core: parse and check the feed';
  if (/article_reader_core::(search|selection|tags|filter|order|reading)/.test(name)) return 'core: index, select, search';
  if (/article_reader_core/.test(name)) return 'core: other';
  if (/talc|dlmalloc|alloc::|__rdl_|__rust_(alloc|dealloc|realloc)|memcpy|memmove|memset/.test(name)) return 'allocation and copying';
  if (/yew::|CompStateInner|FunctionProvider|article_reader::/.test(name)) return 'Yew and the views';
  if (/wasm_bindgen|js_sys|web_sys|__wbg|externref/.test(name)) return 'JS/wasm boundary (Rust side)';
  if (/^<?(core|std)::/.test(name)) return 'Rust standard library';
  return 'other wasm';
}

/** Self time per function and per area (ms) of a Profiler.Profile. */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const areas = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const name = nameOf(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + ms);
    const area = areaOf(name, node.callFrame.url);
    areas.set(area, (areas.get(area) ?? 0) + ms);
  });
  const sorted = (map) => [...map].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]);
  // Total time: each sample counted once for every function on its stack (the reader's own
  // functions only, so the table says which of them a cost comes from).
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(byId.get(at).callFrame);
      if (/article_reader/.test(name) && !seen.has(name)) {
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + ms);
      }
    }
  });
  return { functions: sorted(self), areas: sorted(areas), totals: sorted(total) };
}

function print(title, { functions, areas, totals }) {
  const total = areas.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`\n## ${title}: ${total.toFixed(0)} ms of samples (idle left out)\n`);
  console.log('| area | ms | share |\n|---|---|---|');
  for (const [area, ms] of areas) console.log(`| ${area} | ${ms.toFixed(1)} | ${((100 * ms) / total).toFixed(0)}% |`);
  console.log('\n| function (self time) | ms |\n|---|---|');
  for (const [name, ms] of functions.slice(0, 15)) console.log(`| \`${name.slice(0, 110)}\` | ${ms.toFixed(1)} |`);
  console.log('\n| the reader\'s function (total time, callees included) | ms |\n|---|---|');
  for (const [name, ms] of totals.slice(0, 15)) console.log(`| \`${name.slice(0, 110)}\` | ${ms.toFixed(1)} |`);
}

/**
 * Self time per trace event name on the busiest renderer thread: each complete event's duration
 * less its children's, so nested events (a layout forced inside a script) are not counted twice.
 */
function printTrace(title, events) {
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const perThread = new Map();
  for (const e of complete) perThread.set(`${e.pid}:${e.tid}`, (perThread.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const busiest = [...perThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = complete.filter((e) => `${e.pid}:${e.tid}` === busiest).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const event of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - event.dur);
    self.set(event.name, (self.get(event.name) ?? 0) + event.dur);
    stack.push(event);
  }
  const rows = [...self].map(([name, us]) => [name, us / 1000]).filter(([, ms]) => ms >= 0.5).sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`\n## ${title}: ${total.toFixed(0)} ms\n`);
  console.log('| trace event | ms |\n|---|---|');
  for (const [name, ms] of rows.slice(0, 15)) console.log(`| ${name} | ${ms.toFixed(1)} |`);
}

/**
 * Injected into a page: records each click's Event Timing entry, whose processing time is the
 * page's script for that click (listeners and the microtasks they queue), apart from rendering.
 */
function recordClickTimings() {
  window.__clickTimings = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'click') window.__clickTimings.push(entry.processingEnd - entry.processingStart);
    }
  }).observe({ type: 'event', durationThreshold: 0 });
}

function printClickTimings(reader, baseline) {
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
  console.log('\n## Script per tag press (Event Timing: listeners and their microtasks, no rendering)\n');
  console.log('| page | presses | median ms |\n|---|---|---|');
  console.log(`| reader | ${reader.length} | ${median(reader).toFixed(1)} |`);
  console.log(`| baseline | ${baseline.length} | ${median(baseline).toFixed(1)} |`);
}

/** Presses a middling tag, then the largest, then releases it, each time until the feed changes. */
async function pressThreeTags(page) {
  const toggles = page.locator('button.ar-toggle');
  const middle = Math.floor((await toggles.count()) / 2);
  for (const slot of [middle, 0, 0]) {
    const before = await page.locator('[role=feed] article').first().getAttribute('aria-setsize');
    await toggles.nth(slot).click();
    await page.waitForFunction((b) => document.querySelector('[role=feed] article')?.getAttribute('aria-setsize') !== b, before);
    await page.waitForTimeout(100); // Let the frame that shows it be painted before the next press.
  }
}

/** The trace events of what `act` makes the page do. */
async function traced(cdp, act) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await act();
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

async function main() {
  const feed = feedFile(path.join(out, 'feeds'), size);
  if (!existsSync(feed)) throw new Error(`${feed} is missing: run scripts/bench.sh --sizes ${size} --runs 1 first`);
  const named = namedDist();
  say(`profiling ${path.relative(repo, feed)} with ${readdirSync(named).length} files from ${path.relative(repo, named)}`);
  const server = await serve({
    '/reader/': [named],
    '/baseline/': [path.join(benchDir, 'baseline'), path.join(repo, 'static')],
    '/feeds/': [path.dirname(feed)],
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.addInitScript(recordClickTimings);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

    await cdp.send('Profiler.start');
    await page.goto(`${origin}/reader/index.html?src=/feeds/${path.basename(feed)}&max-size=1GiB`);
    await page.waitForSelector('[role=feed] article', { timeout: 600_000 });
    const load = (await cdp.send('Profiler.stop')).profile;
    print(`Loading ${size.toLocaleString('en')} articles to the first feed page (${PAGE_SIZE} cards)`, summarise(load));

    // What the reader builds after its first page (search index, counts, bit sets), until the
    // page has been idle for a second: the long tasks the 100 ms limit is about.
    await cdp.send('Profiler.start');
    await page.evaluate(() => new Promise((resolve) => {
      let quiet = performance.now();
      new PerformanceObserver((list) => { for (const task of list.getEntries()) quiet = task.startTime + task.duration; }).observe({ type: 'longtask' });
      const check = () => (performance.now() - quiet > 1000 ? resolve() : setTimeout(check, 100));
      check();
    }));
    print('After the first page, until a second without long tasks', summarise((await cdp.send('Profiler.stop')).profile));

    // Opening the first article, and back to the feed, once the search index is built (a
    // search waits for it), as in scripts/bench.sh, where a word is typed first.
    await page.locator('.ar-search__input').fill('a');
    await page.waitForFunction(() => !document.querySelector('.ar-filter__status')?.textContent.startsWith('Getting search ready'), null, { timeout: 600_000, polling: 100 });
    await page.locator('.ar-search__input').fill('');
    await page.waitForTimeout(500);
    await cdp.send('Profiler.start');
    await page.locator('[role=feed] article h2 a').first().click();
    await page.waitForSelector('a.ar-back');
    await page.waitForTimeout(100);
    print('Opening an article', summarise((await cdp.send('Profiler.stop')).profile));
    await cdp.send('Profiler.start');
    await page.locator('a.ar-back').click();
    await page.waitForSelector('[role=feed] article');
    await page.waitForTimeout(100);
    print('Back to the feed', summarise((await cdp.send('Profiler.stop')).profile));

    // Three tag presses, once under the CPU profiler (which functions), once under a trace
    // (what the main thread did: script, style, layout, paint); then the baseline's trace.
    await cdp.send('Profiler.start');
    await pressThreeTags(page);
    const tags = (await cdp.send('Profiler.stop')).profile;
    print('Three tag presses on the feed page', summarise(tags));
    printTrace('The same three presses, the main thread by trace event (self time)', await traced(cdp, () => pressThreeTags(page)));
    for (let i = 0; i < 3; i++) await pressThreeTags(page);
    // The last nine presses: the earlier ones ran under the profiler or the trace.
    const readerClicks = (await page.evaluate(() => window.__clickTimings)).slice(-9);
    await context.close();

    const baseline = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const basePage = await baseline.newPage();
    await basePage.addInitScript(recordClickTimings);
    const baseCdp = await baseline.newCDPSession(basePage);
    await basePage.goto(`${origin}/baseline/index.html?src=/feeds/${path.basename(feed)}`);
    await basePage.waitForSelector('[role=feed] article', { timeout: 600_000 });
    await basePage.waitForTimeout(1000); // The baseline builds its search text after its first paint.
    printTrace('The JavaScript baseline, the same three presses (self time)', await traced(baseCdp, () => pressThreeTags(basePage)));
    for (let i = 0; i < 3; i++) await pressThreeTags(basePage);
    printClickTimings(readerClicks, (await basePage.evaluate(() => window.__clickTimings)).slice(-9));
  } finally {
    await browser.close();
    server.close();
  }
}

try {
  await main();
} catch (error) {
  say(`stopped: ${error.message}`);
  process.exitCode = 2;
}
