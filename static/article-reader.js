// article-reader: the <article-reader> element and mount(), for pages that embed the reader.
//
//   <script type="module" src="https://example.com/reader/article-reader.js"></script>
//   <article-reader src="feed.json" tags="pakistan" theme="auto"></article-reader>
//
// A thin shell: it loads the wasm (from beside this file, whatever path or origin that is),
// gives each reader a shadow root with the reader's stylesheet, and hands options to Rust as
// they are written. Every decision (what an option means, rendering, events) is made in Rust.

const here = import.meta.url;

/** This module's version, the package's (Cargo.toml); the element has it as `version` too. */
export const version = '0.1.0';

/**
 * The subresource integrity of each file this module loads, written here by the release build
 * (scripts/trunk-post-build.sh); empty in a development build. A host that pins this module
 * with `integrity=` so pins all of them.
 */
const INTEGRITY = {};

/**
 * Every option: its attribute (`null` for one only JavaScript can give) and its property, which
 * is also its name in `mount()` and `update()`. Rust reads either name, and an attribute's text
 * or a property's typed value alike.
 */
export const OPTIONS = [
  ['src', 'src'],
  [null, 'feed'],
  ['tags', 'tags'],
  ['match', 'match'],
  ['routing', 'routing'],
  ['page-size', 'pageSize'],
  ['lang', 'lang'],
  ['theme', 'theme'],
  ['max-size', 'maxSize'],
  ['layout', 'layout'],
  ['controls', 'controls'],
  ['open', 'open'],
  ['keyboard', 'keyboard'],
  ['max-items', 'maxItems'],
  ['text-size', 'textSize'],
  ['font', 'font'],
  ['width', 'width'],
  ['spacing', 'spacing'],
];

/** The attributes a reader understands. */
export const ATTRIBUTES = OPTIONS.map(([attribute]) => attribute).filter(Boolean);

const propertyOf = new Map(OPTIONS.filter(([a]) => a).map(([attribute, property]) => [attribute, property]));

let wasm = null;
let styles = null;
/** The wasm's exports once it has loaded, for the properties' reads before a reader starts. */
let loaded = null;

/**
 * Loads and starts the wasm once for the whole page, with the reader's stylesheet: one
 * constructed sheet that every reader's shadow root adopts, in place before its first render.
 * Where constructed sheets are missing (or the fetch fails) the sheet is `null` and each reader
 * links the stylesheet instead. `withSheet` false (a prerendered reader, whose declarative
 * shadow root links it) leaves the sheet to a reader that needs it.
 */
function loadWasm(withSheet = true) {
  wasm ??= (async () => {
    const glueUrl = new URL('./article-reader-app.js', here).href;
    // `import()` takes no integrity; a module preloaded with one is what it then gets, or fails.
    if (INTEGRITY.glue) {
      const preload = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: glueUrl });
      preload.integrity = INTEGRITY.glue;
      document.head.append(preload);
    }
    const glue = await import(glueUrl);
    const wasmUrl = new URL('./article-reader-app_bg.wasm', here);
    await glue.default({ module_or_path: INTEGRITY.wasm ? fetch(wasmUrl, { integrity: INTEGRITY.wasm }) : wasmUrl });
    // The interface's languages but English are files beside this module, fetched when spoken.
    glue.languageFiles(new URL('./lang/', here).href);
    loaded = glue;
    return glue;
  })();
  // A prerendered reader links the stylesheet itself: only readers the module draws need it.
  if (!withSheet) return Promise.all([wasm, null]);
  styles ??= 'adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype
    ? fetch(new URL('./reader.css', here), { integrity: INTEGRITY.css ?? '' })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(response.statusText))))
      .then((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return sheet;
      })
      .catch(() => null)
    : Promise.resolve(null);
  return Promise.all([wasm, styles]);
}

/**
 * Mounts a reader into `host` now, the wasm being loaded: a mount point of its own in `host`'s
 * open shadow root, styled by the shared `sheet` (or a `<link>` of its own), so that destroying
 * it removes exactly what it added.
 */
function mountNow([glue, sheet], host, options, inlineFeed, earlyRoute) {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  // A prerendered reader (an importer's snippet: a declarative shadow root holding the server
  // renderer's HTML and its stylesheet's link) is hydrated where it is.
  const prerendered = prerenderedRoot(host);
  const root = prerendered ?? document.createElement('div');
  let link = null;
  if (prerendered) {
    // Its own <link> styles it already.
  } else if (sheet) {
    if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  } else {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    if (INTEGRITY.css) link.integrity = INTEGRITY.css;
    link.href = new URL('./reader.css', here).href;
    shadow.append(link);
  }
  if (!prerendered) shadow.append(root);
  sizeFromMedium(root);

  // Listening before the reader starts: the bundled feed is on screen in its first render.
  const mine = (event) => event.composedPath().includes(root);
  let settle;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  // A host that never asks for `ready` must not hear of its rejection as an unhandled one.
  ready.catch(() => {});
  const onReady = (event) => mine(event) && settle.resolve(event.detail);
  const onError = (event) => mine(event) && settle.reject(Object.assign(new Error(event.detail.message), event.detail));
  host.addEventListener('article-reader-ready', onReady);
  host.addEventListener('article-reader-error', onError);

  let handle = glue.mountReader(root, options, inlineFeed ?? undefined, earlyRoute ?? undefined);
  return {
    /** Resolves with `{ articles, skipped }` when the first feed is on screen; rejects if it cannot be. */
    ready,
    /** Sets the options named; the others keep their values, and `null` resets one. */
    update(next = {}) {
      handle?.update(next);
    },
    /** Shows the feed filtered by `tags`, matching `any` (the default) or `all` of them. */
    setFilter(tags = [], match = 'any') {
      handle?.setFilter(Array.from(tags, String), match);
    },
    /** Every option's current value, typed. */
    get options() {
      return handle ? JSON.parse(handle.optionsJson()) : {};
    },
    /** Removes the reader: its DOM, its listeners and its stylesheet. */
    destroy() {
      if (!handle) return;
      handle.destroy();
      handle.free();
      handle = null;
      host.removeEventListener('article-reader-ready', onReady);
      host.removeEventListener('article-reader-error', onError);
      link?.remove();
      if (sheet) shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
      root.remove();
    },
  };
}

/**
 * Sizes the reader in `root` from the person's default text size: inside a shadow root `rem` is
 * the host page's root size, so the reader's `--ar-c-medium` is `medium` measured here.
 */
function sizeFromMedium(root) {
  root.style.fontSize = 'medium';
  root.style.setProperty('--ar-c-medium', getComputedStyle(root).fontSize);
}

/** The mount point of a reader prerendered into `host`'s declarative shadow root, if it has one. */
function prerenderedRoot(host) {
  return [...(host.shadowRoot?.children ?? [])].find((child) => child.hasAttribute('data-ar-mount')) ?? null;
}

/**
 * Mounts a reader into `host` (an element that can hold a shadow root, such as a <div> or
 * <section>) and resolves to a handle: `ready`, `update(options)`, `setFilter(tags, match)`,
 * `options`, `destroy()`. Options are named as the element's properties (pageSize) or
 * attributes (page-size); see OPTIONS.
 */
export async function mount(host, options = {}) {
  return mountNow(await loadWasm(), host, options);
}

class ArticleReaderElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  static version = version;

  /** The version of the module that defined the element. */
  get version() {
    return version;
  }

  /** The mounted reader's handle, once the wasm has loaded. */
  #reader = null;
  /** Set while the wasm loads for this element; a connection that is over drops it. */
  #starting = null;
  /** What was written (attributes, properties, setFilter) before the reader started, in order. */
  #writes = [];
  #settle;
  #ready = new Promise((resolve, reject) => {
    this.#settle = { resolve, reject };
  });

  constructor() {
    super();
    this.#ready.catch(() => {});
    this.addEventListener('article-reader-ready', (event) => this.#settle.resolve(event.detail));
    this.addEventListener('article-reader-error', (event) =>
      this.#settle.reject(Object.assign(new Error(event.detail.message), event.detail)));
  }

  static {
    for (const [, property] of OPTIONS) {
      Object.defineProperty(this.prototype, property, {
        get() {
          const value = this.#read(property);
          // HTMLElement's own `lang`, which this one stands in for, reads '' when unset.
          return property === 'lang' ? value ?? '' : value;
        },
        set(value) {
          this.#write({ [property]: value });
        },
        enumerable: true,
        configurable: true,
      });
    }
  }

  /** Resolves with `{ articles, skipped }` when the first feed is on screen; rejects if it cannot be. */
  get ready() {
    return this.#ready;
  }

  connectedCallback() {
    this.#upgradeProperties();
    if (this.#reader || this.#starting) return;
    this.#stopKeeping = this.#keepEarlyClicks();
    const starting = loadWasm(!prerenderedRoot(this)).then((loaded) => {
      // The element may have left the page while the wasm loaded; a later connection starts
      // its own reader.
      if (this.#starting !== starting || !this.isConnected) return;
      this.#starting = null;
      this.#stopKeeping();
      this.#reader = mountNow(loaded, this, this.#initialOptions(), this.#inlineFeed(), this.#earlyRoute);
      this.#writes = [];
    });
    this.#starting = starting;
    starting.catch((error) => {
      console.error('article-reader: the reader could not start:', error);
      this.#settle.reject(error);
    });
  }

  disconnectedCallback() {
    // Moving the element within the page disconnects and reconnects it at once; only tear down
    // when it is really gone.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#starting = null;
      this.#stopKeeping();
      this.#reader?.destroy();
      this.#reader = null;
    });
  }

  attributeChangedCallback(name, _old, value) {
    this.#write({ [propertyOf.get(name)]: value });
  }

  /** Shows the feed filtered by `tags`, matching `any` (the default) or `all` of them. */
  setFilter(tags = [], match = 'any') {
    if (this.#reader) this.#reader.setFilter(tags, match);
    else this.#writes.push({ tags: Array.from(tags, String), match });
  }

  /** Sets the options named, as `mount()`'s handle does; the others keep their values. */
  update(options = {}) {
    this.#write({ ...options });
  }

  #write(options) {
    if (this.#reader) this.#reader.update(options);
    else this.#writes.push(options);
  }

  /**
   * The option's value as Rust reads it: the reader's, or, before it has started, what the
   * attributes and the writes so far come to. `null` until the wasm has loaded, as nothing
   * here reads an option.
   */
  #read(property) {
    if (this.#reader) return this.#reader.options[property];
    return loaded ? JSON.parse(loaded.optionValues(this.#initialOptions()))[property] : null;
  }

  /**
   * A property set on the element before it was defined (`el.tags = […]` before this module
   * loaded) is an own property of the element that hides the accessor: each is taken off and
   * written through the accessor, after the attributes, as the later write.
   */
  #upgradeProperties() {
    for (const [, property] of OPTIONS) {
      if (!Object.prototype.hasOwnProperty.call(this, property)) continue;
      const value = this[property];
      delete this[property];
      this[property] = value;
    }
  }

  /** The attributes as they are, then everything written since, in order: the last write wins. */
  #initialOptions() {
    const options = {};
    for (const name of ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value !== null) options[propertyOf.get(name)] = value;
    }
    return Object.assign(options, ...this.#writes);
  }

  /** The reader's route that a click on the prerendered HTML asked for before the wasm came. */
  #earlyRoute = null;
  /** Stops keeping those clicks. */
  #stopKeeping = () => {};

  /**
   * Until the wasm has started, a click on a prerendered reader's own links (`#/article/…`,
   * `#/?tag=…`) is kept, and the reader starts there, instead of being lost or moving the host
   * page's URL; a reader routing by the URL fragment lets the link set it. Returns what stops it.
   */
  #keepEarlyClicks() {
    const root = prerenderedRoot(this);
    // A prerendered reader is sized at once, not when the wasm comes, so it does not move then.
    if (root) sizeFromMedium(root);
    if (!root || this.getAttribute('routing') === 'hash') return () => {};
    const keep = (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      this.#earlyRoute = link.getAttribute('href');
      root.setAttribute('aria-busy', 'true');
    };
    root.addEventListener('click', keep);
    return () => {
      root.removeEventListener('click', keep);
      root.removeAttribute('aria-busy');
    };
  }

  /** The JSON text of a `<script type="application/feed+json">` inside the element. */
  #inlineFeed() {
    return this.querySelector(':scope > script[type="application/feed+json"]')?.textContent ?? null;
  }
}

const defined = customElements.get('article-reader');
if (!defined) {
  customElements.define('article-reader', ArticleReaderElement);
} else if (defined.version !== version) {
  // A second copy of the module, of another version: the first one's element stays.
  console.warn(
    `article-reader: ${version} is loaded, but <article-reader> is already ${defined.version ?? 'defined by another script'}; the page keeps that one.`,
  );
}
