// The benchmark's baseline: a plain JavaScript reader that does the visible work of
// article-reader's standalone page as well as hand-written JavaScript reasonably can, so the
// Rust reader's figures have something honest to be compared with (bench/bench.mjs measures
// both in the same browser). It is not shipped and not a second product: no following, read
// marks, keyboard shortcuts, Arabic or embedding.
//
// What it does, like the reader: fetches a JSON Feed (`?src=`), checks every item minimally and
// skips bad ones, orders articles newest first, indexes tags, and shows a page of 20 cards with
// the search box, a toggle per tag with how many articles pressing it would leave, any/all, and a
// status line; filters by tags and searches (every word, ignoring case and diacritics, in the
// title, summary, highlights and body), marks the matched words, opens an article (its body read
// through an allowlist into new elements, reading time, tags, related articles, newer/older) and
// returns to the feed as it was left. The route lives in the URL fragment in the reader's form
// (`#/?tag=a&tag=b&match=all&q=word`, `#/article/<id>`), and the DOM carries the same hooks
// (role=feed, article, h2 a, button.ar-toggle, .ar-search__input, h1.ar-article__title, a.ar-back).
//
// How it is fast: the tag index and each article's tag slots are built once; a selection is one
// pass over the articles that also counts, for every tag, the result of pressing it; each
// article's folded search text is built once, right after the first page is painted; the tag bar
// is updated in place; cards are written as escaped template strings.

const PAGE_SIZE = 20;
const MAX_ITEMS = 100_000;
const WORDS_PER_MINUTE = 230;

const root = document.getElementById('article-reader');
const locale = navigator.language || 'en';
const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });

// ---------------------------------------------------------------------------------------------
// Text

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

// Combining marks (Latin, Arabic harakat and tatweel, Hebrew points) vanish when folding.
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u0591-\u05c7]/g;
// Letters NFD leaves whole, and typographic punctuation that should match its plain form.
const LOOKALIKES = {
  'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ŧ': 't', 'ŀ': 'l', 'ŋ': 'n',
  'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه',
  '‘': "'", '’': "'", '‛': "'", 'ʼ': "'", '“': '"', '”': '"', '„': '"', '‐': '-', '‑': '-', '–': '-', '—': '-',
};
const LOOKALIKE = /[łøđħıŧŀŋٱىة‘’‛ʼ“”„‐‑–—]/g;
const NOT_ASCII = /[^\x00-\x7f]/;

/** Lower case without diacritics, for matching; ASCII text skips the Unicode work. */
function fold(text) {
  const lower = text.toLowerCase();
  if (!NOT_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(LOOKALIKE, (c) => LOOKALIKES[c]);
}

/** The search box's text as folded words; a word inside another adds nothing. */
function searchWords(text) {
  const words = [...new Set(fold(text).split(/[\s,;"]+/).filter(Boolean))];
  return words.filter((w) => !words.some((other) => other !== w && other.includes(w)));
}

/** `text` as escaped HTML with the matches of `words` in <mark>, found in folded text and mapped back. */
function marked(text, words) {
  if (words.length === 0) return escapeHtml(text);
  let folded = '';
  const origin = []; // For each UTF-16 unit of `folded`, where its character starts in `text`.
  for (let at = 0; at < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(at));
    const piece = fold(char);
    for (let i = 0; i < piece.length; i++) origin.push(at);
    folded += piece;
    at += char.length;
  }
  origin.push(text.length);
  const isMarked = new Uint8Array(text.length);
  for (const word of words) {
    for (let found = folded.indexOf(word); found >= 0; found = folded.indexOf(word, found + word.length)) {
      const start = origin[found];
      const lastStart = origin[found + word.length - 1];
      const end = lastStart + String.fromCodePoint(text.codePointAt(lastStart)).length;
      isMarked.fill(1, start, end);
    }
  }
  let html = '';
  let runStart = 0;
  for (let at = 1; at <= text.length; at++) {
    if (at === text.length || isMarked[at] !== isMarked[runStart]) {
      const run = escapeHtml(text.slice(runStart, at));
      html += isMarked[runStart] ? `<mark>${run}</mark>` : run;
      runStart = at;
    }
  }
  return html;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text of an HTML body, for searching: no parser, since it runs over every article. */
function htmlText(html) {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\/?(p|h[1-6]|li|ul|ol|blockquote|pre|figure|figcaption|table|tr|br)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
}

const articlesLabel = (n) => (n === 1 ? '1 article' : `${n} articles`);

/** "25 October 2024": the calendar date the feed wrote, whatever the time zone. */
function formatDate(rfc3339) {
  const [year, month, day] = rfc3339.slice(0, 10).split('-').map(Number);
  return dateFormat.format(Date.UTC(year, month - 1, day));
}

// ---------------------------------------------------------------------------------------------
// The feed

/** Why `item` cannot be shown, or null. */
function problemOf(item, seenIds) {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return 'not an object';
  const id = typeof item.id === 'number' ? String(item.id) : item.id;
  if (typeof id !== 'string' || id.trim() === '') return 'id is missing or blank';
  if (seenIds.has(id)) return `id "${id}" is used by an earlier item`;
  if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') return 'content_html and content_text are both missing';
  for (const field of ['title', 'summary', 'url', 'image']) {
    if (item[field] !== undefined && typeof item[field] !== 'string') return `${field} is not a string`;
  }
  for (const field of ['date_published', 'date_modified']) {
    const value = item[field];
    if (value !== undefined && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) return `${field} is not a date`;
  }
  if (item.tags !== undefined && !Array.isArray(item.tags)) return 'tags is not a list';
  return null;
}

function articleOf(item) {
  const extension = item._article_reader && typeof item._article_reader === 'object' ? item._article_reader : {};
  const tags = [];
  const keys = new Set();
  for (const name of item.tags ?? []) {
    if (typeof name !== 'string' || !name.trim()) continue;
    const key = name.trim().toLowerCase();
    if (keys.has(key)) continue;
    keys.add(key);
    tags.push({ name: name.trim(), key });
  }
  const html = typeof item.content_html === 'string' ? item.content_html : null;
  const summary = typeof item.summary === 'string' && item.summary.trim() ? item.summary.trim() : null;
  return {
    id: String(item.id),
    title: item.title?.trim() || summary || (html !== null ? htmlText(html) : item.content_text).trim().split(/\s+/).slice(0, 12).join(' '),
    summary,
    html,
    text: html === null ? item.content_text : null,
    published: item.date_published ?? null,
    updated: item.date_modified ?? null,
    time: Date.parse(item.date_published ?? item.date_modified ?? ''),
    tags,
    highlights: Array.isArray(extension.highlights) ? extension.highlights.filter((h) => typeof h === 'string') : [],
    caption: typeof extension.image_caption === 'string' ? extension.image_caption : null,
    credit: typeof extension.image_credit === 'string' ? extension.image_credit : null,
    url: typeof item.url === 'string' && /^https?:/i.test(item.url) ? item.url : null,
    authors: Array.isArray(item.authors) ? item.authors.map((a) => a?.name).filter((n) => typeof n === 'string') : [],
  };
}

function readFeed(json) {
  if (!json || typeof json !== 'object' || typeof json.version !== 'string' || !json.version.startsWith('https://jsonfeed.org/version/1')) {
    throw new Error('it is not a JSON Feed');
  }
  if (typeof json.title !== 'string' || !Array.isArray(json.items)) throw new Error('it has no title or no items');
  const seenIds = new Set();
  const articles = [];
  const problems = [];
  const items = json.items.length > MAX_ITEMS ? json.items.slice(0, MAX_ITEMS) : json.items;
  items.forEach((item, index) => {
    const problem = problemOf(item, seenIds);
    if (problem) {
      problems.push(`item ${index + 1}: ${problem}`);
      return;
    }
    seenIds.add(String(item.id));
    articles.push(articleOf(item));
  });
  // Newest first; undated last; the feed's order among equals (Array.prototype.sort is stable).
  articles.sort((a, b) => (Number.isNaN(b.time) ? -Infinity : b.time) - (Number.isNaN(a.time) ? -Infinity : a.time) || 0);

  const entryOf = new Map();
  articles.forEach((article, position) => {
    for (const tag of article.tags) {
      let entry = entryOf.get(tag.key);
      if (!entry) entryOf.set(tag.key, (entry = { key: tag.key, name: tag.name, count: 0 }));
      entry.count += 1;
    }
  });
  const entries = [...entryOf.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const slotOf = new Map(entries.map((entry, slot) => [entry.key, slot]));
  // Every article's tag slots in one flat array (the article at p owns slotList[slotStart[p]..slotStart[p + 1]]),
  // which a selection walks far faster than an array per article.
  const slotStart = new Int32Array(articles.length + 1);
  articles.forEach((article, p) => (slotStart[p + 1] = slotStart[p] + article.tags.length));
  const slotList = new Int32Array(slotStart[articles.length]);
  articles.forEach((article, p) => article.tags.forEach((tag, i) => (slotList[slotStart[p] + i] = slotOf.get(tag.key))));
  const positionOf = new Map(articles.map((article, position) => [article.id, position]));
  return {
    title: json.title,
    description: typeof json.description === 'string' ? json.description : null,
    articles, entries, slotOf, slotStart, slotList, positionOf, problems,
    searchTexts: null,
  };
}

/** Every article's folded title, summary, highlights and body; built once, on first need. */
function searchTexts(feed) {
  feed.searchTexts ??= feed.articles.map((a) =>
    fold([a.title, a.summary ?? '', ...a.highlights, a.html !== null ? htmlText(a.html) : a.text].join('\n')),
  );
  return feed.searchTexts;
}

/**
 * The articles `query` selects, and for every tag how many there would be if it were pressed
 * (or released): one pass, counting per article how many selected tags it carries.
 */
function select(feed, query) {
  const { articles, entries, slotOf, slotStart, slotList } = feed;
  const words = searchWords(query.text);
  const texts = words.length ? searchTexts(feed) : null;
  const tagCount = entries.length;
  const isSelected = new Uint8Array(tagCount);
  for (const key of query.tags) if (slotOf.has(key)) isSelected[slotOf.get(key)] = 1;
  const selectedCount = query.tags.length; // A tag the feed lacks still counts: it matches nothing.
  const all = query.mode === 'all';
  const result = [];
  let searched = 0;
  // Per tag: outside the result but carrying it (any); in the result with it as the only
  // selected tag (any); in the result carrying it (all); one selected tag short and carrying it (all).
  const outsideWith = new Int32Array(tagCount);
  const onlyVia = new Int32Array(tagCount);
  const insideWith = new Int32Array(tagCount);
  const oneShortWith = new Int32Array(tagCount);
  let oneShort = 0;
  for (let position = 0; position < articles.length; position++) {
    if (texts !== null) {
      const text = texts[position];
      let every = true;
      for (const word of words) if (!text.includes(word)) { every = false; break; }
      if (!every) continue;
    }
    searched += 1;
    const from = slotStart[position];
    const to = slotStart[position + 1];
    let carried = 0;
    for (let i = from; i < to; i++) carried += isSelected[slotList[i]];
    const inside = selectedCount === 0 || (all ? carried === selectedCount : carried > 0);
    if (inside) result.push(position);
    if (all && carried === selectedCount - 1) oneShort += 1;
    for (let i = from; i < to; i++) {
      const slot = slotList[i];
      if (inside) insideWith[slot] += 1;
      if (all) {
        if (carried === selectedCount - 1) oneShortWith[slot] += 1;
      } else if (!inside) outsideWith[slot] += 1;
      else if (carried === 1 && isSelected[slot]) onlyVia[slot] += 1;
    }
  }
  const counts = new Int32Array(tagCount);
  for (let slot = 0; slot < tagCount; slot++) {
    if (selectedCount === 0) counts[slot] = insideWith[slot];
    else if (isSelected[slot] && selectedCount === 1) counts[slot] = searched;
    else if (all) counts[slot] = isSelected[slot] ? insideWith[slot] + oneShort - oneShortWith[slot] : insideWith[slot];
    else counts[slot] = isSelected[slot] ? result.length - onlyVia[slot] : result.length + outsideWith[slot];
  }
  return { articles: result, counts, words };
}

// ---------------------------------------------------------------------------------------------
// Routes: the reader's fragment forms

const emptyQuery = () => ({ tags: [], mode: 'any', text: '', pages: 1 });

function routeOf(hash) {
  const path = hash.replace(/^#/, '') || '/';
  if (path.startsWith('/article/')) return { view: 'article', id: decodeURIComponent(path.slice('/article/'.length)) };
  if (path !== '/' && !path.startsWith('/?')) return { view: 'missing' };
  const query = emptyQuery();
  for (const [name, value] of new URLSearchParams(path.slice(2))) {
    if (name === 'tag' && value.trim()) query.tags.push(value.trim().toLowerCase());
    else if (name === 'match') query.mode = value === 'all' ? 'all' : 'any';
    else if (name === 'q') query.text = value;
    else if (name === 'page') query.pages = Math.min(Math.max(parseInt(value, 10) || 1, 1), 10_000);
  }
  query.tags = [...new Set(query.tags)].sort();
  return { view: 'feed', query };
}

function hashOf(query) {
  const params = query.tags.map((tag) => `tag=${encodeURIComponent(tag)}`);
  if (query.mode === 'all') params.push('match=all');
  if (query.text.trim()) params.push(`q=${encodeURIComponent(query.text.trim())}`);
  if (query.pages > 1) params.push(`page=${query.pages}`);
  return params.length ? `#/?${params.join('&')}` : '#/';
}

// ---------------------------------------------------------------------------------------------
// Views

const state = { feed: null, view: null, query: emptyQuery(), selection: null, openedFrom: null };
let refs = null; // The feed view's live elements, kept so updates touch only what changes.

function masthead(isPageHeading) {
  const { title, description } = state.feed;
  const heading = `<a class="ar-masthead__link" href="#/">${escapeHtml(title)}</a>`;
  return `<header class="ar-masthead"><div class="ar-masthead__text">${
    isPageHeading ? `<h1 class="ar-masthead__title">${heading}</h1>` : `<p class="ar-masthead__title">${heading}</p>`
  }${description ? `<p class="ar-masthead__description">${escapeHtml(description)}</p>` : ''}</div>
  <nav class="ar-views" aria-label="Articles"><a class="ar-views__link" href="#/"${isPageHeading ? ' aria-current="page"' : ''}>All articles</a></nav></header>`;
}

function problemsNotice() {
  const { problems } = state.feed;
  if (problems.length === 0) return '';
  const list = problems.slice(0, 20).map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  return `<div class="ar-notice" role="note"><p class="ar-notice__summary">${problems.length} items of this feed could not be shown:</p><ul class="ar-notice__list">${list}</ul></div>`;
}

function mountFeedView() {
  const { entries } = state.feed;
  const toggles = entries
    .map(
      (entry, slot) =>
        `<button type="button" class="ar-toggle" aria-pressed="false" data-slot="${slot}"><span class="ar-toggle__name">${escapeHtml(entry.name)}</span><span class="ar-toggle__count">0<span class="ar-visually-hidden"> articles</span></span></button>`,
    )
    .join('');
  root.innerHTML = `<div class="ar-app" lang="en" dir="ltr">${masthead(true)}<main class="ar-main">${problemsNotice()}
  <div class="ar-sidebar">
    <form class="ar-search" role="search"><label class="ar-visually-hidden" for="b-search">Search articles</label><input class="ar-search__input" id="b-search" type="search" autocomplete="off" spellcheck="false" placeholder="Search"><kbd class="ar-search__key" aria-hidden="true">/</kbd></form>
    <section class="ar-filter" aria-labelledby="b-filter-heading"><h2 class="ar-filter__heading" id="b-filter-heading">Filter by tag</h2>
      ${entries.length ? `<div class="ar-filter__tags" role="group" aria-label="Tags">${toggles}</div>
      <fieldset class="ar-mode"><legend class="ar-mode__legend">Show articles with</legend>
        <label class="ar-mode__option"><input type="radio" name="b-match" value="any"><span>Any tag</span></label>
        <label class="ar-mode__option"><input type="radio" name="b-match" value="all"><span>All tags</span></label></fieldset>` : ''}
      <div class="ar-filter__status-row"><p class="ar-filter__status" role="status" aria-live="polite"></p></div>
    </section>
  </div><div class="ar-feed-column"></div></main></div>`;
  const main = root.querySelector('.ar-main');
  const buttons = [...root.querySelectorAll('.ar-toggle')];
  refs = {
    search: root.querySelector('.ar-search__input'),
    buttons,
    counts: buttons.map((b) => b.querySelector('.ar-toggle__count').firstChild),
    nouns: buttons.map((b) => b.querySelector('.ar-visually-hidden').firstChild),
    radios: [...root.querySelectorAll('.ar-mode input')],
    statusRow: root.querySelector('.ar-filter__status-row'),
    status: root.querySelector('.ar-filter__status'),
    clear: null,
    results: root.querySelector('.ar-feed-column'),
  };
  root.querySelector('.ar-search').addEventListener('submit', (event) => event.preventDefault());
  refs.search.addEventListener('input', () => go({ ...state.query, text: refs.search.value, pages: 1 }, { replace: true }));
  root.querySelector('.ar-filter__tags')?.addEventListener('click', (event) => {
    const button = event.target.closest('.ar-toggle');
    if (!button) return;
    const key = state.feed.entries[Number(button.dataset.slot)].key;
    const tags = state.query.tags.includes(key) ? state.query.tags.filter((t) => t !== key) : [...state.query.tags, key].sort();
    go({ ...state.query, tags, pages: 1 });
  });
  for (const radio of refs.radios) radio.addEventListener('change', () => go({ ...state.query, mode: radio.value, pages: 1 }));
  main.addEventListener('click', (event) => {
    if (event.target.closest('.ar-clear, .ar-empty .ar-button')) go({ ...emptyQuery(), mode: state.query.mode });
    else if (event.target.closest('.ar-more__button')) go({ ...state.query, pages: state.query.pages + 1 });
  });
  state.view = 'feed';
}

function statusLine(count, total, query) {
  const names = query.tags.map((key) => state.feed.entries[state.feed.slotOf.get(key)]?.name ?? key);
  const text = query.text.trim();
  if (names.length === 0 && !text) return `Showing all ${articlesLabel(total)}`;
  let sentence = count === 0 ? 'No articles' : `${count} of ${articlesLabel(total)}`;
  if (names.length) sentence += ` tagged ${names.join(query.mode === 'all' ? ' and ' : ' or ')}`;
  if (text) sentence += ` matching “${text}”`;
  return sentence;
}

function card(article, posinset, setsize, words) {
  const id = escapeHtml(article.id);
  const date = article.published
    ? `<time class="ar-date" datetime="${escapeHtml(article.published)}">${formatDate(article.published)}</time>`
    : article.updated
      ? `<time class="ar-date" datetime="${escapeHtml(article.updated)}">Updated ${formatDate(article.updated)}</time>`
      : '';
  const tags = article.tags.length
    ? `<ul class="ar-tags" aria-label="Tags">${article.tags
        .map((tag) => `<li><a class="ar-tag${state.query.tags.includes(tag.key) ? ' ar-tag--active' : ''}" href="${hashOf({ ...emptyQuery(), mode: state.query.mode, tags: [tag.key] })}">${escapeHtml(tag.name)}</a></li>`)
        .join('')}</ul>`
    : '';
  return `<article class="ar-card" data-article="${id}" aria-posinset="${posinset}" aria-setsize="${setsize}" aria-labelledby="b-headline-${posinset}"${
    article.summary ? ` aria-describedby="b-summary-${posinset}"` : ''
  } tabindex="-1"><div class="ar-card__text"><h2 class="ar-card__title" id="b-headline-${posinset}"><a class="ar-card__link" href="#/article/${encodeURIComponent(article.id)}">${marked(article.title, words)}</a></h2><div class="ar-card__meta">${
    date ? `<p class="ar-dates">${date}</p>` : ''
  }</div>${article.summary ? `<p class="ar-card__summary" id="b-summary-${posinset}">${marked(article.summary, words)}</p>` : ''}${tags}</div></article>`;
}

function renderFeed() {
  const { feed, query } = state;
  if (state.view !== 'feed') mountFeedView();
  const selection = select(feed, query);
  state.selection = selection;
  const total = feed.articles.length;

  if (refs.search.value !== query.text) refs.search.value = query.text;
  refs.buttons.forEach((button, slot) => {
    const pressed = query.tags.includes(feed.entries[slot].key);
    const count = selection.counts[slot];
    button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    button.disabled = count === 0 && !pressed;
    const digits = String(count);
    if (refs.counts[slot].data !== digits) refs.counts[slot].data = digits;
    const noun = count === 1 ? ' article' : ' articles';
    if (refs.nouns[slot].data !== noun) refs.nouns[slot].data = noun;
  });
  refs.radios.forEach((radio) => (radio.checked = radio.value === query.mode));
  refs.status.textContent = statusLine(selection.articles.length, total, query);
  const narrowed = query.tags.length > 0 || selection.words.length > 0;
  if (narrowed && !refs.clear) {
    refs.clear = Object.assign(document.createElement('button'), { type: 'button', className: 'ar-clear', textContent: 'Clear filter' });
    refs.statusRow.append(refs.clear);
  } else if (!narrowed && refs.clear) {
    refs.clear.remove();
    refs.clear = null;
  }

  const setsize = selection.articles.length;
  let html;
  if (setsize === 0) {
    html = `<div class="ar-empty"><p class="ar-empty__message">${total ? 'No articles match' : 'This feed has no articles'}</p>${
      narrowed ? '<button type="button" class="ar-button">Clear all</button>' : ''
    }</div>`;
  } else {
    const shown = Math.min(setsize, PAGE_SIZE * query.pages);
    let cards = '';
    for (let n = 0; n < shown; n++) cards += card(feed.articles[selection.articles[n]], n + 1, setsize, selection.words);
    html = `<div class="ar-feed" role="feed" aria-busy="false" aria-label="Articles">${cards}</div>${
      shown < setsize ? `<div class="ar-more"><button type="button" class="ar-more__button">Show more (${shown} of ${setsize} shown)</button></div>` : ''
    }`;
  }
  refs.results.innerHTML = html;
}

// Elements an article body keeps, by the name they get; the rest are unwrapped or, for these, dropped whole.
const KEPT = {
  p: 'p', h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h5', h6: 'h6', ul: 'ul', ol: 'ol', li: 'li',
  blockquote: 'blockquote', pre: 'pre', code: 'code', em: 'em', i: 'em', strong: 'strong', b: 'strong',
  br: 'br', a: 'a', img: 'img', figure: 'figure', figcaption: 'figcaption', table: 'table',
  caption: 'caption', thead: 'thead', tbody: 'tbody', tr: 'tr', th: 'th', td: 'td',
};
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'form', 'button', 'input', 'select', 'textarea', 'audio', 'video', 'canvas', 'noscript']);
const MAX_DEPTH = 48;

/** `value` if it is a URL a feed may link to: http, https, relative (and mailto for links). */
function safeUrl(value, isLink) {
  if (!value) return null;
  const cleaned = value.replace(/[\t\n\r]/g, '').trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1].toLowerCase();
  return !scheme || scheme === 'http' || scheme === 'https' || (isLink && scheme === 'mailto') ? cleaned : null;
}

/** Copies what the allowlist keeps of `from`'s children into `to`, as new elements. */
function copyAllowed(from, to, depth) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.append(node.data);
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || DROPPED.has(node.localName)) continue;
    const name = KEPT[node.localName];
    if (!name || depth >= MAX_DEPTH) {
      copyAllowed(node, to, depth);
      continue;
    }
    const element = document.createElement(name);
    if (name === 'a') {
      const href = safeUrl(node.getAttribute('href'), true);
      if (href) Object.assign(element, { href, target: '_blank', rel: 'noopener noreferrer nofollow' });
    } else if (name === 'img') {
      const src = safeUrl(node.getAttribute('src'), false);
      if (!src) continue;
      Object.assign(element, { src, alt: node.getAttribute('alt') ?? '', loading: 'lazy', referrerPolicy: 'no-referrer' });
    }
    const title = node.getAttribute('title');
    if (title) element.title = title;
    copyAllowed(node, element, depth + 1);
    to.append(element);
  }
}

/** The article body as new elements: HTML through the allowlist (parsed inert), or text in paragraphs. */
function bodyOf(article) {
  const body = document.createElement('div');
  body.className = 'ar-body';
  if (article.html !== null) {
    copyAllowed(new DOMParser().parseFromString(article.html, 'text/html').body, body, 0);
  } else {
    for (const paragraph of article.text.split(/\n\s*\n/)) {
      if (!paragraph.trim()) continue;
      const p = document.createElement('p');
      paragraph.trim().split('\n').forEach((line, i) => (i ? p.append(document.createElement('br'), line) : p.append(line)));
      body.append(p);
    }
  }
  return body;
}

/** Up to `max` articles sharing the most tags with the one at `position`, newest first among equals. */
function related(feed, position, max) {
  const { slotStart, slotList } = feed;
  const mine = new Uint8Array(feed.entries.length);
  for (let i = slotStart[position]; i < slotStart[position + 1]; i++) mine[slotList[i]] = 1;
  const byShared = [];
  for (let p = 0; p < feed.articles.length; p++) {
    if (p === position) continue;
    let shared = 0;
    for (let i = slotStart[p]; i < slotStart[p + 1]; i++) shared += mine[slotList[i]];
    if (shared === 0) continue;
    const bucket = (byShared[shared] ??= []);
    if (bucket.length < max) bucket.push(p);
  }
  const out = [];
  for (let shared = byShared.length - 1; shared > 0 && out.length < max; shared--) out.push(...(byShared[shared] ?? []));
  return out.slice(0, max);
}

function backLabel(query) {
  const names = query.tags.map((key) => state.feed.entries[state.feed.slotOf.get(key)]?.name ?? key);
  if (query.text.trim()) return `Articles matching “${query.text.trim()}”`;
  if (names.length) return `Articles tagged ${names.join(', ')}`;
  return 'All articles';
}

function renderArticle(position) {
  const { feed } = state;
  const article = feed.articles[position];
  const back = state.openedFrom ?? emptyQuery();
  const from = state.selection && state.selection.articles.includes(position) ? state.selection.articles : null;
  const at = from ? from.indexOf(position) : position;
  const order = from ?? feed.articles.map((_, p) => p);
  const newer = at > 0 ? feed.articles[order[at - 1]] : null;
  const older = at + 1 < order.length ? feed.articles[order[at + 1]] : null;
  const dates = [];
  if (article.published) dates.push(`<time class="ar-date" datetime="${escapeHtml(article.published)}">Published ${formatDate(article.published)}</time>`);
  if (article.updated && (!article.published || Date.parse(article.updated) > Date.parse(article.published))) {
    dates.push(`<time class="ar-date" datetime="${escapeHtml(article.updated)}">Updated ${formatDate(article.updated)}</time>`);
  }
  const link = (other) => `<a href="#/article/${encodeURIComponent(other.id)}">${escapeHtml(other.title)}</a>`;
  const relatedList = related(feed, position, 3).map((p) => `<li>${link(feed.articles[p])}</li>`).join('');
  const pager = (other, label, rel) =>
    other ? `<a class="ar-pager__link ar-pager__link--${rel}" rel="${rel}" href="#/article/${encodeURIComponent(other.id)}"><span class="ar-pager__label">${label}</span><span class="ar-pager__title">${escapeHtml(other.title)}</span></a>` : '';

  root.innerHTML = `<div class="ar-app" lang="en" dir="ltr">${masthead(false)}<main class="ar-main"><article class="ar-article" aria-labelledby="b-article-title">
    <nav class="ar-article__nav" aria-label="Article"><a class="ar-back" href="${hashOf(back)}"><span class="ar-back__arrow" aria-hidden="true">←</span>${escapeHtml(backLabel(back))}</a></nav>
    <header class="ar-article__header"><h1 class="ar-article__title" id="b-article-title" tabindex="-1">${escapeHtml(article.title)}</h1>
      <div class="ar-article__meta"><p class="ar-dates">${dates.join('')}</p><span class="ar-article__reading"></span></div>
      ${article.authors.length ? `<p class="ar-article__byline">By ${escapeHtml(article.authors.join(', '))}</p>` : ''}
      <div class="ar-article__actions"><button type="button" class="ar-action">Copy link</button><span class="ar-action__result" role="status"></span></div>
    </header>
    ${article.highlights.length ? `<ul class="ar-highlights" aria-label="Highlights">${article.highlights.map((h) => `<li>${escapeHtml(h)}</li>`).join('')}</ul>` : ''}
    ${article.caption || article.credit ? `<figure class="ar-figure ar-figure--caption-only"><figcaption class="ar-figure__caption" data-label="Photo">${escapeHtml(article.caption ?? '')}${article.credit ? ` <span class="ar-figure__credit">(${escapeHtml(article.credit)})</span>` : ''}</figcaption></figure>` : ''}
    <div class="ar-body-slot"></div>
    <footer class="ar-article__footer">
      ${article.tags.length ? `<ul class="ar-tags" aria-label="Tagged">${article.tags.map((tag) => `<li><a class="ar-tag${back.tags.includes(tag.key) ? ' ar-tag--active' : ''}" href="${hashOf({ ...emptyQuery(), mode: back.mode, tags: [tag.key] })}">${escapeHtml(tag.name)}</a></li>`).join('')}</ul>` : ''}
      ${article.url ? `<p><a class="ar-source" href="${escapeHtml(article.url)}" rel="noopener noreferrer" target="_blank">Read at the source</a></p>` : ''}
      ${relatedList ? `<section class="ar-related" aria-labelledby="b-related-heading"><h2 class="ar-related__heading" id="b-related-heading">Related articles</h2><ul class="ar-related__list">${relatedList}</ul></section>` : ''}
      ${newer || older ? `<nav class="ar-pager" aria-label="Articles">${pager(newer, 'Newer', 'prev')}${pager(older, 'Older', 'next')}</nav>` : ''}
    </footer></article></main></div>`;
  const body = bodyOf(article);
  root.querySelector('.ar-body-slot').replaceWith(body);
  const words = [...article.highlights, body.textContent].join(' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  root.querySelector('.ar-article__reading').textContent = `${Math.max(1, Math.ceil(words / WORDS_PER_MINUTE))} min read`;
  root.querySelector('.ar-action').addEventListener('click', async () => {
    const result = root.querySelector('.ar-action__result');
    try {
      await navigator.clipboard.writeText(location.href);
      result.textContent = 'Link copied';
    } catch {
      result.textContent = location.href;
    }
  });
  state.view = 'article';
  refs = null;
  root.querySelector('.ar-article__title').focus();
}

function renderMissing() {
  root.innerHTML = `<div class="ar-app" lang="en" dir="ltr">${masthead(false)}<main class="ar-main"><div class="ar-not-found"><h1>Article not found</h1><p><a href="#/">Back to the articles</a></p></div></main></div>`;
  state.view = 'missing';
  refs = null;
}

/** Shows the route in the address bar. */
function route() {
  const target = routeOf(location.hash);
  if (target.view === 'feed') {
    state.query = target.query;
    renderFeed();
  } else if (target.view === 'article' && state.feed.positionOf.has(target.id)) {
    if (state.view === 'feed') state.openedFrom = state.query;
    renderArticle(state.feed.positionOf.get(target.id));
  } else {
    renderMissing();
  }
}

/** Moves the feed view to `query`: a new history step (or the same one, while typing), drawn at once. */
function go(query, { replace = false } = {}) {
  state.query = query;
  const url = `${location.pathname}${location.search}${hashOf(query)}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  renderFeed();
}

async function start() {
  const src = new URLSearchParams(location.search).get('src') || 'seed.json';
  root.innerHTML = '<div class="ar-app" lang="en" dir="ltr"><main class="ar-main"><p class="ar-loading" role="status">Loading the feed…</p></main></div>';
  try {
    const response = await fetch(src);
    if (!response.ok) throw new Error(`the server answered ${response.status} (${response.statusText})`);
    state.feed = readFeed(await response.json());
  } catch (error) {
    root.innerHTML = `<div class="ar-app" lang="en" dir="ltr"><main class="ar-main"><div class="ar-error" role="alert">The feed at ${escapeHtml(src)} could not be loaded: ${escapeHtml(error.message)}</div></main></div>`;
    return;
  }
  if (state.feed.problems.length) console.warn(`${state.feed.problems.length} item(s) skipped:\n${state.feed.problems.join('\n')}`);
  addEventListener('hashchange', route);
  addEventListener('popstate', route);
  route();
  // The search text is the one costly index; build it once the first page is on screen, so a
  // search (which would build it itself if it came first) finds it ready.
  requestAnimationFrame(() => setTimeout(() => searchTexts(state.feed), 0));
}

start();
