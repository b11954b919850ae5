// Types of article-reader.js: `mount()` and its handle, the options, the <article-reader> element
// and its events. tests/types/ holds this file to the code and compiles a host page against it.

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1), already parsed. */
export interface JsonFeed {
  version: string;
  title: string;
  items: Array<Record<string, unknown>>;
  [member: string]: unknown;
}

/**
 * What a host can set. Every option is also an attribute (`page-size` for `pageSize`) and a
 * property of the element; `null` returns an option to its default, and an option left out of
 * `update()` keeps its value.
 */
export interface ReaderOptions {
  /** The URL of a JSON Feed (http, https or relative to the page). Default: the bundled feed. */
  src?: string | null;
  /** A JSON Feed handed over already parsed; it comes before the inline feed and `src`. */
  feed?: JsonFeed | null;
  /** The tag filter. Each name may contain commas. */
  tags?: string[] | null;
  /** Whether an article needs any (the default) or all of the tags. */
  match?: 'any' | 'all' | null;
  /** Keep the reader's place in memory (the default) or in the URL fragment. */
  routing?: 'memory' | 'hash' | null;
  /** Articles before "Show more", 1 to 1000. Default 20. */
  pageSize?: number | null;
  /** The content's language, such as "ar-SA". Default: the feed's. */
  lang?: string | null;
  /** Default "auto": the system's. */
  theme?: 'auto' | 'light' | 'sepia' | 'dark' | null;
  /** The largest feed accepted: bytes, or a size such as "8MiB". Default "64MiB". */
  maxSize?: number | string | null;
  /** How the articles are drawn. Default "full". */
  layout?: 'full' | 'list' | 'cards' | 'compact' | null;
  /** The chrome shown: "none", or some of "masthead search tags following". Default all; none for compact. */
  controls?: string | null;
  /** What a headline does: show the article in the reader (the default), or go to its own address. */
  open?: 'inline' | 'link' | 'new-tab' | null;
  /** Single-key shortcuts (j, k, /, ?). Default true. */
  keyboard?: boolean | null;
  /** At most this many articles in all. Default: no limit. */
  maxItems?: number | null;
  /** Text size in percent of the person's default font size (85, 100, 115, 130, 150, 175 or 200; others go to the nearest). A person's own choice in the reading settings wins. */
  textSize?: number | null;
  /** The reading text's family. Default: the reader's serif, or the host's --ar-font-text. */
  font?: 'serif' | 'sans' | 'mono' | null;
  /** How wide the article's column may grow. */
  width?: 'narrow' | 'normal' | 'wide' | null;
  /** The space between lines of the reading text. */
  spacing?: 'tight' | 'normal' | 'loose' | null;
}

/** Every option's value as the reader holds it now. */
export interface ReaderOptionValues {
  src: string | null;
  feed: JsonFeed | null;
  tags: string[];
  match: 'any' | 'all';
  routing: 'memory' | 'hash';
  pageSize: number;
  lang: string | null;
  theme: 'auto' | 'light' | 'sepia' | 'dark';
  maxSize: number;
  layout: 'full' | 'list' | 'cards' | 'compact';
  controls: string;
  open: 'inline' | 'link' | 'new-tab';
  keyboard: boolean;
  maxItems: number | null;
  textSize: number | null;
  font: 'serif' | 'sans' | 'mono' | null;
  width: 'narrow' | 'normal' | 'wide' | null;
  spacing: 'tight' | 'normal' | 'loose' | null;
}

/** `article-reader-ready`: a feed is on screen. */
export interface ReadyDetail {
  articles: number;
  skipped: number;
}

/** `article-reader-error`: the feed cannot be shown (after the reader's own retries). */
export interface ErrorDetail {
  message: string;
  kind: 'fetch' | 'invalid' | 'too-large';
  url: string | null;
  /** The copy of the feed kept from an earlier visit is shown instead. */
  kept: boolean;
}

/** `article-reader-open`, dispatched before the article opens. */
export interface OpenDetail {
  id: string;
  title: string;
  /** The article's own address. */
  url: string | null;
  /** The reader's route to it, such as "#/article/<id>". */
  route: string;
}

/** `article-reader-filter`: the tag filter changed. */
export interface FilterDetail {
  tags: string[];
  match: 'any' | 'all';
}

/** What `ready` rejects with: the `article-reader-error` detail on an Error. */
export interface ReaderError extends Error, ErrorDetail {}

/** A reader mounted with `mount()`. */
export interface ReaderHandle {
  /** Resolves when the first feed is on screen; rejects with a `ReaderError` if it cannot be. */
  readonly ready: Promise<ReadyDetail>;
  /** Sets the options named; the others keep their values. */
  update(options: ReaderOptions): void;
  /** Shows the feed filtered by `tags`. */
  setFilter(tags: Iterable<string>, match?: 'any' | 'all'): void;
  readonly options: ReaderOptionValues;
  /** Removes the reader, its listeners and its stylesheet. */
  destroy(): void;
}

/** Mounts a reader into `host`, an element that can hold a shadow root (`div`, `section`, …). */
export function mount(host: HTMLElement, options?: ReaderOptions): Promise<ReaderHandle>;

/** Every option: its attribute (`null` for one only JavaScript can give) and its property. */
export const OPTIONS: ReadonlyArray<readonly [string | null, keyof ReaderOptions]>;
/** The attributes a reader understands. */
export const ATTRIBUTES: readonly string[];
/** This module's version. */
export const version: string;

/**
 * The `<article-reader>` element. Each option's property reads the reader's value, typed; until
 * the module's wasm has loaded it reads `null`. A property set before this module loaded is taken
 * over when the element is defined.
 */
export interface ArticleReaderElement extends HTMLElement {
  src: string | null;
  feed: JsonFeed | null;
  tags: string[];
  match: 'any' | 'all';
  routing: 'memory' | 'hash';
  pageSize: number;
  lang: string;
  theme: 'auto' | 'light' | 'sepia' | 'dark';
  maxSize: number | string;
  layout: 'full' | 'list' | 'cards' | 'compact';
  controls: string;
  open: 'inline' | 'link' | 'new-tab';
  keyboard: boolean;
  maxItems: number | null;
  textSize: number | null;
  font: 'serif' | 'sans' | 'mono' | null;
  width: 'narrow' | 'normal' | 'wide' | null;
  spacing: 'tight' | 'normal' | 'loose' | null;
  readonly version: string;
  /** Resolves when the first feed is on screen; rejects with a `ReaderError` if it cannot be. */
  readonly ready: Promise<ReadyDetail>;
  /** Shows the feed filtered by `tags`. */
  setFilter(tags: Iterable<string>, match?: 'any' | 'all'): void;
  /** Sets the options named; the others keep their values. */
  update(options: ReaderOptions): void;
  addEventListener<K extends keyof ArticleReaderEventMap>(
    type: K,
    listener: (this: ArticleReaderElement, event: ArticleReaderEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

/** The events a reader dispatches; all bubble and are composed. */
export interface ArticleReaderEventMap extends HTMLElementEventMap {
  'article-reader-ready': CustomEvent<ReadyDetail>;
  'article-reader-error': CustomEvent<ErrorDetail>;
  'article-reader-open': CustomEvent<OpenDetail>;
  'article-reader-filter': CustomEvent<FilterDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-reader': ArticleReaderElement;
  }
  interface HTMLElementEventMap {
    'article-reader-ready': CustomEvent<ReadyDetail>;
    'article-reader-error': CustomEvent<ErrorDetail>;
    'article-reader-open': CustomEvent<OpenDetail>;
    'article-reader-filter': CustomEvent<FilterDetail>;
  }
  /** The events bubble to the document, where a host may listen for every reader at once. */
  interface DocumentEventMap {
    'article-reader-ready': CustomEvent<ReadyDetail>;
    'article-reader-error': CustomEvent<ErrorDetail>;
    'article-reader-open': CustomEvent<OpenDetail>;
    'article-reader-filter': CustomEvent<FilterDetail>;
  }
}
