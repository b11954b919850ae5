// The benchmark's feeds, and what a reader must show for them.
//
// `writeGeneratedFeed` writes a JSON Feed 1.1 of N made-up news articles, the same bytes on every
// machine and every run (a seeded PRNG; no outside data): about 3 KB of body text each in several
// paragraphs of Zipf-distributed words (a few with diacritics, curly quotes), 40 tags with
// uneven popularity, 1 to 4 tags per article, titles, summaries, authors, highlights and dates,
// newest first. Beside each feed it writes its "facts": each article's id, title and tags and how
// much of the search word its text contains, which is all `expectedView` needs to say what the
// feed page must show for a filter and a search, so the driver can wait for exactly that and
// check that the reader and the baseline show the same articles and counts.

import { createReadStream, existsSync, readFileSync, renameSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';

/** Bump when the generator's output changes, so feeds written by an older one are made again. */
const GENERATOR_VERSION = 2;

export const PAGE_SIZE = 20;

// ---------------------------------------------------------------------------------------------
// Determinism

/** mulberry32: small, fast and good enough to make text; the same sequence everywhere. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks indexes 0..weights.length-1 with the given weights (binary search over the running sum). */
function weightedPicker(weights, random) {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    cumulative[i] = sum;
  });
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] <= target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/** Zipf-like weights; `offset` flattens the head (the most common words are the function words). */
const zipf = (count, exponent, offset = 1) => Array.from({ length: count }, (_, rank) => 1 / (rank + offset) ** exponent);

// ---------------------------------------------------------------------------------------------
// Words

const FUNCTION_WORDS = (
  'the of and to in a is that for on with as was at by it from his be are have said an this ' +
  'has but not they which who were after their its had been more also over will would than when ' +
  'about other into some could there them those what while this under since before between during ' +
  'against both many most such only new first last two three years week officials government ' +
  'people country state city minister president police report told talks plan region border'
).split(' ');

const SYLLABLES = (
  'ba be bi bo bu ca co cu da de di do fa fe fi fo ga ge go ha he hi ho ka ke ki ko la le li lo lu ' +
  'ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi ' +
  'vo za ze zo bar ber bor can car cor dan den dor fal fen for gan gar hal han har kan kar lan lar ' +
  'len lin lor man mar men mer min mon nar nor pan par per por ral ran ren ris ron sal san sar sen ' +
  'son tal tan tar ten ter tor tra tri val van ver vin wal wen win'
).split(' ');

/** Accented vowels, so that searching must ignore diacritics as a person expects. */
const ACCENTED = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü' };

/** A vocabulary of distinct made-up words, the most frequent first. */
function makeVocabulary(random, size) {
  const words = new Set();
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * 3) + (random() < 0.3 ? 1 : 0);
    let word = '';
    for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (word.length < 3 || FUNCTION_WORDS.includes(word)) continue;
    if (random() < 0.03) {
      const at = word.search(/[aeiou]/);
      if (at >= 0) word = word.slice(0, at) + ACCENTED[word[at]] + word.slice(at + 1);
    }
    words.add(word);
  }
  return [...words];
}

/** The 40 tags, in order of how often they are used (a Zipf-like curve, never zero). */
const TAG_NAMES = [
  'World', 'Politics', 'Business', 'Economy', 'Technology', 'Science', 'Health', 'Climate',
  'Sport', 'Culture', 'Europe', 'Asia', 'Africa', 'Americas', 'Middle East', 'Pakistan',
  'United Kingdom', 'United States', 'Diplomacy', 'Elections', 'Energy', 'Markets', 'Education',
  'Human Rights', 'Security', 'Migration', 'Transport', 'Agriculture', 'Space', 'Media',
  'Courts', 'Cities', 'Food', 'Travel', 'Football', 'Cricket', 'Music', 'Film', 'Books',
  'Weather',
];

const capitalize = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/** A text generator over one seeded PRNG: words, sentences, paragraphs. */
function textMaker(seed) {
  const random = prng(seed);
  const vocabulary = makeVocabulary(random, 6000);
  const pickContent = weightedPicker(zipf(vocabulary.length, 1, 60), random);
  const word = () =>
    random() < 0.42 ? FUNCTION_WORDS[Math.floor(random() * FUNCTION_WORDS.length)] : vocabulary[pickContent()];
  const name = () => capitalize(vocabulary[pickContent()]);
  const sentence = (min, max) => {
    const length = min + Math.floor(random() * (max - min + 1));
    const words = [];
    for (let i = 0; i < length; i++) {
      let next = random() < 0.08 ? name() : word();
      if (random() < 0.03) next += '’s';
      if (i > 2 && i < length - 2 && random() < 0.07) next += ',';
      words.push(next);
    }
    words[0] = capitalize(words[0]);
    const text = `${words.join(' ')}.`;
    return random() < 0.1 ? `“${text}” ${name()} said.` : text;
  };
  const paragraph = () => {
    const sentences = [];
    const count = 2 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) sentences.push(sentence(8, 24));
    return sentences.join(' ');
  };
  return { random, vocabulary, word, name, sentence, paragraph };
}

/** The word the search keystrokes type, one letter at a time: a fairly common word of the vocabulary. */
function searchWordOf(vocabulary) {
  return vocabulary.slice(150).find((w) => /^[a-z]{7,}$/.test(w));
}

// ---------------------------------------------------------------------------------------------
// Folding and facts, shared by the generated feeds and the bundled one

const MARKS = /[\u0300-\u036f]/g;
const PUNCTUATION = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-' };

/** Lower case, no diacritics, plain quotes: the reader's folding, for the text these feeds contain. */
export function fold(text) {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/[‘’“”–—]/g, (c) => PUNCTUATION[c]);
}

/** How many leading letters of `word` occur in `folded` (0 to word.length). */
function longestPrefixIn(folded, word) {
  let length = 0;
  while (length < word.length && folded.includes(word.slice(0, length + 1))) length += 1;
  return length;
}

/** What the expectations need of one article: id, title, tags, and how much of the search word it contains. */
function factsOf({ id, title, tags }, searchText, searchWord) {
  return { id, title, tags, prefix: longestPrefixIn(fold(searchText), searchWord) };
}

// ---------------------------------------------------------------------------------------------
// Generated feeds

const pad = (n) => String(n).padStart(6, '0');

/** One made-up article; `when` is its publication time in ms. */
function makeArticle(text, tagPicker, index, when) {
  const { random, sentence, paragraph, name } = text;
  const id = `story-${pad(index)}`;
  const title = sentence(6, 12).replace(/\.$/, '').replace(/[“”]/g, '');
  const summary = sentence(14, 26);
  const paragraphs = [];
  let length = 0;
  const target = 2700 + Math.floor(random() * 600);
  while (length < target) {
    const p = paragraph();
    paragraphs.push(p);
    length += p.length;
  }
  const count = 1 + Math.floor(random() * 4);
  const tags = new Set();
  while (tags.size < count) tags.add(TAG_NAMES[tagPicker()]);
  const highlights = random() < 0.35 ? [sentence(8, 14), sentence(8, 14)] : [];
  // A little inline markup, as real feeds have: emphasis and a link in some paragraphs.
  const html = paragraphs
    .map((p, i) => {
      const words = p.split(' ');
      if (i === 1 && words.length > 6) words[3] = `<em>${words[3]}</em>`;
      if (i === 2 && words.length > 8) words[5] = `<a href="https://news.example/topic/${index % 97}">${words[5]}</a>`;
      return `<p>${words.join(' ')}</p>`;
    })
    .join('');
  const published = new Date(when).toISOString().replace(/\.\d+Z$/, 'Z');
  const item = {
    id,
    url: `https://news.example/${published.slice(0, 10).replaceAll('-', '/')}/${id}`,
    title,
    summary,
    content_html: html,
    date_published: published,
    ...(index % 7 === 3 ? { date_modified: new Date(when + 3 * 3600e3).toISOString().replace(/\.\d+Z$/, 'Z') } : {}),
    authors: [{ name: `${name()} ${name()}` }],
    tags: [...tags],
    ...(highlights.length ? { _article_reader: { highlights } } : {}),
  };
  const searchText = [title, summary, ...highlights, ...paragraphs].join('\n');
  return { item, searchText };
}

export const feedFile = (dir, count) => `${dir}/articles-${count}.json`;

/**
 * Writes the feed of `count` articles and its facts into `dir`, unless the same generator wrote
 * them already. Returns the facts.
 */
export async function writeGeneratedFeed(dir, count, log = () => {}) {
  const path = feedFile(dir, count);
  const factsPath = path.replace(/\.json$/, '.facts.json');
  if (existsSync(path) && existsSync(factsPath)) {
    const facts = JSON.parse(readFileSync(factsPath, 'utf8'));
    if (facts.generator === GENERATOR_VERSION) return facts;
  }
  log(`writing ${count.toLocaleString('en')} articles to ${path}`);
  const text = textMaker(20241025 + count);
  const searchWord = searchWordOf(text.vocabulary);
  const tagPicker = weightedPicker(zipf(TAG_NAMES.length, 0.85), text.random);
  const file = openSync(`${path}.partial`, 'w');
  writeSync(
    file,
    `{"version":"https://jsonfeed.org/version/1.1","title":"Benchmark news","home_page_url":"https://news.example/",` +
      `"description":"${count.toLocaleString('en')} made-up articles for the benchmark","language":"en","items":[\n`,
  );
  const articles = [];
  let when = Date.UTC(2026, 10, 27, 18, 0, 0);
  let chunk = [];
  for (let index = 0; index < count; index++) {
    const { item, searchText } = makeArticle(text, tagPicker, index, when);
    articles.push(factsOf(item, searchText, searchWord));
    chunk.push(JSON.stringify(item));
    // Strictly decreasing times: newest first, and no two articles the reader could order differently.
    when -= 60e3 * (3 + Math.floor(text.random() * 27));
    if (chunk.length === 500 || index === count - 1) {
      writeSync(file, chunk.join(',\n') + (index === count - 1 ? '\n]}\n' : ',\n'));
      chunk = [];
    }
  }
  closeSync(file);
  renameSync(`${path}.partial`, path);
  const facts = { generator: GENERATOR_VERSION, searchWord, articles, transfer: await transferSizes(path, log) };
  writeFileSync(factsPath, JSON.stringify(facts));
  return facts;
}

/** The facts of a feed read from a file (the bundled one): sorted newest first, as the reader shows it. */
export function factsOfFeedFile(path, searchWord) {
  const feed = JSON.parse(readFileSync(path, 'utf8'));
  const bodyText = (item) =>
    (item.content_html ?? '')
      .replace(/<\/(p|h\d|li|blockquote|figcaption|pre)>/g, '\n')
      .replace(/<[^>]*>/g, '')
      .replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]) ||
    (item.content_text ?? '');
  const date = (item) => Date.parse(item.date_published ?? item.date_modified ?? '') || -Infinity;
  const items = feed.items.map((item, order) => ({ item, order })).sort((a, b) => date(b.item) - date(a.item) || a.order - b.order);
  const articles = items.map(({ item }) =>
    factsOf(
      { id: String(item.id), title: item.title, tags: item.tags ?? [] },
      [item.title, item.summary ?? '', ...(item._article_reader?.highlights ?? []), bodyText(item)].join('\n'),
      searchWord,
    ),
  );
  return { searchWord, articles };
}

// ---------------------------------------------------------------------------------------------
// Transfer sizes

/** Bytes on the wire, as a server would send files compressed ahead: gzip 9, brotli 11. */
export { compressedSizes } from '../tests/size/reader-size.mjs';

/**
 * The same for a feed file, streamed, so a 300 MB feed never sits in memory, at the levels a
 * server compressing on the fly would use: gzip 6 and brotli 5 (quality 11 would take minutes for
 * the largest feed and saves about 6% more on this text). Measured once, when the feed is written.
 */
export async function transferSizes(path, log = () => {}) {
  log(`compressing ${path} to measure its transfer size`);
  const counter = () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        sink.bytes += chunk.length;
        done();
      },
    });
    sink.bytes = 0;
    return sink;
  };
  const raw = counter();
  const gzip = counter();
  const brotli = counter();
  await Promise.all([
    pipeline(createReadStream(path), raw),
    pipeline(createReadStream(path), zlib.createGzip({ level: 6 }), gzip),
    pipeline(createReadStream(path), zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }), brotli),
  ]);
  return { raw: raw.bytes, gzip: gzip.bytes, brotli: brotli.bytes };
}

// ---------------------------------------------------------------------------------------------
// Expectations

/** The feed's tags as the reader lists them: most articles first, then by name. */
export function tagIndex(facts) {
  const byKey = new Map();
  facts.articles.forEach((article, position) => {
    for (const name of article.tags) {
      const key = name.trim().toLowerCase();
      if (!byKey.has(key)) byKey.set(key, { key, name: name.trim(), positions: [] });
      byKey.get(key).positions.push(position);
    }
  });
  return [...byKey.values()].sort((a, b) => b.positions.length - a.positions.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * What the feed page shows for `tags` (keys) matched `mode` ('any' or 'all') and the first
 * `typed` letters of the search word, with `pages` pages shown ("Show more" pressed one time fewer):
 * how many articles match, the ids of the pages shown, and
 * for every tag in the bar how many articles pressing (or releasing) it would leave.
 */
export function expectedView(facts, entries, { tags = [], mode = 'any', typed = 0, pages = 1 }) {
  const keysOf = facts.articles.map((a) => new Set(a.tags.map((t) => t.trim().toLowerCase())));
  const matches = (position, selected) => {
    if (typed > 0 && facts.articles[position].prefix < typed) return false;
    if (selected.length === 0) return true;
    const has = (key) => keysOf[position].has(key);
    return mode === 'all' ? selected.every(has) : selected.some(has);
  };
  const select = (selected) => facts.articles.map((_, p) => p).filter((p) => matches(p, selected));
  const result = select(tags);
  const counts = entries.map(({ key }) =>
    tags.includes(key) ? select(tags.filter((t) => t !== key)).length : select([...tags, key]).length,
  );
  return {
    setsize: result.length,
    ids: result.slice(0, PAGE_SIZE * pages).map((p) => facts.articles[p].id),
    counts,
    pages,
  };
}
