// Starts the standalone page: the reader in #article-reader, which the release build has
// prerendered (the bundled feed's feed view), is hydrated: the same nodes, now live. It routes by
// the URL fragment, and reads ?src=, ?tags= and the other attributes from the query string. An
// external module rather than trunk's inline script, so the page runs under a
// Content-Security-Policy without 'unsafe-inline'. The wasm's URL is built from this file's own,
// so the page works from any path.
const root = document.getElementById('article-reader');

// A link followed in the prerendered HTML before the wasm came has already set the fragment, and
// the reader starts there. A page asking for another view than the prerendered one (an article,
// a filter, another feed or other options) keeps that view hidden until the reader shows the one
// asked for, so no frame of a view nobody asked for is seen.
const asksAnotherView = () => /^#\/./.test(location.hash) || location.search.length > 1;
if (asksAnotherView()) root.style.visibility = 'hidden';

try {
  const { default: init, mountPage, languageFiles } = await import('./article-reader-app.js');
  await init({ module_or_path: new URL('./article-reader-app_bg.wasm', import.meta.url) });
  languageFiles(new URL('./lang/', import.meta.url).href);
  mountPage(root);
} catch (error) {
  // The prerendered headlines stay, with a word on what does not work.
  console.error('article-reader: the reader could not start:', error);
  const note = Object.assign(document.createElement('p'), {
    className: 'ar-page-note',
    textContent: 'The reader could not start: searching, filtering by tag and reading an article here do not work.',
  });
  note.setAttribute('role', 'status');
  document.body.prepend(note);
} finally {
  // The reader renders in the microtasks after mounting, before this frame is painted.
  requestAnimationFrame(() => root.style.removeProperty('visibility'));
}
