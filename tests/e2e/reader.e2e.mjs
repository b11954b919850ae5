// End-to-end checks of the built reader: serves a `trunk build` output under a sub-path on
// loopback, drives Debian's headless Chromium through playwright-core the way a person would
// (reading, clicking tags, opening articles, deep links, a phone-sized window, dark mode), and
// fails on the first wrong thing or on any error in the page's console.
//
//   node tests/e2e/reader.e2e.mjs dist                     # run the checks
//   E2E_SCREENSHOTS=shots node tests/e2e/reader.e2e.mjs dist   # and save screenshots of each view
//
// Two checks read feeds the project's commands make: the importer (crates/importer) from its
// fixtures in every format, and the splitter from the bundled feed; the script runs them with
// cargo into a temporary folder served at /generated/.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

// Evaluated through the DevTools protocol, which the page's CSP does not govern (a script tag
// would be refused, as it should be).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const dist = path.resolve(process.argv[2] ?? 'dist');
const fixtures = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
// Feeds this script makes with the project's own commands (the importer, the splitter),
// served at /generated/.
const generated = mkdtempSync(path.join(os.tmpdir(), 'article-reader-e2e-'));
const screenshots = process.env.E2E_SCREENSHOTS && path.resolve(process.env.E2E_SCREENSHOTS);
const BASE_PATH = '/some/sub/path/'; // The build must work from any path, not only from `/`.

const US = 'Pakistan says US lawmakers’ letter calling for ex-PM Khan’s release ‘counterproductive’';
const UK = 'Pakistan, UK discuss regional security, cross-border attacks as senior official visits Islamabad';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A host page on one origin embedding the reader from another (`readerOrigin`). */
const crossOriginHost = (readerOrigin) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Another origin</title>
<link rel="icon" href="data:,">
<script type="module" src="${readerOrigin}${BASE_PATH}article-reader.js"></script></head>
<body><article-reader id="far" tags="united kingdom"></article-reader></body></html>`;

function serve(root, { cors = false, readerOrigin = null } = {}) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (cors) response.setHeader('access-control-allow-origin', '*');
    if (url.pathname === '/cross-origin-host.html' && readerOrigin) {
      response.writeHead(200, { 'content-type': TYPES['.html'] }).end(crossOriginHost(readerOrigin()));
      return;
    }
    const served = [['/fixtures/', fixtures], ['/generated/', generated]];
    const [base, dir] = served.find(([prefix]) => url.pathname.startsWith(prefix)) ?? [BASE_PATH, root];
    if (!url.pathname.startsWith(base)) {
      response.writeHead(404).end();
      return;
    }
    let file = path.join(dir, decodeURIComponent(url.pathname.slice(base.length)));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

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

check('the feed lists both seed articles, newest first', async ({ page, open }) => {
  await open('');
  await page.locator('[role=feed] article').nth(1).waitFor();
  assert.deepEqual(await headlines(page), [UK, US]);
  assert.equal(await page.title(), 'Article Reader');
  await shot(page, 'feed');
});

check('a tag narrows the feed and clearing restores it', async ({ page, open }) => {
  await open('');
  await page.getByRole('button', { name: /^Imran Khan/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('[role=feed] article').length === 1);
  assert.deepEqual(await headlines(page), [US]);
  assert.equal(await page.getByRole('button', { name: /^Imran Khan/ }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('[aria-live=polite]').innerText(), '1 of 2 articles tagged Imran Khan');
  assert.equal(new URL(page.url()).hash, '#/?tag=imran%20khan');
  await shot(page, 'filtered');
  await page.getByRole('button', { name: 'Clear filter' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[role=feed] article').length === 2);
});

check('an article shows every paragraph, and back keeps the filter', async ({ page, open }) => {
  await open('#/?tag=diplomacy');
  await page.getByRole('link', { name: US }).click();
  await page.locator('h1', { hasText: US }).waitFor();
  assert.equal(await page.locator('.ar-body p').count(), 12);
  assert.equal(await page.locator('.ar-body h2').innerText(), '‘HISTORIC LEVEL OF IRREGULARITIES’');
  assert.equal(await page.locator('.ar-highlights li').count(), 2);
  assert.match(await page.locator('figcaption').innerText(), /^Police cammandos escort .* \(AFP\/File\)$/);
  assert.equal(await page.locator('time').innerText(), 'Updated 25 October 2024');
  await shot(page, 'article');
  await page.getByRole('link', { name: /Articles tagged Diplomacy/ }).click();
  await page.locator('[role=feed]').waitFor();
  assert.equal(await page.getByRole('button', { name: /^Diplomacy/ }).getAttribute('aria-pressed'), 'true');
});

check('a deep link opens its article cold', async ({ page, open }) => {
  await open('#/article/pakistan-uk-regional-security-talks');
  await page.locator('h1', { hasText: UK }).waitFor();
  assert.equal(await page.locator('.ar-body p').count(), 7);
});

check('an unknown article id shows a not-found page that leads back', async ({ page, open }) => {
  await open('#/article/missing-article');
  await page.locator('h1', { hasText: 'Article not found' }).waitFor();
  await shot(page, 'not-found');
  await page.getByRole('link', { name: 'Back to the articles' }).click();
  await page.locator('[role=feed] article').nth(1).waitFor();
});

check('a 360 px phone screen shows the feed and the article without sideways scrolling', async ({ page, open }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [hash, name] of [['', 'mobile-feed'], ['#/article/pakistan-us-lawmakers-letter-khan-release', 'mobile-article']]) {
    await open(hash);
    await page.locator('[role=feed], h1.ar-article__title').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} overflows by ${overflow}px`);
    await shot(page, name);
  }
});

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

check('the built page carries its Content-Security-Policy and breaks none of it', async ({ page, open }) => {
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await open('');
  await page.locator('[role=feed] article').nth(1).waitFor();
  const policy = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.equal(policy, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; object-src 'none'; base-uri 'none'");
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  await page.getByRole('link', { name: US }).click();
  await page.locator('h1', { hasText: US }).waitFor();
  assert.deepEqual(violations, []);
});

check('?src= loads another feed, shows its valid articles and lists the rest', async ({ page, open }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await open('?src=/fixtures/four-bad-of-ten.json');
  await page.locator('[role=feed] article').nth(5).waitFor();
  assert.equal(await page.locator('[role=feed] article').count(), 6);
  assert.equal(await page.locator('.ar-masthead__title').innerText(), 'Fixture feed');
  assert.equal(await page.locator('.ar-notice__summary').innerText(), '4 items of this feed could not be shown:');
  assert.deepEqual(await page.locator('.ar-notice__list li').allInnerTexts(), [
    'item 3 (id "n3"): content_html and content_text are both missing; an item needs one',
    'item 5 (id "n5"): date_published "last Tuesday" is not an RFC 3339 date such as "2024-10-25T09:30:00+05:00"',
    'item 6 (id "n6"): content_html and content_text are both missing; an item needs one',
    'item 9 (id "n9"): content_html and content_text are both missing; an item needs one',
  ]);
  assert.ok(warnings.some((w) => w.includes('4 item(s) skipped') && w.includes('last Tuesday')), warnings.join('\n'));
  await shot(page, 'skipped-items');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.locator('.ar-notice').count(), 0);
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

check('a feed that is not there is an alert naming the URL and the status', async ({ page, open, expectError }) => {
  expectError(/404 \(Not Found\)/); // The browser logs the failed request itself,
  expectError(/article-reader: The feed at/); // and the reader logs what it shows.
  await open('?src=/fixtures/missing.json');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /The feed at \/fixtures\/missing\.json could not be loaded: the server answered 404/);
  await shot(page, 'error');
});

check('the demo host page: two embedded readers that host CSS cannot break', async ({ page, open }) => {
  await open('demo.html');
  const world = page.locator('#world');
  const desk = page.locator('#desk');
  await world.locator('[role=feed] article').first().waitFor();
  await desk.locator('[role=feed] article').nth(1).waitFor();
  assert.equal(await world.locator('[role=feed] article').count(), 1, 'tags="afghanistan"');
  assert.equal(await desk.locator('[role=feed] article').count(), 2, 'page-size="2" of 3');
  assert.ok(await page.evaluate(() => document.querySelector('#world').shadowRoot !== null), 'a shadow root');

  // The host's careless CSS does not reach the readers...
  const style = (locator, property) => locator.evaluate((e, p) => getComputedStyle(e)[p], property);
  const title = world.locator('.ar-card__title').first();
  assert.equal(await style(title, 'display'), 'block');
  assert.ok(parseFloat(await style(title, 'fontSize')) < 30, 'host * { font-size: 40px } stays out');
  assert.notEqual(await style(title, 'color'), 'rgb(255, 0, 255)', 'host h2 colour stays out');
  const toggle = world.getByRole('button', { name: /^Pakistan/ });
  assert.notEqual(await style(toggle, 'borderRadius'), '0px', 'host button { all: unset } stays out');
  assert.ok(!(await style(toggle, 'fontFamily')).includes('cursive'));
  // ...while the host keeps its own styles,
  assert.equal(await style(page.locator('.host-article'), 'display'), 'none');
  assert.equal(await style(page.locator('.host-button'), 'fontFamily'), 'cursive');
  assert.equal(await style(page.locator('.host-button'), 'color'), 'rgb(255, 0, 0)');
  // and themes the readers the supported ways.
  assert.equal(await style(world.locator('.ar-card').first(), 'borderLeftColor'), 'rgb(11, 92, 173)', '::part(card)');
  assert.equal(await style(desk.getByRole('button', { name: /^Embedding/ }), 'borderRadius'), '999px');
  assert.equal(await desk.locator('.ar-app').evaluate((e) => getComputedStyle(e).getPropertyValue('--ar-c-accent').trim()), '#6fd3c7');
  await shot(page, 'demo');

  // Attributes change live; events reach the host; the host's URL stays as it was.
  const log = page.locator('#event-log li');
  await page.getByRole('button', { name: 'World: switch theme' }).click();
  await world.locator('.ar-app.ar-theme-dark').waitFor();
  await page.getByRole('button', { name: 'World: tags = pakistan' }).click();
  await page.waitForFunction(() => document.querySelector('#world').shadowRoot.querySelectorAll('[role=feed] article').length === 2);
  assert.equal(await log.first().innerText(), 'world: article-reader-filter {"tags":["pakistan"],"match":"any"}');
  await world.getByRole('link', { name: UK }).click();
  await world.locator('h1', { hasText: UK }).waitFor();
  assert.match(await log.first().innerText(), /^world: article-reader-open \{"id":"pakistan-uk-regional-security-talks"/);
  assert.equal(new URL(page.url()).hash, '', 'memory routing leaves the host URL alone');
  await page.getByRole('button', { name: 'Desk: setFilter' }).click();
  await page.waitForFunction(() => document.querySelector('#desk').shadowRoot.querySelectorAll('[role=feed] article').length === 1);

  // Removing the element tears the reader down; adding it back starts a new one.
  await page.getByRole('button', { name: 'Desk: remove / add back' }).click();
  await page.waitForFunction(() => !document.querySelector('#desk'));
  await page.getByRole('button', { name: 'Desk: remove / add back' }).click();
  await desk.locator('[role=feed] article').first().waitFor();
  await shot(page, 'demo-after');
});

check('a narrow screen stacks the demo readers, each laid out for its own width', async ({ page, open }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await open('demo.html');
  await page.locator('#desk [role=feed] article').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page overflows by ${overflow}px`);
  await shot(page, 'demo-mobile');
});

check('a page on another origin embeds the reader from this one', async ({ page }) => {
  await page.goto(`${hostOrigin}/cross-origin-host.html`);
  await page.locator('#far [role=feed] article').first().waitFor();
  assert.deepEqual(await headlines(page, page.locator('#far [role=feed]')), [UK]);
});

/** Runs axe-core on the page against WCAG 2.2 A and AA; returns the violations, readable. */
async function axeViolations(page) {
  // Colours mid-transition are not the colours people read: let transitions finish first.
  await page.waitForFunction(() => document.getAnimations().length === 0);
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const scheme of ['light', 'dark']) {
  check(`accessibility (axe, WCAG 2.2 AA, ${scheme}): feed, filter, search, article, empty result, error`, async ({ page, open, expectError }) => {
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
    ];
    const found = [];
    for (const [name, address, ready] of views) {
      await open(address);
      await page.locator(ready).first().waitFor();
      for (const violation of await axeViolations(page)) found.push(`${name}: ${violation}`);
    }
    assert.deepEqual(found, []);
  });
}

check('an Arabic feed reads right to left, with an Arabic interface and Arabic dates', async ({ page, open }) => {
  await open('?src=/fixtures/arabic.json');
  await page.locator('[role=feed] article').nth(2).waitFor();
  const app = page.locator('.ar-app');
  assert.equal(await app.getAttribute('dir'), 'rtl');
  assert.equal(await app.getAttribute('lang'), 'ar');
  assert.equal(await app.evaluate((e) => getComputedStyle(e).direction), 'rtl');
  assert.equal(await page.locator('.ar-search__input').getAttribute('placeholder'), 'بحث');
  assert.equal(await page.locator('[aria-live=polite]').innerText(), 'عرض 3 مقالات');
  const english = page.locator('[role=feed] article', { hasText: 'An English item' });
  assert.equal(await english.getAttribute('dir'), 'ltr', 'an item in another language keeps its direction');
  // The search box sits at the start of the line, which is the right in Arabic.
  const box = await page.locator('.ar-search').boundingBox();
  const card = await page.locator('[role=feed] article').first().boundingBox();
  assert.ok(box.x > card.x, 'the sidebar is on the right');
  await shot(page, 'arabic-feed');
  await page.getByRole('link', { name: /بريطانيا/ }).click();
  await page.locator('h1.ar-article__title').waitFor();
  assert.equal(await page.locator('.ar-article__reading').innerText(), 'قراءة في دقيقة واحدة');
  assert.match(await page.locator('time').first().innerText(), /يناير/, 'an Arabic month name');
  await shot(page, 'arabic-article');
});

check('the keyboard help, a two-tag filter and a search, as a person sees them', async ({ page, open }) => {
  await open('#/?tag=pakistan&tag=diplomacy&match=all&q=islamabad');
  await page.locator('mark').first().waitFor();
  await shot(page, 'search-two-tags');
  await page.keyboard.press('?');
  await page.getByRole('dialog').waitFor();
  await shot(page, 'keyboard-help');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('dialog').count(), 0);
});

/** Writes the bundled feed in split form (one article a chunk) to /generated/split/. */
function splitTheBundledFeed() {
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '-p', 'article-reader-core', '--bin', 'article-reader-split',
    '--', 'feeds/seed.json', path.join(generated, 'split'), '--per-chunk', '1'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, `the splitter failed:\n${run.stderr}`);
}

/** Runs the importer on its own fixtures (all six formats) into the folder served at /generated/. */
function importFixtureFeeds() {
  const inputs = ['rss-0.91.xml', 'rss-0.92.xml', 'rss-1.0.rdf', 'rss-2.0.xml', 'atom.xml', 'feed.json']
    .map((name) => path.join(repoRoot, 'crates/importer/tests/fixtures', name));
  const output = path.join(generated, 'six-formats.json');
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', '-p', 'article-reader-importer', '--',
    ...inputs, '--title', 'Six formats, one feed', '-o', output], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, `the importer failed:\n${run.stderr}`);
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

importFixtureFeeds();
splitTheBundledFeed();

// The reader's files, with CORS, and a second origin for a host page that embeds them.
const server = await serve(dist, { cors: true });
const origin = `http://127.0.0.1:${server.address().port}`;
const hostServer = await serve(dist, { readerOrigin: () => origin });
const hostOrigin = `http://localhost:${hostServer.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
let failed = 0;
try {
  for (const { name, run } of checks) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
    const open = (hash) => page.goto(`${origin}${BASE_PATH}${hash}`);
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
  hostServer.close();
  rmSync(generated, { recursive: true, force: true });
}
console.log(`\n${checks.length - failed} passed; ${failed} failed`);
process.exit(failed ? 1 : 0);
