// The end-to-end checks' probe, served at /e2e/probe.js and put first in every page's <head> by
// the test server (tests/e2e/server.mjs). WebDriver cannot read a page's console in every engine,
// so the page records here what the checks must see:
//   window.__e2e.problems  uncaught errors, rejected promises, console.error calls, and every
//                          Content-Security-Policy violation (a blocked script, style, image…)
//   window.__e2e.warnings  console.warn calls
// and defines `__xss()`, which the hostile-content fixture's payloads call if they ever run.
// An external same-origin script, so the pages' `script-src 'self'` allows it.
(() => {
  const problems = [];
  const warnings = [];
  window.__e2e = { problems, warnings };
  const text = (values) => values.map((value) => (value instanceof Error ? value.message : String(value))).join(' ');

  window.addEventListener('error', (event) => {
    // Resource load failures also arrive here (as plain Events); only script errors count.
    if (event instanceof ErrorEvent) problems.push(`page error: ${event.message}`);
  });
  window.addEventListener('unhandledrejection', (event) => problems.push(`unhandled rejection: ${text([event.reason])}`));
  // Composed: violations inside a shadow root reach the document too.
  document.addEventListener('securitypolicyviolation', (event) =>
    problems.push(`csp violation: ${event.violatedDirective} ${event.blockedURI}`));

  const { error, warn } = console;
  console.error = (...values) => {
    problems.push(`console error: ${text(values)}`);
    error.apply(console, values);
  };
  console.warn = (...values) => {
    warnings.push(text(values));
    warn.apply(console, values);
  };

  window.__xss = () => problems.push('a script from the feed ran');
})();
