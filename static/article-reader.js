// article-reader: the <article-reader> element and mount(), for pages that embed the reader.
//
//   <script type="module" src="https://example.com/reader/article-reader.js"></script>
//   <article-reader src="feed.json" tags="pakistan" theme="auto"></article-reader>
//
// A thin shell: it loads the wasm (from beside this file, whatever path or origin that is),
// gives each reader a shadow root with the reader's stylesheet, and passes attributes through
// unchanged. Every decision (what an attribute means, rendering, events) is made in Rust.

const here = import.meta.url;

/** The attributes a reader understands; `mount()` takes the same names (or camelCase). */
export const ATTRIBUTES = ['src', 'tags', 'match', 'routing', 'page-size', 'lang', 'theme', 'max-size'];

let wasm = null;

/** Loads and starts the wasm once for the whole page. */
function loadWasm() {
  wasm ??= import(new URL('./article-reader-app.js', here).href).then(async (glue) => {
    await glue.default({ module_or_path: new URL('./article-reader-app_bg.wasm', here) });
    return glue;
  });
  return wasm;
}

/** `{ pageSize: 5, tags: ['a', 'b'] }` as attribute-style strings: `{ 'page-size': '5', tags: 'a,b' }`. */
function asAttributes(options = {}) {
  const out = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === null) continue;
    const name = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    out[name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return out;
}

/** Gives `host` an open shadow root holding the reader's stylesheet and a mount point. */
function prepareShadowRoot(host) {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL('./reader.css', here).href;
  const root = document.createElement('div');
  shadow.replaceChildren(style, root);
  return { shadow, root };
}

/**
 * Mounts a reader into `host` (an element that can hold a shadow root, such as a <div> or
 * <section>) and resolves to a handle: `update(options)`, `setFilter(tags, match)`, `destroy()`.
 * Options are the attributes' names, camelCase or not: src, tags, match, routing, pageSize,
 * lang, theme, maxSize.
 */
export async function mount(host, options = {}) {
  const glue = await loadWasm();
  const { shadow, root } = prepareShadowRoot(host);
  let handle = glue.mountReader(root, asAttributes(options));
  return {
    update(next) {
      handle?.update(asAttributes(next));
    },
    setFilter(tags = [], match = 'any') {
      handle?.setFilter(Array.from(tags, String), match);
    },
    destroy() {
      if (!handle) return;
      handle.destroy();
      handle.free();
      handle = null;
      shadow.replaceChildren();
    },
  };
}

class ArticleReaderElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #reader = null;
  #mounting = null;

  connectedCallback() {
    if (this.#reader || this.#mounting) return;
    const mounting = mount(this, this.#options()).then((reader) => {
      // The element may have left the page, or its attributes changed, while the wasm loaded.
      if (this.#mounting !== mounting || !this.isConnected) {
        reader.destroy();
        return;
      }
      this.#mounting = null;
      this.#reader = reader;
      reader.update(this.#options());
    });
    this.#mounting = mounting;
    mounting.catch((error) => console.error('article-reader: the reader could not start:', error));
  }

  disconnectedCallback() {
    // Moving the element within the page disconnects and reconnects it at once; only tear down
    // when it is really gone.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#mounting = null;
      this.#reader?.destroy();
      this.#reader = null;
    });
  }

  attributeChangedCallback() {
    this.#reader?.update(this.#options());
  }

  /** Shows the feed filtered by `tags`, matching `any` or `all` of them. */
  setFilter(tags, match = 'any') {
    this.#reader?.setFilter(tags, match);
  }

  #options() {
    const options = {};
    for (const name of ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value !== null) options[name] = value;
    }
    return options;
  }
}

if (!customElements.get('article-reader')) {
  customElements.define('article-reader', ArticleReaderElement);
}
