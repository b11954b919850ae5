// Injected by the first-paint case (bench/first-paint.mjs) into every page it loads, before the
// page's own scripts (through the DevTools protocol). It watches the page from navigation start
// and records, in milliseconds since the page's time origin:
//
//   firstArticle  the first frame in which the first `[role=feed] article h2` (in the document,
//                 or in an <article-reader>'s shadow root) exists, has a box inside the viewport
//                 and is visible (checkVisibility: not hidden, not transparent). Checked in a
//                 requestAnimationFrame callback every frame, so `frame` is that frame's rendering
//                 step, just before its paint; `painted` is a highest-priority task queued from it,
//                 which runs once that frame has been painted (as bench/probe.js does), or later
//                 when a long task (a module's evaluation, the wasm's start) runs first. The
//                 headline's element timing is not available (the markup is the page's, not ours,
//                 and in a shadow root), and LCP is not necessarily the headline.
//   fcp           first-contentful-paint from the Paint Timing API.
//   interactive   the first frame in which the reader can be used, by the page's kind:
//                 'hydrated'  the first article is there and `.ar-app` no longer has
//                             `.ar-prerendered` (the wasm has hydrated the prerendered view);
//                 'ready'     the first article is there and `article-reader-ready` was heard
//                             (a reader that renders from nothing: the build before prerendering);
//                 'settled'   the first article is there (the baseline, which has no ready event;
//                             its first render is its whole start, and its search text is built
//                             in a later task that changes nothing on screen).
//   shifts        every layout-shift entry (not after input), with the nodes that moved, so the
//                 driver sums the cumulative layout shift up to the interactive frame's paint and
//                 in the second after it.
(() => {
  // When the next frame has been painted: bench/after-next-paint.js, injected first.
  const afterNextPaint = globalThis.__benchAfterNextPaint;

  const describe = (node) => {
    if (!node) return '(gone)';
    if (node.nodeType !== Node.ELEMENT_NODE) return node.nodeName;
    const classes = [...node.classList].slice(0, 2).map((c) => `.${c}`).join('');
    const inShadow = node.getRootNode() instanceof ShadowRoot ? ' (shadow)' : '';
    return `${node.localName}${node.id ? `#${node.id}` : ''}${classes}${inShadow}`;
  };
  const shifts = [];
  const paints = {};
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        const box = ({ x, y, width, height }) => [x, y, width, height].map(Math.round);
        const sources = (entry.sources ?? []).map((s) => ({ node: describe(s.node), from: box(s.previousRect), to: box(s.currentRect) }));
        shifts.push({ value: entry.value, startTime: entry.startTime, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) paints[entry.name] ??= entry.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch {}

  let readyHeard = null;
  addEventListener('article-reader-ready', () => (readyHeard ??= performance.now()), { capture: true });

  /** Where the reader is drawn: an <article-reader>'s shadow root, else the document. */
  const root = () => document.querySelector('article-reader')?.shadowRoot ?? document;
  const headline = () => root().querySelector('[role=feed] article h2');
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return (
      box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth &&
      element.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    );
  };

  /** Resolves with { frame, painted } in the first frame in which `holds()` is true. */
  const firstFrameWhere = (holds) =>
    new Promise((resolve) => {
      const check = () => {
        if (!holds()) {
          requestAnimationFrame(check);
          return;
        }
        const frame = performance.now();
        afterNextPaint().then((painted) => resolve({ frame, painted }));
      };
      requestAnimationFrame(check);
    });

  const probe = {
    firstArticle: firstFrameWhere(() => {
      const h2 = headline();
      return h2 !== null && visible(h2);
    }),
    /** When the reader is usable, by the page's kind (see above); all watched from the start. */
    interactive: {
      hydrated: firstFrameWhere(() => {
        const app = root().querySelector('.ar-app');
        return headline() !== null && app !== null && !app.classList.contains('ar-prerendered');
      }),
      ready: firstFrameWhere(() => headline() !== null && readyHeard !== null),
      settled: firstFrameWhere(() => headline() !== null),
    },
    /** Everything recorded so far. */
    report() {
      return { fcp: paints['first-contentful-paint'] ?? null, firstPaint: paints['first-paint'] ?? null, readyHeard, shifts: [...shifts] };
    },
  };
  Object.defineProperty(window, '__firstPaintProbe', { value: probe });
})();
