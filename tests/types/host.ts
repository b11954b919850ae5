// A host page's script, as a publisher using TypeScript writes it: compiled with
// `tsc --noEmit --strict` against dist/article-reader.d.ts by tests/types/check.mjs. Every
// `@ts-expect-error` line must be an error, so the types are as strict as they claim.
import { mount, version, OPTIONS, type ReaderHandle, type OpenDetail } from 'article-reader';

async function embed(host: HTMLDivElement): Promise<ReaderHandle> {
  const reader = await mount(host, { src: '/feeds/world.json', tags: ['tea, coffee'], pageSize: 5, keyboard: false });
  const { articles, skipped } = await reader.ready;
  console.log(`${articles} articles, ${skipped} skipped, article-reader ${version}`);
  reader.update({ theme: 'dark', layout: 'cards', controls: 'search', maxItems: 3, open: 'new-tab' });
  reader.update({ theme: null, maxSize: '8MiB' });
  reader.setFilter(new Set(['pakistan']), 'all');
  const size: number = reader.options.pageSize;
  const tags: string[] = reader.options.tags;
  console.log(size, tags, OPTIONS.length);
  // @ts-expect-error pageSize is a number
  reader.update({ pageSize: 'five' });
  // @ts-expect-error there is no such theme
  reader.update({ theme: 'blue' });
  // @ts-expect-error there is no such option
  reader.update({ colour: 'red' });
  return reader;
}

const element = document.querySelector('article-reader');
if (element) {
  element.pageSize = 10;
  element.tags = ['pakistan'];
  element.layout = 'compact';
  element.feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Inline', items: [] };
  // @ts-expect-error layout has four values
  element.layout = 'grid';
  element.addEventListener('article-reader-open', (event) => {
    const detail: OpenDetail = event.detail;
    if (detail.url) event.preventDefault();
    // @ts-expect-error the detail has no such member
    console.log(event.detail.href);
  });
  element.addEventListener('article-reader-error', (event) => {
    const kind: 'fetch' | 'invalid' | 'too-large' = event.detail.kind;
    console.log(kind, event.detail.message, event.detail.url);
  });
  document.addEventListener('article-reader-filter', (event) => console.log(event.detail.tags, event.detail.match));
  element.ready.then((ready) => console.log(ready.articles), (error: unknown) => console.error(error));
  console.log(element.version.length);
  element.setFilter(['uk']);
  element.update({ theme: 'dark', pageSize: 5 });
  // @ts-expect-error update takes options
  element.update({ pagesize: 5 });
}

const created = document.createElement('article-reader');
created.src = '/feeds/desk.json';
document.body.append(created);
void embed(document.createElement('div'));
