// Injected into every page the benchmark opens, before the page's own scripts (through the
// DevTools protocol, which the page's Content-Security-Policy does not govern). It times inside
// the page, so no round trip to the driver is counted:
//
//   ready    when the awaited state is in the DOM, with style and layout brought up to date
//            (the script's and the layout's work: what has to fit in one 16 ms frame);
//   painted  after the next frame: a requestAnimationFrame callback, then a task queued from
//            it, which runs once that frame has been painted (this adds the wait for the frame).
//            The task has the scheduler's highest priority, so work a page defers to a timer
//            after its first paint (the baseline's search index) does not count as painting.
//
// Both are milliseconds since the page's time origin (navigation start) for the first article,
// and since the triggering input event's timeStamp (when the browser received the input) for an
// interaction. The state is checked after every batch of DOM mutations, so the first batch that
// shows it is the one timed.
(() => {
  // When the next frame has been painted: bench/after-next-paint.js, injected first.
  const afterNextPaint = globalThis.__benchAfterNextPaint;

  /** Resolves with { ready, painted } once `holds()` is true after a DOM mutation. */
  const whenShown = (holds) =>
    new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!holds()) return;
        observer.disconnect();
        document.documentElement.getBoundingClientRect(); // Brings style and layout up to date.
        const ready = performance.now();
        afterNextPaint().then((painted) => resolve({ ready, painted }));
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    });

  /** Whether the page shows `expected`: a feed page (first card, result size, cards shown) or an article (and its body). */
  const shows = (expected) => {
    if (expected.title !== undefined) {
      // In a split feed the title comes from the index at once and the body from its chunk.
      return (
        document.querySelector('h1.ar-article__title')?.textContent === expected.title &&
        (!expected.body || document.querySelector('.ar-article .ar-body p') !== null)
      );
    }
    const cards = document.querySelectorAll('[role=feed] article');
    if (expected.setsize === 0) return cards.length === 0 && document.querySelector('.ar-empty') !== null;
    return (
      cards.length === Math.min(expected.setsize, expected.pageSize) &&
      cards[0].getAttribute('data-article') === expected.first &&
      cards[0].getAttribute('aria-setsize') === String(expected.setsize)
    );
  };

  // Every task of 50 ms or more (the Long Tasks API), to find the longest after the first article.
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) longTasks.push({ start: task.startTime, duration: task.duration });
  }).observe({ type: 'longtask', buffered: true });
  const probe = {
    longTasks,
    // The expected feed's first card (the driver sets `__benchFirstArticle`), so the standalone
    // page's prerendered view of the bundled feed does not count for a feed fetched with ?src=.
    firstArticle: whenShown(() => {
      const card = document.querySelector('[role=feed] article');
      return card !== null && (window.__benchFirstArticle === undefined || card.getAttribute('data-article') === window.__benchFirstArticle);
    }),
    pending: null,

    /** Times the next `type` event (click, keydown, input) until the page shows `expected`. */
    arm(type, expected) {
      probe.pending = new Promise((resolve) => {
        addEventListener(
          type,
          (event) => {
            const start = event.timeStamp;
            whenShown(() => shows(expected)).then(({ ready, painted }) => resolve({ ready: ready - start, painted: painted - start }));
          },
          { capture: true, once: true },
        );
      });
    },

    /** What the feed page shows, to compare with what the feed says it must. */
    feedView() {
      const cards = [...document.querySelectorAll('[role=feed] article')];
      return {
        ids: cards.map((card) => card.getAttribute('data-article')),
        setsize: cards.length ? Number(cards[0].getAttribute('aria-setsize')) : 0,
        counts: [...document.querySelectorAll('button.ar-toggle')].map((button) =>
          // The count as the toggle shows it, grouped in the interface's language ("3,860").
          Number(button.querySelector('.ar-toggle__count').firstChild.textContent.replace(/\D/g, '')),
        ),
      };
    },
  };
  Object.defineProperty(window, '__benchProbe', { value: probe });
})();
