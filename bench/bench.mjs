// The benchmark of issue 6, "Fast and small at every size": measures the release build of the
// reader beside a plain JavaScript baseline (bench/baseline/) in Debian's headless Chromium, on
// the bundled feed and on generated feeds of 1,000 to 100,000 articles (100,000 also in split
// form, for the reader alone), and prints one table.
// Run it through scripts/bench.sh, which installs the tools and builds dist/ first:
//
//   scripts/bench.sh [--runs N] [--sizes 1000,10000,100000] [--check]
//   node bench/bench.mjs --serve      # serve the reader, the baseline and the feeds to look at by hand
//   BENCH_TRACE=1 scripts/bench.sh    # say every step of every run
//
// See README.md, "Performance", for what each figure means.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { compressedSizes, transferOf } from '../tests/size/reader-size.mjs';
import { expectedView, factsOfFeedFile, feedFile, PAGE_SIZE, tagIndex, transferSizes, writeGeneratedFeed } from './feeds.mjs';
import { checkBudgets, machine, markdownReport, tableOf } from './report.mjs';
import { fileFor, serve } from './server.mjs';

// playwright-core comes from the end-to-end checks' pinned packages (tests/e2e/package-lock.json),
// which scripts/setup.sh installs; it drives Debian's Chromium and never downloads a browser.
const { chromium } = createRequire(fileURLToPath(new URL('../tests/e2e/package.json', import.meta.url)))('playwright-core');

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(benchDir, '..');
const out = path.join(repo, 'target', 'bench');
const seedFeed = path.join(repo, 'feeds', 'seed.json');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
/** Feeds at least this large get fewer runs: each takes a while to load. */
const BIG_FEED = 50_000;
/** The generated feed also measured in split form (index and body chunks), reader only. */
const SPLIT_SIZE = 100_000;
/** The reader refuses feeds over 64 MiB unless told; the largest generated feed is about 390 MB. */
const MAX_SIZE = '1GiB';
const LOAD_TIMEOUT = 10 * 60_000;
const STEP_TIMEOUT = 60_000;

function parseArguments(argv) {
  const options = { runs: 5, sizes: [1000, 10_000, 100_000], check: false, serve: false };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (name === '--runs') options.runs = Number(value());
    else if (name === '--sizes') options.sizes = value().split(',').map((s) => Number(s.replaceAll('_', '')));
    else if (name === '--check') options.check = true;
    else if (name === '--serve') options.serve = true;
    else throw new Error(`unknown argument ${argv[i]}; use --runs N, --sizes 1000,10000,100000, --check or --serve`);
  }
  if (!(Number.isInteger(options.runs) && options.runs >= 1)) throw new Error('--runs wants a whole number from 1');
  for (const size of options.sizes) {
    if (!(Number.isInteger(size) && size >= 1 && size <= 100_000)) throw new Error(`--sizes: ${size} is not a number of articles from 1 to 100000`);
  }
  return options;
}

const say = (message) => console.error(`[bench] ${message}`);
/** Step-by-step progress, with BENCH_TRACE=1: where a run that seems stuck is. */
const trace = process.env.BENCH_TRACE ? (message) => console.error(`[bench]   ${message}`) : () => {};
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// ---------------------------------------------------------------------------------------------
// What to do on each feed, and what the page must show after each step

/**
 * The steps of a run on `feed`, each with the view the feed page must show after it: type the
 * search word a letter at a time; clear it; press a tag of middling size (A), then the largest
 * other tag (B) in "any" mode; release B, switch to "all" and press B again; open the first
 * article; go back; clear the filter and press "Show more" (where the feed has more than a page).
 */
function planFor(feed) {
  const { facts } = feed;
  const entries = tagIndex(facts);
  const slotA = Math.floor(entries.length / 2);
  const slotB = slotA === 0 ? 1 : 0;
  const [a, b] = [entries[slotA].key, entries[slotB].key];
  const view = (query) => expectedView(facts, entries, query);
  const both = [a, b].sort();
  const allMode = view({ tags: both, mode: 'all' });
  assert.ok(allMode.setsize > 0, `no article of the ${feed.name} feed has both ${a} and ${b}, so none can be opened`);
  return {
    slotA,
    slotB,
    word: facts.searchWord,
    initial: view({}),
    typing: [...facts.searchWord].map((_, i) => view({ typed: i + 1 })),
    tagA: view({ tags: [a] }),
    tagsAB: view({ tags: both }),
    tagAAll: view({ tags: [a], mode: 'all' }),
    tagsABAll: allMode,
    opened: { title: facts.articles.find((article) => article.id === allMode.ids[0])?.title },
    // "Show more" on the whole feed, where it has more than a page.
    more: view({ pages: 2 }),
  };
}

// ---------------------------------------------------------------------------------------------
// One run: a fresh browser context and page, every step timed inside the page

const shownState = (view) =>
  'title' in view ? { title: view.title, body: true } : { first: view.ids[0], setsize: view.setsize, pageSize: PAGE_SIZE * (view.pages ?? 1) };

async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until the feed page shows exactly `view` (cards, result size, every tag's count). */
async function expectView(page, view, step) {
  trace(`expecting the view after ${step}`);
  try {
    await page.waitForFunction(
      (expected) => {
        const shown = window.__benchProbe.feedView();
        return ['ids', 'setsize', 'counts'].every((key) => JSON.stringify(shown[key]) === JSON.stringify(expected[key]));
      },
      view,
      { timeout: STEP_TIMEOUT, polling: 50 },
    );
  } catch {
    const shown = await page.evaluate(() => window.__benchProbe.feedView());
    assert.deepEqual(shown, { ids: view.ids, setsize: view.setsize, counts: view.counts }, `after "${step}" the page does not show what the feed says it must`);
  }
}

/** Times `act` from its `type` input event until the page shows `view`; returns { ready, painted } in ms. */
async function timed(page, type, view, act, step) {
  trace(`timing ${step}`);
  await page.evaluate(([t, v]) => window.__benchProbe.arm(t, v), [type, shownState(view)]);
  await act();
  return withTimeout(page.evaluate(() => window.__benchProbe.pending), STEP_TIMEOUT, step);
}

/** JS heap in use after a full garbage collection, and the size of every WebAssembly memory. */
async function memoryOf(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  // Every WebAssembly.Memory object in the page's heap (the reader's one), found without the page's help.
  const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype', objectGroup: 'bench' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId, objectGroup: 'bench' });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'bench' });
  await cdp.detach();
  return { jsHeap: heap.usedSize, wasm: result.value, total: heap.usedSize + result.value };
}

async function runOnce(browser, origin, implementation, feed, plan) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
  const loaded = new Set();
  page.on('request', (request) => loaded.add(new URL(request.url()).pathname));
  // The first article the feed must show: the standalone page holds the bundled feed's view,
  // prerendered, which must not count as another feed's first article.
  await page.addInitScript((first) => Object.defineProperty(window, '__benchFirstArticle', { value: first }), plan.initial.ids[0]);
  await page.addInitScript({ path: path.join(benchDir, 'after-next-paint.js') });
  await page.addInitScript({ path: path.join(benchDir, 'probe.js') });
  const times = {};
  try {
    await page.goto(`${origin}${feed.url[implementation]}`, { waitUntil: 'commit' });
    times.firstArticle = await withTimeout(page.evaluate(() => window.__benchProbe.firstArticle), LOAD_TIMEOUT, 'the first article');
    await expectView(page, plan.initial, 'loading');
    // A prerendered view is not usable until the wasm has hydrated it.
    await page.waitForFunction(() => document.querySelector('.ar-prerendered') === null, null, { timeout: LOAD_TIMEOUT, polling: 50 });

    // Search the whole feed, one keystroke at a time.
    const search = page.locator('.ar-search__input');
    await search.click();
    const keystrokes = [];
    for (const [i, letter] of [...plan.word].entries()) {
      const step = `typing "${plan.word.slice(0, i + 1)}"`;
      keystrokes.push(await timed(page, 'keydown', plan.typing[i], () => page.keyboard.press(letter), step));
      await expectView(page, plan.typing[i], step);
    }
    times.keystroke = { ready: median(keystrokes.map((k) => k.ready)), painted: median(keystrokes.map((k) => k.painted)) };
    await search.fill('');
    await expectView(page, plan.initial, 'clearing the search');

    // Tags: one, a second in "any" mode, and the second again in "all" mode.
    const toggle = (slot) => page.locator('button.ar-toggle').nth(slot);
    times.tag = await timed(page, 'click', plan.tagA, () => toggle(plan.slotA).click(), 'the first tag');
    await expectView(page, plan.tagA, 'the first tag');
    times.secondTagAny = await timed(page, 'click', plan.tagsAB, () => toggle(plan.slotB).click(), 'a second tag (any)');
    await expectView(page, plan.tagsAB, 'a second tag (any)');
    await toggle(plan.slotB).click();
    await expectView(page, plan.tagA, 'releasing the second tag');
    await page.locator('.ar-mode input[type=radio]').nth(1).click();
    await expectView(page, plan.tagAAll, 'switching to all');
    times.secondTagAll = await timed(page, 'click', plan.tagsABAll, () => toggle(plan.slotB).click(), 'a second tag (all)');
    await expectView(page, plan.tagsABAll, 'a second tag (all)');

    // An article and back.
    times.open = await timed(page, 'click', plan.opened, () => page.locator('[role=feed] article h2 a').first().click(), 'opening an article');
    times.back = await timed(page, 'click', plan.tagsABAll, () => page.locator('a.ar-back').click(), 'going back');
    await expectView(page, plan.tagsABAll, 'going back');

    // "Show more" on the whole feed: twenty more cards below the twenty shown.
    if (plan.more.setsize > PAGE_SIZE) {
      await page.locator('.ar-clear').click();
      await expectView(page, plan.initial, 'clearing the filter');
      times.more = await timed(page, 'click', plan.more, () => page.locator('.ar-more__button').click(), 'showing more');
      await expectView(page, plan.more, 'showing more');
    }

    // The longest task from the first article on (the interactions' included): a page that
    // builds what only later needs in one go shows it here.
    const longestTask = await page.evaluate(
      (from) => Math.max(0, ...window.__benchProbe.longTasks.filter((task) => task.start >= from).map((task) => task.duration)),
      times.firstArticle.ready,
    );
    const memory = await memoryOf(context, page);
    assert.deepEqual(problems, [], `the ${implementation} logged errors`);
    return { times, memory, longestTask, loaded: [...loaded] };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Transfer sizes of the page's own files

/** Raw, gzip and brotli bytes of the JS, wasm and CSS a page loaded (the feed, HTML and icon apart). */
function transferOfPage(mounts, paths, options) {
  const files = paths
    .filter((p) => /\.(js|mjs|wasm|css)$/.test(p))
    .map((p) => fileFor(mounts, p))
    .filter(Boolean)
    .sort();
  return transferOf(files, options);
}

// ---------------------------------------------------------------------------------------------

/**
 * The generated feed of `size` articles in split form (written by the project's splitter unless
 * it is newer than the feed), measured for the reader only: the baseline has no split form. Its
 * search covers what the index holds (titles and summaries), so its facts come from the index.
 */
async function splitFeedOf(feedsDir, size, facts) {
  const feed = feedFile(feedsDir, size);
  const dir = feed.replace(/\.json$/, '-split');
  const index = path.join(dir, 'index.json');
  // Split again when the feed or the splitter changed since.
  const splitter = path.join(repo, 'crates', 'core', 'src', 'feed', 'split.rs');
  if (!existsSync(index) || statSync(index).mtimeMs < Math.max(statSync(feed).mtimeMs, statSync(splitter).mtimeMs)) {
    rmSync(dir, { recursive: true, force: true });
    say(`splitting ${path.relative(repo, feed)} into ${path.relative(repo, dir)}/ with article-reader-split`);
    const run = spawnSync(
      'cargo',
      ['run', '--quiet', '--locked', '--release', '-p', 'article-reader-core', '--bin', 'article-reader-split', '--', feed, dir],
      { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
    );
    if (run.status !== 0) throw new Error(`the splitter failed:\n${run.stderr}`);
  }
  const src = `/feeds/${path.basename(dir)}/index.json`;
  return {
    name: `${size.toLocaleString('en')} split`,
    articles: size,
    readerOnly: true,
    facts: factsOfFeedFile(index, facts.searchWord),
    transfer: await transferSizes(index),
    url: { reader: `/reader/index.html?src=${src}` },
  };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const dist = path.join(repo, 'dist');
  const feedsDir = path.join(out, 'feeds');
  mkdirSync(feedsDir, { recursive: true });
  const mounts = {
    '/reader/': [dist],
    '/baseline/': [path.join(benchDir, 'baseline'), path.join(repo, 'static')],
    '/feeds/': [feedsDir, path.join(repo, 'feeds')],
  };

  const feeds = [
    {
      name: 'seed',
      articles: JSON.parse(readFileSync(seedFeed, 'utf8')).items.length,
      facts: factsOfFeedFile(seedFeed, 'lawmakers'),
      transfer: compressedSizes(readFileSync(seedFeed)),
      // The reader shows its bundled copy; the baseline has none, so it fetches the same file.
      url: { reader: '/reader/index.html', baseline: '/baseline/index.html?src=/feeds/seed.json' },
    },
  ];
  for (const size of [...new Set(options.sizes)].sort((a, b) => a - b)) {
    const facts = await writeGeneratedFeed(feedsDir, size, say);
    const src = `/feeds/${path.basename(feedFile(feedsDir, size))}`;
    feeds.push({
      name: size.toLocaleString('en'),
      articles: size,
      facts,
      transfer: facts.transfer,
      url: { reader: `/reader/index.html?src=${src}&max-size=${MAX_SIZE}`, baseline: `/baseline/index.html?src=${src}` },
    });
    if (size === SPLIT_SIZE) feeds.push(await splitFeedOf(feedsDir, size, facts));
  }

  const server = await serve(mounts);
  const origin = `http://127.0.0.1:${server.address().port}`;
  if (options.serve) {
    say(`serving until you stop it (Ctrl-C):`);
    for (const feed of feeds) say(`  ${feed.name}: ${origin}${feed.url.reader}   ${origin}${feed.url.baseline}`);
    return;
  }

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const started = Date.now();
  const results = { date: new Date().toISOString(), chromium: `Chromium ${browser.version()}`, machine: machine(), runs: options.runs, feeds: [] };
  let loadedBy = {};
  try {
    for (const feed of feeds) {
      const plan = planFor(feed);
      const runs = feed.articles >= BIG_FEED ? Math.max(1, Math.ceil(options.runs / 3)) : options.runs;
      const samples = { reader: [], baseline: [] };
      for (let run = 0; run < runs; run++) {
        // Alternate which goes first, so neither always meets a colder or warmer machine.
        const order = feed.readerOnly ? ['reader'] : run % 2 ? ['baseline', 'reader'] : ['reader', 'baseline'];
        for (const implementation of order) {
          say(`${feed.name}: ${implementation}, run ${run + 1} of ${runs}`);
          const sample = await runOnce(browser, origin, implementation, feed, plan);
          samples[implementation].push(sample);
          if (feed.name === 'seed') loadedBy[implementation] ??= sample.loaded;
        }
      }
      const summary = (list) => ({
        times: Object.fromEntries(
          Object.keys(list[0].times).map((key) => [key, { ready: median(list.map((s) => s.times[key].ready)), painted: median(list.map((s) => s.times[key].painted)) }]),
        ),
        memory: Object.fromEntries(Object.keys(list[0].memory).map((key) => [key, median(list.map((s) => s.memory[key]))])),
        longestTask: median(list.map((s) => s.longestTask)),
        samples: list.map(({ times, memory, longestTask }) => ({ times, memory, longestTask })),
      });
      results.feeds.push({
        name: feed.name,
        articles: feed.articles,
        runs,
        transfer: feed.transfer,
        readerOnly: Boolean(feed.readerOnly),
        reader: summary(samples.reader),
        baseline: feed.readerOnly ? null : summary(samples.baseline),
      });
    }
  } finally {
    await browser.close();
    server.close();
  }
  results.seconds = Math.round((Date.now() - started) / 1000);
  results.transfer = {
    reader: transferOfPage(mounts, loadedBy.reader),
    readerWithoutBundledFeed: transferOfPage(mounts, loadedBy.reader, { withoutBundledFeed: true }),
    baseline: transferOfPage(mounts, loadedBy.baseline),
  };
  results.budgets = checkBudgets(results);

  const table = tableOf(results, { withBudgets: options.check });
  console.log(table);
  writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(out, 'results.md'), markdownReport(results, table));
  say(`wrote ${path.relative(repo, path.join(out, 'results.json'))} and results.md (${results.seconds} s of measuring)`);
  if (options.check && results.budgets.some((b) => !b.pass)) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  say(`stopped: ${error.message}`);
  process.exitCode = 2;
}
