// Injected before bench/probe.js and bench/first-paint-probe.js, so both benchmarks take
// "painted" the same way: a requestAnimationFrame callback, then a task queued from it, which
// runs once that frame has been painted. The task has the scheduler's highest priority, so work
// a page defers to a timer after its first paint does not count as painting. Resolves with
// milliseconds since the page's time origin.
Object.defineProperty(globalThis, '__benchAfterNextPaint', {
  value: () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const done = () => resolve(performance.now());
        if (globalThis.scheduler?.postTask) {
          scheduler.postTask(done, { priority: 'user-blocking' });
        } else {
          const channel = new MessageChannel();
          channel.port1.onmessage = done;
          channel.port2.postMessage(null);
        }
      }),
    ),
});
