// The first-paint case of issue 18, "There before the wasm": how soon the bundled (seed) feed's
// first article is on screen when a page is opened cold, in Debian's headless Chromium, for
//
//   - the standalone page of this build (dist/index.html, its feed view prerendered, hydrated);
//   - a host page holding this build's embed snippet (`article-reader-import feeds/seed.json
//     --embed`: an <article-reader> with a declarative shadow root, the feed inline);
//   - the plain JavaScript baseline (bench/baseline/), fetching the same feed;
//   - the build before prerendering (commit a576dd0): its standalone page, and a host page with
//     its <article-reader> holding the same feed inline,
//
// on loopback and throttled through the DevTools protocol (150 ms latency, 1.6 Mbit/s each way,
// CPU slowed 4 times), with every file served gzip-compressed as a static host sends it. Each
// figure is the median of 5 runs (a fresh browser context each, cache off), and the pages take
// turns going first. Run it through scripts/bench.sh, which builds dist/ first:
//
//   scripts/bench.sh --first-paint [--runs N] [--check] [--before DIR]
//   node bench/first-paint.mjs --serve     # serve the five pages to look at by hand
//
// --before DIR  a dist/ built from the commit before prerendering; without it the build is made
//               once in target/bench/before/ (the commit's tree from git, trunk, minutes).
// --check       judge issue 18's targets: first article at most 1.1 times the baseline's, in both
//               conditions, and cumulative layout shift under 0.01 until interactive.
//
// bench/first-paint-probe.js says how each figure is taken; README.md, "Performance", too.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { machine, render } from './report.mjs';
import { serve } from './server.mjs';

const { chromium } = createRequire(fileURLToPath(new URL('../tests/e2e/package.json', import.meta.url)))('playwright-core');

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(benchDir, '..');
const out = path.join(repo, 'target', 'bench');
const work = path.join(out, 'first-paint');
const seedFeed = path.join(repo, 'feeds', 'seed.json');

/** The last commit before issue 18's prerendering: the "before" build. */
const BEFORE_COMMIT = 'a576dd0';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
const LOAD_TIMEOUT = 120_000;
/** How long after the interactive frame a run keeps listening for layout shifts. */
const AFTER_INTERACTIVE = 1000;
/** Issue 18's throttled condition: a slow 4G network and a phone's CPU. */
const THROTTLED = { latency: 150, bitsPerSecond: 1.6e6, cpuRate: 4 };
const CONDITIONS = [
  { key: 'localhost', name: 'localhost' },
  { key: 'throttled', name: `throttled (${THROTTLED.latency} ms, ${THROTTLED.bitsPerSecond / 1e6} Mbit/s, CPU ×${THROTTLED.cpuRate})`, throttle: THROTTLED },
];
/** The pages, in the table's order; `interactive` is how the probe knows the reader is usable. */
const PAGES = [
  { key: 'baseline', name: 'baseline (plain JavaScript)', url: '/baseline/index.html?src=/feeds/seed.json', interactive: 'settled' },
  { key: 'before', name: 'before (a576dd0): standalone page', url: '/before/index.html', interactive: 'ready' },
  { key: 'beforeEmbed', name: 'before (a576dd0): embedded, feed inline', url: '/host/before.html', interactive: 'ready' },
  { key: 'after', name: 'after: standalone page, prerendered', url: '/reader/index.html', interactive: 'hydrated' },
  { key: 'afterEmbed', name: 'after: embedded snippet, prerendered', url: '/host/after.html', interactive: 'hydrated' },
];
/** The pages issue 18's targets are for. */
const JUDGED = ['after', 'afterEmbed'];
const TARGET_RATIO = 1.1;
const TARGET_CLS = 0.01;

function parseArguments(argv) {
  const options = { runs: 5, check: false, serve: false, before: null };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (name === '--runs') options.runs = Number(value());
    else if (name === '--check') options.check = true;
    else if (name === '--serve') options.serve = true;
    else if (name === '--before') options.before = path.resolve(value());
    else throw new Error(`unknown argument ${argv[i]}; use --runs N, --check, --before DIR or --serve`);
  }
  if (!(Number.isInteger(options.runs) && options.runs >= 1)) throw new Error('--runs wants a whole number from 1');
  return options;
}

const say = (message) => console.error(`[bench] ${message}`);
const trace = process.env.BENCH_TRACE ? (message) => console.error(`[bench]   ${message}`) : () => {};
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const sum = (values) => values.reduce((a, b) => a + b, 0);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

// ---------------------------------------------------------------------------------------------
// What is served

/** The before build's dist/: `--before DIR`, or made once from BEFORE_COMMIT in target/bench/before/. */
function beforeDist(given) {
  if (given) {
    if (!existsSync(path.join(given, 'index.html'))) throw new Error(`--before ${given}: no index.html there`);
    return given;
  }
  const tree = path.join(out, 'before');
  const dist = path.join(tree, 'dist');
  if (existsSync(path.join(dist, 'index.html'))) return dist;
  say(`building ${BEFORE_COMMIT} (the reader before prerendering) in ${path.relative(repo, tree)}/ (minutes, once)`);
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  run('sh', ['-c', `git archive ${BEFORE_COMMIT} | tar -x -C "${tree}"`]);
  run('trunk', ['build', '--offline', '--release', '--locked'], { cwd: tree, env: { ...process.env, CARGO_TARGET_DIR: path.join(out, 'before-target') } });
  return dist;
}

/** A plain host page around `reader`: a masthead and a sentence of the host's own, then the reader. */
const hostPage = (title, reader) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <style>body { margin: 0 auto; max-width: 60rem; padding: 1rem; font-family: system-ui, sans-serif; } h1 { font-size: 1.5rem; }</style>
  </head>
  <body>
    <h1>A host page</h1>
    <p>A publisher's page with the reader embedded below.</p>
${reader}
  </body>
</html>
`;

/**
 * The two host pages: this build's snippet, written by the importer (its module from
 * /reader/article-reader.js), and the before build's element with the same feed inline.
 */
function writeHostPages() {
  mkdirSync(work, { recursive: true });
  const snippet = path.join(work, 'snippet.html');
  say('writing the seed feed\'s embed snippet with article-reader-import --embed');
  run('cargo', [
    'run', '--quiet', '--locked', '--release', '-p', 'article-reader-importer', '--bin', 'article-reader-import', '--',
    seedFeed, '-o', path.join(work, 'seed.json'), '--embed', snippet, '--module', '/reader/article-reader.js',
  ]);
  writeFileSync(path.join(work, 'after.html'), hostPage('Host page: the prerendered snippet', readFileSync(snippet, 'utf8')));
  // The before build reads an inline feed too; `<` is escaped so the feed cannot end the script.
  const inline = JSON.stringify(JSON.parse(readFileSync(seedFeed, 'utf8'))).replaceAll('<', '\\u003c');
  const element = `    <script type="module" src="/before/article-reader.js"></script>
    <article-reader><script type="application/feed+json">${inline}</script></article-reader>`;
  writeFileSync(path.join(work, 'before.html'), hostPage('Host page: the reader before prerendering', element));
}

// ---------------------------------------------------------------------------------------------
// One load

async function loadOnce(browser, origin, page, condition, expectedTitle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const tab = await context.newPage();
  const problems = [];
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  tab.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
  const cdp = await context.newCDPSession(tab);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (condition.throttle) {
    const { latency, bitsPerSecond, cpuRate } = condition.throttle;
    const throughput = bitsPerSecond / 8;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: throughput, uploadThroughput: throughput });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  }
  await tab.addInitScript({ path: path.join(benchDir, 'after-next-paint.js') });
  await tab.addInitScript({ path: path.join(benchDir, 'first-paint-probe.js') });
  try {
    trace(`${condition.key}: opening ${page.url}`);
    await tab.goto(`${origin}${page.url}`, { waitUntil: 'commit' });
    const firstArticle = await tab.evaluate(() => window.__firstPaintProbe.firstArticle);
    const interactive = await tab.evaluate((kind) => window.__firstPaintProbe.interactive[kind], page.interactive);
    await tab.waitForTimeout(AFTER_INTERACTIVE);
    const report = await tab.evaluate(() => window.__firstPaintProbe.report());
    const headline = await tab.evaluate(() => {
      const root = document.querySelector('article-reader')?.shadowRoot ?? document;
      return root.querySelector('[role=feed] article h2')?.textContent.trim();
    });
    if (headline !== expectedTitle) throw new Error(`${page.name}: the first headline is ${JSON.stringify(headline)}, not ${JSON.stringify(expectedTitle)}`);
    if (problems.length) throw new Error(`${page.name} (${condition.key}) logged errors:\n${problems.join('\n')}`);
    const until = interactive.painted;
    const shifts = report.shifts.filter((s) => s.startTime <= until);
    const later = report.shifts.filter((s) => s.startTime > until);
    return {
      firstArticle,
      fcp: report.fcp,
      interactive,
      cls: sum(shifts.map((s) => s.value)),
      clsAfter: sum(later.map((s) => s.value)),
      shifts: report.shifts,
      readyHeard: report.readyHeard,
      bytes,
    };
  } finally {
    await cdp.detach().catch(() => {});
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The table

const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

function summarise(samples) {
  const of = (pick) => median(samples.map(pick));
  return {
    firstArticle: of((s) => s.firstArticle.frame),
    firstArticlePainted: of((s) => s.firstArticle.painted),
    fcp: of((s) => s.fcp),
    cls: of((s) => s.cls),
    clsMax: Math.max(...samples.map((s) => s.cls)),
    clsAfter: of((s) => s.clsAfter),
    interactive: of((s) => s.interactive.painted),
    bytes: of((s) => s.bytes),
  };
}

function checkTargets(results) {
  const targets = [];
  for (const condition of CONDITIONS) {
    const pages = results.conditions[condition.key];
    const baseline = pages.baseline.summary;
    for (const key of JUDGED) {
      const { summary } = pages[key];
      const name = PAGES.find((p) => p.key === key).name;
      targets.push({
        name: `${condition.key}: ${name}: first article, vs baseline`,
        value: `${(summary.firstArticle / baseline.firstArticle).toFixed(3)}× (${ms(summary.firstArticle)} / ${ms(baseline.firstArticle)} ms)`,
        limit: `≤ ${TARGET_RATIO}×`,
        pass: summary.firstArticle <= TARGET_RATIO * baseline.firstArticle,
      });
      targets.push({
        name: `${condition.key}: ${name}: layout shift until interactive`,
        value: `${summary.cls.toFixed(4)} (worst run ${summary.clsMax.toFixed(4)})`,
        limit: `< ${TARGET_CLS}`,
        pass: summary.cls < TARGET_CLS,
      });
    }
  }
  return targets;
}

export function firstPaintTable(results, { withTargets = false } = {}) {
  const rows = [['condition', 'page', 'first article, ms', '÷ baseline', 'first contentful paint, ms', '÷ baseline', 'layout shift', 'interactive, ms', 'transferred']];
  const both = (s) => `${ms(s.firstArticle)} / ${ms(s.firstArticlePainted)}`;
  for (const condition of CONDITIONS) {
    const pages = results.conditions[condition.key];
    const base = pages.baseline.summary;
    for (const page of PAGES) {
      const s = pages[page.key].summary;
      const isBase = page.key === 'baseline';
      rows.push([
        condition.key,
        page.name,
        both(s),
        isBase ? '' : `${ratio(s.firstArticle, base.firstArticle)} / ${ratio(s.firstArticlePainted, base.firstArticlePainted)}`,
        ms(s.fcp),
        isBase ? '' : ratio(s.fcp, base.fcp),
        s.cls.toFixed(4),
        ms(s.interactive),
        kb(s.bytes),
      ]);
    }
  }
  let text = `First paint of the seed feed (${results.articles} articles), ${results.chromium}; medians of ${results.runs} runs, a fresh context each, cache off.\n`;
  text += `Served gzip-compressed (level 9). Conditions: ${CONDITIONS.map((c) => c.name).join('; ')}.\n`;
  text += 'first article, "visible / painted": visible = the rendering step (requestAnimationFrame) of the first frame in which the first\n';
  text += 'headline is laid out in the viewport and visible; painted = a highest-priority task queued from it, once that frame is painted\n';
  text += '(later if a long task runs first). First contentful paint: Paint Timing (the frame\'s presentation). Layout shift: cumulative,\n';
  text += 'from load until the interactive frame is painted (after: hydrated, .ar-prerendered gone; before: article-reader-ready heard;\n';
  text += 'baseline: its first article). Interactive: that frame, painted. Transferred: every response as received, headers included. Targets use "visible".\n\n';
  text += render(rows);
  if (withTargets) {
    text += '\n\nTargets (issue 18), on the medians:\n\n';
    text += render([['target', 'measured', 'limit', 'result'], ...results.targets.map((t) => [t.name, t.value, t.limit, t.pass ? 'pass' : 'FAIL'])]);
    const failed = results.targets.filter((t) => !t.pass).length;
    text += `\n\n${results.targets.length - failed} targets met, ${failed} missed`;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const mounts = {
    '/reader/': [path.join(repo, 'dist')],
    '/before/': [beforeDist(options.before)],
    '/host/': [work],
    '/baseline/': [path.join(benchDir, 'baseline'), path.join(repo, 'static')],
    '/feeds/': [path.join(repo, 'feeds')],
  };
  writeHostPages();
  const seed = JSON.parse(readFileSync(seedFeed, 'utf8'));
  const expectedTitle = [...seed.items].sort((a, b) => (b.date_published ?? b.date_modified).localeCompare(a.date_published ?? a.date_modified))[0].title;

  const server = await serve(mounts, { gzip: true });
  const origin = `http://127.0.0.1:${server.address().port}`;
  if (options.serve) {
    say('serving, gzip-compressed, until you stop it (Ctrl-C):');
    for (const page of PAGES) say(`  ${page.name}: ${origin}${page.url}`);
    return;
  }

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const started = Date.now();
  const load = os.loadavg();
  const results = {
    date: new Date().toISOString(),
    chromium: `Chromium ${browser.version()}`,
    machine: machine(),
    runs: options.runs,
    articles: seed.items.length,
    before: BEFORE_COMMIT,
    conditions: {},
  };
  try {
    for (const condition of CONDITIONS) {
      const samples = Object.fromEntries(PAGES.map((p) => [p.key, []]));
      for (let r = 0; r < options.runs; r++) {
        // Each run starts with a different page, so none always meets a colder or warmer machine.
        const order = PAGES.map((_, i) => PAGES[(i + r) % PAGES.length]);
        for (const page of order) {
          say(`${condition.key}: ${page.name}, run ${r + 1} of ${options.runs}`);
          samples[page.key].push(await loadOnce(browser, origin, page, condition, expectedTitle));
        }
      }
      results.conditions[condition.key] = Object.fromEntries(PAGES.map((p) => [p.key, { summary: summarise(samples[p.key]), samples: samples[p.key] }]));
    }
  } finally {
    await browser.close();
    server.close();
  }
  results.seconds = Math.round((Date.now() - started) / 1000);
  results.loadAverage = [load, os.loadavg()].map((l) => l[0].toFixed(2));
  results.targets = checkTargets(results);

  const table = firstPaintTable(results, { withTargets: options.check });
  console.log(table);
  writeFileSync(path.join(out, 'first-paint.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    path.join(out, 'first-paint.md'),
    `## First paint

Measured ${results.date} in ${results.chromium} (Debian's, headless) by \`scripts/bench.sh --first-paint\`; ${results.seconds} s.
Machine: ${results.machine}; load average ${results.loadAverage.join(' at the start, ')} at the end.

${table}
${options.check ? '' : `\nTargets (issue 18):\n\n${results.targets.map((t) => `- ${t.pass ? 'met' : 'MISSED'}: ${t.name}: ${t.value} (${t.limit})`).join('\n')}\n`}`,
  );
  say(`wrote ${path.relative(repo, path.join(out, 'first-paint.json'))} and first-paint.md (${results.seconds} s of measuring)`);
  if (options.check && results.targets.some((t) => !t.pass)) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  say(`stopped: ${error.message}`);
  process.exitCode = 2;
}
