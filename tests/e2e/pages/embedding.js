// Cases of the public embedding surface, run inside a host page in every engine the end-to-end
// checks run (engines.e2e.mjs opens embedding.html, which loads this module): only what a
// publisher uses is touched, `article-reader.js` with its element, the element's attributes,
// properties and events, and `mount()` with its handle. Nothing of the reader's Rust API.
//
// Results land in `window.__cases` as `{ done, results: [{ name, ok, message }] }`.
//
// The first cases start before anything is awaited, so their calls reach the element before
// the wasm has loaded; the others run one at a time, each with its own host elements.

const readerUrl = new URL(location.href).searchParams.get('reader');
const reader = await import(readerUrl);

const FEED = '/fixtures/publisher.json';
const SKIPPING = '/fixtures/four-bad-of-ten.json';
const HARBOUR = ['Council passes the harbour budget after a late-night vote', 'Winter ferry timetable adds an early crossing'];
const TEA = 'Tea, coffee and cake: the market festival returns';

// ---- helpers ------------------------------------------------------------------------------------

class Failure extends Error {}

function assert(condition, message) {
  if (!condition) throw new Failure(message);
}

function assertEqual(actual, expected, message) {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) throw new Failure(`${message}: got ${a}, expected ${e}`);
}

/** Checks `condition` every 20 ms until it holds; fails after `timeout`. */
async function until(what, condition, timeout = 8000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Failure(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Resolves once the reader has answered everything that reached it so far, so that a check of
 * what did not happen is a check, not a guess: the tasks already queued have run (Yew renders in
 * a microtask, and goes on in a next task when a render runs long; the element tears down in a
 * microtask), then the browser has rendered a frame (the second animation frame comes after the
 * first one is painted), and what the reader did in that render (its effects) is done.
 */
async function settled() {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** The next `name` event on `target`, once every listener added before this one has heard it. */
const next = (target, name) => new Promise((resolve) => target.addEventListener(name, resolve, { once: true }));

const all = (host, selector) => [...(host.shadowRoot?.querySelectorAll(selector) ?? [])];
const one = (host, selector) => host.shadowRoot?.querySelector(selector) ?? null;
const text = (node) => node?.textContent.replace(/\s+/g, ' ').trim() ?? null;
const headlines = (host) => all(host, '[role=feed] article h2').map(text);
const masthead = (host) => text(one(host, '.ar-masthead__title'));
const isArticle = (host) => one(host, 'h1.ar-article__title') !== null;

/** A new `<article-reader>` with `attributes`, in the page. */
function element(attributes = {}, inner = '') {
  const el = document.createElement('article-reader');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = inner;
  document.body.append(el);
  return el;
}

/** A new `<div>` in the page, to mount into. */
function box() {
  const div = document.createElement('div');
  document.body.append(div);
  return div;
}

/** A reader mounted with `mount()` into a new `<div>`, removed when the case ends. */
async function mounted(options) {
  const host = box();
  const handle = await reader.mount(host, options);
  later(() => {
    handle.destroy();
    host.remove();
  });
  return [host, handle];
}

/** Every `name` event's detail that reaches `target`, as it arrives. */
function record(target, name) {
  const seen = [];
  target.addEventListener(name, (event) => seen.push(event.detail));
  return seen;
}

/** The warnings the page's probe has seen since `from`. */
const warningsSince = (from) => window.__e2e.warnings.slice(from);

function clickLink(host, name) {
  const link = all(host, 'a').find((a) => text(a) === name);
  assert(link, `a link named ${name}`);
  link.click();
}

function clickToggle(host, name) {
  const toggle = all(host, 'button[aria-pressed]').find((b) => text(b).startsWith(name));
  assert(toggle, `a toggle named ${name}`);
  toggle.click();
}

/** The case leaves the page as it found it, whatever happened. */
const cleanups = [];
const later = (cleanup) => cleanups.push(cleanup);

// ---- cases that start before the wasm has loaded -------------------------------------------------

const cold = {
  queued: (() => {
    const el = element({ src: FEED });
    el.setFilter(['harbour']);
    el.pageSize = 1;
    el.theme = 'dark';
    el.setAttribute('tags', 'politics');
    el.setFilter(['events', 'culture']);
    el.update({ layout: 'list', maxItems: 4 });
    return el;
  })(),
  readded: element({ src: FEED, tags: 'harbour' }),
  moved: element({ src: FEED, tags: 'culture' }),
};
{
  // Removed, its removal seen, and added back, all before the wasm has loaded.
  cold.readded.remove();
  await Promise.resolve();
  await Promise.resolve();
  document.body.append(cold.readded);
  const elsewhere = document.createElement('section');
  document.body.append(elsewhere);
  elsewhere.append(cold.moved);
}

const cases = [];
function test(name, run) {
  cases.push({ name, run });
}

test('calls made before the wasm has loaded are applied in order', async () => {
  const el = cold.queued;
  later(() => el.remove());
  await el.ready;
  await until('the last filter shows', () => headlines(el).length === 1);
  assertEqual(headlines(el), [TEA], 'setFilter after the tags attribute wins');
  assertEqual(el.tags, ['culture', 'events'], 'el.tags');
  assertEqual(el.pageSize, 1, 'el.pageSize');
  assert(one(el, '.ar-app.ar-theme-dark'), 'the theme set before loading applies');
  assert(one(el, '.ar-app.ar-layout-list'), 'update() before loading applies');
  assertEqual(el.maxItems, 4, 'el.maxItems');
});

test('removed and added back while the wasm loads: exactly one working reader', async () => {
  const el = cold.readded;
  later(() => el.remove());
  await el.ready;
  await until('the reader shows its filter', () => headlines(el).length === 2);
  assertEqual(all(el, '.ar-app').length, 1, 'readers in the shadow root');
  clickToggle(el, 'Politics');
  await until('the reader responds to a click', () => headlines(el).length === 3);
});

test('moved while the wasm loads: exactly one working reader', async () => {
  const el = cold.moved;
  later(() => el.parentElement.remove());
  await el.ready;
  await until('the reader shows its filter', () => headlines(el).length === 1);
  assertEqual(all(el, '.ar-app').length, 1, 'readers in the shadow root');
});

// ---- merging, properties, the filter ---------------------------------------------------------------

test('update() merges: options it does not name keep their values', async () => {
  const [host, handle] = await mounted({ src: FEED, tags: ['harbour'] });
  await handle.ready;
  await until('the filter shows', () => headlines(host).length === 2);
  handle.update({ theme: 'dark' });
  await until('the theme applies', () => one(host, '.ar-app.ar-theme-dark'));
  assertEqual(masthead(host), 'The Harbour Times', 'the feed stays');
  assertEqual(headlines(host), HARBOUR, 'the filter stays');
});

test('null returns an option to its default', async () => {
  const [host, handle] = await mounted({ src: FEED, tags: ['harbour'], theme: 'dark' });
  await handle.ready;
  handle.update({ tags: null, theme: null });
  await until('every article shows', () => headlines(host).length === 5);
  assert(!one(host, '.ar-app.ar-theme-dark'), 'the theme is back to auto');
  handle.update({ src: null });
  await until('the bundled feed shows', () => masthead(host) === 'Latest news');
});

test('every option is a typed property; attributes and properties update each other', async () => {
  const el = element({ src: FEED, 'page-size': '2' });
  later(() => el.remove());
  await el.ready;
  assertEqual(el.pageSize, 2, 'a number from the attribute');
  assertEqual(el.src, FEED, 'el.src');
  assertEqual(el.keyboard, true, 'a boolean');
  assertEqual(el.maxItems, null, 'unset');
  el.pageSize = 1;
  await until('one article a page', () => headlines(el).length === 1);
  el.setAttribute('page-size', '3');
  await until('three articles a page', () => headlines(el).length === 3);
  assertEqual(el.pageSize, 3, 'the property follows the attribute');
  el.tags = ['Tea, coffee'];
  await until('the tag with a comma filters', () => headlines(el).length === 1);
  assertEqual(headlines(el), [TEA], 'a tag may contain a comma');
  assertEqual(el.tags, ['tea, coffee'], 'el.tags');
});

test('setFilter() then the tags attribute: the last write wins', async () => {
  const el = element({ src: FEED });
  later(() => el.remove());
  await el.ready;
  el.setFilter(['culture']);
  await until('setFilter applies', () => headlines(el).length === 1);
  el.setAttribute('tags', 'harbour');
  await until('the attribute applies', () => headlines(el).length === 2);
  el.setFilter(['culture']);
  await until('setFilter applies again', () => headlines(el).length === 1);
});

test('the same filter written again returns to the feed with it', async () => {
  const el = element({ src: FEED, tags: 'culture' });
  later(() => el.remove());
  await el.ready;
  await until('the filter shows', () => headlines(el).length === 1);
  clickLink(el, 'The central library opens on Sundays again');
  await until('the article opens', () => isArticle(el));
  el.setAttribute('tags', 'culture');
  await until('the feed shows again', () => headlines(el).length === 1);
});

test('a change to an unrelated option never navigates, after setFilter() too', async () => {
  const el = element({ src: FEED, tags: 'culture' });
  later(() => el.remove());
  await el.ready;
  el.setFilter(['harbour']);
  await until('the feed shows', () => headlines(el).length === 2);
  clickLink(el, HARBOUR[0]);
  await until('the article opens', () => isArticle(el));
  el.setAttribute('theme', 'dark');
  el.pageSize = 4;
  el.lang = 'en-GB';
  await until('the theme applies', () => one(el, '.ar-app.ar-theme-dark'));
  await settled();
  assert(isArticle(el), 'the article stays open');
});

test('a value of the wrong type is one warning naming it; the other options apply', async () => {
  const before = window.__e2e.warnings.length;
  const [host, handle] = await mounted({ src: FEED, pageSize: 'many', theme: 'dark', tags: [7] });
  await handle.ready;
  const warnings = warningsSince(before);
  assert(warnings.some((w) => w.includes('pageSize="many" is not a whole number from 1 to 1000')), warnings.join(' | '));
  assert(warnings.some((w) => w.includes('tags=[7] is not a list of tag names')), warnings.join(' | '));
  assertEqual(warnings.length, 2, 'one warning each');
  assert(one(host, '.ar-app.ar-theme-dark'), 'the theme applies');
  assertEqual(headlines(host).length, 5, 'no filter, the default page size');
});

// ---- moving and removing ---------------------------------------------------------------------------

test('moved after it started: the same reader, with what the person did', async () => {
  const el = element({ src: FEED });
  const elsewhere = document.createElement('aside');
  document.body.append(elsewhere);
  later(() => elsewhere.remove());
  later(() => el.remove());
  await el.ready;
  clickToggle(el, 'Harbour');
  await until('the filter shows', () => headlines(el).length === 2);
  elsewhere.append(el);
  await settled();
  assertEqual(headlines(el).length, 2, 'the filter the person chose is still there');
  assertEqual(all(el, '.ar-app').length, 1, 'readers');
});

test('removed and added back after it started: exactly one working reader', async () => {
  const el = element({ src: FEED });
  later(() => el.remove());
  await el.ready;
  el.remove();
  await until('the removed reader is gone', () => all(el, '.ar-app').length === 0);
  document.body.append(el);
  await until('a reader starts again', () => headlines(el).length === 5);
  assertEqual(all(el, '.ar-app').length, 1, 'readers');
  assertEqual(all(el, 'link[rel=stylesheet]').length + el.shadowRoot.adoptedStyleSheets.length, 1, 'stylesheets');
});

// ---- lifecycle -----------------------------------------------------------------------------------

test('ready resolves, and article-reader-ready fires, with what is on screen', async () => {
  const el = document.createElement('article-reader');
  el.setAttribute('src', SKIPPING);
  const seen = record(el, 'article-reader-ready');
  document.body.append(el);
  later(() => el.remove());
  assertEqual(await el.ready, { articles: 7, skipped: 3 }, 'el.ready');
  assertEqual(seen, [{ articles: 7, skipped: 3 }], 'the event');
  assertEqual(headlines(el).length, 7, 'on screen when ready resolves');
  const [, handle] = await mounted({});
  assertEqual(await handle.ready, { articles: 2, skipped: 0 }, 'the handle’s ready, bundled feed');
});

test('a feed that cannot be shown: article-reader-error with its kind, and ready rejects', async () => {
  for (const [options, kind] of [
    [{ src: '/fixtures/missing.json' }, 'fetch'],
    [{ src: '/e2e/pages/embedding.html' }, 'invalid'],
    [{ src: FEED, maxSize: 100 }, 'too-large'],
    [{ src: 'javascript:alert(1)' }, 'invalid'],
  ]) {
    const el = document.createElement('article-reader');
    const seen = record(el, 'article-reader-error');
    el.src = options.src;
    if (options.maxSize) el.maxSize = options.maxSize;
    document.body.append(el);
    later(() => el.remove());
    const error = await el.ready.then(() => null, (e) => e);
    assert(error, `${kind}: ready rejects`);
    assertEqual(error.kind, kind, `${options.src}: the rejection's kind`);
    assertEqual(seen.length, 1, `${kind}: one error event`);
    assertEqual(seen[0].kind, kind, `${kind}: the event's kind`);
    assert(seen[0].message.length > 10, `${kind}: a message`);
    if (kind === 'fetch') assertEqual(seen[0].url, '/fixtures/missing.json', 'the url');
  }
});

test('article-reader-open comes before the article opens, and cancelling it keeps the reader where it is', async () => {
  const el = element({ src: FEED });
  later(() => el.remove());
  await el.ready;
  let openAtEvent = null;
  let cancel = true;
  const seen = [];
  el.addEventListener('article-reader-open', (event) => {
    seen.push({ detail: event.detail, cancelable: event.cancelable });
    openAtEvent = isArticle(el);
    if (cancel) event.preventDefault();
  });
  clickLink(el, HARBOUR[1]);
  await until('article-reader-open', () => seen.length === 1);
  await settled();
  assertEqual(openAtEvent, false, 'dispatched before the article opens');
  assert(!isArticle(el), 'cancelled: the feed stays');
  assertEqual(seen[0].detail, {
    id: 'ferry-timetable',
    title: HARBOUR[1],
    url: 'https://news.example.org/ferry-timetable.html',
    route: '#/article/ferry-timetable',
  }, 'the detail: the article’s own address, and the reader’s route');
  assertEqual(seen[0].cancelable, true, 'cancelable');
  cancel = false;
  clickLink(el, HARBOUR[1]);
  await until('not cancelled: the article opens', () => isArticle(el));
});

test('article-reader-filter tells the host the filter', async () => {
  const el = element({ src: FEED });
  later(() => el.remove());
  const seen = record(el, 'article-reader-filter');
  await el.ready;
  clickToggle(el, 'Harbour');
  await until('the event', () => seen.length === 1);
  assertEqual(seen[0], { tags: ['harbour'], match: 'any' }, 'detail');
  el.setFilter(['culture', 'politics'], 'all');
  await until('the second event', () => seen.length === 2);
  assertEqual(seen[1], { tags: ['culture', 'politics'], match: 'all' }, 'detail');
});

// ---- routing -------------------------------------------------------------------------------------

test('under hash routing, a fragment of the host page’s own leaves the reader where it is', async () => {
  const el = element({ src: FEED, routing: 'hash' });
  later(() => {
    el.remove();
    history.replaceState(null, '', location.pathname + location.search);
  });
  await el.ready;
  location.hash = '#/article/library-hours';
  await until('the reader follows its own fragment', () => isArticle(el));
  let changed = next(window, 'hashchange');
  location.hash = '#main';
  await changed;
  await settled();
  assert(isArticle(el), 'the host’s fragment leaves the article open');
  assert(!text(one(el, 'h1')).includes('not found'), 'no “Article not found”');
  changed = next(window, 'hashchange');
  history.back();
  await changed;
  await settled();
  assert(isArticle(el), 'back to the reader’s fragment');
});

test('a second reader with hash routing keeps its place in memory, with one warning', async () => {
  const before = window.__e2e.warnings.length;
  const first = element({ src: FEED, routing: 'hash' });
  const second = element({ src: FEED, routing: 'hash' });
  later(() => {
    first.remove();
    second.remove();
    history.replaceState(null, '', location.pathname + location.search);
  });
  await Promise.all([first.ready, second.ready]);
  clickLink(second, HARBOUR[0]);
  await until('the second reader opens the article', () => isArticle(second));
  assertEqual(location.hash, '', 'the second reader leaves the URL alone');
  clickLink(first, HARBOUR[1]);
  await until('the first reader opens its article', () => isArticle(first));
  assertEqual(location.hash, '#/article/ferry-timetable', 'the first reader routes by the fragment');
  const warnings = warningsSince(before).filter((w) => w.includes('keeps it in memory'));
  assertEqual(warnings.length, 1, 'one warning');
});

// ---- feeds the host hands over ---------------------------------------------------------------------

const inlineFeed = (title) => JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title,
  items: [{ id: 'inline-1', title: 'Written into the page', content_text: 'By the CMS template.' }],
});

test('a feed written into the element as <script type="application/feed+json">', async () => {
  const el = element({}, `<script type="application/feed+json">${inlineFeed('Inline feed')}</script>`);
  later(() => el.remove());
  assertEqual(await el.ready, { articles: 1, skipped: 0 }, 'ready');
  assertEqual(masthead(el), 'Inline feed', 'the inline feed shows');
  assertEqual(headlines(el), ['Written into the page'], 'its article');
});

test('a feed object: a wrong-typed field costs that item only, named', async () => {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Handed over',
    items: [
      { id: 'good', title: 'A good item', content_text: 'Fine.', tags: ['A'] },
      { id: 'bad', title: 'A bad item', content_html: 42 },
      { id: 'also-good', title: 'Another good item', content_html: '<p>Fine too.</p>', date_published: '2025-01-02T03:04:05Z' },
    ],
  };
  const [host, handle] = await mounted({ feed });
  assertEqual(await handle.ready, { articles: 2, skipped: 1 }, 'ready');
  assertEqual(headlines(host).sort(), ['A good item', 'Another good item'], 'the good items show');
  const problem = text(one(host, '.ar-notice__list li'));
  assert(problem.includes('item 2') && problem.includes('"bad"') && problem.includes('content_html'), problem);
});

test('which feed shows: feed, then the inline script, then src, then the bundled one', async () => {
  const el = element({ src: FEED }, `<script type="application/feed+json">${inlineFeed('Inline feed')}</script>`);
  later(() => el.remove());
  await el.ready;
  assertEqual(masthead(el), 'Inline feed', 'the inline feed before src');
  el.feed = JSON.parse(inlineFeed('Object feed'));
  await until('the object before the inline feed', () => masthead(el) === 'Object feed');
  el.feed = null;
  await until('the inline feed again', () => masthead(el) === 'Inline feed');
  const plain = element({ src: FEED });
  later(() => plain.remove());
  await plain.ready;
  assertEqual(masthead(plain), 'The Harbour Times', 'src');
  plain.removeAttribute('src');
  await until('the bundled feed', () => masthead(plain) === 'Latest news');
});

test('two readers on one page keep their own state', async () => {
  const a = element({ src: FEED });
  const b = element({ src: FEED });
  later(() => {
    a.remove();
    b.remove();
  });
  await Promise.all([a.ready, b.ready]);
  clickToggle(a, 'Culture');
  await until('the first filters', () => headlines(a).length === 1);
  assertEqual(headlines(b).length, 5, 'the second is unchanged');
  const ids = [...all(a, '[id]'), ...all(b, '[id]')].map((e) => e.id);
  assertEqual(new Set(ids).size, ids.length, 'no element id is shared');
});

// ---- layouts, chrome, opening, max-items -------------------------------------------------------------

const chrome = (host) => ({
  masthead: one(host, '.ar-masthead') !== null,
  views: one(host, '.ar-views') !== null,
  search: one(host, '.ar-search') !== null,
  tags: one(host, '.ar-filter') !== null,
});

test('each layout draws what it promises', async () => {
  const expectations = {
    full: { images: 5, summaries: 5, tagLinks: true },
    list: { images: 0, summaries: 5, tagLinks: false },
    cards: { images: 5, summaries: 5, tagLinks: false },
    compact: { images: 0, summaries: 0, tagLinks: false },
  };
  for (const [layout, expected] of Object.entries(expectations)) {
    const el = element({ src: FEED, layout });
    later(() => el.remove());
    await el.ready;
    const seen = {
      images: all(el, '[role=feed] article img').length,
      summaries: all(el, '.ar-card__summary').length,
      tagLinks: all(el, '[role=feed] article .ar-tag').length > 0,
    };
    assertEqual(seen, expected, `layout="${layout}"`);
    assertEqual(headlines(el).length, 5, `${layout}: every article`);
    assertEqual(el.layout, layout, 'el.layout');
  }
});

test('the cards layout is a grid of several columns when there is room', async () => {
  const el = element({ src: FEED, layout: 'cards', controls: 'none' });
  el.style.width = '1100px';
  later(() => el.remove());
  await el.ready;
  const columns = getComputedStyle(one(el, '[role=feed]')).gridTemplateColumns.split(' ').length;
  assert(columns >= 3, `${columns} columns`);
});

test('controls choose the chrome; compact shows none of it unless asked', async () => {
  const cases = [
    [{}, { masthead: true, views: true, search: true, tags: true }],
    [{ controls: 'none' }, { masthead: false, views: false, search: false, tags: false }],
    [{ controls: 'search' }, { masthead: false, views: false, search: true, tags: false }],
    [{ controls: 'masthead tags' }, { masthead: true, views: false, search: false, tags: true }],
    [{ layout: 'compact' }, { masthead: false, views: false, search: false, tags: false }],
    [{ layout: 'compact', controls: 'masthead following' }, { masthead: true, views: true, search: false, tags: false }],
  ];
  for (const [attributes, expected] of cases) {
    const el = element({ src: FEED, ...attributes });
    later(() => el.remove());
    await el.ready;
    assertEqual(chrome(el), expected, JSON.stringify(attributes));
  }
});

test('max-items shows at most that many articles in all, unlike page-size', async () => {
  const el = element({ src: FEED, 'max-items': '2' });
  later(() => el.remove());
  await el.ready;
  assertEqual(headlines(el).length, 2, 'two articles');
  assert(!one(el, '.ar-more__button'), 'no “Show more”');
  assertEqual(one(el, '[role=feed] article').getAttribute('aria-setsize'), '2', 'the feed says two');
  el.maxItems = null;
  await until('all five again', () => headlines(el).length === 5);
  el.pageSize = 2;
  el.maxItems = 3;
  await until('a page of two', () => headlines(el).length === 2);
  one(el, '.ar-more__button').click();
  await until('three in all', () => headlines(el).length === 3);
  assert(!one(el, '.ar-more__button'), 'no more after the third');
});

test('open="link" and "new-tab": a headline is the article’s own address, and the host is asked first', async () => {
  const el = element({ src: FEED, open: 'link' });
  later(() => el.remove());
  await el.ready;
  const link = all(el, '.ar-card__link').find((a) => text(a) === HARBOUR[1]);
  assertEqual(link.getAttribute('href'), 'https://news.example.org/ferry-timetable.html', 'href');
  assertEqual(link.getAttribute('target'), null, 'same tab');
  const seen = [];
  el.addEventListener('article-reader-open', (event) => {
    seen.push(event.detail.id);
    event.preventDefault(); // The host routes itself, and this page stays.
  });
  const page = location.href;
  // The reader's own listener is inside its shadow root: the click reaches the element after it.
  const clicked = new Promise((resolve) => el.addEventListener('click', (event) => resolve(event.defaultPrevented), { once: true }));
  link.click();
  assertEqual(await clicked, true, 'cancelled: the link is not followed');
  await settled();
  assertEqual(seen, ['ferry-timetable'], 'article-reader-open first');
  assertEqual(location.href, page, 'cancelled: the page stays');
  el.open = 'new-tab';
  await until('new tab', () => all(el, '.ar-card__link')[0].getAttribute('target') === '_blank');
  assertEqual(all(el, '.ar-card__link')[0].getAttribute('rel'), 'noopener', 'rel');
  el.open = 'inline';
  await until('inline again', () => all(el, '.ar-card__link')[0].getAttribute('href').startsWith('#/article/'));
});

test('the Following view pages like the feed', async () => {
  const el = element({ src: FEED, 'page-size': '2' });
  later(() => el.remove());
  await el.ready;
  clickLink(el, HARBOUR[0]);
  await until('the article opens', () => isArticle(el));
  for (const tag of ['Politics', 'Harbour']) {
    const follow = all(el, 'button.ar-follow').find((b) => b.getAttribute('aria-label') === `Follow ${tag}`);
    assert(follow, `a Follow ${tag} button`);
    follow.click();
  }
  await until('two tags followed', () => all(el, 'button.ar-follow[aria-pressed="true"]').length === 2);
  all(el, 'a.ar-views__link').find((a) => text(a).startsWith('Following (2)')).click();
  await until('a page of two', () => headlines(el).length === 2);
  const more = one(el, '.ar-following .ar-more__button');
  assert(more, '“Show more”');
  more.click();
  await until('the third', () => headlines(el).length === 3);
  assert(!one(el, '.ar-following .ar-more__button'), 'all shown');
});

// ---- reading -------------------------------------------------------------------------------------

/** Forgets every reader's reading settings, so a case starts from the host's. */
function forgetReadingSettings() {
  for (const key of Object.keys(localStorage)) if (key.endsWith(':reading')) localStorage.removeItem(key);
}

const px = (host, selector, property) => parseFloat(getComputedStyle(one(host, selector))[property]);

test('reading settings: size in steps from the person’s default, font, width, spacing, sepia; remembered', async () => {
  forgetReadingSettings();
  later(forgetReadingSettings);
  const root = document.documentElement;
  const before = root.style.fontSize;
  later(() => (root.style.fontSize = before));
  // The person's default size (the browser's `medium`) is what the reader starts from, not the
  // host page's root size.
  const probe = document.createElement('span');
  probe.style.fontSize = 'medium';
  document.body.append(probe);
  const medium = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  root.style.fontSize = '40px';
  const el = element({ src: FEED });
  later(() => el.remove());
  await el.ready;
  assertEqual(px(el, '.ar-app', 'fontSize'), medium, 'the reader’s text follows the person’s default size');
  clickLink(el, HARBOUR[0]);
  await until('the article opens', () => isArticle(el));
  const settings = one(el, '.ar-article__actions details.ar-settings');
  assert(settings, 'the article offers its reading settings');
  assert(!one(el, '.ar-masthead details.ar-settings'), 'once');
  // The panel is built when the settings open (their toggle event), not with the article.
  assert(!one(el, '.ar-settings__panel'), 'no panel before the settings open');
  settings.querySelector('summary').click();
  assert(settings.open, 'the settings open');
  await until('the panel is built', () => one(el, '.ar-settings__panel'));
  const larger = all(el, 'button.ar-settings__step').find((b) => text(b).endsWith('Larger text'));
  assert(larger, 'a “Larger text” button');
  larger.click();
  await until('one step larger', () => text(one(el, '.ar-settings__value')) === '115%');
  larger.click();
  await until('two steps larger', () => text(one(el, '.ar-settings__value')) === '130%');
  const grown = px(el, '.ar-app', 'fontSize');
  assert(Math.abs(grown - medium * 1.3) < 0.05, `sizes are relative to the default: ${grown} px, not ${medium * 1.3}`);
  const radio = (name, value) => one(el, `input[type=radio][name$="-${name}"][value="${value}"]`);
  for (const [name, value] of [['font', 'sans'], ['width', 'narrow'], ['spacing', 'loose'], ['theme', 'sepia']]) {
    const input = radio(name, value);
    assert(input, `a ${name} choice ${value}`);
    input.click();
    await until(`${name} ${value} chosen`, () => one(el, '.ar-app').classList.contains(`ar-${name}-${value}`));
  }
  const body = one(el, '.ar-body');
  assert(getComputedStyle(body).fontFamily.includes('system-ui'), `a sans-serif reading text: ${getComputedStyle(body).fontFamily}`);
  assertEqual(Math.round(px(el, '.ar-body', 'lineHeight') / px(el, '.ar-body', 'fontSize') * 10) / 10, 2, 'loose lines');
  assert(px(el, '.ar-article', 'maxWidth') <= 34 * medium * 1.3 + 1, 'a narrow column');
  assertEqual(getComputedStyle(one(el, '.ar-app')).backgroundColor, 'rgb(244, 236, 216)', 'sepia paper');
  // Remembered: another reader of the same feed opens as this one was left.
  const again = element({ src: FEED, 'text-size': '85%', theme: 'dark' });
  later(() => again.remove());
  await again.ready;
  const classes = one(again, '.ar-app').classList;
  assert(classes.contains('ar-size-130') && classes.contains('ar-theme-sepia'), `the person’s choice wins over the host’s: ${classes}`);
  assert(one(again, '.ar-masthead details.ar-settings'), 'the feed offers the settings too');
  // Reset gives the host's options back.
  settings.querySelector('button.ar-settings__reset').click();
  await until('the host’s settings again', () => !one(el, '.ar-app').classList.contains('ar-theme-sepia'));
  assertEqual(px(el, '.ar-app', 'fontSize'), medium, 'the default size again');
});

test('reading options, attributes and custom properties set the text before any choice', async () => {
  forgetReadingSettings();
  const el = element({ src: FEED, 'text-size': '150%', font: 'mono', width: 'wide', spacing: 'tight', theme: 'sepia' });
  later(() => el.remove());
  await el.ready;
  assertEqual(el.textSize, 150, 'textSize reads back as a number');
  assertEqual([el.font, el.width, el.spacing, el.theme], ['mono', 'wide', 'tight', 'sepia'], 'the words read back');
  const classes = [...one(el, '.ar-app').classList];
  for (const name of ['ar-size-150', 'ar-font-mono', 'ar-width-wide', 'ar-spacing-tight', 'ar-theme-sepia']) {
    assert(classes.includes(name), `${name} in ${classes}`);
  }
  el.textSize = null;
  await until('the size returns to the default', () => !one(el, '.ar-app').classList.contains('ar-size-150'));
  // A host's custom properties, where neither option nor person chose.
  const [host] = await mounted({ src: FEED });
  const base = px(host, '.ar-app', 'fontSize');
  host.style.setProperty('--ar-text-size', '1.5');
  const scaled = px(host, '.ar-app', 'fontSize');
  assert(Math.abs(scaled - base * 1.5) < 0.05, `--ar-text-size scales the text: ${scaled} px, not ${base * 1.5}`);
  const warned = window.__e2e.warnings.length;
  el.setAttribute('font', 'comic');
  await until('a warning about the font', () => warningsSince(warned).some((w) => w.includes('font="comic"')));
  assert(one(el, '.ar-app').classList.contains('ar-font-mono'), 'and the font it had stays');
});

test('authors with links and avatars, a banner, the source beside the article, an expired feed', async () => {
  const photo = new URL('/fixtures/photo.svg', location.href).href;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Bylines',
    expired: true,
    authors: [{ name: 'The desk', avatar: photo }],
    items: [
      {
        id: 'two', title: 'Written by two', content_html: '<p>Two.</p>', url: 'https://news.example/two',
        external_url: 'https://elsewhere.example/story', banner_image: photo,
        authors: [
          { name: 'Ana Silva', url: 'https://news.example/ana', avatar: photo },
          { name: 'Bo Chen', avatar: 'javascript:alert(1)' },
          { name: 'Cy Dee', url: 'javascript:alert(2)' },
        ],
      },
      { id: 'desk', title: 'Written by the desk', content_text: 'Desk.', date_published: '2020-01-01T00:00:00Z' },
    ],
  };
  const [host] = await mounted({ feed });
  assertEqual(text(one(host, '.ar-masthead__expired')), 'This feed is no longer updated.', 'expired');
  clickLink(host, 'Written by two');
  await until('the article opens', () => isArticle(host));
  assertEqual(text(one(host, '.ar-article__byline')), 'By Ana Silva, Bo Chen and Cy Dee', 'a list in words');
  const avatars = all(host, '.ar-article__byline img.ar-author__avatar');
  assertEqual(avatars.length, 1, 'only the safe avatar');
  assertEqual([avatars[0].src, avatars[0].loading, avatars[0].alt], [photo, 'lazy', ''], 'lazy and decorative');
  const links = all(host, '.ar-article__byline a').map((a) => [text(a), a.href]);
  assertEqual(links, [['Ana Silva', 'https://news.example/ana']], 'only the safe author link');
  const banner = one(host, 'img.ar-banner');
  assert(banner && banner.src === photo, 'the banner heads the article');
  assert(banner.compareDocumentPosition(one(host, 'h1.ar-article__title')) & Node.DOCUMENT_POSITION_FOLLOWING, 'above the headline');
  const sources = all(host, '.ar-sources a').map((a) => [text(a), a.href]);
  assertEqual(sources, [['Original article', 'https://news.example/two'], ['Read at the source', 'https://elsewhere.example/story']], 'both links');
  clickLink(host, 'All articles');
  await until('the feed again', () => headlines(host).length === 2);
  clickLink(host, 'Written by the desk');
  await until('the other article opens', () => text(one(host, 'h1.ar-article__title')) === 'Written by the desk');
  assertEqual(text(one(host, '.ar-article__byline')), 'By The desk', 'the feed’s authors stand in');
  assertEqual(all(host, '.ar-article__byline img').length, 1, 'with their avatar');
});

test('attachments: players with their alternates and details, downloads, a card’s play control, the place and speed remembered', async () => {
  const tone = new URL('/fixtures/tone.wav', location.href).href;
  const notes = new URL('/fixtures/photo.svg', location.href).href;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'A podcast',
    items: [{
      id: 'ep1', title: 'Episode one', content_text: 'The first episode.',
      attachments: [
        { url: tone, mime_type: 'audio/wav', title: 'Episode one', duration_in_seconds: 2712, size_in_bytes: 42000000 },
        { url: tone.replace('.wav', '.ogg'), mime_type: 'audio/ogg', title: 'Episode one' },
        { url: notes, mime_type: 'application/pdf', title: 'Show notes', size_in_bytes: 1258291 },
        { url: 'javascript:alert(1)', mime_type: 'audio/mpeg' },
      ],
    }],
  };
  for (const key of Object.keys(localStorage)) if (key.includes(':media:')) localStorage.removeItem(key);
  later(() => { for (const key of Object.keys(localStorage)) if (key.includes(':media:')) localStorage.removeItem(key); });
  const [host] = await mounted({ feed });
  await until('the feed', () => headlines(host).length === 1);
  const card = one(host, 'audio.ar-card__player');
  assert(card && card.controls && card.preload === 'none', 'the card has a play control');
  clickLink(host, 'Episode one');
  await until('the article opens', () => isArticle(host));
  const players = all(host, '.ar-attachments audio');
  assertEqual(players.length, 1, 'alternates are one player');
  const audio = players[0];
  assert(audio.controls && audio.preload === 'none' && !audio.autoplay, 'controls, nothing fetched before play');
  assertEqual([...audio.querySelectorAll('source')].map((s) => s.type), ['audio/wav', 'audio/ogg'], 'its sources');
  assertEqual(text(one(host, 'figure.ar-attachment figcaption')), 'Episode one · 45 min · 40.1 MiB', 'title, duration, size');
  const download = one(host, 'a.ar-attachment__download');
  assert(download && download.href === notes, 'the document is a download');
  assertEqual(text(download.parentElement), 'Download Show notes (application/pdf · 1.2 MiB)', 'with its type and size');
  assert(!all(host, '[href^="javascript:"], [src^="javascript:"]').length, 'no script URL');
  if (!audio.canPlayType('audio/wav')) return; // An engine without a WAV decoder plays nothing to resume.
  audio.load();
  await until('the player has the file', () => audio.readyState >= 1);
  audio.currentTime = 1.5;
  audio.playbackRate = 1.5;
  await until('the place is remembered', () => Object.keys(localStorage).some((k) => k.endsWith(`:media:${tone}`) && localStorage.getItem(k) === '15 150'));
  // Another reader of the same feed resumes there.
  const [again] = await mounted({ feed });
  await until('the feed again', () => headlines(again).length === 1);
  clickLink(again, 'Episode one');
  await until('the article again', () => isArticle(again));
  const resumed = one(again, '.ar-attachments audio');
  resumed.load();
  await until('the player resumes', () => resumed.readyState >= 1 && Math.abs(resumed.currentTime - 1.5) < 0.05);
  assertEqual(resumed.playbackRate, 1.5, 'at the speed chosen');
});

// ---- unread ------------------------------------------------------------------------------------------

const unreadOf = (host, name) => {
  const toggle = all(host, 'button[aria-pressed]').find((b) => text(b.querySelector('.ar-toggle__name')) === name);
  return text(toggle?.querySelector('.ar-unread')) ?? null;
};
const readCards = (host) => all(host, '[role=feed] article.ar-card--read').map((card) => text(card.querySelector('h2')));

test('unread counts on the tag toggles and on Following', async () => {
  localStorage.clear();
  const el = element({ src: FEED });
  later(() => el.remove());
  await el.ready;
  assertEqual(unreadOf(el, 'Harbour'), null, 'nothing read: no counts');
  clickLink(el, HARBOUR[1]);
  await until('the article opens', () => isArticle(el));
  all(el, 'button.ar-follow').find((b) => b.getAttribute('aria-label') === 'Follow Harbour').click();
  clickLink(el, 'All articles');
  await until('the feed', () => headlines(el).length === 5);
  assertEqual(unreadOf(el, 'Harbour'), '1 unread', 'Harbour: one of two read');
  assertEqual(unreadOf(el, 'Transport'), null, 'Transport: its only article read');
  assertEqual(unreadOf(el, 'Culture'), null, 'Culture: nothing of it read');
  assertEqual(text(one(el, '.ar-views .ar-unread')), '1 unread', 'Following');
});

test('“Mark all as read” marks the articles of the view, and “Undo” takes it back once', async () => {
  localStorage.clear();
  const el = element({ src: FEED });
  later(() => el.remove());
  await el.ready;
  clickToggle(el, 'Politics');
  await until('the filter', () => headlines(el).length === 2);
  one(el, '.ar-reading__mark').click();
  await until('both marked', () => readCards(el).length === 2);
  assert(one(el, '.ar-reading__mark').disabled, 'nothing left to mark');
  el.setFilter([]);
  await until('the whole feed', () => headlines(el).length === 5);
  assertEqual(readCards(el).length, 2, 'only the filtered articles were marked');
  clickToggle(el, 'Politics');
  await until('the filter again', () => headlines(el).length === 2);
  const undo = all(el, '.ar-reading button.ar-clear').find((b) => text(b) === 'Undo');
  assert(undo, 'an Undo');
  undo.click();
  await until('unmarked', () => readCards(el).length === 0);
  assert(!all(el, '.ar-reading button.ar-clear').some((b) => text(b) === 'Undo'), 'Undo only once');
});

test('“Hide read” leaves the read articles out, and is remembered', async () => {
  localStorage.clear();
  const el = element({ src: FEED });
  later(() => el.remove());
  await el.ready;
  clickLink(el, HARBOUR[0]);
  await until('the article opens', () => isArticle(el));
  clickLink(el, 'All articles');
  await until('the feed', () => headlines(el).length === 5);
  const hide = one(el, '.ar-reading__hide input');
  hide.click();
  await until('the read article hidden', () => headlines(el).length === 4);
  assert(!headlines(el).includes(HARBOUR[0]), 'the read one is gone');
  el.remove();
  document.body.append(el);
  await until('a new reader', () => headlines(el).length === 4);
  assert(one(el, '.ar-reading__hide input').checked, 'remembered');
});

test('read marks follow from another tab of the same reader', async () => {
  localStorage.clear();
  const el = element({ src: FEED });
  later(() => el.remove());
  await el.ready;
  // Another document of this origin writes what another tab's reader would.
  const frame = document.createElement('iframe');
  document.body.append(frame);
  later(() => frame.remove());
  // The stored document: one entry a line, `kind TAB stamp TAB value TAB key` (crates/core/src/interface/prefs_merge.rs).
  frame.contentWindow.localStorage.setItem(`article-reader:${FEED}:prefs`, `r\t${Date.now()}\t1\ttea-festival\nr\t${Date.now()}\t1\tlibrary-hours\n`);
  await until('the marks arrive', () => readCards(el).length === 2);
  assertEqual(readCards(el).sort(), [TEA, 'The central library opens on Sundays again'], 'the cards read');
});

test('what an earlier version stored (one key per list) is read and kept', async () => {
  localStorage.clear();
  localStorage.setItem(`article-reader:${FEED}:read`, 'tea-festival');
  localStorage.setItem(`article-reader:${FEED}:hide-read`, '0');
  const el = element({ src: FEED });
  later(() => el.remove());
  await el.ready;
  await until('the old mark shows', () => readCards(el).length === 1);
  assertEqual(readCards(el), [TEA], 'the card read before the upgrade');
});

test('storage that throws: the reader works with what it has in memory', async () => {
  const { getItem, setItem } = Storage.prototype;
  const refuse = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  Storage.prototype.getItem = refuse;
  Storage.prototype.setItem = refuse;
  later(() => Object.assign(Storage.prototype, { getItem, setItem }));
  const el = element({ src: FEED });
  later(() => el.remove());
  await el.ready;
  const first = one(el, '[role=feed] article h2 a');
  first.click();
  await until('the article opens', () => isArticle(el));
  one(el, '.ar-back').click();
  await until('back to the feed, the article read in memory', () => readCards(el).length === 1);
});

test('storage cleared while the reader runs: it keeps what it has, and stores it again at its next change', async () => {
  localStorage.clear();
  const el = element({ src: FEED });
  later(() => el.remove());
  await el.ready;
  one(el, '[role=feed] article h2 a').click();
  await until('the article opens', () => isArticle(el));
  localStorage.clear();
  one(el, '.ar-back').click();
  await until('back to the feed, still read', () => readCards(el).length === 1);
  all(el, '[role=feed] article h2 a')[1].click();
  await until('another article opens', () => isArticle(el));
  await until('both marks stored again', () => (localStorage.getItem(`article-reader:${FEED}:prefs`) ?? '').split('\n').filter((l) => l.startsWith('r\t')).length === 2);
});

// ---- network faults (tests/e2e/server.mjs plays them under /faults/) ---------------------------

test('503 with Retry-After, then the feed: retried, and the host hears only that it is ready', async () => {
  const el = element({ src: `/faults/unavailable2/${Date.now()}/fixtures/publisher.json` });
  later(() => el.remove());
  const errors = record(el, 'article-reader-error');
  await until('the countdown shows', () => /^Retrying in 1 s…$/.test(text(one(el, '.ar-loading__retry')) ?? ''));
  await el.ready;
  assertEqual(errors.length, 0, 'no error event');
});

test('a body cut short is tried again', async () => {
  const el = element({ src: `/faults/cut1/${Date.now()}/fixtures/publisher.json` });
  later(() => el.remove());
  assertEqual((await el.ready).articles > 0, true, 'the feed, the second time');
});

test('a next page that fails once is tried again by itself', async () => {
  const el = element({ src: `/faults/unavailable1/${Date.now()}/fixtures/paged.json` });
  later(() => el.remove());
  await el.ready;
  loadMore(el).click();
  await until('page 2 is added', () => headlines(el).length === 5, 12000);
});

// ---- feeds in pages (next_url) ----------------------------------------------------------------------

const PAGED = '/fixtures/paged.json';
const moreButton = (host, name) => all(host, 'button.ar-more__button').find((b) => text(b).startsWith(name)) ?? null;
const loadMore = (host) => moreButton(host, 'Load more');
const showMore = (host) => moreButton(host, 'Show more');
const toggleCount = (host, name) => {
  const toggle = all(host, 'button.ar-toggle').find((b) => text(b.querySelector('.ar-toggle__name')) === name);
  return toggle ? parseInt(text(toggle.querySelector('.ar-toggle__count')), 10) : null;
};

async function search(host, words) {
  const input = one(host, '.ar-search__input');
  input.value = words;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

test('a paged feed offers “Load more articles”, which adds its next page: articles, tag counts, search', async () => {
  const el = element({ src: PAGED });
  later(() => el.remove());
  assertEqual(await el.ready, { articles: 3, skipped: 0 }, 'the first page');
  const readies = record(el, 'article-reader-ready');
  const button = loadMore(el);
  assert(button, '“Load more articles” under the list');
  assertEqual(text(button), 'Load more articles', 'its name');
  assert(!showMore(el), 'not “Show more”: everything loaded shows');
  await until('the tag filter shows', () => toggleCount(el, 'Harbour') !== null);
  assertEqual(toggleCount(el, 'Harbour'), 2, 'Harbour before');
  assertEqual(toggleCount(el, 'Museums'), null, 'no Museums tag yet');
  button.focus();
  assertEqual(el.shadowRoot.activeElement, button, 'the keyboard reaches it');
  button.click();
  await until('page 2 is added', () => headlines(el).length === 5);
  assertEqual(headlines(el), [
    'Harbour lights return for the winter',
    'Council debates the ferry fares',
    'Choir rehearses for the spring concert',
    'Keeper retires after forty years',
    'Museum opens a maritime wing',
  ], 'page 2 after page 1, newest first; the repeated id keeps the first page’s article');
  assertEqual(el.shadowRoot.activeElement?.getAttribute('data-article'), 'p2-keeper', 'the focus moves to the first new article');
  assertEqual(toggleCount(el, 'Harbour'), 3, 'Harbour counts page 2');
  assertEqual(toggleCount(el, 'Museums'), 1, 'a tag only page 2 has');
  const notice = text(one(el, '.ar-notice'));
  assert(notice.includes('page 2, item 3') && notice.includes('p1-choir'), `the repeated id is reported: ${notice}`);
  assert(!loadMore(el), 'page 2 leads back to page 1: the loop guard offers nothing more');
  await search(el, 'lighthouse');
  await until('search finds an article of page 2', () => headlines(el).length === 1);
  assertEqual(headlines(el), ['Keeper retires after forty years'], 'found by its body');
  await settled();
  assertEqual(readies.length, 0, 'the reader was ready once; a page adds to it');
});

test('a paged feed a page at a time: “Show more” first, “Load more articles” at the end', async () => {
  const el = element({ src: PAGED, 'page-size': '2' });
  later(() => el.remove());
  await el.ready;
  assert(showMore(el) && !loadMore(el), '“Show more” while loaded articles are hidden');
  showMore(el).click();
  await until('all three loaded show', () => headlines(el).length === 3);
  assert(!showMore(el), 'no “Show more”');
  loadMore(el).click();
  await until('page 2 makes a new page of the list', () => headlines(el).length === 5);
  assert(!loadMore(el) && !showMore(el), 'all shown, nothing more to load');
});

test('max-items holds across pages: no “Load more articles” once the list is full', async () => {
  const el = element({ src: PAGED, 'max-items': '3' });
  later(() => el.remove());
  await el.ready;
  assertEqual(headlines(el).length, 3, 'three');
  assert(!loadMore(el), 'max-items is reached');
  el.maxItems = 4;
  await until('room for one more', () => loadMore(el));
  loadMore(el).click();
  await until('four in all', () => headlines(el).length === 4);
  assert(!loadMore(el), 'nothing more');
});

test('the loop guard: a next_url that is the feed itself is not followed', async () => {
  const el = element({ src: '/fixtures/paged-self.json' });
  later(() => el.remove());
  await el.ready;
  assertEqual(headlines(el), ['The only page there is'], 'the page');
  assert(!loadMore(el), 'no “Load more articles”');
});

test('a page that fails says why beside the button, keeps what is loaded, and can be tried again', async () => {
  const el = element({ src: '/fixtures/paged-broken.json' });
  later(() => el.remove());
  await el.ready;
  loadMore(el).click();
  await until('the failure shows', () => one(el, '.ar-more [role=alert]'));
  const message = text(one(el, '.ar-more [role=alert]'));
  assert(message.startsWith('The next page could not be loaded.') && message.includes('paged-missing.json'), message);
  assertEqual(headlines(el), ['The page before the missing one'], 'what is loaded stays');
  assert(loadMore(el), 'the button stays, to try again');
  const tries = () => window.__e2e.problems.filter((p) => p.includes('paged-missing.json')).length;
  const before = tries();
  loadMore(el).click();
  await until('tried again', () => tries() === before + 1 && one(el, '.ar-more [role=alert]'));
});

// ---- version and integrity -------------------------------------------------------------------------

test('the module and the element say their version', async () => {
  assert(/^\d+\.\d+\.\d+/.test(reader.version), `version ${reader.version}`);
  const el = element({});
  later(() => el.remove());
  assertEqual(el.version, reader.version, 'el.version');
});

test('a second copy of the module of another version warns once and keeps the first element', async () => {
  const before = window.__e2e.warnings.length;
  const source = await (await fetch(readerUrl)).text();
  // The module as built: minified by a release build, which writes the version where it is used.
  const other = source.replaceAll(reader.version, '0.0.0-other')
    .replace(/new URL\((['"])\.\//g, (_, quote) => `new URL(${quote}${new URL('.', new URL(readerUrl, location.href)).href}`);
  const copy = await import(URL.createObjectURL(new Blob([other], { type: 'text/javascript' })));
  assertEqual(copy.version, '0.0.0-other', 'the copy loaded');
  const warnings = warningsSince(before).filter((w) => w.includes('0.0.0-other'));
  assertEqual(warnings.length, 1, 'one warning');
  assertEqual(customElements.get('article-reader').version, reader.version, 'the first definition stays');
});

test('a wasm that is not the one the build pinned is refused', async () => {
  const tampered = await import(new URL('/tampered/article-reader.js', location.href).href);
  const host = box();
  later(() => host.remove());
  const error = await tampered.mount(host, {}).then(() => null, (e) => e);
  assert(error, 'mount() rejects');
  assert(!one(host, '.ar-app'), 'no reader');
});

// ---- the run -------------------------------------------------------------------------------------

// A case that never settles (an event that never comes, a promise never resolved) fails by
// name after this long, and the cases after it still run.
const CASE_TIMEOUT_MS = 30_000;
const results = [];
window.__cases = { done: false, results, running: null };
for (const { name, run } of cases) {
  window.__cases.running = name;
  let timer;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Failure(`did not finish within ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
      }),
    ]);
    results.push({ name, ok: true });
  } catch (error) {
    results.push({ name, ok: false, message: error instanceof Failure ? error.message : String(error?.stack ?? error) });
  } finally {
    clearTimeout(timer);
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch {
        // A cleanup that fails must not hide the case's own result.
      }
    }
  }
}
window.__cases.running = null;
window.__cases.done = true;
