// End-to-end checks of the built reader that need what only Chromium's DevTools protocol gives,
// through playwright-core and Debian's headless Chromium: emulated colour schemes (dark mode,
// and the palette engines without light-dark() get), emulated print, axe-core on every view, requests seen and
// answered (a feed in split form, the importer's feed with its images on other hosts). Fails on
// the first wrong thing or on any error in the page's console.
//
// The checks every engine must pass (every view, the demo host page, a cross-origin embed, the
// Content-Security-Policy, a hostile feed) are in engines.e2e.mjs, which runs through WebDriver
// in Chromium, Firefox and WebKit.
//
//   node tests/e2e/reader.e2e.mjs dist                     # run the checks
//   E2E_SCREENSHOTS=shots node tests/e2e/reader.e2e.mjs dist   # and save screenshots of each view
//   E2E_ONLY='two tabs' node tests/e2e/reader.e2e.mjs dist     # only the checks whose names match
//
// Two checks read feeds the project's commands make: the importer (crates/importer) from its
// fixtures in every format, and the splitter from the bundled feed; the script runs them with
// cargo into a temporary folder served at /generated/.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { BASE_PATH, UK, US, cargoRun, originOf, repoRoot, serve } from './server.mjs';
import { resilienceChecks, writeManyFeed } from './resilience.mjs';

// Evaluated through the DevTools protocol, which the page's CSP does not govern (a script tag
// would be refused, as it should be).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const dist = path.resolve(process.argv[2] ?? 'dist');
// Feeds this script makes with the project's own commands (the importer, the splitter),
// served at /generated/.
const generated = mkdtempSync(path.join(os.tmpdir(), 'article-reader-e2e-'));
const screenshots = process.env.E2E_SCREENSHOTS && path.resolve(process.env.E2E_SCREENSHOTS);

const checks = [];
function check(name, run) {
  checks.push({ name, run });
}

async function shot(page, name) {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/**
 * The feed's headlines, as text. Not innerText: cards below the fold skip rendering
 * (content-visibility: auto) until scrolled to, and a card not yet rendered has no innerText.
 */
const headlines = async (page, feed = page.locator('[role=feed]')) =>
  (await feed.locator('article h2').allTextContents()).map((text) => text.trim());

check('dark mode changes the palette', async ({ page, open }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open('');
  await page.locator('[role=feed] article').first().waitFor();
  const background = await page.locator('.ar-app').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(background, 'rgb(20, 20, 22)');
  await shot(page, 'dark-feed');
  await open('#/article/pakistan-us-lawmakers-letter-khan-release');
  await page.locator('h1.ar-article__title').waitFor();
  await shot(page, 'dark-article');
});

check('engines without light-dark() get the same palettes from the fallback', async ({ page, open }) => {
  // Chromium has light-dark(), so the stylesheet's fallback for engines without it (Safari
  // before 17.5) never applies here. A copy of reader.css stands in for such an engine: its
  // light-dark() calls renamed to a function no engine knows, its @supports condition turned
  // around. It must give the colours light-dark() gives. The page's integrity hash for
  // reader.css would refuse the copy, so the page comes without it.
  const stylesheet = readFileSync(path.join(dist, 'reader.css'), 'utf8');
  const condition = /@supports not \(color: ?light-dark\(#000, ?#fff\)\)/;
  assert.match(stylesheet, condition, 'reader.css has the fallback');
  await page.route('**/reader.css', (route) =>
    route.fulfill({ contentType: 'text/css', body: stylesheet.replace(condition, '@supports (color: red)').replaceAll('light-dark(', 'no-such-function(') }));
  await page.route((url) => url.pathname === BASE_PATH, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/(<link[^>]*reader\.css[^>]*?)\s+integrity="[^"]*"/, '$1');
    await route.fulfill({ response, body });
  });
  const palette = () => page.locator('.ar-app').evaluate((e) => {
    const style = getComputedStyle(e);
    return [style.backgroundColor, style.color];
  });
  const light = ['rgb(247, 245, 241)', 'rgb(29, 28, 26)'];
  const dark = ['rgb(20, 20, 22)', 'rgb(236, 235, 232)'];
  for (const [scheme, query, expected] of [
    ['light', '', light], ['dark', '', dark], ['light', '?theme=dark', dark], ['dark', '?theme=light', light],
  ]) {
    await page.emulateMedia({ colorScheme: scheme });
    await open(query);
    await page.locator('[role=feed] article').first().waitFor();
    assert.deepEqual(await palette(), expected, `${scheme} scheme, ${query || 'no theme'}`);
  }
  await shot(page, 'fallback-dark-theme');
});

check('a feed in split form: the index lists and filters, an article fetches its body', async ({ page, open }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await open('?src=/generated/split/index.json');
  await page.locator('[role=feed] article').nth(1).waitFor();
  assert.deepEqual(await headlines(page), [UK, US]);
  assert.ok(!requests.some((p) => p.includes('/chunks/')), 'no body is fetched for the feed view');
  await page.getByRole('button', { name: /^Imran Khan/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('[role=feed] article').length === 1);
  await page.getByRole('link', { name: US }).click();
  await page.locator('.ar-body p').nth(11).waitFor();
  assert.equal(await page.locator('.ar-highlights li').count(), 2, 'highlights come with the body');
  assert.ok(requests.includes('/generated/split/chunks/0001.json'), requests.join(' '));
});

/**
 * Runs axe-core with all its rules (WCAG 2.2 A and AA, and its best practices) on the page, or on
 * the elements `include` names (with their shadow roots); returns the violations, readable.
 */
async function axeViolations(page, include = null) {
  // Colours mid-transition are not the colours people read: let transitions finish first.
  await page.waitForFunction(() => document.getAnimations().length === 0);
  await page.evaluate(axeSource);
  const result = await page.evaluate((selectors) => window.axe.run(selectors ? { include: selectors.map((s) => [s]) } : document), include);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

check('sizes start from the person’s own default text size, on the standalone page and on a host page', async ({ page, open }) => {
  // A person who set 22 px as their browser's default size.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 22, fixed: 18 } });
  const size = (selector) => page.evaluate((s) => {
    const [host, inner] = s.split(' >> ');
    const root = inner ? document.querySelector(host).shadowRoot : document;
    return parseFloat(getComputedStyle(root.querySelector(inner ?? host)).fontSize);
  }, selector);
  await open('');
  await page.locator('[role=feed] article').first().waitFor();
  assert.equal(await size('.ar-app'), 22, 'the standalone page');
  // The demo host sets `* { font-size: 40px }`, its root included; the reader keeps to 22 px.
  await open('demo.html');
  await page.locator('#world [role=feed] article').first().waitFor();
  assert.equal(await size('#world >> .ar-app'), 22, 'an embedded reader');
  await page.evaluate(() => document.querySelector('#world').setAttribute('text-size', '150%'));
  await page.waitForFunction(() => document.querySelector('#world').shadowRoot.querySelector('.ar-app.ar-size-150'));
  assert.equal(await size('#world >> .ar-app'), 33, 'a text size is a share of it');
});

for (const scheme of ['light', 'dark']) {
  check(`accessibility (axe, every rule, ${scheme}): every view, the help, and the demo's readers in each layout`, async ({ page, open, expectError }) => {
    expectError(/404 \(Not Found\)/);
    expectError(/article-reader: The feed at/);
    await page.emulateMedia({ colorScheme: scheme });
    const views = [
      ['the feed', '', '[role=feed] article'],
      ['a filtered feed', '#/?tag=imran%20khan', '[role=feed] article'],
      ['a search', '#/?q=lawmakers', 'mark'],
      ['the article', '#/article/pakistan-us-lawmakers-letter-khan-release', '.ar-related'],
      ['an empty result', '#/?q=nothing-matches-this', '.ar-empty'],
      ['the following view', '#/following', '.ar-following'],
      ['the not-found view', '#/article/missing', '.ar-not-found'],
      ['an error', '?src=/fixtures/missing.json', '[role=alert]'],
      ['an article with authors, avatars and a banner', '?src=/fixtures/bylines.json#/article/two', '.ar-banner'],
      ['a podcast feed with its play controls', '?src=/fixtures/podcast.json', '.ar-card__player'],
      ['a podcast episode with its player and a download', '?src=/fixtures/podcast.json#/article/ep12', '.ar-attachments audio'],
    ];
    const found = [];
    for (const [name, address, ready] of views) {
      await open(address);
      await page.locator(ready).first().waitFor();
      for (const violation of await axeViolations(page)) found.push(`${name}: ${violation}`);
    }
    // A feed in pages: "Load more articles" before and after it is pressed, and a page that failed.
    await open('?src=/fixtures/paged.json');
    const loadMore = page.getByRole('button', { name: 'Load more articles' });
    await loadMore.waitFor();
    for (const violation of await axeViolations(page)) found.push(`a paged feed: ${violation}`);
    await shot(page, `load-more-before-${scheme}`);
    await loadMore.click();
    await page.locator('[role=feed] article').nth(4).waitFor();
    for (const violation of await axeViolations(page)) found.push(`a paged feed, page 2 added: ${violation}`);
    await shot(page, `load-more-after-${scheme}`);
    await open('?src=/fixtures/paged-broken.json');
    await loadMore.click();
    await page.locator('.ar-more [role=alert]').waitFor();
    for (const violation of await axeViolations(page)) found.push(`a page that failed: ${violation}`);
    await shot(page, `load-more-failed-${scheme}`);
    await open('');
    await page.locator('[role=feed] article').first().waitFor();
    await page.keyboard.press('?');
    await page.locator('dialog[open]').waitFor();
    for (const violation of await axeViolations(page)) found.push(`the help: ${violation}`);
    // The reading settings, open, with sepia and a large text chosen.
    await page.keyboard.press('Escape');
    await open('#/article/pakistan-us-lawmakers-letter-khan-release');
    // The panel is built when the disclosure opens, not with the page.
    await page.locator('.ar-settings summary').waitFor();
    assert.equal(await page.locator('.ar-settings__panel').count(), 0, 'no panel before the settings open');
    await page.locator('.ar-settings summary').click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('radio', { name: 'Sepia' }).check();
    await page.locator('.ar-app.ar-theme-sepia.ar-size-130').waitFor();
    for (const violation of await axeViolations(page)) found.push(`the reading settings: ${violation}`);
    // Reading aloud, with its controls shown and a sentence marked: headless Chromium may have no
    // voices, so the page gets a stand-in speechSynthesis with two English ones.
    await page.addInitScript(() => {
      const synth = new EventTarget();
      synth.getVoices = () => [
        { name: 'Ann', lang: 'en-US', voiceURI: 'ann', default: true },
        { name: 'Ben', lang: 'en-GB', voiceURI: 'ben', default: false },
      ];
      synth.speak = () => {};
      synth.cancel = () => {};
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
      window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    });
    // (The article is open already: a reload, for the stand-in to come first.)
    await page.reload();
    await page.getByRole('button', { name: 'Listen', exact: true }).click();
    await page.locator('mark.ar-speaking').waitFor();
    await page.locator('.ar-listen__voice').waitFor();
    for (const violation of await axeViolations(page)) found.push(`reading aloud: ${violation}`);
    await shot(page, `listen-${scheme}`);
    await page.evaluate(() => localStorage.clear());
    // The demo host page's own careless CSS fails axe on purpose; the readers in it must not.
    await open('demo.html');
    for (const id of ['#world', '#desk', '#cards', '#list', '#compact']) await page.locator(`${id} [role=feed] article`).first().waitFor();
    for (const violation of await axeViolations(page, ['#world', '#desk', '#cards', '#list', '#compact'])) found.push(`the demo's readers: ${violation}`);
    assert.deepEqual(found, []);
  });
}

check('the interface in Urdu (right to left) and French, each from its file beside the module; axe, every rule, on the Urdu one', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const reader = page.locator('#one');
  const found = [];
  // (lang, the search's placeholder, the result, a month in the dates, the direction)
  const cases = [
    ['ur', 'تلاش', 'تمام 3 مضامین دکھائے جا رہے ہیں', /نومبر/, 'rtl'],
    ['fr', 'Rechercher', 'Tout est affiché\u202f: 3 articles', /novembre/, 'ltr'],
  ];
  for (const [lang, placeholder, result, month, dir] of cases) {
    // A host page under /e2e/ with the module from the build's own path: the file is found
    // beside the module, not beside the page.
    await page.goto(`${origin}/e2e/one-reader.html?lang=${lang}&src=${BASE_PATH}demo-feed.json`);
    await reader.locator('[role=feed] article').first().waitFor();
    assert.ok(requests.includes(`${BASE_PATH}lang/${lang}.json`), requests.join(' '));
    assert.equal(await reader.locator('.ar-app').getAttribute('dir'), dir);
    assert.equal(await reader.locator('.ar-app').getAttribute('lang'), lang);
    assert.equal(await reader.locator('.ar-app').evaluate((e) => getComputedStyle(e).direction), dir);
    assert.equal(await reader.locator('.ar-search__input').getAttribute('placeholder'), placeholder);
    assert.equal((await reader.locator('[aria-live=polite]').textContent()).trim(), result);
    assert.match(await reader.locator('time').first().textContent(), month, 'the date through Intl in the language');
    if (lang === 'ur') for (const violation of await axeViolations(page, ['#one'])) found.push(`the Urdu feed: ${violation}`);
    await shot(page, `interface-${lang}-feed`);
    await reader.locator('[role=feed] article h2 a').first().click();
    await reader.locator('h1.ar-article__title').waitFor();
    if (lang === 'ur') for (const violation of await axeViolations(page, ['#one'])) found.push(`the Urdu article: ${violation}`);
    await shot(page, `interface-${lang}-article`);
  }
  assert.equal(requests.filter((p) => p.includes('/lang/')).length, 2, 'one file a language, English none');
  assert.deepEqual(found, []);
  // Each file's marks of numbers are Intl's for its language (with Latin digits, which the
  // reader writes).
  for (const tag of ['ar', 'ur', 'fr', 'es', 'de']) {
    const file = JSON.parse(readFileSync(path.join(dist, 'lang', `${tag}.json`), 'utf8'));
    const parts = await page.evaluate((t) => new Intl.NumberFormat(t, { numberingSystem: 'latn' }).formatToParts(1234567.5), tag);
    const mark = (type) => parts.find((part) => part.type === type)?.value;
    assert.deepEqual([file.decimal_mark, file.group_mark], [mark('decimal'), mark('group')], `${tag}: Intl's marks`);
  }
});

/** Writes the bundled feed in split form (one article a chunk) to /generated/split/. */
function splitTheBundledFeed() {
  cargoRun(['-p', 'article-reader-core', '--bin', 'article-reader-split', '--',
    'feeds/seed.json', path.join(generated, 'split'), '--per-chunk', '1'], 'the splitter');
}

/** Runs the importer on its own fixtures (all six formats) into the folder served at /generated/. */
function importFixtureFeeds() {
  const inputs = ['rss-0.91.xml', 'rss-0.92.xml', 'rss-1.0.rdf', 'rss-2.0.xml', 'atom.xml', 'feed.json']
    .map((name) => path.join(repoRoot, 'crates/importer/tests/fixtures', name));
  const output = path.join(generated, 'six-formats.json');
  const run = cargoRun(['-p', 'article-reader-importer', '--', ...inputs, '--title', 'Six formats, one feed', '-o', output],
    'the importer');
  assert.match(run.stderr, /imported 15 items from 6 of 6 inputs into /);
}

check('a feed the importer made from RSS, Atom and JSON Feed shows every article', async ({ page, open }) => {
  // Its images live on example.com hosts: answer for them here, so the check stays offline.
  await page.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) =>
    route.fulfill({ status: 200, contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAA=', 'base64') }));
  await open('?src=/generated/six-formats.json');
  await page.locator('[role=feed] article').nth(14).waitFor();
  assert.equal(await page.locator('[role=feed] article').count(), 15);
  assert.equal(await page.locator('.ar-notice').count(), 0, 'the reader skipped nothing');
  assert.equal(await page.locator('.ar-masthead__title').innerText(), 'Six formats, one feed');
  assert.deepEqual((await headlines(page)).slice(0, 6), [
    'Up the valley', 'Tea & biscuits', 'رحلة إلى الصحراء', 'Markets open higher',
    'A plain-text post. With a second paragraph.', 'Talks resume in Geneva',
  ]);
  await shot(page, 'imported-feed');

  await page.getByRole('button', { name: /^Hiking/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('[role=feed] article').length === 1);
  await page.getByRole('button', { name: 'Clear filter' }).click();

  await page.getByRole('link', { name: 'Talks resume in Geneva' }).click();
  await page.locator('h1', { hasText: 'Talks resume in Geneva' }).waitFor();
  assert.deepEqual((await page.locator('.ar-body p').allInnerTexts()).filter((text) => text.trim()), [
    'Negotiators met again on Thursday after a pause.', 'Both sides called the day constructive.', 'a trap and another',
  ]);
  assert.equal(await page.locator('.ar-body figure img').getAttribute('src'), 'https://daily.example.com/world/2024/10/img/geneva.jpg');
  assert.equal(await page.locator('.ar-body figcaption').innerText(), 'Geneva, Thursday');
  assert.equal(await page.locator('.ar-body a').first().getAttribute('href'), 'https://daily.example.com/world/background.html');
  assert.equal(await page.locator('.ar-body script, .ar-body iframe, .ar-body [onclick], .ar-body [style]').count(), 0);
  assert.match(await page.locator('.ar-figure__caption').innerText(), /^Delegates arrive at the Palais des Nations\./);
  await shot(page, 'imported-article');
});

/** The importer's six fixtures again, in pages of four, into /generated/pages/. */
function importInPages() {
  const inputs = ['rss-0.91.xml', 'rss-0.92.xml', 'rss-1.0.rdf', 'rss-2.0.xml', 'atom.xml', 'feed.json']
    .map((name) => path.join(repoRoot, 'crates/importer/tests/fixtures', name));
  mkdirSync(path.join(generated, 'pages'), { recursive: true });
  cargoRun(['-p', 'article-reader-importer', '--', ...inputs, '-o', path.join(generated, 'pages', 'feed.json'), '--page-size', '4'],
    'the importer, in pages');
}

check('a feed the importer wrote in pages loads page by page with “Load more articles”', async ({ page, open }) => {
  await page.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) =>
    route.fulfill({ status: 200, contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAA=', 'base64') }));
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await open('?src=/generated/pages/feed.json');
  await page.locator('[role=feed] article').nth(3).waitFor();
  assert.equal(await page.locator('[role=feed] article').count(), 4, 'the first page');
  const loadMore = page.getByRole('button', { name: 'Load more articles' });
  for (let count = 8; count <= 16; count += 4) {
    await loadMore.click();
    await page.locator('[role=feed] article').nth(Math.min(count, 15) - 1).waitFor();
  }
  assert.equal(await page.locator('[role=feed] article').count(), 15, 'every article of the four pages');
  assert.equal(await loadMore.count(), 0, 'the last page names no next one');
  assert.deepEqual(requested.filter((p) => p.startsWith('/generated/pages/')),
    ['feed.json', 'feed-2.json', 'feed-3.json', 'feed-4.json'].map((name) => `/generated/pages/${name}`));
  assert.equal(await page.locator('.ar-notice').count(), 0, 'the reader skipped nothing');
});

/**
 * The importer's snippet of the bundled feed (`--embed`), in a host page of its own at
 * /generated/snippet.html, loading the module from the build.
 */
function snippetHost() {
  const snippet = path.join(generated, 'snippet-only.html');
  cargoRun(['-p', 'article-reader-importer', '--', path.join(repoRoot, 'feeds/seed.json'), '-o', path.join(generated, 'snippet-feed.json'),
    '--embed', snippet, '--module', `${BASE_PATH}article-reader.js`, '--attr', 'id=news', '--attr', 'layout=cards'], 'the importer');
  writeFileSync(path.join(generated, 'snippet.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host page with a snippet</title><link rel="icon" href="data:,"></head>
<body><h1>The host's own page</h1>
${readFileSync(snippet, 'utf8')}</body></html>`);
  // The same in French: prerendered in French, hydrated once the French file is here.
  const french = path.join(generated, 'snippet-fr-only.html');
  cargoRun(['-p', 'article-reader-importer', '--', path.join(repoRoot, 'feeds/seed.json'), '-o', path.join(generated, 'snippet-fr-feed.json'),
    '--embed', french, '--module', `${BASE_PATH}article-reader.js`, '--attr', 'id=news', '--attr', 'lang=fr'], 'the importer, in French');
  writeFileSync(path.join(generated, 'snippet-fr.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host page with a French snippet</title><link rel="icon" href="data:,"></head>
<body><h1>The host's own page</h1>
${readFileSync(french, 'utf8')}</body></html>`);
}

check('a snippet prerendered in French hydrates in French, once its language file is here', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  // The wasm held back until the prerendered search box is marked, to tell a hydration (the
  // same node, now live) from a render anew.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/article-reader-app_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${origin}/generated/snippet-fr.html`);
  const reader = page.locator('#news');
  await reader.locator('.ar-prerendered .ar-search__input').evaluate((input) => { input.markedBeforeTheWasm = true; });
  release();
  await reader.locator('.ar-app:not(.ar-prerendered) [role=feed] article').first().waitFor();
  assert.equal(await reader.locator('.ar-search__input').evaluate((input) => input.markedBeforeTheWasm), true, 'hydrated, not rendered anew');
  assert.ok(requests.includes(`${BASE_PATH}lang/fr.json`), requests.join(' '));
  assert.equal(await reader.locator('.ar-search__input').getAttribute('placeholder'), 'Rechercher');
  assert.match(await reader.locator('time').first().innerText(), /janvier/);
  // Live: a tag press filters, and says so in French.
  await reader.getByRole('button', { name: /^Imran Khan/ }).click();
  await reader.locator('[role=feed] article').nth(1).waitFor({ state: 'detached' });
  assert.match(await reader.locator('[aria-live=polite]').innerText(), /étiquetés Imran Khan/);
  await shot(page, 'snippet-french');
});

/** A context of the browser with JavaScript turned off. */
async function withoutScript(run) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, javaScriptEnabled: false });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

const UK_ID = 'pakistan-uk-regional-security-talks';

check('without JavaScript the page and an importer’s snippet show the headlines as links, with a note', async () => {
  await withoutScript(async (page) => {
    await page.goto(`${origin}${BASE_PATH}`);
    assert.deepEqual(await headlines(page), [UK, US]);
    assert.equal(await page.locator(`[role=feed] article h2 a[href="#/article/${UK_ID}"]`).count(), 1);
    assert.equal(await page.locator('[role=feed] a.ar-tag').count(), 10, 'the tags are links');
    assert.match(await page.locator('.ar-page-note').innerText(), /need JavaScript/);
    assert.equal(await page.locator('time').first().innerText(), 'Updated 20 January 2026');
    await shot(page, 'no-script-page');
    await page.goto(`${origin}/generated/snippet.html`);
    const reader = page.locator('#news');
    assert.deepEqual(await headlines(page, reader.locator('[role=feed]')), [UK, US]);
    assert.match(await reader.locator('.ar-noscript').innerText(), /need JavaScript/);
    await shot(page, 'no-script-snippet');
  });
});

check('printed: an article as a clean page, a list as its headlines with their addresses', async ({ page, open }) => {
  // Dark on screen, to show that paper gets black on white all the same.
  await page.emulateMedia({ colorScheme: 'dark' });
  const shown = (selector) => page.locator(selector).first().isVisible();
  /** What the element's `::after` writes, as computed: a quoted string, or 'none'. */
  const after = (locator) => locator.evaluate((e) => getComputedStyle(e, '::after').content);
  const FERRY = 'https://news.example/2025/03/ferry-returns';

  await open('?src=/fixtures/print.json');
  await page.locator('[role=feed] article').nth(1).waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.ar-masthead', '.ar-search', '.ar-filter', '.ar-settings', '.ar-reading', '.ar-card__summary', '.ar-tags']) {
    assert.equal(await shown(hidden), false, `${hidden} does not print`);
  }
  assert.deepEqual(await headlines(page), ['The ferry returns to the island after the winter storms', 'The fish market opens an hour earlier']);
  assert.equal(await shown('.ar-card .ar-dates'), true, 'each headline prints with its date');
  assert.deepEqual(await Promise.all((await page.locator('.ar-card__link').all()).map(after)),
    [`"${FERRY}"`, '"https://news.example/2025/03/fish-market"'], 'each headline prints with its article’s address');
  assert.deepEqual(await page.locator('.ar-app').evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]),
    ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await shot(page, 'print-feed');

  await page.emulateMedia({ media: 'screen' });
  // The body's pictures resolve against the article's own address: answered here, offline.
  const photo = readFileSync(path.join(repoRoot, 'tests/e2e/fixtures/photo.svg'));
  await page.route((url) => url.hostname === 'news.example', (route) => route.fulfill({ contentType: 'image/svg+xml', body: photo }));
  // In sepia, whose palette is its own: paper gets black on white all the same.
  await open('?src=/fixtures/print.json&theme=sepia#/article/ferry');
  await page.locator('.ar-body img').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('.ar-app img')].every((i) => i.complete && i.naturalWidth > 0));
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.ar-masthead', '.ar-article__nav', '.ar-article__actions', '.ar-settings', '.ar-attachments', '.ar-body audio',
    '.ar-tags', '.ar-pager', '.ar-related', '.ar-skip']) {
    assert.equal(await shown(hidden), false, `${hidden} does not print`);
  }
  for (const printed of ['h1.ar-article__title', '.ar-article__byline', '.ar-article__meta .ar-dates', '.ar-highlights',
    '.ar-figure__image', '.ar-figure__caption', '.ar-body__figure figcaption', '.ar-sources']) {
    assert.equal(await shown(printed), true, `${printed} prints`);
  }
  assert.match(await page.locator('.ar-article__byline').innerText(), /Ana Silva/);
  assert.match(await page.locator('.ar-figure__caption').innerText(), /north pier on its first crossing/);
  const article = await page.locator('.ar-article').boundingBox();
  for (const image of await page.locator('.ar-figure__image, .ar-body img').all()) {
    const box = await image.boundingBox();
    assert.ok(box.width > 0 && box.width <= article.width + 0.5, `an image within the page: ${box.width} of ${article.width}`);
  }
  assert.equal(await after(page.locator('.ar-body a', { hasText: 'harbour authority' })), '" (https://news.example/timetable)"',
    'a link in the body prints its address');
  assert.equal(await after(page.locator('.ar-source')), `" (${FERRY})"`, 'so does the article’s own');
  assert.equal(await after(page.locator('.ar-body sup a')), 'none', 'a link within the article prints no address');
  assert.deepEqual(await page.locator('.ar-app.ar-theme-sepia').evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]),
    ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await shot(page, 'print-article');

  // Embedded, the rules reach the reader's own elements only: the host page prints as it did.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${origin}${BASE_PATH}demo.html`);
  await page.locator('#world .ar-app:not(.ar-prerendered) [role=feed] article').first().waitFor();
  const host = await page.locator('.site-header').evaluate((e) => [getComputedStyle(e).display, getComputedStyle(e).color]);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await page.locator('.site-header').evaluate((e) => [getComputedStyle(e).display, getComputedStyle(e).color]), host);
  assert.equal(await page.locator('#world .ar-masthead').count(), 1);
  assert.equal(await page.locator('#world .ar-masthead').isVisible(), false, 'the reader’s masthead does not print');
  assert.equal(await page.locator('#world [role=feed] article h2').first().isVisible(), true, 'its headlines do');
});

check('the importer’s snippet: hydrated in its shadow root with no fetch of the feed, and JSON-LD for crawlers', async ({ page }) => {
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${origin}/generated/snippet.html`);
  const reader = page.locator('#news');
  await reader.locator('.ar-app:not(.ar-prerendered)').waitFor();
  assert.equal(await reader.locator('.ar-app').count(), 1, 'one reader in the shadow root');
  assert.deepEqual(await headlines(page, reader.locator('[role=feed]')), [UK, US]);
  assert.ok(!requested.some((p) => p.endsWith('.json')), `no feed fetched: ${requested.join(' ')}`);
  assert.equal(requested.filter((p) => p.endsWith('/reader.css')).length, 1, 'the stylesheet its shadow root links, once');
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.equal(ld['@type'], 'ItemList');
  assert.deepEqual(ld.itemListElement.map((e) => [e.position, e.item['@type'], e.item.headline]), [[1, 'NewsArticle', UK], [2, 'NewsArticle', US]]);
  await reader.getByRole('link', { name: US }).click();
  await reader.locator('h1', { hasText: US }).waitFor();
  assert.equal(await page.evaluate(() => location.hash), '', 'the host page’s URL is left alone');
  await shot(page, 'snippet-article');
});

importFixtureFeeds();
importInPages();
splitTheBundledFeed();
snippetHost();
writeManyFeed(generated);
resilienceChecks(check, {
  feedUrl: () => `${origin}${BASE_PATH}?src=/generated/many.json`,
  origin: () => origin,
  server: () => server,
  dist,
});

const server = await serve(dist, { generated });
const origin = originOf(server);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
let failed = 0;
try {
  // E2E_ONLY=<regular expression> runs only the checks whose names match, while developing.
  const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null;
  if (only) checks.splice(0, checks.length, ...checks.filter((c) => only.test(c.name)));
  for (const { name, run } of checks) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
    // The page arrives prerendered: a check starts once the reader has started (hydrated or
    // rendered anew), so it never reads the prerendered HTML for the reader's.
    const open = async (hash) => {
      await page.goto(`${origin}${BASE_PATH}${hash}`);
      await page.waitForFunction(() => !document.querySelector('.ar-prerendered'));
    };
    const expected = [];
    const expectError = (pattern) => expected.push(pattern);
    try {
      await run({ page, open, expectError });
      const unexpected = problems.filter((p) => !expected.some((pattern) => pattern.test(p)));
      assert.deepEqual(unexpected, [], 'the page logged no errors');
      console.log(`ok   ${name}`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL ${name}\n     ${String(error.message).split('\n').join('\n     ')}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(generated, { recursive: true, force: true });
}
console.log(`\n${checks.length - failed} passed; ${failed} failed`);
process.exit(failed ? 1 : 0);
