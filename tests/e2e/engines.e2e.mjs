// End-to-end checks of the built reader in any of three engines, through WebDriver: Chromium
// (chromedriver), Firefox (geckodriver) and WebKit (WebKitGTK's WebKitWebDriver, which needs an
// X display: run it under scripts/with-display.sh). Every view, the demo host page, a
// cross-origin embed, the Content-Security-Policy and a feed of hostile content, driven the way
// a person and a host page would, with real clicks and keys.
//
//   node tests/e2e/engines.e2e.mjs dist firefox
//   scripts/with-display.sh node tests/e2e/engines.e2e.mjs dist webkit
//   E2E_SCREENSHOTS=shots node tests/e2e/engines.e2e.mjs dist chromium   # and save screenshots
//   E2E_ONLY=demo node tests/e2e/engines.e2e.mjs dist firefox   # only the checks whose name matches
//
// WebDriver cannot read the console in every engine, so the server puts a probe into every page
// (tests/e2e/probe.js) and each check fails on anything the probe recorded: an uncaught error, a
// console.error, a CSP violation, a feed script that ran. Checks that need what only the
// DevTools protocol gives (axe, emulated media, request interception) are in reader.e2e.mjs,
// which runs in Chromium.
//
// The script starts the driver itself on a free port and stops it by its process id, whatever
// happens; the driver closes the browser with the session.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { By, Capabilities, WebDriver } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';
import { BASE_PATH, POLICY, UK, US, originOf, serve } from './server.mjs';

const dist = path.resolve(process.argv[2] ?? 'dist');
const engine = process.argv[3] ?? 'firefox';
const screenshots = process.env.E2E_SCREENSHOTS && path.resolve(process.env.E2E_SCREENSHOTS);
const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=en-GB'];

/** How to start each engine's driver, and the capabilities of a session in it. */
const ENGINES = {
  chromium: {
    driver: process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: CHROMIUM_FLAGS,
        prefs: { 'intl.accept_languages': 'en-GB' },
      },
    },
  },
  firefox: {
    driver: process.env.GECKODRIVER ?? 'geckodriver',
    args: (port) => ['--port', String(port)],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: { 'intl.accept_languages': 'en-GB', 'intl.locale.requested': 'en-GB' },
      },
    },
  },
  webkit: {
    // WebKitWebDriver opens MiniBrowser when asked with no capabilities at all. The browser
    // takes its language from the C locale, which scripts/setup.sh compiles for it.
    driver: process.env.SAFARIDRIVER ?? '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    env: { LOCPATH: process.env.ARTICLE_READER_LOCALES ?? '', LC_ALL: 'en_GB.UTF-8' },
    capabilities: {},
    needsDisplay: true,
  },
};

/**
 * Sessions the checks need besides the main one, each in a driver of its own (geckodriver and
 * WebKitWebDriver hold one session at a time, and WebKit takes its language from the driver's
 * locale): what each changes, and its check.
 */
const OTHER_SESSIONS = [
  {
    name: 'without JavaScript, the page and the demo’s prerendered reader show the headlines as links',
    capabilities: {
      chromium: (c) => { c['goog:chromeOptions'].prefs['profile.managed_default_content_settings.javascript'] = 2; },
      firefox: (c) => { c['moz:firefoxOptions'].prefs['javascript.enabled'] = false; },
      webkit: (c) => {
        c['webkitgtk:browserOptions'] = {
          binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          args: ['--automation', '--enable-javascript=false'],
        };
      },
    },
    run: withoutScript,
  },
  {
    name: 'an Arabic browser: the prerendered page hydrates, then dates follow the browser’s language',
    capabilities: {
      chromium: (c) => {
        c['goog:chromeOptions'].prefs['intl.accept_languages'] = 'ar-EG';
        c['goog:chromeOptions'].args = c['goog:chromeOptions'].args.map((a) => (a.startsWith('--lang=') ? '--lang=ar-EG' : a));
      },
      firefox: (c) => Object.assign(c['moz:firefoxOptions'].prefs, { 'intl.accept_languages': 'ar-EG', 'intl.locale.requested': 'ar-EG' }),
      webkit: () => {},
    },
    env: { webkit: { LC_ALL: 'ar_EG.UTF-8' } },
    run: arabicBrowser,
  },
];

/**
 * Without JavaScript, the built page and the demo page's prerendered reader (the importer's
 * snippet, in a declarative shadow root) still show the feed's headlines as links, read through
 * WebDriver's own commands (a page script cannot run).
 */
async function withoutScript(session) {
  const texts = (elements) => Promise.all(elements.map((e) => e.getAttribute('textContent').then((t) => t.replace(/\s+/g, ' ').trim())));
  await session.get(`${origin}${BASE_PATH}`);
  assert.deepEqual(await texts(await session.findElements(By.css('[role=feed] article h2 a[href^="#/article/"]'))), [UK, US]);
  assert.match((await texts(await session.findElements(By.css('.ar-page-note'))))[0] ?? '', /need JavaScript/,
    'the note of a page without script shows (so script is off)');
  assert.equal((await session.findElements(By.css('[role=feed] a.ar-tag[href^="#/?tag="]'))).length, 10, 'the tags are links');
  if (screenshots) writeFileSync(path.join(screenshots, `${engine}-no-script-page.png`), await session.takeScreenshot(), 'base64');
  await session.get(`${origin}${BASE_PATH}demo.html`);
  const cards = await (await session.findElement(By.css('#cards'))).getShadowRoot();
  assert.equal((await cards.findElements(By.css('[role=feed] article h2 a'))).length, 3, 'the demo’s prerendered reader');
  assert.equal((await cards.findElements(By.css('.ar-noscript'))).length, 1);
  if (screenshots) writeFileSync(path.join(screenshots, `${engine}-no-script-demo.png`), await session.takeScreenshot(), 'base64');
}

/**
 * In a browser whose language is Arabic, the prerendered page (English: the feed says so)
 * hydrates, and then its dates follow the browser's language; a tag press works.
 */
async function arabicBrowser(session) {
  const page = new Page(session, origin);
  await page.open('');
  assert.equal(await page.count('.ar-app'), 1, 'one reader on the page');
  assert.deepEqual(await headlines(page), [UK, US], 'the feed says it is English: its interface stays English');
  assert.match(await page.run('return navigator.language;'), /^ar/, 'the browser speaks Arabic');
  await page.until('return /يناير|٢٠٢٦/.test(document.querySelector("time")?.textContent ?? "");', 'an Arabic date');
  await page.click(BUTTON, { name: /^Imran Khan/ });
  await page.waitFor(FEED_ARTICLE, { count: 1, exactly: true });
  await page.shot('arabic-browser');
  const { problems } = await page.probe();
  assert.deepEqual(problems, [], 'the page recorded no problems');
}

// ---- the driver and the page -------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `spec`'s driver and resolves once it answers /status; `stop()` ends it by its pid. */
async function startDriver(spec) {
  const port = await freePort();
  const output = [];
  const child = spawn(spec.driver, spec.args(port), {
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => output.push(chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) break;
    try {
      if ((await (await fetch(`${url}/status`)).json()).value?.ready !== false) return { url, stop, output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${spec.driver} did not start:\n${Buffer.concat(output)}`);
}

/**
 * Finds elements in the page, through shadow roots: `within` is the list of shadow hosts to
 * enter, outermost first; `name` (a RegExp's source and flags) keeps the elements whose
 * accessible name, taken as aria-label or else the text, matches. Elements inside a `hidden`
 * one are left out. Runs in the page.
 */
function find(selector, within, name) {
  let root = document;
  for (const host of within) {
    root = root.querySelector(host)?.shadowRoot;
    if (!root) return [];
  }
  const pattern = name && new RegExp(name[0], name[1]);
  const accessibleName = (e) => (e.getAttribute('aria-label') ?? e.textContent).replace(/\s+/g, ' ').trim();
  // What a person can see: nothing inside a `hidden` element (the feed kept under an article).
  return [...root.querySelectorAll(selector)]
    .filter((e) => !e.closest('[hidden]'))
    .filter((e) => !pattern || pattern.test(accessibleName(e)));
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A page in one WebDriver session, with the few verbs the checks need. */
class Page {
  constructor(driver, origin) {
    this.driver = driver;
    this.origin = origin;
    this.recorded = { problems: [], warnings: [] };
  }

  /**
   * Loads `address` (relative to the reader's folder, or absolute) as a new document. The built
   * page arrives prerendered, so this waits until the reader has started (hydrated, or rendered
   * anew) before a check reads it, unless `started` is false.
   */
  async open(address, { started = true } = {}) {
    const url = /^https?:/.test(address) ? address : `${this.origin}${BASE_PATH}${address}`;
    await this.#harvest();
    await this.driver.switchTo().defaultContent();
    // Through a blank page, so that an address differing only in its fragment loads afresh.
    await this.driver.get(`${new URL(url).origin}/e2e/blank.html`);
    await this.driver.get(url);
    if (started) await this.until('return !document.querySelector(".ar-prerendered");', 'the reader to start');
  }

  /** Loads `address` framed at `width` × `height`, and works inside the frame from then on. */
  async openFramed(address, width, height) {
    const src = `${this.origin}${BASE_PATH}${address}`;
    await this.open(`${this.origin}/e2e/frame.html?${new URLSearchParams({ src, width, height })}`);
    await this.driver.switchTo().frame(0);
  }

  /** Runs `body` in the page with `find` in scope and `args` as `arguments`. */
  run(body, ...args) {
    return this.driver.executeScript(`${find}\n${body}`, ...args);
  }

  /**
   * Returns once the reader has answered everything that reached it so far, so that a check of
   * what did not happen is a check: the page's tasks already queued have run (Yew renders in a
   * microtask, and goes on in a next task when a render runs long), then the browser has
   * rendered a frame (the second animation frame comes after the first one is painted).
   * WebDriver's actions return once the engine has handled the events they made.
   */
  settled() {
    return this.driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
      setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done())), 0);`);
  }

  #query(selector, { within = [], name = null } = {}) {
    const pattern = name === null ? null : name instanceof RegExp ? [name.source, name.flags] : [`^${escapeRegExp(name)}$`, ''];
    return [selector, within, pattern];
  }

  /** Every element matching; see `find` for the options. */
  all(selector, options) {
    return this.run('return find(...arguments);', ...this.#query(selector, options));
  }

  async count(selector, options) {
    return (await this.all(selector, options)).length;
  }

  /** Their text, whitespace collapsed; `rendered` reads innerText (as laid out) instead. */
  texts(selector, { rendered = false, ...options } = {}) {
    return this.run(
      `return find(arguments[0], arguments[1], arguments[2]).map((e) =>
        (arguments[3] ? e.innerText : e.textContent).replace(/\\s+/g, ' ').trim());`,
      ...this.#query(selector, options), rendered);
  }

  async text(selector, options) {
    const [first] = await this.texts(selector, { rendered: true, ...options });
    assert.notEqual(first, undefined, `no ${selector}`);
    return first;
  }

  async attribute(selector, attribute, options) {
    return this.run('return find(arguments[0], arguments[1], arguments[2])[0]?.getAttribute(arguments[3]) ?? null;',
      ...this.#query(selector, options), attribute);
  }

  /** A computed style property of the first match. */
  async style(selector, property, options) {
    return this.run('const e = find(arguments[0], arguments[1], arguments[2])[0]; return getComputedStyle(e).getPropertyValue(arguments[3]).trim();',
      ...this.#query(selector, options), property);
  }

  /** Waits until at least `count` elements match (or, with `exactly`, that many). */
  async waitFor(selector, { count = 1, exactly = false, timeout = 10_000, ...options } = {}) {
    let seen = -1;
    try {
      await this.driver.wait(async () => {
        try {
          seen = await this.count(selector, options);
        } catch (error) {
          // A page between two states (an element just replaced) can fail a query; ask again.
          seen = `an error: ${error.message.split('\n')[0]}`;
          return false;
        }
        return exactly ? seen === count : seen >= count;
      }, timeout);
    } catch {
      const where = options.within?.length ? ` in ${options.within.join(' > ')}` : '';
      const named = options.name ? ` named ${options.name}` : '';
      const shown = await this.run('return [location.href, (document.querySelector(".ar-app") ?? document.body)?.innerText.slice(0, 300)];')
        .catch(() => ['?', '?']);
      throw new Error(`waited ${timeout} ms for ${exactly ? '' : 'at least '}${count} × ${selector}${named}${where}; saw ${seen}\n`
        + `at ${shown[0]}, showing: ${JSON.stringify(shown[1])}`);
    }
  }

  /** Waits until `body` (run in the page, with `args` as `arguments`) returns something truthy. */
  async until(body, what, timeout = 10_000, ...args) {
    try {
      await this.driver.wait(() => this.run(body, ...args), timeout);
    } catch {
      // Where the page was: a driver that waits for a load may not answer at all, hence the race.
      const where = await Promise.race([
        this.run('return `at ${location.href}, ${document.readyState}`;').catch((error) => `no answer: ${error.message.split('\n')[0]}`),
        new Promise((resolve) => setTimeout(resolve, 3000, 'the driver did not answer within 3 s')),
      ]);
      throw new Error(`waited ${timeout} ms for ${what}; ${where}`);
    }
  }

  /**
   * A real click (WebDriver's: at the element's centre, hit-tested) on the first match, once it
   * is there, scrolled to the middle of the view, has a size and has stopped moving. Things
   * move: a stylesheet still arriving, and cards that render only once scrolled into view
   * (content-visibility: auto) and change the height of everything above the element. A click
   * the engine refuses because something is in the way, or the element cannot be clicked yet,
   * is tried again until the deadline, as a person would.
   */
  async click(selector, { timeout = 10_000, ...options } = {}) {
    const deadline = Date.now() + timeout;
    await this.waitFor(selector, { timeout, ...options });
    let previous = null;
    for (;;) {
      const [element] = await this.all(selector, options);
      const box = element && JSON.stringify(await this.driver.executeScript(`const e = arguments[0];
        e.scrollIntoView({ block: 'center', inline: 'center' });
        const r = e.getBoundingClientRect();
        return [r.x, r.y, r.width, r.height];`, element));
      try {
        if (box && box === previous && !box.includes(',0,0]')) return await element.click();
      } catch (error) {
        const retryable = ['ElementNotInteractableError', 'ElementClickInterceptedError', 'StaleElementReferenceError'];
        if (!retryable.includes(error.name) || Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`${selector} (${options.name ?? ''}) never held still to be clicked`);
      previous = box;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Puts the focus on the first match. For fields, where WebKit's WebDriver refuses a click on
   * a text field inside a shadow root as intercepted (its hit test finds the field's own inner
   * editor); the keys that follow are real either way.
   */
  async focus(selector, options) {
    await this.waitFor(selector, options);
    await this.run('find(arguments[0], arguments[1], arguments[2])[0].focus();', ...this.#query(selector, options));
  }

  /** Presses keys as a person would, into whatever has focus. */
  async press(...keys) {
    await this.driver.actions().sendKeys(...keys).perform();
  }

  /** Moves what the probe of the current document recorded into `recorded`. */
  async #harvest() {
    const found = await this.run('const e = window.__e2e; return e ? { problems: e.problems.splice(0), warnings: e.warnings.splice(0) } : null;')
      .catch(() => null); // a page without the probe, or none yet
    this.recorded.problems.push(...(found?.problems ?? []));
    this.recorded.warnings.push(...(found?.warnings ?? []));
  }

  /** What the probes of every document since `forget()` recorded: `{ problems, warnings }`. */
  async probe() {
    await this.#harvest();
    return this.recorded;
  }

  forget() {
    this.recorded = { problems: [], warnings: [] };
  }

  async shot(name) {
    if (!screenshots) return;
    mkdirSync(screenshots, { recursive: true });
    writeFileSync(path.join(screenshots, `${engine}-${name}.png`), await this.driver.takeScreenshot(), 'base64');
  }
}

// ---- the checks --------------------------------------------------------------------------------

const checks = [];
function check(name, run) {
  checks.push({ name, run });
}

const FEED_ARTICLE = '[role=feed] article';
const headlines = (page, options) => page.texts(`${FEED_ARTICLE} h2`, options);
const BUTTON = 'button, [role=button]';

check('the feed lists both seed articles, newest first', async ({ page }) => {
  await page.open('');
  await page.waitFor(FEED_ARTICLE, { count: 2 });
  assert.deepEqual(await headlines(page), [UK, US]);
  assert.equal(await page.run('return document.title;'), 'Article Reader');
  await page.shot('feed');
});

check('a tag narrows the feed and clearing restores it', async ({ page }) => {
  await page.open('');
  await page.click(BUTTON, { name: /^Imran Khan/ });
  await page.waitFor(FEED_ARTICLE, { count: 1, exactly: true });
  assert.deepEqual(await headlines(page), [US]);
  assert.equal(await page.attribute(BUTTON, 'aria-pressed', { name: /^Imran Khan/ }), 'true');
  assert.equal(await page.text('[aria-live=polite]'), '1 of 2 articles tagged Imran Khan');
  assert.equal(await page.run('return location.hash;'), '#/?tag=imran%20khan');
  await page.shot('filtered');
  await page.click(BUTTON, { name: 'Clear filter' });
  await page.waitFor(FEED_ARTICLE, { count: 2, exactly: true });
});

check('an article shows every paragraph, and back keeps the filter', async ({ page }) => {
  await page.open('#/?tag=diplomacy');
  await page.click('a', { name: US });
  await page.waitFor('h1', { name: US });
  assert.equal(await page.count('.ar-body p'), 12);
  assert.equal(await page.text('.ar-body h2'), '‘HISTORIC LEVEL OF IRREGULARITIES’');
  assert.equal(await page.count('.ar-highlights li'), 2);
  assert.match(await page.text('figcaption'), /^Police cammandos escort .* \(AFP\/File\)$/);
  assert.equal(await page.text('time'), 'Updated 25 October 2024');
  await page.shot('article');
  await page.click('a', { name: /Articles tagged Diplomacy/ });
  await page.waitFor('[role=feed]');
  assert.equal(await page.attribute(BUTTON, 'aria-pressed', { name: /^Diplomacy/ }), 'true');
});

check('a deep link opens its article cold', async ({ page }) => {
  await page.open('#/article/pakistan-uk-regional-security-talks');
  await page.waitFor('h1', { name: UK });
  assert.equal(await page.count('.ar-body p'), 7);
});

check('an unknown article id shows a not-found page that leads back', async ({ page }) => {
  await page.open('#/article/missing-article');
  await page.waitFor('h1', { name: 'Article not found' });
  await page.shot('not-found');
  await page.click('a', { name: 'Back to the articles' });
  await page.waitFor(FEED_ARTICLE, { count: 2 });
});

check('every view opens: search, empty result, following, skipped items', async ({ page }) => {
  for (const [address, ready] of [
    ['#/?q=lawmakers', 'mark'],
    ['#/?q=nothing-matches-this', '.ar-empty'],
    ['#/following', '.ar-following'],
    ['#/?tag=pakistan&tag=diplomacy&match=all&q=islamabad', 'mark'],
  ]) {
    await page.open(address);
    await page.waitFor(ready);
  }
  assert.deepEqual(await headlines(page), [UK, US]);
  assert.match(await page.text('[aria-live=polite]'), /^2 of 2 articles/);
  await page.shot('search-two-tags');
});

check('a 360 px screen shows the feed and the article without sideways scrolling', async ({ page }) => {
  for (const [address, name] of [['', 'mobile-feed'], ['#/article/pakistan-us-lawmakers-letter-khan-release', 'mobile-article']]) {
    await page.openFramed(address, 360, 740);
    await page.waitFor(`${FEED_ARTICLE}, h1.ar-article__title`);
    assert.equal(await page.run('return innerWidth;'), 360);
    const overflow = await page.run('return document.documentElement.scrollWidth - innerWidth;');
    assert.ok(overflow <= 0, `${name} overflows by ${overflow}px`);
    await page.shot(name);
  }
});

check('the dark theme changes the palette', async ({ page }) => {
  await page.open('?theme=dark');
  await page.waitFor(FEED_ARTICLE);
  assert.equal(await page.style('.ar-app', 'background-color'), 'rgb(20, 20, 22)');
  assert.equal(await page.style('.ar-app', 'color'), 'rgb(236, 235, 232)');
  await page.shot('dark-feed');
  await page.open('?theme=dark#/article/pakistan-us-lawmakers-letter-khan-release');
  await page.waitFor('h1.ar-article__title');
  await page.shot('dark-article');
});

check('the built page carries its Content-Security-Policy and breaks none of it', async ({ page }) => {
  // Any violation, on any page of any check, fails that check through the probe; here the
  // policy itself is checked, and an article whose images the policy must let load.
  await page.open('');
  await page.waitFor(FEED_ARTICLE, { count: 2 });
  assert.equal(await page.attribute('meta[http-equiv=Content-Security-Policy]', 'content'), POLICY);
  assert.equal(await page.count('script:not([src])'), 0, 'no inline script');
  await page.open('?src=/fixtures/images.json#/article/images');
  await page.waitFor('.ar-app img', { count: 2 });
  await page.until('return [...document.querySelectorAll(".ar-app img")].every((i) => i.complete && i.naturalWidth > 0);',
    'both images to load');
  await page.shot('images');
});

check('?src= loads another feed, shows its valid articles and lists what it left out', async ({ page }) => {
  await page.open('?src=/fixtures/four-bad-of-ten.json');
  await page.waitFor(FEED_ARTICLE, { count: 7 });
  assert.equal(await page.count(FEED_ARTICLE), 7);
  assert.equal(await page.text('.ar-masthead__title'), 'Fixture feed');
  // Three items cannot be shown; one only loses its unreadable date, and shows undated.
  assert.deepEqual(await page.texts('.ar-notice__summary'), [
    '3 items of this feed could not be shown:',
    '1 field of this feed was left out; its article shows without it:',
  ]);
  assert.deepEqual(await page.texts('.ar-notice__list li'), [
    'item 3 (id "n3"): content_html and content_text are both missing; an item needs one',
    'item 6 (id "n6"): content_html and content_text are both missing; an item needs one',
    'item 9 (id "n9"): content_html and content_text are both missing; an item needs one',
    'item 5 (id "n5"): date_published "last Tuesday" is not a date the reader can read (RFC 3339 such as "2024-10-25T09:30:00+05:00", or RFC 822 such as "Fri, 25 Oct 2024 09:30:00 +0500"); the article is undated',
  ]);
  const { warnings } = await page.probe();
  assert.ok(warnings.some((w) => w.includes('3 item(s) skipped') && w.includes('last Tuesday')), warnings.join('\n'));
  await page.shot('skipped-items');
  await page.click(BUTTON, { name: 'Dismiss' });
  assert.equal(await page.count('.ar-notice'), 0);
});

check('a feed that is not there is an alert naming the URL and the status', async ({ page, expectProblem }) => {
  expectProblem(/console error: article-reader: The feed at/);
  await page.open('?src=/fixtures/missing.json');
  await page.waitFor('[role=alert]');
  assert.match(await page.text('[role=alert]'), /The feed at \/fixtures\/missing\.json could not be loaded: the server answered 404/);
  await page.shot('error');
});

check('under an Arabic interface, a feed that is not there and a skipped item are explained in Arabic', async ({ page, expectProblem }) => {
  expectProblem(/console error: article-reader: The feed at/);
  // Latin-letter words once the URL and what the feed holds (in quotes) are taken out; RFC names
  // the standards a date is read by (RFC 3339, RFC 822), which Arabic writes as they are.
  const plain = (text) => text.replace(/[\u2068\u2069]/g, '');
  const latinWords = (text, url = '') =>
    text.replace(url, '').split('"').filter((_, i) => i % 2 === 0).join('')
      .split(/[^A-Za-z]+/).filter((w) => w && w !== 'RFC');
  await page.open('?lang=ar&src=/fixtures/missing.json');
  await page.waitFor('[role=alert]');
  const alert = plain(await page.text('[role=alert]'));
  assert.match(alert, /تعذّر تحميل الخلاصة من \/fixtures\/missing\.json: أجاب الخادم بالرمز 404\./);
  assert.deepEqual(latinWords(alert, '/fixtures/missing.json'), [], alert);
  await page.shot('error-arabic');
  await page.open('?lang=ar&src=/fixtures/four-bad-of-ten.json');
  await page.waitFor(FEED_ARTICLE, { count: 7 });
  const problems = (await page.texts('.ar-notice__list li')).map(plain);
  assert.equal(problems.length, 4, problems.join('\n'));
  assert.equal(problems[0], 'العنصر 3 (المعرّف "n3"): لا «المحتوى المنسّق» في العنصر ولا «المحتوى النصي»؛ يحتاج العنصر أحدهما');
  for (const problem of problems) assert.deepEqual(latinWords(problem), [], problem);
  assert.equal(await page.attribute('.ar-notice__list', 'dir'), 'rtl');
  await page.shot('skipped-items-arabic');
});

check('an Arabic feed reads right to left, with an Arabic interface and Arabic dates', async ({ page }) => {
  await page.open('?src=/fixtures/arabic.json');
  await page.waitFor(FEED_ARTICLE, { count: 3 });
  assert.equal(await page.attribute('.ar-app', 'dir'), 'rtl');
  assert.equal(await page.attribute('.ar-app', 'lang'), 'ar');
  assert.equal(await page.style('.ar-app', 'direction'), 'rtl');
  assert.equal(await page.attribute('.ar-search__input', 'placeholder'), 'بحث');
  assert.equal(await page.text('[aria-live=polite]'), 'عرض 3 مقالات');
  assert.equal(await page.run(`return find('${FEED_ARTICLE}', [], null).find((e) => e.textContent.includes('An English item')).dir;`), 'ltr',
    'an item in another language keeps its direction');
  // The search box sits at the start of the line, which is the right in Arabic.
  const [box, card] = await page.run(`return ['.ar-search', '${FEED_ARTICLE}'].map((s) => document.querySelector(s).getBoundingClientRect().x);`);
  assert.ok(box > card, 'the sidebar is on the right');
  await page.shot('arabic-feed');
  await page.click('a', { name: /بريطانيا/ });
  await page.waitFor('h1.ar-article__title');
  assert.equal(await page.text('.ar-article__reading'), 'قراءة في دقيقة واحدة');
  assert.match(await page.text('time'), /يناير/, 'an Arabic month name');
  await page.shot('arabic-article');
});

// ---- before the wasm: the prerendered page, and hydration ------------------------------------

/**
 * Opens `address` of the build served under /held/, whose wasm the server holds back from here
 * until `release()`: the page as a person sees it before the wasm has come. A script sets the
 * address rather than WebDriver's navigation, which would wait for everything the page loads.
 */
async function openHeld(page, address) {
  await page.open(`${page.origin}/e2e/blank.html`);
  await page.run('return fetch("/e2e/hold").then(() => true);');
  await page.run('location.href = arguments[0];', `${page.origin}/held/${address}`);
  await page.until('return document.readyState !== "loading" && location.pathname.startsWith("/held/");', 'the held page');
}

const release = (page) => page.run('return fetch("/e2e/release").then(() => true);');
const hydrated = (page, within = []) => page.until(
  'let root = document; for (const host of arguments[0]) root = root.querySelector(host).shadowRoot; return root.querySelector(".ar-app:not(.ar-prerendered)") !== null;',
  'the reader to hydrate', 10_000, within);

check('before the wasm the page shows the feed as links, and the wasm hydrates those very nodes', async ({ page }) => {
  await openHeld(page, '');
  await page.waitFor(FEED_ARTICLE, { count: 2 });
  assert.deepEqual(await headlines(page), [UK, US]);
  assert.equal(await page.count(`${FEED_ARTICLE} h2 a[href^="#/article/"]`), 2, 'headlines are links');
  assert.equal(await page.count('[role=feed] a.ar-tag[href^="#/?tag="]'), 10, 'tags are links');
  assert.equal(await page.count('.ar-app.ar-prerendered'), 1, 'the controls are not usable yet');
  assert.equal(await page.style('.ar-search__input', 'pointer-events'), 'none');
  await page.shot('before-the-wasm');
  await page.run('document.querySelector("[role=feed] article").dataset.seen = "before";');
  await release(page);
  await hydrated(page);
  assert.equal(await page.count('.ar-app'), 1, 'one reader on the page');
  assert.equal(await page.attribute(FEED_ARTICLE, 'data-seen'), 'before', 'the first card is the same node');
  await page.click(BUTTON, { name: /^Imran Khan/ });
  await page.waitFor(FEED_ARTICLE, { count: 1, exactly: true });
  await page.click('a', { name: US });
  await page.waitFor('h1', { name: US });
  await page.press('\uE00C'); // Escape
  await page.waitFor(FEED_ARTICLE, { count: 1, exactly: true });
});

check('a click on a headline before the wasm opens that article once it has come', async ({ page }) => {
  await openHeld(page, '');
  await page.click('a', { name: UK });
  await page.until('return location.hash === "#/article/pakistan-uk-regional-security-talks";', 'the link to set the fragment');
  await release(page);
  await page.waitFor('h1', { name: UK });
  assert.equal(await page.count('.ar-body p'), 7);
});

check('a cold deep link keeps the prerendered feed out of sight and opens its article', async ({ page }) => {
  await openHeld(page, '#/article/pakistan-us-lawmakers-letter-khan-release');
  await page.waitFor(FEED_ARTICLE, { count: 2 });
  await page.until('return getComputedStyle(document.getElementById("article-reader")).visibility === "hidden";',
    'the feed, which nobody asked for, to be hidden');
  await release(page);
  await page.waitFor('h1', { name: US });
  assert.equal(await page.style('#article-reader', 'visibility'), 'visible');
});

check('a returning visitor’s read marks and reading settings apply once the wasm has come', async ({ page }) => {
  await page.open(`${page.origin}/e2e/blank.html`);
  await page.run(`localStorage.setItem('article-reader:bundled:read', 'pakistan-uk-regional-security-talks');
    localStorage.setItem('article-reader:bundled:reading', 'textSize=130&theme=sepia');`);
  await openHeld(page, '');
  await page.waitFor(FEED_ARTICLE, { count: 2 });
  assert.equal(await page.count('.ar-card--read'), 0, 'the prerendered page knows no visitor');
  await release(page);
  await page.waitFor('.ar-card--read', { count: 1, exactly: true });
  assert.equal(await page.attribute('.ar-card--read', 'data-article'), 'pakistan-uk-regional-security-talks');
  assert.match(await page.attribute('.ar-app', 'class'), /\bar-size-130\b.*\bar-theme-sepia\b|\bar-theme-sepia\b.*\bar-size-130\b/);
});

check('a reader that cannot start leaves the headlines readable, and says so', async ({ page, expectProblem }) => {
  expectProblem(/could not start|404|Failed to load|NetworkError|Load failed|WebAssembly/i);
  await page.open(`${page.origin}/no-wasm/`, { started: false });
  await page.waitFor('.ar-page-note[role=status]');
  assert.deepEqual(await headlines(page), [UK, US]);
  assert.equal(await page.count(`${FEED_ARTICLE} h2 a[href^="#/article/"]`), 2);
  await page.shot('no-wasm');
});

check('the demo page’s prerendered reader is hydrated in its shadow root, and a click before the wasm is kept', async ({ page }) => {
  const cards = { within: ['#cards'] };
  const firstCard = 'return document.querySelector("#cards").shadowRoot.querySelector("[role=feed] article")';
  await openHeld(page, 'demo.html');
  await page.waitFor(FEED_ARTICLE, { count: 3, ...cards });
  assert.equal(await page.count('.ar-app.ar-prerendered', cards), 1);
  assert.equal(await page.count('template'), 0, 'the declarative shadow root is attached as the page is read');
  await page.run(`${firstCard}.dataset.seen = "before";`);
  await release(page);
  await hydrated(page, ['#cards']);
  assert.equal(await page.count('.ar-app', cards), 1, 'one reader in the shadow root');
  assert.equal(await page.run(`${firstCard}.dataset.seen;`), 'before', 'the first card is the same node');

  await openHeld(page, 'demo.html');
  const [first] = await page.texts(`${FEED_ARTICLE} h2`, cards);
  await page.click(`${FEED_ARTICLE} h2 a`, cards);
  assert.equal(await page.run('return location.hash;'), '', 'the host page’s URL is left alone');
  await release(page);
  await page.waitFor('h1', { name: first, ...cards });
});

check('a download that stalls is given up after 30 s and tried again; a dropped connection is tried again', async ({ page }) => {
  // A dropped connection is dropped again for half a second: WebKit's network layer sends the
  // request again by itself at once, unseen by the page, a varying number of times, and the
  // reader must meet the drop in every engine. Its own retry comes a second later.
  for (const fault of ['stall35', 'dropfor500']) {
    const src = `/faults/${fault}/${engine}-${Date.now()}/fixtures/publisher.json`;
    await page.open(`?src=${encodeURIComponent(src)}`);
    await page.waitFor(`${FEED_ARTICLE}[data-article="budget-vote"]`, { timeout: 50_000 });
    assert.equal(await page.text('.ar-masthead__title'), 'The Harbour Times');
    // What the reader did, in its own words: it met one failure and tried again once.
    const tries = (await page.run('return window.__e2e.warnings;')).filter((w) => /Trying again in/.test(w));
    assert.equal(tries.length, 1, `${fault}: the reader tried again once: ${JSON.stringify(tries)}`);
    assert.equal(server.passed.get(src), 1, `${fault}: one request after the fault, the reader's retry`);
    if (fault.startsWith('stall')) assert.equal(server.requests.get(src), 2, `${fault}: the feed asked for twice`);
  }
});

check('a feed whose server is not there yet: tried again until it answers', async ({ page, expectProblem }) => {
  // The browser reports each refused connection on its own.
  expectProblem(/Failed to load|NetworkError|ERR_CONNECTION_REFUSED|Could not connect|refused/i);
  const port = await freePort();
  const src = `http://127.0.0.1:${port}/fixtures/publisher.json`;
  await page.open(`${page.origin}/e2e/one-reader.html?src=${encodeURIComponent(src)}`);
  await page.until('return /^Retrying in/.test(document.querySelector("#one")?.shadowRoot?.querySelector(".ar-loading__retry")?.textContent ?? "");',
    'the reader to say it tries again');
  const late = await serve(dist, { cors: true, port });
  try {
    await page.waitFor(FEED_ARTICLE, { within: ['#one'], timeout: 20_000 });
    assert.equal(await page.text('.ar-masthead__title', { within: ['#one'] }), 'The Harbour Times');
  } finally {
    late.close();
  }
});

check('two windows marking articles at the same moments keep every mark', async ({ page }) => {
  const { driver } = page;
  const feed = '?src=/e2e/many.json';
  const first = await driver.getWindowHandle();
  await page.open(feed);
  await page.waitFor(FEED_ARTICLE, { count: 20 });
  await driver.switchTo().newWindow('tab');
  const second = await driver.getWindowHandle();
  await page.open(feed);
  await page.waitFor(FEED_ARTICLE, { count: 20 });
  const windows = [first, second];
  try {
    for (let round = 0; round < 5; round += 1) {
      // Each window opens its own article at one instant of the clock they share, so neither
      // hears of the other's mark before making its own.
      const at = Date.now() + 1500;
      for (const [n, handle] of windows.entries()) {
        await driver.switchTo().window(handle);
        await page.run('setTimeout(() => { location.hash = "#/article/" + arguments[0]; }, arguments[1] - Date.now());', `a${2 * round + n}`, at);
      }
      for (const [n, handle] of windows.entries()) {
        await driver.switchTo().window(handle);
        await page.waitFor('h1', { name: `Article number ${2 * round + n}` });
        await page.run('location.hash = "#/";');
        await page.waitFor(FEED_ARTICLE, { count: 20 });
      }
    }
    for (const handle of windows) {
      await driver.switchTo().window(handle);
      await page.until('return document.querySelectorAll("[role=feed] article.ar-card--read").length === 10;',
        'every window to show all 10 marks');
    }
  } finally {
    await driver.switchTo().window(second);
    await driver.close();
    await driver.switchTo().window(first);
  }
});

check('the keyboard: / searches, j and k move, Enter opens, ? shows the help, Escape closes it', async ({ page }) => {
  await page.open('');
  await page.waitFor(FEED_ARTICLE, { count: 2 });
  // A click on plain text first, as a person's first contact with the page: a browser window
  // that has not had one may not have the keyboard yet (seen in WebKit).
  await page.click('.ar-masthead__description');
  await page.press('/');
  await page.until('return document.activeElement?.classList.contains("ar-search__input");', 'the search box to take focus');
  await page.press('lawmakers');
  await page.until('return location.hash === "#/?q=lawmakers";', 'the search to reach the URL');
  await page.waitFor(FEED_ARTICLE, { count: 1, exactly: true });
  await page.run('document.activeElement.blur();');
  await page.press('j');
  await page.until(`return document.activeElement?.matches('${FEED_ARTICLE}');`, 'j to focus the first article');
  await page.press('\uE007'); // Enter
  await page.waitFor('h1', { name: US });
  await page.until('return document.activeElement?.matches("h1.ar-article__title");', 'the article’s title to take focus');
  await page.press('?');
  await page.waitFor('dialog[open]');
  assert.equal(await page.run('return document.querySelector("dialog").matches(":modal");'), true, 'a modal dialog');
  assert.equal(await page.run('return document.activeElement?.matches("dialog button");'), true, 'the focus in the dialog');
  await page.press('\uE004'); // Tab: the focus stays in the dialog, whose only control is Close
  assert.equal(await page.run('return document.querySelector("dialog").contains(document.activeElement) || document.activeElement === document.body;'),
    true, 'Tab does not reach the page behind');
  await page.shot('keyboard-help');
  await page.press('\uE00C'); // Escape
  await page.waitFor('dialog[open]', { count: 0, exactly: true });
  await page.until('return document.activeElement?.matches("h1.ar-article__title");', 'the focus back on the title');
});

check('the demo host page: two embedded readers that host CSS cannot break', async ({ page }) => {
  await page.open('demo.html');
  const world = { within: ['#world'] };
  const desk = { within: ['#desk'] };
  await page.waitFor(FEED_ARTICLE, world);
  await page.waitFor(FEED_ARTICLE, { ...desk, count: 2 });
  assert.equal(await page.count(FEED_ARTICLE, world), 1, 'tags="afghanistan"');
  assert.equal(await page.count(FEED_ARTICLE, desk), 2, 'page-size="2" of 3');

  // The host's careless CSS does not reach the readers...
  assert.equal(await page.style('.ar-card__title', 'display', world), 'block');
  assert.ok(parseFloat(await page.style('.ar-card__title', 'font-size', world)) < 30, 'host * { font-size: 40px } stays out');
  assert.notEqual(await page.style('.ar-card__title', 'color', world), 'rgb(255, 0, 255)', 'host h2 colour stays out');
  const toggle = { ...world, name: /^Pakistan/ };
  assert.notEqual(await page.style(BUTTON, 'border-top-left-radius', toggle), '0px', 'host button { all: unset } stays out');
  assert.ok(!(await page.style(BUTTON, 'font-family', toggle)).includes('cursive'));
  // ...while the host keeps its own styles,
  assert.equal(await page.style('.host-article', 'display'), 'none');
  assert.equal(await page.style('.host-button', 'font-family'), 'cursive');
  assert.equal(await page.style('.host-button', 'color'), 'rgb(255, 0, 0)');
  // and themes the readers the supported ways.
  assert.equal(await page.style('.ar-card', 'border-left-color', world), 'rgb(11, 92, 173)', '::part(card)');
  assert.equal(await page.style(BUTTON, 'border-top-left-radius', { ...desk, name: /^Embedding/ }), '999px');
  assert.equal(await page.style('.ar-app', '--ar-c-accent', desk), '#6fd3c7');
  assert.equal(await page.style('.ar-app', 'background-color', desk), 'rgb(20, 20, 22)', 'theme="dark"');
  await page.shot('demo');

  // Attributes change live; events reach the host; the host's URL stays as it was.
  // The newest line of the host's event log, once there is one that `matches`.
  const log = async (matches) => {
    await page.until('return [...document.querySelectorAll("#event-log li")].some((li) => new RegExp(arguments[0]).test(li.textContent));',
      `an event log line like ${matches}`, 10_000, matches.source);
    return (await page.texts('#event-log li'))[0];
  };
  await page.click(BUTTON, { name: 'World: switch theme' });
  await page.waitFor('.ar-app.ar-theme-dark', world);
  await page.click(BUTTON, { name: 'World: tags = pakistan' });
  await page.waitFor(FEED_ARTICLE, { ...world, count: 2, exactly: true });
  assert.equal(await log(/article-reader-filter/), 'world: article-reader-filter {"tags":["pakistan"],"match":"any"}');
  await page.click('a', { ...world, name: UK });
  await page.waitFor('h1', { ...world, name: UK });
  assert.match(await log(/article-reader-open/), /^world: article-reader-open \{"id":"pakistan-uk-regional-security-talks"/);
  assert.equal(await page.run('return location.hash;'), '', 'memory routing leaves the host URL alone');
  await page.click(BUTTON, { name: /^Desk: setFilter/ });
  await page.waitFor(FEED_ARTICLE, { ...desk, count: 1, exactly: true });

  // Removing the element tears the reader down; adding it back starts a new one.
  await page.click(BUTTON, { name: 'Desk: remove / add back' });
  await page.waitFor('#desk', { count: 0, exactly: true });
  await page.click(BUTTON, { name: 'Desk: remove / add back' });
  await page.waitFor(FEED_ARTICLE, desk);
  await page.shot('demo-after');
});

check('a narrow screen stacks the demo readers, each laid out for its own width', async ({ page }) => {
  await page.openFramed('demo.html', 360, 800);
  await page.waitFor(FEED_ARTICLE, { within: ['#desk'] });
  const overflow = await page.run('return document.documentElement.scrollWidth - innerWidth;');
  assert.ok(overflow <= 0, `the page overflows by ${overflow}px`);
  await page.shot('demo-mobile');
});

check('a feed of real-world markup shows whole, with no console error and no CSP violation', async ({ page, hostOrigin }) => {
  // WordPress, a word processor's paste, lazy-load and <picture> markup, embeds, a table with
  // footnotes, an RSS date, character references: inline styles, event handlers, scripts and
  // http images from another origin among them. The probe fails the check on any console error
  // or Content-Security-Policy violation, in any page.
  await page.open('?src=/fixtures/real-world.json');
  await page.waitFor(FEED_ARTICLE, { count: 8 });
  assert.equal(await page.count('.ar-notice'), 0, 'nothing skipped or left out');
  const ids = ['everything', 'wordpress', 'docs-paste', 'lazy-load', 'embeds', 'table-footnotes', 'rss-dated', 'references'];
  for (const id of ids) {
    await page.open(`?src=/fixtures/real-world.json#/article/${id}`);
    await page.waitFor('h1.ar-article__title');
    await page.until(
      'const images = [...document.querySelectorAll(".ar-body img")]; images.forEach((i) => i.scrollIntoView());' +
        ' return images.every((i) => i.complete && i.naturalWidth > 0);',
      `every image of ${id} to load`,
    );
    await page.shot(`real-world-${id}`);
  }
  await page.open('?src=/fixtures/real-world.json#/article/wordpress');
  await page.waitFor('.ar-body a');
  // The article's relative address resolves against the feed, and its body's against the article.
  assert.equal(await page.attribute('.ar-body a', 'href'), `${page.origin}/fixtures/2025/05/wordpress-post/related/`);
  assert.equal(await page.attribute('.ar-source', 'href'), `${page.origin}/fixtures/2025/05/wordpress-post/`);
  assert.equal(await page.attribute('.ar-body img', 'src'), `${hostOrigin}/fixtures/photo.svg`);
  // A picture, a table, footnotes, sup and sub, a player for audio and one for video.
  await page.open('?src=/fixtures/real-world.json#/article/everything');
  await page.waitFor('.ar-body video');
  assert.deepEqual(await page.run(
    'const v = document.querySelector(".ar-body video"), a = document.querySelector(".ar-body audio");' +
      ' return [v.controls, v.autoplay, v.preload, a.controls, a.preload, document.querySelectorAll(".ar-body sup, .ar-body sub").length];'),
  [true, false, 'none', true, 'none', 4]);
  await page.click('.ar-body p sup a');
  await page.until('return (document.activeElement?.id ?? "").endsWith("-fn-note-a");', 'the footnote to take the focus');
  assert.match(await page.run('return location.hash;'), /#\/article\/everything$/, 'the address stays on the article');
  await page.shot('real-world-everything-footnote');
  await page.open('?src=/fixtures/real-world.json#/article/references');
  await page.waitFor('.ar-body p');
  // Read as text content: WebDriver's element text leaves out some invisible characters.
  assert.equal(
    await page.run('return document.querySelector(".ar-body p").textContent;'),
    'École – Straße „Zitat“ ’quoted’ €€ a\u00adb \u200eltr\u200f fa\u200crsi © 2025',
  );
});

check('a page on another origin embeds the reader from this one', async ({ page, hostOrigin }) => {
  await page.open(`${hostOrigin}/cross-origin-host.html`);
  await page.waitFor(FEED_ARTICLE, { within: ['#far'] });
  assert.deepEqual(await headlines(page, { within: ['#far'] }), [UK]);
  await page.click('a', { within: ['#far'], name: UK });
  await page.waitFor('.ar-body p', { within: ['#far'], count: 7 });
  await page.shot('cross-origin');
});

check('the embedding surface: the element, its properties and events, mount() and its handle', async ({ page, expectProblem }) => {
  // Cases that show a feed failing on purpose log it, as the reader does for a person.
  expectProblem(/^console error: article-reader: The feed (at|is)/);
  const reader = encodeURIComponent(`${BASE_PATH}article-reader.js`);
  await page.open(`${page.origin}/e2e/pages/embedding.html?reader=${reader}`);
  const report = (results) => {
    for (const { name, ok, message } of results) console.log(`       ${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `\n              ${message}`}`);
  };
  try {
    await page.until('return window.__cases?.done === true;', 'the cases to finish', 120_000);
  } catch (error) {
    // Say how far the page got and where it stands, so that a run that is slow or stuck says which case.
    const cases = await page.run('return window.__cases ?? null;').catch(() => null);
    if (cases) report(cases.results);
    throw new Error(`${error.message}: ${cases ? `${cases.results.length} finished, running “${cases.running}”` : 'the page never started them'}`);
  }
  const { results } = await page.run('return window.__cases;');
  report(results);
  // Every case the page defines ran, each once, in order: read from the page's source, not
  // from what the page says of itself.
  const defined = [...readFileSync(new URL('./pages/embedding.js', import.meta.url), 'utf8')
    .matchAll(/^test\('((?:[^'\\]|\\.)*)'/gm)].map((m) => m[1].replace(/\\(.)/g, '$1'));
  assert.ok(defined.length > 40, `${defined.length} cases found in pages/embedding.js`);
  assert.deepEqual(results.map((r) => r.name), defined, 'every case of the page ran');
  assert.deepEqual(results.filter((r) => !r.ok).map((r) => r.name), [], 'every case passes');
});

/** Opens one of the checks' own host pages, loading the reader under test. */
const openHostPage = (page, name) =>
  page.open(`${page.origin}/e2e/pages/${name}?reader=${encodeURIComponent(`${BASE_PATH}article-reader.js`)}`);

check('properties a host sets before article-reader.js loads, or before its wasm has, are applied', async ({ page }) => {
  await openHostPage(page, 'early-properties.html');
  await page.until('return window.__early !== undefined;', 'the readers to be ready', 30_000);
  const { error, ownBefore, beforeWasm, unstarted, early, handed, after } = await page.run('return window.__early;');
  assert.equal(error, undefined, 'every reader is ready');
  assert.equal(ownBefore, 16, 'before the module, the properties are the element’s own');
  assert.deepEqual(early.own, [], 'the element took every one over');
  assert.deepEqual(early.options, {
    src: '/fixtures/publisher.json', tags: ['harbour'], match: 'all', routing: 'memory', pageSize: 5, lang: 'en-GB',
    theme: 'dark', maxSize: 2 * 1024 * 1024, layout: 'list', controls: 'search tags', open: 'new-tab', keyboard: false,
    maxItems: 4, textSize: 150, font: 'sans', width: 'wide', spacing: 'loose',
  });
  assert.deepEqual(early.headlines, ['Council passes the harbour budget after a late-night vote',
    'Winter ferry timetable adds an early crossing'], 'the tags set before loading filter the feed');
  assert.deepEqual(early.classes, ['ar-font-sans', 'ar-layout-list', 'ar-size-150', 'ar-spacing-loose', 'ar-theme-dark', 'ar-width-wide'], 'the theme, layout and reading settings apply');
  assert.deepEqual(handed.own, [], 'the feed handed over is taken over');
  assert.deepEqual(handed.headlines, ['The only article'], 'the feed handed over shows');
  assert.deepEqual(after.options.tags, ['culture'], 'written after the definition, before the wasm');
  assert.deepEqual(after.headlines, ['The central library opens on Sundays again']);
  assert.equal(beforeWasm, null, 'nothing reads an option before the wasm has loaded');
  assert.deepEqual(unstarted, { pageSize: 20, tags: ['harbour', 'tea'], keyboard: false, layout: 'full' },
    'a reader not started reads its attributes as the core does: page-size="0" is refused');
});

/** The value of the field `selector` in the reader `host`, or in the page without one. */
const fieldValue = (page, selector, host) =>
  page.run('return find(arguments[0], arguments[1], null)[0].value;', selector, host ? [host] : []);

check('keys typed into a field, the reader’s or the host’s, are never taken as shortcuts', async ({ page }) => {
  await openHostPage(page, 'keyboard.html');
  await page.waitFor(FEED_ARTICLE, { within: ['#hashed'], count: 2 });
  await page.focus('.ar-search__input', { within: ['#hashed'] });
  await page.press('j/?k');
  assert.equal(await fieldValue(page, '.ar-search__input', '#hashed'), 'j/?k', 'the reader’s own search box');
  assert.equal(await page.count('dialog[open]', { within: ['#hashed'] }), 0, 'no help');
  await page.focus('#host-field');
  await page.press('j?/o');
  assert.equal(await fieldValue(page, '#host-field'), 'j?/o', 'the host’s field');
  assert.equal(await page.run('return document.activeElement.id;'), 'host-field', 'the focus stays');
});

check('an embedded reader hears its shortcuts only while the focus is inside it', async ({ page }) => {
  await openHostPage(page, 'keyboard.html');
  await page.waitFor(FEED_ARTICLE, { within: ['#hashed'], count: 2 });
  await page.run('document.activeElement?.blur();');
  await page.press('j');
  assert.equal(await page.run('return document.activeElement === document.body;'), true, 'j on the host page does nothing');
  await page.focus('.ar-search__input', { within: ['#hashed'] });
  await page.press('\uE004'); // Tab, out of the field, still inside the reader
  await page.press('j');
  await page.until(`return document.querySelector('#hashed').shadowRoot.activeElement?.matches('${FEED_ARTICLE}');`,
    'j to focus the first article');
  await page.press('?');
  await page.waitFor('dialog[open]', { within: ['#hashed'] });
  assert.equal(await page.count('dialog[open]', { within: ['#quiet'] }), 0, 'the other reader heard nothing');
});

check('keyboard="off" turns the single-key shortcuts off', async ({ page }) => {
  await openHostPage(page, 'keyboard.html');
  await page.waitFor(FEED_ARTICLE, { within: ['#quiet'], count: 2 });
  await page.focus('.ar-search__input', { within: ['#quiet'] });
  await page.press('\uE004'); // Tab, out of the field, still inside the reader
  const focused = 'return document.querySelector("#quiet").shadowRoot.activeElement?.outerHTML.slice(0, 60) ?? null;';
  const before = await page.run(focused);
  assert.ok(before, 'the focus is inside the reader');
  for (const key of ['j', '/', '?']) {
    await page.press(key);
    await page.settled();
    assert.equal(await page.run(focused), before, `${key} moved nothing`);
    assert.equal(await page.count('dialog[open]', { within: ['#quiet'] }), 0, `${key}: no help`);
  }
});

check('a link to the host page’s own fragment leaves a hash-routed reader where it is', async ({ page }) => {
  await openHostPage(page, 'keyboard.html');
  await page.click('a', { within: ['#hashed'], name: US });
  await page.waitFor('h1', { within: ['#hashed'], name: US });
  assert.equal(await page.run('return location.hash;'), '#/article/pakistan-us-lawmakers-letter-khan-release');
  await page.click('#host-link');
  await page.until('return location.hash === "#notes";', 'the host’s fragment');
  // The fragment changed: its `hashchange` is queued, or heard already. A task later and a
  // rendered frame on, the reader has answered it.
  await page.settled();
  await page.waitFor('h1', { within: ['#hashed'], name: US });
  assert.equal(await page.count('.ar-not-found', { within: ['#hashed'] }), 0, 'no “Article not found”');
});

/**
 * What no reader may hold after rendering a hostile feed, in one run in the page: forbidden
 * elements, event-handler or style attributes, script URLs, and anything the feed put outside
 * the reader.
 */
const HOSTILE_LEFTOVERS = `
  const app = find('.ar-app', [], null)[0];
  const found = [];
  // The reader's own players (controls, nothing fetched before play, never autoplay) are the
  // only audio and video; its choices of speed and voice for reading aloud (offered where the
  // engine has a voice, as WebKitGTK does) the only selects.
  const forbidden = 'script, iframe, frame, frameset, object, embed, svg, math, base, meta, '
    + 'select:not(.ar-listen__more > .ar-listen__rate, .ar-listen__more > .ar-listen__voice), textarea, '
    + 'link, style, template, noscript, details:not(.ar-settings), marquee, [autoplay], '
    + 'video:not(.ar-body__media[controls][preload=none]), audio:not(.ar-body__media[controls][preload=none]), '
    + 'source:not(.ar-body__media > source), form:not(.ar-search), '
    + 'input:not(.ar-search__input, .ar-mode__option input, .ar-reading__hide input, .ar-action__link, .ar-settings__choice > input)';
  for (const e of app.querySelectorAll(forbidden)) found.push('element ' + e.outerHTML.slice(0, 80));
  // A URL as the browser reads it: resolved, with the tabs, newlines and controls it ignores.
  const scheme = (value) => {
    try { return new URL(value, document.baseURI).href.slice(0, 16).toLowerCase(); } catch { return ''; }
  };
  for (const e of app.querySelectorAll('*')) {
    for (const { name, value } of e.attributes) {
      if (/^on|^(style|srcdoc|formaction|xlink:href)$/.test(name)) found.push('attribute ' + name + ' on ' + e.localName);
      const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\\s+/)[0]) : ['href', 'src', 'action', 'poster', 'background', 'data', 'cite'].includes(name) ? [value] : [];
      for (const url of urls) if (/^(javascript|vbscript|data:text)/.test(scheme(url))) found.push(name + '=' + value);
    }
  }
  // The page's own note for browsers without script is the only other thing in it.
  const outside = [...document.body.children].filter((e) => e.id !== 'article-reader' && e.id !== 'article-reader-note');
  for (const e of outside) found.push('outside the reader: ' + e.outerHTML.slice(0, 80));
  for (const script of document.scripts) {
    if (!script.src.startsWith(location.origin + '/')) found.push('script ' + script.outerHTML.slice(0, 80));
  }
  if (document.querySelector('base, meta[http-equiv=refresh]')) found.push('a base or refresh in the page');
  return found;`;

check('a feed of hostile content runs nothing and escapes nothing', async ({ page }) => {
  const feed = '?src=/fixtures/hostile.json';
  await page.open(feed);
  await page.waitFor('.ar-notice__list li');
  await page.waitFor(FEED_ARTICLE);
  const ids = await page.run(`return find('${FEED_ARTICLE} a[href*="#/article/"]', [], null)
    .map((a) => decodeURIComponent(a.hash.slice('#/article/'.length)));`);
  assert.ok(ids.length >= 10, `the feed shows ${ids.length} articles`);
  // The URL payloads cost their items, each named.
  const skipped = (await page.texts('.ar-notice__list li')).join('\n');
  assert.match(skipped, /javascript:__xss\(\)/, skipped);
  await page.shot('hostile-feed');
  assert.deepEqual(await page.run(HOSTILE_LEFTOVERS), [], 'the feed view');
  for (const id of ids) {
    await page.open(`${feed}#/article/${encodeURIComponent(id)}`);
    await page.waitFor('.ar-body');
    assert.deepEqual(await page.run(HOSTILE_LEFTOVERS), [], `article ${id}`);
  }
  await page.shot('hostile-article');
});

// ---- the run -----------------------------------------------------------------------------------

const spec = ENGINES[engine];
if (!spec) {
  console.error(`unknown engine "${engine}"; one of ${Object.keys(ENGINES).join(', ')}`);
  process.exit(2);
}
if (spec.needsDisplay && !process.env.DISPLAY) {
  console.error(`${engine} needs an X display: run this under scripts/with-display.sh`);
  process.exit(2);
}

// The reader's files, with CORS, and a second origin for a host page that embeds them.
const server = await serve(dist, { cors: true, probe: true, otherOrigin: () => hostOrigin });
const origin = originOf(server);
const hostServer = await serve(dist, { readerOrigin: () => origin, probe: true });
const hostOrigin = originOf(hostServer, 'localhost');

// A free port can be taken between being found and being bound; try another then.
let driverProcess = null;
for (let attempt = 1; !driverProcess; attempt += 1) {
  driverProcess = await startDriver(spec).catch((error) => {
    if (attempt === 3) throw error;
    console.log(`${engine}: the driver did not start (${error.message.split('\n')[0]}); trying again`);
    return null;
  });
}
let driver = null;
let failed = 0;
const only = new RegExp(process.env.E2E_ONLY ?? '');
const selected = checks.filter((c) => only.test(c.name));
/** Stops the driver of another session, if one is running. */
let stopOther = async () => {};
const stopAll = async () => {
  await stopOther();
  await driver?.quit().catch(() => {});
  driver = null;
  await driverProcess.stop();
  server.close();
  hostServer.close();
};
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stopAll().then(() => process.exit(130)));
try {
  driver = await WebDriver.createSession(new Executor(new HttpClient(driverProcess.url)), new Capabilities(spec.capabilities));
  const capabilities = await driver.getCapabilities();
  console.log(`${engine}: ${capabilities.get('browserName')} ${capabilities.get('browserVersion')}`);
  await driver.manage().window().setRect({ width: 1200, height: 900 });
  await driver.manage().setTimeouts({ script: 10_000, pageLoad: 30_000 });
  const page = new Page(driver, origin);
  for (const { name, run } of selected) {
    const expected = [];
    const expectProblem = (pattern) => expected.push(pattern);
    try {
      // A clean slate on both origins: what one check follows or reads, the next must not see.
      for (const each of [origin, hostOrigin]) {
        await page.open(`${each}/e2e/blank.html`);
        await page.run('localStorage.clear(); sessionStorage.clear();');
      }
      page.forget();
      await run({ page, hostOrigin, expectProblem });
      const { problems } = await page.probe();
      const unexpected = problems.filter((p) => !expected.some((pattern) => pattern.test(p)));
      assert.deepEqual(unexpected, [], 'the page recorded no problems');
      console.log(`ok   ${name}`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL ${name}\n     ${String(error.message || error.stack || error).split('\n').join('\n     ')}`);
      await page.shot(`FAIL-${name.replace(/\W+/g, '-')}`).catch(() => {});
    }
  }
  // The other sessions, each with a driver of its own, once the main one has gone.
  await driver.quit().catch(() => {});
  driver = null;
  await driverProcess.stop();
  for (const other of OTHER_SESSIONS.filter((o) => only.test(o.name))) {
    selected.push(other);
    const capabilities = structuredClone(spec.capabilities);
    other.capabilities[engine](capabilities);
    let otherDriver = null;
    let session = null;
    try {
      otherDriver = await startDriver({ ...spec, env: { ...spec.env, ...other.env?.[engine] } });
      stopOther = () => otherDriver.stop();
      session = await WebDriver.createSession(new Executor(new HttpClient(otherDriver.url)), new Capabilities(capabilities));
      await session.manage().window().setRect({ width: 1200, height: 900 });
      await session.manage().setTimeouts({ script: 10_000, pageLoad: 30_000 });
      await other.run(session);
      console.log(`ok   ${other.name}`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL ${other.name}\n     ${String(error.message || error).split('\n').join('\n     ')}`);
    } finally {
      await session?.quit().catch(() => {});
      await otherDriver?.stop();
      stopOther = async () => {};
    }
  }
} catch (error) {
  failed += 1;
  console.log(`FAIL ${engine}: ${error.message}\n${Buffer.concat(driverProcess.output)}`);
} finally {
  await stopAll();
}
console.log(`\n${engine}: ${selected.length - failed} passed; ${failed} failed`);
process.exit(failed ? 1 : 0);
