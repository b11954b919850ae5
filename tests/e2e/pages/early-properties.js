// A host that sets the reader's properties before article-reader.js has loaded: while the
// element is not yet defined they are plain properties of the element, which would hide the
// accessors; the element takes them over when it is defined. Then one written after the
// element is defined but before the wasm has loaded. What each reader shows lands in
// `window.__early`, read by engines.e2e.mjs.

const FEED = '/fixtures/publisher.json';

// Every option but `lang` (HTMLElement's own accessor writes the attribute) is a plain own
// property here, the later write: `tags` and `pageSize` over the attributes.
const early = document.querySelector('#early');
Object.assign(early, {
  src: FEED,
  tags: ['Harbour'],
  match: 'all',
  routing: 'memory',
  pageSize: 5,
  theme: 'dark',
  maxSize: '2MiB',
  layout: 'list',
  controls: 'search tags',
  open: 'new-tab',
  keyboard: false,
  maxItems: 4,
  textSize: 150,
  font: 'sans',
  width: 'wide',
  spacing: 'loose',
});
early.lang = 'en-GB';
const handed = document.querySelector('#handed');
handed.feed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Handed over',
  items: [{ id: 'one', title: 'The only article', content_text: 'Text.', date_published: '2026-01-01T00:00:00Z' }],
};
const ownBefore = Object.keys(early).length;

await import(new URL(location.href).searchParams.get('reader'));

// Defined now, and the wasm still loading: through the accessors, queued.
const after = document.createElement('article-reader');
after.id = 'after';
after.src = FEED;
after.tags = ['culture'];
after.pageSize = 2;
document.body.append(after);
// Nothing reads an option before the wasm has: the property is null until then.
const beforeWasm = after.pageSize;

// Never connected, so never started: its properties are the core's reading of its attributes.
const loose = document.createElement('article-reader');
loose.setAttribute('page-size', '0');
loose.setAttribute('tags', ' Harbour,, Tea ');
loose.setAttribute('keyboard', 'OFF');

const text = (node) => node?.textContent.replace(/\s+/g, ' ').trim() ?? null;
const shown = (el) => ({
  own: Object.keys(el),
  headlines: [...el.shadowRoot.querySelectorAll('[role=feed] article h2')].map(text),
  title: text(el.shadowRoot.querySelector('.ar-masthead__title, h1')),
  classes: [...(el.shadowRoot.querySelector('.ar-app')?.classList ?? [])].filter((c) => c !== 'ar-app').sort(),
  options: Object.fromEntries(['src', 'tags', 'match', 'routing', 'pageSize', 'lang', 'theme', 'maxSize', 'layout',
    'controls', 'open', 'keyboard', 'maxItems', 'textSize', 'font', 'width', 'spacing'].map((p) => [p, el[p]])),
});
try {
  await Promise.all([early.ready, handed.ready, after.ready]);
  const unstarted = { pageSize: loose.pageSize, tags: loose.tags, keyboard: loose.keyboard, layout: loose.layout };
  window.__early = { ownBefore, beforeWasm, unstarted, early: shown(early), handed: shown(handed), after: shown(after) };
} catch (error) {
  window.__early = { error: String(error?.message ?? error) };
}
