// Two or more builds side by side on the interactions whose figures are a few milliseconds:
// opening an article and going back, repeated in one page, builds taken in turn, so that a change
// of a millisecond or two shows through the noise of one open per run in scripts/bench.sh.
//
//   cp -r dist target/before   # the build before the change (scripts/bench.sh or trunk build)
//   ...change, trunk build --release...
//   node bench/ab.mjs target/before dist [baseline] [--size 10000] [--rounds 3] [--reps 15]
//
// Each build (a dist/ directory, or "baseline" for the plain JavaScript reader) loads the
// generated feed of --size articles (written by scripts/bench.sh) and, after its first page,
// opens the first page's cards one after the other, going back each time, --reps times. An
// interaction is timed as bench/probe.js times it: from the click's timeStamp to the first DOM
// change that shows the view with layout brought up to date ("ready"), and to after the next
// frame ("painted"). Prints the medians per build and round; the builds alternate, round after
// round, so a machine that slows down slows them all. The first open of a page is left out (it
// compiles what an open runs).

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { feedFile } from './feeds.mjs';
import { serve } from './server.mjs';

const { chromium } = createRequire(fileURLToPath(new URL('../tests/e2e/package.json', import.meta.url)))('playwright-core');

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(benchDir, '..');

function parseArguments(argv) {
  const options = { size: 10_000, rounds: 3, reps: 15, builds: [] };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    const value = () => Number(inline ?? argv[++i]);
    if (name === '--size') options.size = value();
    else if (name === '--rounds') options.rounds = value();
    else if (name === '--reps') options.reps = value();
    else if (name.startsWith('--')) throw new Error(`unknown option ${name}; use --size N, --rounds N or --reps N`);
    else options.builds.push(name);
  }
  if (options.builds.length === 0) throw new Error('name the builds to compare: dist/ directories, or "baseline"');
  if (!(options.reps >= 1 && options.reps < 20)) throw new Error('--reps: from 1 to 19, an open of each card of the first page but the first');
  return options;
}

/**
 * Injected into the page: times the next `kind` event until the page shows `view` after a DOM
 * change: the article titled `view.title` with its body, or (no title) the feed without one.
 */
function installTimer() {
  const shows = (view) =>
    view.title === undefined
      ? !document.querySelector('.ar-article') && document.querySelectorAll('[role=feed] article').length > 0
      : document.querySelector('h1.ar-article__title')?.textContent === view.title && !!document.querySelector('.ar-article .ar-body p');
  window.__timeNext = (kind, view) =>
    new Promise((resolve) => {
      const holds = () => shows(view);
      addEventListener(
        kind,
        (event) => {
          const from = event.timeStamp;
          const observer = new MutationObserver(() => {
            if (!holds()) return;
            observer.disconnect();
            document.documentElement.getBoundingClientRect();
            const ready = performance.now() - from;
            globalThis.__benchAfterNextPaint().then((painted) => resolve([ready, painted - from]));
          });
          observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
        },
        { capture: true, once: true },
      );
    });
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function measure(browser, url, reps) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.addInitScript({ path: path.join(benchDir, 'after-next-paint.js') });
    await page.addInitScript(installTimer);
    await page.goto(url);
    await page.waitForSelector('[role=feed] article', { timeout: 600_000 });
    await page.waitForFunction(() => document.querySelector('.ar-prerendered') === null);
    await page.waitForTimeout(2000); // What a large feed builds after its first page.
    // A card not opened before each time: an open marks its article read, which an open of a
    // read one does not.
    const headline = (i) => page.locator('[role=feed] article h2 a').nth(i);
    const opened = [];
    const back = [];
    for (let i = 0; i <= reps; i++) {
      const title = (await headline(i).textContent()).trim();
      let timing = page.evaluate((view) => window.__timeNext('click', view), { title });
      await headline(i).click();
      if (i > 0) opened.push(await timing);
      else await timing;
      await page.waitForTimeout(100);
      timing = page.evaluate((view) => window.__timeNext('click', view), {});
      await page.locator('a.ar-back').click();
      back.push(await timing);
      await page.waitForTimeout(100);
    }
    const figure = (timings) => `${median(timings.map((t) => t[0])).toFixed(1)} / ${median(timings.map((t) => t[1])).toFixed(1)}`;
    return { open: figure(opened), back: figure(back) };
  } finally {
    await context.close();
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const feed = feedFile(path.join(repo, 'target', 'bench', 'feeds'), options.size);
  const mounts = { '/feeds/': [path.dirname(feed)], '/baseline/': [path.join(benchDir, 'baseline'), path.join(repo, 'static')] };
  options.builds.forEach((build, i) => {
    if (build !== 'baseline') mounts[`/build${i}/`] = [path.resolve(build)];
  });
  const server = await serve(mounts);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    console.log(`Open an article and back, ${options.size.toLocaleString('en')} articles: medians of ${options.reps}, ms to ready / painted\n`);
    console.log('| round | build | open | back |\n|---|---|---|---|');
    for (let round = 1; round <= options.rounds; round++) {
      for (const [i, build] of options.builds.entries()) {
        const src = `/feeds/${path.basename(feed)}`;
        const url = build === 'baseline' ? `${origin}/baseline/index.html?src=${src}` : `${origin}/build${i}/index.html?src=${src}&max-size=1GiB`;
        const { open, back } = await measure(browser, url, options.reps);
        console.log(`| ${round} | ${build} | ${open} | ${back} |`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(`[ab] stopped: ${error.message}`);
  process.exitCode = 2;
});
