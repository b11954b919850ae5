// How much of the page each interaction touches: the DOM mutations (child-list records and the
// nodes they add, attribute and text changes) a MutationObserver sees for a tag press, a second
// tag, opening an article, going back and a keystroke, on a generated feed, in the reader and in
// the plain JavaScript baseline. Counts, not times: they do not move with the machine's load, and
// they show where an update touches more than what changed (the speed issue's "each interaction
// touches only what changes").
//
//   node bench/mutations.mjs [--size 10000]   # after scripts/bench.sh has built dist/ once
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { feedFile, writeGeneratedFeed } from './feeds.mjs';
import { serve } from './server.mjs';

const { chromium } = createRequire(fileURLToPath(new URL('../tests/e2e/package.json', import.meta.url)))('playwright-core');

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(benchDir, '..');
const feedsDir = path.join(repo, 'target', 'bench', 'feeds');
const size = Number(process.argv.includes('--size') ? process.argv[process.argv.indexOf('--size') + 1] : 10_000);

/** Starts counting the page's mutations (light and shadow DOM alike: the standalone page has none). */
function arm() {
  window.__counts = { childList: 0, added: 0, removed: 0, attributes: 0, characterData: 0 };
  window.__observer?.disconnect();
  window.__observer = new MutationObserver((records) => {
    for (const r of records) {
      window.__counts[r.type]++;
      window.__counts.added += r.addedNodes.length;
      window.__counts.removed += r.removedNodes.length;
    }
  });
  window.__observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** The counts once the interaction has settled: two frames with no mutation. */
async function settled(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        let last = -1;
        const total = () => Object.values(window.__counts).reduce((a, b) => a + b, 0);
        const frame = () =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => (total() === last ? resolve(window.__counts) : ((last = total()), frame()))),
          );
        frame();
      }),
  );
}

async function main() {
  mkdirSync(feedsDir, { recursive: true });
  await writeGeneratedFeed(feedsDir, size, () => {});
  const src = `/feeds/${path.basename(feedFile(feedsDir, size))}`;
  const server = await serve({
    '/reader/': [path.join(repo, 'dist')],
    '/baseline/': [path.join(benchDir, 'baseline'), path.join(repo, 'static')],
    '/feeds/': [feedsDir],
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const pages = { reader: `/reader/index.html?src=${src}&max-size=1GiB`, baseline: `/baseline/index.html?src=${src}` };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
  const rows = [];
  try {
    for (const [name, address] of Object.entries(pages)) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(origin + address);
      // The generated feed's cards (the standalone page's prerendered ones are the seed feed's).
      await page.waitForFunction(
        () => document.querySelectorAll('[role=feed] article a[href*="story-"]').length >= 20 && !document.querySelector('.ar-prerendered'),
        null,
        { timeout: 120_000 },
      );
      const steps = [
        ['press a tag', () => page.locator('button.ar-toggle').nth(3).click()],
        ['press a second tag (any)', () => page.locator('button.ar-toggle').nth(5).click()],
        ['open an article', () => page.locator('[role=feed] article h2 a').first().click()],
        ['back to the feed', () => page.locator('a.ar-back').click()],
        ['type a letter', async () => { await page.locator('.ar-search__input').click(); await page.keyboard.press('c'); }],
      ];
      for (const [step, act] of steps) {
        await page.evaluate(arm);
        await act();
        rows.push({ name, step, ...(await settled(page)) });
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`\nDOM mutations per interaction, ${size.toLocaleString('en')} articles (Chromium)\n`);
  console.log('| interaction | page | child-list records | nodes added | nodes removed | attributes | text |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.step} | ${r.name} | ${r.childList} | ${r.added} | ${r.removed} | ${r.attributes} | ${r.characterData} |`);
}

await main();
